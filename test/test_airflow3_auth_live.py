"""Airflow 3 tokens on a real 3.3.2 whose tokens expire after 3 seconds: renewed without the caller noticing,
before they expire (the JWT says when), so no request is refused."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.auth import BearerToken

from airflow_server import AIRFLOW_3_VERSION, AirflowServer, start_airflow

pytestmark = pytest.mark.live
LIFETIME = 3


@pytest.fixture(scope="module")
def short_tokens() -> Iterator[AirflowServer]:
    settings = {"AIRFLOW__API_AUTH__JWT_EXPIRATION_TIME": str(LIFETIME), "AIRFLOW__API_AUTH__JWT_LEEWAY": "0"}
    with start_airflow(AIRFLOW_3_VERSION, extra_env=settings) as running:
        yield running


def _access(server: AirflowServer) -> list[tuple[str, str, str]]:
    """(method, path, status) of every request the server logged (its http.access lines)."""
    lines = server.server_log.read_text(errors="replace")
    return re.findall(r"\[http\.access\].* method=(\w+) path=(\S+) .*status_code=(\d{3})", lines)


def test_a_token_about_to_expire_is_renewed_before_it_is_refused(short_tokens: AirflowServer) -> None:
    configuration = Configuration(host=short_tokens.api_url, username="admin", password="admin")
    with ApiClient(configuration) as client:
        api = DAGRunApi(client)
        assert api.get_dag_runs("sdk_example").total_entries is not None
        time.sleep(LIFETIME + 1.5)
        assert api.get_dag_runs("sdk_example").total_entries is not None  # no exception: renewed
    time.sleep(0.5)  # let the server write its access log
    calls = [(m, p.split("?")[0], s) for m, p, s in _access(short_tokens) if "/dagRuns" in p or p == "/auth/token"]
    assert calls == [
        ("POST", "/auth/token", "201"),
        ("GET", "/api/v2/dags/sdk_example/dagRuns", "200"),
        ("POST", "/auth/token", "201"),  # the token's exp had passed: a new one first, not a 401
        ("GET", "/api/v2/dags/sdk_example/dagRuns", "200"),
    ]


def test_a_token_airflow_calls_invalid_is_renewed(short_tokens: AirflowServer) -> None:
    """3.3.2 answers 403 "Invalid JWT token" (not 401) for a token it did not sign: renewed like an expired one."""
    import json
    import urllib.request

    def login() -> str:
        body = json.dumps({"username": "admin", "password": "admin"}).encode()
        request = urllib.request.Request(
            short_tokens.base_url + "/auth/token", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return str(json.loads(answer.read())["access_token"])

    header, claims, _ = login().split(".")
    tokens = iter([f"{header}.{claims}.c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ", login()])  # the first one's signature is bad
    with ApiClient(Configuration(host=short_tokens.api_url, auth=BearerToken(lambda: next(tokens)))) as client:
        assert DAGRunApi(client).get_dag_runs("sdk_example").total_entries is not None
    time.sleep(0.5)
    statuses = [s for _, p, s in _access(short_tokens) if p.startswith("/api/v2/dags/sdk_example/dagRuns")]
    assert statuses[-2:] == ["403", "200"]
