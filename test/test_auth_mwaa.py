"""MwaaAuth against the real boto3 and local servers shaped like MWAA's.

boto3 is driven for real (its credential chain, SigV4 signing, rest-json parsing and errors): the environment
points its ``mwaa`` endpoint (``AWS_ENDPOINT_URL_MWAA``) at a local server answering ``CreateWebLoginToken``
and ``GetEnvironment`` as botocore's service model for ``mwaa`` (2020-07-01) shapes them. A second local
server plays the environment's web server, in the shape of each Airflow generation on MWAA: Airflow 2 takes
the web token at ``POST /aws_mwaa/login`` and sets a ``session`` cookie that ``/api/v1`` asks for; Airflow 3
takes it at ``POST /pluginsv2/aws_mwaa/login`` and sets the ``_token`` cookie, a JWT ``/api/v2`` wants as a
Bearer. Web tokens are single-use and the web server only takes tokens the MWAA endpoint issued.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import ssl
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import trustme

from airflow_python_sdk import ApiClient, ApiValueError, Configuration, UnauthorizedException
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.auth import MwaaAuth, RequestInfo
from airflow_python_sdk.exceptions import ApiException
from airflow_python_sdk.rest import RESTClientObject

from recording_server import Recorded, RecordingServer, Reply

ENV = "my-environment"
REGION = "eu-west-1"
ACCESS_KEY = "AKIDMWAATESTEXAMPLE"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class FakeMwaa:
    """MWAA's control plane: ``CreateWebLoginToken`` (``POST /webtoken/{Name}``) and ``GetEnvironment``
    (``GET /environments/{Name}``), rest-json, answers and errors as the service model shapes them."""

    def __init__(self) -> None:
        self.issued: list[str] = []
        self.lock = threading.Lock()
        self.hostname = ""
        self.airflow_version = "2.10.3"
        self.error: tuple[int, str, str] | None = None  # status, error code, message

    def respond(self, request: Recorded) -> Reply:
        if self.error is not None:
            status, code, message = self.error
            key = "Message" if code == "AccessDeniedException" else "message"  # as the model's shapes spell it
            return Reply(status, json={key: message}, headers={"x-amzn-ErrorType": f"{code}:http://internal"})
        if request.method == "POST" and request.path == f"/webtoken/{ENV}":
            with self.lock:
                token = f"wt-{len(self.issued)}-{secrets.token_urlsafe(24)}"
                self.issued.append(token)
            return Reply(
                json={
                    "WebToken": token,
                    "WebServerHostname": self.hostname,
                    "IamIdentity": "assumed-role/Admin/tester",
                    "AirflowIdentity": "assumed-role/Admin/tester",
                }
            )
        if request.method == "GET" and request.path == f"/environments/{ENV}":
            return Reply(
                json={
                    "Environment": {
                        "Name": ENV,
                        "Arn": f"arn:aws:airflow:{REGION}:123456789012:environment/{ENV}",
                        "AirflowVersion": self.airflow_version,
                        "Status": "AVAILABLE",
                        "WebserverUrl": self.hostname,
                        "WebserverAccessMode": "PUBLIC_ONLY",
                    }
                }
            )
        return Reply(404, json={"message": f"no route {request.method} {request.path}"})


class FakeWebServer:
    """An MWAA web server of one Airflow generation: the login taking web tokens ``mwaa`` issued (once
    each), the API answering only with the session it handed out; ``end_sessions()`` ends them all."""

    def __init__(self, mwaa: FakeMwaa, generation: int, redirect: bool = False) -> None:
        self.mwaa, self.generation, self.redirect = mwaa, generation, redirect
        self.login_path = "/aws_mwaa/login" if generation == 2 else "/pluginsv2/aws_mwaa/login"
        self.api = "/api/v1" if generation == 2 else "/api/v2"
        self.lock = threading.Lock()
        self.used: set[str] = set()
        self.live: set[str] = set()
        self.handed_out: list[str] = []
        self.logins = 0

    def end_sessions(self) -> None:
        with self.lock:
            self.live.clear()

    def _credential(self) -> str:
        if self.generation == 2:
            return secrets.token_urlsafe(32)
        now = int(time.time())
        claims = {"sub": "assumed-role/Admin/tester", "iat": now, "exp": now + 3600, "aud": "apache-airflow"}
        return f"{_b64({'alg': 'HS512', 'typ': 'JWT'})}.{_b64(claims)}.{secrets.token_urlsafe(32)}"

    def respond(self, request: Recorded) -> Reply:
        if request.method == "POST" and request.path == self.login_path:
            token = parse_qs(request.body.decode()).get("token", [""])[0]
            with self.lock:
                if token not in self.mwaa.issued or token in self.used:
                    return Reply(401, body="<html>Invalid token</html>", headers={"Content-Type": "text/html"})
                self.used.add(token)
                self.logins += 1
                value = self._credential()
                self.live.add(value)
                self.handed_out.append(value)
            name = "session" if self.generation == 2 else "_token"
            cookie = f"{name}={value}; Path=/; Secure; HttpOnly; SameSite=Lax"
            if self.redirect:
                return Reply(302, body="", headers={"Location": "/home", "Set-Cookie": cookie})
            return Reply(
                200, body="<html>Redirecting</html>", headers={"Content-Type": "text/html", "Set-Cookie": cookie}
            )
        if request.path.startswith(self.api + "/"):
            if self.generation == 2:
                cookie = request.headers.get("Cookie", "")
                sent = cookie.removeprefix("session=") if cookie.startswith("session=") else None
            else:
                auth = request.headers.get("Authorization", "")
                sent = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
            with self.lock:
                ok = sent in self.live
            if not ok:
                return Reply(401, json={"title": "Unauthorized", "status": 401, "detail": "No session"})
            if request.path == self.api + "/version":
                return Reply(json={"version": self.mwaa.airflow_version, "git_version": None})
            return Reply(404, json={"detail": "Not Found"})
        return Reply(405, body="Method Not Allowed", headers={"Content-Type": "text/plain"})


@pytest.fixture
def mwaa(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[tuple[FakeMwaa, RecordingServer]]:
    """The MWAA endpoint, with boto3 pointed at it and given dummy credentials, by the environment only."""
    fake = FakeMwaa()
    with RecordingServer(respond=fake.respond) as endpoint:
        for name in (
            "AWS_REGION",
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_ROLE_ARN",
        ):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
        monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
        monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYMWAATESTKEY")
        monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)  # boto3 reads this one, not AWS_REGION
        monkeypatch.setenv("AWS_ENDPOINT_URL_MWAA", endpoint.url)
        monkeypatch.setenv("AWS_DISABLE_HOST_PREFIX_INJECTION", "true")  # else env./api. before 127.0.0.1
        yield fake, endpoint


def web_server(fake: FakeMwaa, generation: int, redirect: bool = False) -> tuple[FakeWebServer, RecordingServer]:
    web = FakeWebServer(fake, generation, redirect)
    server = RecordingServer(respond=web.respond)
    fake.hostname = server.url.removeprefix("http://")
    fake.airflow_version = "2.10.3" if generation == 2 else "3.0.6"
    return web, server


@pytest.mark.parametrize("generation", [2, 3])
def test_full_exchange(mwaa: tuple[FakeMwaa, RecordingServer], generation: int) -> None:
    fake, endpoint = mwaa
    web, server = web_server(fake, generation)
    with server:
        auth = MwaaAuth(ENV)
        configuration = Configuration(host=server.url + web.api, auth=auth, retries=0)
        with ApiClient(configuration) as client:
            for _ in range(3):
                assert MonitoringApi(client).get_version().version == fake.airflow_version

    # boto3 asked MWAA once, signed with the environment's credentials for the "airflow" signing name
    (asked,) = endpoint.requests
    assert (asked.method, asked.path, asked.body) == ("POST", f"/webtoken/{ENV}", b"")
    signature = asked.headers["Authorization"]
    assert signature.startswith(f"AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/")
    assert f"/{REGION}/airflow/aws4_request," in signature
    assert "X-Amz-Date" in asked.headers
    # the web token went to the login as the form field "token", once; the API calls carried the session
    login, *calls = server.requests
    assert (login.method, login.path) == ("POST", web.login_path)
    assert login.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(login.body.decode()) == {"token": [fake.issued[0]]}
    assert "Cookie" not in login.headers and "Authorization" not in login.headers
    assert [c.path for c in calls] == [web.api + "/version"] * 3
    (session,) = web.handed_out
    for call in calls:
        if generation == 2:
            assert call.headers["Cookie"] == f"session={session}" and "Authorization" not in call.headers
        else:
            assert call.headers["Authorization"] == f"Bearer {session}" and "Cookie" not in call.headers
    assert auth.logins == 1


@pytest.mark.parametrize("generation", [2, 3])
def test_a_session_that_ended_is_renewed_once(mwaa: tuple[FakeMwaa, RecordingServer], generation: int) -> None:
    fake, endpoint = mwaa
    web, server = web_server(fake, generation)
    with server:
        auth = MwaaAuth(ENV)
        with ApiClient(Configuration(host=server.url + web.api, auth=auth, retries=0)) as client:
            MonitoringApi(client).get_version()
            web.end_sessions()
            assert MonitoringApi(client).get_version().version == fake.airflow_version
    # 401 -> exactly one new web token and one login, then the resend succeeded with the new session
    assert len(fake.issued) == 2 and len(endpoint.requests) == 2 and web.logins == 2 and auth.logins == 2
    statuses = [(r.method, r.path) for r in server.requests]
    assert statuses == [
        ("POST", web.login_path),
        ("GET", web.api + "/version"),
        ("GET", web.api + "/version"),
        ("POST", web.login_path),
        ("GET", web.api + "/version"),
    ]
    assert parse_qs(server.requests[3].body.decode()) == {"token": [fake.issued[1]]}
    last = server.requests[-1].headers
    assert web.handed_out[1] in (last.get("Cookie", "") + last.get("Authorization", ""))


@pytest.mark.parametrize("generation", [2, 3])
def test_eight_threads_cause_one_login_and_one_relogin(mwaa: tuple[FakeMwaa, RecordingServer], generation: int) -> None:
    fake, _ = mwaa
    web, server = web_server(fake, generation)
    with server:
        auth = MwaaAuth(ENV)
        configuration = Configuration(host=server.url + web.api, auth=auth, retries=0, connection_pool_maxsize=8)
        with ApiClient(configuration) as client, ThreadPoolExecutor(8) as pool:
            barrier = threading.Barrier(8)

            def call(_: int) -> str:
                barrier.wait()
                return MonitoringApi(client).get_version().version

            assert list(pool.map(call, range(8))) == [fake.airflow_version] * 8
            assert web.logins == 1
            web.end_sessions()
            assert list(pool.map(call, range(8))) == [fake.airflow_version] * 8
    assert web.logins == 2 and len(fake.issued) == 2 and auth.logins == 2


@pytest.mark.parametrize(("version", "api"), [("2.10.3", "v1"), ("3.0.6", "v2")])
def test_configuration_finds_the_web_server_and_api(
    mwaa: tuple[FakeMwaa, RecordingServer], ca: trustme.CA, tmp_path: Path, version: str, api: str
) -> None:
    """GetEnvironment's WebserverUrl is a host name (https, as MWAA serves it); its AirflowVersion picks the API."""
    fake, endpoint = mwaa
    web = FakeWebServer(fake, int(version[0]))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with RecordingServer(tls=context, respond=web.respond) as server:
        fake.hostname, fake.airflow_version = server.url.removeprefix("https://"), version
        configuration = MwaaAuth.configuration(ENV, REGION, ssl_ca_cert=str(ca_file), retries=0)
        assert configuration.host == f"{server.url}/api/{api}" and configuration.airflow_version == version
        assert isinstance(configuration.auth, MwaaAuth) and configuration.ssl_ca_cert == str(ca_file)
        with ApiClient(configuration) as client:
            assert MonitoringApi(client).get_version().version == version
    asked = [(r.method, r.path) for r in endpoint.requests]
    assert asked == [("GET", f"/environments/{ENV}"), ("POST", f"/webtoken/{ENV}")]
    assert f"/{REGION}/airflow/aws4_request," in endpoint.requests[0].headers["Authorization"]
    assert server.requests[0].path == web.login_path


