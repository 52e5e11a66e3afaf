"""One base for every model: fields declared once, responses read leniently, requests built strictly.

A model lists its fields as annotated class attributes::

    class SetDagRunNote(Model):
        note: str | None = Field(default=None, doc="The note text.")

From that one declaration the base derives the typed constructor (for type checkers, through
``dataclass_transform``), attribute access, ``openapi_types``/``attribute_map``/``read_only_vars``,
``to_dict()``, ``repr()`` and the JSON body of a request.

Responses are read in place, not copied: the server's decoded JSON object becomes the model's
``__dict__``, every value converted there as the answer is read (datetimes, enums, UUIDs, nested models),
so that a field is a plain attribute. Unknown keys are kept, nulls and missing keys read as ``None``,
unknown enum values come back as enum values. A value that cannot be converted at all is set aside:
reading that field raises :class:`ApiValueError` naming the model, the field and the raw value, and
``repr()``/``to_dict()`` show it marked :class:`Unreadable`.

Requests are strict: a wrong type or unknown field raises :class:`ApiTypeError` when the model is
built, read-only fields are left out of request bodies, naive datetimes are sent as UTC.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import json
import math
import sys
import textwrap
import threading
import types
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, Union, get_args, get_origin

from airflow_python_sdk.exceptions import ApiKeyError, ApiTypeError, ApiValueError, FieldNotInAnswerError, PathToItem

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = [
    "Field",
    "Model",
    "OpenEnum",
    "Page",
    "StringModel",
    "parse_datetime",
    "format_datetime",
    "check_value",
    "to_json",
    "json_data",
    "type_name",
    "Unreadable",
]

T = TypeVar("T")
_EMPTY: dict[str, Any] = {}
_MISSING: Any = object()


# --- datetimes -----------------------------------------------------------------------------------


_fromisoformat = dt.datetime.fromisoformat
_UTC = dt.timezone.utc


def parse_datetime(value: str) -> dt.datetime:
    """Parse an ISO 8601 timestamp as the server sends it (``Z`` or ``+00:00``); naive means UTC."""
    try:
        parsed = _fromisoformat(value)
    except ValueError:  # shapes older Pythons' fromisoformat refuses, e.g. a trailing "Z" before 3.11
        parsed = _parse_other(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _parse_other(value: str) -> dt.datetime:
    if value[-1:] == "Z":  # Python 3.10's fromisoformat refuses it; 3.11 reads it as this
        try:
            return _fromisoformat(value[:-1] + "+00:00")
        except ValueError:
            pass
    from dateutil.parser import isoparse

    return isoparse(value)


def format_datetime(value: dt.datetime) -> str:
    """ISO 8601 with an explicit offset; a naive datetime is taken to be UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat()


# --- enums ---------------------------------------------------------------------------------------


