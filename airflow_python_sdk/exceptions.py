"""Every exception the SDK raises.

OpenApiException
├── ApiTypeError (also TypeError)         bad input: wrong type, unknown keyword; nothing was sent
├── ApiValueError (also ValueError)       bad input value, or a response value that cannot be read
├── ApiAttributeError (also AttributeError)
│   └── FieldNotInAnswerError             a field the server always sends is absent from this answer
├── ApiKeyError (also KeyError)
├── UnsupportedOperationError (also NotImplementedError)  not in the server's API or release; nothing sent
├── ApiConnectionError                    no HTTP answer: refused, reset, DNS, protocol error
│   ├── ApiTimeoutError                   connect or read timeout
│   └── ApiSSLError                       TLS handshake or certificate failure
├── WaitTimeoutError (also TimeoutError)  a DAG run did not finish within the wait's timeout
├── DagPausedError                        a waited-for run stays queued: its DAG is paused
├── DagRunFailedError                     a waited-for run failed (raise_on_failure=True): its tasks and logs
└── ApiException                          the server answered with an error status
    ├── BadRequestException               400 (and 422 from Airflow 3)
    ├── UnauthorizedException             401
    ├── ForbiddenException                403
    ├── NotFoundException                 404
    ├── ConflictException                 409
    └── ServiceException                  5xx
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from airflow_python_sdk.model.dag_run import DAGRun
    from airflow_python_sdk.model.dag_state import DagState

__all__ = [
    "OpenApiException", "ApiTypeError", "ApiValueError", "ApiAttributeError", "FieldNotInAnswerError", "ApiKeyError",
    "UnsupportedOperationError", "ApiConnectionError", "ApiTimeoutError", "ApiSSLError", "ApiException",
    "BadRequestException", "UnauthorizedException", "ForbiddenException", "NotFoundException", "ConflictException",
    "ServiceException", "WaitTimeoutError", "DagPausedError", "DagRunFailedError", "exception_for_status",
    "body_excerpt",
]  # fmt: skip

PathToItem = Sequence[str | int]


MAX_BODY_IN_MESSAGE = 2000
"""How much of a response body an exception's text shows; ``body`` itself keeps all of it."""
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


