from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ScheduleInterval"]


class ScheduleInterval(Model):
    """How often a DAG runs: a TimeDelta, a RelativeDelta or a CronExpression, told apart by ``type_``.

    One model holds the fields of all three; those of the other kinds read as None.
    """

    type_: str | None = Field(
        default=None, key="__type", doc="Which kind: ``TimeDelta``, ``RelativeDelta`` or ``CronExpression``."
    )
    value: str | None = Field(default=None, doc="CronExpression: the expression.")
    years: int | None = Field(default=None, doc="RelativeDelta: years to add.")
    months: int | None = Field(default=None, doc="RelativeDelta: months to add.")
    days: int | None = Field(default=None, doc="TimeDelta: whole days; RelativeDelta: days to add.")
    leapdays: int | None = Field(default=None, doc="RelativeDelta: days to add in leap years after February.")
    hours: int | None = Field(default=None, doc="RelativeDelta: hours to add.")
    minutes: int | None = Field(default=None, doc="RelativeDelta: minutes to add.")
    seconds: int | None = Field(default=None, doc="TimeDelta: seconds beyond the days; RelativeDelta: seconds to add.")
    microseconds: int | None = Field(default=None, doc="TimeDelta and RelativeDelta: microseconds.")
    year: int | None = Field(default=None, doc="RelativeDelta: year to set.")
    month: int | None = Field(default=None, doc="RelativeDelta: month to set.")
    day: int | None = Field(default=None, doc="RelativeDelta: day of the month to set.")
    hour: int | None = Field(default=None, doc="RelativeDelta: hour to set.")
    minute: int | None = Field(default=None, doc="RelativeDelta: minute to set.")
    second: int | None = Field(default=None, doc="RelativeDelta: second to set.")
    microsecond: int | None = Field(default=None, doc="RelativeDelta: microsecond to set.")
