"""Install and run a real Apache Airflow (2.x webserver or 3.x API server) on 127.0.0.1 for tests.

Standard library only.  Each Airflow version the tests use has an exact lock of every package
(``test/locks/airflow-<version>[-fab].txt``, Airflow itself included), installed with
``pip install --no-deps -r <lock>`` into a venv under
``${XDG_CACHE_HOME:-~/.cache}/airflow-python-sdk-tests`` named by the lock's digest, so new releases
on the package index change nothing and a changed lock makes a new venv.  Every start gets a fresh
``AIRFLOW_HOME`` with a SQLite database; the database made by the first full setup is cached and
copied by later starts, which then only run ``dags reserialize`` and the server (and, on request,
the scheduler).  What differs between Airflow 2 and 3 is data: one ``_Flavour`` per major version
(pip requirements, settings, setup commands, the server and scheduler commands, the health URL),
and what one release needs beyond its major's is a row of ``_PER_VERSION``.  Both run the DAG
files of ``test/dags``, which import through ``sdk_compat.py``.

Airflow 2 (``AIRFLOW_2_VERSION``): the webserver serves the v1 API at ``/api/v1``;
users ``admin``/``admin`` (role Admin) and ``viewer``/``viewer`` (role Viewer) are made
by ``airflow users create``; the API accepts HTTP Basic auth and answers 401 without it.

Airflow 3 (``AIRFLOW_3_VERSION``): ``airflow api-server`` (one uvicorn worker) serves
the v2 API at ``/api/v2``; the simple auth manager knows ``admin``/``admin`` (role
admin) and ``viewer``/``viewer`` (role viewer).  Requests carry a JWT bearer token
from ``POST {base_url}/auth/token`` with JSON ``{"username": ..., "password": ...}``.
With ``scheduler=True`` it also runs ``airflow scheduler`` (LocalExecutor, whose task
processes call the server's execution API) and ``airflow dag-processor``.
With ``fab=True`` it uses the FAB auth manager instead (the provider installed beside it,
the users made by ``airflow users create`` with roles Admin and Viewer), which also serves
users, roles and permissions at ``/auth/fab/v1``.

``AIRFLOW_2_VERSION`` and ``AIRFLOW_3_VERSION`` are 2.11.2 and 3.3.2, unless the environment
variable ``SDK_TEST_AIRFLOW`` names another version with a lock (``./scripts/test --airflow 2.7.3``
sets it): then that version replaces its major's default.

Command line: ``python test/airflow_server.py [--version V] [--fab] [--scheduler]`` prints
``AIRFLOW_API_URL=...`` and serves until Ctrl-C or SIGTERM; ``--check`` instead starts the version
from its lock, proves an authenticated write reads back and saves the served OpenAPI spec into
``test/specs/``; ``--lock`` first resolves the version's requirements afresh (what ``pip install``
would choose today) into its lock, then checks it and verifies the venv's ``pip freeze`` is the lock.
"""

from __future__ import annotations

import argparse
import atexit
import base64
import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ADMIN",
    "AIRFLOW_2_VERSION",
    "AIRFLOW_3_VERSION",
    "AIRFLOW_VERSIONS",
    "CHOSEN_VERSION",
    "VIEWER",
    "AirflowServer",
    "check_airflow",
    "ensure_airflow",
    "lock_file",
    "start_airflow",
]

_TEST_DIR = pathlib.Path(__file__).resolve().parent
_LOCKS = _TEST_DIR / "locks"
_SPECS = _TEST_DIR / "specs"


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