class OpenEnum(str, enum.Enum):
    """A string enum that also accepts values it does not list (a newer server's states, say).

    ``DagState("success") is DagState.SUCCESS``; ``DagState("restarting")`` is a value of type
    ``DagState`` too, with ``known`` false. Members compare equal to their plain string.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, enum.Enum):
            value = value.value
        if not isinstance(value, str):
            return None
        known = cls._value2member_map_.get(value)
        if known is not None:
            return known
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        cls._value2member_map_[value] = member  # later lookups of the same value are plain hits
        return member

    @property
    def known(self) -> bool:
        """Whether this value is one the enum declares."""
        return type(self).__members__.get(self._name_) is self

    def __str__(self) -> str:
        return str.__str__(self)

    __hash__ = str.__hash__  # one hash for "success" and DagState.SUCCESS, so both find dict entries


class StringModel(str):
    """A string the API gives a name of its own (a colour, a time zone); any string is a value."""

    __slots__ = ()


# --- types: names, checks and readers --------------------------------------------------------------


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


def _read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(value)


def _read_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise ValueError(value)


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
    if isinstance(tp, type) and issubclass(tp, Model):

        def read_model(value: Any) -> Any:
            return value if isinstance(value, tp) else _reader_of(tp)(value)

        return read_model
    return None


# --- fields ---------------------------------------------------------------------------------------


class _FieldSpec:
    __slots__ = ("doc", "fallback_keys", "key", "nullable", "read_only", "required", "v1_only", "v2_only")

    def __init__(
        self,
        nullable: bool,
        read_only: bool,
        doc: str,
        key: str | None,
        fallback_keys: tuple[str, ...],
        v2_only: bool = False,
        v1_only: bool = False,
        required: bool = False,
    ) -> None:
        self.nullable, self.read_only, self.doc, self.key = nullable, read_only, doc, key
        self.fallback_keys, self.v2_only, self.v1_only, self.required = fallback_keys, v2_only, v1_only, required


def Field(  # noqa: N802 - named like the type checkers' field specifiers it stands for
    *,
    default: None = None,
    nullable: bool = False,
    read_only: bool = False,
    doc: str = "",
    key: str | None = None,
    fallback_keys: tuple[str, ...] = (),
    v2_only: bool = False,
    v1_only: bool = False,
    required: bool = False,
) -> Any:
    """Declare a model field; its type is the class annotation.

    ``default`` is always None (an unset field is not sent); it is spelled out so that type
    checkers see the constructor argument as optional. A type that admits ``None`` (``str | None``)
    reads as None when the answer lacks the field; a type that does not (``str``) says the server
    always sends it: a list then reads as ``[]`` when absent, anything else raises
    :class:`FieldNotInAnswerError`. ``key`` is the JSON name when it differs from the attribute
    name; ``fallback_keys`` are read when ``key`` is absent (for servers that send a field under
    another name than their spec gives). ``v2_only`` marks a field only Airflow 3 has, ``v1_only``
    one only Airflow 2 has: setting it in a request to the other raises :class:`ApiValueError`.
    ``required``: a request body without it (or with it None or ``""``) is refused before sending
    (:class:`ApiValueError`), for a server would refuse it, or fail on it.
    """
    return _FieldSpec(nullable, read_only, doc, key, fallback_keys, v2_only, v1_only, required)


class FieldInfo:
    """One model field: its type, JSON key and docs; reads a field the answer lacks or could not give.

    A model keeps its field values in its instance ``__dict__``, converted when the answer is read (see
    "reading answers" below), so reading a field is a plain attribute lookup. This (non-data) descriptor
    is reached only for a field without a value there: one the answer left out (None, ``[]`` or
    :class:`FieldNotInAnswerError`), one whose value could not be read (:class:`ApiValueError`), or a
    second name of a field (``run_id``).
    """

    __slots__ = (
        "_absent",
        "_read",
        "doc",
        "fallback_keys",
        "key",
        "name",
        "nullable",
        "owner",
        "read_only",
        "required",
        "type",
        "v1_only",
        "v2_only",
    )

    def __init__(self, owner: str, name: str, tp: Any, spec: _FieldSpec) -> None:
        self.owner, self.name, self.type = owner, name, tp
        self.key = spec.key or name
        self.fallback_keys, self.v2_only, self.v1_only = spec.fallback_keys, spec.v2_only, spec.v1_only
        self.nullable, self.read_only, self.doc, self.required = spec.nullable, spec.read_only, spec.doc, spec.required
        self._read: Reader | None = _MISSING  # resolved on first use: nested models may come later
        # What an answer without the field reads as: None, [] (a list always sent), or an error
        union = get_origin(tp) in (Union, types.UnionType)
        always_sent = (type(None) not in get_args(tp)) if union else tp not in (Any, object, None, type(None))
        self._absent: Any = (_MISSING if get_origin(tp) is not list else list) if always_sent else None

    def __get__(self, obj: Model | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        vals = obj.__dict__
        if self.name in vals:  # reached by a second name, or called directly
            return vals[self.name]
        if self.key in _extra(obj, False):
            raw = obj._extra[self.key]
            raise ApiValueError(
                f"{self.owner}.{self.name}: cannot read {raw!r} as {type_name(self.type)}", [self.owner, self.name]
            )
        if self._absent is None:
            return None
        if self._absent is list:
            return vals.setdefault(self.name, [])
        raise FieldNotInAnswerError(
            f"{self.owner}.{self.name} is not in this answer: it was left out with fields=[...], or the "
            "server is older than the field, or the model was built without it",
            [self.owner, self.name],
        )

    def set(self, obj: Model, value: Any) -> None:
        """Set the field on ``obj`` after checking ``value`` (:class:`ApiTypeError` when it is of the wrong type)."""
        obj.__dict__[self.name] = check_value(value, self.type, [self.owner, self.name])
        _extra(obj, False).pop(self.key, None)  # a value the server sent that could not be read is replaced

    def _convert(self, value: Any) -> Any:
        """``value`` read as the field's type; :class:`ApiValueError` when it cannot be."""
        read = self._read
        if read is _MISSING:
            read = self._read = _reader(self.type)
        if read is None:
            return value
        try:
            return read(value)
        except (ValueError, TypeError, OverflowError) as exc:
            raise ApiValueError(
                f"{self.owner}.{self.name}: cannot read {value!r} as {type_name(self.type)}",
                [self.owner, self.name],
            ) from exc

    def in_raw(self, model: Model) -> bool:
        """Whether ``model`` has a value for this field: set, sent by the server, or sent but unreadable."""
        return self.name in model.__dict__ or self.key in _extra(model, False)


