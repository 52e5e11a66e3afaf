"""The credential protocol: what the transport asks of a provider, and the token cache most providers share.

The transport is the protocol's only caller: :meth:`AuthProvider.headers` before each request; after a 401,
:meth:`AuthProvider.renew` with the headers sent and, when that returns True, the request sent once more. A
provider knows nothing of operations; what it may need of the request is in :class:`RequestInfo`.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from airflow_python_sdk.exceptions import ApiException

if TYPE_CHECKING:
    from airflow_python_sdk.rest import RESTResponse

__all__ = ["AuthProvider", "RequestInfo", "Send", "Token", "TokenCache", "jwt_lifetime", "token_from_answer"]


class Send(Protocol):
    """Sends one request through the client's connection pool (its TLS, proxy and timeout settings),
    without credentials; raises the SDK's exceptions (:class:`~airflow_python_sdk.ApiException` on an
    error status). ``redirect=False`` answers a redirect as it came (a login's cookie is on the 302);
    ``preload_content=False`` gives urllib3's response unread, whatever its status (for a library's own
    transport, such as google-auth's)."""

    def __call__(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        preload_content: bool = True,
        timeout: float | tuple[float, float] | None = None,
        secret: Iterable[str] = (),
        redirect: bool = True,
    ) -> Any: ...


@dataclass(slots=True)
class RequestInfo:
    """What a provider may know of the request it is asked to authenticate: its ``method`` and ``url``; the
    ``server_root``, the host without ``/api/v1`` or ``/api/v2`` (Airflow 3 hands out tokens at
    ``{server_root}/auth/token``); ``api_version``, ``"v1"`` (Airflow 2), ``"v2"`` (Airflow 3) or None when the
    host names neither; ``send`` (:class:`Send`), for a provider's own login or token request."""

    method: str
    url: str
    server_root: str
    api_version: str | None
    send: Send


@runtime_checkable
class AuthProvider(Protocol):
    """A credential: the headers (or cookies, as a ``Cookie`` header) that authenticate a request.

    Both methods may be called from many threads at once. ``headers`` should be cheap once a
    credential is at hand (cache it). ``renew`` is called with the headers the server rejected with
    401; it returns True when the next :meth:`headers` may hold something new worth sending (it may
    fetch it then, lazily), False when there is nothing else to try -- the 401 is then raised.
    """

    def headers(self, request: RequestInfo) -> Mapping[str, str]: ...

    def renew(self, rejected: Mapping[str, str]) -> bool: ...


@dataclass(frozen=True)
class Token:
    """A credential value and how long it lasts: ``lifetime`` in seconds from when it was fetched, None
    when unknown (then it is used until the server rejects it)."""

    value: str
    lifetime: float | None = None


MIN_MARGIN, MAX_MARGIN = 0.0, 60.0
"""A token is renewed a tenth of its lifetime before it ends, but not more than a minute before."""


class TokenCache:
    """One token at a time, fetched with ``fetch(request)`` on first use, again shortly before it expires
    and after the server rejected it; many threads asking at once cause one fetch.

    ``renew(rejected)`` marks the token stale when it is the one rejected (another thread may have
    replaced it already) and returns ``renewable``: whether fetching again can give something new.
    """

    def __init__(self, fetch: Callable[[RequestInfo], Token], renewable: bool = True) -> None:
        self._fetch, self._renewable = fetch, renewable
        self._lock = threading.Lock()
        self._token: Token | None = None
        self._renew_at = 0.0
        self.fetches = 0
        """How many times a token was fetched (renewals show here)."""

    def __repr__(self) -> str:
        return f"TokenCache(fetches={self.fetches})"  # never the token

    def get(self, request: RequestInfo) -> str:
        token = self._token
        if token is not None and (token.lifetime is None or time.monotonic() < self._renew_at):
            return token.value
        with self._lock:
            token = self._token
            if token is None or (token.lifetime is not None and time.monotonic() >= self._renew_at):
                fetched_at = time.monotonic()
                token = self._fetch(request)
                self.fetches += 1
                if token.lifetime is not None:
                    margin = min(max(token.lifetime / 10, MIN_MARGIN), MAX_MARGIN)
                    self._renew_at = fetched_at + token.lifetime - margin
                self._token = token
            return token.value

    def renew(self, rejected: str | None) -> bool:
        with self._lock:
            if self._token is not None and self._token.value == rejected:
                self._token = None
            return self._renewable

    def forget(self) -> None:
        """Drop the token: the next :meth:`get` fetches one."""
        with self._lock:
            self._token = None


def jwt_lifetime(token: str) -> float | None:
    """Seconds a JWT lasts by its own ``exp`` and ``iat`` claims (read, not verified: the server does
    that), None when it is no JWT or says neither. ``exp - iat`` rather than ``exp - now``, so a clock
    that differs from the server's does not matter."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        lifetime = float(claims["exp"]) - float(claims.get("iat", time.time()))
    except (IndexError, ValueError, KeyError, TypeError):
        return None
    return max(lifetime, 0.0)


def token_from_answer(response: RESTResponse, key: str = "access_token", what: str = "the token answer") -> Any:
    """The JSON answer's ``key`` (a token endpoint's ``access_token``), or :class:`ApiException` saying the
    answer has none; the answer's body is not shown (it may hold other secrets)."""
    try:
        value = json.loads(response.data)[key]
    except (ValueError, KeyError, TypeError):
        value = None
    if not isinstance(value, str) or not value:
        raise ApiException(response.status, f"{what} holds no {key}", body="", headers={})
    return value
