"""One base for every model: fields declared once, responses read leniently, requests built strictly.

A model lists its fields as annotated class attributes::

    class SetDagRunNote(Model):
        note: str | None = Field(default=None, doc="The note text.")

From that one declaration the base derives the typed constructor (for type checkers, through
``dataclass_transform``), attribute access, ``openapi_types``/``attribute_map``/``read_only_vars``,
``to_dict()``, ``repr()`` and the JSON body of a request.

Responses are wrapped, not copied: a model made from a server's JSON keeps that dict and converts a
field (datetime, enum, nested model) the first time it is read, then caches it. Unknown keys are kept,
nulls and missing keys read as ``None``, unknown enum values come back as enum values. A value that
cannot be converted at all raises :class:`ApiValueError` naming the model, the field and the raw value.

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
import types
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
    if isinstance(value, str):  # parse_datetime, inlined: it runs for every timestamp of every run
        try:
            parsed = _fromisoformat(value)
        except ValueError:
            parsed = _parse_other(value)
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)
    raise ValueError(value)


def _read_date(value: Any) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise ValueError(value)


_SCALAR_READERS: dict[Any, Reader] = {
    str: _read_str,
    int: _read_int,
    float: _read_float,
    bool: _read_bool,
    dict: _read_dict,
    dt.datetime: _read_datetime,
    dt.date: _read_date,
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
        return tp._from_server
    return None


# --- fields ---------------------------------------------------------------------------------------


class _FieldSpec:
    __slots__ = ("doc", "fallback_keys", "key", "nullable", "read_only", "v1_only", "v2_only")

    def __init__(
        self,
        nullable: bool,
        read_only: bool,
        doc: str,
        key: str | None,
        fallback_keys: tuple[str, ...],
        v2_only: bool = False,
        v1_only: bool = False,
    ) -> None:
        self.nullable, self.read_only, self.doc, self.key = nullable, read_only, doc, key
        self.fallback_keys, self.v2_only, self.v1_only = fallback_keys, v2_only, v1_only


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
    """
    return _FieldSpec(nullable, read_only, doc, key, fallback_keys, v2_only, v1_only)


class _NeverSent:
    """A type no JSON value has: the ``_as_sent`` of fields whose values always need converting."""


class _Timestamp(_NeverSent):
    """The ``_as_sent`` of datetime fields, whose conversion :meth:`FieldInfo.__get__` inlines."""


