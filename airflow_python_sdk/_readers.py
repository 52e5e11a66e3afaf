"""Reading answers.

A model class gets a reader the first time an answer is read into it, compiled from its fields:
straight-line code that makes the server's JSON object (already decoded, and handed over) the model's
__dict__ and converts each value there (timestamps, enums, UUIDs, nested models), with one test per
field for a value already of the declared JSON type. Anything else -- a value of another type, one that
does not parse, a field under another key -- goes to the generic per-field reading (_fix, _take),
which sets aside what it cannot read. The reader takes any answer; one holding only keys of fields
read in place teaches it that shape, and answers of that size are then read by code taking those keys
as given (one lacking any is read as any other). Converting everything at once costs less than on
first read (a Python call per field), and leaves every field a plain attribute.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args, get_origin

from airflow_python_sdk._datetimes import _UTC, _fromisoformat
from airflow_python_sdk._enums import OpenEnum
from airflow_python_sdk._fields import _MISSING, FieldInfo, _extra
from airflow_python_sdk._types import _UUIDS, _read_uuid, _strip_none
from airflow_python_sdk.exceptions import ApiValueError

if TYPE_CHECKING:
    from airflow_python_sdk._model import Model

__all__ = ["_READERS", "_compile_reader", "_copied", "_reader_of"]


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
    from airflow_python_sdk._model import Model

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
    from airflow_python_sdk._model import Model

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
