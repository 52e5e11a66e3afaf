"""The ``airflow-sdk`` command, run as a real subprocess against a real Airflow 2.11.2.

Most tests use the session's server (no scheduler: triggered runs stay queued); the tests of
``wait`` and ``trigger --wait`` that need a run to really finish start their own server with a
scheduler. A recording server stands in where a real one will not misbehave on demand (a hung
answer, a self-signed certificate) or would need hundreds of runs (paging).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import trustme

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, models
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import DAGRun, DagState, UpdateDagRunState

from airflow_server import ADMIN, VIEWER, AirflowServer
from recording_server import RecordingServer, Reply

pytestmark = pytest.mark.live

REPO = pathlib.Path(__file__).resolve().parent.parent
DAG = "sdk_example"
RUN_COLUMNS = ["dag_run_id", "state", "run_type", "logical_date", "start_date", "end_date"]
DAG_COLUMNS = ["dag_id", "is_paused", "schedule", "owners", "tags"]
_BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}


# --- running the command and reading what it prints --------------------------------------------------------


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str
    seconds: float

    def json(self) -> Any:
        return json.loads(self.out)

    def table(self) -> list[dict[str, str]]:
        """The rows of a table, cut at the header's column starts (cells may hold spaces)."""
        lines = self.out.splitlines()
        heads = list(re.finditer(r"\S+", lines[0]))
        bounds = [h.start() for h in heads] + [None]
        return [
            {h.group(): line[start:end].strip() for h, start, end in zip(heads, bounds[:-1], bounds[1:], strict=True)}
            for line in lines[1:]
        ]

    def header(self) -> list[str]:
        return self.out.splitlines()[0].split()

    def details(self) -> dict[str, str]:
        """``field  value`` lines as a dict."""
        return {k: v.strip() for k, _, v in (line.partition(" ") for line in self.out.splitlines())}


