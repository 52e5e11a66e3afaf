"""GoogleAuth (Cloud Composer) driven by the real google-auth library: a service-account key made here, whose
``token_uri`` is a local token server (the JWT-bearer grant checked with the key's public half), and a recording
server standing for Composer's Airflow web server, on /api/v1 (Airflow 2) and /api/v2 (Airflow 3)."""

from __future__ import annotations

import base64
import json
import logging
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import google.auth._helpers
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from google.oauth2 import service_account

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.auth.google import CLOUD_PLATFORM, GoogleAuth

from recording_server import Recorded, RecordingServer, Reply

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"  # a service account's assertion names Google's endpoint
EMAIL = "sdk-test@example-project.iam.gserviceaccount.com"
RUN = {"dag_id": "d", "dag_run_id": "r"}
MARGIN = google.auth._helpers.REFRESH_THRESHOLD.total_seconds()
"""How long before a token's expiry google-auth calls the credentials no longer valid (20 s in 2.20, 225 s now)."""


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def verified_claims(assertion: str, key: rsa.RSAPrivateKey) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JWT's header and claims, after checking its RS256 signature with the key's public half."""
    head, body, signature = assertion.split(".")
    verify = key.public_key().verify
    verify(b64decode(signature), f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    with pytest.raises(InvalidSignature):  # the check is real: another payload under the same signature fails
        verify(b64decode(signature), f"{head}.{body}x".encode(), padding.PKCS1v15(), hashes.SHA256())
    return json.loads(b64decode(head)), json.loads(b64decode(body))


@dataclass
class TokenService:
    """Google's token endpoint as far as a service account uses it: each JWT-bearer grant gets a new access token
    lasting ``lifetime`` seconds (``expires_in``), or the scripted ``refusal``; ``delay`` seconds before answering."""

    lifetime: float = 3600
    refusal: Reply | None = None
    delay: float = 0.0
    issued: list[str] = field(default_factory=list)
    server: RecordingServer = field(init=False)

    def __post_init__(self) -> None:
        self.server = RecordingServer(respond=self.respond)

    def respond(self, request: Recorded) -> Reply:
        time.sleep(self.delay)
        if self.refusal is not None:
            return self.refusal
        token = f"ya29.test-access-{len(self.issued) + 1}-{time.monotonic_ns()}"
        self.issued.append(token)
        return Reply(json={"access_token": token, "expires_in": self.lifetime, "token_type": "Bearer"})

    def form(self, index: int = -1) -> dict[str, str]:
        return dict(parse_qsl(self.server.requests[index].body.decode()))


@dataclass
class Composer:
    """The Airflow web server of an environment: a DAG run for any token but a revoked one (any, with
    ``refuse_all``), which gets a 401; such requests are held until ``together`` of them arrived (concurrent)."""

    revoked: set[str] = field(default_factory=set)
    refuse_all: bool = False
    together: threading.Barrier | None = None
    server: RecordingServer = field(init=False)

    def __post_init__(self) -> None:
        self.server = RecordingServer(respond=self.respond)

    def respond(self, request: Recorded) -> Reply:
        if self.refuse_all or request.headers.get("Authorization", "").removeprefix("Bearer ") in self.revoked:
            if self.together is not None:
                self.together.wait(timeout=10)
            return Reply(status=401, json={"title": "Unauthorized", "status": 401})
        return Reply(json=RUN)

    def tokens(self) -> list[str]:
        return [r.headers["Authorization"].removeprefix("Bearer ") for r in self.server.requests]


@pytest.fixture
def tokens() -> Iterator[TokenService]:
    service = TokenService()
    with service.server:
        yield service


@pytest.fixture
def composer() -> Iterator[Composer]:
    web = Composer()
    with web.server:
        yield web


def key_info(key: rsa.RSAPrivateKey, token_uri: str) -> dict[str, str]:
    """A service-account key file's JSON, as the Cloud console hands one out, with a local ``token_uri``."""
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return {
        "type": "service_account",
        "project_id": "example-project",
        "private_key_id": "0123456789abcdef",
        "private_key": pem.decode(),
        "client_email": EMAIL,
        "client_id": "1234567890",
        "token_uri": token_uri,
    }


def account(info: dict[str, str], scopes: list[str] | None = None) -> service_account.Credentials:
    """The real google-auth service-account credentials of a key file's JSON."""
    return service_account.Credentials.from_service_account_info(info, scopes=scopes)  # type: ignore[no-untyped-call,no-any-return]


def client(composer: Composer, auth: GoogleAuth, api: str = "/api/v1", **options: Any) -> ApiClient:
    return ApiClient(Configuration(host=composer.server.url + api, auth=auth, retries=0, **options))


def check_grant(tokens: TokenService, key: rsa.RSAPrivateKey, scope: str = CLOUD_PLATFORM) -> None:
    """The last token request was a JWT-bearer grant whose assertion this key signed, for this scope."""
    request = tokens.server.requests[-1]
    assert (request.method, request.path) == ("POST", "/token")
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = tokens.form()
    assert form["grant_type"] == JWT_BEARER
    header, claims = verified_claims(form["assertion"], key)
    assert header == {"alg": "RS256", "typ": "JWT", "kid": "0123456789abcdef"}
    assert (claims["iss"], claims["aud"], claims["scope"]) == (EMAIL, GOOGLE_TOKEN_AUDIENCE, scope)
    assert claims["exp"] - claims["iat"] == 3600 and abs(claims["iat"] - time.time()) < 60


