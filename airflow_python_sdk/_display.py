"""How models show in notebooks: ``Model._repr_html_`` renders its HTML here: a picture when the model has
one (a Gantt chart of a run's task instances, a grid of DAG runs: :mod:`airflow_python_sdk.pictures`), then its
table."""

from __future__ import annotations

import datetime as dt
import enum
import html
import uuid
from typing import Any, get_args

from airflow_python_sdk._enums import OpenEnum, StringModel
from airflow_python_sdk._fields import _shown
from airflow_python_sdk._model import Model
from airflow_python_sdk._types import _strip_none

__all__ = ["html_table", "table_html", "MAX_HTML_ROWS", "MAX_HTML_CELL"]


MAX_HTML_ROWS = 50
"""Rows an HTML table of a collection shows; the rest are counted below it."""
MAX_HTML_CELL = 120
"""Characters a cell of an HTML table shows before it is cut with an ellipsis."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, dt.datetime):
        value = value.isoformat(sep=" ", timespec="seconds")
    elif isinstance(value, uuid.UUID):
        value = str(value)
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= MAX_HTML_CELL else text[: MAX_HTML_CELL - 1] + "\u2026"
    return html.escape(text)


def _is_scalar(tp: Any) -> bool:
    tp = _strip_none(tp)
    return tp in (str, int, float, bool, dt.datetime, dt.date, uuid.UUID) or (
        isinstance(tp, type) and issubclass(tp, (OpenEnum, StringModel))
    )


def html_table(model: Model) -> str:
    """The notebook display: the model's picture (inline SVG; none for most models) above :func:`table_html`.
    A picture that cannot be drawn is left out with a one-line note: a display never fails."""
    from airflow_python_sdk.pictures import picture_of

    try:
        picture = picture_of(model)
    except Exception as exc:
        picture = f"<p>(no picture: {html.escape(f'{type(exc).__name__}: {exc}')})</p>"
    return (f"<div>{picture}</div>" if picture else "") + table_html(model)


def table_html(model: Model) -> str:
    """A collection (``total_entries`` and one list of models) as its items' fields by rows, a column for each
    scalar field that holds a value on some row shown; else one model's fields."""
    name = type(model).__name__
    listed = type(model)._items
    item = _strip_none(get_args(_strip_none(listed.type))[0]) if listed is not None else None
    listing = _shown(model, listed) if listed is not None else None  # a display never fails on one odd value
    if listed is None or not isinstance(listing, list) or not (isinstance(item, type) and issubclass(item, Model)):
        rows = "".join(
            f"<tr><th>{html.escape(f.name)}</th><td>{_cell(value)}</td></tr>"
            for f in model._present()
            if (value := _shown(model, f)) is not None
        )
        return f"<table><caption>{html.escape(name)}</caption>{rows}</table>"
    items = [i for i in listing if isinstance(i, Model)]
    shown = items[:MAX_HTML_ROWS]
    columns = [f for f in item._fields.values()
               if _is_scalar(f.type) and any(_shown(i, f) is not None for i in shown)]  # fmt: skip
    total = _shown(model, model._fields["total_entries"])
    caption = f"{name}: {len(items)} {listed.name}" + (f" of {total}" if isinstance(total, int) else "")
    head = "".join(f"<th>{html.escape(f.name)}</th>" for f in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(_shown(i, f))}</td>" for f in columns) + "</tr>" for i in shown)
    more = f"<p>... and {len(items) - len(shown)} more</p>" if len(items) > len(shown) else ""
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>{more}"
