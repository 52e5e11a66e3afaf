"""Every ``airflow-sdk`` command as a real subprocess against both real servers (Airflow 2.11.2 and 3.3.2):
only ``AIRFLOW_API_URL`` and the credentials change. Each test is a scenario over one group that checks
what the command prints against what the server holds (read back with the SDK) and each exit code; an
Airflow-3-only command on Airflow 2 must exit 2 saying so, and a recording server shows it sent nothing.
Then: variables, pools and connections copied from the Airflow 2 server to the Airflow 3 one through a
shell pipe; ``--follow`` streaming a task that logs for five seconds under Airflow 3's scheduler; shell
completion, colour and progress on a terminal. DAGs: test/dags/sdk_cli_dags.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import pty
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import click
import pytest
import yaml

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk import apis as a
from airflow_python_sdk.cli._app import Cmd, leaves
from airflow_python_sdk.cli._commands import ALIASES, GROUPS, TOP, build
from airflow_python_sdk.cli._profiles import groups as profile_groups
from airflow_python_sdk.cli._transfer import TRANSFERS
from airflow_python_sdk.model_utils import json_data
from airflow_python_sdk.models import DAG, DAGRun, UpdateDagRunState

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply
from test_cli_live import REPO, Done, env_for, run

pytestmark = pytest.mark.live

ROOT = build()
PATHS: dict[str, click.Command] = {}
"""Every command, by its path (``"pools list"``, ``"health"``)."""
LOCAL = {str(g.name) for g in profile_groups()}
"""Groups that send no API request (profiles, auth login): test_profiles*.py tests them."""
for _top in (c for c in ROOT.commands.values() if c.name not in LOCAL):
    PATHS.update({f"{_top.name} {c.name}": c for c in _top.commands.values()} if isinstance(_top, click.Group)
                 else {str(_top.name): _top})  # fmt: skip
SPECS: dict[str, Cmd] = {f"{g} {c.name}": c for g, (_, cmds) in GROUPS.items() for c in cmds + TRANSFERS.get(g, [])}
SPECS.update({c.name: c for c in TOP})
AIRFLOW_3_ONLY = {path for path, c in SPECS.items() if not c.method.operation.v1}  # type: ignore[attr-defined]
SCENARIOS = {
    "test_dags": ["dags"],
    "test_dag_runs_and_task_instances": ["dag-runs", "task-instances"],
    "test_backfills": ["backfills"],
    "test_assets": ["assets"],
    "test_pools_variables_connections_and_their_files": ["pools", "variables", "connections"],
    "test_xcom": ["xcom"],
    "test_server_facts": ["config", "jobs", "plugins", "providers", "health", "version"],
}
"""Which groups (or top-level commands) each scenario runs every command of, on each server."""
FOLLOW_DAG, DAILY, MADE = "sdk_cli_follow", "sdk_cli_daily", "x-sdk-cli://made"
TI_COLUMNS = ["task_id", "map_index", "state", "try_number", "start_date", "end_date"]


def sdk_json(method: Any, *args: Any, **kwargs: Any) -> Any:
    """The SDK's JSON form of an answer (``json_data``): what ``--json`` and ``-o yaml`` print of it."""
    return json_data(method(*args, **kwargs))


def _path(args: tuple[str, ...]) -> str:
    words = [w for w in args if not w.startswith("-")][:2]
    words[:1] = [ALIASES.get(words[0], words[0])] if words else []
    return next(p for p in (" ".join(words), words[0]) if p in PATHS)


class Cli:
    """``airflow-sdk`` for one server, configured by AIRFLOW_API_URL and the credentials only; records what ran."""

    def __init__(self, server: AirflowServer) -> None:
        self.server, self.env, self.v3 = server, env_for(server), server.api_version == "v2"
        self.ran: set[str] = set()

    def __call__(self, *args: str, code: int | None = 0, stdin: str | None = None) -> Done:
        done = run(*args, env=self.env, stdin=stdin)
        self.ran.add(_path(args))
        assert code is None or done.code == code, done
        assert "Traceback" not in done.err and "\x1b" not in done.out + done.err, done  # no colour off a terminal
        return done

    def only3(self, *args: str) -> Done | None:
        """An Airflow-3-only command: its answer on Airflow 3; on Airflow 2, exit 2 saying so (and None)."""
        if self.v3:
            return self(*args)
        done = self(*args, code=2)
        assert done.out == "" and "needs Airflow 3" in done.err and "/api/v1 (Airflow 2)" in done.err, done
        return None

    def ran_every_command(self, test: str) -> None:
        wanted = {p for p in PATHS if p.split()[0] in SCENARIOS[test]}
        assert wanted <= self.ran, f"not run: {sorted(wanted - self.ran)}"