# --- the token reaches Airflow -------------------------------------------------------------------------------


@pytest.mark.parametrize("api", ["/api/v1", "/api/v2"])  # Composer with Airflow 2, with Airflow 3: the same token
def test_a_service_accounts_token_is_sent_to_airflow_2_and_3(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer, api: str
) -> None:
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth, api) as api_client:
        runs = DAGRunApi(api_client)
        assert runs.get_dag_run("d", "r").dag_run_id == "r"
        assert runs.get_dag_run("d", "r").dag_run_id == "r"
    assert len(tokens.issued) == 1 and auth.refreshes == 1  # the token was kept, not fetched per request
    check_grant(tokens, key)
    assert [(r.method, r.path) for r in composer.server.requests] == [("GET", f"{api}/dags/d/dagRuns/r")] * 2
    assert composer.tokens() == tokens.issued * 2  # and no Airflow 3 login (/auth/token) was tried


def test_credentials_without_scopes_get_the_scopes_given(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    unscoped = account(key_info(key, tokens.server.url + "/token"))
    auth = GoogleAuth(unscoped, scopes=("openid", "https://www.googleapis.com/auth/userinfo.email"))
    with client(composer, auth) as api_client:
        DAGRunApi(api_client).get_dag_run("d", "r")
    check_grant(tokens, key, scope="openid https://www.googleapis.com/auth/userinfo.email")


@pytest.mark.parametrize("api", ["/api/v1", "/api/v2"])
def test_application_default_credentials_from_a_key_file(
    key: rsa.RSAPrivateKey,
    tokens: TokenService,
    composer: Composer,
    api: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps(key_info(key, tokens.server.url + "/token")))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    auth = GoogleAuth()
    assert isinstance(auth.credentials, service_account.Credentials)
    with client(composer, auth, api) as api_client:
        assert DAGRunApi(api_client).get_dag_run("d", "r").dag_id == "d"
    check_grant(tokens, key)
    assert composer.server.requests[0].path == f"{api}/dags/d/dagRuns/r"
    assert composer.tokens() == tokens.issued and len(tokens.issued) == 1


def test_no_application_default_credentials_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))
    with pytest.raises(sdk.ApiValueError, match="GoogleAuth found no application-default credentials") as error:
        GoogleAuth()
    assert "absent.json" in str(error.value) and "\n" not in str(error.value)


def test_without_google_auth_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "google.auth", None)  # as if google-auth were not installed
    with pytest.raises(ImportError) as error:
        GoogleAuth()
    assert str(error.value) == "GoogleAuth needs the google extra: pip install '.[google]' (google-auth)"


def test_it_is_exported_lazily_and_takes_only_credentials() -> None:
    from airflow_python_sdk import auth

    assert auth.GoogleAuth is GoogleAuth
    with pytest.raises(sdk.ApiTypeError, match="GoogleAuth takes google-auth credentials, not str"):
        GoogleAuth("ya29.a-token-is-no-credentials")  # type: ignore[arg-type]


# --- refresh: before expiry, after a 401, many threads -------------------------------------------------------


def test_a_token_about_to_expire_is_refreshed_before_use(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    tokens.lifetime = MARGIN + 2.5  # google-auth calls it valid for 2.5 s, then refreshes ahead of its expiry
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth) as api_client:
        runs = DAGRunApi(api_client)
        runs.get_dag_run("d", "r")
        runs.get_dag_run("d", "r")
        assert len(tokens.issued) == 1  # still valid: kept
        time.sleep(3.0)
        runs.get_dag_run("d", "r")
    assert len(tokens.issued) == 2 and auth.refreshes == 2
    first, second = tokens.issued
    assert composer.tokens() == [first, first, second]  # refreshed before sending, not after a 401
    assert all(r.headers["Authorization"].startswith("Bearer ") for r in composer.server.requests)
    check_grant(tokens, key)  # the refresh was a new grant, signed anew


def test_a_401_causes_one_refresh_and_one_resend(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth, "/api/v2") as api_client:
        runs = DAGRunApi(api_client)
        runs.get_dag_run("d", "r")
        composer.revoked.add(tokens.issued[0])
        assert runs.get_dag_run("d", "r").dag_run_id == "r"
        first, second = tokens.issued
        assert composer.tokens() == [first, first, second]
        composer.refuse_all = True  # every token is refused: raised after one refresh and resend, not a loop
        with pytest.raises(sdk.UnauthorizedException) as refused:
            runs.get_dag_run("d", "r")
    assert refused.value.status == 401
    third = tokens.issued[2]
    assert composer.tokens() == [first, first, second, second, third] and auth.refreshes == 3


