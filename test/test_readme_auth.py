"""Each block of README's "Managed Airflow and SSO" runs as written against local endpoints shaped like the service:
its example hosts point at a recording Airflow and a token endpoint on 127.0.0.1, boto3's real MWAA calls go to a
local MWAA endpoint, google-auth's real token request to a local token URI. Each test checks what Airflow received."""

from __future__ import annotations

import base64
import os
import re
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
import trustme

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi

from recording_server import Recorded, RecordingServer, Reply
from test_auth_google import TokenService, key_info
from test_auth_mwaa import ENV, REGION, FakeMwaa, FakeWebServer, mwaa  # noqa: F401 - the fixture

README = Path(__file__).resolve().parents[1] / "README.md"
RUNS = {"dag_runs": [], "total_entries": 0}


def blocks() -> dict[str, str]:
    """The section's python blocks by their subsection's title."""
    text = README.read_text()
    section = text.split("## Managed Airflow and SSO", 1)[1].split("\n## ", 1)[0]
    found = {}
    for part in section.split("\n### ")[1:]:
        code = re.search(r"```python\n(.*?)```", part, re.S)
        if code:
            found[part.split("\n", 1)[0]] = code[1]
    return found


BLOCKS = blocks()


def block(start: str) -> str:
    (title,) = [t for t in BLOCKS if t.startswith(start)]
    return BLOCKS[title]


def run(code: str, replace: dict[str, str], **names: Any) -> Configuration:
    """Run a block with its example hosts and paths replaced; its ``configuration``."""
    for example, local in replace.items():
        assert example in code, f"the README block no longer names {example}"
        code = code.replace(example, local)
    namespace: dict[str, Any] = {"Configuration": Configuration, "os": os, **names}
    exec(compile(code, str(README), "exec"), namespace)
    configuration: Configuration = namespace["configuration"]
    configuration.retries = 0
    return configuration


def test_every_deployment_of_the_section_has_a_block_and_a_test() -> None:
    tested = ["Astronomer", "A token from your own code", "A token file", "Keycloak", "Amazon MWAA",
              "Google Cloud Composer", "Behind a reverse proxy"]  # fmt: skip
    assert sorted(BLOCKS) == sorted(t for t in BLOCKS if any(t.startswith(name) for name in tested))
    assert len(BLOCKS) == len(tested)


@pytest.fixture
def airflow_api() -> Any:
    with RecordingServer(default=Reply(json=RUNS)) as server:
        yield server


