"""Recognising a browser login (SSO in front of Airflow) where the API's JSON was expected."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from airflow_python_sdk.exceptions import UnauthorizedException

if TYPE_CHECKING:
    from airflow_python_sdk.rest import RESTResponse

__all__ = ["browser_login", "USE_INSTEAD"]

USE_INSTEAD = (
    "an API client cannot log in through a browser: give a credential the server or its login provider "
    "accepts instead -- a token (access_token=, AIRFLOW_API_TOKEN, auth=BearerToken(...)), "
    "auth=OAuth2ClientCredentials(...) for Keycloak, Okta, Entra ID or Auth0, auth=GoogleAuth() for "
    "Cloud Composer, auth=MwaaAuth(...) for Amazon MWAA (airflow_python_sdk.auth)"
)
_LOGIN_PAGE = re.compile(rb"<input[^>]+type=[\"']?password|<form[^>]+(login|signin|sign-in|sso|saml|oauth)", re.I)
_LOGIN_PATH = re.compile(r"log-?in|sign-?in|sso|saml|oauth|openid|authorize", re.I)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.rpartition("@")[2].lower()


def browser_login(method: str, url: str, response: RESTResponse) -> UnauthorizedException | None:
    """The error for an HTML answer to ``method url`` that is a login page -- one a redirect to another origin
    led to, one at a login-like path, or one with a password field -- else None (the web UI, say)."""
    moved = _origin(response.url) != _origin(url)
    if not (moved or _LOGIN_PATH.search(urlsplit(response.url).path) or _LOGIN_PAGE.search(response.data[:65536])):
        return None
    where = urlsplit(response.url)
    page = f"{where.scheme}://{where.netloc.rpartition('@')[2]}{where.path}"  # no query: it may carry a state token
    elsewhere = f"was sent on to a login page at {page} (another origin)"
    how = elsewhere if moved else f"was answered by a login page ({page})"
    request = f"{method} {url.split('?')[0]}"
    said = f"the server asks for a browser login: {request} {how}; {USE_INSTEAD}"
    error = UnauthorizedException(response.status, said, body="", headers={})
    error.request = request
    return error