def test_many_threads_cause_one_refresh_at_first_use_and_after_a_401(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    tokens.delay = 0.3  # the other threads reach the provider while the first one is refreshing
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth, connection_pool_maxsize=8) as api_client, ThreadPoolExecutor(8) as pool:
        runs = DAGRunApi(api_client)
        start = threading.Barrier(8)

        def call(_: int) -> str:
            start.wait(timeout=10)
            return str(runs.get_dag_run("d", "r").dag_run_id)

        assert list(pool.map(call, range(8))) == ["r"] * 8
        assert len(tokens.issued) == 1 and auth.refreshes == 1  # 8 threads at first use: one token request
        composer.revoked.add(tokens.issued[0])
        composer.together = threading.Barrier(8)  # all 8 send the revoked token before any hears 401
        assert list(pool.map(call, range(8))) == ["r"] * 8
    assert len(tokens.issued) == 2 and auth.refreshes == 2  # 8 threads rejected at once: one refresh
    first, second = tokens.issued
    sent = composer.tokens()
    assert sorted(sent) == sorted([first] * 16 + [second] * 8)  # each thread resent once, with the new token
    assert sent[:8] == [first] * 8


# --- failures, and secrets -----------------------------------------------------------------------------------


def test_a_refused_refresh_raises_unauthorized_naming_what_failed(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    tokens.refusal = Reply(status=400, json={"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth) as api_client, pytest.raises(sdk.UnauthorizedException) as refused:
        DAGRunApi(api_client).get_dag_run("d", "r")
    error = refused.value
    assert error.status == 400 and error.__cause__ is None and error.__suppress_context__
    assert error.reason == "GoogleAuth could not refresh the Google access token: invalid_grant: Invalid JWT Signature."
    assert composer.server.requests == []  # nothing was sent without a token
    assert len(tokens.server.requests) == 1  # a refused grant is not retried (google-auth retries 5xx only)


def test_a_token_service_failure_is_a_service_exception_and_unreachable_is_a_connection_error(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer
) -> None:
    tokens.refusal = Reply(status=502, body="<html>bad gateway</html>", headers={"Content-Type": "text/html"})
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    with client(composer, auth) as api_client:
        with pytest.raises(sdk.ServiceException, match=r"GoogleAuth could not refresh.*bad gateway") as failed:
            DAGRunApi(api_client).get_dag_run("d", "r")
        assert failed.value.status == 502
    with RecordingServer() as gone:
        closed = gone.url
    info = key_info(key, closed + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    unreachable = pytest.raises(sdk.ApiConnectionError, match="GoogleAuth could not reach Google's token service")
    with client(composer, auth) as api_client, unreachable:
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert composer.server.requests == []


def test_the_key_and_tokens_never_show_in_repr_logs_or_errors(
    key: rsa.RSAPrivateKey, tokens: TokenService, composer: Composer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: the SDK's, urllib3's
    caplog.set_level(logging.DEBUG, logger="google")  # and google-auth's own request log
    info = key_info(key, tokens.server.url + "/token")
    auth = GoogleAuth(account(info, [CLOUD_PLATFORM]))
    texts = [repr(auth)]
    with client(composer, auth, "/api/v2", debug=True) as api_client:
        runs = DAGRunApi(api_client)
        runs.get_dag_run("d", "r")
        composer.refuse_all = True  # a 401, a refresh, a 401 again: raised
        with pytest.raises(sdk.UnauthorizedException) as unauthorized:
            runs.get_dag_run("d", "r")
        texts += [str(unauthorized.value), repr(api_client.configuration), repr(auth), str(vars(auth))]
        tokens.refusal = Reply(status=400, json={"error": "invalid_grant", "error_description": "bad"})
        with pytest.raises(sdk.UnauthorizedException) as refused:  # a 401, then the refresh is refused
            runs.get_dag_run("d", "r")
        texts.append(str(refused.value))
    shown = "".join(traceback.format_exception(refused.value))  # what an uncaught error prints
    assert "invalid_grant: bad" in shown and "RefreshError" not in shown  # the SDK's error, not google-auth's
    texts.append(shown)
    assert len(tokens.issued) == 2 and composer.server.requests  # the secrets were really made and used
    assert composer.server.requests[0].headers["Authorization"] == f"Bearer {tokens.issued[0]}"
    logged = "\n".join(f"{r.getMessage()} {vars(r)}" for r in caplog.records)
    assert "GET " in logged and "Making request" in logged  # debug logging was really on, google-auth's too
    secrets = [*tokens.issued, info["private_key"], *info["private_key"].splitlines()[1:-1]]
    for text in [*texts, logged]:
        leaked = [s for s in secrets if s in text]
        assert leaked == [], f"leaked {leaked} in {text[:300]!r}"
    # a signed grant assertion (good for an hour's tokens) shows in no text, and in no log but google-auth's own
    # request log (logger "google", silent unless configured), which records the token request's form as it is
    grants = [dict(parse_qsl(r.body.decode()))["assertion"] for r in tokens.server.requests]
    assert len(grants) == 3 and not any(g in text for g in grants for text in texts)
    ours = "\n".join(f"{r.getMessage()} {vars(r)}" for r in caplog.records if not r.name.startswith("google"))
    assert not any(g in ours for g in grants)
