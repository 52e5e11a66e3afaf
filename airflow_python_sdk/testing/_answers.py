"""Answers checked against, and built from, an operation's response model for one server generation.

A model field is *always sent* when its type admits no ``None`` (``state: DagState``), see
:mod:`airflow_python_sdk._fields`; a field marked ``v1_only`` is Airflow 2's (``/api/v1``) alone, one marked
``v2_only`` Airflow 3's (``/api/v2``).
"""

from __future__ import annotations

import datetime as dt
import types
import uuid
from typing import Any, Union, get_args, get_origin

from airflow_python_sdk._enums import OpenEnum, StringModel
from airflow_python_sdk.exceptions import ApiValueError
from airflow_python_sdk.model_utils import FieldInfo, Model, json_data
from airflow_python_sdk.operation import Operation

__all__ = ["StubError", "check_answer", "build_answer", "model_for"]


class StubError(AssertionError):
    """A stub used wrongly: an answer unlike the server's, a call not queued, parameters not as expected,
    answers left unused. An ``AssertionError``, so that it fails the test where it is raised."""


_CURSORS = ("next_cursor", "previous_cursor")
"""Keys of Airflow 3.2+'s pages that the collection models do not declare (the SDK's paging reads them)."""
_ABSENT: Any = object()


def _admits_none(tp: Any) -> bool:
    return tp in (Any, object, None, type(None)) or (
        get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp)
    )


def _bare(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return options[0] if len(options) == 1 else tp
    return tp


def _in_generation(field: FieldInfo, api: str) -> bool:
    return not (field.v2_only if api == "v1" else field.v1_only)


def model_for(op: Operation, data: Any) -> type[Model] | None:
    """The model an answer of ``op`` is read into (of a union's, the one sharing most keys), None for none."""
    keys = data.keys() if isinstance(data, dict) else set()
    return max(op.models, key=lambda m: len(keys & m._by_key.keys())) if op.models else None


def check_answer(op: Operation, data: Any, api: str) -> None:
    """Raise :class:`StubError` naming the place when ``data`` (decoded JSON) is no answer a server of ``api``
    (``"v1"``/``"v2"``) sends to ``op``: a key its model lacks, an always-sent field missing or null, a value
    its field cannot read (a wrong type). A field marked for the other generation is accepted: the marks are
    about requests, and real 2.11.2 answers hold some (``Dataset.aliases``, ``ProviderCollection.total_entries``)."""
    if op.returns is None and data not in (None, "", b""):
        raise StubError(f"{op.id}() answers nothing (HTTP {op.success_status}); got {data!r}")
    model = model_for(op, data)
    reshaped = api == "v2" and op.v2 is not None and op.v2.answer is not None  # the model describes the result
    if model is not None and not reshaped and not (op.returns_text and isinstance(data, str)):
        _check(model, data, api, op.id + "()")


def _check(model: type[Model], data: Any, api: str, where: str) -> None:
    if "_from_server" in vars(model):  # a model reshaping what it reads (Airflow 3's extra links): its reader judges
        try:
            model._from_server(data)._validate()
        except ValueError as exc:
            raise StubError(f"{where}: {exc}") from None
        return
    if not isinstance(data, dict):
        raise StubError(f"{where}: a {model.__name__} is a JSON object, got {data!r}")
    for key in data:
        if key not in model._by_key and key in _CURSORS and model._items is not None and api == "v2":
            if data[key] is not None and not isinstance(data[key], str):
                raise StubError(f"{where}: {model.__name__}.{key} is text or null, got {data[key]!r}")
        elif key not in model._by_key:
            raise StubError(f"{where}: {model.__name__} has no field {key!r} (fields: {', '.join(model._by_key)})")
    for field in model._fields.values():
        here, optional = f"{where}: {model.__name__}.{field.name}", _admits_none(field.type)
        value = next((data[k] for k in (field.key, *field.fallback_keys) if k in data), _ABSENT)
        if value is _ABSENT and not optional and not field.v2_only and not field.v1_only:
            raise StubError(f"{here} is always sent by the server, and missing here")
        if value is None and not field.nullable and not optional:
            raise StubError(f"{here} is null, which the server never sends there")
        if value is not None and value is not _ABSENT:
            _check_value(field, _bare(field.type), value, api, here)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Model)


