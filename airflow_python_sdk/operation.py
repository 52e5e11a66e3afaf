"""Operations as data: each API method is declared once, by a decorator over its typed signature.

::

    class DAGRunApi(Api):
        @operation("GET", "/dags/{dag_id}/dagRuns/{dag_run_id}", errors=(401, 403, 404))
        def get_dag_run(self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]) -> DAGRun:
            \"\"\"Get one DAG run.\"\"\"
            return self._call(locals())

The decorator reads everything else from the signature: parameters named in the path template go in the path,
the one named by ``body=`` is the JSON body, the rest are query parameters; a parameter without a default is
required; its annotation is the type checked before sending; the return annotation is the model the answer is
read into. ``_call`` hands the arguments to the one dispatcher, :meth:`ApiClient.call`.

Which server generations have what is said where it applies, once:

- an operation only Airflow 3 has is declared with ``v1=False`` (its method and path are then the
  ``/api/v2`` ones); one only Airflow 2 has has no ``v2=`` form;
- a parameter only one generation has takes :data:`AIRFLOW_3_ONLY` or :data:`AIRFLOW_2_ONLY` as its
  default (``help()`` shows ``run_type=<Airflow 3 only>``); giving it to the other raises
  :class:`ApiValueError` before anything is sent;
- a body field only one generation has is declared ``Field(v2_only=True)`` or ``Field(v1_only=True)``
  on its model, with the same effect when it is set;
- where Airflow 3's operationId is not the method's name, the class body gives it as a second name
  (``trigger_dag_run = post_dag_run``).
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    ParamSpec,
    TypeAlias,
    TypedDict,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)

from airflow_python_sdk._diagnosis import explained
from airflow_python_sdk._docs import param_doc, split_doc
from airflow_python_sdk.configuration import Timeout
from airflow_python_sdk.exceptions import ApiTypeError
from airflow_python_sdk.model_utils import Model

if TYPE_CHECKING:
    from multiprocessing.pool import ApplyResult as AsyncResult

    from urllib3 import BaseHTTPResponse, HTTPHeaderDict

    from airflow_python_sdk.api_client import ApiClient

__all__ = [
    "AIRFLOW_2_ONLY",
    "AIRFLOW_3_ONLY",
    "Api",
    "Args",
    "CallOptions",
    "BoundMethod",
    "submit",
    "with_http_info",
    "raw_response",
    "Operation",
    "Param",
    "V2",
    "FAB",
    "operation",
    "signature_params",
    "CALL_OPTIONS",
    "unexpected_keywords",
]

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])


class CallOptions(TypedDict, total=False):
    """Keywords every API method takes besides its own parameters.

    Three change what a call returns, so type checkers accept only the value that keeps the method's own
    result (the other still works when run): their typed forms are :func:`submit`, :func:`with_http_info`
    and :func:`raw_response`.
    """

    async_req: Literal[False]
    """True runs the call in the client's thread pool and returns its ``AsyncResult``; typed: :func:`submit`."""
    _preload_content: Literal[True]
    """False returns urllib3's response unread and unchecked; typed: :func:`raw_response`."""
    _request_timeout: Timeout | None
    """Seconds, or ``(connect, read)``, for this call instead of the configured timeout."""
    _return_http_data_only: Literal[True]
    """False returns ``(data, status, headers)``; typed: :func:`with_http_info`."""
    _check_input_type: bool
    """False skips the type checks of the arguments (they are still serialised strictly)."""
    _check_return_type: bool
    """True raises :class:`ApiValueError` at once when a field of the answer cannot be read (else reading it does)."""
    _headers: dict[str, str]
    """Extra headers for this call, e.g. ``{"Accept": "application/json"}`` for a log's JSON form."""


BoundMethod: TypeAlias = Callable[P, R]
"""An API method bound to its instance (``api.get_dag_runs``), as :func:`paginate` and the helpers take it."""


