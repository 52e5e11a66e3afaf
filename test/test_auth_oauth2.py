"""OAuth2ClientCredentials against a local token endpoint (tokens lasting ~2 s) and a local API that trusts
only its unexpired tokens: the exact token request, reuse, renewal before expiry and after a 401 (one token
request for many threads), errors, and the secret kept out of repr, logs and exception text."""

from __future__ import annotations

import base64
import itertools
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, quote_plus, unquote_plus

import pytest
import trustme

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.auth import OAuth2ClientCredentials

from recording_server import Recorded, RecordingServer, Reply

CLIENT_ID = "airflow-sdk client"  # a space: RFC 6749 §2.3.1 form-encodes the id and secret before Basic
SECRET = "s3cr3t:with&odd+chars"
RUN = {"dag_id": "d", "dag_run_id": "r", "state": "success"}
INVALID_CLIENT = {"error": "invalid_client", "error_description": "Invalid client or Invalid client credentials"}


class Issuer:
    """A client-credentials token endpoint at ``{token_server.url}/token`` and, at ``api.url``, an "Airflow"
    that answers 200 to a token it issued until the token expires or is revoked, else 401."""

    def __init__(self, lifetime: float = 2.0, answer: Callable[[str, float], dict[str, Any]] | None = None) -> None:
        self.lifetime = lifetime
        self.secret = SECRET
        self.delay = 0.0
        self.answer = answer or (lambda token, lifetime: {"access_token": token, "token_type": "Bearer",
                                                          "expires_in": lifetime})  # fmt: skip
        self.expiry: dict[str, float] = {}
        self.revoked: set[str] = set()
        self.refusals = 0
        self._numbers = itertools.count(1)
        self.token_server = RecordingServer(respond=self._token)
        self.api = RecordingServer(respond=self._api)

    @property
    def token_url(self) -> str:
        return self.token_server.url + "/token"

    def _token(self, request: Recorded) -> Reply:
        if (request.method, request.path) != ("POST", "/token"):
            return Reply(404, {"error": "not_found"})
        form = dict(parse_qsl(request.body.decode()))
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            client_id, secret = unquote_plus(client_id), unquote_plus(secret)
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        if (client_id, secret) != (CLIENT_ID, self.secret):
            return Reply(401, INVALID_CLIENT, headers={"WWW-Authenticate": 'Basic realm="R"'})
        if form.get("grant_type") != "client_credentials":
            return Reply(400, {"error": "unsupported_grant_type"})
        time.sleep(self.delay)
        token = f"at-{next(self._numbers)}-{time.monotonic_ns()}"
        self.expiry[token] = time.monotonic() + self.lifetime
        return Reply(json=self.answer(token, self.lifetime))

    def _api(self, request: Recorded) -> Reply:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token in self.revoked or time.monotonic() >= self.expiry.get(token, 0.0):
            self.refusals += 1
            return Reply(401, {"detail": "Not authenticated"})
        return Reply(json=RUN)

    def tokens_sent(self) -> list[str]:
        return [r.headers["Authorization"] for r in self.api.requests]

    def __enter__(self) -> Issuer:
        self.token_server.__enter__()
        self.api.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.api.__exit__()
        self.token_server.__exit__()


@pytest.fixture
def issuer() -> Iterator[Issuer]:
    with Issuer() as running:
        yield running


def dag_runs(issuer: Issuer, auth: OAuth2ClientCredentials, **options: Any) -> Iterator[DAGRunApi]:
    configuration = Configuration(host=issuer.api.url + "/api/v2", auth=auth, retries=0, **options)
    with ApiClient(configuration) as client:
        yield DAGRunApi(client)


@pytest.fixture
def provider(issuer: Issuer) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, SECRET)


@pytest.fixture
def api(issuer: Issuer, provider: OAuth2ClientCredentials) -> Iterator[DAGRunApi]:
    yield from dag_runs(issuer, provider)


