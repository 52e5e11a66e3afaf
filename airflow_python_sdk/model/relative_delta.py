from airflow_python_sdk.model_utils import Field, Model

__all__ = ["RelativeDelta"]


class RelativeDelta(Model):
    """An interval as dateutil's ``relativedelta`` holds it: relative amounts (plural) and absolute values."""

    type_: str | None = Field(default=None, key="__type", doc="Always ``RelativeDelta``.")
    years: int | None = Field(default=None, doc="Years to add.")
    months: int | None = Field(default=None, doc="Months to add.")
    days: int | None = Field(default=None, doc="Days to add.")
    leapdays: int | None = Field(default=None, doc="Days to add in leap years after February.")
    hours: int | None = Field(default=None, doc="Hours to add.")
    minutes: int | None = Field(default=None, doc="Minutes to add.")
    seconds: int | None = Field(default=None, doc="Seconds to add.")
    microseconds: int | None = Field(default=None, doc="Microseconds to add.")
    year: int | None = Field(default=None, doc="Year to set.")
    month: int | None = Field(default=None, doc="Month to set.")
    day: int | None = Field(default=None, doc="Day of the month to set.")
    hour: int | None = Field(default=None, doc="Hour to set.")
    minute: int | None = Field(default=None, doc="Minute to set.")
    second: int | None = Field(default=None, doc="Second to set.")
    microsecond: int | None = Field(default=None, doc="Microsecond to set.")
