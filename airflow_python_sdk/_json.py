"""Models and values as JSON-ready data: all of an answer (:func:`json_data`), or a request body (:func:`to_json`)."""

from __future__ import annotations

import datetime as dt
import enum
import math
import uuid
from collections.abc import Mapping
from typing import Any

from airflow_python_sdk._datetimes import format_datetime
from airflow_python_sdk._fields import _extra
from airflow_python_sdk._model import Model
from airflow_python_sdk.exceptions import ApiTypeError, ApiValueError, PathToItem

__all__ = ["json_data", "to_json"]


def json_data(value: Any) -> Any:
    """Any answer -- a model, a list of them (a ``paginate`` walk), a dict -- as JSON-ready data with
    nothing left out: every field, read-only ones too, unknown keys, and values that cannot be read,
    as the server sent them. ``Model.from_json`` (or the collection's) reads it back."""
    if isinstance(value, Model):
        fields = value._fields
        out = {(fields[name].key if name in fields else name): json_data(item) for name, item in value.__dict__.items()}
        out.update(_extra(value, False))  # as sent
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return format_datetime(value) if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [json_data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: json_data(v) for k, v in value.items()}
    return value


def to_json(value: Any, path: PathToItem = ()) -> Any:
    """A request value as JSON-ready data: models without read-only fields, datetimes as ISO 8601.

    Raises :class:`ApiTypeError` naming the path for anything JSON cannot carry (a set, an object).
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ApiValueError(f"{value} cannot be sent as JSON", path_to_item=path)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, Model):
        name = type(value).__name__
        body = {f.key: to_json(f.__get__(value), [*path, name, f.name]) for f in value._present() if not f.read_only}
        for key in value._extra_keys():
            body[key] = to_json(value._unknown(key), [*path, name, key])
        return body
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [to_json(v, [*path, i]) for i, v in enumerate(value)]
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ApiTypeError(f"JSON object keys must be str, got {key!r}", path_to_item=[*path, str(key)])
            out[key] = to_json(item, [*path, key])
        return out
    raise ApiTypeError(f"{type(value).__name__} {value!r} cannot be sent as JSON", path_to_item=path)
