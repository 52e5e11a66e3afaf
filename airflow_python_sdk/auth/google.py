"""Google Cloud Composer: a Google OAuth 2 access token (the ``google`` extra, google-auth)."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.auth._base import RequestInfo, Send
from airflow_python_sdk.exceptions import (
    ApiConnectionError,
    ApiTypeError,
    ApiValueError,
    UnauthorizedException,
    exception_for_status,
)

if TYPE_CHECKING:
    from google.auth.credentials import Credentials

__all__ = ["GoogleAuth", "CLOUD_PLATFORM"]

CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"
_MISSING = "GoogleAuth needs the google extra: pip install '.[google]' (google-auth)"


class GoogleAuth:
    """A Google access token sent as ``Authorization: Bearer <token>``, refreshed by google-auth when the
    credentials are not valid (before first use, or within google-auth's margin of their expiry) and once
    after a 401; many threads cause one refresh.

    For Cloud Composer 2 and 3, whose web server takes the token of a Google account with IAM access to the
    environment (Airflow gives an account new to it the ``Op`` role). The host is the environment's
    ``airflowUri`` (``config.airflowUri`` of ``gcloud composer environments describe``) + ``/api/v1`` (Airflow 2)
    or ``/api/v2`` (Airflow 3)::

        Configuration(host=f"{airflow_uri}/api/v2", auth=GoogleAuth())  # application-default credentials
        Configuration(host=f"{airflow_uri}/api/v1", auth=GoogleAuth(service_account_credentials))

    ``credentials``: any ``google.auth.credentials.Credentials`` (given ``scopes`` when they need some), else
    ``google.auth.default(scopes=scopes)`` (``GOOGLE_APPLICATION_CREDENTIALS``, gcloud's application-default
    login, the metadata server). Token requests go through google-auth's urllib3 transport over the client's
    pool; google-auth's DEBUG log (logger ``google``) shows a service account's signed grant assertion.

    :class:`ImportError` without google-auth; :class:`~airflow_python_sdk.ApiValueError` when no default
    credentials are found, :class:`~airflow_python_sdk.ApiTypeError` for anything but credentials. A failed
    refresh raises :class:`~airflow_python_sdk.UnauthorizedException` (the token service refused: its 400, 401
    or 403, or None when google-auth refused without an answer), the :class:`~airflow_python_sdk.ApiException`
    of another status (5xx after google-auth's retries) or :class:`~airflow_python_sdk.ApiConnectionError`.
    """

    def __init__(self, credentials: Credentials | None = None, scopes: Sequence[str] = (CLOUD_PLATFORM,)) -> None:
        try:
            import google.auth
            import google.auth.credentials
            import google.auth.transport.urllib3
        except ImportError:
            raise ImportError(_MISSING) from None

        if credentials is None:
            try:
                credentials, _ = google.auth.default(scopes=list(scopes))
            except google.auth.exceptions.DefaultCredentialsError as exc:
                raise ApiValueError(f"GoogleAuth found no application-default credentials: {_said(exc)}") from None
        if not isinstance(credentials, google.auth.credentials.Credentials):
            raise ApiTypeError(f"GoogleAuth takes google-auth credentials, not {type(credentials).__name__}")
        scoped = google.auth.credentials.with_scopes_if_required(credentials, list(scopes))  # type: ignore[no-untyped-call]
        self.credentials: Credentials = scoped
        self._transport: Any = None  # google-auth's urllib3 transport, over the client's pool once a request is seen
        self._lock = threading.Lock()
        self._status: int | None = None
        self.refreshes = 0
        """How many times the credentials were refreshed."""

    def __repr__(self) -> str:
        return f"GoogleAuth({type(self.credentials).__name__}, refreshes={self.refreshes})"  # never the token

    def _request(self, url: str, method: str = "GET", body: Any = None, headers: Any = None, **kw: Any) -> Any:
        """google-auth's urllib3 request, remembering the status of its answer (for the error of a refusal)."""
        response = self._transport(url, method, body, headers, **kw)
        self._status = response.status
        return response

    def _refresh(self) -> None:
        """Refresh the credentials (the lock held); the SDK's exception when that fails."""
        from google.auth import exceptions

        self._status = None
        try:
            self.credentials.refresh(self._request)  # type: ignore[no-untyped-call]
        except (exceptions.TransportError, ApiConnectionError) as exc:  # the latter from the client's pool
            raise ApiConnectionError(f"GoogleAuth could not reach Google's token service: {_said(exc)}") from None
        except exceptions.GoogleAuthError as exc:
            status = self._status if self._status is not None and self._status >= 400 else None
            kind = UnauthorizedException if status in (None, 400, 401, 403) else exception_for_status(status or 0)
            reason = f"GoogleAuth could not refresh the Google access token: {_said(exc)}"
            raise kind(status, reason, body="", headers={}) from None
        self.refreshes += 1

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        if self._transport is None:
            import google.auth.transport.urllib3

            self._transport = google.auth.transport.urllib3.Request(_Pool(request.send))  # type: ignore[no-untyped-call]
        if not self.credentials.valid:
            with self._lock:
                if not self.credentials.valid:
                    self._refresh()
        return {"Authorization": f"Bearer {self.credentials.token}"}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        with self._lock:  # another thread may have refreshed since this token was sent
            if rejected.get("Authorization") == f"Bearer {self.credentials.token}":
                self._refresh()
        return True


class _Pool:
    """The ``request`` of a urllib3 pool, sent through the client's own (its TLS, proxies and timeouts)."""

    def __init__(self, send: Send) -> None:
        self._send = send

    def request(self, method: str, url: str, body: Any = None, headers: Any = None, **kw: Any) -> Any:
        data = body.encode() if isinstance(body, str) else body
        return self._send(method, url, headers, data, preload_content=False, timeout=kw.get("timeout"))


def _said(exc: Exception) -> str:
    """An exception's first argument on one line, at most 300 characters (not its other args: response data)."""
    text = " ".join(str(exc.args[0] if exc.args else type(exc).__name__).split())
    return text if len(text) <= 300 else text[:300] + " ..."