def _extra(model: Model, create: bool) -> dict[str, Any]:
    """What an answer sent that is not a readable field value, by JSON key: values that could not be
    read, and unknown keys named like a model's methods. Empty (and not kept) for most answers."""
    try:
        return model._extra
    except AttributeError:
        if not create:
            return _EMPTY
        extra: dict[str, Any] = {}
        object.__setattr__(model, "_extra", extra)
        return extra


class Unreadable:
    """A value the server sent that its field's type cannot read, as shown by ``repr()``,
    ``to_dict()`` and tables: the raw value, marked; reading the field itself raises."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def __repr__(self) -> str:
        return f"<unreadable {self.raw!r}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unreadable) and other.raw == self.raw

    __hash__ = None  # type: ignore[assignment]


def _shown(model: Model, field: FieldInfo) -> Any:
    """The field's value, or the raw value marked :class:`Unreadable` when it cannot be read (None
    when an always-sent field is absent)."""
    try:
        return field.__get__(model)
    except FieldNotInAnswerError:
        return None
    except ApiValueError:
        return Unreadable(model._extra[field.key])


# --- reading answers --------------------------------------------------------------------------------
#
# A model class gets a reader the first time an answer is read into it, compiled from its fields:
# straight-line code that makes the server's JSON object (already decoded, and handed over) the model's
# __dict__ and converts each value there (timestamps, enums, UUIDs, nested models), with one test per
# field for a value already of the declared JSON type. Anything else -- a value of another type, one that
# does not parse, a field under another key -- goes to the generic per-field reading (_fix, _take),
# which sets aside what it cannot read. The reader takes any answer; one holding only keys of fields
# read in place teaches it that shape, and answers of that size are then read by code taking those keys
# as given (one lacking any is read as any other). Converting everything at once costs less than on
# first read (a Python call per field), and leaves every field a plain attribute.


def _fix(model: Model, d: dict[str, Any], field: FieldInfo, value: Any) -> int:
    """Read ``value`` (one the fast path did not take) into ``d``; 1 when it cannot be read, and is set aside."""
    try:
        d[field.name] = field._convert(value)
    except ApiValueError:
        del d[field.name]
        _extra(model, True)[field.key] = value
        return 1
    return 0


def _take(model: Model, d: dict[str, Any], field: FieldInfo, shared: frozenset[str]) -> int:
    """Read a field whose JSON key is not its name, or that has fallback keys, into ``d`` under its
    name; 1 when the answer lacks it or it cannot be read. A fallback key that is also another field's
    (``shared``) is left for that field."""
    value = d.pop(field.key, _MISSING) if field.key != field.name else d.get(field.key, _MISSING)
    if value is _MISSING:
        used = next((k for k in field.fallback_keys if k in d), None)
        if used is None:
            return 1
        value = d[used] if used in shared else d.pop(used)
    try:
        d[field.name] = None if value is None else field._convert(value)
    except ApiValueError:
        d.pop(field.name, None)
        _extra(model, True)[field.key] = value
        return 1
    return 0


def _unknown(model: Model, d: dict[str, Any]) -> None:
    """Set aside unknown keys that would hide the model's methods (an answer's ``"get"``, say)."""
    cls = type(model)
    hidden = set(dir(cls))
    for key in [k for k in d if k in hidden and k not in cls._fields]:
        _extra(model, True)[key] = d.pop(key)


def _as_dict(data: Any, cls: type) -> dict[str, Any]:
    if isinstance(data, dict):
        return dict(data)
    raise ValueError(f"cannot read {data!r} as {cls.__name__}")


def _copied(value: Any) -> Any:
    """JSON data copied down to its last object and array, for reading without changing the caller's."""
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    return value


