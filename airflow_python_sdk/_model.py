"""The model base: fields declared once as annotated class attributes (see :mod:`airflow_python_sdk.model_utils`)."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, get_origin

from airflow_python_sdk._fields import Field, FieldInfo, _extra, _FieldSpec, _shown
from airflow_python_sdk._notebook import NotebookMixin
from airflow_python_sdk._readers import _READERS, _compile_reader, _copied, _reader_of
from airflow_python_sdk._types import _strip_none
from airflow_python_sdk.exceptions import ApiKeyError, ApiTypeError, ApiValueError, FieldNotInAnswerError

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


__all__ = ["Model", "ModelMeta", "Page", "ItemT"]


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
                annotation = None if annotation.startswith("ClassVar") else eval(annotation, module_globals)
            if annotation is None or get_origin(annotation) is ClassVar:
                continue
            spec = specs.get(attr) or _FieldSpec()
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


class Model(NotebookMixin, metaclass=ModelMeta):
    """Base of every model. See the module docstring."""

    __slots__ = ("__dict__", "_extra")  # field values by name, and what an answer sent besides (see _extra)
    _fields: ClassVar[dict[str, FieldInfo]] = {}
    _by_key: ClassVar[dict[str, FieldInfo]] = {}
    _aliases: ClassVar[dict[str, str]] = {}
    openapi_types: ClassVar[dict[str, Any]] = {}
    attribute_map: ClassVar[dict[str, str]] = {}
    read_only_vars: ClassVar[set[str]] = set()
    _items: ClassVar[FieldInfo | None] = None
    """A collection's list of items (a model with ``total_entries`` and one list field), else None."""
    _required: ClassVar[tuple[FieldInfo, ...]] = ()
    """The fields a request body must hold (``Field(required=True)``)."""
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
        from airflow_python_sdk._json import json_data

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
        from airflow_python_sdk._json import json_data

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
        from airflow_python_sdk._display import html_table

        return html_table(self)


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
