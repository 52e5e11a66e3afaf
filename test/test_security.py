"""Credentials stay secret; TLS is verified by default; Authorization does not follow a redirect elsewhere."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import pytest
import trustme

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.model.dag_run import DAGRun

from recording_server import RecordingServer, Reply

SECRETS = ("hunter2-password", "tok-9f8e7d-token", "key-1a2b3c-apikey")
RUN = {"dag_id": "d", "dag_run_id": "r"}


def secret_configuration(host: str, **options: object) -> Configuration:
    return Configuration(
        host=host,
        username="admin",
        password=SECRETS[0],
        access_token=SECRETS[1],
        api_key={"X-Api-Key": SECRETS[2]},
        retries=0,
        **options,  # type: ignore[arg-type]
    )


def assert_no_secret(text: str) -> None:
    leaked = [s for s in SECRETS if s in text]
    assert leaked == [], f"leaked {leaked} in {text[:300]!r}"


def test_repr_of_configuration_and_client_hide_credentials(server: RecordingServer) -> None:
    configuration = secret_configuration(server.url + "/api/v1")
    with ApiClient(configuration) as api_client:
        assert_no_secret(repr(configuration) + repr(api_client) + str(vars(api_client)))
    assert "password='***'" in repr(configuration) and "'X-Api-Key': '***'" in repr(configuration)


def test_debug_logs_and_error_texts_hold_no_credentials(
    server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, urllib3's included
    server.reply(
        Reply(json=RUN, headers={"Set-Cookie": f"session={SECRETS[1]}"}),
        Reply(status=401, json={"title": "Unauthorized"}, headers={"Set-Cookie": f"session={SECRETS[1]}"}),
    )
    configuration = secret_configuration(server.url + "/api/v1", debug=True)
    texts = []
    with ApiClient(configuration) as api_client:
        api = DAGRunApi(api_client)
        api.get_dag_run("d", "r")
        with pytest.raises(sdk.UnauthorizedException) as unauthorized:
            api.get_dag_run("d", "r")
        texts.append(str(unauthorized.value))
    with RecordingServer() as gone:
        closed = gone.url
    url_with_password = closed.replace("http://", f"http://admin:{SECRETS[0]}@")
    with ApiClient(secret_configuration(url_with_password, debug=True)) as api_client:
        with pytest.raises(sdk.ApiConnectionError) as refused:
            DAGRunApi(api_client).get_dag_run("d", "r")
        texts.append(str(refused.value))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET " in logged and "-> 200" in logged  # debug logging was really on
    assert server.requests[0].headers["Authorization"] == f"Bearer {SECRETS[1]}"  # and the secrets were really used
    assert_no_secret(logged + "\n".join(texts))


def test_authorization_is_not_sent_to_another_host_on_a_redirect(server: RecordingServer) -> None:
    with RecordingServer(default=Reply(json=RUN)) as elsewhere:
        server.reply(Reply(status=302, headers={"Location": f"{elsewhere.url}/api/v1/dags/d/dagRuns/r"}))
        with ApiClient(secret_configuration(server.url + "/api/v1")) as api_client:
            assert DAGRunApi(api_client).get_dag_run("d", "r").dag_run_id == "r"
        assert "Authorization" in server.requests[0].headers
        followed = elsewhere.requests[0]
        assert followed.path == "/api/v1/dags/d/dagRuns/r"
        assert "Authorization" not in followed.headers
        assert_no_secret(str(followed.headers))


def test_authorization_follows_a_redirect_on_the_same_host(server: RecordingServer) -> None:
    server.reply(Reply(status=307, headers={"Location": "/moved/dags/d/dagRuns/r"}), Reply(json=RUN))
    with ApiClient(secret_configuration(server.url + "/api/v1")) as api_client:
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert server.requests[1].path == "/moved/dags/d/dagRuns/r"
    assert server.requests[1].headers["Authorization"] == f"Bearer {SECRETS[1]}"


def test_a_303_after_a_post_is_followed_by_a_get_without_the_body(server: RecordingServer) -> None:
    server.reply(Reply(status=303, headers={"Location": "/api/v1/dags/d/dagRuns/r"}), Reply(json=RUN))
    with ApiClient(secret_configuration(server.url + "/api/v1")) as api_client:
        run = DAGRunApi(api_client).post_dag_run("d", DAGRun(dag_run_id="r"))
    assert run.dag_run_id == "r"
    posted, fetched = server.requests
    assert (posted.method, posted.json()) == ("POST", {"dag_run_id": "r"})
    assert (fetched.method, fetched.path, fetched.body) == ("GET", "/api/v1/dags/d/dagRuns/r", b"")
    assert "Content-Type" not in fetched.headers and fetched.headers["Authorization"] == f"Bearer {SECRETS[1]}"


def test_redirects_are_followed_at_most_5_times(server: RecordingServer) -> None:
    server.default = Reply(status=302, headers={"Location": "/api/v1/dags/d/dagRuns/r"})
    with (
        ApiClient(secret_configuration(server.url + "/api/v1")) as api_client,
        pytest.raises(sdk.ApiConnectionError, match="redirect"),
    ):
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert len(server.requests) == 6  # the request, then 5 redirects followed


# --- TLS ---------------------------------------------------------------------------------------------------


def test_tls_is_verified_against_certifi_by_default(tls_server: RecordingServer) -> None:
    tls_server.default = Reply(json=RUN)
    with (
        ApiClient(Configuration(host=tls_server.url + "/api/v1", retries=0)) as api_client,
        pytest.raises(sdk.ApiSSLError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert tls_server.requests == []


def test_tls_succeeds_with_the_right_ca_bundle(tls_server: RecordingServer, ca: trustme.CA) -> None:
    tls_server.default = Reply(json=RUN)
    with (
        ca.cert_pem.tempfile() as ca_file,
        ApiClient(Configuration(host=tls_server.url + "/api/v1", ssl_ca_cert=ca_file)) as client,
    ):
        assert DAGRunApi(client).get_dag_run("d", "r").dag_run_id == "r"
    assert tls_server.requests[0].path == "/api/v1/dags/d/dagRuns/r"


def test_turning_verification_off_warns_once(tls_server: RecordingServer) -> None:
    tls_server.default = Reply(json=RUN)
    # a fresh interpreter, so that no earlier test has used up the one warning
    script = textwrap.dedent(f"""
        import warnings
        warnings.simplefilter("always")
        from airflow_python_sdk import ApiClient, Configuration
        from airflow_python_sdk.api.dag_run_api import DAGRunApi
        with warnings.catch_warnings(record=True) as seen:
            for _ in range(2):
                with ApiClient(Configuration(host="{tls_server.url}/api/v1", verify_ssl=False)) as client:
                    for _ in range(3):
                        assert DAGRunApi(client).get_dag_run("d", "r").dag_run_id == "r"
        print(len(seen), seen[0].category.__name__, seen[0].message)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    count, category, message = done.stdout.split(" ", 2)
    assert (count, category) == ("1", "InsecureRequestWarning") and "verify_ssl=False" in message
    assert len(tls_server.requests) == 6
