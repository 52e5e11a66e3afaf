"""A duration."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TimeDelta"]


class TimeDelta(Model):
    """A fixed duration, split as Python's ``datetime.timedelta`` splits it."""

    type_: str | None = Field(default=None, key="__type", doc="Always ``TimeDelta``.")
    days: int | None = Field(default=None, doc="Whole days.")
    seconds: int | None = Field(default=None, doc="Seconds beyond the days (0 to 86399).")
    microseconds: int | None = Field(default=None, doc="Microseconds beyond the seconds.")
