"""What a failed call means, said as what to do instead of what the server said.

The dispatcher sends and decodes; when an error status or an answer it cannot read comes back, it asks this
module for the exception to raise: an operation the server has no route for (its release or auth manager
lacks it), the other generation's URL (``/api/v1`` of an Airflow 3), a login page where JSON was expected
(SSO in front of Airflow), or an answer of another shape than the operation's model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast, get_args

from airflow_python_sdk.auth._browser import browser_login
from airflow_python_sdk.configuration import redact_url
from airflow_python_sdk.exceptions import ApiException, OpenApiException, UnsupportedOperationError
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.versions import SINCE

if TYPE_CHECKING:
    from airflow_python_sdk.configuration import Configuration
    from airflow_python_sdk.operation import Operation
    from airflow_python_sdk.rest import RESTResponse

__all__ = ["FAB", "explained", "no_method", "refused", "unreadable", "wrong_shape"]

F = TypeVar("F", bound=Callable[..., Any])

FAB = "users, roles and permissions need the FAB auth manager (apache-airflow-providers-fab) as its auth manager"


def refused(op: Operation, exc: ApiException, method: str, url: str, configuration: Configuration) -> OpenApiException:
    """The exception for an error status answering ``op``'s own request: ``exc``, its reason completed when
    the status says more than the server did, or :class:`UnsupportedOperationError` for a missing route."""
    api = configuration.api_version
    if exc.status == 405 and api == "v1" and exc.request == f"{method} {redact_url(url.split('?', 1)[0])}":
        root = redact_url(configuration.server_root)
        exc.reason = f"{exc.reason}: Airflow 2 takes {method} here; if it is Airflow 3, use {root}/api/v2 or {root}"
    no_route = exc.detail == "Not Found" or "The requested URL was not found on the server" in (exc.body or "")
    if exc.status == 404 and no_route:  # Starlette's (Airflow 3) or Flask's (Airflow 2): a path that is no route
        needed = SINCE.get(api or "", {}).get(op.id, {}).get("")
        why = (
            FAB
            if api == "v2" and op.v2 is not None and op.v2.root
            else needed and f"it needs Airflow {needed} or later"
        )
        if why:
            return UnsupportedOperationError(
                f"{op.id}(): the server has no route {method} {redact_url(url).split('?')[0]}: {why}"
            )
    return exc


def unreadable(op: Operation, response: RESTResponse, method: str, url: str, error: ValueError) -> OpenApiException:
    """The exception for a success answer that is no JSON: empty, a login page, the web UI, or broken."""
    if not response.data.strip():
        return ApiException(response.status, "the answer is empty where data was expected", http_resp=response)
    html = (response.getheader("Content-Type") or "").startswith("text/html")
    login = browser_login(method, url, response) if html else None
    if login is not None:
        return login
    if html and op.v2 is not None and op.v2.root is not None:  # Airflow 3's UI catch-all: no FAB API here
        return UnsupportedOperationError(f"{op.id}(): this Airflow 3 server does not serve {op.v2.root}: {FAB}")
    why = "an HTML page (a login page, or the web UI: check the host)" if html else f"not valid JSON ({error})"
    return ApiException(response.status, f"the answer is {why}", http_resp=response)


def wrong_shape(op: Operation, model: type[Model], data: Any, response: RESTResponse) -> ApiException | None:
    """The exception for an answer that cannot be ``model``: no JSON object, or one sharing no key with it
    (a page of runs where one run was expected, another schema); None when it may be (``{}`` included)."""
    fields = model._by_key
    reshaped = "_from_server" in vars(model)  # it reads another shape itself (Airflow 2's extra links)
    if isinstance(data, dict) and (reshaped or not data or not fields or any(key in fields for key in data)):
        return None
    what = f"a JSON {type(data).__name__}" if not isinstance(data, dict) else f"an object of {_keys(data)}"
    reason = f"{op.id}(): the answer is {what}, not a {model.__name__} (fields such as {_keys(fields)}): check the host"
    return ApiException(response.status, reason, http_resp=response)


def explained(method: F) -> F:
    """``method`` (an operation with a body), whose call missing its body model -- given the model's fields as
    keywords, say -- raises a :class:`TypeError` naming the model to pass instead of Python's bare one."""

    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except TypeError as exc:
            if exc.__traceback__ is None or exc.__traceback__.tb_next is not None:
                raise  # raised inside the method: not the call's own arguments
            op = method.operation  # type: ignore[attr-defined]
            types = get_args(op.body.type) or (op.body.type,)
            model = next((t for t in types if isinstance(t, type) and issubclass(t, Model)), None)
            fields = [k for k in kwargs if model is not None and k in model._fields]
            given = f"; {', '.join(fields)}: {'a field' if len(fields) == 1 else 'fields'} of it" if fields else ""
            name = model.__name__ if model is not None else "a model"
            raise TypeError(f"{exc}: {op.id}() takes its body as {op.body.name}={name}(...){given}") from None

    return cast(F, call)


def no_method(cls: type, name: str) -> AttributeError:
    """The error for ``name``, which the API class ``cls`` lacks: the class that has such a method, else the
    names of ``cls`` it may stand for."""
    import difflib

    from airflow_python_sdk import apis

    message = f"{cls.__name__} has no attribute {name!r}"
    owners = [c.__name__ for c in vars(apis).values() if isinstance(c, type) and callable(vars(c).get(name))]
    if owners and not name.startswith("_"):
        where = f"from airflow_python_sdk.api.{vars(apis)[owners[0]].__module__.rsplit('.', 1)[1]} import {owners[0]}"
        message += f": it is a method of {' and '.join(owners)} ({where}; {owners[0]}(api_client).{name}(...))"
    elif not name.startswith("_"):
        close = difflib.get_close_matches(name, [n for n in dir(cls) if not n.startswith("_")], n=3)
        message += f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
    return AttributeError(message)


def _keys(keys: Any) -> str:
    names = sorted(keys)
    return ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