def submit(method: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> AsyncResult[R]:
    """Call ``method(*args, **kwargs)`` in its client's thread pool (``async_req=True``), typed:
    ``submit(api.get_dag_run, "my_dag", "r1").get(timeout=30)`` is a ``DAGRun``; the call's error raises there."""
    return cast("AsyncResult[R]", cast(Any, method)(*args, async_req=True, **kwargs))


def with_http_info(method: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> tuple[R, int, HTTPHeaderDict]:
    """``method(*args, **kwargs)`` with ``_return_http_data_only=False``, typed: ``(data, status, headers)``."""
    return cast("tuple[R, int, HTTPHeaderDict]", cast(Any, method)(*args, _return_http_data_only=False, **kwargs))


def raw_response(method: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> BaseHTTPResponse:
    """``method(*args, **kwargs)`` with ``_preload_content=False``, typed: urllib3's response, unread and
    unchecked (read it, then ``release_conn()``)."""
    return cast("BaseHTTPResponse", cast(Any, method)(*args, _preload_content=False, **kwargs))


CALL_OPTIONS = frozenset(CallOptions.__annotations__)


def unexpected_keywords(where: str, op: Operation, given: Collection[str]) -> ApiTypeError | None:
    """The error for keyword arguments ``given`` that are neither a parameter of ``op`` nor a call option
    (None when there are none): each with the name it may stand for, else every name ``op`` takes."""
    from difflib import get_close_matches

    unknown = sorted(set(given) - CALL_OPTIONS - {p.name for p in op.params})
    if not unknown:
        return None
    names = [p.name for p in op.params] + sorted(CALL_OPTIONS)
    guesses = {name: get_close_matches(name, names, n=1) for name in unknown}
    said = ", ".join(f"{n!r}" + (f" (did you mean {g[0]!r}?)" if g else "") for n, g in guesses.items())
    text = f"{where} got unexpected keyword argument(s) {said}"
    if not all(guesses.values()):
        text += (
            f"; it takes {', '.join(p.name for p in op.params)} and the call options {', '.join(sorted(CALL_OPTIONS))}"
        )
    return ApiTypeError(text, [op.id, *unknown] if len(unknown) == 1 else [op.id])


class Only:
    """The default of a parameter that only one server generation has: it reads as "not given"."""

    __slots__ = ("api_version", "label")

    def __init__(self, api_version: str, label: str) -> None:
        self.api_version, self.label = api_version, label

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return f"<{self.label} only>"


AIRFLOW_2_ONLY: None = cast(None, Only("v1", "Airflow 2"))
"""Default of a parameter only Airflow 2 (``/api/v1``) has; typed ``None`` for type checkers."""
AIRFLOW_3_ONLY: None = cast(None, Only("v2", "Airflow 3"))
"""Default of a parameter only Airflow 3 (``/api/v2``) has; typed ``None`` for type checkers."""


@dataclass(frozen=True)
class Param:
    """One parameter of an operation."""

    name: str
    where: str  # "path", "query", "header" or "body"
    type: Any
    required: bool
    joined: bool = False  # a list sent as one comma-separated value instead of a repeated key
    doc: str = ""
    only: str | None = None  # "v1" or "v2" when only that API version has it

    @cached_property
    def plain_classes(self) -> tuple[type, ...]:
        """The classes a value may have to pass the type check as it is (``str`` for ``str | None``), made
        once; a value of any other class (a subclass, a list, a model) is checked in full."""
        options = get_args(self.type) if get_origin(self.type) in (Union, types.UnionType) else (self.type,)
        plain = tuple(o for o in options if o in (str, int, float) or o is type(None))
        return plain if len(plain) == len(options) else ()


Args = Mapping[str, Any]
"""A call's arguments: the method's ``locals()``, its parameters plus ``kwargs`` (the call options)."""


@dataclass(frozen=True)
class V2:
    """How an operation is sent to an Airflow 3 server (``/api/v2``), where that differs from ``/api/v1``.

    ``rename`` maps a parameter, a top-level key of the JSON body, or a field named in ``order_by``
    to its Airflow 3 name (``execution_date_gte`` -> ``logical_date_gte``); it works both ways, so a
    parameter both generations take under Airflow 3's name, or a ``v2_only`` body field of that name,
    goes to Airflow 2 under Airflow 2's, and two names given different values raise before sending.
    ``query`` adds fixed query parameters (``update_mask``). A text parameter in ``split``
    (comma-separated ids on Airflow 2) is sent as repeated values. ``body`` reshapes the JSON body
    after renaming. A ``{name}`` in ``path`` that is no parameter is filled from (and taken out of)
    the body. With ``dry_run``, the body's
    ``dry_run`` key (true unless given as false, as on Airflow 2) appends that suffix to the path
    instead of being sent. ``root`` puts the path under another API of the server than ``/api/v2``
    (``/auth/fab/v1``, the FAB auth manager's).

    Two hooks cover what data cannot say: ``resolve(client, args)`` returns the arguments to send
    after finding what Airflow 3 addresses differently (an asset's id for a dataset URI); it may send
    requests of its own, and runs only once the caller's arguments passed every check.
    ``answer(client, args, data)`` turns Airflow 3's decoded JSON into the shape the operation
    declares (``args`` as the caller gave them); an operation answering text is then asked for JSON.
    """

    path: str | None = None
    method: str | None = None
    rename: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    split: tuple[str, ...] = ()
    body: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    dry_run: str | None = None
    root: str | None = None
    resolve: Callable[[ApiClient, Args], Args] | None = None
    answer: Callable[[ApiClient, Args, Any], Any] | None = None


FAB = V2(root="/auth/fab/v1")
"""Users, roles and permissions on Airflow 3: the FAB auth manager's API (its provider must be in use)."""


@dataclass(frozen=True)
class Operation:
    """One HTTP operation of the API, as data."""

    id: str
    method: str
    path: str
    params: tuple[Param, ...]
    returns: Any  # None, a Model class, or a Union of Model classes
    errors: tuple[int, ...]
    summary: str
    description: str
    api: str  # the API class that declares it
    success_status: int = 200  # the status of a successful answer (204 where nothing is returned)
    v2: V2 | None = None  # its Airflow 3 form; None: Airflow 3 has no such operation
    v1: bool = True  # whether Airflow 2 has it (at ``method path``); False: Airflow 3 only
    headers: Mapping[str, str] = field(default_factory=dict)  # parameter -> the HTTP header it is sent in

    @property
    def body(self) -> Param | None:
        return next((p for p in self.params if p.where == "body"), None)

    @cached_property
    def returns_text(self) -> bool:
        """Whether the answer is text (``str`` among the declared return types)."""
        return self.returns is str or str in get_args(self.returns)

    @cached_property
    def v1_names(self) -> dict[str, str]:
        """Airflow 2's name of each parameter or body field Airflow 3 renamed (``v2.rename`` turned round)."""
        return {new: old for old, new in self.v2.rename.items()} if self.v2 else {}

    @cached_property
    def models(self) -> tuple[type[Model], ...]:
        """The models an answer is read into: one, or a union's (picked per answer by its keys)."""
        options = get_args(self.returns) if get_origin(self.returns) in (Union, types.UnionType) else (self.returns,)
        return tuple(m for m in options if isinstance(m, type) and issubclass(m, Model))


def signature_params(
    func: Callable[..., Any],
    in_path: Collection[str] = frozenset(),
    body: str | None = None,
    joined: tuple[str, ...] = (),
    in_header: Collection[str] = frozenset(),
) -> tuple[tuple[Param, ...], Any]:
    """The parameters (with their docstring texts) and the return type that a method declares."""
    space = inspect.unwrap(func).__globals__  # the method's module, not a wrapper's
    hints = {k: eval(v, space) if isinstance(v, str) else v for k, v in func.__annotations__.items()
             if k != "kwargs"}  # fmt: skip
    docs = split_doc(func.__doc__ or "")[2]
    params = []
    for p in list(inspect.signature(func).parameters.values())[1:]:
        if p.kind is p.VAR_KEYWORD:
            continue
        where = ("path" if p.name in in_path else "body" if p.name == body
                 else "header" if p.name in in_header else "query")  # fmt: skip
        only = p.default.api_version if isinstance(p.default, Only) else None
        params.append(Param(p.name, where, hints[p.name], p.default is p.empty, p.name in joined,
                            docs.get(p.name) or param_doc(p.name), only))  # fmt: skip
    returns = hints["return"]
    return tuple(params), None if returns is type(None) or returns is None else returns


_OPERATIONS: dict[Any, Operation] = {}  # code object of the method -> its operation


def operation(
    method: str,
    path: str,
    *,
    body: str | None = None,
    joined: tuple[str, ...] = (),
    errors: tuple[int, ...] = (401, 403),
    status: int | None = None,
    v2: V2 | None = None,
    v1: bool = True,
    headers: Mapping[str, str] | None = None,
) -> Callable[[F], F]:
    """Declare the decorated method as the operation ``method path``; see the module docstring.

    ``status`` is the success status when it is not 200 (or 204 for a method returning None);
    ``v2`` is the operation's form on Airflow 3 (none: not available there). ``v1=False`` declares
    an operation only Airflow 3 has: ``method path`` are its ``/api/v2`` ones and ``v2`` defaults to
    ``V2()``. ``headers`` maps parameters sent as HTTP headers to those headers' names. Where Airflow 3's
    operationId is not the method's name, the class body names it too
    (``trigger_dag_run = post_dag_run``), so that type checkers and ``help()`` see it.

    Type checkers see the method itself: its name, parameters and docstring (the decorator returns it).
    """
    if not v1 and v2 is None:
        v2 = V2()

    def declare(func: F) -> F:
        params, returns = signature_params(func, set(re.findall(r"{(\w+)}", path)), body, joined, headers or {})
        summary, description, _ = split_doc(func.__doc__ or "")
        success = status or (204 if returns is None else 200)
        op = Operation(func.__name__, method, path, params, returns, errors, summary, description,
                       api=func.__qualname__.split(".")[0], success_status=success, v2=v2, v1=v1,
                       headers=dict(headers or {}))  # fmt: skip
        _OPERATIONS[func.__code__] = op
        func.operation = op  # type: ignore[attr-defined]
        return func if op.body is None else explained(func)  # a call without its body model says which to pass

    return declare


class Api:
    """Base of the per-resource API classes."""

    def __init__(self, api_client: ApiClient | None = None) -> None:
        if api_client is None:
            from airflow_python_sdk.api_client import ApiClient

            api_client = ApiClient()
        self.api_client = api_client

    if not TYPE_CHECKING:  # checkers keep flagging unknown names; at run time one says which class has it

        def __getattr__(self, name: str) -> Any:
            from airflow_python_sdk._diagnosis import no_method

            raise no_method(type(self), name)

    def _call(self, args: dict[str, Any]) -> Any:
        """Dispatch the calling method's operation with its ``locals()``."""
        return self.api_client.call(_OPERATIONS[sys._getframe(1).f_code], args)

    @classmethod
    def operations(cls) -> Iterator[Operation]:
        """The operations this class declares, in declaration order."""
        for name, attr in vars(cls).items():
            op = getattr(attr, "operation", None)
            if isinstance(op, Operation) and op.id == name:
                yield op
