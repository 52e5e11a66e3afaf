"""Credentials renewed through a long wait on a real Airflow 3.3.2 whose JWTs last 4 seconds, and
OAuth2ClientCredentials end to end on a real 3.3.2 that trusts a local OAuth 2 issuer's RS256 tokens.

Airflow 3.3's ``[api_auth] jwt_expiration_time`` bounds only the tokens of ``/auth/token``; a task's token
for the execution API lasts ``[execution_api] jwt_expiration_time`` (600 s; airflow/executors/base_executor.py
``jwt_generator``), so 4-second API tokens leave the scheduler's task runs alone.

A 3.3 API server trusts another issuer with ``[api_auth] trusted_jwks_url``: its validator then checks every
token against that JWKS only (airflow/api_fastapi/auth/tokens.py ``get_sig_validation_args``): the RS256 key
named by the token's ``kid``, the claims ``exp``, ``iat``, ``nbf``, ``aud`` (``[api_auth] jwt_audience``,
default ``apache-airflow``) and ``iss`` when ``[api_auth] jwt_issuer`` is set; the simple auth manager's
``deserialize_user`` then reads the user from ``sub`` and ``role`` (and ``teams``).
"""

from __future__ import annotations

import base64
import json
import os
import re
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.auth import BearerToken, OAuth2ClientCredentials, TokenFile, UsernamePassword
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.variable import Variable

from airflow_server import ADMIN, AIRFLOW_3_VERSION, AirflowServer, start_airflow
from recording_server import Recorded, RecordingServer, Reply

pytestmark = pytest.mark.live
LIFETIME = 4
DAG = "sdk_auth_long"
ACCESS = re.compile(r"\[http\.access\].* method=(\w+) path=(\S+) .*status_code=(\d{3})")


@pytest.fixture(scope="class")
def short_tokens() -> Iterator[AirflowServer]:
    settings = {"AIRFLOW__API_AUTH__JWT_EXPIRATION_TIME": str(LIFETIME), "AIRFLOW__API_AUTH__JWT_LEEWAY": "0"}
    with start_airflow(AIRFLOW_3_VERSION, scheduler=True, extra_env=settings) as running:
        yield running


def log_mark(server: AirflowServer) -> int:
    return server.server_log.stat().st_size


def access_since(server: AirflowServer, mark: int, run_id: str) -> list[tuple[str, str, str]]:
    """(method, path, status) of the token requests and the requests about ``run_id`` the server logged
    since ``mark``, in order."""
    time.sleep(0.5)  # let the server write its access log
    with open(server.server_log, "rb") as log:
        log.seek(mark)
        text = log.read().decode(errors="replace")
    calls = [(m, p.split("?")[0], s) for m, p, s in ACCESS.findall(text)]
    return [
        c for c in calls if c[1] == "/auth/token" or c[1].endswith(f"/dagRuns/{run_id}") or c[1].endswith("/dagRuns")
    ]


def access_log(server: AirflowServer) -> list[tuple[str, str, str]]:
    """(method, path, status) of every request the server logged."""
    time.sleep(0.5)  # let the server write its access log
    return [(m, p.split("?")[0], s) for m, p, s in ACCESS.findall(server.server_log.read_text(errors="replace"))]


