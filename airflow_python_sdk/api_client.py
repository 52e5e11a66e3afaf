"""The client: one dispatcher that checks, builds, sends and decodes every operation."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from airflow_python_sdk._diagnosis import refused, unreadable, wrong_shape
from airflow_python_sdk._version import __version__
from airflow_python_sdk.configuration import Configuration
from airflow_python_sdk.exceptions import (
    ApiException,
    ApiValueError,
    FieldNotInAnswerError,
    UnsupportedOperationError,
)
from airflow_python_sdk.model_utils import Model, check_value, format_datetime, json_data, to_json
from airflow_python_sdk.operation import V2, Args, Only, Operation, unexpected_keywords
from airflow_python_sdk.rest import RESTClientObject, RESTResponse
from airflow_python_sdk.versions import QUIRKS, SINCE, release

if TYPE_CHECKING:
    from multiprocessing.pool import ThreadPool

__all__ = ["ApiClient"]

log = logging.getLogger("airflow_python_sdk")

Request = tuple[str, str, dict[str, str], bytes | None]
"""What is sent: method, URL, headers and body."""


class ApiClient:
    """Holds the connection pool and credentials; every API class sends through :meth:`call`.

    Use it as a context manager, or call :meth:`close`, to release connections and threads.
    """

    def __init__(
        self,
        configuration: Configuration | None = None,
        header_name: str | None = None,
        header_value: str | None = None,
        cookie: str | None = None,
        pool_threads: int | None = None,
    ) -> None:
        self.configuration = configuration if configuration is not None else Configuration.get_default_copy()
        self.rest_client = RESTClientObject(self.configuration)
        self.default_headers: dict[str, str] = {}
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self.cookie = cookie
        self.pool_threads = pool_threads or self.configuration.connection_pool_maxsize
        self._pool: ThreadPool | None = None
        self.user_agent = f"airflow-python-sdk/{__version__}"
        self._lock = threading.Lock()
        self._versions: dict[str, str] = {}
        """The Airflow version each host answered ``GET /version`` with."""
        self._version_lock = threading.Lock()

    @property
    def api_version(self) -> str:
        """``"v1"`` (Airflow 2) or ``"v2"`` (Airflow 3): by the host's path, else asked of the server once.

        A host without ``/api/v1`` or ``/api/v2`` (``http://airflow:8080``) is completed with the API the
        server answers on, and the configuration's ``host`` set to it; :class:`ApiValueError` when it
        answers on neither.
        """
        version = self.configuration.api_version
        if version is None:
            with self._lock:  # one client, one discovery: it sets the host, which then names the API
                version = self.configuration.api_version or self._discover()
        return version

    def _discover(self) -> str:
        """The API a server without a path in its host answers on: one unauthenticated health check each."""
        root = self.configuration.host
        for version, api, health in (("v2", "/api/v2", "/monitor/health"), ("v1", "/api/v1", "/health")):
            try:
                json.loads(self.rest_client.request("GET", root + api + health, {"Accept": "application/json"}).data)
            except (ApiException, ValueError):
                continue
            self.configuration.host = root + api
            return version
        raise ApiValueError(
            f"{root} answers neither as Airflow 3 (/api/v2) nor as Airflow 2 (/api/v1): give the host with "
            "its API path, e.g. http://airflow:8080/api/v2 for Airflow 3 or .../api/v1 for Airflow 2",
            ["host"],
        )

    @property
    def airflow_version(self) -> str:
        """The server's Airflow version (``"2.9.3"``): ``Configuration.airflow_version`` when set, else asked
        of the host (``GET /version``) once; a call asks it only when it uses something not every supported
        release has (see :mod:`airflow_python_sdk.versions`). ``""`` when the server did not tell it (an error
        answer, or no version in it): then nothing is refused for want of it. :class:`ApiValueError` when
        the configured version is not of the host's Airflow generation; connection errors as any call's.
        """
        api = self.api_version  # completes a bare host first
        configured = self.configuration.airflow_version
        if configured is not None:
            major = (release(configured) or (0, 0))[0]
            if major != _MAJOR[api]:
                raise ApiValueError(
                    f"airflow_version={configured!r} is not an Airflow {_MAJOR[api]}, but "
                    f"{self.configuration.host} is {_GENERATION[api]}: set the server's own version",
                    ["airflow_version"],
                )
            return configured
        host = self.configuration.host
        version = self._versions.get(host)
        if version is None:
            with self._version_lock:  # one request per host, however many threads need it
                version = self._versions.get(host)
                if version is None:
                    from airflow_python_sdk.api.monitoring_api import MonitoringApi

                    try:
                        version = str(MonitoringApi(self).get_version().version)
                    except (ApiException, FieldNotInAnswerError) as exc:  # a proxy hiding it, a stand-in server
                        log.warning("%s: the Airflow version is unknown (%s); nothing is refused for it", host, exc)
                        version = ""
                    self._versions[host] = version
        return version

    def has(self, op: Operation, key: str = "") -> bool:
        """Whether the server's release has ``op`` (``key=""``) or the query parameter or body key ``key``
        of it (named as sent); asks the version only when not every supported release has it."""
        return not self._lacking(SINCE[self.api_version].get(op.id, {}), {"", key})

    def _lacking(self, since: Mapping[str, str], keys: Iterable[str]) -> list[str]:
        """Of ``keys`` that ``since`` lists, those the server's release lacks; the version is asked only then."""
        used = [key for key in keys if key in since]
        server = release(self.airflow_version) if used else None
        return [key for key in used if server is not None and server < (release(since[key]) or (0, 0))]

    def has_quirk(self, name: str) -> bool:
        """Whether the server's release shows the quirk ``name`` of :data:`~airflow_python_sdk.versions.QUIRKS`."""
        quirk = QUIRKS[name]
        server = release(self.airflow_version)
        first, fixed = release(quirk.first), release(quirk.fixed) if quirk.fixed else None
        return server is not None and first is not None and first <= server and (fixed is None or server < fixed)

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ApiClient(host={self.configuration.host!r})"

    def close(self) -> None:
        """Stop the thread pool (if ``async_req`` started one) and close pooled connections."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        self.rest_client.clear()

    @property
    def pool(self) -> ThreadPool:
        """The thread pool behind ``async_req``, started on first use."""
        if self._pool is None:
            from multiprocessing.pool import ThreadPool

            self._pool = ThreadPool(self.pool_threads)
        return self._pool

    @property
    def user_agent(self) -> str:
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send this header with every request."""
        self.default_headers[header_name] = header_value

    @staticmethod
    def sanitize_for_serialization(obj: Any) -> Any:
        """``obj`` (a model, list, dict, datetime, ...) as JSON-ready data, keeping every field of a
        model, read-only ones too, as the generated clients do (request bodies leave those out)."""
        return json_data(obj)

    # --- the dispatcher ----------------------------------------------------------------------------

    def call(self, op: Operation, args: Mapping[str, Any]) -> Any:
        """Check the arguments of ``op``, send it, and decode the answer.

        ``args`` are the method's ``locals()``: its parameters plus ``kwargs``, the call options.
        On an Airflow 3 host the operation's ``v2`` form is sent. Nothing is sent when an argument
        is wrong or the server's API version lacks the operation.
        """
        options: dict[str, Any] = args.get("kwargs") or {}
        refused = unexpected_keywords(f"{op.id}()", op, options) if options else None
        if refused is not None:
            raise refused
        check = options.get("_check_input_type", self.configuration.client_side_validation)
        form = self._form(op)
        since = (_SINCE_V2 if form is not None else _SINCE_V1).get(op.id)  # None: in every supported release
        if form is not None and form.resolve is not None:
            self._encode(op, form, args, check, since)  # check before the resolve sends anything
            request = None
        else:
            request = self._build(op, form, args, check, options.get("_headers"), since)
        if options.get("async_req"):
            return self.pool.apply_async(self._run, (op, form, args, request, options))
        return self._run(op, form, args, request, options)

    def _run(
        self, op: Operation, form: V2 | None, args: Args, request: Request | None, options: Mapping[str, Any]
    ) -> Any:
        """Send a built request, or resolve the checked ``args`` and build it first; decode the answer."""
        if request is None:
            assert form is not None and form.resolve is not None
            request = self._build(op, form, form.resolve(self, args), False, options.get("_headers"))
        answer = functools.partial(form.answer, self, args) if form is not None and form.answer is not None else None
        return self._send(op, *request, options, answer)

    def _form(self, op: Operation) -> V2 | None:
        """The operation's Airflow 3 form on a v2 host, else None (send the v1 form)."""
        if self.api_version != "v2":
            if not op.v1:
                raise UnsupportedOperationError(
                    f"{op.id}() needs Airflow 3: {self.configuration.host} serves /api/v1 (Airflow 2), "
                    "which has no such operation"
                )
            return None
        if op.v2 is None:
            raise UnsupportedOperationError(
                f"{op.id}() is not available on Airflow 3: {self.configuration.host} serves /api/v2, "
                "which has no such operation"
            )
        return op.v2

    def _build(
        self,
        op: Operation,
        form: V2 | None,
        args: Args,
        check: bool,
        extra_headers: Mapping[str, str] | None,
        since: Mapping[str, str] | None = None,
    ) -> Request:
        """The request for ``op`` with ``args``, checked first (against the server's release too, by ``since``)."""
        path, query, body = self._encode(op, form, args, check, since)
        if form:
            body, path = _v2_body_and_path(op, form, body, path)
            query.extend(form.query.items())
        as_text = op.returns_text and not (form and form.answer)
        headers = {"Accept": "text/plain" if as_text else "application/json", **self.default_headers}
        if self.cookie:
            headers["Cookie"] = self.cookie
        data = None
        if body is not None:
            data = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        headers.update({op.headers[name]: _query_text(args[name]) for name in op.headers if args.get(name) is not None})
        headers.update(extra_headers or {})
        url = (self.configuration.server_root + form.root if form and form.root else self.configuration.host) + path
        if query:
            url += "?" + urlencode(query, quote_via=quote)
        return (form.method if form and form.method else op.method), url, headers, data

    def _encode(
        self, op: Operation, form: V2 | None, args: Args, check: bool, since: Mapping[str, str] | None = None
    ) -> tuple[str, list[tuple[str, str]], Any]:
        """Check ``args``; the path, query pairs and JSON body they make (on Airflow 3: before its reshaping).

        With ``since`` (the operation's entry of :data:`~airflow_python_sdk.versions.SINCE`), what the
        call uses of it is checked against the server's release (see :meth:`_require`).

        A v2 ``rename`` pair works both ways: Airflow 2's name is sent as Airflow 3's to a v2 host, and
        Airflow 3's name (a parameter both generations take, or a ``v2_only`` body field) as Airflow 2's
        to a v1 host.
        """
        rename = form.rename if form else op.v1_names
        path = form.path or op.path if form else op.path
        query: list[tuple[str, str]] = []
        body: Any = None
        version = "v2" if form else "v1"
        for param in op.params:
            value = args.get(param.name)
            if value is None or value.__class__ is Only:
                if param.required:
                    raise ApiValueError(f"{op.id}(): missing required parameter {param.name!r}", [op.id, param.name])
                continue
            if check and value.__class__ not in param.plain_classes:
                value = check_value(value, param.type, [op.id, param.name])
            if param.only is not None and param.only != version:
                raise _not_in(op, param.name, version)
            if param.where == "path":
                text = _query_text(value)
                if not text:
                    raise ApiValueError(f"{op.id}(): parameter {param.name!r} must not be empty", [op.id, param.name])
                path = path.replace("{" + param.name + "}", _quoted(text))
            elif param.where == "header":
                if not _query_text(value).strip():
                    raise ApiValueError(f"{op.id}(): parameter {param.name!r} must not be empty", [op.id, param.name])
            elif param.where == "query":
                if form and param.name in form.split and isinstance(value, str):
                    value = value.split(",")
                if isinstance(value, (list, tuple)) and any(isinstance(v, str) and not v.strip() for v in value):
                    raise ApiValueError(
                        f"{op.id}(): {param.name} holds an empty value ({value!r}); leave it out to filter nothing",
                        [op.id, param.name],
                    )
                query.extend(
                    # Airflow 3 reads list parameters only repeated: a comma-joined update_mask is ignored there
                    _query_pairs(
                        rename.get(param.name, param.name),
                        param.joined and not form,
                        _renamed(param.name, value, rename),
                    )
                )
            else:
                body = _body_json(op, param.name, value, version, {} if form else rename)
        _check_one_value_per_name(op, args)
        if since is not None:
            names = {name for name, _ in query}
            if isinstance(body, dict):
                names.update((form.rename.get(k, k) for k in body) if form else body)
            names.update(key for key in since if "." in key and _holds(body, key.split(".")))
            self._require(op, since, names)
        return path, list(dict.fromkeys(query)), body  # two names of one filter given one value: sent once

    def _require(self, op: Operation, since: Mapping[str, str], names: set[str]) -> None:
        """Raise :class:`UnsupportedOperationError` when the server's release lacks ``op`` or one of the
        query parameters and body keys ``names`` it is called with; the version is asked (once) only when
        the call uses something ``since`` lists."""
        lacking = self._lacking(since, [key for key in since if not key or key in names])
        if not lacking:
            return
        version = self.airflow_version
        where = f"Airflow {version}, which {self.configuration.host} runs"
        if "" in lacking:
            needs, text = since[""], f"{op.id}() is not in {where}: it needs Airflow {since['']} or later"
        else:
            needs = max((since[k] for k in lacking), key=lambda v: release(v) or (0, 0))
            named = ", ".join(f"{k} (Airflow {since[k]} or later)" for k in lacking)
            text = f"{op.id}(): {named} {'is' if len(lacking) == 1 else 'are'} not in {where}"
        raise UnsupportedOperationError(f"{text}; nothing was sent", needs=needs, airflow_version=version)

    def _send(
        self,
        op: Operation,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        options: Mapping[str, Any],
        answer: Callable[[Any], Any] | None = None,
    ) -> Any:
        preload = options.get("_preload_content", True)
        timeout = options.get("_request_timeout")
        try:
            response = self.rest_client.send(method, url, headers, body, preload, timeout)
        except ApiException as exc:
            error = refused(op, exc, method, url, self.configuration)
            if error is exc:
                raise
            raise error from exc
        if not preload:
            return response
        data = self._decode(op, response, options.get("_check_return_type", False), answer, method, url)
        if options.get("_return_http_data_only", True):
            return data
        return data, response.status, response.headers

    @staticmethod
    def _decode(
        op: Operation,
        response: RESTResponse,
        validate: bool,
        answer: Callable[[Any], Any] | None,
        method: str = "GET",
        url: str = "",
    ) -> Any:
        if op.returns is None or response.status == 204:
            return None
        if op.returns_text:
            content_type = response.getheader("Content-Type") or ""
            is_text = content_type.startswith("text/") and not content_type.startswith("text/html")
            if is_text or not response.data.strip():
                return response.text  # a log may be empty ("" or blank lines): that is its text
        try:
            data = json.loads(response.data)
        except ValueError as exc:
            raise unreadable(op, response, method, url, exc) from exc
        if answer is not None:
            data = answer(data)
        models = op.models
        if not models:
            return data
        model = models[0] if len(models) == 1 else _pick_model(models, data)
        shape = wrong_shape(op, model, data, response)
        if shape is not None:
            raise shape
        try:
            result = model._from_answer(data)
        except ValueError as exc:
            raise ApiValueError(f"{op.id}(): {exc}", [op.id]) from exc
        if validate:
            result._validate()
        return result


_GENERATION = {"v1": "Airflow 2 (/api/v1)", "v2": "Airflow 3 (/api/v2)"}
_MAJOR = {"v1": 2, "v2": 3}
_SINCE_V1, _SINCE_V2 = SINCE["v1"], SINCE["v2"]

_QUOTED: dict[str, str] = {}
"""Path parameters' texts percent-encoded: a script names the same DAG again and again."""
_MAX_QUOTED = 1024


def _quoted(text: str) -> str:
    """``text`` as one path segment: percent-encoded, and ``.`` or ``..`` (valid ids) as ``%2E`` or ``%2E%2E``,
    which no client or proxy resolves as a step up the path."""
    quoted = _QUOTED.get(text)
    if quoted is None:
        quoted = quote(text, safe="") if text.strip(".") else text.replace(".", "%2E")
        if len(_QUOTED) >= _MAX_QUOTED:
            _QUOTED.clear()
        _QUOTED[text] = quoted
    return quoted


def _not_in(op: Operation, name: str, version: str) -> ApiValueError:
    other = _GENERATION["v2" if version == "v1" else "v1"].split(" (")[0]
    return ApiValueError(
        f"{op.id}(): {_GENERATION[version]} has no parameter {name!r}; it needs {other}", [op.id, name]
    )


def _check_one_value_per_name(op: Operation, args: Args) -> None:
    """Refuse two names of one parameter or body field (``execution_date`` and ``logical_date``)
    given different values: the server would get one of them, silently. Its v2 ``rename`` pairs them."""
    if op.v2 is None or not op.v2.rename:
        return
    body = args.get(op.body.name) if op.body is not None else None
    for old, new in op.v2.rename.items():
        for where, values in (("", args), (f"{op.body.name if op.body else ''}.", body)):
            if isinstance(values, (Model, Mapping)) and old in values and new in values:
                first, second = values.get(old), values.get(new)
                if any(v is None or isinstance(v, Only) for v in (first, second)):
                    continue
                if to_json(first) != to_json(second):  # naive datetimes are UTC, as when sent
                    raise ApiValueError(
                        f"{op.id}(): {where}{old} ({first!r}) and {where}{new} ({second!r}) name the same thing; "
                        f"give one of them (Airflow 3 calls it {new})",
                        [op.id, new],
                    )


def _body_json(op: Operation, name: str, value: Any, version: str, v1_names: Mapping[str, str]) -> Any:
    """The JSON body; a model's fields the server's generation lacks are left out, or refused when set,
    but for Airflow 3's names of Airflow 2's fields (``v1_names``), which are sent under those."""
    missing = [f.name for f in getattr(value, "_required", ()) if value.__dict__.get(f.name) in (None, "")]
    if missing:
        raise ApiValueError(f"{op.id}(): {name} must set {' and '.join(missing)}", [op.id, name, missing[0]])
    body = to_json(value, [op.id, name])
    if isinstance(value, Model) and isinstance(body, dict):
        for f in value._present():
            if f.v2_only and f.key in v1_names and f.key in body:
                body[v1_names[f.key]] = body.pop(f.key)
            elif f.v1_only if version == "v2" else f.v2_only:
                if not f.read_only and body.get(f.key) not in (None, False):
                    raise _not_in(op, f.key, version)
                body.pop(f.key, None)
    return body


def _v2_body_and_path(op: Operation, form: V2, body: Any, path: str) -> tuple[Any, str]:
    """The JSON body and path of the Airflow 3 form: keys renamed, reshaped, path filled from the body."""
    if not isinstance(body, dict):
        return body, path
    rename = form.rename
    body = {rename.get(k, k): _renamed(k, v, rename) for k, v in body.items()}
    if form.body is not None:
        body = form.body(body)
    if form.dry_run is not None and body.pop("dry_run", True) is not False:
        path += form.dry_run
    for name in re.findall(r"{(\w+)}", path):
        value = body.pop(name, None)
        if value is None:
            where = op.body.name if op.body else "the body"
            raise ApiValueError(f"{op.id}(): Airflow 3 (/api/v2) needs {where}.{name}", [op.id, name])
        path = path.replace(f"{{{name}}}", _quoted(_query_text(value)))
    return body, path


def _pick_model(models: tuple[type[Model], ...], data: Any) -> type[Model]:
    """Of a union's models, the one sharing most keys with the answer."""
    keys = data.keys() if isinstance(data, dict) else set()
    return max(models, key=lambda m: len(keys & m._by_key.keys()))


def _holds(value: Any, path: list[str]) -> bool:
    """Whether JSON ``value`` holds the key at ``path`` (``["actions[]", "update_mask"]``: a key of an object
    in the list under ``actions``)."""
    if not path:
        return True
    if not isinstance(value, dict):
        return False
    key = path[0].removesuffix("[]")
    if key not in value:
        return False
    inner = value[key]
    if key == path[0]:
        return _holds(inner, path[1:])
    return isinstance(inner, list) and any(_holds(item, path[1:]) for item in inner)


def _query_text(value: Any) -> str:
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    return str(value)


def _query_pairs(name: str, joined: bool, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, (list, tuple)):
        if joined:
            return [(name, ",".join(_query_text(v) for v in value))] if value else []
        return [(name, _query_text(v)) for v in value]
    return [(name, _query_text(value))]


def _renamed(name: str, value: Any, rename: Mapping[str, str]) -> Any:
    """An ``order_by`` value naming a renamed field, renamed too (``-execution_date`` -> ``-logical_date``)."""
    if name != "order_by" or not isinstance(value, str) or not rename:
        return value
    descending = value.startswith("-")
    field = rename.get(value.lstrip("-"), value.lstrip("-"))
    return f"-{field}" if descending else field
