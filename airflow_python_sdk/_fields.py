"""Model fields: ``Field()`` declares one, :class:`FieldInfo` describes it and reads what an answer lacks."""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any, NamedTuple, Union, get_args, get_origin

from airflow_python_sdk._types import Reader, _reader, check_value, type_name
from airflow_python_sdk.exceptions import ApiValueError, FieldNotInAnswerError

if TYPE_CHECKING:
    from airflow_python_sdk._model import Model

__all__ = ["Field", "FieldInfo", "Unreadable"]

_EMPTY: dict[str, Any] = {}
_MISSING: Any = object()


class _FieldSpec(NamedTuple):
    nullable: bool = False
    read_only: bool = False
    doc: str = ""
    key: str | None = None
    fallback_keys: tuple[str, ...] = ()
    v2_only: bool = False
    v1_only: bool = False
    required: bool = False


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

    __slots__ = ("_absent", "_read", "doc", "fallback_keys", "key", "name", "nullable", "owner", "read_only",
                 "required", "type", "v1_only", "v2_only")  # fmt: skip

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
