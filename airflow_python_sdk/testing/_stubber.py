"""The stubber: answers an ``ApiClient``'s requests from a queue the test fills, at the transport."""

from __future__ import annotations

import io
import json
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from airflow_python_sdk._clock import clock as _clock
from airflow_python_sdk.exceptions import ApiException, exception_for_status
from airflow_python_sdk.model_utils import Model, json_data, to_json
from airflow_python_sdk.operation import Operation
from airflow_python_sdk.rest import RESTResponse, redact_url
from airflow_python_sdk.testing._answers import StubError, build_answer, check_answer
from airflow_python_sdk.versions import SUPPORTED, release

if TYPE_CHECKING:
    from airflow_python_sdk.api_client import ApiClient

__all__ = ["Call", "FakeClock", "Stubber", "answer", "operations", "record_calls"]

OperationLike = str | Operation | Callable[..., Any]
"""An operation by name (``"get_dag_run"``), as data, or as its method (``DAGRunApi.get_dag_run``)."""
Expected = Mapping[str, Any] | None
"""Parameters a queued answer expects of its call, by name (None: not checked)."""


@cache
def operations() -> dict[str, Operation]:
    """Every operation of every API class, by name."""
    from airflow_python_sdk import apis

    return {op.id: op for name in apis.__all__ for op in getattr(apis, name).operations()}


def _operation(op: OperationLike) -> Operation:
    if isinstance(op, Operation):
        return op
    found = getattr(op, "operation", None) if callable(op) else operations().get(op)
    if not isinstance(found, Operation):
        raise StubError(f"no operation {op!r}")
    return found


def answer(op: OperationLike, airflow_version: str = SUPPORTED["v2"][-1], **fields: Any) -> Any:
    """A valid answer of ``op`` from a server of ``airflow_version`` (see :meth:`Stubber.answer`), as decoded JSON,
    for a local HTTP server (pytest-httpserver) to send."""
    return build_answer(_operation(op), "v1" if (release(airflow_version) or (3, 0))[0] == 2 else "v2", fields)


@dataclass
class Call:
    """One request the client sent: its operation, method, URL, path and query parameters (text, a list when
    repeated) and decoded JSON body; from :func:`record_calls`, also the server's status and decoded answer."""

    operation: str
    method: str
    url: str
    params: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    status: int = 0
    answer: Any = None


@dataclass
class _Answer:
    op: Operation
    status: int
    data: bytes
    headers: dict[str, str]
    expected: Expected


class FakeClock:
    """A clock a test controls: ``monotonic()`` is :attr:`now` (seconds), ``sleep(s)`` adds ``s`` to it at
    once and notes it in :attr:`sleeps`."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)


class _Routes:
    """Which operation a (method, URL) of one client is: by each operation's declared route (read at first use,
    when the client's host is the stub's)."""

    def __init__(self, client: ApiClient, api: str) -> None:
        self.client, self.api = client, api
        self._compiled: dict[str, tuple[str, re.Pattern[str], set[tuple[str, str]]]] = {}

    def route(self, op: Operation) -> tuple[str, re.Pattern[str], set[tuple[str, str]]] | None:
        """``op``'s method, path pattern and fixed query parameters here; None when this API lacks it."""
        form = op.v2 if self.api == "v2" else None
        if op.id not in self._compiled and ((form is not None) if self.api == "v2" else op.v1):
            c = self.client.configuration
            root = c.server_root + form.root if form and form.root else c.host
            path = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape((form.path if form else None) or op.path))
            dry_run = f"(?:{re.escape(form.dry_run)})?" if form and form.dry_run else ""
            method = (form.method if form else None) or op.method
            fixed = set(form.query.items()) if form else set()
            self._compiled[op.id] = (method, re.compile(re.escape(root) + path + dry_run), fixed)
        return self._compiled.get(op.id)

    def match(self, op: Operation, method: str, url: str) -> dict[str, str] | None:
        """The path parameters when ``method url`` is ``op``'s route (with its fixed query, Airflow 3's
        ``update_mask=note`` of ``set_dag_run_note``), else None."""
        route = self.route(op)
        path, _, query = url.partition("?")
        found = route[1].fullmatch(path) if route and route[0] == method else None
        if route is None or found is None or not route[2].issubset(parse_qsl(query)):
            return None
        return {k: unquote(v) for k, v in found.groupdict().items()}

    def find(self, method: str, url: str) -> Operation | None:
        """The operation whose route ``method url`` is (of several, the one with most fixed query parameters,
        then fewest path parameters)."""
        found = [(op, params) for op in operations().values() if (params := self.match(op, method, url)) is not None]
        return min(found, key=lambda f: (-len(self._compiled[f[0].id][2]), len(f[1])))[0] if found else None

    def call(self, op: Operation | None, method: str, url: str, body: bytes | None) -> Call:
        params: dict[str, Any] = dict(self.match(op, method, url) or {}) if op else {}
        for key, value in parse_qsl(url.partition("?")[2], keep_blank_values=True):
            before = params.get(key)
            params[key] = value if before is None else [*(before if isinstance(before, list) else [before]), value]
        try:
            data = json.loads(body) if body else None
        except ValueError:
            data = body
        return Call(op.id if op else "?", method, url, params, data)