def test_the_token_request_is_the_client_credentials_grant_with_basic_client_auth(issuer: Issuer) -> None:
    auth = OAuth2ClientCredentials(
        issuer.token_url, CLIENT_ID, SECRET, ["airflow.read", "airflow.write"], "https://airflow.example.com"
    )
    for api in dag_runs(issuer, auth):
        assert api.get_dag_run("d", "r").state == "success"
    (asked,) = issuer.token_server.requests
    assert (asked.method, asked.path, asked.query) == ("POST", "/token", [])
    assert asked.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(asked.body.decode(), strict_parsing=True) == [
        ("grant_type", "client_credentials"),
        ("scope", "airflow.read airflow.write"),
        ("audience", "https://airflow.example.com"),
    ]
    pair = f"{quote_plus(CLIENT_ID)}:{quote_plus(SECRET)}".encode()  # airflow-sdk+client:s3cr3t%3Awith%26odd%2Bchars
    assert asked.headers["Authorization"] == "Basic " + base64.b64encode(pair).decode()
    assert issuer.tokens_sent() == [f"Bearer {next(iter(issuer.expiry))}"]


def test_client_auth_post_sends_the_client_in_the_form_and_no_authorization(issuer: Issuer) -> None:
    auth = OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, SECRET, "api://app/.default", client_auth="post")
    for api in dag_runs(issuer, auth):
        api.get_dag_run("d", "r")
    (asked,) = issuer.token_server.requests
    assert "Authorization" not in asked.headers
    assert dict(parse_qsl(asked.body.decode(), strict_parsing=True)) == {
        "grant_type": "client_credentials",
        "scope": "api://app/.default",
        "client_id": CLIENT_ID,
        "client_secret": SECRET,
    }


def test_the_token_is_reused_while_valid_and_renewed_before_it_expires(issuer: Issuer, api: DAGRunApi) -> None:
    for _ in range(5):
        api.get_dag_run("d", "r")
    assert len(issuer.token_server.requests) == 1 and len(set(issuer.tokens_sent())) == 1
    time.sleep(issuer.lifetime * 0.95)  # past the renewal point (a tenth before the end), the token still valid
    api.get_dag_run("d", "r")
    assert len(issuer.token_server.requests) == 2, "renewed before it expired"
    assert issuer.tokens_sent()[-1] != issuer.tokens_sent()[0] and issuer.refusals == 0


def test_eight_threads_over_several_lifetimes_never_send_an_expired_token(issuer: Issuer, api: DAGRunApi) -> None:
    ends = time.monotonic() + issuer.lifetime * 2.3

    def work() -> int:
        calls = 0
        while time.monotonic() < ends:
            api.get_dag_run("d", "r")
            calls += 1
            time.sleep(0.02)
        return calls

    with ThreadPoolExecutor(8) as pool:
        calls = sum(pool.map(lambda _: work(), range(8)))
    assert issuer.refusals == 0  # no 401: renewed before expiry, not after
    assert calls == len(issuer.api.requests) > 40
    assert len(issuer.token_server.requests) == len(set(issuer.tokens_sent())) == 3  # at 0, ~1.8 and ~3.6 s


def test_after_a_401_eight_threads_cause_one_token_request(issuer: Issuer, api: DAGRunApi) -> None:
    issuer.lifetime = 300.0
    api.get_dag_run("d", "r")
    (first,) = issuer.expiry
    issuer.revoked.add(first)  # the server no longer takes it, long before its expires_in
    issuer.delay = 0.3  # a slow token endpoint: the threads pile up behind one token request
    start = threading.Barrier(8)

    def call(_: int) -> str:
        start.wait()
        return str(api.get_dag_run("d", "r").state)

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(call, range(8))) == ["success"] * 8
    assert len(issuer.token_server.requests) == 2
    sent = issuer.tokens_sent()[1:]
    assert sent.count(f"Bearer {first}") == issuer.refusals >= 1  # each 401 was for the revoked token
    assert len(sent) == 8 + issuer.refusals and len(set(sent) - {f"Bearer {first}"}) == 1


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda token, lifetime: {"access_token": token, "expires_in": str(lifetime)}, id="expires_in-str"),
        pytest.param(lambda token, lifetime: {"access_token": jwt_like(token, lifetime)}, id="jwt-exp"),
    ],
)
def test_the_lifetime_comes_from_expires_in_or_else_the_jwt_exp(answer: Callable[[str, float], Any]) -> None:
    with Issuer(answer=answer) as issuer:
        issuer.api.respond = lambda request: Reply(json=RUN)  # any token: only the renewal's timing counts
        for api in dag_runs(issuer, OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, SECRET)):
            api.get_dag_run("d", "r")
            api.get_dag_run("d", "r")
            assert len(issuer.token_server.requests) == 1
            time.sleep(issuer.lifetime * 0.95)
            api.get_dag_run("d", "r")
            assert len(issuer.token_server.requests) == 2


