"""The one credential flow: a provider's headers on every request, one renewal and resend after a 401, and what
the transport does around it (login pages, missing credentials, proxies from the environment), against a
recording server."""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.auth import ApiKey, BasicAuth, BearerToken, RequestInfo, Token, TokenFile, UsernamePassword
from airflow_python_sdk.model.dag_run import DAGRun

from recording_server import Recorded, RecordingServer, Reply

RUN = {"dag_id": "d", "dag_run_id": "r"}
LOGIN_PAGE = '<html><form action="/login" method="post"><input type="password" name="pw"></form></html>'


def _client(server: RecordingServer, api: str = "v1", **options: object) -> ApiClient:
    return ApiClient(Configuration(host=f"{server.url}/api/{api}", retries=0, **options))  # type: ignore[arg-type]


def _jwt(lifetime: float, name: str = "x") -> str:
    now = int(time.time())
    claims = base64.urlsafe_b64encode(json.dumps({"sub": name, "iat": now, "exp": now + lifetime}).encode())
    return f"e30.{claims.decode().rstrip('=')}.sig-{name}"


class Recording:
    """A provider of numbered tokens that records what the transport asked of it."""

    def __init__(self, renewable: bool = True) -> None:
        self.number = 1
        self.renewable = renewable
        self.asked: list[str] = []
        self.rejected: list[Mapping[str, str]] = []

    def headers(self, request: RequestInfo) -> Mapping[str, str]:
        self.asked.append(f"{request.method} {request.url} {request.api_version}")
        return {"Authorization": f"Bearer t{self.number}", "X-Team": "ops"}

    def renew(self, rejected: Mapping[str, str]) -> bool:
        self.rejected.append(dict(rejected))
        self.number += 1
        return self.renewable


# --- the flow --------------------------------------------------------------------------------------------


def test_a_provider_is_asked_for_headers_and_after_a_401_renews_once(server: RecordingServer) -> None:
    provider = Recording()
    server.reply(Reply(json=RUN), Reply(status=401, json={"detail": "expired"}), Reply(json=RUN))
    with _client(server, auth=provider) as client:
        api = DAGRunApi(client)
        api.get_dag_run("d", "r")
        assert api.get_dag_run("d", "r").dag_run_id == "r"
    sent = [(r.headers["Authorization"], r.headers["X-Team"]) for r in server.requests]
    assert sent == [("Bearer t1", "ops"), ("Bearer t1", "ops"), ("Bearer t2", "ops")]
    assert provider.rejected == [{"Authorization": "Bearer t1", "X-Team": "ops"}]
    assert provider.asked[0] == f"GET {server.url}/api/v1/dags/d/dagRuns/r v1"


def test_a_second_401_or_a_provider_with_nothing_new_raises(server: RecordingServer) -> None:
    server.default = Reply(status=401, json={"detail": "no"})
    for renewable, tries in ((True, 2), (False, 1)):
        provider = Recording(renewable)
        before = len(server.requests)
        with _client(server, auth=provider) as client, pytest.raises(sdk.UnauthorizedException):
            DAGRunApi(client).get_dag_run("d", "r")
        assert len(server.requests) - before == tries  # resent once at most
        assert len(provider.rejected) == 1


def test_a_post_rejected_with_401_is_resent_with_its_body(server: RecordingServer) -> None:
    server.reply(Reply(status=401), Reply(json=RUN))
    with _client(server, auth=Recording()) as client:
        DAGRunApi(client).post_dag_run("d", DAGRun(dag_run_id="r"))
    assert [(r.method, r.json(), r.headers["Authorization"]) for r in server.requests] == [
        ("POST", {"dag_run_id": "r"}, "Bearer t1"),
        ("POST", {"dag_run_id": "r"}, "Bearer t2"),
    ]


def test_bearer_token_from_a_function_is_fetched_once_then_again_after_a_401(server: RecordingServer) -> None:
    issued: list[str] = []

    def fresh() -> str:
        issued.append(f"tok{len(issued) + 1}")
        return "Bearer " + issued[-1]  # a leading "Bearer" is not doubled

    server.reply(Reply(json=RUN), Reply(json=RUN), Reply(status=401), Reply(json=RUN))
    with _client(server, "v2", auth=BearerToken(fresh)) as client:
        api = DAGRunApi(client)
        for _ in range(3):
            api.get_dag_run("d", "r")
    assert [r.headers["Authorization"] for r in server.requests] == [
        "Bearer tok1",
        "Bearer tok1",
        "Bearer tok1",
        "Bearer tok2",
    ]