# Per kind of field: the code reading its value ``{v}`` into ``d`` when it is of the declared JSON type
# (or null), else handing it to _fix -- or, from an answer without the key (M), counting it absent.
_OTHER = "if {v} is M:\n        a += 1\n    else:\n        a += fix(o, d, F[{i}], {v})"
_KIND_CODE = {
    "plain": "if {v}.__class__ is not C{i} and {v} is not None:\n    {other}",  # kept as sent
    "any": "if {v} is M:\n    a += 1",
    "datetime": "if {v}.__class__ is str:\n"
    "    try:\n"
    "        t = fromiso({v})\n"
    "        d[{k}] = t if t.tzinfo is not None else t.replace(tzinfo=UTC)\n"
    "    except ValueError:\n"
    "        a += fix(o, d, F[{i}], {v})\n"
    "elif {v} is not None:\n    {other}",
    "enum": "if {v}.__class__ is str:\n"
    "    e = K{i}({v})\n"
    "    d[{k}] = e if e is not None else C{i}({v})\n"
    "elif {v} is not None:\n    {other}",
    "uuid": "if {v}.__class__ is str:\n"
    "    try:\n"
    "        d[{k}] = UG({v}) or UP({v})\n"
    "    except ValueError:\n"
    "        a += fix(o, d, F[{i}], {v})\n"
    "elif {v} is not None:\n    {other}",
    "model": "if {v}.__class__ is dict:\n"
    "    try:\n"
    "        d[{k}] = R{i}({v})\n"
    "    except ValueError:\n"
    "        a += fix(o, d, F[{i}], {v})\n"
    "elif {v} is not None:\n    {other}",
    "models": "if {v}.__class__ is list:\n"
    "    try:\n"
    "        if len({v}) == 1:\n"
    "            {v}[0] = R{i}({v}[0])  # the one item read in place: no second list\n"
    "        else:\n"
    "            d[{k}] = list(map(R{i}, {v}))\n"
    "    except ValueError:\n"
    "        a += fix(o, d, F[{i}], {v})\n"
    "elif {v} is not None:\n    {other}",
    "other": "if {v} is not None:\n    {other}",
}

_READ_SOURCE = """
def read(data):
    if data.__class__ is dict:
        n = len(data)
{shapes}
    return read_any(data)
"""

_SHAPE_SOURCE = """
if n == {size}:
    try:
{lookups}
    except KeyError:  # another answer of that size
        return read_any(data)
    d = data
    o = new(cls)
    setdict(o, d)
    a = {absent}
{code}
    if len(d) + a > N:
        unknown(o, d)
    return o
"""

