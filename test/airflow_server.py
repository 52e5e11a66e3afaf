"""Install and run a real Apache Airflow (2.x webserver or 3.x API server) on 127.0.0.1 for tests.

Standard library only.  Airflow is pip-installed (from PyPI, no constraint
files) into a venv per version under ``${XDG_CACHE_HOME:-~/.cache}/airflow-python-sdk-tests``
the first time it is needed.  Every start gets a fresh ``AIRFLOW_HOME`` with a
SQLite database; the database made by the first full setup is cached and copied
by later starts, which then only run ``dags reserialize`` and the server (and, on
request, the scheduler).  What differs between Airflow 2 and 3 is data: one
``_Flavour`` per major version (pip requirements, settings, setup commands, the
server and scheduler commands, the health URL).  Both run the DAG files of
``test/dags``, which import through ``sdk_compat.py``.

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

Command line: ``python test/airflow_server.py [--version V] [--scheduler]`` prints
``AIRFLOW_API_URL=...`` and serves until Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "ADMIN",
    "AIRFLOW_2_VERSION",
    "AIRFLOW_3_VERSION",
    "VIEWER",
    "AirflowServer",
    "ensure_airflow",
    "start_airflow",
]

AIRFLOW_2_VERSION = "2.11.2"
AIRFLOW_3_VERSION = "3.3.2"
GUNICORN_VERSION = "23.0.0"
FAB_PROVIDER_VERSION = "3.10.2"
ADMIN = ("admin", "admin")
VIEWER = ("viewer", "viewer")

_USERS = [(*ADMIN, "Admin"), (*VIEWER, "Viewer")]
_MARKER = ".sdk-install-complete"
_SETUP_REVISION = "2"  # bump when the cached database's contents change
_START_TIMEOUT = 180.0
_STOP_TIMEOUT = 15.0
_TEST_DIR = pathlib.Path(__file__).resolve().parent
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
    requirements: tuple[str, ...]  # pip requirements; "{version}" is filled in
    imports: str  # modules a working venv can import
    env: dict[str, str]  # settings on top of _COMMON_ENV
    files: dict[str, str]  # written into AIRFLOW_HOME before anything runs
    setup: tuple[tuple[tuple[str, ...], dict[str, str]], ...]  # (CLI args, extra env) making the cached DB
    server: tuple[str, ...]  # CLI args of the server
    server_log: str  # its log file in AIRFLOW_HOME
    health: str  # path under api_url answering 200 once the server is up
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


def _fill(text: str, **values: object) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` (other braces are left alone)."""
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", str(value))
    return text


def _flavour(version: str, fab: bool = False) -> _Flavour:
    major = version.split(".", 1)[0] + ("+fab" if fab else "")
    if major not in _FLAVOURS:
        raise ValueError(f"no test setup for Airflow {version}: known majors are {sorted(_FLAVOURS)}")
    return _FLAVOURS[major]


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


def ensure_airflow(version: str = AIRFLOW_2_VERSION, fab: bool = False) -> pathlib.Path:
    """Return the venv holding Airflow ``version`` (with the FAB provider), installing it first if needed."""
    flavour = _flavour(version, fab)
    name = f"airflow-{version}" + ("-fab" if fab else "")
    venv = _cache_root() / name
    marker = venv / _MARKER
    if marker.exists():
        return venv
    with _locked(name):
        if marker.exists():
            return venv
        if not _venv_works(venv, flavour.imports):
            python = venv / "bin" / "python"
            if not python.exists() or subprocess.run([str(python), "-c", ""]).returncode:
                shutil.rmtree(venv, ignore_errors=True)
                _log(f"creating venv {venv}")
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            _log(f"installing apache-airflow=={version} into {venv} (about a minute)")
            started = time.monotonic()
            pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            pins = [_fill(requirement, version=version) for requirement in flavour.requirements]
            subprocess.run(pip + pins, check=True, stdout=sys.stderr)
            if not _venv_works(venv, flavour.imports):
                raise RuntimeError(f"Airflow installed into {venv} but cannot be imported")
            _log(f"installed in {time.monotonic() - started:.0f} s")
        marker.write_text("\n".join(_fill(r, version=version) for r in flavour.requirements) + "\n")
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
    key = json.dumps([_SETUP_REVISION, version, _USERS, sorted(settings.items())])
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


def main(argv: list[str] | None = None) -> int:
    """Command line entry: start a server, print its URL, serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheduler", action="store_true", help="also run the scheduler")
    parser.add_argument("--version", default=AIRFLOW_2_VERSION, help=f"Airflow version (or {AIRFLOW_3_VERSION})")
    parser.add_argument("--dags-folder", type=pathlib.Path, default=None)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with it ignored
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with start_airflow(args.version, args.dags_folder, scheduler=args.scheduler) as server:
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
