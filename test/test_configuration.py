"""Configuration.from_env: every variable, the boolean spellings, overrides, and what goes on the wire."""

from __future__ import annotations

import warnings

import pytest
import trustme

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.configuration import (
    DEFAULT_HOST,
    DEFAULT_TIMEOUT,
    ENV_ACCESS_TOKEN,
    ENV_CA_BUNDLE,
    ENV_HOST,
    ENV_PASSWORD,
    ENV_USERNAME,
    ENV_VERIFY_SSL,
)

from recording_server import RecordingServer, Reply

RUN = {"dag_id": "d", "dag_run_id": "r", "state": "queued"}
EVERYTHING = {
    "AIRFLOW_API_URL": "https://airflow.example.com/api/v1",
    "AIRFLOW_USERNAME": "alice",
    "AIRFLOW_PASSWORD": "pa55-from-env",
    "AIRFLOW_API_TOKEN": "tok-from-env",
    "AIRFLOW_VERIFY_SSL": "false",
    "AIRFLOW_CA_BUNDLE": "/etc/ssl/company-ca.pem",
}


def test_the_variable_names_are_the_documented_ones() -> None:
    names = (ENV_HOST, ENV_USERNAME, ENV_PASSWORD, ENV_ACCESS_TOKEN, ENV_VERIFY_SSL, ENV_CA_BUNDLE)
    assert names == tuple(EVERYTHING)
    doc = Configuration.from_env.__doc__ or ""
    assert all(name in doc for name in names)


def test_every_variable_is_read() -> None:
    config = Configuration.from_env(EVERYTHING)
    assert config.host == "https://airflow.example.com/api/v1"
    assert (config.username, config.password, config.access_token) == ("alice", "pa55-from-env", "tok-from-env")
    assert config.verify_ssl is False
    assert config.ssl_ca_cert == "/etc/ssl/company-ca.pem"


def test_an_environment_without_the_url_is_refused_naming_it() -> None:
    """No silent fall-back to a localhost default: the script would talk to whatever answers there."""
    for environ in ({}, dict.fromkeys(EVERYTHING, "")):  # empty variables count as unset
        with pytest.raises(sdk.ApiValueError, match="AIRFLOW_API_URL is not set") as refused:
            Configuration.from_env(environ)
        assert refused.value.path_to_item == ["AIRFLOW_API_URL"]


def test_empty_variables_count_as_unset() -> None:
    config = Configuration.from_env(dict.fromkeys(EVERYTHING, ""), host=DEFAULT_HOST)
    assert (config.host, config.username, config.password, config.access_token) == (DEFAULT_HOST, None, None, None)
    assert (config.verify_ssl, config.ssl_ca_cert, config.timeout) == (True, None, DEFAULT_TIMEOUT)


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8080", "localhost:8080/api/v2", "ftp://h/api/v1", "http://", "http:///api/v1"]
)
def test_a_host_that_is_not_an_http_url_is_refused_naming_it(host: str) -> None:
    with pytest.raises(sdk.ApiValueError, match="host must be an http:// or https:// URL") as refused:
        Configuration(host=host)
    assert refused.value.path_to_item == ["host"]
    config = Configuration()
    with pytest.raises(sdk.ApiValueError, match="host must be"):
        config.host = host  # set later too


def test_a_trailing_slash_of_the_url_is_dropped() -> None:
    assert Configuration.from_env({ENV_HOST: "http://h:8080/api/v1/"}).host == "http://h:8080/api/v1"


@pytest.mark.parametrize("value", ["true", "TRUE", "True", "1", "yes", "Yes", " true "])
def test_verify_ssl_true_spellings(value: str) -> None:
    assert Configuration.from_env({ENV_HOST: "http://h/api/v1", ENV_VERIFY_SSL: value}).verify_ssl is True


@pytest.mark.parametrize("value", ["false", "FALSE", "False", "0", "no", "NO", "no\n"])
def test_verify_ssl_false_spellings(value: str) -> None:
    assert Configuration.from_env({ENV_HOST: "http://h/api/v1", ENV_VERIFY_SSL: value}).verify_ssl is False


@pytest.mark.parametrize("value", ["maybe", "on", "off", "2", "y", "tru", "-1"])
def test_any_other_verify_ssl_value_names_the_variable(value: str) -> None:
    with pytest.raises(sdk.ApiValueError) as caught:
        Configuration.from_env({ENV_VERIFY_SSL: value})
    assert "AIRFLOW_VERIFY_SSL" in str(caught.value) and repr(value) in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_overrides_win_over_the_environment() -> None:
    config = Configuration.from_env(EVERYTHING, host="http://other:8080/api/v1", password="flag", verify_ssl=True)
    assert (config.host, config.password, config.verify_ssl) == ("http://other:8080/api/v1", "flag", True)
    assert config.username == "alice"  # not overridden: still from the environment