AIRFLOW_VERSIONS = tuple(sorted({path.stem.split("-")[1] for path in _LOCKS.glob("airflow-*.txt")}, key=_release))
"""Every Airflow version the tests can install: those with a lock in test/locks, oldest first."""
CHOSEN_VERSION = os.environ.get("SDK_TEST_AIRFLOW") or None
"""The version ``SDK_TEST_AIRFLOW`` names (``./scripts/test --airflow V``), or None."""
if CHOSEN_VERSION is not None and CHOSEN_VERSION not in AIRFLOW_VERSIONS:
    raise ValueError(f"SDK_TEST_AIRFLOW={CHOSEN_VERSION}: no lock for it; the versions are {AIRFLOW_VERSIONS}")
_DEFAULT_VERSIONS = {"2": "2.11.2", "3": "3.3.2"}
AIRFLOW_2_VERSION, AIRFLOW_3_VERSION = (
    CHOSEN_VERSION if CHOSEN_VERSION and CHOSEN_VERSION.split(".")[0] == major else default
    for major, default in _DEFAULT_VERSIONS.items()
)
GUNICORN_VERSION = "23.0.0"
FAB_PROVIDER_VERSION = "3.10.2"
ADMIN = ("admin", "admin")
VIEWER = ("viewer", "viewer")

_USERS = [(*ADMIN, "Admin"), (*VIEWER, "Viewer")]
_MARKER = ".sdk-install-complete"
_UNPINNED = {"pip", "setuptools", "wheel", "distribute"}  # what `pip freeze` leaves out, and so the locks
_SETUP_REVISION = "2"  # bump when the cached database's contents change
_START_TIMEOUT = 180.0
_STOP_TIMEOUT = 15.0
_DEFAULT_DAGS = _TEST_DIR / "dags"
_WEBSERVER_CONFIG = """\
from flask_appbuilder.const import AUTH_DB

AUTH_TYPE = AUTH_DB
AUTH_ROLE_PUBLIC = None  # no anonymous access: missing credentials get 401
WTF_CSRF_ENABLED = True
"""
# Settings whose values change with every start: not part of the cached database's key.
_PER_START_ENV = (
    "AIRFLOW_HOME",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
    "AIRFLOW__CORE__DAGS_FOLDER",
    "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE",
    "AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
    "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT",
    "AIRFLOW__API_AUTH__TRUSTED_JWKS_URL",  # a local issuer's, at a port chosen per start
    "AIRFLOW__API_AUTH__JWT_ISSUER",
)
# Both majors.  "{home}", "{base_url}" and "{port}" in settings and commands are filled in per start.
_COMMON_ENV = {
    "AIRFLOW_HOME": "{home}",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": "sqlite:///{home}/airflow.db",
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
    "AIRFLOW__CORE__PLUGINS_FOLDER": str(_TEST_DIR / "plugins"),
    "AIRFLOW__CORE__TEST_CONNECTION": "Enabled",
    "AIRFLOW__CORE__FERNET_KEY": "YWlyZmxvdy1weXRob24tc2RrLXRlc3RzLWZlcm5ldCE=",
    "AIRFLOW__API__MAXIMUM_PAGE_LIMIT": "10000",
    "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "1",
}


_USERS_CREATE = tuple(
    (
        (
            *("users", "create", "--username", name, "--password", password, "--role", role),
            *("--email", f"{name}@example.com", "--firstname", name, "--lastname", "User"),
        ),
        {},
    )
    for name, password, role in _USERS
)
"""The setup steps making the users in the FAB auth manager's database."""


@dataclass(frozen=True)
class _Flavour:
    """Everything that differs between Airflow major versions."""

    api_version: str  # the REST API's path segment: "v1" or "v2"
    requirements: tuple[str, ...]  # pip requirements its lock is resolved from; "{version}" is filled in
    imports: str  # modules a working venv can import
    env: dict[str, str]  # settings on top of _COMMON_ENV
    files: dict[str, str]  # written into AIRFLOW_HOME before anything runs
    setup: tuple[tuple[tuple[str, ...], dict[str, str]], ...]  # (CLI args, extra env) making the cached DB
    server: tuple[str, ...]  # CLI args of the server
    server_log: str  # its log file in AIRFLOW_HOME
    health: str  # path under api_url answering 200 once the server is up
    spec: str  # path under base_url of the OpenAPI spec it serves
    scheduler: tuple[tuple[str, ...], ...]  # CLI args of the processes scheduler=True adds