def login(server: AirflowServer) -> str:
    """A fresh token from ``POST /auth/token``, as a user's own code would get one (no SDK involved)."""
    body = json.dumps({"username": ADMIN[0], "password": ADMIN[1]}).encode()
    asked = urllib.request.Request(
        server.base_url + "/auth/token", body, {"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(asked, timeout=30) as answer:
        return str(json.load(answer)["access_token"])


def run_and_wait(server: AirflowServer, auth: Any) -> tuple[DAGRun, str, float]:
    """Trigger a run of ``sdk_auth_long`` with ``auth`` and wait for it; the run, its id and the seconds taken."""
    rid = f"renewal-{uuid.uuid4().hex[:8]}"
    with ApiClient(Configuration(host=server.api_url, auth=auth)) as client:
        api = DAGRunApi(client)
        started = time.monotonic()
        api.post_dag_run(DAG, DAGRun(dag_run_id=rid))
        run = api.wait_for_dag_run(DAG, rid, timeout=300, poll_interval=1, max_poll_interval=2)
    return run, rid, time.monotonic() - started


def assert_every_refusal_renewed(calls: list[tuple[str, str, str]]) -> None:
    """A 401 (a token that expired between the client's check and the server's) is followed by a new token
    and the same request answered."""
    for i, (method, path, status) in enumerate(calls):
        if status == "401":
            assert calls[i + 1 : i + 3] == [("POST", "/auth/token", "201"), (method, path, "200")], calls[i - 2 : i + 3]


class TestRenewalThroughALongWait:
    """On a 3.3.2 (with its scheduler) whose API tokens last 4 seconds."""

    def test_a_bearer_token_function_renews_through_a_40_second_wait(self, short_tokens: AirflowServer) -> None:
        asked: list[str] = []

        def fresh_token() -> str:
            asked.append(login(short_tokens))
            return asked[-1]

        mark = log_mark(short_tokens)
        run, rid, took = run_and_wait(short_tokens, BearerToken(fresh_token))
        assert run.state is DagState.SUCCESS and run.dag_run_id == rid  # the scheduler ran it with 4-second API tokens
        assert took > 8 * LIFETIME  # the wait outlived eight of the server's tokens
        calls = access_since(short_tokens, mark, rid)
        tokens = [c for c in calls if c[1] == "/auth/token"]
        polls = [c for c in calls if c[1].endswith(rid)]
        assert tokens == [("POST", "/auth/token", "201")] * len(asked) and len(asked) >= took / (2 * LIFETIME)
        assert len(set(asked)) == len(asked)
        assert_every_refusal_renewed(calls)
        after_expiry = calls[calls.index(tokens[0]) + 1 :]
        assert sum(c[2] == "200" for c in after_expiry if c[1].endswith(rid)) >= took / 3  # polled on, 2 s apart
        assert polls[-1][2] == "200"
        print(f"waited {took:.0f} s: {len(asked)} tokens, {len(polls)} polls, {sum(c[2] == '401' for c in calls)} 401s")

    def test_a_token_file_rewritten_every_2_seconds_carries_a_40_second_wait(
        self, short_tokens: AirflowServer, tmp_path: Path
    ) -> None:
        path = tmp_path / "airflow-token"
        written: list[str] = []
        done = threading.Event()

        def agent() -> None:  # what a Vault agent's sink does: a fresh token, written whole, every 2 seconds
            while not done.is_set():
                token = login(short_tokens)
                (tmp_path / "token.tmp").write_text(token + "\n")
                os.replace(tmp_path / "token.tmp", path)
                written.append(token)
                done.wait(2)

        mark = log_mark(short_tokens)
        writer = threading.Thread(target=agent, daemon=True)
        writer.start()
        try:
            while not written:
                time.sleep(0.05)
            run, rid, took = run_and_wait(short_tokens, TokenFile(path))
        finally:
            done.set()
            writer.join(timeout=35)
        assert run.state is DagState.SUCCESS and took > 8 * LIFETIME
        calls = access_since(short_tokens, mark, rid)
        polls = [c for c in calls if c[1].endswith(rid)]
        assert [c for c in calls if c[1] == "/auth/token"] == [("POST", "/auth/token", "201")] * len(written)
        assert len(written) >= took / 3 and len(set(written)) == len(written)
        assert sum(c[2] == "200" for c in polls) >= took / 3 and polls[-1][2] == "200"
        assert sum(c[2] == "401" for c in polls) <= 2  # the file's token is at most ~2 s old: rarely, if ever, stale
        print(f"waited {took:.0f} s: {len(written)} tokens written, {len(polls)} polls")


# --- OAuth 2 client credentials from a local issuer that a real Airflow 3.3.2 trusts -------------------------

REALM = "/realms/sdk/protocol/openid-connect"
AUDIENCE = "airflow-api"
CLIENTS = {"sdk-admin": ("admin-s3cret-1", "admin"), "sdk-viewer": ("viewer-s3cret-2", "viewer")}


class LocalIssuer:
    """A Keycloak-shaped OAuth 2 issuer on 127.0.0.1: ``GET {REALM}/certs`` serves its JWKS (one RS256 key),
    ``POST {REALM}/token`` the client-credentials grant, signing a JWT with ``sub`` (the client), ``role``
    (what Airflow's simple auth manager reads), ``iss``, ``aud``, ``iat``, ``nbf``, ``exp`` and ``jti``."""

    def __init__(self, lifetime: int = LIFETIME) -> None:
        self.lifetime = lifetime
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = uuid.uuid4().hex
        self.issued: list[dict[str, Any]] = []
        self.server = RecordingServer(respond=self._answer)

    @property
    def issuer(self) -> str:
        return self.server.url + "/realms/sdk"

    @property
    def token_url(self) -> str:
        return self.server.url + REALM + "/token"

    def jwks(self) -> dict[str, Any]:
        key = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**key, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def sign(self, claims: dict[str, Any], key: Any = None) -> str:
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def claims(self, subject: str, role: str) -> dict[str, Any]:
        now = int(time.time())
        return {"iss": self.issuer, "aud": AUDIENCE, "sub": subject, "role": role,
                "iat": now, "nbf": now, "exp": now + self.lifetime, "jti": uuid.uuid4().hex}  # fmt: skip

    def _answer(self, request: Recorded) -> Reply:
        if (request.method, request.path) == ("GET", REALM + "/certs"):
            return Reply(json=self.jwks())
        if (request.method, request.path) != ("POST", REALM + "/token"):
            return Reply(404, {"error": "not_found"})
        form = dict(parse_qsl(request.body.decode()))
        client, _, secret = base64.b64decode(request.headers.get("Authorization", "")[6:]).decode().partition(":")
        if form.get("grant_type") != "client_credentials" or CLIENTS.get(client, ("",))[0] != secret:
            return Reply(401, {"error": "invalid_client", "error_description": "Invalid client credentials"})
        claims = self.claims(client, CLIENTS[client][1])
        self.issued.append(claims)
        token = self.sign(claims)
        return Reply(json={"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime})

    def token_requests(self) -> list[Recorded]:
        return [r for r in self.server.requests if r.path.endswith("/token")]


FORGERIES: dict[str, Callable[[LocalIssuer, dict[str, Any]], str]] = {
    "other-key": lambda issuer, claims: issuer.sign(claims, rsa.generate_private_key(65537, 2048)),
    "other-audience": lambda issuer, claims: issuer.sign({**claims, "aud": "someone-else"}),
    "other-issuer": lambda issuer, claims: issuer.sign({**claims, "iss": "https://evil.example"}),
    "no-role": lambda issuer, claims: issuer.sign({k: v for k, v in claims.items() if k != "role"}),
    "expired": lambda issuer, claims: issuer.sign({**claims, "exp": claims["iat"] - 1}),
}
"""Tokens Airflow must refuse, made from good claims."""


@pytest.fixture(scope="class")
def issuer() -> Iterator[LocalIssuer]:
    local = LocalIssuer()
    with local.server:
        yield local


@pytest.fixture(scope="class")
def trusting(issuer: LocalIssuer) -> Iterator[AirflowServer]:
    """A real 3.3.2 API server that trusts only the local issuer's tokens."""
    settings = {
        "AIRFLOW__API_AUTH__TRUSTED_JWKS_URL": issuer.server.url + REALM + "/certs",
        "AIRFLOW__API_AUTH__JWT_ISSUER": issuer.issuer,
        "AIRFLOW__API_AUTH__JWT_AUDIENCE": AUDIENCE,
        "AIRFLOW__API_AUTH__JWT_LEEWAY": "0",
    }
    with start_airflow(AIRFLOW_3_VERSION, extra_env=settings) as running:
        yield running


def variables(server: AirflowServer, auth: Any) -> Iterator[VariableApi]:
    with ApiClient(Configuration(host=server.api_url, auth=auth)) as client:
        yield VariableApi(client)


class TestTrustedIssuer:
    """On a 3.3.2 API server that trusts the local issuer."""

    def test_oauth2_client_credentials_on_a_real_airflow_trusting_the_issuer(
        self, trusting: AirflowServer, issuer: LocalIssuer
    ) -> None:
        auth = OAuth2ClientCredentials(issuer.token_url, "sdk-admin", lambda: CLIENTS["sdk-admin"][0], "airflow")
        before = len(issuer.token_requests())
        key = f"sdk-oauth2-{uuid.uuid4().hex[:8]}"
        for api in variables(trusting, auth):
            api.post_variables(Variable(key=key, value="from a service account"))
            ends = time.monotonic() + 3 * LIFETIME
            reads = 0
            while time.monotonic() < ends:  # across three of the issuer's 4-second tokens
                assert api.get_variable(key).value == "from a service account"
                reads += 1
                time.sleep(0.5)
            api.delete_variable(key)
        asked = issuer.token_requests()[before:]
        assert 3 <= len(asked) == auth.fetches <= 6 and reads >= 15  # renewed about every 3.6 s
        assert dict(parse_qsl(asked[0].body.decode())) == {"grant_type": "client_credentials", "scope": "airflow"}
        assert asked[0].headers["Authorization"] == "Basic " + base64.b64encode(b"sdk-admin:admin-s3cret-1").decode()
        calls = [call for call in access_log(trusting) if key in call[1]]
        assert calls[-1] == ("DELETE", f"/api/v2/variables/{key}", "204")
        assert [c for c in calls if c[0] == "GET" and c[2] != "200"] == [c for c in calls if c[2] == "401"]

    def test_the_role_claim_is_what_airflow_authorizes(self, trusting: AirflowServer, issuer: LocalIssuer) -> None:
        auth = OAuth2ClientCredentials(issuer.token_url, "sdk-viewer", CLIENTS["sdk-viewer"][0])
        with ApiClient(Configuration(host=trusting.api_url, auth=auth)) as client:
            assert DAGApi(client).get_dags(dag_id_pattern=DAG).total_entries == 1  # a viewer reads DAGs
            with pytest.raises(sdk.ForbiddenException, match="Problem: Forbidden"):  # but not variables (op and up)
                VariableApi(client).get_variables()
        assert issuer.issued[-1]["sub"] == "sdk-viewer" and issuer.issued[-1]["role"] == "viewer"

    @pytest.mark.parametrize("forgery", list(FORGERIES))
    def test_airflow_really_checks_the_issuers_tokens(
        self, trusting: AirflowServer, issuer: LocalIssuer, forgery: str
    ) -> None:
        good = issuer.sign(issuer.claims("sdk-admin", "admin"))
        for api in variables(trusting, BearerToken(good)):
            assert api.get_variables().total_entries is not None  # the genuine token is taken...
        for api in variables(trusting, BearerToken(FORGERIES[forgery](issuer, issuer.claims("sdk-admin", "admin")))):
            with pytest.raises(sdk.ApiException) as refused:  # ...a forged or expired one is not
                api.get_variables()
        # 3.3.2 answers 401 only to an expired token; any other invalid one gets 403 (core_api/security.py)
        expired = refused.value.status == 401 and refused.value.detail == "Token Expired"
        assert expired or (refused.value.status == 403 and refused.value.detail == "Invalid JWT token")
        assert expired == (forgery == "expired")

    def test_airflow_trusting_an_issuer_refuses_its_own_logins(self, trusting: AirflowServer) -> None:
        """The validator checks the JWKS only: /auth/token still signs HS512 tokens that its API then refuses."""
        for api in variables(trusting, UsernamePassword(*ADMIN)):
            with pytest.raises(sdk.ForbiddenException) as refused:
                api.get_variables()
        assert refused.value.detail == "Invalid JWT token"
        assert ("POST", "/auth/token", "201") in access_log(trusting)