def jwt_like(token: str, lifetime: float) -> str:
    """An unsigned JWT whose ``exp`` is ``lifetime`` seconds after its ``iat`` (the SDK reads, never verifies)."""
    now = int(time.time())
    parts = [{"alg": "none"}, {"sub": token, "iat": now, "exp": now + int(lifetime)}]
    return ".".join(base64.urlsafe_b64encode(json.dumps(p).encode()).decode().rstrip("=") for p in parts) + ".sig"


def test_a_secret_function_is_asked_on_each_token_request(issuer: Issuer) -> None:
    vault = {"secret": SECRET, "reads": 0}

    def read_secret() -> str:
        vault["reads"] += 1
        return str(vault["secret"])

    for api in dag_runs(issuer, OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, read_secret)):
        api.get_dag_run("d", "r")
        api.get_dag_run("d", "r")
        assert vault["reads"] == 1
        issuer.secret = vault["secret"] = "rotated-secret"  # rotated in the IdP and the vault
        issuer.revoked.update(issuer.expiry)  # and the token revoked: the next call gets a 401, then renews
        assert api.get_dag_run("d", "r").state == "success"
        assert vault["reads"] == 2 and len(issuer.token_server.requests) == 2


def test_a_refused_client_raises_unauthorized_naming_the_url_and_the_oauth_error(issuer: Issuer) -> None:
    auth = OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, "wrong-secret-value")
    for api in dag_runs(issuer, auth):
        with pytest.raises(sdk.UnauthorizedException) as refused:
            api.get_dag_run("d", "r")
    text = str(refused.value)
    assert refused.value.status == 401 and refused.value.request == f"POST {issuer.token_url}"
    assert f"the token endpoint {issuer.token_url} refused the client credentials: invalid_client: " in text
    assert INVALID_CLIENT["error_description"] in text and "wrong-secret-value" not in text
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    assert issuer.api.requests == []  # nothing went to the API


@pytest.mark.parametrize(
    ("reply", "kind", "said"),
    [
        (Reply(400, {"error": "invalid_scope", "error_description": "scope nope"}), sdk.UnauthorizedException,
         "invalid_scope: scope nope"),
        (Reply(503, body="<html>down</html>"), sdk.ServiceException, "Service Unavailable"),
        (Reply(404, body="no such realm"), sdk.NotFoundException, "Not Found"),
    ],
)  # fmt: skip
def test_token_endpoint_errors(reply: Reply, kind: type[Exception], said: str) -> None:
    with RecordingServer(default=reply) as endpoint, RecordingServer() as api_server:
        configuration = Configuration(host=api_server.url + "/api/v2", retries=0)
        configuration.auth = OAuth2ClientCredentials(endpoint.url + "/token", CLIENT_ID, SECRET)
        with ApiClient(configuration) as client, pytest.raises(kind) as refused:
            DAGRunApi(client).get_dag_run("d", "r")
    assert type(refused.value) is kind and refused.value.status == reply.status  # type: ignore[attr-defined]
    assert f"token endpoint {endpoint.url}/token refused the client credentials: {said}" in str(refused.value)
    assert api_server.requests == []


@pytest.mark.parametrize(
    ("answer", "kind", "said"),
    [
        ({"token_type": "Bearer", "expires_in": 60}, sdk.ApiException, "holds no access_token"),
        ({"access_token": "abc", "token_type": "mac"}, sdk.ApiValueError, "issued a 'mac' token, not a Bearer"),
        ({"access_token": "a\nb", "token_type": "Bearer"}, sdk.ApiValueError, "not one line of text"),
    ],
)
def test_an_unusable_token_answer_is_refused_unsent(answer: dict[str, Any], kind: type[Exception], said: str) -> None:
    with RecordingServer(default=Reply(json=answer)) as endpoint, RecordingServer() as api_server:
        auth = OAuth2ClientCredentials(endpoint.url + "/token", CLIENT_ID, SECRET)
        configuration = Configuration(host=api_server.url + "/api/v2", auth=auth, retries=0)
        with ApiClient(configuration) as client, pytest.raises(kind, match=said):
            DAGRunApi(client).get_dag_run("d", "r")
    assert api_server.requests == []