_AIRFLOW_2 = _Flavour(
    api_version="v1",
    requirements=("apache-airflow=={version}", f"gunicorn=={GUNICORN_VERSION}"),
    imports="airflow, gunicorn",
    env={
        "AIRFLOW__CORE__EXECUTOR": "SequentialExecutor",
        "AIRFLOW__API__AUTH_BACKENDS": (
            "airflow.api.auth.backend.session,airflow.providers.fab.auth_manager.api.auth.backend.basic_auth"
        ),
        "AIRFLOW__WEBSERVER__SECRET_KEY": "airflow-python-sdk-tests-secret-key",
        "AIRFLOW__WEBSERVER__EXPOSE_CONFIG": "True",
        "AIRFLOW__WEBSERVER__WORKERS": "1",
        "AIRFLOW__WEBSERVER__WORKER_REFRESH_BATCH_SIZE": "0",
        "AIRFLOW__WEBSERVER__WARN_DEPLOYMENT_EXPOSURE": "False",
        "AIRFLOW__FAB__UPDATE_FAB_PERMS": "False",  # `airflow sync-perm` did it already
        "AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL": "5",
    },
    files={"webserver_config.py": _WEBSERVER_CONFIG},
    setup=(
        (("db", "migrate"), {}),
        # sync-perm creates the FAB views' permissions (users, roles) only with update_fab_perms on
        (("sync-perm",), {"AIRFLOW__FAB__UPDATE_FAB_PERMS": "True"}),
        *_USERS_CREATE,
    ),
    server=("webserver", "--hostname", "127.0.0.1", "--port", "{port}", "--workers", "1"),
    server_log="webserver.log",
    health="/health",
    spec="/api/v1/openapi.yaml",
    scheduler=(("scheduler",),),
)

_AIRFLOW_3 = _Flavour(
    api_version="v2",
    requirements=("apache-airflow=={version}",),
    imports="airflow.sdk, uvicorn",
    env={
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": "1",  # one LocalExecutor worker process (about 130 MB)
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": ",".join(f"{name}:{role.lower()}" for name, _, role in _USERS),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": "{home}/simple_auth_manager_passwords.json",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": "{base_url}/execution/",
        "AIRFLOW__API_AUTH__JWT_SECRET": "airflow-python-sdk-tests-jwt-secret-" + "0123456789abcdef" * 3,
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__WORKERS": "1",
        "AIRFLOW__API__EXPOSE_CONFIG": "True",
        "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "5",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        # task logs also link to an (imaginary) external viewer, so get_external_log_url has an answer
        "AIRFLOW__LOGGING__LOGGING_CONFIG_CLASS": "sdk_ti3_external_log.LOGGING_CONFIG",
        "PYTHONPATH": str(_DEFAULT_DAGS),
    },
    files={"simple_auth_manager_passwords.json": json.dumps({name: password for name, password, _ in _USERS})},
    setup=((("db", "migrate"), {}),),
    server=("api-server", "--host", "127.0.0.1", "--port", "{port}", "--workers", "1"),
    server_log="api-server.log",
    health="/monitor/health",
    spec="/openapi.json",
    scheduler=(("scheduler",), ("dag-processor",)),
)

_AIRFLOW_3_FAB = dataclasses.replace(
    _AIRFLOW_3,
    requirements=(*_AIRFLOW_3.requirements, f"apache-airflow-providers-fab=={FAB_PROVIDER_VERSION}"),
    imports=_AIRFLOW_3.imports + ", airflow.providers.fab",
    env={
        **_AIRFLOW_3.env,
        "AIRFLOW__CORE__AUTH_MANAGER": "airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager",
    },
    setup=(*_AIRFLOW_3.setup, *_USERS_CREATE),
)
"""Airflow 3 with the FAB auth manager, whose own API (``/auth/fab/v1``) manages users and roles."""