_READ_ANY_SOURCE = """
def read_any(data):
    if data.__class__ is not dict:
        data = as_dict(data, cls)
    if LEARN:
        learn(data)
    d = data
    o = new(cls)
    setdict(o, d)
    get = d.get
    a = 0
{code}
    if len(d) + a > N:
        unknown(o, d)
    return o
"""

_MAX_SHAPES = 4
"""Answer shapes (sets of keys) per model read by code of their own: Airflow 2's and 3's, say."""

_READERS: dict[type, Callable[[Any], Any]] = {}
"""By model class: its compiled ``read(data)``."""
_ANSWER_READERS: dict[type, Callable[[Any], Any]] = {}
_COMPILING: set[type] = set()
_COMPILE_LOCK = threading.RLock()


def _kind(field: FieldInfo, env: dict[str, Any], i: int) -> str:
    """Which code reads the field, with what that code needs put in ``env``."""
    tp = _strip_none(field.type)
    item = get_args(tp)[0] if get_origin(tp) is list else None
    if field.key != field.name or field.fallback_keys:
        return "take"
    if tp in (Any, object):
        return "any"
    if tp in (str, int, float, bool, dict) or get_origin(tp) is dict:
        env[f"C{i}"] = dict if get_origin(tp) is dict else tp
        return "plain"
    if tp is dt.datetime:
        return "datetime"
    if tp is uuid.UUID:
        return "uuid"
    if isinstance(tp, type) and issubclass(tp, OpenEnum):
        env[f"C{i}"], env[f"K{i}"] = tp, tp._value2member_map_.get
        return "enum"
    for kind, model in (("model", tp), ("models", item)):
        if isinstance(model, type) and issubclass(model, Model):
            env[f"R{i}"] = _reader_of(model)
            return kind
    return "other"


def _reader_of(cls: type[Model]) -> Callable[[Any], Any]:
    """What reads a JSON object handed over into ``cls``: its compiled reader, or its own ``_from_server``."""
    found = _ANSWER_READERS.get(cls)
    if found is None:
        if cls in _COMPILING:  # a model nested in itself: its reader is not there yet
            return cls._from_server
        overrides = "_from_server" in vars(cls)  # one that reshapes what it reads
        found = _ANSWER_READERS[cls] = cls._from_server if overrides else _READERS.get(cls) or _compile_reader(cls)
    return found


def _field_code(i: int, field: FieldInfo, kind: str, v: str) -> str:
    if kind == "take":
        return f"a += take(o, d, F[{i}], SHARED)"
    return _KIND_CODE[kind].format(i=i, k=repr(field.key), v=v, other=_OTHER.format(i=i, v=v))


def _define(cls: type[Model], env: dict[str, Any], name: str, source: str) -> None:
    """Run ``source`` defining function ``name`` in ``env``; an existing function of that name gets the new
    code, so that every reader already handed it out reads with the new code."""
    before = env.get(name)
    exec(compile(source, f"<reader of {cls.__name__}>", "exec"), env)  # made from our own declarations
    if before is not None:
        before.__code__ = env[name].__code__
        env[name] = before