class FieldInfo:
    """The descriptor behind one model field: reads lazily from the server's JSON, checks on write."""

    __slots__ = (
        "_absent",
        "_as_sent",
        "_read",
        "doc",
        "fallback_keys",
        "key",
        "name",
        "nullable",
        "owner",
        "read_only",
        "type",
        "v1_only",
        "v2_only",
    )

    def __init__(self, owner: str, name: str, tp: Any, spec: _FieldSpec) -> None:
        self.owner, self.name, self.type = owner, name, tp
        self.key = spec.key or name
        self.fallback_keys, self.v2_only, self.v1_only = spec.fallback_keys, spec.v2_only, spec.v1_only
        self.nullable, self.read_only, self.doc = spec.nullable, spec.read_only, spec.doc
        self._read: Reader | None = _MISSING  # resolved on first read: nested models may come later
        # The JSON type that already is the declared one (str for a str field): such a value is
        # returned as sent, without a reader call or a cached copy.
        plain = _strip_none(tp)
        plain = dict if get_origin(plain) is dict else plain
        self._as_sent: type = (
            plain if plain in (str, int, float, bool, dict) else _Timestamp if plain is dt.datetime else _NeverSent
        )
        # What an answer without the field reads as: None, [] (a list always sent), or an error
        union = get_origin(tp) in (Union, types.UnionType)
        always_sent = (type(None) not in get_args(tp)) if union else tp not in (Any, object, None, type(None))
        self._absent: Any = (_MISSING if get_origin(tp) is not list else list) if always_sent else None

    def __get__(self, obj: Model | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        vals, name = obj._vals, self.name
        if name in vals:
            return vals[name]
        raw = obj._raw
        value = raw.get(self.key, _MISSING)
        if value is _MISSING:
            key = self._fallback_in(raw)
            if key is None:
                return None if self._absent is None else self._missing(obj)
            value = raw[key]
        if value is None or value.__class__ is self._as_sent:
            return value  # nothing to convert: the server's value is the field's (and stays in _raw)
        if self._as_sent is _Timestamp and value.__class__ is str:
            try:  # the common case, inlined: a timestamp as the server writes it
                converted = _fromisoformat(value)
            except (ValueError, OverflowError):
                converted = self._convert(value)  # another shape, or an ApiValueError naming the field
            else:
                if converted.tzinfo is None:
                    converted = converted.replace(tzinfo=_UTC)
        else:
            converted = self._convert(value)
            if converted is value:
                return value
        vals[name] = converted  # converted once; later reads are one dict lookup
        return converted

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

    def _missing(self, obj: Model) -> Any:
        """A field the server always sends, absent: ``[]`` for a list, else :class:`FieldNotInAnswerError`."""
        if self._absent is list:
            return obj._vals.setdefault(self.name, [])
        raise FieldNotInAnswerError(
            f"{self.owner}.{self.name} is not in this answer: it was left out with fields=[...], or the "
            "server is older than the field, or the model was built without it",
            [self.owner, self.name],
        )

    def _fallback_in(self, raw: dict[str, Any]) -> str | None:
        return next((k for k in self.fallback_keys if k in raw), None)

    def in_raw(self, raw: dict[str, Any]) -> bool:
        """Whether the server's JSON has this field, under its key or a fallback."""
        return self.key in raw or self._fallback_in(raw) is not None

    def __set__(self, obj: Model, value: Any) -> None:
        obj._vals[self.name] = check_value(value, self.type, [self.owner, self.name])


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
        return Unreadable(model._raw.get(field.key, next((model._raw[k] for k in field.fallback_keys
                                                          if k in model._raw), None)))  # fmt: skip


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
        lists = [f for f in fields.values() if get_origin(_strip_none(f.type)) is list]
        cls._items = lists[0] if len(lists) == 1 and "total_entries" in fields else None
        return cls  # type: ignore[no-any-return]


class Model(metaclass=ModelMeta):
    """Base of every model. See the module docstring."""

    __slots__ = ("_raw", "_vals")
    _fields: ClassVar[dict[str, FieldInfo]] = {}
    _by_key: ClassVar[dict[str, FieldInfo]] = {}
    _aliases: ClassVar[dict[str, str]] = {}
    openapi_types: ClassVar[dict[str, Any]] = {}
    attribute_map: ClassVar[dict[str, str]] = {}
    read_only_vars: ClassVar[set[str]] = set()
    _items: ClassVar[FieldInfo | None] = None
    """A collection's list of items (a model with ``total_entries`` and one list field), else None."""

    def __init__(self, **kwargs: Any) -> None:
        self._raw: dict[str, Any] = _EMPTY
        self._vals: dict[str, Any] = {}
        fields, aliases = self._fields, self._aliases
        for key, value in kwargs.items():
            field = fields.get(aliases.get(key, key))
            if field is None:
                raise ApiTypeError(
                    f"{type(self).__name__} has no field {key!r}; its fields are {', '.join(fields)}",
                    path_to_item=[type(self).__name__, key],
                )
            field.__set__(self, value)

    @classmethod
    def _from_server(cls, data: Any) -> Self:
        """Wrap a JSON object the server sent; nothing is converted until it is read."""
        if not isinstance(data, dict):
            raise ValueError(f"cannot read {data!r} as {cls.__name__}")
        obj = object.__new__(cls)
        obj._raw = data
        obj._vals = {}
        return obj

    # mapping-style access, as generated clients offer
    def _field_for(self, key: str) -> FieldInfo | None:
        key = self._aliases.get(key, key)
        return self._fields.get(key) or self._by_key.get(key)

    def __getitem__(self, key: str) -> Any:
        field = self._field_for(key)
        if field is not None:
            return field.__get__(self)
        if key in self._raw:
            return self._raw[key]
        raise ApiKeyError(f"{type(self).__name__} has no field {key!r}", [type(self).__name__, key])

    def __setitem__(self, key: str, value: Any) -> None:
        field = self._field_for(key)
        if field is None:
            raise ApiKeyError(f"{type(self).__name__} has no field {key!r}", [type(self).__name__, key])
        field.__set__(self, value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (self._field_for(key) is not None or key in self._raw)

    def get(self, key: str, default: Any = None) -> Any:
        """The field's value, or ``default`` when it has none."""
        try:
            value = self[key]
        except (ApiKeyError, FieldNotInAnswerError):
            return default
        return default if value is None else value

    def _present(self) -> Iterator[FieldInfo]:
        """The declared fields that have a value, set by the caller or sent by the server."""
        vals, raw = self._vals, self._raw
        return (f for f in self._fields.values() if f.name in vals or f.in_raw(raw))

    def _extra_keys(self) -> list[str]:
        return [k for k in self._raw if k not in self._by_key]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python values (datetimes stay datetimes), unknown server keys included;
        a value that cannot be read is kept as sent, marked :class:`Unreadable`."""
        out = {f.key: _plain(_shown(self, f)) for f in self._present()}
        for key in self._extra_keys():
            out[key] = self._raw[key]
        return out

    def to_json(self, **dumps_options: Any) -> str:
        """The model as JSON text: every field (read-only ones too), unknown keys, and values that
        cannot be read, as the server sent them; datetimes in ISO 8601. ``dumps_options`` go to
        :func:`json.dumps` (``indent=2``, say). :meth:`from_json` reads it back."""
        return json.dumps(json_data(self), **dumps_options)

    @classmethod
    def from_json(cls, data: str | bytes | dict[str, Any]) -> Self:
        """A model from :meth:`to_json`'s text (or its decoded dict), read as an answer from the server."""
        decoded = json.loads(data) if isinstance(data, (str, bytes)) else data
        try:
            return cls._from_server(decoded)
        except ValueError as exc:
            raise ApiValueError(f"{cls.__name__}.from_json(): {exc}", [cls.__name__]) from exc

    def _validate(self) -> None:
        """Convert every field now, raising :class:`ApiValueError` at the first that cannot be read."""
        for field in self._present():
            _validate_value(field.__get__(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and type(other) is type(self) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = [f"{f.name}={_shown(self, f)!r}" for f in self._present()]
        parts += [f"{k}={self._raw[k]!r}" for k in self._extra_keys()]
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
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= MAX_HTML_CELL else text[: MAX_HTML_CELL - 1] + "\u2026"
    return html.escape(text)


def _is_scalar(tp: Any) -> bool:
    tp = _strip_none(tp)
    return tp in (str, int, float, bool, dt.datetime, dt.date) or (
        isinstance(tp, type) and issubclass(tp, (OpenEnum, StringModel))
    )


_html_value = _shown  # a display never fails on one odd value


def _html_table(model: Model) -> str:
    """A collection (``total_entries`` and one list of models) as its items' fields by rows; else one model's fields."""
    name = type(model).__name__
    listed = type(model)._items
    item_type = _strip_none(get_args(_strip_none(listed.type))[0]) if listed is not None else None
    listing = _html_value(model, listed) if listed is not None else None
    if listed is None or not isinstance(listing, list) or not (
        isinstance(item_type, type) and issubclass(item_type, Model)
    ):
        rows = "".join(
            f"<tr><th>{html.escape(f.name)}</th><td>{_cell(_html_value(model, f))}</td></tr>" for f in model._present()
        )
        return f"<table><caption>{html.escape(name)}</caption>{rows}</table>"
    items = [i for i in listing if isinstance(i, Model)]
    shown = items[:MAX_HTML_ROWS]
    columns = [f for f in item_type._fields.values()
               if _is_scalar(f.type) and any(f.name in i._vals or f.in_raw(i._raw) for i in shown)]  # fmt: skip
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
        out = dict(value._raw)
        for name, item in value._vals.items():
            out[value._fields[name].key] = json_data(item)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return format_datetime(value) if isinstance(value, dt.datetime) else value.isoformat()
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
            body[key] = to_json(value._raw[key], [*path, name, key])
        return body
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
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