def test_a_session_given_explicitly_is_used(mwaa: tuple[FakeMwaa, RecordingServer]) -> None:
    import boto3

    fake, endpoint = mwaa
    web, server = web_server(fake, 2)
    session = boto3.Session(
        aws_access_key_id="AKIDOTHERSESSION", aws_secret_access_key="x" * 40, region_name="us-east-2"
    )
    with server:
        auth = MwaaAuth(ENV, session=session)
        assert auth.region == "us-east-2"
        with ApiClient(Configuration(host=server.url + web.api, auth=auth, retries=0)) as client:
            MonitoringApi(client).get_version()
    assert "Credential=AKIDOTHERSESSION/" in endpoint.requests[0].headers["Authorization"]
    assert "/us-east-2/airflow/aws4_request," in endpoint.requests[0].headers["Authorization"]


@pytest.mark.parametrize(
    ("status", "code", "raised", "hint"),
    [
        (403, "AccessDeniedException", UnauthorizedException, "airflow:CreateWebLoginToken"),
        (404, "ResourceNotFoundException", ApiValueError, "name and region"),
    ],
)
def test_aws_errors_are_sdk_exceptions_naming_the_environment(
    mwaa: tuple[FakeMwaa, RecordingServer], status: int, code: str, raised: type[Exception], hint: str
) -> None:
    fake, _ = mwaa
    fake.error = (status, code, f"{code} from the local endpoint")
    web, server = web_server(fake, 2)
    client = ApiClient(Configuration(host=server.url + web.api, auth=MwaaAuth(ENV), retries=0))
    with server, client, pytest.raises(raised) as caught:
        MonitoringApi(client).get_version()
    text = str(caught.value)
    assert ENV in text and REGION in text and code in text and hint in text
    assert server.requests == []  # nothing reached the web server
    with pytest.raises(raised, match=ENV):
        MwaaAuth.configuration(ENV)


