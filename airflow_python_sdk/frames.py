"""Answers as pandas DataFrames: ``to_pandas(page)``, ``to_pandas(paginate(api.get_dag_runs, "~"))``.

One row per item, one column per field in the model's field order (every declared field, so that pages
of one model from Airflow 2 and 3 share their columns; a field no row has is all missing):

- datetimes: ``datetime64[us, UTC]`` (timezone-aware, UTC; ``NaT`` when absent);
- states and other enums (``OpenEnum``): ``category``, the enum's values as categories (a value a newer
  server sent that the enum lacks is added as a category);
- strings, ids and UUIDs: pandas ``string``; integers: ``Int64``; floats: ``float64``; booleans: ``boolean``;
- a nested model (``dag_version``, ``trigger``): flattened to dotted columns (``dag_version.version_number``);
- lists (``dag_versions``) and dicts (``conf``): kept as ``object`` columns of the values as read (a list of
  models stays one; copying them into dicts would take longer than the rest of the conversion together).

A value the server sent that its field could not read is kept as sent: its column then has ``object``
dtype (the other rows hold the converted Python values), and a :class:`UnreadableValuesWarning` names
the fields and the rows.

pandas is the optional ``pandas`` extra; without it :func:`to_pandas` raises :class:`ImportError`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import uuid
import warnings
from collections.abc import Iterable
from typing import Any, get_args, get_origin

from airflow_python_sdk._enums import OpenEnum, StringModel
from airflow_python_sdk._fields import _extra
from airflow_python_sdk._model import Model
from airflow_python_sdk._types import _strip_none

__all__ = ["to_pandas", "UnreadableValuesWarning"]

_NONE: dict[str, Any] = {}
_DATETIME_TYPES = {type(None), dt.datetime}


class UnreadableValuesWarning(UserWarning):
    """Some values could not be read as their fields' types; the DataFrame keeps them as sent."""


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError("to_pandas needs the pandas extra: pip install '.[pandas]' (pandas)") from None


def to_pandas(items: Model | Iterable[Model], *, item_type: type[Model] | None = None) -> Any:
    """A DataFrame of ``items``: a collection answer's items, any iterable of models (a ``paginate``
    walk), or one model (one row). ``item_type`` names the model when there may be no items (the
    columns of an empty frame); else the first item's type gives the columns.

    Raises :class:`ImportError` (one line naming the extra) without pandas, :class:`TypeError` when an
    item is not a model of the first item's type.
    """
    pd = _pandas()
    listed = type(items)._items if isinstance(items, Model) else None
    if listed is not None:
        rows: list[Model] = list(getattr(items, listed.name) or [])
        item_type = item_type or _strip_none(get_args(_strip_none(listed.type))[0])
    else:
        rows = [items] if isinstance(items, Model) else list(items)
    cls = item_type or (type(rows[0]) if rows else None)
    if cls is None:
        return pd.DataFrame()
    for row in rows:
        if not isinstance(row, cls):
            raise TypeError(f"to_pandas: every item must be a {cls.__name__}, not {type(row).__name__}")
    columns: dict[str, Any] = {}
    unread: dict[str, list[int]] = {}
    _columns(pd, cls, rows, "", columns, unread)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    if unread:
        named = "; ".join(f"{name} (rows {', '.join(map(str, at[:5]))}{', ...' if len(at) > 5 else ''})"
                          for name, at in unread.items())  # fmt: skip
        warnings.warn(
            f"to_pandas: {sum(map(len, unread.values()))} values could not be read and are kept as sent: {named}",
            UnreadableValuesWarning,
            stacklevel=2,
        )
    return frame


def _columns(
    pd: Any, cls: type[Model], rows: list[Any], prefix: str, out: dict[str, Any], unread: dict[str, list[int]]
) -> None:
    """Add a column per field of ``cls`` to ``out`` for ``rows`` (models of ``cls``, or None)."""
    values_of = [row.__dict__ if row is not None else _NONE for row in rows]
    extras = [(i, _extra(row, False)) for i, row in enumerate(rows) if row is not None and _extra(row, False)]
    for field in cls._fields.values():
        name, column = field.name, prefix + field.name
        values = list(map(dict.get, values_of, itertools.repeat(name)))  # C-level: the walk's hot loop
        raw = {i: extra[field.key] for i, extra in extras if field.key in extra and name not in values_of[i]}
        tp = _strip_none(field.type)
        if isinstance(tp, type) and issubclass(tp, Model) and not raw:
            _columns(pd, tp, values, column + ".", out, unread)
            continue
        if raw:
            for i, value in raw.items():
                values[i] = value
            unread[column] = sorted(raw)
            out[column] = _objects(pd, values)
        else:
            out[column] = _column(pd, tp, values)


def _column(pd: Any, tp: Any, values: list[Any]) -> Any:
    """One column of converted values of type ``tp`` (None where absent)."""
    if tp is dt.datetime or (get_origin(tp) is not None and dt.datetime in get_args(tp)):
        if set(map(type, values)) <= _DATETIME_TYPES or all(v is None or isinstance(v, dt.datetime) for v in values):
            return pd.to_datetime(values, utc=True).as_unit("us")
        return _objects(pd, values)  # ``datetime | str``: a string that is no timestamp stays one
    if isinstance(tp, type) and issubclass(tp, OpenEnum):
        plain = [None if v is None else str(v.value if isinstance(v, OpenEnum) else v) for v in values]
        known = [m.value for m in tp]
        extra = sorted({v for v in plain if v is not None} - set(known))
        return pd.Categorical(plain, categories=known + extra)
    if tp in (str, uuid.UUID) or (isinstance(tp, type) and issubclass(tp, StringModel)):
        return pd.array([None if v is None else str(v) for v in values], dtype="string")
    if tp is bool:
        return pd.array(values, dtype="boolean")
    if tp is int:
        return pd.array(values, dtype="Int64")
    if tp is float:
        return pd.array([float("nan") if v is None else v for v in values], dtype="float64")
    return _objects(pd, values)


def _objects(pd: Any, values: list[Any]) -> Any:
    """An ``object`` column holding ``values`` themselves (lists stay elements, not rows)."""
    return pd.array(values, dtype=object)
