"""The provider a client uses: the configuration's ``auth``, or the one its older settings make.

``Configuration`` keeps the generated client's settings (``username``/``password``, ``access_token``,
``api_key``/``api_key_prefix``), which scripts may change on a configuration in use. This provider reads
them at each request and keeps a provider per value, so a login or a cached JWT survives between
requests but not a change of user. API-key headers are sent beside any other credential.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from airflow_python_sdk.auth._base import AuthProvider, RequestInfo
from airflow_python_sdk.auth._password import UsernamePassword, check_pair
from airflow_python_sdk.auth._tokens import BearerToken

if TYPE_CHECKING:
    from airflow_python_sdk.configuration import Configuration

__all__ = ["SettingsAuth", "NO_CREDENTIALS"]

NO_CREDENTIALS = (
    "no credentials were sent: give username= and password= (AIRFLOW_USERNAME, AIRFLOW_PASSWORD), "
    "access_token= (AIRFLOW_API_TOKEN), a token file (AIRFLOW_API_TOKEN_FILE), a profile "
    "(Configuration.from_profile) or auth= one of airflow_python_sdk.auth's providers"
)
"""What a 401 says when the request carried no credential."""


class SettingsAuth:
    """The configuration's ``auth`` when set, else ``access_token`` (Bearer), else ``username`` and
    ``password`` (:class:`UsernamePassword`); ``api_key`` headers beside either."""

    def __init__(self, configuration: Configuration) -> None:
        self._configuration = configuration
        self._made: tuple[object, AuthProvider | None] = (None, None)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SettingsAuth({self._made[1]!r})"

    def current(self) -> AuthProvider | None:
        """The provider the configuration's settings name now (None: no credential but API keys)."""
        c = self._configuration
        if c.auth is not None:
            return c.auth
        key = (c.access_token, c.username, c.password)
        made_for, provider = self._made
        if made_for == key:
            return provider
        with self._lock:  # one provider (one login) however many threads start at once
            made_for, provider = self._made
            if made_for == key:
                return provider
            check_pair(c.username, c.password, ("username", "password"), ("AIRFLOW_USERNAME", "AIRFLOW_PASSWORD"))
            if c.access_token:
                provider = BearerToken(c.access_token)
            elif c.username is not None and c.password is not None:
                provider = UsernamePassword(c.username, c.password)
            else:
                provider = None
            self._made = (key, provider)  # one tuple, swapped whole: threads see an old or a new pair
            return provider

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        provider, keys = self.current(), self._configuration.api_key_headers()
        if provider is None:
            return keys
        given = provider.headers(request)
        return {**keys, **given} if keys else given

    def renew(self, rejected: Mapping[str, str]) -> bool:
        provider = self.current()
        return provider is not None and provider.renew(rejected)
