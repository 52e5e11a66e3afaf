"""Airflow 3 login: a username and password are exchanged for a JWT, renewed when the server says 401."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

from airflow_python_sdk.exceptions import ApiException

if TYPE_CHECKING:
    from airflow_python_sdk.configuration import Configuration
    from airflow_python_sdk.rest import RESTClientObject

__all__ = ["TokenSource", "TOKEN_PATH"]

TOKEN_PATH = "/auth/token"
"""Where Airflow 3 hands out tokens, at the server's root (beside ``/api/v2``)."""


class TokenSource:
    """Gets a token with the configured credentials on first use, and a new one on :meth:`renew`."""

    def __init__(self, configuration: Configuration, rest: RESTClientObject) -> None:
        self._configuration = configuration
        self._rest = rest
        self._token: str | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"TokenSource(username={self._configuration.username!r})"

    @property
    def url(self) -> str:
        return self._configuration.server_root + TOKEN_PATH

    def token(self) -> str:
        """The current token, logging in first if there is none."""
        with self._lock:
            if self._token is None:
                self._token = self._login()
            return self._token

    def renew(self, rejected: str) -> str:
        """A new token, unless another thread already replaced the ``rejected`` one."""
        with self._lock:
            if self._token in (None, rejected):
                self._token = self._login()
            return self._token

    def _login(self) -> str:
        credentials = {"username": self._configuration.username, "password": self._configuration.password}
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        response = self._rest.request("POST", self.url, headers, json.dumps(credentials).encode())
        try:
            token = json.loads(response.data)["access_token"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ApiException(response.status, "the token answer holds no access_token", http_resp=response) from exc
        if not isinstance(token, str):
            raise ApiException(response.status, "the token answer holds no access_token", http_resp=response)
        return token