def test_the_token_request_uses_the_clients_tls_settings_and_timeout(issuer: Issuer, tmp_path: Any) -> None:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with RecordingServer(tls=context, respond=issuer._token) as tls_endpoint:
        url = tls_endpoint.url + "/token"
        for api in dag_runs(issuer, OAuth2ClientCredentials(url, CLIENT_ID, SECRET)):
            with pytest.raises(sdk.ApiSSLError, match=f"POST {url}: TLS failed"):
                api.get_dag_run("d", "r")  # certifi does not know the local CA
        ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
        auth = OAuth2ClientCredentials(url, CLIENT_ID, SECRET)
        for api in dag_runs(issuer, auth, ssl_ca_cert=str(tmp_path / "ca.pem")):
            assert api.get_dag_run("d", "r").state == "success"
    with RecordingServer(default=Reply(action="hang")) as hung:
        auth = OAuth2ClientCredentials(hung.url + "/token", CLIENT_ID, SECRET)
        for api in dag_runs(issuer, auth, timeout=0.5):
            started = time.monotonic()
            with pytest.raises(sdk.ApiTimeoutError, match=r"POST .*/token: timed out"):
                api.get_dag_run("d", "r")
            assert time.monotonic() - started < 5


def test_secrets_stay_out_of_repr_debug_logs_and_errors(issuer: Issuer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, urllib3's included
    auth = OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, SECRET)
    configuration = Configuration(host=issuer.api.url + "/api/v2", auth=auth, retries=0, debug=True)
    texts = [repr(auth), repr(configuration)]
    with ApiClient(configuration) as client:
        api = DAGRunApi(client)
        api.get_dag_run("d", "r")
        issuer.revoked.update(issuer.expiry)
        issuer.secret = "rotated"  # the renewal after the 401 is refused: an error text to check
        issuer.token_server.respond = lambda request: Reply(401, {"error": "invalid_client", "error_description":
                                                                  f"bad secret {SECRET}"})  # fmt: skip
        with pytest.raises(sdk.UnauthorizedException) as refused:
            api.get_dag_run("d", "r")
        texts.append(str(refused.value) + repr(refused.value) + str(refused.value.body))
    secrets = [SECRET, quote_plus(SECRET), *issuer.expiry]  # the client's secret and every access token
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST" in logged and "/token" in logged  # debug logging really saw the token request
    assert texts[0] == f"OAuth2ClientCredentials({issuer.token_url!r}, {CLIENT_ID!r}, '***')"
    assert "bad secret ***" in texts[-1]
    leaked = [s for s in secrets if s in logged + "\n".join(texts)]
    assert leaked == []


@pytest.mark.parametrize(
    ("args", "kind", "said"),
    [
        (("ftp://idp/token", "c", "s"), sdk.ApiValueError, "token_url must be an http"),
        (("https://idp/token", "", "s"), sdk.ApiValueError, "needs a client_id"),
        (("https://idp/token", "c", None), sdk.ApiTypeError, "client_secret must be"),
        (("https://idp/token", "c", ""), sdk.ApiTypeError, "client_secret must be"),
    ],
)
def test_bad_settings_are_refused_when_made(args: tuple[Any, ...], kind: type[Exception], said: str) -> None:
    with pytest.raises(kind, match=said):
        OAuth2ClientCredentials(*args)
    with pytest.raises(sdk.ApiValueError, match="client_auth must be 'basic' or 'post'"):
        OAuth2ClientCredentials("https://idp/token", "c", "s", client_auth="jwt")  # type: ignore[arg-type]


def test_a_secret_function_returning_nothing_is_refused_unsent(issuer: Issuer) -> None:
    for api in dag_runs(issuer, OAuth2ClientCredentials(issuer.token_url, CLIENT_ID, lambda: None)):  # type: ignore[arg-type,return-value]
        with pytest.raises(sdk.ApiTypeError, match="client_secret function returned no str"):
            api.get_dag_run("d", "r")
    assert issuer.token_server.requests == [] and issuer.api.requests == []
