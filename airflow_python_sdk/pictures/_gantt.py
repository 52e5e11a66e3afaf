"""The Gantt chart of one DAG run: a row per task instance, a bar per try, coloured by state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from airflow_python_sdk.pictures._svg import BACKGROUND, color_of, esc, iso, local_zone, offset_name, ticks, val

__all__ = ["gantt_svg", "Bar"]

WIDTH, LABELS, ROW, BAR, TOP, BOTTOM, RIGHT = 960, 220, 22, 14, 46, 12, 16
QUEUED = "#b8b8b8"
"""Queued time, from queued to start: a thin light grey bar before the try's own."""


class Bar(NamedTuple):
    """One try of one task instance."""

    task_id: str
    map_index: int
    try_number: int
    state: Any
    queued: dt.datetime | None
    start: dt.datetime | None
    end: dt.datetime | None


def _moment(value: Any) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


def bars_of(items: Iterable[Any]) -> list[Bar]:
    """A bar per task instance or try (``TaskInstance``, ``TaskInstanceHistory``); a try named twice counts once,
    the later one kept."""
    out: dict[tuple[str, int, int], Bar] = {}
    for item in items:
        index = -1 if (map_index := val(item, "map_index")) is None else map_index
        at = [_moment(val(item, k)) for k in ("queued_when", "start_date", "end_date")]
        bar = Bar(item.task_id, index, val(item, "try_number") or 0, val(item, "state"), *at)
        out[bar[:3]] = bar
    return list(out.values())


def gantt_svg(
    items: Iterable[Any],
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    title: str = "",
    zone: dt.tzinfo | None = None,
    now: dt.datetime | None = None,
) -> str:
    """SVG text: a row per task instance (mapped ones grouped under their task), a bar per try from its
    start to its end (now while running) coloured by its state, its queued time a thin grey bar before it.

    Rows are in the order the task instances first started (queued), a mapped task's instances together by
    map index; a try that never started has no bar. The time axis runs from ``start`` to ``end`` (a run's
    span), by default from the first queued or start time to the last end, labelled in ``zone`` (the
    viewer's: the local zone). The ``<svg>`` and every bar carry ``data-*`` attributes (ISO 8601 UTC times).
    """
    bars = bars_of(items)
    zone = zone or local_zone()
    now = now or dt.datetime.now(dt.timezone.utc)
    drawn = [b for b in bars if b.start is not None]
    moments = [m for b in drawn for m in (b.queued, b.start, b.end) if m is not None]
    t0 = start or min(moments, default=now)
    t1 = end or max([*moments, *(now for b in drawn if b.end is None), t0])
    span = max((t1 - t0).total_seconds(), 1e-3)
    plot = WIDTH - LABELS - RIGHT

    def x(moment: dt.datetime) -> int:
        return LABELS + round((moment - t0).total_seconds() / span * plot)

    first: dict[str, dt.datetime] = {}
    for b in bars:
        at = b.queued or b.start
        if at is not None and (b.task_id not in first or at < first[b.task_id]):
            first[b.task_id] = at
    rows = sorted({(b.task_id, b.map_index) for b in bars}, key=lambda r: (r[0] not in first, first.get(r[0], t1), r))
    row_of = {r: i for i, r in enumerate(rows)}
    height = TOP + ROW * len(rows) + BOTTOM
    zone_name = offset_name(zone, t0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="airflow-gantt" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" shape-rendering="crispEdges" font-family="sans-serif" font-size="11" '
        f'data-start="{iso(t0)}" data-end="{iso(t1)}" data-utc-offset="{zone_name}" data-bars="{len(drawn)}">',
        f'<rect class="background" x="0" y="0" width="{WIDTH}" height="{height}" fill="{BACKGROUND}"/>',
        f'<text x="8" y="15" font-weight="bold">{esc(title)}</text>',
        f'<text x="{WIDTH - RIGHT}" y="15" text-anchor="end" fill="#555">times in {zone_name}</text>',
    ]
    groups: dict[str, list[int]] = {}
    for (task_id, map_index), i in row_of.items():
        if map_index >= 0:
            groups.setdefault(task_id, []).append(i)
    for task_id, members in groups.items():
        top, n = TOP + ROW * min(members), max(members) - min(members) + 1
        out.append(f'<rect class="group" data-task-id="{esc(task_id)}" x="2" y="{top}" width="{WIDTH - 4}" '
                   f'height="{ROW * n}" fill="#eef2f8"/>')  # fmt: skip
        out.append(f'<text x="8" y="{top + 15}" font-weight="bold">{esc(task_id)} ({n} mapped)</text>')
    for moment, label in ticks(t0, t1, zone):
        out.append(f'<line x1="{x(moment)}" y1="{TOP - 6}" x2="{x(moment)}" y2="{height - BOTTOM}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{x(moment)}" y="{TOP - 10}" text-anchor="middle" fill="#555">{esc(label)}</text>')
    for (task_id, map_index), i in row_of.items():
        label = f"[{map_index}]" if map_index >= 0 else task_id
        out.append(f'<text x="{LABELS - 8}" y="{TOP + ROW * i + 15}" text-anchor="end">{esc(label)}</text>')
    centre = (ROW - BAR) // 2
    for b in sorted(drawn, key=lambda b: (row_of[b.task_id, b.map_index], b.try_number)):
        y, start_x = TOP + ROW * row_of[b.task_id, b.map_index], x(b.start)  # type: ignore[arg-type]
        if b.queued is not None and b.queued < b.start:  # type: ignore[operator]
            out.append(f'<rect class="queued" x="{x(b.queued)}" y="{y + ROW // 2 - 2}" '
                       f'width="{max(start_x - x(b.queued), 1)}" height="4" fill="{QUEUED}"/>')  # fmt: skip
    for b in sorted(drawn, key=lambda b: (row_of[b.task_id, b.map_index], b.try_number)):
        y, start_x, stop = TOP + ROW * row_of[b.task_id, b.map_index], x(b.start), x(b.end or now)  # type: ignore[arg-type]
        state = str(getattr(b.state, "value", b.state)) if b.state is not None else "none"
        took = ((b.end or now) - b.start).total_seconds()  # type: ignore[operator]
        tip = f"{b.task_id}{f' [{b.map_index}]' if b.map_index >= 0 else ''} try {b.try_number}: {state}, {took:.1f} s"
        out.append(
            f'<rect class="try" data-task-id="{esc(b.task_id)}" data-map-index="{b.map_index}" '
            f'data-try="{b.try_number}" data-state="{esc(state)}" data-start="{iso(b.start)}" '
            f'data-end="{iso(b.end)}" x="{start_x}" y="{y + centre}" width="{max(stop - start_x, 3)}" '
            f'height="{BAR}" fill="{color_of(b.state)}" stroke="{"#999" if b.state is None else "none"}">'
            f"<title>{esc(tip)}</title></rect>"
        )
    out.append("</svg>")
    return "".join(out)