@pytest.fixture
def cli(any_airflow: AirflowServer) -> Cli:
    return Cli(any_airflow)


@pytest.fixture
def runs(any_dag_runs: a.DAGRunApi) -> Iterator[list[tuple[str, str]]]:
    """(dag_id, run_id) of runs a test made, deleted afterwards."""
    made: list[tuple[str, str]] = []
    yield made
    for dag_id, run_id in made:
        with contextlib.suppress(sdk.NotFoundException):
            any_dag_runs.delete_dag_run(dag_id, run_id)


def test_the_scenarios_run_every_command() -> None:
    groups = {p.split()[0] for p in PATHS}
    assert groups == {g for gs in SCENARIOS.values() for g in gs}
    assert len(PATHS) == len(SPECS) and set(PATHS) == set(SPECS)
    assert {p for p in AIRFLOW_3_ONLY} >= {"backfills create", "dags versions", "dags tags", "jobs list"}


def test_dags(cli: Cli, any_client: ApiClient, runs: list[tuple[str, str]], run_id: Any) -> None:
    dags = a.DAGApi(any_client)
    listed = cli("dags", "list", "--tag", "sdk_cli")
    assert listed.header() == ["dag_id", "is_paused", "schedule", "owners", "tags"]
    rows = {r["dag_id"]: r for r in listed.table()}
    assert rows[DAILY]["schedule"] in ("@daily", "0 0 * * *") and rows[DAILY]["tags"] == "sdk_cli"
    assert rows["sdk_cli_consumer"]["schedule"] == ("Asset" if cli.v3 else "Dataset")
    assert cli("dags", "list", "--tag", "sdk_cli", "--json").json() == sdk_json(dags.get_dags, tags=["sdk_cli"],
                                                                            order_by=["dag_id"])["dags"]  # fmt: skip
    assert cli("dags", "get", DAILY, "--json").json() == sdk_json(dags.get_dag, DAILY)
    details = cli("dags", "details", DAILY).details()
    assert (details["dag_id"], details["catchup"], details["is_paused"]) == (DAILY, "false", "true")
    try:
        assert cli("dags", "unpause", DAILY, "--json").json()["is_paused"] is False
        assert dags.get_dag(DAILY).is_paused is False
        assert cli("dags", "pause", DAILY).details()["is_paused"] == "true"
    finally:
        dags.patch_dag(DAILY, DAG(is_paused=True), update_mask=["is_paused"])
    assert dags.get_dag(DAILY).is_paused is True

    rid = run_id()
    runs.append((FOLLOW_DAG, rid))
    made = cli("dags", "trigger", FOLLOW_DAG, "--run-id", rid, "--conf", '{"n": 1}', "--json").json()
    assert (made["dag_run_id"], made["conf"], made["state"]) == (rid, {"n": 1}, "queued")
    stats = cli("dags", "stats", FOLLOW_DAG, "sdk_example", "--json").json()
    assert stats == sdk_json(a.DagStatsApi(any_client).get_dag_stats, [FOLLOW_DAG, "sdk_example"])["dags"]
    counted = {r["state"]: r["count"] for r in cli("dags", "stats", FOLLOW_DAG).table() if r["dag_id"] == FOLLOW_DAG}
    assert int(counted["queued"]) >= 1

    gone = cli("dags", "delete", "sdk_cli_delete_me")
    assert gone.out == "deleted DAG sdk_cli_delete_me\n"
    with pytest.raises(sdk.NotFoundException):
        dags.get_dag("sdk_cli_delete_me")
    assert "404" in cli("dags", "delete", "sdk_cli_delete_me", code=1).err

    versions = cli.only3("dags", "versions", DAILY)
    if versions is not None:
        assert versions.header() == ["version_number", "bundle_version", "created_at"]
        assert [r["version_number"] for r in versions.table()] == ["1"]
    tags = cli.only3("dags", "tags", "--pattern", "sdk_cl")
    assert tags is None or tags.out == "tag\nsdk_cli\n"
    warnings = cli("dags", "warnings", "--json").json()
    assert warnings == sdk_json(a.DagWarningApi(any_client).get_dag_warnings)["dag_warnings"]
    assert cli("dags", "warnings").header() == ["dag_id", "warning_type", "message", "timestamp"]
    errors = cli("dags", "import-errors", "--json").json()
    assert errors == sdk_json(a.ImportErrorApi(any_client).get_import_errors)["import_errors"]
    cli.ran_every_command("test_dags")