def test_a_jwt_is_renewed_before_its_exp_without_a_401(server: RecordingServer) -> None:
    tokens = iter([_jwt(1, "a"), _jwt(1, "b")])
    server.default = Reply(json=RUN)
    with _client(server, "v2", auth=BearerToken(lambda: next(tokens))) as client:
        api = DAGRunApi(client)
        api.get_dag_run("d", "r")
        time.sleep(1.0)  # past 90% of its lifetime
        api.get_dag_run("d", "r")
    assert [r.headers["Authorization"].rsplit("-", 1)[1] for r in server.requests] == ["a", "b"]


def test_a_function_may_say_how_long_its_token_lasts(server: RecordingServer) -> None:
    numbers = iter(range(1, 10))
    server.default = Reply(json=RUN)
    with _client(server, "v2", auth=BearerToken(lambda: Token(f"n{next(numbers)}", lifetime=0.5))) as client:
        api = DAGRunApi(client)
        api.get_dag_run("d", "r")
        api.get_dag_run("d", "r")
        time.sleep(0.5)
        api.get_dag_run("d", "r")
    assert [r.headers["Authorization"] for r in server.requests] == ["Bearer n1", "Bearer n1", "Bearer n2"]


def test_many_threads_rejected_at_once_cause_one_renewal(server: RecordingServer) -> None:
    calls: list[int] = []
    lock = threading.Lock()

    def fresh() -> str:
        with lock:
            calls.append(1)
            time.sleep(0.05)
            return f"t{len(calls)}"

    def answer(request: Recorded) -> Reply:
        return Reply(json=RUN) if request.headers["Authorization"] != "Bearer t1" else Reply(status=401)

    server.respond = answer
    with _client(server, "v2", auth=BearerToken(fresh)) as client:
        api = DAGRunApi(client)
        threads = [threading.Thread(target=api.get_dag_run, args=("d", "r")) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(calls) == 2  # the first token, and one renewal for all eight threads
    assert sum(r.headers["Authorization"] == "Bearer t2" for r in server.requests) == 8


def test_a_token_file_is_read_again_when_it_changes_and_after_a_401(server: RecordingServer, tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text("first\n")
    server.reply(Reply(json=RUN), Reply(json=RUN), Reply(status=401), Reply(json=RUN))
    with _client(server, "v2", auth=TokenFile(path)) as client:
        api = DAGRunApi(client)
        api.get_dag_run("d", "r")
        path.write_text("second")
        api.get_dag_run("d", "r")
        stat = path.stat()
        path.write_text("third!")  # the same size and, set back, the same time: unchanged to stat
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        api.get_dag_run("d", "r")  # 401 with "second": the file is read again
    assert [r.headers["Authorization"] for r in server.requests] == [
        "Bearer first",
        "Bearer second",
        "Bearer second",
        "Bearer third!",
    ]


def test_a_missing_token_file_is_refused_unsent(server: RecordingServer, tmp_path: Path) -> None:
    with _client(server, "v2", auth=TokenFile(tmp_path / "nope")) as client, pytest.raises(sdk.ApiValueError) as error:
        DAGRunApi(client).get_dag_run("d", "r")
    assert str(tmp_path / "nope") in str(error.value)
    assert server.requests == []


def test_username_and_password_log_in_once_on_airflow_3_and_use_basic_on_airflow_2(server: RecordingServer) -> None:
    issued = _jwt(3600, "jwt")

    def answer(request: Recorded) -> Reply:
        if request.path == "/auth/token":
            return Reply(status=201, json={"access_token": issued})
        return Reply(json=RUN)

    server.respond = answer
    provider = UsernamePassword("admin", "pw")
    for api in ("v2", "v1"):
        with _client(server, api, auth=provider) as client:
            runs = DAGRunApi(client)
            threads = [threading.Thread(target=runs.get_dag_run, args=("d", "r")) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    logins = [r for r in server.requests if r.path == "/auth/token"]
    assert [r.json() for r in logins] == [{"username": "admin", "password": "pw"}]
    v2 = {r.headers["Authorization"] for r in server.requests if r.path.startswith("/api/v2")}
    v1 = {r.headers["Authorization"] for r in server.requests if r.path.startswith("/api/v1")}
    assert v2 == {f"Bearer {issued}"}
    assert v1 == {"Basic " + base64.b64encode(b"admin:pw").decode()}
    assert provider.logins == 1


def test_api_key_headers_go_beside_a_provider(server: RecordingServer) -> None:
    server.default = Reply(json=RUN)
    with _client(server, auth=BasicAuth("u", "p"), api_key={"X-Gateway-Key": "k1"}) as client:
        DAGRunApi(client).get_dag_run("d", "r")
    headers = server.requests[0].headers
    assert headers["X-Gateway-Key"] == "k1" and headers["Authorization"].startswith("Basic ")


# --- missing credentials -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "named"),
    [({"username": "admin"}, ["password", "AIRFLOW_PASSWORD"]), ({"password": "pw"}, ["username", "AIRFLOW_USERNAME"])],
)
def test_half_given_credentials_are_refused_unsent(
    server: RecordingServer, given: dict[str, str], named: list[str]
) -> None:
    with _client(server, "v2", **given) as client, pytest.raises(sdk.ApiValueError) as error:
        DAGRunApi(client).get_dag_run("d", "r")
    assert all(word in str(error.value) for word in named)
    assert server.requests == []


def test_half_given_credentials_in_the_environment_name_the_variable() -> None:
    environ = {"AIRFLOW_API_URL": "http://127.0.0.1:1/api/v1", "AIRFLOW_USERNAME": "admin"}
    with pytest.raises(sdk.ApiValueError, match="AIRFLOW_PASSWORD"):
        Configuration.from_env(environ)


def test_a_401_without_credentials_says_how_to_give_them(server: RecordingServer) -> None:
    server.default = Reply(status=401, json={"detail": "Not authenticated"})
    with _client(server, "v2") as client, pytest.raises(sdk.UnauthorizedException) as error:
        DAGRunApi(client).get_dag_run("d", "r")
    text = str(error.value)
    assert "Not authenticated" in text
    assert all(name in text for name in ("AIRFLOW_USERNAME", "AIRFLOW_API_TOKEN", "AIRFLOW_API_TOKEN_FILE", "auth="))
    assert "Authorization" not in server.requests[0].headers


def test_the_token_file_variable_makes_a_token_file_provider(server: RecordingServer, tmp_path: Path) -> None:
    (tmp_path / "t").write_text("from-file")
    server.default = Reply(json=RUN)
    config = Configuration.from_env(
        {"AIRFLOW_API_URL": server.url + "/api/v2", "AIRFLOW_API_TOKEN_FILE": str(tmp_path / "t")}
    )
    assert isinstance(config.auth, TokenFile)
    with ApiClient(config) as client:
        DAGRunApi(client).get_dag_run("d", "r")
    assert server.requests[0].headers["Authorization"] == "Bearer from-file"


# --- login pages -------------------------------------------------------------------------------------------


def test_a_redirect_to_a_login_page_elsewhere_is_a_401_that_says_what_to_use(server: RecordingServer) -> None:
    with RecordingServer(default=Reply(body=LOGIN_PAGE, headers={"Content-Type": "text/html"})) as sso:
        login = f"{sso.url}/realms/corp/protocol/openid-connect/auth?client_id=airflow&state=s3cr3tstate"
        server.reply(Reply(status=302, headers={"Location": login}))
        with (
            _client(server, auth=ApiKey("X-Api-Key", "key-1a2b"), access_token="tok") as client,
            pytest.raises(sdk.UnauthorizedException) as error,
        ):
            DAGRunApi(client).get_dag_run("d", "r")
        text = str(error.value)
        assert "browser login" in text and sso.url in text and "another origin" in text
        assert "BearerToken" in text and "OAuth2ClientCredentials" in text
        assert "s3cr3tstate" not in text  # the login URL's query is left out
        received = sso.requests[0].headers
        assert "Authorization" not in received and "X-Api-Key" not in received  # no credential went elsewhere


def test_a_login_page_on_the_same_server_is_a_401_and_the_web_ui_is_not(server: RecordingServer) -> None:
    server.reply(
        Reply(body=LOGIN_PAGE, headers={"Content-Type": "text/html; charset=utf-8"}),
        Reply(body="<html><body>Airflow</body></html>", headers={"Content-Type": "text/html"}),
    )
    with _client(server) as client:
        api = DAGRunApi(client)
        with pytest.raises(sdk.UnauthorizedException, match="browser login"):
            api.get_dag_run("d", "r")
        with pytest.raises(sdk.ApiException, match="HTML page") as error:
            api.get_dag_run("d", "r")
        assert not isinstance(error.value, sdk.UnauthorizedException)


# --- proxies -----------------------------------------------------------------------------------------------


def test_the_environments_proxy_is_used_and_no_proxy_bypasses_it(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.default = Reply(json=RUN)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", f"http://user:pr0xy-pw@127.0.0.1:{server.url.rsplit(':', 1)[1]}")
    host = "http://airflow.internal.test:8080/api/v1"  # no such host: only the proxy can answer
    with ApiClient(Configuration(host=host, access_token="tok", retries=0)) as client:
        assert DAGRunApi(client).get_dag_run("d", "r").dag_run_id == "r"
        assert "pr0xy-pw" not in repr(client.configuration) + repr(client)
    proxied = server.requests[0]
    assert proxied.headers["Host"] == "airflow.internal.test:8080" and proxied.path == "/api/v1/dags/d/dagRuns/r"
    received = {k.lower(): v for k, v in proxied.headers.items()}
    assert received["proxy-authorization"] == "Basic " + base64.b64encode(b"user:pr0xy-pw").decode()
    assert proxied.headers["Authorization"] == "Bearer tok"

    monkeypatch.setenv("NO_PROXY", "airflow.internal.test")
    with (
        ApiClient(Configuration(host=host, retries=0, timeout=2)) as client,
        pytest.raises(sdk.ApiConnectionError),  # straight to a host that does not exist
    ):
        DAGRunApi(client).get_dag_run("d", "r")
    with ApiClient(Configuration(host=host, retries=0, timeout=2, trust_env=False)) as client:
        monkeypatch.delenv("NO_PROXY")
        with pytest.raises(sdk.ApiConnectionError):
            DAGRunApi(client).get_dag_run("d", "r")
    assert len(server.requests) == 1


def test_a_proxy_url_urllib3_cannot_use_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
    monkeypatch.delenv("https_proxy", raising=False)
    with pytest.raises(sdk.ApiValueError, match=r"HTTPS_PROXY.*trust_env=False"):
        ApiClient(Configuration(host="https://airflow.test/api/v2"))
    ApiClient(Configuration(host="https://airflow.test/api/v2", trust_env=False)).close()


# --- secrets -----------------------------------------------------------------------------------------------


def test_providers_keep_their_secrets_out_of_repr_logs_and_errors(
    server: RecordingServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    (tmp_path / "t").write_text("file-s3cret")
    providers = [
        BearerToken("fixed-s3cret"),
        BearerToken(lambda: "made-s3cret"),
        TokenFile(tmp_path / "t"),
        ApiKey("X-Key", "key-s3cret"),
        BasicAuth("u", "basic-s3cret"),
        UsernamePassword("u", "pw-s3cret"),
    ]
    server.default = Reply(status=401, json={"detail": "no"})
    texts = []
    for provider in providers:
        config = Configuration(host=server.url + "/api/v1", auth=provider, retries=0, debug=True)
        with ApiClient(config) as client, pytest.raises(sdk.UnauthorizedException) as error:
            DAGRunApi(client).get_dag_run("d", "r")
        texts += [repr(provider), repr(config), repr(client), str(error.value)]
    texts += [r.getMessage() for r in caplog.records]
    joined = "\n".join(texts)
    assert "-> 401" in joined  # debug logging was on
    assert "s3cret" not in joined


def test_a_configuration_copy_shares_its_provider(server: RecordingServer) -> None:
    provider = BearerToken(lambda: "t")
    Configuration.set_default(Configuration(host=server.url + "/api/v1", auth=provider))
    try:
        copied = Configuration.get_default_copy()
    finally:
        Configuration.set_default(None)
    assert copied.auth is provider


def test_credentials_in_the_host_url_are_used_and_never_shown(server: RecordingServer) -> None:
    server.default = Reply(status=404, json={"detail": "no such run"})
    host = server.url.replace("http://", "http://ad%40min:s3cret%3Apw@") + "/api/v1"
    config = Configuration(host=host, retries=0)
    assert (config.username, config.password) == ("ad@min", "s3cret:pw")
    with ApiClient(config) as client, pytest.raises(sdk.NotFoundException) as error:
        DAGRunApi(client).get_dag_run("d", "r")
    assert server.requests[0].headers["Authorization"] == "Basic " + base64.b64encode(b"ad@min:s3cret:pw").decode()
    assert "s3cret" not in repr(config) + repr(client) + str(error.value) + config.host


def test_airflow_3s_403_for_an_invalid_token_renews_and_any_other_403_does_not(server: RecordingServer) -> None:
    provider = Recording()
    server.reply(Reply(status=403, json={"detail": "Invalid JWT token"}), Reply(json=RUN))
    server.reply(Reply(status=403, json={"detail": "Forbidden"}))
    with _client(server, "v2", auth=provider) as client:
        api = DAGRunApi(client)
        assert api.get_dag_run("d", "r").dag_run_id == "r"
        with pytest.raises(sdk.ForbiddenException):
            api.get_dag_run("d", "r")
    assert [r.headers["Authorization"] for r in server.requests] == ["Bearer t1", "Bearer t2", "Bearer t2"]