def _compile_reader(cls: type[Model]) -> Callable[[Any], Any]:
    """The reader of ``cls`` (see above), compiled; it raises ValueError for anything but a JSON object."""
    with _COMPILE_LOCK:
        if cls in _READERS:
            return _READERS[cls]
        _COMPILING.add(cls)
        try:
            fields = list(cls._fields.values())
            env: dict[str, Any] = {
                "cls": cls, "N": len(fields), "new": object.__new__, "setdict": Model.__dict__["__dict__"].__set__,
                "as_dict": _as_dict, "fix": _fix, "take": _take, "unknown": _unknown,
                "M": _MISSING, "F": tuple(fields), "SHARED": frozenset(f.key for f in fields),
                "fromiso": _fromisoformat, "UTC": _UTC, "UG": _UUIDS.get, "UP": _read_uuid, "LEARN": True,
            }  # fmt: skip
            kinds = [_kind(field, env, i) for i, field in enumerate(fields)]
            inline = {f.key: i for i, (f, kind) in enumerate(zip(fields, kinds, strict=True)) if kind != "take"}
            taken = [i for i, kind in enumerate(kinds) if kind == "take"]
            shapes: dict[int, str] = {}
            tries = [8 * _MAX_SHAPES]

            def learn(data: dict[str, Any]) -> None:
                """Give answers of this one's shape code of their own, if it holds only keys of fields read in place."""
                tries[0] -= 1
                if len(data) not in shapes and inline.keys() >= data.keys():
                    given = [inline[key] for key in data]  # in the answer's order, as its values lie in memory
                    lookups = "\n".join(f"v{i} = data[{fields[i].key!r}]" for i in given) or "pass"
                    code = "\n".join(_field_code(i, fields[i], kinds[i], f"v{i}") for i in given + taken)
                    shapes[len(data)] = _SHAPE_SOURCE.format(
                        size=len(data), lookups=textwrap.indent(lookups, " " * 8),
                        absent=len(inline) - len(given), code=textwrap.indent(code, " " * 4),
                    )  # fmt: skip
                    source = _READ_SOURCE.format(shapes=textwrap.indent("".join(shapes.values()), " " * 8))
                    with _COMPILE_LOCK:
                        _define(cls, env, "read", source)
                env["LEARN"] = tries[0] > 0 and len(shapes) < _MAX_SHAPES

            env["learn"] = learn
            code = "\n".join(("" if kind == "take" else f"v = get({f.key!r}, M)\n") + _field_code(i, f, kind, "v")
                             for i, (f, kind) in enumerate(zip(fields, kinds, strict=True)))  # fmt: skip
            _define(cls, env, "read_any", _READ_ANY_SOURCE.format(code=textwrap.indent(code, " " * 4)))
            _define(cls, env, "read", _READ_SOURCE.format(shapes=""))
        finally:
            _COMPILING.discard(cls)
        read: Callable[[Any], Any] = env["read"]
        _READERS[cls] = read
        return read


# --- the model base --------------------------------------------------------------------------------


ItemT = TypeVar("ItemT", covariant=True)


class Page(Generic[ItemT]):
    """Marks a collection whose items are ``ItemT``: ``class DAGRunCollection(Model, Page[DAGRun])``.

    For type checkers only (``paginate(api.get_dag_runs, ...)`` yields ``DAGRun``); at run time the
    items are the collection's one list field.
    """

    __slots__ = ()


