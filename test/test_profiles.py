"""Profiles without a server: the config file's place per platform, its parsing, secret references (env:,
file:, keyring: through keyrings.alt's real PlaintextKeyring, literals), the warning for secrets others can
read (real chmod'ed files), errors naming profile, key and file, and the ``profiles`` and ``auth login``
commands run as subprocesses (the login's hidden prompt on a real pseudo-terminal)."""

from __future__ import annotations

import base64
import json
import os
import pathlib
import pty
import select
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Any

import keyring
import pytest

from airflow_python_sdk import Configuration, auth
from airflow_python_sdk.auth import RequestInfo
from airflow_python_sdk.exceptions import ApiValueError
from airflow_python_sdk.profiles import (
    AUTH_KINDS,
    config_path,
    load_profiles,
    profile_configuration,
    remove_profile,
    save_profile,
    store_secret,
)

REPO = pathlib.Path(__file__).resolve().parent.parent
KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"
_BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "XDG_", "PYTHON_KEYRING"))}


def write(path: pathlib.Path, text: str, mode: int = 0o600) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)
    return path


def v1(send: Any = None) -> RequestInfo:
    return RequestInfo("GET", "http://h/api/v1/dags", "http://h", "v1", send)


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def caught_warnings(call: Any) -> tuple[Any, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


@pytest.fixture
def cfg(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """The config file's path (AIRFLOW_SDK_CONFIG), not yet written; no AIRFLOW_PROFILE."""
    path = tmp_path / "conf" / "config.ini"
    monkeypatch.setenv("AIRFLOW_SDK_CONFIG", str(path))
    monkeypatch.delenv("AIRFLOW_PROFILE", raising=False)
    return path


@pytest.fixture
def plaintext_keyring(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[pathlib.Path]:
    """keyrings.alt's PlaintextKeyring, chosen by PYTHON_KEYRING_BACKEND, keeping its file under tmp_path."""
    before = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", KEYRING_BACKEND)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    keyring.core.init_backend()  # reads PYTHON_KEYRING_BACKEND again
    assert type(keyring.get_keyring()).__name__ == "PlaintextKeyring"
    yield tmp_path / "data" / "python_keyring" / "keyring_pass.cfg"
    keyring.set_keyring(before)


# --- where the config file is ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"}, "/xdg/airflow-sdk/config.ini"),
        ("linux", {"HOME": "/home/u"}, "/home/u/.config/airflow-sdk/config.ini"),
        ("linux", {"HOME": "/home/u", "XDG_CONFIG_HOME": "relative"}, "/home/u/.config/airflow-sdk/config.ini"),
        ("freebsd14", {"HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"}, "/xdg/airflow-sdk/config.ini"),
        ("darwin", {"HOME": "/Users/u", "XDG_CONFIG_HOME": "/xdg"},
         "/Users/u/Library/Application Support/airflow-sdk/config.ini"),
        ("win32", {"USERPROFILE": "/C/Users/u", "APPDATA": "/C/Users/u/AppData/Roaming"},
         "/C/Users/u/AppData/Roaming/airflow-sdk/config.ini"),
        ("win32", {"USERPROFILE": "/C/Users/u"}, "/C/Users/u/AppData/Roaming/airflow-sdk/config.ini"),
        ("darwin", {"HOME": "/Users/u", "AIRFLOW_SDK_CONFIG": "/etc/sdk.ini"}, "/etc/sdk.ini"),
    ],
)  # fmt: skip
def test_the_config_file_is_in_the_platforms_config_folder(
    platform: str, environ: dict[str, str], expected: str
) -> None:
    assert config_path(environ, platform) == pathlib.Path(expected)


def test_the_config_path_reads_this_process_environment(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIRFLOW_SDK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config_path(platform="linux") == tmp_path / "airflow-sdk" / "config.ini"
    monkeypatch.setenv("AIRFLOW_SDK_CONFIG", "~/elsewhere.ini")
    assert config_path() == pathlib.Path.home() / "elsewhere.ini"


# --- reading profiles ----------------------------------------------------------------------------------------


def test_profiles_are_read_with_their_settings(cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cfg, """
[default]
URL = http://127.0.0.1:8080/api/v1
auth = Password
username = admin
password = p%w (literal, no interpolation)
verify_ssl = no
ca_bundle = ~/ca.pem
timeout = 5, 30
airflow_version = 2.11.2

[tok]
url = https://airflow.example.com
auth = token
token = env:TOK

[tf]
url = https://x.example.com/api/v2
auth = token_file
token_file = /run/token
timeout = 12.5
""")  # fmt: skip
    found = load_profiles()
    assert list(found) == ["default", "tok", "tf"]
    assert (found["default"].auth, found["default"].url) == ("password", "http://127.0.0.1:8080/api/v1")
    assert found["default"].path == cfg

    config = profile_configuration()  # the default profile
    assert config.host == "http://127.0.0.1:8080/api/v1" and config.verify_ssl is False
    assert config.ssl_ca_cert == str(pathlib.Path.home() / "ca.pem")
    assert config.timeout == (5.0, 30.0) and config.airflow_version == "2.11.2"
    assert isinstance(config.auth, auth.UsernamePassword) and config.auth.username == "admin"
    assert config.auth.headers(v1()) == {"Authorization": basic("admin", "p%w (literal, no interpolation)")}

    monkeypatch.setenv("AIRFLOW_PROFILE", "tf")  # names the profile used when none is named
    config = Configuration.from_profile()
    assert isinstance(config.auth, auth.TokenFile) and config.auth.path == pathlib.Path("/run/token")
    assert config.timeout == 12.5 and config.verify_ssl is True


def test_a_missing_config_file_has_no_profiles_and_says_how_to_add_one(cfg: pathlib.Path) -> None:
    assert load_profiles() == {}
    with pytest.raises(ApiValueError) as caught:
        Configuration.from_profile("prod")
    assert f"no profile 'prod' in {cfg}: it does not exist" in str(caught.value)
    assert "airflow-sdk profiles add NAME --url URL --auth KIND" in str(caught.value)


def test_the_cloud_kinds_build_their_providers(
    cfg: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OAuth 2 (its secret by env:), MWAA (boto3, isolated from this machine's AWS config), Google (google-auth's
    application-default credentials from an authorized-user file)."""
    adc = write(tmp_path / "adc.json", json.dumps({"type": "authorized_user", "client_id": "c",
                                                    "client_secret": "s", "refresh_token": "r"}))  # fmt: skip
    for name, value in {"GOOGLE_APPLICATION_CREDENTIALS": str(adc), "CLIENT_SECRET": "Oauth-S3cret",
                        "AWS_CONFIG_FILE": str(tmp_path / "none"), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")
                        }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    for name in ("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    write(cfg, """
[o]
url = https://h/api/v2
auth = oauth2
token_url = https://idp.example.com/oauth2/token
client_id = airflow-cli
client_secret = env:CLIENT_SECRET
scope = airflow.read airflow.write
[m]
url = https://h
auth = mwaa
environment = my-env
region = eu-west-1
[m-no-region]
url = https://h
auth = mwaa
environment = my-env
[g]
url = https://composer.example.com
auth = google
""")  # fmt: skip
    oauth2 = profile_configuration("o").auth
    assert isinstance(oauth2, auth.OAuth2ClientCredentials)
    assert (oauth2.token_url, oauth2.client_id) == ("https://idp.example.com/oauth2/token", "airflow-cli")
    assert "Oauth-S3cret" not in repr(oauth2) + repr(load_profiles()["o"])
    mwaa = profile_configuration("m").auth
    assert isinstance(mwaa, auth.MwaaAuth) and mwaa.environment_name == "my-env"
    with pytest.raises(ApiValueError, match="needs a region"):
        profile_configuration("m-no-region")
    assert isinstance(profile_configuration("g").auth, auth.GoogleAuth)


def test_auth_none_sends_no_credentials(cfg: pathlib.Path) -> None:
    write(cfg, "[open]\nurl = http://127.0.0.1:8080\nauth = none\n")
    config = Configuration.from_profile("open")
    assert config.auth is None and config.host == "http://127.0.0.1:8080"


# --- secret references ----------------------------------------------------------------------------------------


def test_an_env_password_is_read_when_the_configuration_is_made(
    cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(cfg, "[p]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = env:MY_PW\n", 0o644)
    monkeypatch.setenv("MY_PW", " pass word \n")
    config, said = caught_warnings(lambda: profile_configuration("p"))
    assert said == []  # a reference in a readable config file is no secret
    assert config.auth.headers(v1()) == {"Authorization": basic("u", " pass word ")}  # only line breaks go


def test_a_token_reference_is_read_lazily_and_again_after_a_401(
    cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(cfg, "[t]\nurl = http://h/api/v2\nauth = token\ntoken = env:MY_TOKEN\n")
    monkeypatch.delenv("MY_TOKEN", raising=False)
    config = profile_configuration("t")  # not read yet: no error
    assert isinstance(config.auth, auth.BearerToken)
    with pytest.raises(ApiValueError) as caught:
        config.auth.headers(v1())
    assert str(caught.value) == (
        f"profile 't' in {cfg}: token = env:MY_TOKEN, but the environment variable MY_TOKEN is not set"
    )
    monkeypatch.setenv("MY_TOKEN", "first")
    assert config.auth.headers(v1()) == {"Authorization": "Bearer first"}
    monkeypatch.setenv("MY_TOKEN", "second")
    assert config.auth.headers(v1()) == {"Authorization": "Bearer first"}  # cached until rejected
    assert config.auth.renew({"Authorization": "Bearer first"}) is True
    assert config.auth.headers(v1()) == {"Authorization": "Bearer second"}


def test_a_file_secret_is_read_and_a_file_others_can_read_is_warned_of(
    cfg: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    secret_file = write(tmp_path / "pw", "from-a-file\n", 0o600)
    write(cfg, f"[f]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = file:{secret_file}\n", 0o644)
    config, said = caught_warnings(lambda: profile_configuration("f"))
    assert said == [] and config.auth.headers(v1()) == {"Authorization": basic("u", "from-a-file")}

    secret_file.chmod(0o640)  # the group may read it
    config, said = caught_warnings(lambda: profile_configuration("f"))
    assert said == [f"profile 'f': the password file {secret_file} can be read by others (mode 640): "
                    f"chmod 600 {secret_file}"]  # fmt: skip
    assert "from-a-file" not in said[0]
    assert config.auth.headers(v1()) == {"Authorization": basic("u", "from-a-file")}  # a warning, not a refusal


def test_a_literal_secret_in_a_config_file_others_can_read_is_warned_of(cfg: pathlib.Path) -> None:
    write(cfg, "[lit]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = Lit-S3cret\n", 0o600)
    config, said = caught_warnings(lambda: profile_configuration("lit"))
    assert said == [] and config.auth.headers(v1()) == {"Authorization": basic("u", "Lit-S3cret")}
    for mode in (0o604, 0o640, 0o644):
        cfg.chmod(mode)
        _, said = caught_warnings(lambda: profile_configuration("lit"))
        assert len(said) == 1 and f"{cfg} can be read by others (mode {mode:o}): chmod 600 {cfg}" in said[0]
        assert "holds its password in the config file" in said[0] and "Lit-S3cret" not in said[0]
    _, said = caught_warnings(lambda: profile_configuration("lit", access_token="t"))
    assert said == []  # the profile's secret is not used: no warning


def test_a_keyring_secret_comes_from_the_system_keyring(cfg: pathlib.Path, plaintext_keyring: pathlib.Path) -> None:
    write(cfg, "[kr]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = keyring:\n")
    with pytest.raises(ApiValueError) as caught:
        profile_configuration("kr")
    assert str(caught.value) == (
        f"profile 'kr' in {cfg}: password = keyring:, but the system keyring has no airflow-sdk/kr: "
        "run airflow-sdk auth login --profile kr"
    )
    assert store_secret("kr", "Kr-S3cret") == "the system keyring (airflow-sdk/kr)"
    assert keyring.get_password("airflow-sdk", "kr") == "Kr-S3cret"
    assert plaintext_keyring.is_file()  # the real backend wrote its file
    config = profile_configuration("kr")
    assert config.auth.headers(v1()) == {"Authorization": basic("u", "Kr-S3cret")}
    assert "Kr-S3cret" not in repr(config) + repr(config.auth) + repr(load_profiles()["kr"])

    remove_profile("kr")  # forgets the keyring's secret too
    assert keyring.get_password("airflow-sdk", "kr") is None and load_profiles() == {}


def test_a_machine_without_a_keyring_backend_is_named(cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring's own "fail" backend, what keyring picks on a machine without a usable one."""
    write(cfg, "[kr]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = keyring:\n")
    before = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    try:
        for attempt in (lambda: profile_configuration("kr"), lambda: store_secret("kr", "x")):
            with pytest.raises(ApiValueError) as caught:
                attempt()
            assert str(caught.value).startswith(
                f"profile 'kr' in {cfg}: password = keyring:, but the system keyring failed: No recommended backend"
            )
    finally:
        keyring.set_keyring(before)


def test_keyring_without_the_extra_names_it(cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cfg, "[kr]\nurl = http://h/api/v1\nauth = token\ntoken = keyring:\n")
    monkeypatch.setitem(sys.modules, "keyring", None)  # as if not installed: import keyring raises ImportError
    config = profile_configuration("kr")
    with pytest.raises(ApiValueError) as caught:
        config.auth.headers(v1())
    message = str(caught.value)
    assert "\n" not in message and message.endswith("token = keyring: needs the keyring extra: pip install "
                                                    "'.[keyring]' (keyring)")  # fmt: skip


# --- overrides ------------------------------------------------------------------------------------------------


def test_overrides_win_and_a_credential_given_spares_reading_the_profiles(
    cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(cfg, "[p]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = env:UNSET_PW\ntimeout = 3\n")
    monkeypatch.delenv("UNSET_PW", raising=False)
    config = profile_configuration("p", host="http://other/api/v2", access_token="tok", timeout=9.0)
    assert (config.host, config.access_token, config.auth, config.timeout) == ("http://other/api/v2", "tok", None, 9.0)
    config = profile_configuration("p", password="given")  # the profile's user with the password given
    assert (config.auth, config.username, config.password) == (None, "u", "given")
    with pytest.raises(ApiValueError, match="UNSET_PW is not set"):
        profile_configuration("p", access_token=None)  # None is no credential


# --- errors -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "says"),
    [
        ("auth = password\nusername = u", "password is missing: auth = password needs username and password"),
        ("auth = kerberos", "auth must be one of " + ", ".join(AUTH_KINDS) + ", not 'kerberos'"),
        ("auth = token\ntoken = env:NOT_SET_ANYWHERE", "token = env:NOT_SET_ANYWHERE, but the environment variable "
         "NOT_SET_ANYWHERE is not set"),
        ("auth = password\nusername = u\npassword = file:/no/such/file", "password = file:/no/such/file, but the "
         "file cannot be read: No such file or directory"),
        ("auth = none\nusrname = u", "usrname is no setting of a profile; they are airflow_version, audience, auth, "),
        ("auth = none\nverify_ssl = maybe", "verify_ssl must be true or false, not 'maybe'"),
        ("auth = none\ntimeout = soon", "timeout must be seconds (30) or connect,read seconds (10,60), not 'soon'"),
        ("auth = mwaa", "environment is missing: auth = mwaa needs environment\n"),
        ("auth = oauth2\ntoken_url = http://t\nclient_id = c", "client_secret is missing"),
    ],
)  # fmt: skip
def test_errors_name_the_profile_the_key_and_the_file(
    cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch, section: str, says: str
) -> None:
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    write(cfg, f"[other]\nurl = http://h\nauth = none\n[bad]\nurl = http://h/api/v2\n{section}\n")
    with pytest.raises(ApiValueError) as caught:
        profile_configuration("bad").auth.headers(v1())  # a token is read at first use
    message = f"{caught.value}\n"  # "\n" in says: the message ends there
    assert message.startswith(f"profile 'bad' in {cfg}: {says}"), message


def test_an_unknown_profile_lists_those_there_are(cfg: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(cfg, "[a]\nurl = http://h\nauth = none\n[b]\nurl = http://h\nauth = none\n")
    with pytest.raises(ApiValueError) as caught:
        profile_configuration("prod")
    assert str(caught.value) == f"no profile 'prod' in {cfg}: the profiles there: a, b"
    with pytest.raises(ApiValueError) as caught:
        profile_configuration()
    assert str(caught.value) == (
        f"no profile 'default' in {cfg}: the profiles there: a, b "
        "(AIRFLOW_PROFILE names the one used when none is named)"
    )


def test_a_malformed_file_is_named_and_its_lines_never_quoted(cfg: pathlib.Path) -> None:
    write(cfg, "[a]\nurl = http://h\nauth = none\nthe-password-Hunter2 alone on a line\n")
    with pytest.raises(ApiValueError) as caught:
        load_profiles()
    assert str(caught.value) == f"the config file {cfg} is not valid INI: line 4 is no [section] nor key = value"
    write(cfg, "[a]\nurl = http://h\n[a]\n")
    with pytest.raises(ApiValueError, match=r"section 'a' already exists"):
        load_profiles()


def test_a_profile_never_shows_a_literal_secret(cfg: pathlib.Path) -> None:
    write(cfg, "[lit]\nurl = http://h/api/v1\nauth = password\nusername = u\npassword = Hunter2-Secret\n")
    profile = load_profiles()["lit"]
    assert "Hunter2-Secret" not in repr(profile)
    assert profile.reference("password") == "*** (in the config file)" and profile.reference("username") == "u"
    config = profile_configuration("lit")
    assert "Hunter2-Secret" not in repr(config) + repr(config.auth)


# --- writing profiles -----------------------------------------------------------------------------------------


def test_save_writes_a_private_file_and_keeps_the_other_profiles(cfg: pathlib.Path) -> None:
    save_profile("one", "http://h1/api/v1", "password", username="u", password="env:P1")
    assert cfg.stat().st_mode & 0o777 == 0o600 and cfg.parent.stat().st_mode & 0o777 == 0o700
    save_profile("two", "http://h2", "token_file", token_file="/run/t", timeout="5", region=None)
    save_profile("one", "http://h1b/api/v1", "token", token="keyring:")  # replaced whole
    found = load_profiles()
    assert list(found) == ["one", "two"]
    assert (found["one"].url, found["one"].auth, dict(found["one"].settings)) == (
        "http://h1b/api/v1", "token", {"token": "keyring:"})  # fmt: skip
    assert dict(found["two"].settings) == {"token_file": "/run/t", "timeout": "5"}
    assert [p.name for p in cfg.parent.iterdir()] == ["config.ini"]  # no temporary file left

    with pytest.raises(ApiValueError, match="password is missing"):
        save_profile("three", "http://h3", "password", username="u")
    with pytest.raises(ApiValueError, match="no profile name"):
        save_profile("bad]name", "http://h3", "none")
    assert list(load_profiles()) == ["one", "two"]  # nothing written by a refused save

    remove_profile("one")
    assert list(load_profiles()) == ["two"] and cfg.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ApiValueError, match=f"no profile 'one' in {cfg}: the profiles there: two"):
        remove_profile("one")


def test_store_secret_goes_where_the_reference_says(cfg: pathlib.Path, tmp_path: pathlib.Path) -> None:
    target = tmp_path / "new" / "pw"
    save_profile("f", "http://h/api/v1", "password", username="u", password=f"file:{target}")
    save_profile("e", "http://h/api/v1", "token", token="env:E_TOKEN")
    save_profile("g", "http://h/api/v1", "google")
    assert store_secret("f", "file-S3cret") == str(target)
    assert target.read_text() == "file-S3cret\n" and target.stat().st_mode & 0o777 == 0o600
    target.chmod(0o644)
    store_secret("f", "again")  # an existing file is made private again
    assert target.read_text() == "again\n" and target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ApiValueError) as caught:
        store_secret("e", "x")
    assert str(caught.value) == (
        f"profile 'e' in {cfg}: token = env:E_TOKEN: a variable cannot be stored; export E_TOKEN=... in your shell "
        "instead"
    )
    with pytest.raises(ApiValueError, match="auth = google has no secret to store"):
        store_secret("g", "x")


# --- the commands -------------------------------------------------------------------------------------------


def cli(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "airflow_python_sdk", *args], cwd=REPO, env={**_BASE_ENV, **env},
                          capture_output=True, text=True, timeout=60, input=stdin)  # fmt: skip


def test_the_profiles_commands(tmp_path: pathlib.Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    cfg = tmp_path / "xdg" / "airflow-sdk" / "config.ini"
    empty = cli("profiles", "list", env=env)
    assert empty.returncode == 0 and empty.stdout == "" and f"no profiles in {cfg}" in empty.stderr
    assert cli("--json", "profiles", "list", env=env).stdout == "[]\n"

    added = cli("profiles", "add", "prod", "--url", "https://airflow.example.com", "--auth", "password",
                "--username", "deployer", "--password", "keyring:", "--timeout", "10,60", env=env)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stderr == (f"saved profile 'prod' in {cfg}\nstore its secret with: airflow-sdk auth login "
                            "--profile prod\n")  # fmt: skip
    assert cfg.stat().st_mode & 0o777 == 0o600
    literal = cli("profiles", "add", "x", "--url", "http://h", "--auth", "token", "--token", "Cmd-S3cret", env=env)
    assert literal.returncode == 2 and "--token" in literal.stderr and "takes a reference" in literal.stderr
    assert cli("profiles", "add", "dev", "--url", "http://127.0.0.1:8080", "--auth", "none", "--no-verify-ssl",
               env=env).returncode == 0  # fmt: skip
    unknown = cli("profiles", "add", "x", "--url", "http://h", "--auth", "kerberos", env=env)
    assert unknown.returncode == 2 and "'kerberos' is not one of 'password', 'token'" in unknown.stderr

    listed = cli("-o", "json", "profiles", "list", env={**env, "AIRFLOW_PROFILE": "dev"})
    assert listed.returncode == 0 and json.loads(listed.stdout) == [
        {"profile": "prod", "url": "https://airflow.example.com", "auth": "password", "default": False},
        {"profile": "dev", "url": "http://127.0.0.1:8080", "auth": "none", "default": True},
    ]
    shown = cli("profiles", "show", "dev", env=env)
    assert shown.returncode == 0
    assert [line.split() for line in shown.stdout.splitlines()] == [
        ["profile", "dev"], ["file", str(cfg)], ["url", "http://127.0.0.1:8080"], ["auth", "none"],
        ["verify_ssl", "false"]]  # fmt: skip

    # a literal secret put in by hand is never shown
    cfg.write_text(cfg.read_text() + "\n[lit]\nurl = http://h\nauth = token\ntoken = Hand-S3cret\n")
    shown = cli("profiles", "show", "lit", env=env)
    assert shown.returncode == 0 and "Hand-S3cret" not in shown.stdout + shown.stderr
    assert "token    *** (in the config file)" in shown.stdout.splitlines()
    missing = cli("profiles", "show", "nope", env=env)
    assert (
        missing.returncode == 2 and f"no profile 'nope' in {cfg}: the profiles there: prod, dev, lit" in missing.stderr
    )

    removed = cli("profiles", "remove", "dev", env=env)
    assert removed.returncode == 0 and removed.stderr == f"removed profile 'dev' from {cfg}\n"
    assert "dev" not in load_profiles(cfg)


def test_auth_login_refuses_env_and_kinds_without_a_secret(tmp_path: pathlib.Path) -> None:
    env = {"AIRFLOW_SDK_CONFIG": str(tmp_path / "c.ini")}
    save_profile("e", "http://h/api/v1", "password", tmp_path / "c.ini", username="u", password="env:PW_VAR")
    save_profile("o", "http://h/api/v1", "none", tmp_path / "c.ini")
    refused = cli("auth", "login", "--profile", "e", env=env, stdin="x\n")
    assert refused.returncode == 2 and "export PW_VAR=... in your shell" in refused.stderr
    none = cli("--profile", "o", "auth", "login", env=env, stdin="x\n")  # --profile before the command too
    assert none.returncode == 2 and "auth = none: it keeps no secret" in none.stderr


def test_auth_login_prompts_without_echo_on_a_terminal(tmp_path: pathlib.Path) -> None:
    """On a real pseudo-terminal: the prompt is shown, what is typed is not echoed, and lands in the file."""
    target = tmp_path / "secret" / "pw"
    save_profile("t", "http://h/api/v1", "password", tmp_path / "c.ini", username="alice", password=f"file:{target}")
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "airflow_python_sdk", "auth", "login", "--profile", "t"], cwd=REPO,
        env={**_BASE_ENV, "AIRFLOW_SDK_CONFIG": str(tmp_path / "c.ini")}, stdin=secondary, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=True,  # no controlling terminal: getpass uses stdin, the pty
    )  # fmt: skip
    os.close(secondary)
    assert proc.stderr is not None
    prompt, echoed, deadline = b"", b"", time.monotonic() + 30
    try:
        while b"profile 't': " not in prompt and time.monotonic() < deadline:  # then echo is off
            if select.select([proc.stderr], [], [], 0.5)[0]:
                prompt += os.read(proc.stderr.fileno(), 1024) or b""
        os.write(primary, b"Typed-S3cret\n")
        out, rest = proc.communicate(timeout=30)
        while select.select([primary], [], [], 0.2)[0]:
            try:
                echoed += os.read(primary, 1024)
            except OSError:  # the other side closed
                break
    finally:
        os.close(primary)
        if proc.poll() is None:
            proc.kill()
    err = (prompt + rest).decode()
    assert proc.returncode == 0, err
    assert err.startswith("Password of alice for profile 't': ") and out == b""  # the prompt on stderr
    assert f"stored the password of alice of profile 't' in {target}" in err
    assert b"Typed-S3cret" not in echoed + out + prompt + rest
    assert target.read_text() == "Typed-S3cret\n" and target.stat().st_mode & 0o777 == 0o600