def test_dag_runs_and_task_instances(cli: Cli, any_client: ApiClient, runs: list[Any], run_id: Any) -> None:
    dag_runs, tis = a.DAGRunApi(any_client), a.TaskInstanceApi(any_client)
    rid = run_id()
    runs.append(("sdk_example", rid))
    made = cli("dag-runs", "trigger", "sdk_example", "--run-id", rid, "--note", "from the cli").details()
    assert (made["dag_run_id"], made["state"], made["note"]) == (rid, "queued", "from the cli")
    listed = cli("dag-runs", "list", "sdk_example", "--state", "queued", "--all", "--json").json()
    assert [r for r in listed if r["dag_run_id"] == rid] == [sdk_json(dag_runs.get_dag_run, "sdk_example", rid)]
    assert cli("dag-runs", "get", "sdk_example", rid, "--json").json() == sdk_json(
        dag_runs.get_dag_run, "sdk_example", rid
    )
    assert cli("dag-runs", "note", "sdk_example", rid, "seen").details()["note"] == "seen"

    instances = cli("tasks", "list", "sdk_example", rid)
    assert instances.header() == TI_COLUMNS
    assert sorted(r["task_id"] for r in instances.table()) == ["extract", "load", "transform"]
    got = cli("task-instances", "get", "sdk_example", rid, "extract", "--json").json()
    assert got == sdk_json(tis.get_task_instance, "sdk_example", rid, "extract")
    cli("tasks", "set-state", "sdk_example", rid, "extract", "success")
    assert tis.get_task_instance("sdk_example", rid, "extract").state == "success"
    gantt = cli("dag-runs", "gantt", "sdk_example", rid, "-")  # the picture on stdout: a bar per try that ran
    assert gantt.out.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="airflow-gantt"'), gantt
    assert 'data-task-id="extract"' in gantt.out and "wrote the Gantt chart" in gantt.err
    assert cli("tasks", "note", "sdk_example", rid, "extract", "checked").details()["note"] == "checked"
    log = cli("tasks", "logs", "sdk_example", rid, "extract", "--try", "1", code=1 if cli.v3 else 0)
    assert "404" in log.err if cli.v3 else "Could not read served logs" in log.out  # a try that never ran
    planned = cli("tasks", "clear", "sdk_example", rid, "extract", "--dry-run")
    assert [r["task_id"] for r in planned.table()] == ["extract"]
    assert tis.get_task_instance("sdk_example", rid, "extract").state == "success"  # a dry run changes nothing
    cli("tasks", "clear", "sdk_example", rid, "extract")
    assert tis.get_task_instance("sdk_example", rid, "extract").state != "success"
    mapped = cli("tasks", "get", "sdk_example", rid, "extract", "--map-index", "0", code=1)
    assert "404" in mapped.err  # the mapped form, asked for with --map-index

    assert cli("dag-runs", "set-state", "sdk_example", rid, "failed").details()["state"] == "failed"
    waited = cli("dag-runs", "wait", "sdk_example", rid, "--wait-timeout", "30", code=1)
    assert waited.details()["state"] == "failed" and f"DAG run sdk_example/{rid} failed" in waited.err
    planned_run = cli("dag-runs", "clear", "sdk_example", rid, "--dry-run")
    assert planned_run.header() == ["task_id", "dag_run_id", "state"]
    assert cli("dag-runs", "delete", "sdk_example", rid).out == f"deleted DAG run {rid} of sdk_example\n"
    with pytest.raises(sdk.NotFoundException):
        dag_runs.get_dag_run("sdk_example", rid)
    cli.ran_every_command("test_dag_runs_and_task_instances")


