"""What both pictures share: Airflow's state colours, the time axis, and SVG text."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import math
from typing import Any

__all__ = [
    "STATE_COLORS", "NO_STATE", "OTHER_STATE", "BACKGROUND", "val", "color_of", "local_zone", "offset_name", "ticks",
    "esc", "iso",
]  # fmt: skip

STATE_COLORS: dict[str, str] = {
    "deferred": "#9370db",  # mediumpurple
    "failed": "#ff0000",  # red
    "queued": "#808080",  # gray
    "removed": "#d3d3d3",  # lightgrey
    "restarting": "#ee82ee",  # violet
    "running": "#00ff00",  # lime
    "scheduled": "#d2b48c",  # tan
    "skipped": "#ff69b4",  # hotpink
    "success": "#008000",  # green
    "up_for_reschedule": "#40e0d0",  # turquoise
    "up_for_retry": "#ffd700",  # gold
    "upstream_failed": "#ffa500",  # orange
}
"""Airflow's own state colours (``STATE_COLORS`` of ``airflow/settings.py``, the grid and Gantt views'
``stateColors``), as the hex values of the CSS colour names Airflow gives."""
NO_STATE = "#ffffff"
"""A task instance without a state (drawn with a grey outline), as Airflow draws ``no_status``."""
OTHER_STATE = "#a9a9a9"
"""A state Airflow's map lacks (``awaiting_input`` of Airflow 3.3, a newer server's)."""
BACKGROUND = "#fbfbfd"
"""The picture's background: a colour nothing else on a notebook page has, to find it in a screenshot."""


def val(model: object, name: str) -> Any:
    """Field ``name`` of ``model`` as read, None when absent or unreadable: a picture never fails on one value."""
    return getattr(model, "__dict__", {}).get(name)


def color_of(state: object) -> str:
    """The fill of a state (an enum, a string or None)."""
    if state is None:
        return NO_STATE
    name = str(getattr(state, "value", state))
    return NO_STATE if name in ("none", "") else STATE_COLORS.get(name, OTHER_STATE)


def local_zone() -> dt.tzinfo:
    """The viewer's time zone: the local one of the process drawing (the notebook's kernel)."""
    return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def offset_name(zone: dt.tzinfo, at: dt.datetime) -> str:
    """``UTC+02:00`` for ``zone`` at the moment ``at``."""
    offset = at.astimezone(zone).utcoffset() or dt.timedelta(0)
    sign, minutes = ("-" if offset < dt.timedelta(0) else "+"), abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800]


def ticks(start: dt.datetime, end: dt.datetime, zone: dt.tzinfo, most: int = 8) -> list[tuple[dt.datetime, str]]:
    """Round moments between ``start`` and ``end`` (at most ``most``), each with its label in ``zone``."""
    span = max((end - start).total_seconds(), 1.0)
    step = next((s for s in _STEPS if span / s <= most), _STEPS[-1] * math.ceil(span / _STEPS[-1] / most))
    shift = (start.astimezone(zone).utcoffset() or dt.timedelta(0)).total_seconds()
    first = math.ceil((start.timestamp() + shift) / step) * step - shift
    fmt = "%H:%M:%S" if step < 60 else "%H:%M" if step < 86400 else "%Y-%m-%d"
    if step < 86400 and span > 86400:
        fmt = "%m-%d %H:%M"
    moments = itertools.takewhile(lambda m: m <= end.timestamp(), itertools.count(first, step))
    stamps = [dt.datetime.fromtimestamp(m, dt.timezone.utc) for m in moments]
    return [(at, at.astimezone(zone).strftime(fmt)) for at in stamps]


def esc(value: object) -> str:
    """Text or an attribute value, escaped for SVG."""
    return html.escape(str(value), quote=True)


def iso(moment: dt.datetime | None) -> str:
    """A moment in ISO 8601, UTC, with microseconds (``""`` for None): the pictures' data attributes."""
    return "" if moment is None else moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