def test_no_credentials_and_no_region(monkeypatch: pytest.MonkeyPatch, mwaa: tuple[FakeMwaa, RecordingServer]) -> None:
    fake, endpoint = mwaa
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    auth = MwaaAuth(ENV)
    with pytest.raises(UnauthorizedException, match=f"{ENV}.*Unable to locate credentials.*configure AWS"):
        MwaaAuth.configuration(ENV)
    web, server = web_server(fake, 3)
    client = ApiClient(Configuration(host=server.url + web.api, auth=auth, retries=0))
    with server, client, pytest.raises(UnauthorizedException, match=ENV):
        MonitoringApi(client).get_version()
    assert endpoint.requests == [] and server.requests == []
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with pytest.raises(ApiValueError, match=f"{ENV}.*needs a region"):
        MwaaAuth(ENV)


def test_a_web_server_that_takes_no_token_says_so(mwaa: tuple[FakeMwaa, RecordingServer]) -> None:
    """The host names /api/v1 but the environment runs Airflow 3: the Airflow 2 login is not there."""
    fake, _ = mwaa
    _, server = web_server(fake, 3)
    client = ApiClient(Configuration(host=server.url + "/api/v1", auth=MwaaAuth(ENV), retries=0))
    with server, client, pytest.raises(ApiException) as caught:
        MonitoringApi(client).get_version()
    assert caught.value.status == 405 and caught.value.request == f"POST {server.url}/aws_mwaa/login"