def test_backfills(cli: Cli, any_airflow: AirflowServer) -> None:
    days = ("2024-02-01", "2024-02-03")
    dry = cli.only3("backfills", "create", DAILY, *days, "--dry-run", "--json")
    made = cli.only3("backfills", "create", DAILY, *days, "--max-active-runs", "1", "--json")
    backfill_id = str(made.json()["id"]) if made else "1"
    try:
        listed = cli.only3("backfills", "list", DAILY)
        got = cli.only3("backfills", "get", backfill_id, "--json")
        paused = cli.only3("backfills", "pause", backfill_id)
        unpaused = cli.only3("backfills", "unpause", backfill_id)
    finally:
        cancelled = cli.only3("backfills", "cancel", backfill_id)
    if cli.v3:
        assert dry and made and listed and got and paused and unpaused and cancelled
        assert [d["logical_date"][:10] for d in dry.json()] == ["2024-02-01", "2024-02-02", "2024-02-03"]
        assert made.json()["dag_id"] == DAILY and (got.json()["id"], got.json()["dag_id"]) == (int(backfill_id), DAILY)
        assert listed.header() == ["id", "dag_id", "from_date", "to_date", "is_paused", "completed_at"]
        assert backfill_id in [r["id"] for r in listed.table()]
        assert (paused.details()["is_paused"], unpaused.details()["is_paused"]) == ("true", "false")
        assert cancelled.details()["completed_at"] != "-"
    cli.ran_every_command("test_backfills")


def test_assets(cli: Cli, any_client: ApiClient, runs: list[Any]) -> None:
    listed = cli("assets", "list", "--pattern", "x-sdk-cli", "--json").json()
    assert [d["uri"] for d in listed] == [MADE]
    assert cli("assets", "get", MADE, "--json").json()["uri"] == MADE
    event = cli("assets", "create-event", MADE, "--extra", '{"from": "cli"}', "--json").json()
    assert event["dataset_uri"] == MADE and event["extra"]["from"] == "cli"
    events = cli("assets", "events", "--all", "--json").json()
    assert any(e["dataset_uri"] == MADE and e["extra"].get("from") == "cli" for e in events)
    queued = cli("assets", "queued-events", MADE)
    assert queued.header() == ["uri", "dag_id", "created_at"] and "sdk_cli_consumer" in queued.out
    aliases = cli.only3("assets", "aliases")
    assert aliases is None or aliases.header() == ["id", "name", "group"]
    made = cli.only3("assets", "materialize", MADE, "--json")
    if made is not None:
        runs.append(("sdk_cli_producer", made.json()["dag_run_id"]))
        assert made.json()["dag_id"] == "sdk_cli_producer" and made.json()["state"] == "queued"
    with contextlib.suppress(sdk.NotFoundException):
        a.DatasetApi(any_client).delete_dataset_queued_events(MADE)
    cli.ran_every_command("test_assets")


# name, the commands' arguments, the model's fields after create and after update, the file entry exported
RESOURCES = {
    "pools": (["3", "--description", "from the cli"], ["--slots", "5"], {"slots": 5, "description": "from the cli"},
              {"description": "from the cli", "include_deferred": False, "slots": 5}),
    "variables": (['{"a": [1, 2]}', "--description", "from the cli"], ["--value", '{"a": [3]}'],
                  {"value": '{"a": [3]}', "description": "from the cli"},
                  {"description": "from the cli", "value": {"a": [3]}}),
    "connections": (["http", "--host", "example.com", "--port", "8080", "--conn-password", "pw"],
                    ["--login", "bob"], {"host": "example.com", "port": 8080, "login": "bob"},
                    {"conn_type": "http", "description": None, "login": "bob", "host": "example.com", "port": 8080,
                     "schema": None, "extra": None}),
}  # fmt: skip
_KEY_ARGS = {"pools": "pool_name", "variables": "variable_key", "connections": "connection_id"}
_GETTERS = {"pools": ("PoolApi", "get_pool"), "variables": ("VariableApi", "get_variable"),
            "connections": ("ConnectionApi", "get_connection")}  # fmt: skip


