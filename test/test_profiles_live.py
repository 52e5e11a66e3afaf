"""Profiles against the real servers: a config file in a temporary config folder (XDG_CONFIG_HOME) drives
``Configuration.from_profile`` and ``airflow-sdk --profile NAME`` (a real subprocess) on Airflow 2.11.2 (password
by ``env:``) and 3.3.2 (password by ``file:``, its bare URL: the API is found); flags win over a profile;
``auth login`` stores a secret (keyrings.alt's real PlaintextKeyring, or a 0600 file) that the next command uses;
a 401 without credentials names the flags, variables and profiles to use; secrets are never printed."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import urllib.request
from dataclasses import dataclass

import pytest

from airflow_python_sdk import ApiClient, Configuration, auth
from airflow_python_sdk.api.dag_api import DAGApi

from airflow_server import ADMIN, AirflowServer

pytestmark = pytest.mark.live

REPO = pathlib.Path(__file__).resolve().parent.parent
KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"
_BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "XDG_", "PYTHON_KEYRING"))}


@dataclass(frozen=True)
class Home:
    """A temporary user: its config folder (XDG_CONFIG_HOME), its data folder (the plaintext keyring's)."""

    root: pathlib.Path

    @property
    def config(self) -> pathlib.Path:
        return self.root / "xdg" / "airflow-sdk" / "config.ini"

    @property
    def env(self) -> dict[str, str]:
        return {"XDG_CONFIG_HOME": str(self.root / "xdg"), "XDG_DATA_HOME": str(self.root / "data"),
                "PYTHON_KEYRING_BACKEND": KEYRING_BACKEND}  # fmt: skip

    def write(self, text: str, mode: int = 0o600) -> None:
        self.config.parent.mkdir(parents=True, exist_ok=True)
        self.config.write_text(text)
        self.config.chmod(mode)

    def secret_file(self, name: str, text: str) -> pathlib.Path:
        path = self.root / "secrets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(0o600)
        return path


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str

    def dag_ids(self) -> list[str]:
        assert self.code == 0, self.err
        return sorted(d["dag_id"] for d in json.loads(self.out))


@pytest.fixture
def home(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """A temporary config folder, also this process's (for Configuration.from_profile)."""
    made = Home(tmp_path)
    for name in ("AIRFLOW_SDK_CONFIG", "AIRFLOW_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", made.env["XDG_CONFIG_HOME"])
    return made


def run(*args: str, env: dict[str, str], stdin: str = "") -> Done:
    """``airflow-sdk ARGS`` as a subprocess with only ``env``'s AIRFLOW_*/XDG_* variables."""
    done = subprocess.run([sys.executable, "-m", "airflow_python_sdk", *args], cwd=REPO, env={**_BASE_ENV, **env},
                          capture_output=True, text=True, timeout=120, input=stdin)  # fmt: skip
    return Done(done.returncode, done.stdout, done.stderr)


def sdk_dag_ids(config: Configuration) -> list[str]:
    with ApiClient(config) as client:
        return sorted(d.dag_id for d in DAGApi(client).get_dags(limit=500).dags)


def jwt(server: AirflowServer) -> str:
    """A token from Airflow 3's own ``POST /auth/token``."""
    body = json.dumps({"username": ADMIN[0], "password": ADMIN[1]}).encode()
    request = urllib.request.Request(server.base_url + "/auth/token", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return str(json.loads(answer.read())["access_token"])


# --- one profile per server drives the SDK and the command ----------------------------------------------------


def test_a_profile_drives_the_sdk_and_the_command(
    any_airflow: AirflowServer, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Airflow 2: its API URL, the password by env:; Airflow 3: its bare URL, the password by file:."""
    if any_airflow.api_version == "v1":
        name, url, ref, env = "af2", any_airflow.api_url, "env:AF_PROFILE_PASSWORD", {"AF_PROFILE_PASSWORD": ADMIN[1]}
        monkeypatch.setenv("AF_PROFILE_PASSWORD", ADMIN[1])
    else:
        name, url, env = "af3", any_airflow.base_url, {}
        ref = f"file:{home.secret_file('af3.password', ADMIN[1] + chr(10))}"
    home.write(f"[other]\nurl = http://127.0.0.1:9\nauth = none\n\n"
               f"[{name}]\nurl = {url}\nauth = password\nusername = {ADMIN[0]}\npassword = {ref}\n")  # fmt: skip

    config = Configuration.from_profile(name)
    assert isinstance(config.auth, auth.UsernamePassword) and config.host == url
    listed = sdk_dag_ids(config)
    assert "sdk_example" in listed
    assert config.api_version == any_airflow.api_version  # the bare URL's API was found
    assert config.auth.logins == (1 if any_airflow.api_version == "v2" else 0)  # Airflow 3: one JWT login

    by_flag = run("--profile", name, "dags", "list", "--all", "--json", env={**home.env, **env})
    by_env = run("dags", "list", "--all", "--json", env={**home.env, **env, "AIRFLOW_PROFILE": name})
    assert by_flag.dag_ids() == by_env.dag_ids() == listed
    assert by_flag.err == ""  # a private file and references: no warning


def test_without_a_url_the_default_profile_is_used(airflow: AirflowServer, home: Home) -> None:
    home.write(f"[default]\nurl = {airflow.api_url}\nauth = password\nusername = admin\npassword = env:PW\n")
    assert "sdk_example" in run("dags", "list", "--all", "--json", env={**home.env, "PW": ADMIN[1]}).dag_ids()
    dead = run("dags", "list", env={**home.env, "PW": ADMIN[1], "AIRFLOW_API_URL": "http://127.0.0.1:9/api/v1"})
    assert dead.code == 1 and "Connection refused" in dead.err  # AIRFLOW_API_URL set: the environment's server
    unnamed = run("--profile", "nope", "dags", "list", env=home.env)
    assert unnamed.code == 2 and f"no profile 'nope' in {home.config}: the profiles there: default" in unnamed.err


def test_flags_win_over_the_profile(airflow: AirflowServer, airflow3: AirflowServer, home: Home) -> None:
    user = "auth = password\nusername = admin\npassword = env:PW\n\n"
    home.write(f"[wrong2]\nurl = {airflow.api_url}\n{user}[dead]\nurl = http://127.0.0.1:9/api/v1\n{user}"
               f"[wrong3]\nurl = {airflow3.api_url}\n{user}")  # fmt: skip
    env = {**home.env, "PW": "not-the-password"}
    refused = run("--profile", "wrong2", "dags", "list", env=env)
    assert refused.code == 1 and "401" in refused.err
    assert run("--profile", "wrong2", "--password", ADMIN[1], "dags", "list", "--all", "--json", env=env).dag_ids()
    moved = run("--profile", "dead", "--url", airflow.api_url, "dags", "list", "--json", "--all",
                env={**env, "PW": ADMIN[1]})  # fmt: skip
    assert "sdk_example" in moved.dag_ids()
    assert run("--profile", "wrong3", "dags", "list", env=env).code == 1
    token = run("--profile", "wrong3", "--token", jwt(airflow3), "dags", "list", "--all", "--json", env=env)
    assert "sdk_example" in token.dag_ids()  # the token wins; the profile's password is not even read


def test_a_readable_config_file_with_a_literal_password_is_warned_of(airflow: AirflowServer, home: Home) -> None:
    home.write(f"[lit]\nurl = {airflow.api_url}\nauth = password\nusername = admin\npassword = {ADMIN[1]}\n", 0o644)
    done = run("--profile", "lit", "dags", "list", "--all", "--json", env=home.env)
    assert "sdk_example" in done.dag_ids()  # a warning, not a refusal
    assert done.err == (f"airflow-sdk: warning: profile 'lit' holds its password in the config file, but "
                        f"{home.config} can be read by others (mode 644): chmod 600 {home.config}\n")  # fmt: skip
    home.config.chmod(0o600)
    private = run("--profile", "lit", "dags", "list", "--all", "--json", env=home.env)
    assert private.err == "" and private.dag_ids() == done.dag_ids()


# --- auth login ---------------------------------------------------------------------------------------------------


def test_auth_login_stores_the_secret_the_next_command_uses(
    airflow: AirflowServer, airflow3: AirflowServer, home: Home
) -> None:
    token_file = home.root / "tokens" / "af3.jwt"
    home.write(f"[kr2]\nurl = {airflow.api_url}\nauth = password\nusername = admin\npassword = keyring:\n\n"
               f"[tok3]\nurl = {airflow3.api_url}\nauth = token\ntoken = file:{token_file}\n")  # fmt: skip

    before = run("--profile", "kr2", "dags", "list", env=home.env)
    assert before.code == 2 and "the system keyring has no airflow-sdk/kr2: run airflow-sdk auth login" in before.err
    login = run("auth", "login", "--profile", "kr2", env=home.env, stdin=ADMIN[1] + "\n")
    assert login.code == 0 and login.err == "stored the password of admin of profile 'kr2' in the system keyring " \
        "(airflow-sdk/kr2)\n"  # fmt: skip
    assert (home.root / "data" / "python_keyring" / "keyring_pass.cfg").is_file()  # the real backend's file
    assert "sdk_example" in run("--profile", "kr2", "dags", "list", "--all", "--json", env=home.env).dag_ids()

    token = jwt(airflow3)
    login = run("auth", "login", env={**home.env, "AIRFLOW_PROFILE": "tok3"}, stdin=token + "\n")
    assert login.code == 0 and login.err == f"stored the token of profile 'tok3' in {token_file}\n"
    assert token_file.read_text() == token + "\n" and token_file.stat().st_mode & 0o777 == 0o600
    assert "sdk_example" in run("--profile", "tok3", "dags", "list", "--all", "--json", env=home.env).dag_ids()


# --- what a failure says, and never says ------------------------------------------------------------------------


def test_a_401_without_credentials_names_the_flags_variables_and_profiles(any_airflow: AirflowServer) -> None:
    done = run("--url", any_airflow.api_url, "dags", "list", env={"XDG_CONFIG_HOME": "/nonexistent"})
    assert done.code == 1 and done.err.startswith("airflow-sdk: error: 401 "), done.err
    assert (
        "no credentials were sent: use --username and --password (env AIRFLOW_USERNAME, AIRFLOW_PASSWORD), --token "
        "(env AIRFLOW_API_TOKEN), a token file (env AIRFLOW_API_TOKEN_FILE) or --profile NAME (env AIRFLOW_PROFILE; "
        "airflow-sdk profiles add)"
    ) in done.err
    assert "username=" not in done.err  # the SDK's keywords are not the command's


def test_a_profiles_secret_is_never_printed(any_airflow: AirflowServer, home: Home) -> None:
    secret = "Wr0ng-S3cret-for-profiles"
    pw_file = home.secret_file("wrong", secret + "\n")
    home.write(f"[env]\nurl = {any_airflow.api_url}\nauth = password\nusername = admin\npassword = env:PW\n\n"
               f"[file]\nurl = {any_airflow.api_url}\nauth = password\nusername = admin\npassword = file:{pw_file}\n\n"
               f"[tok]\nurl = {any_airflow.api_url}\nauth = token\ntoken = env:PW\n")  # fmt: skip
    for name in ("env", "file", "tok"):
        done = run("-v", "--profile", name, "dags", "list", env={**home.env, "PW": secret})
        refused = 403 if (any_airflow.api_version, name) == ("v2", "tok") else 401  # 3.3.2: a bad JWT is a 403
        assert done.code == 1 and f"airflow-sdk: error: {refused} " in done.err, done
        text = done.out + done.err
        assert secret not in text and "Authorization" not in text and "Traceback" not in text, text
        assert "GET http://" in done.err or "POST http://" in done.err  # -v logged the requests
    shown = run("profiles", "show", "file", env=home.env)
    assert shown.code == 0 and f"file:{pw_file}" in shown.out and secret not in shown.out
