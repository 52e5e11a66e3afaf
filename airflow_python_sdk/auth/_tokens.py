"""Providers of a ready credential: a bearer token (fixed, or from a function), a token file, an API-key header."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from airflow_python_sdk.auth._base import RequestInfo, Token, TokenCache, jwt_lifetime
from airflow_python_sdk.exceptions import ApiTypeError, ApiValueError

__all__ = ["ApiKey", "BearerToken", "TokenFile", "bearer", "ENV_TOKEN_FILE"]

ENV_TOKEN_FILE = "AIRFLOW_API_TOKEN_FILE"
_BEARER = "bearer "


def bearer(token: str, what: str = "the token") -> dict[str, str]:
    """``{"Authorization": "Bearer <token>"}``; a leading ``Bearer`` in ``token`` is not doubled.
    :class:`ApiValueError` naming ``what`` when the token is empty or holds a character HTTP cannot carry."""
    token = token.strip()
    if token[: len(_BEARER)].lower() == _BEARER:
        token = token[len(_BEARER) :].lstrip()
    if not token or any(ord(c) < 32 or ord(c) == 127 for c in token):
        raise ApiValueError(f"{what} is {'empty' if not token else 'not one line of text'}", [what])
    return {"Authorization": f"Bearer {token}"}


class BearerToken:
    """A bearer token: fixed, or got from ``token()`` on first use, after a 401 and, when it is a JWT, shortly
    before its ``exp``. For any deployment that takes one: Astronomer (a deployment or workspace API token),
    Airflow 3 (a JWT from ``/auth/token``), a token from your identity provider, Vault or a company service. The
    function may return the token or a :class:`~airflow_python_sdk.auth.Token` (value and lifetime in seconds)::

        Configuration(host="https://airflow.example.com/api/v2", auth=BearerToken(os.environ["ASTRO_TOKEN"]))
        Configuration(host=url, auth=BearerToken(lambda: vault.read("secret/airflow")["token"]))

    A fixed token cannot renew: a 401 is raised as it came.
    """

    def __init__(self, token: str | Callable[[], str | Token]) -> None:
        if isinstance(token, str):
            self._fixed: dict[str, str] | None = bearer(token, "BearerToken's token")
            self._cache: TokenCache | None = None
        elif callable(token):
            self._fixed, self._get = None, token
            self._cache = TokenCache(self._fetch)
        else:
            raise ApiTypeError(f"BearerToken takes a str or a function returning one, not {type(token).__name__}")

    def __repr__(self) -> str:
        return "BearerToken(<fixed>)" if self._fixed is not None else f"BearerToken({self._get!r})"

    def _fetch(self, request: RequestInfo) -> Token:
        got = self._get()
        if isinstance(got, Token):
            return Token(bearer(got.value, "the token function's answer")["Authorization"], got.lifetime)
        if not isinstance(got, str):
            raise ApiTypeError(f"the token function returned {type(got).__name__}, not a str")
        value = bearer(got, "the token function's answer")["Authorization"]
        return Token(value, jwt_lifetime(value.removeprefix("Bearer ")))

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        if self._fixed is not None:
            return self._fixed
        assert self._cache is not None
        return {"Authorization": self._cache.get(request)}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        return self._cache is not None and self._cache.renew(rejected.get("Authorization"))


class TokenFile:
    """A bearer token read from a file, read again when the file changes and after a 401: for tokens another
    process keeps fresh (a Kubernetes projected service-account token, a Vault agent's sink, a token your CI
    writes); ``from_env()`` uses it for ``AIRFLOW_API_TOKEN_FILE``::

        Configuration(host=url, auth=TokenFile("/var/run/secrets/airflow/token"))

    Surrounding whitespace in the file is ignored. :class:`ApiValueError` naming the file when it cannot
    be read or is empty (nothing is sent).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self._headers: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"TokenFile({str(self.path)!r})"

    def _stamp(self) -> tuple[int, int, int]:
        try:
            stat = self.path.stat()
        except OSError as exc:
            raise ApiValueError(f"TokenFile: cannot read {self.path}: {exc.strerror}", ["path"]) from None
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def _read(self) -> dict[str, str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ApiValueError(f"TokenFile: cannot read {self.path}: {exc.strerror}", ["path"]) from None
        return bearer(text, f"the token in {self.path}")

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        stamp = self._stamp()
        if stamp != self._seen:
            with self._lock:
                if stamp != self._seen:
                    self._headers, self._seen = self._read(), stamp
        return self._headers

    def renew(self, rejected: Mapping[str, str]) -> bool:
        with self._lock:  # a file rewritten within the clock's resolution looks unchanged: read it anyway
            self._headers, self._seen = self._read(), self._stamp()
            return self._headers.get("Authorization") != rejected.get("Authorization")


class ApiKey:
    """An API key sent as a header of its own (``X-API-Key: <key>``), ``prefix`` before it when given;
    for a gateway or proxy in front of Airflow that wants one. Cannot renew."""

    def __init__(self, header: str, key: str, prefix: str | None = None) -> None:
        if not header or not key:
            raise ApiValueError("ApiKey needs a header name and a key", ["header" if not header else "key"])
        self._headers = {header: f"{prefix} {key}" if prefix else key}

    def __repr__(self) -> str:
        return f"ApiKey({next(iter(self._headers))!r}, '***')"

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        return self._headers

    def renew(self, rejected: Mapping[str, str]) -> bool:
        return False