def test_pools_variables_connections_and_their_files(cli: Cli, any_client: ApiClient, run_id: Any,
                                                     tmp_path: pathlib.Path) -> None:  # fmt: skip
    for group, (create, update, fields, entry) in RESOURCES.items():
        api_name, get = _GETTERS[group]
        read = getattr(getattr(a, api_name)(any_client), get)
        key = "cli_" + run_id().replace("-", "_")
        assert cli(group, "create", key, *create).details()
        assert cli(group, "get", key, "--json").json() == sdk_json(read, key)
        updated = cli(group, "update", key, *update).details()
        assert {k: updated[k] for k in fields} == {k: str(v) for k, v in fields.items()}
        now = read(key)
        assert {k: now[k] for k in fields} == fields  # the rest of the body stayed as it was
        assert key in [r[next(iter(r))] for r in cli(group, "list", "--all").table()]

        exported = cli(group, "export", str(tmp_path / f"{group}.json"))
        assert exported.out == "" and exported.err.endswith(f" to {tmp_path / f'{group}.json'}\n")
        everything = json.loads((tmp_path / f"{group}.json").read_text())
        assert everything[key] == entry, everything[key]
        if group == "connections":  # Airflow 2 sends no password, Airflow 3 "***": never written, always said
            assert f"connections {key}: password not copied: the API does not return it\n" in exported.err
        mine = tmp_path / f"{key}.json"
        mine.write_text(json.dumps({key: everything[key]}))

        assert cli(group, "delete", key, "--json").json() == {_KEY_ARGS[group]: key, "deleted": True}
        dry = cli(group, "import", str(mine), "--dry-run", "--json").json()
        assert [(r["result"], r["detail"].split(";")[0]) for r in dry] == [("created", "dry run")]
        with pytest.raises(sdk.NotFoundException):
            read(key)
        made = cli(group, "import", str(mine))
        assert made.table()[0]["result"] == "created" and made.err.startswith("1 created, 0 updated")
        assert {k: read(key)[k] for k in fields} == fields
        refused = cli(group, "import", str(mine), code=1)
        assert refused.table()[0]["result"] == "failed" and refused.err.endswith(f"1 of 1 {group} not imported\n")
        assert cli(group, "import", "-", "--on-conflict", "skip", stdin=mine.read_text()).table()[0]["result"] == (
            "skipped"
        )
        changed = {key: {**everything[key], **({"slots": 7} if group == "pools" else {"description": "changed"})}}
        over = cli(group, "import", "-", "--on-conflict", "overwrite", stdin=json.dumps(changed))
        assert over.table()[0]["result"] == "updated"
        assert read(key)["slots" if group == "pools" else "description"] == (7 if group == "pools" else "changed")
        if group == "connections":
            assert read(key).login == "bob"  # an update sets only what the file gives
        cli(group, "delete", key)
    bad = cli("pools", "import", "-", stdin='{"p": {"slots": "many"}, "q": 3}', code=1)
    assert [r["result"] for r in bad.table()] == ["failed", "failed"] and "slots" in bad.table()[0]["detail"]
    assert "must hold a JSON object" in cli("pools", "import", "-", stdin="[1]", code=2).err
    assert "not valid JSON" in cli("variables", "import", "-", stdin="{", code=2).err
    cli.ran_every_command("test_pools_variables_connections_and_their_files")


def test_xcom(cli: Cli, any_dag_runs: a.DAGRunApi, runs: list[Any], run_id: Any) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(FOLLOW_DAG, DAGRun(dag_run_id=rid))
    runs.append((FOLLOW_DAG, rid))
    where = (FOLLOW_DAG, rid, "count")
    assert cli("xcom", "list", *where).out == "key  map_index  timestamp\n"
    added = cli.only3("xcom", "add", *where, "cli_key", '{"v": [1]}', "--json")
    edited = cli.only3("xcom", "edit", *where, "cli_key", "plain text", "--json")
    if cli.v3:
        assert added and edited and added.json()["value"] == {"v": [1]} and edited.json()["value"] == "plain text"
        assert [r["key"] for r in cli("xcom", "list", *where).table()] == ["cli_key"]
        assert cli("xcom", "get", *where, "cli_key").details()["value"] == "plain text"
    assert "404" in cli("xcom", "get", *where, "no_such_key", code=1).err
    deleted = cli.only3("xcom", "delete", *where, "cli_key")
    assert deleted is None or deleted.out == "deleted XCom cli_key of count\n"
    cli.ran_every_command("test_xcom")