MAX_HTML_IN_MESSAGE = 300
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def body_excerpt(body: str) -> str:
    """A body as an error shows it: at most :data:`MAX_BODY_IN_MESSAGE` characters; an HTML page (a proxy's or
    the web UI's) as its text without markup, at most :data:`MAX_HTML_IN_MESSAGE` characters."""
    if body.lstrip()[:1] == "<":
        body = "HTML page: " + html.unescape(" ".join(_TAG.sub(" ", body).split()))
        limit = MAX_HTML_IN_MESSAGE
    else:
        limit = MAX_BODY_IN_MESSAGE
    return body if len(body) <= limit else body[:limit] + " ..."


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` with credential-bearing values replaced by ``***``."""
    return {k: "***" if k.lower() in SENSITIVE_HEADERS else v for k, v in headers.items()}


def _render_path(path: PathToItem | None) -> str:
    return "".join(f"[{p!r}]" if isinstance(p, int) else f"['{p}']" for p in path or ())


class OpenApiException(Exception):
    """Base class of every exception the SDK raises."""


class _PathError(OpenApiException):
    """An error about one item of the input or of a response, located by ``path_to_item``."""

    def __init__(self, msg: str, path_to_item: PathToItem | None = None, *args: Any) -> None:
        self.path_to_item = list(path_to_item or ())
        full = f"{msg} at {_render_path(path_to_item)}" if path_to_item else msg
        super().__init__(full, *args)


class ApiTypeError(_PathError, TypeError):
    """A value of the wrong type, or an unknown keyword. Raised before any request is sent."""

    def __init__(
        self,
        msg: str,
        path_to_item: PathToItem | None = None,
        valid_classes: tuple[type, ...] | None = None,
        key_type: bool | None = None,
    ) -> None:
        self.valid_classes = valid_classes
        self.key_type = key_type
        super().__init__(msg, path_to_item)


class ApiValueError(_PathError, ValueError):
    """A value that is not allowed (input), or a response value that cannot be converted."""


class ApiAttributeError(_PathError, AttributeError):
    """An attribute that a model does not have."""


class FieldNotInAnswerError(ApiAttributeError):
    """A field the server always sends is absent: left out by ``fields=``, or an older server."""


class ApiKeyError(_PathError, KeyError):
    """A key that a model does not have."""


class ApiConnectionError(OpenApiException):
    """The request got no HTTP answer: refused, reset, name resolution or protocol failure."""


class ApiTimeoutError(ApiConnectionError):
    """Connecting or waiting for the answer took longer than the configured timeout."""


class ApiSSLError(ApiConnectionError):
    """The TLS handshake failed, typically because the certificate could not be verified."""


class WaitTimeoutError(OpenApiException, TimeoutError):
    """A DAG run was still unfinished when the wait's timeout passed (the run itself goes on).

    ``dag_run`` is the run as last seen, ``state`` its state then; ``timeout`` and ``elapsed`` are in seconds.
    """

    def __init__(
        self,
        message: str,
        dag_run: DAGRun | None = None,
        state: DagState | None = None,
        timeout: float | None = None,
        elapsed: float | None = None,
    ) -> None:
        self.dag_run = dag_run
        self.state = state
        self.timeout = timeout
        self.elapsed = elapsed
        super().__init__(message)


class DagPausedError(OpenApiException):
    """A waited-for run stays queued because its DAG is paused: it would not start before the timeout.

    ``dag_run`` is the run as last seen (it goes on, queued, and starts once the DAG is unpaused).
    """

    def __init__(self, message: str, dag_run: DAGRun | None = None) -> None:
        self.dag_run = dag_run
        super().__init__(message)


class DagRunFailedError(OpenApiException):
    """A waited-for run finished ``failed`` (with ``raise_on_failure=True``).

    ``dag_run`` is the finished run; ``task_instances`` its failed task instances; ``logs`` maps each one's
    ``task_id`` (``task_id[map_index]`` when mapped) to the last lines (``waiting.LOG_TAIL_LINES``) of its log
    (or why the log could not be read). The message shows them all.
    """

    def __init__(
        self, message: str, dag_run: DAGRun, task_instances: Sequence[Any] = (), logs: dict[str, str] | None = None
    ) -> None:
        self.dag_run = dag_run
        self.task_instances = list(task_instances)
        self.logs = dict(logs or {})
        super().__init__(message)


class UnsupportedOperationError(OpenApiException, NotImplementedError):
    """The server has no such operation or parameter: its API generation lacks it (an Airflow 2 operation
    on Airflow 3), its release is older than the one that added it, or its auth manager does not serve it.

    Raised before anything is sent, but for an auth manager's routes, known only from the answer.
    ``needs`` is the Airflow release that added what was refused (``"2.10"``) and ``airflow_version``
    the server's version (``"2.9.3"``), when the refusal is by release; else both are None.
    """

    def __init__(self, msg: str, needs: str | None = None, airflow_version: str | None = None) -> None:
        self.needs = needs
        self.airflow_version = airflow_version
        super().__init__(msg)


class ApiException(OpenApiException):
    """The server answered with an error status.

    ``title``, ``detail`` and ``type`` come from an RFC 7807 problem body (Airflow 2), a ``{"detail": ...}``
    body (Airflow 3; a 422's detail is pydantic's list of errors, each shown as ``where: message``) or an
    ``{"error": ...}`` body (Airflow 3 asked under ``/api/v1``, say) when the server sent one; ``body`` is
    always the raw text.
    """

    def __init__(
        self,
        status: int | None = None,
        reason: str | None = None,
        body: str | None = None,
        headers: Mapping[str, str] | None = None,
        http_resp: Any = None,
    ) -> None:
        if http_resp is not None:
            status = status if status is not None else http_resp.status
            reason = reason if reason is not None else http_resp.reason
            body = body if body is not None else http_resp.text
            headers = headers if headers is not None else http_resp.headers
        self.status = status
        self.reason = reason
        self.body = body
        self.headers = dict(headers) if headers is not None else None
        self.title: str | None = None
        self.detail: Any = None
        self.type: str | None = None
        self.request: str | None = None
        """The request answered, ``"GET http://host/api/v2/dags"`` (no query, no credentials), when known."""
        self._read_problem()
        super().__init__(str(self))

    def _read_problem(self) -> None:
        if not self.body:
            return
        try:
            problem = json.loads(self.body)
        except ValueError:
            return
        if isinstance(problem, dict):
            title, kind = problem.get("title"), problem.get("type")
            self.title = title if isinstance(title, str) else None
            self.type = kind if isinstance(kind, str) else None
            self.detail = problem.get("detail", problem.get("error"))

    def __str__(self) -> str:
        text = f"({self.status})\nReason: {self.reason}\n"
        if self.request:
            text += f"Request: {self.request}\n"
        if self.title or self.detail:
            text += f"Problem: {' - '.join(_problem_text(p) for p in (self.title, self.detail) if p)}\n"
        if self.headers:
            text += f"HTTP response headers: {redact_headers(self.headers)}\n"
        if self.body:
            text += f"HTTP response body: {body_excerpt(self.body)}\n"
        return text


def _problem_text(part: Any) -> str:
    """A problem's title or detail as text: pydantic's list of errors (Airflow 3's 422) as ``where: message``."""
    if isinstance(part, list) and part and all(isinstance(e, dict) and "msg" in e for e in part):
        return "; ".join(_validation_error(e) for e in part)
    return str(part)


def _validation_error(error: Mapping[str, Any]) -> str:
    where = ".".join(str(p) for p in error.get("loc") or ())
    given = f" (got {error['input']!r})" if "input" in error and not isinstance(error["input"], (dict, list)) else ""
    return f"{where + ': ' if where else ''}{error['msg']}{given}"


class BadRequestException(ApiException):
    """400 Bad Request (and 422 Unprocessable Entity, Airflow 3's validation error)."""


class UnauthorizedException(ApiException):
    """401 Unauthorized: missing, wrong or expired credentials."""


class ForbiddenException(ApiException):
    """403 Forbidden: the user may not do this."""


class NotFoundException(ApiException):
    """404 Not Found."""


def not_found(detail: str) -> NotFoundException:
    """A 404 the SDK concludes itself (a look-up found nothing), shaped as Airflow 3 answers one."""
    return NotFoundException(404, "Not Found", json.dumps({"detail": detail}))


class ConflictException(ApiException):
    """409 Conflict: the resource already exists."""


class ServiceException(ApiException):
    """5xx: the server failed."""


_BY_STATUS: dict[int, type[ApiException]] = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    409: ConflictException,
    422: BadRequestException,
}


def exception_for_status(status: int) -> type[ApiException]:
    """The exception class for an HTTP error status."""
    if status >= 500:
        return ServiceException
    return _BY_STATUS.get(status, ApiException)