def _api_of(client: ApiClient, airflow_version: str | None) -> tuple[str, str]:
    """The client's API (``"v1"``/``"v2"``) and the version the stub plays, checked against each other."""
    major = (release(airflow_version) or (0, 0))[0] if airflow_version else None
    api = client.configuration.api_version or ("v1" if major == 2 else "v2")
    if major is not None and major != {"v1": 2, "v2": 3}[api]:
        raise StubError(f"airflow_version={airflow_version!r} cannot answer {client.configuration.host} (/api/{api})")
    return api, airflow_version or SUPPORTED[api][-1]


class Stubber:
    """Answers ``client``'s requests from a queue, in order, as a server of ``airflow_version`` would (default:
    the newest release of the host's generation, 2.11.2 for ``/api/v1``, 3.3.2 for ``/api/v2``; a host without
    an API path gets the one of that version). ``GET /version`` is answered with that version unless an answer
    to ``get_version`` is next in the queue. ``clock`` (a :class:`FakeClock`) is the SDK's clock while active.

    Raises :class:`StubError` (an ``AssertionError``) for an answer unlike what that server sends (at
    :meth:`add_response`), a request other than the next queued one, parameters not as expected, and, leaving
    the ``with`` block without an error, answers still queued.
    """

    def __init__(self, client: ApiClient, airflow_version: str | None = None, clock: FakeClock | None = None) -> None:
        self.client, self.clock = client, clock
        self.api, self.airflow_version = _api_of(client, airflow_version)
        self.calls: list[Call] = []
        """Every request answered, in order (``GET /version`` included)."""
        self._queue: deque[_Answer] = deque()
        self._lock = threading.Lock()
        self._saved: tuple[Any, ...] | None = None
        self._routes = _Routes(client, self.api)

    def __repr__(self) -> str:
        return f"Stubber({self.client!r}, airflow_version={self.airflow_version!r}, pending={self.pending})"

    def answer(self, op: OperationLike, **fields: Any) -> Any:
        """A valid answer of ``op`` for this server: ``fields`` given, the rest filled as the server would."""
        return build_answer(_operation(op), self.api, fields)

    def add_response(
        self,
        op: OperationLike,
        data: Any = None,
        expected_params: Expected = None,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Queue the answer to the next ``op`` call: ``data`` (decoded JSON, a model, text; None:
        :meth:`answer`'s), checked against what this server sends. ``expected_params`` are checked against
        the request: path and query parameters by name (compared as sent), the body parameter by name (its keys
        compared with the JSON sent; Airflow 3's names for renamed ones)."""
        operation = _operation(op)
        if data is None and operation.returns is not None:
            data = build_answer(operation, self.api, {})
        data = json_data(data) if isinstance(data, (Model, list)) else data
        check_answer(operation, data, self.api)
        text = isinstance(data, str) and operation.returns_text
        raw = b"" if data is None else data.encode() if text else json.dumps(data).encode()
        kind = "text/plain; charset=utf-8" if text else "application/json"
        status = status or (204 if data is None and operation.returns is None else operation.success_status)
        self._queue.append(_Answer(operation, status, raw, {"Content-Type": kind, **(headers or {})}, expected_params))

    def add_error(
        self, op: OperationLike, status: int, detail: Any = "", expected_params: Expected = None, body: Any = None
    ) -> None:
        """Queue an error answer to the next ``op`` call: ``status`` with ``detail`` in the body this server
        sends (Airflow 2: an RFC 7807 problem; Airflow 3: ``{"detail": ...}``), or ``body`` as given. The call
        raises the SDK's exception for it (``ConflictException`` for 409, ...), as from a real server."""
        if body is None:
            v1 = {"status": status, "title": detail or "Error", "type": "about:blank"} if self.api == "v1" else {}
            body = {"detail": detail, **v1}
        self._queue.append(_json_answer(_operation(op), status, body, expected_params))

    @property
    def pending(self) -> list[str]:
        """The operations of the answers still queued, in order."""
        return [answer.op.id for answer in self._queue]

    def assert_no_pending_responses(self) -> None:
        """Raise :class:`StubError` naming the queued answers no call took."""
        if self._queue:
            raise StubError(f"{len(self._queue)} queued answer(s) were not used: {', '.join(self.pending)}")

    def activate(self) -> None:
        """Answer the client's requests from now on (nothing reaches a server)."""
        c, rest, host = self.client.configuration, self.client.rest_client, self.client.configuration.host
        if c.api_version is None:
            c.host = host.rstrip("/") + f"/api/{self.api}"
        clock = (_clock.sleep, _clock.monotonic)
        self._saved = (host, vars(rest).get("send"), clock, self.client._versions.pop(c.host, None))
        rest.send = self._send  # type: ignore[method-assign,assignment]
        if self.clock is not None:
            _clock.use(self.clock.sleep, self.clock.monotonic)

    def deactivate(self) -> None:
        """Put the client's transport, host and the clock back."""
        if self._saved is None:
            return
        (host, send, saved_clock, version), self._saved = self._saved, None
        c, rest = self.client.configuration, self.client.rest_client
        self.client._versions.pop(c.host, None)
        if version is not None:
            self.client._versions[c.host] = version
        c.host = host
        vars(rest).pop("send")
        if send is not None:
            rest.send = send  # type: ignore[method-assign]
        _clock.use(*saved_clock)

    def __enter__(self) -> Stubber:
        self.activate()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.deactivate()
        if kind is None:
            self.assert_no_pending_responses()

    def _send(self, method: str, url: str, headers: Mapping[str, str], body: bytes | None = None, *rest: Any) -> Any:
        """rest.send's stand-in (its further arguments: ``preload_content``, ``timeout``)."""
        version = operations()["get_version"]
        with self._lock:
            head = self._queue[0] if self._queue else None
            if head is not None and self._routes.match(head.op, method, url) is not None:
                answer = self._queue.popleft()
            elif self._routes.match(version, method, url) is not None:
                data = build_answer(version, self.api, {"version": self.airflow_version})
                answer = _json_answer(version, 200, data)
            else:
                found = self._routes.find(method, url)
                said = f"{found.id}() ({method} {redact_url(url)})" if found else f"{method} {redact_url(url)}"
                nxt = f"the next queued answer is for {head.op.id}()" if head else "no answer is queued"
                raise StubError(f"unexpected call {said}: {nxt}")
            call = self._routes.call(answer.op, method, url, body)
            self.calls.append(call)
        if answer.expected is not None:
            _check_expected(answer.op, self.api, answer.expected, call)
        return _response(method, url, answer, rest[0] if rest else True)


def _json_answer(op: Operation, status: int, data: Any, expected: Expected = None) -> _Answer:
    return _Answer(op, status, json.dumps(data).encode(), {"Content-Type": "application/json"}, expected)


def _response(method: str, url: str, answer: _Answer, preload: bool) -> Any:
    """The answer as urllib3's response (unread, ``preload=False``) or read into a :class:`RESTResponse`, whose
    error status raises the SDK's exception as the transport does."""
    import urllib3

    resp = urllib3.HTTPResponse(
        body=io.BytesIO(answer.data), headers=answer.headers, status=answer.status,
        preload_content=preload, request_method=method, request_url=url, decode_content=False,
    )  # fmt: skip
    if not preload:
        return resp
    response = RESTResponse(resp, 0.0, url)
    if response.status >= 400:
        refused = exception_for_status(response.status)(http_resp=response)
        refused.request = f"{method} {redact_url(url.split('?', 1)[0])}"
        raise refused
    return response


def _as_sent(value: Any) -> Any:
    from airflow_python_sdk.api_client import _query_text

    return [_as_sent(v) for v in value] if isinstance(value, (list, tuple)) else _query_text(value)


_NOT: Any = object()


def _check_expected(op: Operation, api: str, expected: Mapping[str, Any], call: Call) -> None:
    rename = op.v2.rename if api == "v2" and op.v2 else {}
    for name, want in expected.items():
        if op.body is not None and name == op.body.name:
            sent = call.body if isinstance(call.body, dict) else {}
            wanted = to_json(want) if isinstance(want, Model) else json.loads(json.dumps(json_data(want)))
            wrong = {rename.get(k, k): v for k, v in wanted.items() if sent.get(rename.get(k, k), _NOT) != v}
            if wrong:
                raise StubError(f"{op.id}(): {name} sent {call.body!r}, expected {wrong!r} in it")
            continue
        got = call.params.get(rename.get(name, name), _NOT)
        if want is None and got is _NOT:
            continue
        text = _as_sent(want)
        if got != text and not (isinstance(text, list) and got == ",".join(text)):
            raise StubError(f"{op.id}(): {name} was {'nothing' if got is _NOT else repr(got)}, expected {text!r}")


@contextmanager
def record_calls(client: ApiClient) -> Iterator[list[Call]]:
    """The requests ``client`` sends while in the block, each named by its operation, sent on to the server as
    usual: what a script did against a real server, to compare with what it did against a :class:`Stubber`."""
    rest, api = client.rest_client, client.api_version
    routes, calls, real = _Routes(client, api), [], rest.send

    def send(method: str, url: str, headers: Mapping[str, str], body: bytes | None = None, *args: Any) -> Any:
        call = routes.call(routes.find(method, url), method, url, body)
        calls.append(call)
        try:
            response = real(method, url, headers, body, *args)
        except ApiException as exc:
            call.status = exc.status or 0
            raise
        if isinstance(response, RESTResponse):
            call.status = response.status
            ok = "json" in (response.getheader("Content-Type") or "")
            call.answer = json.loads(response.data) if ok and response.data else response.text
        return response

    rest.send = send  # type: ignore[method-assign,assignment]
    try:
        yield calls
    finally:
        del rest.send