def test_server_facts(cli: Cli, any_airflow: AirflowServer, any_client: ApiClient) -> None:
    assert cli("version").details()["version"] == any_airflow.version
    assert yaml.safe_load(cli("version", "-o", "yaml").out)["version"] == any_airflow.version
    health = cli("health", code=None)
    sick = [r["component"] for r in health.table() if r["status"] == "unhealthy"]
    assert health.header() == ["component", "status", "latest_heartbeat"] and health.table()[0]["status"] == "healthy"
    assert health.code == (1 if sick else 0) and (not sick or health.err == f"airflow-sdk: unhealthy: {sick[0]}\n")
    assert "scheduler" in sick  # these servers run no scheduler
    assert yaml.safe_load(cli("health", "-o", "yaml", code=1).out) == sdk_json(a.MonitoringApi(any_client).get_health)

    folder = any_airflow.env["AIRFLOW__CORE__DAGS_FOLDER"]
    assert cli("config", "get", "core", "dags_folder").table() == [{"section": "core", "key": "dags_folder",
                                                                    "value": folder}]  # fmt: skip
    core = cli("config", "list", "--section", "core")
    assert {"section": "core", "key": "dags_folder", "value": folder} in core.table()
    assert {r["section"] for r in core.table()} == {"core"}
    providers = cli("providers", "list", "--json").json()
    assert providers == sdk_json(a.ProviderApi(any_client).get_providers)["providers"]
    assert "sdk_misc_plugin" in [r["name"] for r in cli("plugins", "list").table()]
    broken = cli.only3("plugins", "import-errors")
    assert broken is None or broken.header() == ["source", "error"]
    jobs = cli.only3("jobs", "list", "--json")
    assert jobs is None or jobs.json() == sdk_json(a.JobApi(any_client).get_jobs)["jobs"]
    cli.ran_every_command("test_server_facts")


