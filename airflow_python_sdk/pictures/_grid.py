"""The grid of DAG runs: a bar per run over time, its height the run's duration, its colour the run's state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from airflow_python_sdk.pictures._svg import BACKGROUND, color_of, esc, iso, local_zone, offset_name, val

__all__ = ["grid_svg", "run_order"]

AXIS, SLOT, WIDEST, PLOT, TOP, BOTTOM, RIGHT, MIN_WIDTH, LABEL = 64, 18, 48, 160, 34, 34, 16, 480, 84


def run_order(run: Any) -> tuple[bool, dt.datetime]:
    """When a run is for, as Airflow's grid orders them: run_after (Airflow 3), else the logical date,
    else when it started or was queued; runs without any of them last."""
    for name in ("run_after", "logical_date", "execution_date", "start_date", "queued_at"):
        value = val(run, name)
        if isinstance(value, dt.datetime):
            return False, value
    return True, dt.datetime.max.replace(tzinfo=dt.timezone.utc)


def _duration(run: Any, now: dt.datetime) -> float:
    start, end = val(run, "start_date"), val(run, "end_date")
    return max(((end or now) - start).total_seconds(), 0.0) if isinstance(start, dt.datetime) else 0.0


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value < 120 else f"{value / 60:.0f} min" if value < 7200 else f"{value / 3600:.1f} h"


def grid_svg(runs: Iterable[Any], *, title: str = "", zone: dt.tzinfo | None = None,
             now: dt.datetime | None = None) -> str:  # fmt: skip
    """SVG text: a bar per DAG run, oldest on the left (see :func:`run_order`), its height its duration
    (start to end, to now while running; a run that has not started is a 3 px stub), its colour its
    state; the duration axis on the left, dates (in ``zone``, the viewer's local zone) below."""
    ordered = sorted(runs, key=run_order)
    zone, now = zone or local_zone(), now or dt.datetime.now(dt.timezone.utc)
    durations = [_duration(r, now) for r in ordered]
    longest = max(durations, default=0.0) or 1.0
    slot = min(WIDEST, max(SLOT, (MIN_WIDTH - AXIS - RIGHT) // max(len(ordered), 1)))
    bar_width = slot * 2 // 3
    width, height = max(MIN_WIDTH, AXIS + slot * len(ordered) + RIGHT), TOP + PLOT + BOTTOM
    base = TOP + PLOT
    at = [run_order(r)[1] for r in ordered if not run_order(r)[0]]
    zone_name = offset_name(zone, at[0] if at else now)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="airflow-grid" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" shape-rendering="crispEdges" font-family="sans-serif" font-size="11" '
        f'data-runs="{len(ordered)}" data-longest="{longest:.6f}" data-utc-offset="{zone_name}">',
        f'<rect class="background" x="0" y="0" width="{width}" height="{height}" fill="{BACKGROUND}"/>',
        f'<text x="8" y="15" font-weight="bold">{esc(title)}</text>',
    ]
    for share in (0.0, 0.5, 1.0):
        y = base - round(PLOT * share)
        out.append(f'<line x1="{AXIS - 4}" y1="{y}" x2="{width - RIGHT}" y2="{y}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{AXIS - 8}" y="{y + 4}" text-anchor="end" fill="#555">{_seconds(longest * share)}</text>')
    every = -(-LABEL // slot)  # a date label every LABEL pixels at most
    for i, run in enumerate(ordered):
        x = AXIS + slot * i + (slot - bar_width) // 2
        bar = max(round(PLOT * durations[i] / longest), 3)
        state = val(run, "state")
        name = str(getattr(state, "value", state)) if state is not None else "none"
        run_id = val(run, "dag_run_id") or ""
        out.append(
            f'<rect class="run" data-run-id="{esc(run_id)}" data-state="{esc(name)}" '
            f'data-duration="{durations[i]:.6f}" data-start="{iso(val(run, "start_date"))}" x="{x}" y="{base - bar}" '
            f'width="{bar_width}" height="{bar}" fill="{color_of(state)}"><title>{esc(run_id)}: {esc(name)}, '
            f"{durations[i]:.1f} s</title></rect>"
        )
        missing, moment = run_order(run)
        if i % every == 0 and not missing:
            label = moment.astimezone(zone).strftime("%m-%d %H:%M")
            out.append(f'<text x="{x}" y="{base + 16}" fill="#555">{esc(label)}</text>')
    out.append(f'<text x="{width - RIGHT}" y="{height - 4}" text-anchor="end" fill="#555">times in {zone_name}</text>')
    out.append("</svg>")
    return "".join(out)