def run(
    *args: str,
    env: dict[str, str] | None = None,
    command: list[str] | None = None,
    timeout: float = 120,
    stdin: str | None = None,
) -> Done:
    """Run the command with only ``env``'s AIRFLOW_* variables (and ``stdin``); never raises on a non-zero exit."""
    argv = [*(command or [sys.executable, "-m", "airflow_python_sdk"]), *args]
    started = time.monotonic()
    done = subprocess.run(
        argv, cwd=REPO, env={**_BASE_ENV, **(env or {})}, capture_output=True, text=True, timeout=timeout, input=stdin
    )
    return Done(done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def env_for(server: AirflowServer, user: tuple[str, str] = ADMIN) -> dict[str, str]:
    return {"AIRFLOW_API_URL": server.api_url, "AIRFLOW_USERNAME": user[0], "AIRFLOW_PASSWORD": user[1]}


def raw(method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """What the server sent, as JSON: the truth the command's --json output is held to."""
    return json.loads(method(*args, _preload_content=False, **kwargs).data)


def iso(text: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(text)
    assert parsed.tzinfo is not None, text
    return parsed


def instants(fields: dict[str, str]) -> dict[str, Any]:
    """``fields`` with the date-times read, so that one instant in two offsets compares equal."""
    return {k: iso(v) if k.endswith(("_date", "_start", "_end")) and v != "-" else v for k, v in fields.items()}


def assert_api_error(done: Done, *fragments: str) -> None:
    assert done.code == 1, done
    assert done.out == "" and "Traceback" not in done.err and done.err.startswith("airflow-sdk: error: ")
    for fragment in fragments:
        assert fragment in done.err, done.err


def assert_usage_error(done: Done, *fragments: str) -> None:
    """Exit 2, nothing on stdout, no traceback: click's usage error, or the SDK's refusal before sending."""
    assert done.code == 2, done
    assert done.out == "" and "Traceback" not in done.err
    assert "Usage: airflow-sdk" in done.err or done.err.startswith("airflow-sdk: error: "), done.err
    for fragment in fragments:
        assert fragment in done.err, done.err


# --- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def env(airflow: AirflowServer) -> dict[str, str]:
    return env_for(airflow)


@pytest.fixture
def cli(env: dict[str, str]) -> Callable[..., Done]:
    """The command configured through AIRFLOW_API_URL/USERNAME/PASSWORD for the session's server."""

    def call(*args: str, **kwargs: Any) -> Done:
        return run(*args, env={**env, **kwargs.pop("env", {})}, **kwargs)

    return call


class Runs:
    """Run ids for one test on one server; every run made with them is deleted afterwards."""

    def __init__(self, api: DAGRunApi, make_id: Callable[[], str]) -> None:
        self.api = api
        self._make_id = make_id
        self.ids: list[str] = []

    def new_id(self) -> str:
        return self.track(self._make_id())

    def track(self, run_id: str) -> str:
        self.ids.append(run_id)
        return run_id

    def delete_all(self) -> None:
        for run_id in self.ids:
            with contextlib.suppress(sdk.NotFoundException):
                self.api.delete_dag_run(DAG, run_id)


@pytest.fixture
def runs(live_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> Iterator[Runs]:
    made = Runs(live_dag_runs, lambda: "cli-" + run_id())
    yield made
    made.delete_all()


@pytest.fixture
def dag_api(live_client: ApiClient) -> DAGApi:
    return DAGApi(live_client)


# --- help, version, usage errors (exit 0 and 2) ---------------------------------------------------------------


def test_help_exits_0_with_examples_groups_and_global_options() -> None:
    top = run("--help")
    assert top.code == 0 and top.err == "" and top.out.startswith("Usage: airflow-sdk [OPTIONS] COMMAND [ARGS]...")
    assert "examples:\n" in top.out and "\n    airflow-sdk " in top.out and "exit codes" in top.out
    assert all(
        flag in top.out for flag in ("--url", "--username", "--password", "--token", "--insecure", "--ca-bundle")
    )
    assert all(flag in top.out for flag in ("--timeout", "--json", "--output", "--version", "--verbose"))
    groups = ["dags", "dag-runs", "task-instances", "backfills", "assets", "pools", "variables", "connections",
              "xcom", "config", "jobs", "plugins", "providers", "health", "version"]  # fmt: skip
    assert all(f"\n  {group} " in top.out for group in groups)
    for group in ("dag-runs", "tasks"):
        shown = run(group, "--help")
        assert shown.code == 0 and shown.out.startswith(f"Usage: airflow-sdk {group} [OPTIONS] COMMAND"), shown


def test_version() -> None:
    done = run("--version")
    assert (done.code, done.out, done.err) == (0, f"airflow-sdk {sdk.__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["dag-runs", "frobnicate", DAG], "No such command 'frobnicate'"),
        (["dagruns", "list", DAG], "No such command 'dagruns'"),
        (["dag-runs", "get", DAG], "Missing argument 'DAG_RUN_ID'"),
        (["dag-runs", "get", "", "r"], "get_dag_run(): parameter 'dag_id' must not be empty"),
        (["dag-runs", "list", DAG, "--limit", "0"], "'--limit': 0 is not in the range x>=1"),
        (["dag-runs", "list", DAG, "--limit", "5", "--all"], "--limit and --all cannot be used together"),
        (["dag-runs", "set-state", DAG, "r", "done"], "'done' is not one of 'queued', 'running', 'success', 'failed'"),
        (["dag-runs", "trigger", DAG, "--conf", "[1, 2]"], "'--conf': must be a JSON object"),
        (["dag-runs", "trigger", DAG, "--logical-date", "yesterday"], "'yesterday' is not an ISO 8601 date-time"),
        (["dag-runs", "trigger", DAG, "--wait-timeout", "5"], "--wait-timeout and --poll-interval need --wait"),
        (["dag-runs", "wait", DAG, "r", "--wait-timeout", "-1"], "'--wait-timeout': -1.0 is not in the range"),
        (["dags", "list", "--tag", "a", "b"], "Got unexpected extra argument (b)"),
        (["--timeout", "soon", "dags", "list"], "'--timeout': 'soon' is not a valid float range"),
        (["dags", "list", "--timeout", "0"], "'--timeout': 0.0 is not in the range 0<x"),
        (["-o", "xml", "dags", "list"], "'xml' is not one of 'table', 'json', 'yaml'"),
    ],
)
def test_usage_errors_exit_2(cli: Callable[..., Done], args: list[str], says: str) -> None:
    assert_usage_error(cli(*args), says)


def test_bad_json_in_conf_exits_2_and_sends_nothing(
    cli: Callable[..., Done], runs: Runs, live_dag_runs: DAGRunApi
) -> None:
    rid = runs.new_id()
    assert_usage_error(
        cli("dag-runs", "trigger", DAG, "--run-id", rid, "--conf", "{day: 1}"), "'--conf': not valid JSON"
    )
    with pytest.raises(sdk.NotFoundException):
        live_dag_runs.get_dag_run(DAG, rid)


def test_a_missing_or_unusable_url_exits_2(airflow: AirflowServer) -> None:
    assert_usage_error(run("dags", "list"), "no server given: use --url or set AIRFLOW_API_URL")
    assert_usage_error(run("--url", "127.0.0.1:8080/api/v1", "dags", "list"), "--url must be the server's URL")
    assert_usage_error(run("dags", "list", env={"AIRFLOW_API_URL": "ftp://x"}), "AIRFLOW_API_URL must be the server's")


def test_a_bare_server_url_finds_its_api(any_airflow: AirflowServer) -> None:
    """The server's URL without /api/v1 or /api/v2 works: the SDK asks which API it has (one request)."""
    env = {"AIRFLOW_API_URL": any_airflow.base_url, "AIRFLOW_USERNAME": "admin", "AIRFLOW_PASSWORD": "admin"}
    done = run("dags", "list", "--limit", "500", env=env)
    assert done.code == 0, done.err
    assert "sdk_example" in done.out and "schedule" in done.out.splitlines()[0]
    (cron,) = [line for line in done.out.splitlines() if line.startswith("sdk_dag_cron ")]
    assert "0 6 * * *" in cron  # Airflow 2's schedule_interval, Airflow 3's timetable_summary


def test_a_malformed_verify_ssl_variable_exits_2(cli: Callable[..., Done]) -> None:
    assert_usage_error(cli("dags", "list", env={"AIRFLOW_VERIFY_SSL": "maybe"}), "AIRFLOW_VERIFY_SSL", "'maybe'")


# --- DAG runs ------------------------------------------------------------------------------------------------


def test_a_dag_run_from_trigger_to_delete_in_tables(
    cli: Callable[..., Done], runs: Runs, live_dag_runs: DAGRunApi
) -> None:
    rid = runs.new_id()
    conf = {"day": "2024-05-01", "rows": [1, 2]}
    made = cli(
        "dag-runs", "trigger", DAG, "--run-id", rid, "--conf", json.dumps(conf),
        "--logical-date", "2031-05-01T06:00:00+02:00", "--note", "from the  command line",
    )  # fmt: skip
    assert made.code == 0 and made.err == "", made
    shown = made.details()
    assert (shown["dag_run_id"], shown["dag_id"], shown["state"], shown["run_type"]) == (rid, DAG, "queued", "manual")
    assert json.loads(shown["conf"]) == conf and shown["note"] == "from the command line"  # one line per value
    assert iso(shown["logical_date"]) == dt.datetime(2031, 5, 1, 4, tzinfo=dt.timezone.utc)
    assert (shown["start_date"], shown["end_date"], shown["external_trigger"]) == ("-", "-", "true")
    assert live_dag_runs.get_dag_run(DAG, rid).conf == conf

    listed = cli("dag-runs", "list", DAG, "--all")
    assert listed.code == 0 and listed.header() == RUN_COLUMNS
    mine = [row for row in listed.table() if row["dag_run_id"] == rid]
    assert mine == [
        {
            "dag_run_id": rid,
            "state": "queued",
            "run_type": "manual",
            "logical_date": "2031-05-01T04:00:00+00:00",
            "start_date": "-",
            "end_date": "-",
        }
    ]

    got = cli("dag-runs", "get", DAG, rid)
    assert got.code == 0 and instants(got.details()) == instants(shown)  # the POST echoed +02:00, GET says UTC

    noted = cli("dag-runs", "note", DAG, rid, "looked at it")
    assert noted.code == 0 and noted.details()["note"] == "looked at it"
    assert live_dag_runs.get_dag_run(DAG, rid).note == "looked at it"

    failed = cli("dag-runs", "set-state", DAG, rid, "failed")
    assert failed.code == 0 and failed.details()["state"] == "failed"
    assert live_dag_runs.get_dag_run(DAG, rid).state is DagState.FAILED

    planned = cli("dag-runs", "clear", DAG, rid, "--dry-run")
    assert planned.code == 0 and planned.header() == ["task_id", "dag_run_id", "state"]
    assert sorted((r["task_id"], r["dag_run_id"]) for r in planned.table()) == [
        ("extract", rid),
        ("load", rid),
        ("transform", rid),
    ]
    assert live_dag_runs.get_dag_run(DAG, rid).state is DagState.FAILED  # a dry run changes nothing

    cleared = cli("dag-runs", "clear", DAG, rid)
    assert cleared.code == 0 and cleared.details()["state"] == "queued"
    assert live_dag_runs.get_dag_run(DAG, rid).state is DagState.QUEUED

    deleted = cli("dag-runs", "delete", DAG, rid)
    assert (deleted.code, deleted.out) == (0, f"deleted DAG run {rid} of {DAG}\n")
    with pytest.raises(sdk.NotFoundException):
        live_dag_runs.get_dag_run(DAG, rid)


def test_a_dag_run_from_trigger_to_delete_in_json(
    cli: Callable[..., Done], runs: Runs, live_dag_runs: DAGRunApi
) -> None:
    rid = runs.new_id()
    made = cli(
        "--json", "dag-runs", "trigger", DAG, "--run-id", rid, "--conf", '{"n": 1}', "--logical-date", "2031-06-01"
    )
    assert made.code == 0 and made.err == "", made
    server_says = raw(live_dag_runs.get_dag_run, DAG, rid)
    assert made.json() == server_says  # every field, datetimes ISO 8601 as the server sent them
    assert made.json()["conf"] == {"n": 1} and iso(made.json()["logical_date"]) == dt.datetime(
        2031, 6, 1, tzinfo=dt.timezone.utc
    )  # a date alone is midnight UTC

    got = cli("dag-runs", "get", DAG, rid, "--json")  # --json after the subcommand too
    assert got.json() == server_says

    listed = cli("dag-runs", "list", DAG, "--all", "--json").json()
    assert isinstance(listed, list) and [r for r in listed if r["dag_run_id"] == rid] == [server_says]

    assert cli("dag-runs", "note", DAG, rid, "n2", "--json").json()["note"] == "n2"
    assert cli("dag-runs", "set-state", DAG, rid, "success", "--json").json()["state"] == "success"
    assert cli("dag-runs", "get", DAG, rid, "--json").json() == raw(live_dag_runs.get_dag_run, DAG, rid)

    planned = cli("dag-runs", "clear", DAG, rid, "--dry-run", "--json").json()
    assert sorted(ti["task_id"] for ti in planned) == ["extract", "load", "transform"]
    assert all(ti["dag_run_id"] == rid and ti["dag_id"] == DAG for ti in planned)
    cleared = cli("dag-runs", "clear", DAG, rid, "--json").json()
    assert (cleared["dag_run_id"], cleared["state"]) == (rid, "queued")

    deleted = cli("dag-runs", "delete", DAG, rid, "--json")
    assert deleted.code == 0 and deleted.json() == {"dag_id": DAG, "dag_run_id": rid, "deleted": True}
    with pytest.raises(sdk.NotFoundException):
        live_dag_runs.get_dag_run(DAG, rid)


def test_trigger_without_a_run_id_gets_the_servers_id(cli: Callable[..., Done], runs: Runs) -> None:
    made = cli("dag-runs", "trigger", DAG, "--json")
    assert made.code == 0, made
    rid = runs.track(made.json()["dag_run_id"])
    assert rid.startswith("manual__") and made.json()["conf"] == {}


def test_list_filters_by_state_and_pages(cli: Callable[..., Done], runs: Runs, live_dag_runs: DAGRunApi) -> None:
    ids = [runs.new_id() for _ in range(3)]
    for rid in ids:
        live_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    live_dag_runs.update_dag_run_state(DAG, ids[1], UpdateDagRunState(state="failed"))
    live_dag_runs.update_dag_run_state(DAG, ids[2], UpdateDagRunState(state="success"))

    ended = cli("dag-runs", "list", DAG, "--state", "failed", "--state", "success", "--all").table()
    assert {r["dag_run_id"] for r in ended} >= {ids[1], ids[2]} and ids[0] not in {r["dag_run_id"] for r in ended}
    assert {r["state"] for r in ended} <= {"failed", "success"}
    assert cli("dag-runs", "list", DAG, "--state", "success", "--state", "failed", "--all").table() == ended

    everything = cli("dag-runs", "list", DAG, "--all", "--json").json()
    page = live_dag_runs.get_dag_runs(DAG, limit=10000)
    assert [r["dag_run_id"] for r in everything] == [r.dag_run_id for r in page.dag_runs or []]

    one = cli("dag-runs", "list", DAG, "--limit", "1", "--order-by=-execution_date")
    assert one.code == 0 and len(one.table()) == 1
    assert one.err == f"showing 1 of {page.total_entries}; --all lists every page\n"
    newest = max(page.dag_runs or [], key=lambda r: r.execution_date or dt.datetime.min.replace(tzinfo=dt.timezone.utc))
    assert one.table()[0]["dag_run_id"] == newest.dag_run_id
    assert len(cli("dag-runs", "list", DAG, "--limit", "2", "--json").json()) == 2  # no note on stderr for JSON


def test_all_walks_every_page(server: RecordingServer) -> None:
    def runs_page(start: int, count: int) -> Reply:
        found = [{"dag_run_id": f"r{i:03}", "dag_id": "d", "state": "success"} for i in range(start, start + count)]
        return Reply(json={"dag_runs": found, "total_entries": 150})

    server.reply(runs_page(0, 100), runs_page(100, 50))
    done = run("--url", server.url + "/api/v1", "dag-runs", "list", "d", "--all", "--state", "success", "--json")
    assert done.code == 0, done
    assert [r["dag_run_id"] for r in done.json()] == [f"r{i:03}" for i in range(150)]
    asked = [dict(r.query) for r in server.requests]
    assert [(q["offset"], q["limit"], q["state"]) for q in asked] == [
        ("0", "100", "success"),
        ("100", "100", "success"),
    ]


def test_an_update_fills_the_body_from_the_current_values_but_no_nulls(server: RecordingServer) -> None:
    """``variables update`` sends the current values it was not given, but not a null the server answered
    (Airflow 2.7 answers ``"description": null`` for a variable without one, and refuses it in a body)."""
    current = {"key": "k", "value": "old", "description": None}
    server.reply(Reply(json=current), Reply(json={**current, "value": "new"}))
    done = run("--url", server.url + "/api/v1", "variables", "update", "k", "--value", "new", "--json")
    assert done.code == 0, done
    get, patch = server.requests
    assert (get.method, patch.method, patch.path) == ("GET", "PATCH", "/api/v1/variables/k")
    assert patch.json() == {"key": "k", "value": "new"}
    assert dict(patch.query) == {"update_mask": "val"}  # Airflow 2's name of the value in a mask


# --- DAGs ----------------------------------------------------------------------------------------------------


def test_dags_list_table_and_filters(cli: Callable[..., Done]) -> None:
    listed = cli("dags", "list", "--all")
    assert listed.code == 0 and listed.header() == DAG_COLUMNS
    rows = {row["dag_id"]: row for row in listed.table()}
    assert rows[DAG] == {"dag_id": DAG, "is_paused": "false", "schedule": "-", "owners": "airflow", "tags": "sdk"}
    assert rows["sdk_dag_main"]["owners"] == "sdk_dag_owner"
    assert sorted(rows["sdk_dag_main"]["tags"].split(", ")) == ["sdk_dag", "sdk_dag_main"]

    paused = cli("dags", "list", "--paused", "--tag", "sdk_dag").table()
    assert paused == [
        {
            "dag_id": "sdk_dag_cron",
            "is_paused": "true",
            "schedule": "0 6 * * *",
            "owners": "airflow",
            "tags": "sdk_dag",
        },
        {"dag_id": "sdk_dag_delta", "is_paused": "true", "schedule": "6:00:00", "owners": "airflow", "tags": "sdk_dag"},
    ]
    active = cli("dags", "list", "--active", "--tag", "sdk_dag_patch", "--tag", "sdk_dag_main").table()
    assert [r["dag_id"] for r in active] == ["sdk_dag_main", "sdk_dag_patch_a", "sdk_dag_patch_b"]
    assert {r["is_paused"] for r in active} == {"false"}

    limited = cli("dags", "list", "--limit", "2")
    assert len(limited.table()) == 2 and limited.err.startswith("showing 2 of ")


def test_dags_list_json_is_what_the_server_sent(cli: Callable[..., Done], dag_api: DAGApi) -> None:
    listed = cli("dags", "list", "--all", "--json")
    assert listed.code == 0
    assert listed.json() == raw(dag_api.get_dags, order_by="dag_id")["dags"]
    tagged = cli("dags", "list", "--json", "--tag", "sdk_dag", "--paused").json()
    assert [d["dag_id"] for d in tagged] == ["sdk_dag_cron", "sdk_dag_delta"]
    assert tagged[0]["schedule_interval"] == {"__type": "CronExpression", "value": "0 6 * * *"}


def test_pause_and_unpause(cli: Callable[..., Done], dag_api: DAGApi) -> None:
    name = "1"  # a DAG no other test pauses
    try:
        paused = cli("dags", "pause", name)
        assert paused.code == 0 and (paused.details()["dag_id"], paused.details()["is_paused"]) == (name, "true")
        assert dag_api.get_dag(name).is_paused is True
        assert name in [r["dag_id"] for r in cli("dags", "list", "--paused", "--tag", "sdk").table()]

        unpaused = cli("dags", "unpause", name, "--json")
        assert unpaused.code == 0 and (unpaused.json()["dag_id"], unpaused.json()["is_paused"]) == (name, False)
        assert dag_api.get_dag(name).is_paused is False
    finally:
        dag_api.patch_dag(name, models.DAG(is_paused=False))

    assert_api_error(cli("dags", "pause", "no_such_dag"), "404", "'no_such_dag' not found")


# --- API errors (exit 1) -------------------------------------------------------------------------------------


def test_a_missing_run_exits_1_with_the_servers_detail(cli: Callable[..., Done], live_dag_runs: DAGRunApi) -> None:
    with pytest.raises(sdk.NotFoundException) as caught:
        live_dag_runs.get_dag_run(DAG, "no-such-run")
    for args in (["get"], ["wait"], ["note"], ["set-state"], ["clear"], ["delete"]):
        extra = {"note": ["x"], "set-state": ["failed"]}.get(args[0], [])
        done = cli("dag-runs", *args, DAG, "no-such-run", *extra)
        assert_api_error(done, "404")
    done = cli("dag-runs", "get", DAG, "no-such-run")
    assert done.err == f"airflow-sdk: error: 404 NOT FOUND: {caught.value.title}: {caught.value.detail}\n"
    assert "DagRun ID: 'no-such-run' not found" in done.err


def test_conflict_forbidden_and_unauthorized_exit_1(
    airflow: AirflowServer, cli: Callable[..., Done], runs: Runs
) -> None:
    rid = runs.new_id()
    assert cli("dag-runs", "trigger", DAG, "--run-id", rid).code == 0
    assert_api_error(cli("dag-runs", "trigger", DAG, "--run-id", rid), "409", f"DAGRun ID: '{rid}' already exists")

    as_viewer = env_for(airflow, VIEWER)
    assert run("dag-runs", "get", DAG, rid, env=as_viewer).code == 0  # a viewer may read
    assert_api_error(run("dag-runs", "delete", DAG, rid, env=as_viewer), "403", "Forbidden")
    assert_api_error(run("dags", "pause", DAG, env=as_viewer), "403")

    wrong = cli("dags", "list", "--password", "not-the-password")
    assert_api_error(wrong, "401", "Unauthorized")
    anonymous = run("dags", "list", env={"AIRFLOW_API_URL": airflow.api_url})
    assert_api_error(anonymous, "401")


def test_an_unreachable_server_exits_1_without_a_traceback() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: connections are refused
        done = run("--url", f"http://127.0.0.1:{port}/api/v1", "dag-runs", "trigger", DAG)
    assert_api_error(done, f"POST http://127.0.0.1:{port}/api/v1/dags/{DAG}/dagRuns", "Connection refused")


@pytest.mark.parametrize("after", [False, True], ids=["before the subcommand", "after it"])
def test_the_timeout_flag_bounds_each_request(server: RecordingServer, after: bool) -> None:
    server.reply(Reply(action="hang"))
    command = ["variables", "create", "k", "v"]  # POST: no retry (--timeout after a waiting command is refused)
    timeout = ["--url", server.url + "/api/v1", "--timeout", "0.5"]
    done = run(*command, *timeout) if after else run(*timeout, *command)
    assert_api_error(done, "timed out")
    assert done.seconds < 10 and len(server.requests) == 1


# --- configuration: flags, the environment, credentials ------------------------------------------------------


def test_flags_alone_configure_the_command(airflow: AirflowServer) -> None:
    flags = ["--url", airflow.api_url, "--username", "admin", "--password", "admin"]
    before = run(*flags, "dags", "list", "--tag", "sdk_dag_patch")
    after = run("dags", "list", "--tag", "sdk_dag_patch", *flags)  # after the subcommand too
    assert before.code == after.code == 0 and before.out == after.out
    assert [r["dag_id"] for r in before.table()] == ["sdk_dag_patch_a", "sdk_dag_patch_b"]


def test_flags_win_over_the_environment(airflow: AirflowServer) -> None:
    wrong = {"AIRFLOW_API_URL": "http://127.0.0.1:9/api/v1", "AIRFLOW_USERNAME": "nobody", "AIRFLOW_PASSWORD": "no"}
    flags = ["--url", airflow.api_url, "--username", "admin", "--password", "admin"]
    assert run(*flags, "dags", "list", "--limit", "1", env=wrong).code == 0
    nobody = {**env_for(airflow), "AIRFLOW_PASSWORD": "wrong"}
    assert run("--password", "admin", "dags", "list", "--limit", "1", env=nobody).code == 0
    wrong_password = run("--password", "wrong", "dags", "list", env=env_for(airflow))
    assert_api_error(wrong_password, "401")
    # a user on the command line wins over a token in the environment (Airflow 2 here refuses Bearer)
    with_token = {**env_for(airflow), "AIRFLOW_API_TOKEN": "some-token"}
    assert_api_error(run("dags", "list", env=with_token), "401")
    assert run("--username", "admin", "dags", "list", "--limit", "1", env=with_token).code == 0


def test_credentials_are_never_printed(airflow: AirflowServer) -> None:
    secret = "s3cret-Pa55word"
    token = "tok-Bearer-42"
    netloc = airflow.base_url.removeprefix("http://")
    cases = [
        run("-v", "dags", "list", "--limit", "1", env={**env_for(airflow, ("admin", secret))}),
        run("-v", "--password", secret, "dag-runs", "get", DAG, "nope"),
        run("-v", "--url", airflow.api_url, "--username", "admin", "--password", secret, "dags", "list"),
        run("-v", "--url", airflow.api_url, "--token", token, "dags", "list"),
        run("-v", "dags", "list", env={"AIRFLOW_API_URL": airflow.api_url, "AIRFLOW_API_TOKEN": token}),
        run("-v", "--url", f"http://admin:{secret}@127.0.0.1:9/api/v1", "dags", "list"),
        run("-v", "--url", f"http://admin:{secret}@{netloc}", "dags", "list"),
    ]
    for done in cases:
        assert done.code in (1, 2), done
        text = done.out + done.err
        assert secret not in text and token not in text and "Authorization" not in text, text
        assert "Traceback" not in text
    assert "GET http://" in cases[0].err and "-> 401" in cases[0].err  # -v logs each request
    assert "http://127.0.0.1:9/api/v1" in cases[5].err  # the URL without its user:password@


def test_tls_flags(ca: trustme.CA, tls_server: RecordingServer) -> None:
    tls_server.default = Reply(json={"dags": [{"dag_id": "d"}], "total_entries": 1})
    url = tls_server.url + "/api/v1"
    refused = run("--url", url, "dags", "list")
    assert_api_error(refused, "TLS failed", "CERTIFICATE_VERIFY_FAILED")
    with ca.cert_pem.tempfile() as ca_file:
        assert run("--url", url, "--ca-bundle", ca_file, "dags", "list", "--json").json() == [{"dag_id": "d"}]
        from_env = run("dags", "list", "--json", env={"AIRFLOW_API_URL": url, "AIRFLOW_CA_BUNDLE": ca_file})
        assert from_env.code == 0
    insecure = run("--url", url, "--insecure", "dags", "list", "--json")
    assert insecure.code == 0 and insecure.json() == [{"dag_id": "d"}] and "InsecureRequestWarning" in insecure.err
    assert run("dags", "list", env={"AIRFLOW_API_URL": url, "AIRFLOW_VERIFY_SSL": "0"}).code == 0


# --- waiting -------------------------------------------------------------------------------------------------


def test_wait_gives_up_at_its_timeout_with_the_last_state(cli: Callable[..., Done], runs: Runs) -> None:
    rid = runs.new_id()
    assert cli("dag-runs", "trigger", DAG, "--run-id", rid).code == 0  # no scheduler here: it stays queued
    done = cli("dag-runs", "wait", DAG, rid, "--wait-timeout", "1", "--poll-interval", "0.2")
    assert done.code == 3 and done.out == "" and "Traceback" not in done.err
    assert done.err.startswith("airflow-sdk: timed out: ") and f"{DAG}/{rid} is still queued" in done.err
    assert done.seconds < 15


def test_trigger_and_wait_gives_up_at_its_timeout(
    cli: Callable[..., Done], runs: Runs, live_dag_runs: DAGRunApi
) -> None:
    rid = runs.new_id()
    done = cli("dag-runs", "trigger", DAG, "--run-id", rid, "--wait", "--wait-timeout", "1", "--poll-interval", "0.3")
    assert done.code == 3 and "still queued" in done.err and f"triggered '{rid}'" in done.err
    assert live_dag_runs.get_dag_run(DAG, rid).state is DagState.QUEUED  # the run goes on


def test_waiting_on_a_failed_run_exits_1(cli: Callable[..., Done], runs: Runs) -> None:
    rid = runs.new_id()
    assert cli("dag-runs", "trigger", DAG, "--run-id", rid).code == 0
    assert cli("dag-runs", "set-state", DAG, rid, "failed").code == 0
    done = cli("dag-runs", "wait", DAG, rid, "--json")
    assert done.code == 1 and done.json()["state"] == "failed"  # the run is still printed
    assert done.err.startswith(f"airflow-sdk: DAG run {DAG}/{rid} failed; failed task instances: ")
    assert cli("dag-runs", "set-state", DAG, rid, "success").code == 0
    assert cli("dag-runs", "wait", DAG, rid).code == 0


@pytest.fixture
def scheduled_runs(scheduled: AirflowServer, run_id: Callable[[], str]) -> Iterator[Runs]:
    with ApiClient(Configuration(host=scheduled.api_url, username="admin", password="admin")) as client:
        made = Runs(DAGRunApi(client), lambda: "cli-" + run_id())
        yield made
        made.delete_all()


def test_trigger_and_wait_until_the_run_succeeds(scheduled: AirflowServer, scheduled_runs: Runs) -> None:
    rid = scheduled_runs.new_id()
    done = run(
        "dag-runs", "trigger", DAG, "--run-id", rid, "--conf", '{"k": "v"}', "--wait", "--wait-timeout", "120",
        "--poll-interval", "0.5", env=env_for(scheduled),
    )  # fmt: skip
    assert done.code == 0, done
    shown = done.details()
    assert (shown["dag_run_id"], shown["state"], json.loads(shown["conf"])) == (rid, "success", {"k": "v"})
    assert iso(shown["start_date"]) <= iso(shown["end_date"])
    assert done.err == f"triggered '{rid}'; waiting for it to finish\n"

    again = run("dag-runs", "wait", DAG, rid, "--json", env=env_for(scheduled))  # finished: returns at once
    assert again.code == 0 and again.json() == raw(scheduled_runs.api.get_dag_run, DAG, rid)
    assert again.seconds < 10


def test_wait_follows_a_run_to_success_in_json(scheduled: AirflowServer, scheduled_runs: Runs) -> None:
    rid = scheduled_runs.new_id()
    scheduled_runs.api.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    done = run(
        "dag-runs",
        "wait",
        DAG,
        rid,
        "--poll-interval",
        "0.5",
        "--wait-timeout",
        "120",
        "--json",
        env=env_for(scheduled),
    )
    assert done.code == 0 and done.err == "", done
    assert done.json()["state"] == "success" and done.json() == raw(scheduled_runs.api.get_dag_run, DAG, rid)
    assert iso(done.json()["end_date"]) >= iso(done.json()["start_date"])

    listed = run("dag-runs", "list", DAG, "--state", "success", "--all", env=env_for(scheduled)).table()
    row = next(r for r in listed if r["dag_run_id"] == rid)
    assert row["state"] == "success" and row["end_date"] != "-" and iso(row["end_date"])


# --- the installed console script ----------------------------------------------------------------------------


def test_the_installed_airflow_sdk_script(airflow: AirflowServer, env: dict[str, str], runs: Runs) -> None:
    bin_dir = str(pathlib.Path(sys.executable).parent)
    script = shutil.which("airflow-sdk", path=os.pathsep.join([bin_dir, os.environ.get("PATH", "")]))
    if script is None:
        pytest.fail(
            f"the airflow-sdk console script is not installed next to {sys.executable} nor on PATH: "
            "install the package into the test venv with `pip install -e .` (./scripts/test does)"
        )
    assert run("--version", command=[script]).out == f"airflow-sdk {sdk.__version__}\n"
    rid = runs.new_id()
    made = run("dag-runs", "trigger", DAG, "--run-id", rid, "--json", env=env, command=[script])
    assert made.code == 0 and made.json()["dag_run_id"] == rid
    assert_api_error(run("dag-runs", "get", DAG, "no-such-run", env=env, command=[script]), "404")
    assert run("dag-runs", "delete", DAG, rid, env=env, command=[script]).code == 0
    assert run("dag-runs", "frobnicate", env=env, command=[script]).code == 2


def test_the_same_commands_on_both_servers(any_airflow: AirflowServer, run_id: Callable[[], str]) -> None:
    """Only AIRFLOW_API_URL differs: on /api/v2 the command logs in for a token and sends Airflow 3's forms."""
    env, rid = env_for(any_airflow), run_id()
    triggered = run("dag-runs", "trigger", DAG, "--run-id", rid, "--conf", '{"n": 1}', "--json", env=env)
    assert triggered.code == 0, triggered.err
    assert (triggered.json()["dag_run_id"], triggered.json()["conf"]) == (rid, {"n": 1})
    assert run("dag-runs", "note", DAG, rid, "seen from the CLI", env=env).code == 0
    assert run("dag-runs", "set-state", DAG, rid, "failed", env=env).code == 0
    shown = run("dag-runs", "get", DAG, rid, "--json", env=env).json()
    assert (shown["state"], shown["note"]) == ("failed", "seen from the CLI")
    listed = run("dag-runs", "list", DAG, "--state", "failed", "--all", "--json", env=env)
    assert rid in [r["dag_run_id"] for r in listed.json()]
    assert DAG in [d["dag_id"] for d in run("dags", "list", "--all", "--json", env=env).json()]
    assert run("dag-runs", "delete", DAG, rid, env=env).code == 0
    gone = run("dag-runs", "get", DAG, rid, env=env)
    assert gone.code == 1 and "404" in gone.err