_FLAVOURS = {"2": _AIRFLOW_2, "3": _AIRFLOW_3, "3+fab": _AIRFLOW_3_FAB}

# Before 2.9 no FAB provider: the API's Basic auth backend is Airflow's own, and [fab] settings are [webserver]'s
_BEFORE_2_9 = {
    "AIRFLOW__API__AUTH_BACKENDS": "airflow.api.auth.backend.session,airflow.api.auth.backend.basic_auth",
    "AIRFLOW__WEBSERVER__UPDATE_FAB_PERMS": "False",  # `airflow sync-perm` updates them whatever this says
}
_PER_VERSION: dict[str, dict[str, Any]] = {
    "2.7.3": {"requirements": ("Flask-Session==0.5.0",), "env": _BEFORE_2_9},  # `db migrate` fails with 0.8
    "2.8.4": {"env": _BEFORE_2_9},
    # /auth/token answers 500 with PyJWT 2.15 (not 2.10.1); with today's FastAPI a write reads as missing
    # right after its 201 (not with 0.117.1 and the cadwyn made for it)
    "3.0.6": {"requirements": ("PyJWT==2.10.1", "fastapi==0.117.1", "cadwyn==5.4.4")},
    # FAB_PROVIDER_VERSION needs a newer PyJWT than 3.0.6 works with, and so does Flask-JWT-Extended 4.7.3
    "3.0.6+fab": {"requirements": ("apache-airflow-providers-fab==2.4.4", "Flask-JWT-Extended==4.7.1")},
    # the API server does not start with today's FastAPI (0.165: a pydantic discriminator error); 3.3 caps it <0.137
    "3.2.2": {"requirements": ("fastapi==0.136.3",)},
}
"""What a release (``"3.0.6"``; with the FAB provider also ``"3.0.6+fab"``) needs beyond its major's
``_Flavour``: a dict is merged into the field; requirements are added, a pin replacing the field's pin
of the same package."""


