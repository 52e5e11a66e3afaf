"""The OAuth 2 client-credentials grant (RFC 6749 §4.4): a service's own token from an identity provider."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Literal
from urllib.parse import quote_plus, urlencode

from airflow_python_sdk.auth._base import RequestInfo, Token, TokenCache, jwt_lifetime, token_from_answer
from airflow_python_sdk.auth._password import basic
from airflow_python_sdk.auth._tokens import bearer
from airflow_python_sdk.configuration import redact_url
from airflow_python_sdk.exceptions import ApiException, ApiTypeError, ApiValueError, UnauthorizedException

__all__ = ["OAuth2ClientCredentials"]


class OAuth2ClientCredentials:
    """A bearer token from an OAuth 2 token endpoint by the client-credentials grant, fetched on first use, again
    a tenth of its ``expires_in`` (at most a minute) before it ends and after a 401; many threads cause one token
    request. For an Airflow behind an identity provider that issues tokens to services: Keycloak, Okta,
    Microsoft Entra ID, Auth0, or any OIDC provider Airflow (or a gateway in front of it) trusts::

        kc = "https://kc.example.com/realms/R/protocol/openid-connect/token"
        Configuration(host=url, auth=OAuth2ClientCredentials(kc, "airflow-sdk", os.environ["KC_SECRET"]))

        entra = f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
        Configuration(host=url, auth=OAuth2ClientCredentials(entra, app_id, secret, "api://<app-id>/.default"))

    The token request goes through the client's pool (its TLS, proxy and timeout settings): a form
    ``grant_type=client_credentials`` with ``scope`` (a str, or a sequence joined by spaces) and
    ``audience`` (Auth0) when given; the client authenticates with HTTP Basic (``client_auth="basic"``,
    RFC 6749 §2.3.1) or with ``client_id`` and ``client_secret`` in the form (``"post"``).
    ``client_secret`` may be a function returning it (read from a vault on each token request).

    The answer's ``expires_in`` (seconds) says how long the token lasts, else the token's own ``exp`` when
    it is a JWT, else it is used until a 401. A refused token request raises
    :class:`~airflow_python_sdk.UnauthorizedException` (400, 401, 403) or the status's
    :class:`~airflow_python_sdk.ApiException`, naming the token URL and the answer's OAuth ``error`` and
    ``error_description``; the secret is never shown.
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str | Callable[[], str],
        scope: str | Sequence[str] | None = None,
        audience: str | None = None,
        *,
        client_auth: Literal["basic", "post"] = "basic",
    ) -> None:
        if not isinstance(token_url, str) or not token_url.startswith(("https://", "http://")):
            raise ApiValueError("OAuth2ClientCredentials: token_url must be an http(s) URL", ["token_url"])
        if client_auth not in ("basic", "post"):
            raise ApiValueError(f"client_auth must be 'basic' or 'post', not {client_auth!r}", ["client_auth"])
        if not client_id or not isinstance(client_id, str):
            raise ApiValueError("OAuth2ClientCredentials needs a client_id", ["client_id"])
        if not (isinstance(client_secret, str) and client_secret) and not callable(client_secret):
            raise ApiTypeError("client_secret must be a non-empty str or a function returning one", ["client_secret"])
        self.token_url, self.client_id, self.client_auth = token_url, client_id, client_auth
        self._secret, self._cache = client_secret, TokenCache(self._fetch)
        scope = scope if isinstance(scope, str) or scope is None else " ".join(scope)
        form = {"grant_type": "client_credentials", "scope": scope, "audience": audience}
        self._form = {k: v for k, v in form.items() if v}

    def __repr__(self) -> str:
        return f"OAuth2ClientCredentials({redact_url(self.token_url)!r}, {self.client_id!r}, '***')"

    @property
    def fetches(self) -> int:
        """How many tokens were fetched (renewals show here)."""
        return self._cache.fetches

    def _client_secret(self) -> str:
        secret = self._secret() if callable(self._secret) else self._secret
        if not isinstance(secret, str) or not secret:
            raise ApiTypeError("the client_secret function returned no str (or an empty one)", ["client_secret"])
        return secret

    def _fetch(self, request: RequestInfo) -> Token:
        secret = self._client_secret()
        form = dict(self._form)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        if self.client_auth == "basic":  # §2.3.1: each form-encoded, then Basic
            headers["Authorization"] = basic(quote_plus(self.client_id, safe=""), quote_plus(secret, safe=""))
        else:
            form.update(client_id=self.client_id, client_secret=secret)
        try:
            answer = request.send("POST", self.token_url, headers, urlencode(form).encode(), redirect=False)
        except ApiException as exc:
            raise _refused(exc, self.token_url, secret) from None
        token = token_from_answer(answer, what=f"the answer of {redact_url(self.token_url)}")
        claims = json.loads(answer.data)
        kind = claims.get("token_type", "Bearer")
        if not isinstance(kind, str) or kind.lower() != "bearer":
            raise ApiValueError(f"{redact_url(self.token_url)} issued a {kind!r} token, not a Bearer token")
        try:
            lifetime: float | None = max(float(claims["expires_in"]), 0.0)  # a number; a str from old Azure AD
        except (KeyError, TypeError, ValueError):
            lifetime = jwt_lifetime(token)
        return Token(bearer(token, f"the token from {redact_url(self.token_url)}")["Authorization"], lifetime)

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        return {"Authorization": self._cache.get(request)}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        return self._cache.renew(rejected.get("Authorization"))


def _refused(exc: ApiException, url: str, secret: str) -> ApiException:
    """The exception for a token endpoint's error answer: its OAuth ``error`` and ``error_description``
    (RFC 6749 §5.2) in the reason, the secret (should the answer echo it) masked."""
    try:
        answer = json.loads(exc.body or "")
    except ValueError:
        answer = None
    said = [answer.get(k) for k in ("error", "error_description")] if isinstance(answer, dict) else []
    what = ": ".join(str(part) for part in said if part) or exc.reason or "refused"
    kind = UnauthorizedException if exc.status in (400, 401, 403) else type(exc)
    body = (exc.body or "").replace(secret, "***")
    reason = f"the token endpoint {redact_url(url)} refused the client credentials: {what}".replace(secret, "***")
    refused = kind(exc.status, reason, body, exc.headers)
    refused.request = f"POST {redact_url(url)}"
    return refused