def _check_value(field: FieldInfo, tp: Any, value: Any, api: str, where: str) -> None:
    """A value checked by its field's reader, or, holding models (which the readers take over in place, and
    read leniently), field by field."""
    item = _bare(get_args(tp)[0]) if get_origin(tp) is list else None
    if _is_model(tp):
        _check(tp, value, api, where)
    elif item is not None and _is_model(item):
        if not isinstance(value, list):
            raise StubError(f"{where}: a list of {item.__name__}, got {value!r}")
        for i, one in enumerate(value):
            if one is not None:
                _check(item, one, api, f"{where}[{i}]")
    else:
        try:
            field._convert(value)
        except ApiValueError as exc:
            raise StubError(f"{where}: {exc}") from None


_SAMPLES: dict[Any, Any] = {
    str: "example", int: 0, float: 0.0, bool: False, dict: {},
    dt.datetime: "2024-01-01T00:00:00+00:00", dt.date: "2024-01-01", uuid.UUID: "00000000-0000-4000-8000-000000000000",
}  # fmt: skip


def _sample(tp: Any, api: str) -> Any:
    tp = _bare(tp)
    if get_origin(tp) in (list, dict):
        return get_origin(tp)()
    if get_origin(tp) in (Union, types.UnionType):
        return _sample(get_args(tp)[0], api)
    if isinstance(tp, type) and issubclass(tp, OpenEnum):
        return next(m.value for m in tp if m.known)
    if isinstance(tp, type) and issubclass(tp, StringModel):
        return "example"
    return _build(tp, {}, api) if _is_model(tp) else _SAMPLES.get(tp)


def _given(tp: Any, value: Any, api: str) -> Any:
    """A given value as JSON; a nested model's object (or a list of them) completed as :func:`_build` does."""
    tp = _bare(tp)
    if get_origin(tp) is list and isinstance(value, list):
        return [_given(get_args(tp)[0], v, api) for v in value]
    if _is_model(tp) and isinstance(value, (dict, Model)):
        return _build(tp, dict(json_data(value)), api)
    return json_data(value)


def _build(model: type[Model], given: dict[str, Any], api: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    explicit = set(given)
    for field in (f for f in model._fields.values() if _in_generation(f, api)):
        if field.name in given or field.key in given:
            out[field.key] = _given(field.type, given.pop(field.name if field.name in given else field.key), api)
        elif not _admits_none(field.type):
            out[field.key] = _sample(field.type, api)
        elif field.nullable:
            out[field.key] = None
    if model._items is not None and api == "v2":
        out.update((key, given.pop(key)) for key in _CURSORS if key in given)
    if given:
        raise StubError(f"{model.__name__} has no field(s) {', '.join(given)}; its fields: {', '.join(model._fields)}")
    if model._items is not None and "total_entries" in out and "total_entries" not in explicit:
        out["total_entries"] = len(out.get(model._items.key) or [])
    return out


def build_answer(op: Operation, api: str, fields: dict[str, Any]) -> Any:
    """A valid answer of ``op`` from a server of ``api``: ``fields`` (by field name or JSON key; models, enums
    and datetimes as JSON) and every other always-sent field of its model with a plain value of its type, every
    nullable one null; a collection's ``total_entries`` is the number of its items unless given."""
    if op.returns is None:
        return None
    if op.returns_text and not op.models:
        return str(fields.get("text", ""))
    if not op.models:
        return json_data(fields)
    model = max(op.models, key=lambda m: len(fields.keys() & (m._by_key.keys() | m._fields.keys())))
    return _build(model, dict(fields), api)