def _fill(text: str, **values: object) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` (other braces are left alone)."""
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", str(value))
    return text


def _flavour(version: str, fab: bool = False) -> _Flavour:
    major = version.split(".", 1)[0] + ("+fab" if fab else "")
    if major not in _FLAVOURS:
        raise ValueError(f"no test setup for Airflow {version}: known majors are {sorted(_FLAVOURS)}")
    flavour = _FLAVOURS[major]
    for row in (version, version + "+fab") if fab else (version,):
        changes: dict[str, Any] = {}
        for name, value in _PER_VERSION.get(row, {}).items():
            if name == "requirements":
                replaced = {_package(pin) for pin in value}
                changes[name] = (*(pin for pin in flavour.requirements if _package(pin) not in replaced), *value)
            else:
                changes[name] = {**getattr(flavour, name), **value}
        flavour = dataclasses.replace(flavour, **changes)
    return flavour


def _package(requirement: str) -> str:
    """The canonical package name of a requirement (``"Flask_Session==0.5.0"`` -> ``"flask-session"``)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[=<>!~\[; ]", requirement, maxsplit=1)[0]).lower()


def _log(message: str) -> None:
    print(f"[airflow_server] {message}", file=sys.stderr, flush=True)


def _cache_root() -> pathlib.Path:
    base = os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache"
    root = pathlib.Path(base) / "airflow-python-sdk-tests"
    root.mkdir(parents=True, exist_ok=True)
    return root


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<cache root>/<name>.lock``."""
    with open(_cache_root() / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _venv_works(venv: pathlib.Path, imports: str) -> bool:
    if not (venv / "bin" / "airflow").exists():
        return False
    check = [str(venv / "bin" / "python"), "-c", f"import {imports}"]
    return subprocess.run(check, capture_output=True).returncode == 0


def lock_file(version: str, fab: bool = False) -> pathlib.Path:
    """The lock of Airflow ``version`` (with the FAB provider): ``test/locks/airflow-<version>[-fab].txt``."""
    return _LOCKS / f"airflow-{version}{'-fab' if fab else ''}.txt"


def ensure_airflow(version: str = AIRFLOW_2_VERSION, fab: bool = False) -> pathlib.Path:
    """Return the venv holding exactly the lock of Airflow ``version`` (with the FAB provider), installing it first.

    Raises FileNotFoundError when the version has no lock, RuntimeError when its install fails.
    """
    flavour = _flavour(version, fab)
    lock = lock_file(version, fab)
    if not lock.exists():
        raise FileNotFoundError(
            f"no lock {lock}: make one with `python test/airflow_server.py --lock{' --fab' if fab else ''}"
            f" --version {version}`"
        )
    pins = "\n".join(sorted(_pins(lock.read_text().splitlines())))  # not its comments or order
    venv = _cache_root() / f"{lock.stem}-{hashlib.sha256(pins.encode()).hexdigest()[:12]}"
    marker = venv / _MARKER
    if marker.exists():
        return venv
    with _locked(venv.name):
        if marker.exists():
            return venv
        shutil.rmtree(venv, ignore_errors=True)  # what an interrupted install left
        _log(f"installing {lock.name} into {venv} (about a minute)")
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        done = subprocess.run([*pip, "--no-deps", "-r", str(lock)], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"pip could not install {lock}:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        if not _venv_works(venv, flavour.imports):
            raise RuntimeError(f"Airflow installed into {venv} but cannot be imported")
        _log(f"installed in {time.monotonic() - started:.0f} s")
        marker.write_text(lock.read_text())
    return venv


@dataclass
class AirflowServer:
    """A running Airflow webserver or API server (and optional scheduler); stop() ends it.

    ``api_url`` is ``base_url + "/api/v1"`` for Airflow 2 and ``base_url + "/api/v2"`` for Airflow 3.
    """

    version: str
    base_url: str
    api_url: str
    home: pathlib.Path
    env: dict[str, str] = field(repr=False)
    _venv: pathlib.Path = field(repr=False, default=pathlib.Path())
    fab: bool = False  # Airflow 3 with the FAB auth manager
    _procs: list[subprocess.Popen[bytes]] = field(repr=False, default_factory=list)

    @property
    def api_version(self) -> str:
        """The REST API version this server speaks: "v1" (Airflow 2) or "v2" (Airflow 3)."""
        return _flavour(self.version, self.fab).api_version

    @property
    def spec_url(self) -> str:
        """Where the server serves its API's OpenAPI spec (v1: YAML, v2: JSON)."""
        return self.base_url + _flavour(self.version, self.fab).spec

    @property
    def server_log(self) -> pathlib.Path:
        """The log of the webserver (Airflow 2, with its access log) or API server (Airflow 3)."""
        return self.home / _flavour(self.version, self.fab).server_log

    def airflow(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run the ``airflow`` CLI in this server's environment (raises on failure)."""
        return _run_cli(self._venv, self.env, args, timeout)

    def stop(self) -> None:
        """Stop every process started for this server and delete its AIRFLOW_HOME."""
        procs, self._procs = self._procs, []
        # Leaders are not reaped before the SIGKILL below, so their ids cannot be reused.
        for proc in procs:
            _signal_session(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + _STOP_TIMEOUT
        while time.monotonic() < deadline and any(_session_pids(p.pid) for p in procs):
            time.sleep(0.2)
        for proc in procs:
            _signal_session(proc.pid, signal.SIGKILL)  # includes children in other groups
            proc.wait()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> AirflowServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _session_pids(sid: int) -> list[int]:
    """Live (non-zombie) processes of session ``sid``, read from /proc."""
    pids = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # fields 3 and 6 of /proc/PID/stat
            pids.append(int(stat.parent.name))
    return pids


def _signal_session(sid: int, sig: signal.Signals) -> None:
    """Send ``sig`` to process group ``sid`` and to every process in session ``sid``."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(sid, sig)
    for pid in _session_pids(sid):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, sig)


def _running(proc: subprocess.Popen[bytes]) -> bool:
    """Whether ``proc`` is still running; unlike poll() it leaves an exited one unreaped."""
    if proc.returncode is not None:
        return False
    try:
        return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None
    except ChildProcessError:
        return False


def _run_cli(
    venv: pathlib.Path, env: dict[str, str], args: tuple[str, ...], timeout: float
) -> subprocess.CompletedProcess[str]:
    command = [str(venv / "bin" / "airflow"), *args]
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.CalledProcessError as error:
        _log(f"`airflow {' '.join(args)}` failed:\n{(error.stdout or '')[-2000:]}{(error.stderr or '')[-4000:]}")
        raise


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _make_env(
    venv: pathlib.Path,
    flavour: _Flavour,
    home: pathlib.Path,
    base_url: str,
    dags_folder: pathlib.Path,
    extra_env: dict[str, str],
) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AIRFLOW") and key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", PYTHONWARNINGS="ignore")
    for key, value in {**_COMMON_ENV, **flavour.env}.items():
        env[key] = _fill(value, home=home, base_url=base_url)
    env["AIRFLOW__CORE__DAGS_FOLDER"] = str(dags_folder)
    env.update(extra_env)
    return env


def _prepare_database(
    venv: pathlib.Path, version: str, flavour: _Flavour, env: dict[str, str], home: pathlib.Path
) -> None:
    """Put a migrated database (with roles and users on Airflow 2) into ``home``; cache it for later starts."""
    settings = {k: v for k, v in env.items() if k.startswith("AIRFLOW") and k not in _PER_START_ENV}
    key = json.dumps([_SETUP_REVISION, venv.name, _USERS, sorted(settings.items())])  # venv: named by its lock
    cached = _cache_root() / f"airflow-{version}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.db"
    target = home / "airflow.db"
    with _locked(f"airflow-{version}-db"):
        if cached.exists():
            shutil.copyfile(cached, target)
            return
        _log(f"first start: {' / '.join('airflow ' + ' '.join(args[:2]) for args, _ in flavour.setup)}")
        for args, setup_env in flavour.setup:
            _run_cli(venv, {**env, **setup_env}, args, 600)
        partial = cached.with_suffix(".partial")
        shutil.copyfile(target, partial)
        os.replace(partial, cached)


def _log_tail(path: pathlib.Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _spawn(venv: pathlib.Path, env: dict[str, str], log: pathlib.Path, *args: str) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen(
            [str(venv / "bin" / "airflow"), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: pathlib.Path) -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while True:
        if not _running(proc):
            raise RuntimeError(f"airflow server exited:\n{_log_tail(log)}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as answer:
            if answer.status == 200:
                return
        if time.monotonic() > deadline:
            raise RuntimeError(f"airflow server not healthy after {_START_TIMEOUT:.0f} s:\n{_log_tail(log)}")
        time.sleep(0.5)


def start_airflow(
    version: str = AIRFLOW_2_VERSION,
    dags_folder: pathlib.Path | None = None,
    scheduler: bool = False,
    extra_env: dict[str, str] | None = None,
    fab: bool = False,
) -> AirflowServer:
    """Start Airflow ``version``'s server on a free 127.0.0.1 port and wait until it is healthy.

    ``dags_folder`` defaults to test/dags (its files import through sdk_compat.py); ``scheduler``
    also runs what executes DAG runs; ``extra_env`` overrides settings (``AIRFLOW__SECTION__KEY``);
    ``fab`` (Airflow 3) uses the FAB auth manager instead of the simple one.
    """
    started = time.monotonic()
    flavour = _flavour(version, fab)
    venv = ensure_airflow(version, fab)
    home = pathlib.Path(tempfile.mkdtemp(prefix="airflow-sdk-home-"))
    for name, text in flavour.files.items():
        (home / name).write_text(text)
    dags = pathlib.Path(dags_folder or _DEFAULT_DAGS).resolve()
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = _make_env(venv, flavour, home, base_url, dags, extra_env or {})
    server = AirflowServer(version, base_url, f"{base_url}/api/{flavour.api_version}", home, env, venv, fab)
    atexit.register(server.stop)
    try:
        _prepare_database(venv, version, flavour, env, home)
        log = server.server_log
        web = _spawn(venv, env, log, *(_fill(arg, port=port) for arg in flavour.server))
        server._procs.append(web)
        server.airflow("dags", "reserialize")  # while the server boots: saves seconds
        if scheduler:
            env["AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT"] = str(_free_port())  # not 8793
            for args in flavour.scheduler:
                server._procs.append(_spawn(venv, env, home / f"{args[0]}.log", *args))
        _wait_healthy(server.api_url + flavour.health, web, log)
    except BaseException:
        server.stop()
        raise
    _log(f"Airflow {version} up at {base_url} in {time.monotonic() - started:.1f} s (home {home})")
    return server


def _pins(lines: list[str]) -> set[str]:
    """The ``name==version`` lines of a lock or a freeze, names made canonical (comments and blanks dropped)."""
    pins = (line.split("#", 1)[0].strip() for line in lines)
    return {f"{_package(pin)}=={pin.partition('==')[2]}" for pin in pins if pin}


def make_lock(version: str, fab: bool = False) -> pathlib.Path:
    """Write Airflow ``version``'s lock: what ``pip install`` of its requirements chooses today.

    The requirements are its ``_Flavour``'s plus its ``_PER_VERSION`` pins; nothing is installed (a
    dry run of this interpreter's pip, whose Python the test venvs share). Returns the lock's path.
    """
    requirements = [_fill(requirement, version=version) for requirement in _flavour(version, fab).requirements]
    with tempfile.TemporaryDirectory() as tmp:
        report = pathlib.Path(tmp) / "report.json"
        pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--dry-run"]
        subprocess.run([*pip, "--ignore-installed", "--report", str(report), *requirements], check=True)
        chosen = [item["metadata"] for item in json.loads(report.read_text())["install"]]
    pins = [f"{meta['name']}=={meta['version']}" for meta in chosen if meta["name"].lower() not in _UNPINNED]
    lock = lock_file(version, fab)
    lock.parent.mkdir(exist_ok=True)
    header = (
        f"# Airflow {version}{' with the FAB provider' if fab else ''} for the tests: every package, exactly"
        f" (`pip install --no-deps -r` this).\n# Made by `python test/airflow_server.py --lock --version {version}"
        f"{' --fab' if fab else ''}` from: {' '.join(requirements)}\n"
    )
    lock.write_text(header + "\n".join(sorted(pins, key=lambda pin: pin.split("==")[0].lower())) + "\n")  # as freeze
    _log(f"wrote {lock} ({len(pins)} packages)")
    return lock


def _output(command: list[str]) -> list[str]:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()


def _call(url: str, headers: dict[str, str], method: str = "GET", body: object = None) -> Any:
    """The JSON answer (None for an empty one) to one request; raises RuntimeError on an error status."""
    request = urllib.request.Request(url, None if body is None else json.dumps(body).encode(), headers, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{method} {url}: {error.code} {error.read()[:500]!r}") from error
    return json.loads(text) if text.strip() else None


def check_airflow(server: AirflowServer) -> pathlib.Path | None:
    """Prove ``server`` works for the tests and keep the OpenAPI spec it serves; return the spec's path.

    Checks: the venv's ``pip freeze`` is the version's lock; ``/version`` names the version; an admin
    (Airflow 2: Basic auth; Airflow 3: a token from ``/auth/token``) creates a variable, reads it back
    and deletes it.  The spec (v1: ``/api/v1/openapi.yaml``, v2: ``/openapi.json``) is saved
    as served into ``test/specs/airflow-<version>-<v1|v2>-openapi.<yaml|json>`` (None with ``fab``: the
    same spec).  Raises RuntimeError on the first thing that is wrong.
    """
    lock = lock_file(server.version, server.fab)
    freeze = [str(server._venv / "bin" / "python"), "-m", "pip", "freeze", "--disable-pip-version-check"]
    frozen, locked = (_pins(lines) for lines in (_output(freeze), lock.read_text().splitlines()))
    if frozen != locked:
        raise RuntimeError(f"{server._venv} is not {lock.name}: has {frozen - locked}, lacks {locked - frozen}")
    if server.api_version == "v1":
        headers = {"Authorization": "Basic " + base64.b64encode(":".join(ADMIN).encode()).decode()}
    else:
        login = {"username": ADMIN[0], "password": ADMIN[1]}
        headers = {
            "Authorization": "Bearer " + _call(server.base_url + "/auth/token", {}, "POST", login)["access_token"]
        }
    served = _call(server.api_url + "/version", headers)["version"]
    if served != server.version:
        raise RuntimeError(f"{server.base_url} says it is Airflow {served}, not {server.version}")
    key = f"sdk-check-{os.getpid()}"
    _call(server.api_url + "/variables", headers, "POST", {"key": key, "value": "written"})
    read = _call(f"{server.api_url}/variables/{key}", headers)
    _call(f"{server.api_url}/variables/{key}", headers, "DELETE")
    if read.get("value") != "written":
        raise RuntimeError(f"variable {key} written, read back as {read}")
    if server.fab:
        return None
    spec = _SPECS / f"airflow-{server.version}-{server.api_version}-{server.spec_url.rsplit('/', 1)[1]}"
    spec.parent.mkdir(exist_ok=True)
    with urllib.request.urlopen(server.spec_url, timeout=30) as answer:
        spec.write_bytes(answer.read())
    return spec


def main(argv: list[str] | None = None) -> int:
    """Command line entry: start a server, print its URL, serve until interrupted (or --check / --lock it)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=AIRFLOW_2_VERSION, help=f"one of {', '.join(AIRFLOW_VERSIONS)}")
    parser.add_argument("--fab", action="store_true", help="Airflow 3 with the FAB auth manager")
    parser.add_argument("--scheduler", action="store_true", help="also run the scheduler")
    parser.add_argument("--dags-folder", type=pathlib.Path, default=None)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="start the version from its lock, check it, save its spec")
    mode.add_argument("--lock", action="store_true", help="resolve the version's lock afresh, then --check it")
    args = parser.parse_args(argv)
    if args.lock or args.check:
        if args.lock:
            make_lock(args.version, args.fab)
        with start_airflow(args.version, args.dags_folder, scheduler=args.scheduler, fab=args.fab) as server:
            spec = check_airflow(server)
        _log(f"Airflow {args.version} from {lock_file(args.version, args.fab).name} works; spec: {spec}")
        return 0
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with it ignored
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with start_airflow(args.version, args.dags_folder, scheduler=args.scheduler, fab=args.fab) as server:
            print(f"AIRFLOW_API_URL={server.api_url}")
            print(f"AIRFLOW_USERNAME={ADMIN[0]}\nAIRFLOW_PASSWORD={ADMIN[1]}")
            print(f"AIRFLOW_VIEWER_USERNAME={VIEWER[0]}\nAIRFLOW_VIEWER_PASSWORD={VIEWER[1]}", flush=True)
            while all(_running(proc) for proc in server._procs):
                time.sleep(1)
            _log("an Airflow process exited unexpectedly")
            return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