def test_secrets_never_shown(mwaa: tuple[FakeMwaa, RecordingServer], caplog: pytest.LogCaptureFixture) -> None:
    """The web token, the session cookie and the JWT: not in repr, not in DEBUG logs, not in an error's text."""
    fake, _ = mwaa
    caplog.set_level(logging.DEBUG)  # every logger: the SDK's, urllib3's, botocore's (which logs AWS answers' bodies)
    shown: list[str] = []
    handed_out: list[str] = []
    for generation in (2, 3):
        web, server = web_server(fake, generation)
        with server:
            auth = MwaaAuth(ENV)
            configuration = Configuration(host=server.url + web.api, auth=auth, retries=0, debug=True)
            with ApiClient(configuration) as client:
                MonitoringApi(client).get_version()
                web.end_sessions()
                fake.error = (403, "AccessDeniedException", "denied")
                with pytest.raises(UnauthorizedException) as caught:
                    MonitoringApi(client).get_version()
                fake.error = None
            shown += [repr(auth), repr(configuration), str(caught.value), repr(caught.value)]
            handed_out += web.handed_out
    shown += [r.getMessage() for r in caplog.records]
    assert len(fake.issued) == 2 and len(handed_out) == 2
    everything = "\n".join(shown)
    assert "MwaaAuth('my-environment', 'eu-west-1')" in everything
    assert any("/version" in r.getMessage() for r in caplog.records)  # the DEBUG log did record the calls
    assert any('"WebToken": "***"' in r.getMessage() for r in caplog.records)  # and botocore's CreateWebLoginToken
    for secret in fake.issued + handed_out:
        assert secret not in everything


@pytest.mark.parametrize("generation", [2, 3])
def test_a_login_answered_with_a_redirect_keeps_its_cookie(
    mwaa: tuple[FakeMwaa, RecordingServer], generation: int
) -> None:
    """The real login answers 302 with Set-Cookie: the cookie is read there, the token never posted on."""
    fake, _ = mwaa
    web, server = web_server(fake, generation, redirect=True)
    with server, ApiClient(Configuration(host=server.url + web.api, auth=MwaaAuth(ENV), retries=0)) as client:
        assert MonitoringApi(client).get_version().version == fake.airflow_version
    assert not [r for r in server.requests if r.method == "POST" and "login" not in r.path]


def test_without_boto3_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # what Python does for a module that is not installed
    with pytest.raises(ImportError) as caught:
        MwaaAuth(ENV)
    assert str(caught.value) == "MwaaAuth needs the aws extra: pip install '.[aws]' (boto3)"


def test_a_host_without_its_api_is_refused_unsent(mwaa: tuple[FakeMwaa, RecordingServer]) -> None:
    fake, endpoint = mwaa
    info = RequestInfo(
        "GET",
        "https://mwaa.example/dags",
        "https://mwaa.example",
        None,
        RESTClientObject(Configuration(host="https://mwaa.example")).request,
    )
    with pytest.raises(ApiValueError, match=r"/api/v1 or /api/v2: use MwaaAuth.configuration\(\)"):
        MwaaAuth(ENV).headers(info)
    assert endpoint.requests == [] and fake.issued == []
