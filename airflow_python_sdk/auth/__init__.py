"""Credentials: one provider object per kind, asked by the transport for its headers before each request
and, after a 401, asked once to renew before the request is sent again.

=============================  ===========================================================================
provider                       for
=============================  ===========================================================================
:class:`UsernamePassword`      a self-hosted Airflow's users: Basic on Airflow 2, a JWT login on Airflow 3
:class:`BasicAuth`             HTTP Basic always (Airflow 2's basic_auth backend, or a proxy asking for it)
:class:`BearerToken`           a token, or a function that returns a fresh one (Astronomer, Vault, an IdP)
:class:`TokenFile`             a token file another process keeps fresh (Kubernetes, Vault agent)
:class:`ApiKey`                a gateway's API-key header
:class:`OAuth2ClientCredentials`  the OAuth 2 client-credentials grant (Keycloak, Okta, Entra ID, Auth0)
:class:`GoogleAuth`            Google Cloud Composer (the ``google`` extra)
:class:`MwaaAuth`              Amazon MWAA, Airflow 2 and 3 (the ``aws`` extra)
=============================  ===========================================================================

Any object with the two methods of :class:`AuthProvider` works too::

    Configuration(host="https://airflow.example.com/api/v2", auth=BearerToken(get_token))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.auth._base import AuthProvider, RequestInfo, Send, Token, TokenCache, jwt_lifetime
from airflow_python_sdk.auth._password import TOKEN_PATH, BasicAuth, UsernamePassword
from airflow_python_sdk.auth._settings import NO_CREDENTIALS, SettingsAuth
from airflow_python_sdk.auth._tokens import ENV_TOKEN_FILE, ApiKey, BearerToken, TokenFile

if TYPE_CHECKING:
    from airflow_python_sdk.auth.google import GoogleAuth
    from airflow_python_sdk.auth.mwaa import MwaaAuth
    from airflow_python_sdk.auth.oauth2 import OAuth2ClientCredentials

__all__ = [
    "AuthProvider", "RequestInfo", "Send", "Token", "TokenCache", "jwt_lifetime", "UsernamePassword", "BasicAuth",
    "BearerToken", "TokenFile", "ApiKey", "OAuth2ClientCredentials", "GoogleAuth", "MwaaAuth", "SettingsAuth",
    "NO_CREDENTIALS", "TOKEN_PATH", "ENV_TOKEN_FILE",
]  # fmt: skip

_LAZY = {
    "OAuth2ClientCredentials": "airflow_python_sdk.auth.oauth2",
    "GoogleAuth": "airflow_python_sdk.auth.google",
    "MwaaAuth": "airflow_python_sdk.auth.mwaa",
}
"""Providers in modules of their own, imported on first use (the cloud ones import their extra's library lazily)."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'airflow_python_sdk.auth' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
