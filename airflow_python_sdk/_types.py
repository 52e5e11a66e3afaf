"""Declared types: their names in docs and messages, the strict check of a caller's value, and the
lenient readers of a server's JSON value."""

from __future__ import annotations

import datetime as dt
import enum
import types
import uuid
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

from airflow_python_sdk._datetimes import _UTC, parse_datetime
from airflow_python_sdk._enums import OpenEnum, StringModel
from airflow_python_sdk.exceptions import ApiTypeError, ApiValueError, PathToItem

__all__ = ["type_name", "check_value", "Reader"]


def _strip_none(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        args = tuple(a for a in get_args(tp) if a is not type(None))
        return args[0] if len(args) == 1 else Union[args]  # noqa: UP007 - built at run time
    return tp


def type_name(tp: Any) -> str:
    """How a type is written in docs and messages: ``str``, ``datetime``, ``[DAGRun]``, ``{str: (bool,)}``."""
    tp = _strip_none(tp)
    origin, args = get_origin(tp), get_args(tp)
    if origin is list:
        return f"[{type_name(args[0])}]"
    if origin is dict or tp is dict:
        return "{str: (bool, date, datetime, dict, float, int, list, str, none_type)}"
    if origin in (Union, types.UnionType):
        return ", ".join(type_name(a) for a in args)
    if tp is Any or tp is object:
        return "bool, date, datetime, dict, float, int, list, str, none_type"
    return getattr(tp, "__name__", str(tp))


def _fail(path: PathToItem, value: Any, tp: Any) -> ApiTypeError:
    return ApiTypeError(
        f"expected {type_name(tp)}, got {type(value).__name__} {value!r}",
        path_to_item=path,
        valid_classes=(tp,) if isinstance(tp, type) else None,
    )


def check_value(value: Any, tp: Any, path: PathToItem) -> Any:
    """Check a caller's ``value`` against type ``tp``; return it normalised (enums converted).

    Raises :class:`ApiTypeError` naming ``path`` when the type is wrong.
    """
    if value is None:
        return None
    tp = _strip_none(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        refused: ApiValueError | None = None  # a value of the right type but not allowed (an enum's)
        for option in get_args(tp):
            try:
                return check_value(value, option, path)
            except ApiTypeError:
                pass
            except ApiValueError as exc:
                refused = refused or exc
        raise refused or _fail(path, value, tp)
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise _fail(path, value, tp)
        (item,) = get_args(tp)
        return [check_value(v, item, [*path, i]) for i, v in enumerate(value)]
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise _fail(path, value, tp)
        return value
    if tp is Any or tp is object:
        return value
    if isinstance(tp, type) and issubclass(tp, OpenEnum):  # open when read, strict when sent
        text = value.value if isinstance(value, enum.Enum) else value
        member: Any = tp._value2member_map_.get(text) if isinstance(text, str) else None
        if member is None or not member.known:
            if not isinstance(text, str):
                raise _fail(path, value, tp)
            known = ", ".join(m.value for m in tp)
            raise ApiValueError(f"{text!r} is not a {tp.__name__}: one of {known}", path_to_item=path)
        return member
    if isinstance(tp, type) and issubclass(tp, StringModel):
        if isinstance(value, str):
            return tp(value)
        raise _fail(path, value, tp)
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif tp is dt.date:
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    else:
        ok = isinstance(value, tp)
    if not ok:
        raise _fail(path, value, tp)
    return value


Reader = Callable[[Any], Any]


def _read_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a number where text was declared: keep it, as text
    raise ValueError(value)


def _read_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(value)


def _read_float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise ValueError(value)


def _exactly(cls: type) -> Reader:
    def read(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        raise ValueError(value)

    return read


_read_bool, _read_dict = _exactly(bool), _exactly(dict)


def _read_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):  # read before: the same JSON object read twice
        return value if value.tzinfo is not None else value.replace(tzinfo=_UTC)
    if isinstance(value, str):  # an answer's timestamps are parsed by the compiled readers, inline
        return parse_datetime(value)
    raise ValueError(value)


def _read_date(value: Any) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise ValueError(value)


_UUIDS: dict[str, uuid.UUID] = {}
"""UUIDs read so far, by their text: a page names the same DAG version in many runs. UUIDs are immutable."""
_MAX_UUIDS = 4096


def _read_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    found = _UUIDS.get(value)
    if found is None:
        found = uuid.UUID(value)
        if len(_UUIDS) >= _MAX_UUIDS:
            _UUIDS.clear()
        _UUIDS[value] = found
    return found


_SCALAR_READERS: dict[Any, Reader] = {
    str: _read_str,
    int: _read_int,
    float: _read_float,
    bool: _read_bool,
    dict: _read_dict,
    dt.datetime: _read_datetime,
    dt.date: _read_date,
    uuid.UUID: _read_uuid,
}


def _reader(tp: Any) -> Reader | None:
    """A function turning a JSON value into type ``tp`` (raising ValueError when it cannot), or None
    where any JSON value is acceptable."""
    tp = _strip_none(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):  # what two server generations send differently: bool | float
        readers = [_reader(option) for option in get_args(tp)]
        if None in readers:
            return None

        def read_first(value: Any) -> Any:
            """The value read as the first of the union's types that can read it."""
            for read in readers:
                try:
                    return read(value)  # type: ignore[misc]
                except (ValueError, TypeError, OverflowError):
                    pass
            raise ValueError(value)

        return read_first
    if origin is list:
        item = _reader(get_args(tp)[0]) or (lambda v: v)

        def read_list(value: Any) -> Any:
            if not isinstance(value, list):
                raise ValueError(value)
            return [v if v is None else item(v) for v in value]

        return read_list
    if origin is dict:
        return _read_dict
    if tp in _SCALAR_READERS:
        return _SCALAR_READERS[tp]
    if isinstance(tp, type) and issubclass(tp, OpenEnum):
        known = tp._value2member_map_  # members, and the unknown values met before (see OpenEnum._missing_)

        def read_enum(value: Any) -> Any:
            if isinstance(value, tp):
                return value
            if isinstance(value, str):
                member = known.get(value)
                return member if member is not None else tp(value)
            raise ValueError(value)

        return read_enum
    if isinstance(tp, type) and issubclass(tp, StringModel):

        def read_named_string(value: Any) -> Any:
            if isinstance(value, str):
                return tp(value)
            raise ValueError(value)

        return read_named_string
    from airflow_python_sdk._model import Model
    from airflow_python_sdk._readers import _reader_of

    if isinstance(tp, type) and issubclass(tp, Model):

        def read_model(value: Any) -> Any:
            return value if isinstance(value, tp) else _reader_of(tp)(value)

        return read_model
    return None