@dataclass_transform(kw_only_default=True, field_specifiers=(Field,))
class ModelMeta(type):
    """Turns annotated class attributes into :class:`FieldInfo` descriptors."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> ModelMeta:
        ns.setdefault("__slots__", ())
        specs = {k: ns.pop(k) for k in [k for k, v in ns.items() if isinstance(v, _FieldSpec)]}
        cls: Any = super().__new__(mcs, name, bases, ns)
        module_globals = vars(sys.modules[cls.__module__])
        fields: dict[str, FieldInfo] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "_fields", {}))
        for attr, annotation in ns.get("__annotations__", {}).items():
            if isinstance(annotation, str):
                if annotation.startswith("ClassVar"):
                    continue
                annotation = eval(annotation, module_globals)
            spec = specs.get(attr) or _FieldSpec(False, False, "", None, ())
            fields[attr] = FieldInfo(name, attr, annotation, spec)
            setattr(cls, attr, fields[attr])
        for alias, target in ns.get("_aliases", {}).items():
            setattr(cls, alias, fields[target])  # the same descriptor under a second name
        cls._fields = fields
        cls._by_key = {k: f for f in fields.values() for k in (f.key, *f.fallback_keys)}
        cls.openapi_types = {n: _strip_none(f.type) for n, f in fields.items()}
        cls.attribute_map = {n: f.key for n, f in fields.items()}
        cls.read_only_vars = {n for n, f in fields.items() if f.read_only}
        cls._required = tuple(f for f in fields.values() if f.required)
        lists = [f for f in fields.values() if get_origin(_strip_none(f.type)) is list]
        cls._items = lists[0] if len(lists) == 1 and "total_entries" in fields else None
        return cls  # type: ignore[no-any-return]


class Model(metaclass=ModelMeta):
    """Base of every model. See the module docstring."""

    __slots__ = ("__dict__", "_extra")  # field values by name, and what an answer sent besides (see _extra)
    _fields: ClassVar[dict[str, FieldInfo]] = {}
    _by_key: ClassVar[dict[str, FieldInfo]] = {}
    _aliases: ClassVar[dict[str, str]] = {}
    openapi_types: ClassVar[dict[str, Any]] = {}
    attribute_map: ClassVar[dict[str, str]] = {}
    read_only_vars: ClassVar[set[str]] = set()
    _items: ClassVar[FieldInfo | None] = None
    _required: ClassVar[tuple[FieldInfo, ...]] = ()
    """The fields a request body must hold (``Field(required=True)``)."""
    """A collection's list of items (a model with ``total_entries`` and one list field), else None."""
    if TYPE_CHECKING:
        _extra: ClassVar[dict[str, Any]]  # a slot, set only when there is something to keep there (see _extra())

    def __init__(self, **kwargs: Any) -> None:
        fields, aliases = self._fields, self._aliases
        for key, value in kwargs.items():
            field = fields.get(aliases.get(key, key))
            if field is None:
                raise ApiTypeError(
                    f"{type(self).__name__} has no field {key!r}; its fields are {', '.join(fields)}",
                    path_to_item=[type(self).__name__, key],
                )
            field.set(self, value)

    def __setattr__(self, name: str, value: Any) -> None:
        field = self._fields.get(self._aliases.get(name, name))
        if field is not None:
            field.set(self, value)
        elif name == "_extra":
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    @classmethod
    def _from_server(cls, data: Any) -> Self:
        """Read a JSON object the server sent (ValueError when ``data`` is not one); ``data`` is left as it is."""
        return (_READERS.get(cls) or _compile_reader(cls))(_copied(data))  # type: ignore[no-any-return]

    @classmethod
    def _from_answer(cls, data: Any) -> Self:
        """Read decoded JSON handed over (as :meth:`_from_server`): its objects become the models' own."""
        return _reader_of(cls)(data)  # type: ignore[no-any-return]

    @property
    def _raw(self) -> dict[str, Any]:
        """The model as the server's JSON object (see :func:`json_data`)."""
        return json_data(self)  # type: ignore[no-any-return]

    # mapping-style access, as generated clients offer
    def _field_for(self, key: str) -> FieldInfo | None:
        key = self._aliases.get(key, key)
        return self._fields.get(key) or self._by_key.get(key)

    def __getitem__(self, key: str) -> Any:
        field = self._field_for(key)
        if field is not None:
            return field.__get__(self)
        for unknown in (self.__dict__, _extra(self, False)):
            if key in unknown:
                return unknown[key]
        raise ApiKeyError(f"{type(self).__name__} has no field {key!r}", [type(self).__name__, key])

    def __setitem__(self, key: str, value: Any) -> None:
        field = self._field_for(key)
        if field is None:
            raise ApiKeyError(f"{type(self).__name__} has no field {key!r}", [type(self).__name__, key])
        field.set(self, value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (
            self._field_for(key) is not None or key in self.__dict__ or key in _extra(self, False)
        )

    def get(self, key: str, default: Any = None) -> Any:
        """The field's value, or ``default`` when it has none."""
        try:
            value = self[key]
        except (ApiKeyError, FieldNotInAnswerError):
            return default
        return default if value is None else value

    def _present(self) -> Iterator[FieldInfo]:
        """The declared fields that have a value, set by the caller or sent by the server."""
        vals, extra = self.__dict__, _extra(self, False)
        return (f for f in self._fields.values() if f.name in vals or f.key in extra)

    def _extra_keys(self) -> list[str]:
        """Keys the server sent that name no field."""
        fields, by_key = self._fields, self._by_key
        return [k for k in self.__dict__ if k not in fields] + [k for k in _extra(self, False) if k not in by_key]

    def _unknown(self, key: str) -> Any:
        vals = self.__dict__
        return vals[key] if key in vals else self._extra[key]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python values (datetimes stay datetimes), unknown server keys included;
        a value that cannot be read is kept as sent, marked :class:`Unreadable`."""
        out = {f.key: _plain(_shown(self, f)) for f in self._present()}
        for key in self._extra_keys():
            out[key] = self._unknown(key)
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """The model as JSON text: every field (read-only ones too), unknown keys, and values that
        cannot be read, as the server sent them; datetimes in ISO 8601. ``dumps_options`` go to
        :func:`json.dumps` (``indent=2``, say). :meth:`from_json` reads it back."""
        return json.dumps(json_data(self), **dumps_options)

    @classmethod
    def from_json(cls, data: str | bytes | dict[str, Any]) -> Self:
        """A model from :meth:`to_json`'s text (or its decoded dict), read as an answer from the server."""
        try:
            return cls._from_answer(json.loads(data)) if isinstance(data, (str, bytes)) else cls._from_server(data)
        except ValueError as exc:
            raise ApiValueError(f"{cls.__name__}.from_json(): {exc}", [cls.__name__]) from exc

    def _validate(self) -> None:
        """Raise :class:`ApiValueError` at the first field (nested ones included) that could not be read."""
        for field in self._present():
            _validate_value(field.__get__(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and type(other) is type(self) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = [f"{f.name}={_shown(self, f)!r}" for f in self._present()]
        parts += [f"{k}={self._unknown(k)!r}" for k in self._extra_keys()]
        return f"{type(self).__name__}({', '.join(parts)})"

    def _repr_html_(self) -> str:
        """An HTML table for notebooks: a collection's items one per row (a column per scalar field
        they have), any other model its fields one per row."""
        return _html_table(self)


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _validate_value(value: Any) -> None:
    if isinstance(value, Model):
        value._validate()
    elif isinstance(value, list):
        for item in value:
            _validate_value(item)


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


_html_value = _shown  # a display never fails on one odd value


def _html_table(model: Model) -> str:
    """A collection (``total_entries`` and one list of models) as its items' fields by rows; else one model's fields."""
    name = type(model).__name__
    listed = type(model)._items
    item_type = _strip_none(get_args(_strip_none(listed.type))[0]) if listed is not None else None
    listing = _html_value(model, listed) if listed is not None else None
    if (
        listed is None
        or not isinstance(listing, list)
        or not (isinstance(item_type, type) and issubclass(item_type, Model))
    ):
        rows = "".join(
            f"<tr><th>{html.escape(f.name)}</th><td>{_cell(_html_value(model, f))}</td></tr>" for f in model._present()
        )
        return f"<table><caption>{html.escape(name)}</caption>{rows}</table>"
    items = [i for i in listing if isinstance(i, Model)]
    shown = items[:MAX_HTML_ROWS]
    columns = [f for f in item_type._fields.values()
               if _is_scalar(f.type) and any(f.in_raw(i) for i in shown)]  # fmt: skip
    total = _html_value(model, model._fields["total_entries"])
    caption = f"{name}: {len(items)} {listed.name}" + (f" of {total}" if isinstance(total, int) else "")
    head = "".join(f"<th>{html.escape(f.name)}</th>" for f in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(_html_value(i, f))}</td>" for f in columns) + "</tr>" for i in shown)
    more = f"<p>... and {len(items) - len(shown)} more</p>" if len(items) > len(shown) else ""
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>{more}"


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
