"""Operations as data: each API method is declared once, by a decorator over its typed signature.

::

    class DAGRunApi(Api):
        @operation("GET", "/dags/{dag_id}/dagRuns/{dag_run_id}", errors=(401, 403, 404))
        def get_dag_run(self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]) -> DAGRun:
            \"\"\"Get one DAG run.\"\"\"
            return self._call(locals())

The decorator reads everything else from the signature: parameters named in the path template go
in the path, the one named by ``body=`` is the JSON body, the rest are query parameters; a parameter
without a default is required; its annotation is the type checked before sending; the return
annotation is the model the answer is read into. ``_call`` hands the arguments to the one dispatcher,
:meth:`ApiClient.call`.
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Union, get_args, get_origin

from airflow_python_sdk.configuration import Timeout
from airflow_python_sdk.model_utils import Model

if TYPE_CHECKING:
    from airflow_python_sdk.api_client import ApiClient

__all__ = [
    "Api",
    "Args",
    "CallOptions",
    "Operation",
    "Param",
    "V2",
    "FAB",
    "operation",
    "signature_params",
    "split_doc",
    "CALL_OPTIONS",
]

F = TypeVar("F", bound=Callable[..., Any])


class CallOptions(TypedDict, total=False):
    """Keywords every API method takes besides its own parameters."""

    async_req: bool
    """Run in the client's thread pool; the method returns a result whose ``get()`` waits for it."""
    _preload_content: bool
    """False returns urllib3's response unread and unchecked."""
    _request_timeout: Timeout | None
    """Seconds, or ``(connect, read)``, for this call instead of the configured timeout."""
    _return_http_data_only: bool
    """False returns ``(data, status, headers)``."""
    _check_input_type: bool
    """False skips the type checks of the arguments (they are still serialised strictly)."""
    _check_return_type: bool
    """True converts every field of the answer at once instead of on first read."""
    _headers: dict[str, str]
    """Extra headers for this call, e.g. ``{"Accept": "application/json"}`` for a log's JSON form."""


CALL_OPTIONS = frozenset(CallOptions.__annotations__)

ERROR_TEXT = {
    400: "Client specified an invalid argument.",
    401: "Request not authenticated due to missing, invalid, authentication info.",
    403: "Client does not have sufficient permission.",
    404: "A specified resource is not found.",
    409: "An existing resource conflicts with the request.",
}


@dataclass(frozen=True)
class Param:
    """One parameter of an operation."""

    name: str
    where: str  # "path", "query" or "body"
    type: Any
    required: bool
    joined: bool = False  # a list sent as one comma-separated value instead of a repeated key
    doc: str = ""


Args = Mapping[str, Any]
"""A call's arguments: the method's ``locals()``, its parameters plus ``kwargs`` (the call options)."""


@dataclass(frozen=True)
class V2:
    """How an operation is sent to an Airflow 3 server (``/api/v2``), where that differs from ``/api/v1``.

    ``rename`` maps a parameter, a top-level key of the JSON body, or a field named in ``order_by``
    to its Airflow 3 name (``execution_date_gte`` -> ``logical_date_gte``). ``query`` adds fixed query
    parameters (``update_mask``). Giving a parameter or body key listed in ``unsupported`` raises
    before sending. A text parameter in ``split`` (comma-separated ids on Airflow 2) is sent as
    repeated values. ``body`` reshapes the JSON body after renaming. A ``{name}`` in ``path`` that is
    no parameter is filled from (and taken out of) the body. With ``dry_run``, the body's
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
    unsupported: tuple[str, ...] = ()
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

    @property
    def body(self) -> Param | None:
        return next((p for p in self.params if p.where == "body"), None)

    @cached_property
    def returns_text(self) -> bool:
        """Whether the answer is text (``str`` among the declared return types)."""
        return self.returns is str or str in get_args(self.returns)

    @cached_property
    def models(self) -> tuple[type[Model], ...]:
        """The models an answer is read into: one, or a union's (picked per answer by its keys)."""
        options = get_args(self.returns) if get_origin(self.returns) in (Union, types.UnionType) else (self.returns,)
        return tuple(m for m in options if isinstance(m, type) and issubclass(m, Model))


_PARAM_DOC = re.compile(r"^\s*:param (\w+):\s*(.*(?:\n(?!\s*:)\s+\S.*)*)", re.MULTILINE)


def split_doc(doc: str) -> tuple[str, str, dict[str, str]]:
    """Summary line, description and ``:param name:`` texts of a docstring."""
    doc = inspect.cleandoc(doc or "")
    params = {m[1]: " ".join(m[2].split()) for m in _PARAM_DOC.finditer(doc)}
    prose = _PARAM_DOC.sub("", doc).strip()
    summary, _, description = prose.partition("\n")
    return summary.strip(), description.strip(), params


def signature_params(
    func: Callable[..., Any],
    in_path: Collection[str] = frozenset(),
    body: str | None = None,
    joined: tuple[str, ...] = (),
) -> tuple[tuple[Param, ...], Any]:
    """The parameters (with their docstring texts) and the return type that a method declares."""
    hints = {k: eval(v, func.__globals__) if isinstance(v, str) else v for k, v in func.__annotations__.items()
             if k != "kwargs"}  # fmt: skip
    docs = split_doc(func.__doc__ or "")[2]
    params = []
    for p in list(inspect.signature(func).parameters.values())[1:]:
        if p.kind is p.VAR_KEYWORD:
            continue
        where = "path" if p.name in in_path else "body" if p.name == body else "query"
        params.append(Param(p.name, where, hints[p.name], p.default is p.empty, p.name in joined, docs.get(p.name, "")))
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
) -> Callable[[F], F]:
    """Declare the decorated method as the operation ``method path``; see the module docstring.

    ``status`` is the success status when it is not 200 (or 204 for a method returning None);
    ``v2`` is the operation's form on Airflow 3 (none: not available there).
    """

    def declare(func: F) -> F:
        params, returns = signature_params(func, set(re.findall(r"{(\w+)}", path)), body, joined)
        summary, description, _ = split_doc(func.__doc__ or "")
        success = status or (204 if returns is None else 200)
        op = Operation(func.__name__, method, path, params, returns, errors, summary, description,
                       api=func.__qualname__.split(".")[0], success_status=success, v2=v2)  # fmt: skip
        _OPERATIONS[func.__code__] = op
        func.operation = op  # type: ignore[attr-defined]
        return func

    return declare


class Api:
    """Base of the per-resource API classes."""

    def __init__(self, api_client: ApiClient | None = None) -> None:
        if api_client is None:
            from airflow_python_sdk.api_client import ApiClient

            api_client = ApiClient()
        self.api_client = api_client

    def _call(self, args: dict[str, Any]) -> Any:
        """Dispatch the calling method's operation with its ``locals()``."""
        return self.api_client.call(_OPERATIONS[sys._getframe(1).f_code], args)

    @classmethod
    def operations(cls) -> Iterator[Operation]:
        """The operations this class declares, in declaration order."""
        for attr in vars(cls).values():
            op = getattr(attr, "operation", None)
            if isinstance(op, Operation):
                yield op