def test_an_override_of_none_unsets_a_variable() -> None:
    config = Configuration.from_env(EVERYTHING, access_token=None, ssl_ca_cert=None)
    assert (config.access_token, config.ssl_ca_cert) == (None, None)


def test_overrides_take_every_configuration_keyword() -> None:
    config = Configuration.from_env({ENV_HOST: "http://h/api/v1"}, retries=0, timeout=5.0, proxy="http://p:3128")
    assert (config.retries, config.timeout, config.proxy) == (0, 5.0, "http://p:3128")
    with pytest.raises(TypeError, match="colour"):
        Configuration.from_env({}, colour="blue")


def test_a_bad_verify_ssl_fails_even_when_overridden() -> None:
    """The environment is read in full first: a typo there is never silently ignored."""
    with pytest.raises(sdk.ApiValueError, match="AIRFLOW_VERIFY_SSL"):
        Configuration.from_env({ENV_VERIFY_SSL: "nope"}, verify_ssl=True)


def test_os_environ_is_read_when_no_mapping_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EVERYTHING:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(ENV_HOST, "http://from-os-environ:8080/api/v1")
    monkeypatch.setenv(ENV_USERNAME, "bob")
    monkeypatch.setenv(ENV_PASSWORD, "pw")
    config = Configuration.from_env()
    assert (config.host, config.username, config.password) == ("http://from-os-environ:8080/api/v1", "bob", "pw")


def test_the_mapping_is_not_changed() -> None:
    environ = dict(EVERYTHING)
    Configuration.from_env(environ, host="http://other/api/v1")
    assert environ == EVERYTHING


def test_repr_hides_the_secrets_from_the_environment() -> None:
    text = repr(Configuration.from_env(EVERYTHING))
    assert "pa55-from-env" not in text and "tok-from-env" not in text
    assert "alice" in text and "airflow.example.com" in text


# --- what reaches a server ---------------------------------------------------------------------------------


def _get_run(config: Configuration) -> str | None:
    with ApiClient(config) as client:
        return DAGRunApi(client).get_dag_run("d", "r").dag_run_id


def test_basic_credentials_from_the_environment_are_sent(server: RecordingServer) -> None:
    server.default = Reply(json=RUN)
    env = {ENV_HOST: server.url + "/api/v1", ENV_USERNAME: "alice", ENV_PASSWORD: "pa55-from-env"}
    assert _get_run(Configuration.from_env(env)) == "r"
    sent = server.requests[0]
    assert sent.path == "/api/v1/dags/d/dagRuns/r"
    assert sent.headers["Authorization"] == "Basic YWxpY2U6cGE1NS1mcm9tLWVudg=="  # alice:pa55-from-env


def test_a_token_from_the_environment_is_sent_as_bearer(server: RecordingServer) -> None:
    server.default = Reply(json=RUN)
    env = {
        ENV_HOST: server.url + "/api/v1",
        ENV_USERNAME: "alice",
        ENV_PASSWORD: "pw",
        ENV_ACCESS_TOKEN: "tok-from-env",
    }
    _get_run(Configuration.from_env(env))
    assert server.requests[0].headers["Authorization"] == "Bearer tok-from-env"


def test_an_overriding_password_is_the_one_sent(server: RecordingServer) -> None:
    server.default = Reply(json=RUN)
    env = {ENV_HOST: server.url + "/api/v1", ENV_USERNAME: "alice", ENV_PASSWORD: "old"}
    _get_run(Configuration.from_env(env, password="new"))
    assert server.requests[0].headers["Authorization"] == "Basic YWxpY2U6bmV3"  # alice:new


def test_the_ca_bundle_from_the_environment_verifies_the_server(tls_server: RecordingServer, ca: trustme.CA) -> None:
    tls_server.default = Reply(json=RUN)
    with pytest.raises(sdk.ApiSSLError):
        _get_run(Configuration.from_env({ENV_HOST: tls_server.url + "/api/v1"}, retries=0))
    with ca.cert_pem.tempfile() as ca_file:
        assert _get_run(Configuration.from_env({ENV_HOST: tls_server.url + "/api/v1", ENV_CA_BUNDLE: ca_file})) == "r"
    assert len(tls_server.requests) == 1


def test_verify_ssl_false_from_the_environment_skips_verification(tls_server: RecordingServer) -> None:
    tls_server.default = Reply(json=RUN)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _get_run(Configuration.from_env({ENV_HOST: tls_server.url + "/api/v1", ENV_VERIFY_SSL: "no"})) == "r"
    assert len(tls_server.requests) == 1