def _dummy(param: click.Parameter) -> list[str]:
    """A value each argument accepts, for commands that must refuse before sending anything."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return [str(kind.choices[0])]
    dated = getattr(getattr(kind, "func", None), "__name__", "") == "_datetime"
    return ["1" if isinstance(kind, click.types.IntParamType) else "2024-01-01" if dated else "x"]


def test_airflow_3_only_commands_exit_2_and_send_nothing_to_airflow_2(server: RecordingServer) -> None:
    assert len(AIRFLOW_3_ONLY) >= 15
    for path in sorted(AIRFLOW_3_ONLY):
        args = [v for p in PATHS[path].params if isinstance(p, click.Argument) for v in _dummy(p)]
        done = run("--url", server.url + "/api/v1", *path.split(), *args, timeout=30)
        assert done.code == 2 and done.out == "", (path, done)
        assert f"airflow-sdk: {path}: " in done.err and "needs Airflow 3" in done.err, (path, done.err)
    assert server.requests == []


def test_copy_from_airflow_2_to_airflow_3_through_a_pipe(airflow: AirflowServer, airflow3: AirflowServer,
                                                         run_id: Any) -> None:  # fmt: skip
    key = "cli_copy_" + run_id().replace("-", "_")
    old, new = env_for(airflow), env_for(airflow3)
    run("variables", "create", key, '{"rows": [1, 2], "ok": true}', "--description", "json", env=old)
    run("variables", "create", key + "_text", "plain text", env=old)
    run("pools", "create", key, "4", "--description", "copied", "--include-deferred", env=old)
    run("connections", "create", key, "postgres", "--host", "db", "--port", "5432", "--login", "u",
        "--conn-password", "secret", "--extra", '{"sslmode": "require"}', env=old)  # fmt: skip
    python = shlex.quote(sys.executable)
    reports: dict[str, dict[str, dict[str, str]]] = {}
    seen = len(airflow3.server_log.read_text(errors="replace"))
    try:
        for group in ("variables", "pools", "connections"):
            line = (
                f"set -o pipefail; {python} -m airflow_python_sdk --url {airflow.api_url} {group} export - | "
                f"{python} -m airflow_python_sdk --url {airflow3.base_url} {group} import - --on-conflict skip"
            )
            users = {"AIRFLOW_USERNAME": "admin", "AIRFLOW_PASSWORD": "admin"}
            piped = subprocess.run(["bash", "-c", line], env={**_plain_env(), **users}, cwd=REPO,
                                   capture_output=True, text=True, timeout=120)  # fmt: skip
            assert piped.returncode == 0 and "Traceback" not in piped.stderr, piped
            reports[group] = {r[next(iter(r))]: r for r in Done(0, piped.stdout, piped.stderr, 0).table()}
        assert reports["variables"][key]["result"] == reports["variables"][key + "_text"]["result"] == "created"
        assert reports["pools"][key]["result"] == "created" and reports["pools"]["default_pool"]["result"] == "skipped"
        assert reports["connections"][key]["detail"] == "no password in the file"
        bulk = [f"method=PATCH path=/api/v2/{group} " for group in reports]  # one bulk write per group
        deadline, sent = time.monotonic() + 10, ""
        while time.monotonic() < deadline and not all(b in sent for b in bulk):  # the access log comes after
            time.sleep(0.2)
            sent = airflow3.server_log.read_text(errors="replace")[seen:]
        assert all(b in sent for b in bulk) and "method=POST path=/api/v2/" not in sent, sent[-3000:]

        with ApiClient(Configuration(host=airflow3.api_url, username="admin", password="admin")) as client:
            variable = a.VariableApi(client).get_variable(key)
            assert json.loads(variable.value or "") == {"rows": [1, 2], "ok": True} and variable.description == "json"
            assert a.VariableApi(client).get_variable(key + "_text").value == "plain text"
            pool = a.PoolApi(client).get_pool(key)
            assert (pool.slots, pool.description, pool.include_deferred) == (4, "copied", True)
            connection = a.ConnectionApi(client).get_connection(key)
            got = (connection.conn_type, connection.host, connection.port, connection.login)
            assert got == ("postgres", "db", 5432, "u")
            assert json.loads(connection.extra or "") == {"sslmode": "require"}
            assert connection.password is None  # Airflow 2 never sent it: not copied, never invented
    finally:  # what the copy made on Airflow 3 (others' leftovers on Airflow 2 too), and this test's own
        for group, rows in reports.items():
            for made in (k for k, row in rows.items() if row["result"] == "created"):
                run(group, "delete", made, env=new)
        for group, made in (("variables", key), ("variables", key + "_text"), ("pools", key), ("connections", key)):
            run(group, "delete", made, env=old)


def _plain_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}


def test_follow_streams_a_running_tasks_log_until_the_try_ends(scheduled3: AirflowServer, run_id: Any) -> None:
    rid = run_id()
    with ApiClient(Configuration(host=scheduled3.api_url, username="admin", password="admin")) as client:
        a.DAGRunApi(client).post_dag_run(FOLLOW_DAG, DAGRun(dag_run_id=rid))
        argv = [sys.executable, "-m", "airflow_python_sdk", "tasks", "logs", FOLLOW_DAG, rid, "count", "--follow",
                "--poll-interval", "0.5"]  # fmt: skip
        started = time.monotonic()
        with subprocess.Popen(argv, env={**_plain_env(), **env_for(scheduled3)}, cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) as follow:  # fmt: skip
            assert follow.stdout is not None
            arrived = [(time.monotonic(), line.rstrip("\n")) for line in follow.stdout]
            code = follow.wait(timeout=240)
        ended = a.TaskInstanceApi(client).get_task_instance(FOLLOW_DAG, rid, "count")
        a.DAGRunApi(client).wait_for_dag_run(FOLLOW_DAG, rid, timeout=120, poll_interval=1)
        a.DAGRunApi(client).delete_dag_run(FOLLOW_DAG, rid)
    counted = [(t, line) for t, line in arrived if "sdk-cli count " in line]
    assert code == 0 and ended.state == "success", (code, arrived)
    assert [int(line.rsplit(" ", 1)[1]) for _, line in counted] == list(range(1, 11))  # each line once, in order
    assert counted[-1][0] - counted[0][0] >= 2.0  # printed while the task ran (10 lines in 5 s), not all at the end
    assert ended.end_date is not None and time.monotonic() - started < 240


def _on_a_terminal(*args: str, env: dict[str, str]) -> tuple[str, str]:
    """stdout and stderr of the command run with both on terminals (pseudo-terminals)."""
    (out_main, out_tty), (err_main, err_tty) = pty.openpty(), pty.openpty()
    argv = [sys.executable, "-m", "airflow_python_sdk", *args]
    with subprocess.Popen(argv, env={**_plain_env(), "TERM": "xterm-256color", "COLUMNS": "250", **env}, cwd=REPO,
                          stdout=out_tty, stderr=err_tty) as proc:  # fmt: skip
        os.close(out_tty)
        os.close(err_tty)
        texts = []
        for main in (out_main, err_main):
            chunks = []
            with contextlib.suppress(OSError):  # EIO once the command has closed its side
                while chunk := os.read(main, 65536):
                    chunks.append(chunk)
            os.close(main)
            texts.append(b"".join(chunks).decode())
        assert proc.wait(timeout=60) == 0
    return texts[0], texts[1]


def test_colour_and_progress_only_on_a_terminal(airflow: AirflowServer, live_dag_runs: a.DAGRunApi,
                                                run_id: Any) -> None:  # fmt: skip
    rid = run_id()
    live_dag_runs.post_dag_run("sdk_example", DAGRun(dag_run_id=rid))
    try:
        live_dag_runs.update_dag_run_state("sdk_example", rid, UpdateDagRunState(state="failed"))
        args = ("dag-runs", "list", "sdk_example", "--state", "failed", "--all")
        out, err = _on_a_terminal(*args, env=env_for(airflow))
        assert "\x1b[1m" in out and "\x1b[31m" in out and rid in out  # a bold header, failed in red
        assert "get_dag_runs: " in err  # the walk's spinner, on the terminal's stderr
        plain_out, _ = _on_a_terminal(*args, env={**env_for(airflow), "NO_COLOR": "1"})
        assert "\x1b[31m" not in plain_out and "\x1b[38" not in plain_out and rid in plain_out
        piped = run(*args, env=env_for(airflow))  # off a terminal: no escape codes, no spinner
        assert "\x1b" not in piped.out + piped.err and piped.err == "" and rid in piped.out
    finally:
        live_dag_runs.delete_dag_run("sdk_example", rid)


def test_shell_completion_is_generated_by_click() -> None:
    bash = run(env={"_AIRFLOW_SDK_COMPLETE": "bash_source"})
    assert bash.code == 0 and "complete -o nosort -F _airflow_sdk_completion airflow-sdk" in bash.out
    zsh = run(env={"_AIRFLOW_SDK_COMPLETE": "zsh_source"})
    assert zsh.code == 0 and zsh.out.startswith("#compdef airflow-sdk")
    asked = run(env={"_AIRFLOW_SDK_COMPLETE": "bash_complete", "COMP_WORDS": "airflow-sdk da", "COMP_CWORD": "1"})
    assert asked.out.split() == ["plain,dag-runs", "plain,dags"]
    bin_dir = pathlib.Path(sys.executable).parent
    script = ('eval "$(_AIRFLOW_SDK_COMPLETE=bash_source airflow-sdk)"; COMP_WORDS=(airflow-sdk pools ""); '
              'COMP_CWORD=2; _airflow_sdk_completion airflow-sdk; printf "%s\\n" "${COMPREPLY[@]}"')  # fmt: skip
    done = subprocess.run(["bash", "-c", script], env={**_plain_env(), "PATH": f"{bin_dir}:{os.environ['PATH']}"},
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.stdout.split() == ["create", "delete", "export", "get", "import", "list", "update"], done


def test_importing_the_sdk_imports_none_of_the_cli_extra() -> None:
    code = "import sys, airflow_python_sdk, airflow_python_sdk.apis, airflow_python_sdk.cli; " \
           "print(sorted(m for m in ('click', 'rich', 'yaml') if m in sys.modules))"  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.stdout == "[]\n", done


def test_every_command_has_help_and_the_timeout_option(server: RecordingServer) -> None:
    for path in PATHS:
        shown = run(*path.split(), "--help")
        assert shown.code == 0 and shown.out.startswith(f"Usage: airflow-sdk {path} "), (path, shown)
        assert "The global options (airflow-sdk --help) are accepted here too." in shown.out
        summary = " ".join(shown.out.split("\n\n")[1].split())  # the command's own line, not its options'
        assert ("(Airflow 3 only)" in summary) == (path in AIRFLOW_3_ONLY), path
    assert {leaf.name for leaf in leaves(ROOT)} >= {"list", "get", "health", "version"}
    server.default = Reply(json={"dags": [], "total_entries": 0})
    before = run("--url", server.url + "/api/v1", "--timeout", "7", "dags", "list")
    after = run("dags", "list", "--url", server.url + "/api/v1", "--timeout", "7")
    assert before.code == after.code == 0 and before.out == after.out == "dag_id  is_paused  schedule  owners  tags\n"