def test_astronomer(airflow_api: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASTRO_API_TOKEN", "astro-token")
    configuration = run(block("Astronomer"), {"https://airflow.example.com": airflow_api.url})
    with ApiClient(configuration) as client:
        DAGRunApi(client).get_dag_runs("~")
    assert airflow_api.requests[0].headers["Authorization"] == "Bearer astro-token"
    assert airflow_api.requests[0].path == "/api/v2/dags/~/dagRuns"


def test_a_token_function(airflow_api: RecordingServer) -> None:
    made: list[str] = []
    configuration = run(block("A token from your own code"), {"https://airflow.example.com": airflow_api.url},
                        vault_token=lambda: made.append("v") or f"vault-{len(made)}")  # fmt: skip
    airflow_api.reply(Reply(json=RUNS), Reply(status=401), Reply(json=RUNS))
    with ApiClient(configuration) as client:
        DAGRunApi(client).get_dag_runs("~")
        DAGRunApi(client).get_dag_runs("~")
    assert [r.headers["Authorization"] for r in airflow_api.requests] == ["Bearer vault-1"] * 2 + ["Bearer vault-2"]


def test_a_token_file(airflow_api: RecordingServer, tmp_path: Path) -> None:
    (tmp_path / "token").write_text("k8s-token\n")
    configuration = run(block("A token file"), {"https://airflow.example.com": airflow_api.url,
                                                "/var/run/secrets/airflow/token": str(tmp_path / "token")})  # fmt: skip
    with ApiClient(configuration) as client:
        DAGRunApi(client).get_dag_runs("~")
    assert airflow_api.requests[0].headers["Authorization"] == "Bearer k8s-token"


def test_keycloak(airflow_api: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KC_SECRET", "kc-secret")

    def issue(request: Recorded) -> Reply:
        return Reply(json={"access_token": f"kc-{len(keycloak.requests)}", "expires_in": 300, "token_type": "Bearer"})

    with RecordingServer(respond=issue) as keycloak:
        configuration = run(block("Keycloak"), {"https://airflow.example.com": airflow_api.url,
                                                "https://keycloak.example.com": keycloak.url})  # fmt: skip
        with ApiClient(configuration) as client:
            DAGRunApi(client).get_dag_runs("~")
            DAGRunApi(client).get_dag_runs("~")
    (grant,) = keycloak.requests
    assert grant.path == "/realms/corp/protocol/openid-connect/token"
    assert dict(parse_qsl(grant.body.decode())) == {"grant_type": "client_credentials"}
    assert grant.headers["Authorization"] == "Basic " + base64.b64encode(b"airflow-bot:kc-secret").decode()
    assert {r.headers["Authorization"] for r in airflow_api.requests} == {"Bearer kc-1"}


@pytest.mark.parametrize(("version", "api"), [("2.10.3", "v1"), ("3.0.6", "v2")])
def test_amazon_mwaa(
    mwaa: tuple[FakeMwaa, RecordingServer], ca: trustme.CA, tmp_path: Path, version: str, api: str  # noqa: F811
) -> None:
    fake, endpoint = mwaa
    web = FakeWebServer(fake, int(version[0]))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    with RecordingServer(tls=context, respond=web.respond) as server:
        fake.hostname, fake.airflow_version = server.url.removeprefix("https://"), version
        code = block("Amazon MWAA").replace('"my-environment", "eu-west-1"', f'"{ENV}", "{REGION}"')
        configuration = run(code, {})
        configuration.ssl_ca_cert = str(tmp_path / "ca.pem")  # the local web server's private CA
        with ApiClient(configuration) as client:
            assert MonitoringApi(client).get_version().version == version
    assert configuration.host == f"{server.url}/api/{api}"
    assert [r.path for r in server.requests] == [web.login_path, f"/api/{api}/version"]
    assert [(r.method, r.path) for r in endpoint.requests] == [("GET", f"/environments/{ENV}"),
                                                                ("POST", f"/webtoken/{ENV}")]  # fmt: skip


def test_google_cloud_composer(airflow_api: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    google = TokenService()
    with google.server:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (tmp_path / "key.json").write_text(__import__("json").dumps(key_info(key, google.server.url + "/token")))
        monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "key.json"))
        configuration = run(block("Google Cloud Composer"), {}, airflow_uri=airflow_api.url)
        with ApiClient(configuration) as client:
            DAGRunApi(client).get_dag_runs("~")
    assert dict(parse_qsl(google.server.requests[0].body.decode()))["grant_type"].endswith("jwt-bearer")
    assert airflow_api.requests[0].headers["Authorization"] == f"Bearer {google.issued[0]}"


def test_a_reverse_proxy_with_a_path_prefix(airflow_api: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRFLOW_PASSWORD", "pw")
    monkeypatch.setenv("GATEWAY_KEY", "gw-key")
    airflow_api.reply(Reply(status=201, json={"access_token": "jwt-1"}))
    configuration = run(block("Behind a reverse proxy"), {"https://tools.example.com": airflow_api.url})
    with ApiClient(configuration) as client:
        DAGRunApi(client).get_dag_runs("~")
    login, listed = airflow_api.requests
    assert (login.path, login.json()) == ("/airflow/auth/token", {"username": "admin", "password": "pw"})
    assert listed.path == "/airflow/api/v2/dags/~/dagRuns"
    assert (listed.headers["Authorization"], listed.headers["X-Gateway-Key"]) == ("Bearer jwt-1", "gw-key")
    assert login.headers["X-Gateway-Key"] == "gw-key"  # the gateway lets the login through too


def test_the_readmes_profiles_file_reads_and_its_token_profile_is_used(
    airflow_api: RecordingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from airflow_python_sdk.profiles import load_profiles

    section = README.read_text().split("## Profiles", 1)[1].split("\n## ", 1)[0]
    ini = re.search(r"```ini\n(.*?)```", section, re.S)
    assert ini is not None
    path = tmp_path / "config.ini"
    path.write_text(ini[1].replace("https://staging.example.com", airflow_api.url))
    path.chmod(0o600)
    assert {name: p.auth for name, p in load_profiles(path).items()} == {"prod": "password", "staging": "token"}
    monkeypatch.setenv("STAGING_AIRFLOW_TOKEN", "staging-token")
    configuration = Configuration.from_profile("staging", path, retries=0)
    assert configuration.timeout == (10.0, 60.0)
    with ApiClient(configuration) as client:
        DAGRunApi(client).get_dag_runs("~")
    assert airflow_api.requests[0].headers["Authorization"] == "Bearer staging-token"
