from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.model_utils import Field, Model

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["TimeDelta"]

# ISO 8601 as pydantic writes a timedelta ("PT1H5S", "-P1DT21H", "P1Y35DT0.000005S"; a year is 365 days)
_ISO = re.compile(r"(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")


class TimeDelta(Model):
    """A fixed duration, split as Python's ``datetime.timedelta`` splits it.

    Airflow 2 sends these parts; Airflow 3 sends some durations (a DAG's ``dag_run_timeout``) as
    ISO 8601 text such as ``PT1H5S``, which is read into the same parts.
    """

    type_: str | None = Field(default=None, key="__type", doc="Always ``TimeDelta``.")
    days: int = Field(default=None, doc="Whole days.")
    seconds: int = Field(default=None, doc="Seconds beyond the days (0 to 86399).")
    microseconds: int = Field(default=None, doc="Microseconds beyond the seconds.")

    @classmethod
    def _from_server(cls, data: Any) -> Self:
        if isinstance(data, str):
            data = _parts(data)
        return super()._from_server(data)

    def as_timedelta(self) -> dt.timedelta:
        """The duration as a ``datetime.timedelta``."""
        return dt.timedelta(days=self.days or 0, seconds=self.seconds or 0, microseconds=self.microseconds or 0)


def _parts(text: str) -> dict[str, Any]:
    match = _ISO.fullmatch(text)
    if match is None or text.endswith(("P", "T")):
        raise ValueError(f"cannot read {text!r} as an ISO 8601 duration")
    sign, years, months, weeks, days, hours, minutes, seconds = match.groups()
    whole = dt.timedelta(
        days=int(years or 0) * 365 + int(months or 0) * 30 + int(weeks or 0) * 7 + int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=float(seconds or 0),
    )
    whole = -whole if sign else whole
    return {"__type": "TimeDelta", "days": whole.days, "seconds": whole.seconds, "microseconds": whole.microseconds}
