"""docs/RECIPES.md runs as written on a real Airflow 2.11.2 and a real Airflow 3.3.2, each with its scheduler.

Each recipe's block is executed, unchanged, against both servers (``scheduled``, ``scheduled3``) in a namespace
made by the page's own intro: its first block run with ``AIRFLOW_API_URL``/``AIRFLOW_USERNAME``/``AIRFLOW_PASSWORD``
set to the server (admin/admin) gives ``client``; ``DAG_ID``, ``RUN_ID`` and ``TASK_ID`` are then set, the same
way on both servers, to the test DAGs (test/dags: ``sdk_example``, ``sdk_ops_*``, ``sdk_recipes_daily``) and runs
the test made. The copy recipe gets ``source`` and ``target`` from the intro's second block (profiles ``old`` and
``new`` of a config file naming the two servers), from Airflow 2 to Airflow 3 and back. After each block, the
recipe's effect is read back through the API. The unit tests check the page's shape without a server.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import pathlib
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from airflow_python_sdk import ApiClient, NotFoundException, ServiceException, apis, paginate
from airflow_python_sdk.apis import (
    BackfillApi,
    ConnectionApi,
    DAGApi,
    DAGRunApi,
    DagVersionApi,
    PoolApi,
    TaskInstanceApi,
    VariableApi,
)
from airflow_python_sdk.models import DAG, ClearTaskInstances, Connection, DAGRun, Pool, UpdateDagRunState, Variable

from airflow_server import AirflowServer

ROOT = pathlib.Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "RECIPES.md"

EXAMPLE = "sdk_example"  # test/dags/sdk_test_dags.py: extract >> transform >> load, empty tasks
FLAKY = "sdk_ops_flaky"  # test/dags/sdk_ops_dags.py: transform logs 6 lines, fails its first try, passes later
PAUSED = "sdk_ops_paused"  # paused at creation: its runs stay queued
QUICK = "sdk_ops_quick"  # one empty task
DAILY = "sdk_recipes_daily"  # test/dags/sdk_recipes_dags.py: @daily, one empty task
WAIT = 300.0  # seconds a run of these DAGs may take on a busy machine
SERVERS = {"airflow2_scheduled": "scheduled", "airflow3_scheduled": "scheduled3"}  # param id: conftest fixture


@dataclass(frozen=True)
class Recipe:
    number: int
    title: str
    blocks: list[str]
    uses: list[str]

    @property
    def code(self) -> str:
        return self.blocks[0]


def _blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", markdown, re.DOTALL | re.MULTILINE)


def _parse(text: str) -> tuple[list[str], dict[int, Recipe]]:
    """The intro's python blocks, and each ``### N. Title`` section's blocks and ``Uses:`` names."""
    parts = re.split(r"^### (\d+)\. (.+)$", text, flags=re.MULTILINE)
    recipes: dict[int, Recipe] = {}
    for number, title, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        uses = re.search(r"^Uses: (.+?)(?:\n\n|\Z)", body, re.DOTALL | re.MULTILINE)
        names = re.findall(r"`([^`]+)`", uses[1]) if uses else []
        recipes[int(number)] = Recipe(int(number), title.strip(), _blocks(body), names)
    return _blocks(parts[0]), recipes


INTRO, RECIPES = _parse(PAGE.read_text())


# ---------------------------------------------------------------------------------------------- the page's shape


def _code_lines(code: str) -> list[str]:
    """The lines of a block that do something: not blank, not an import."""
    return [line for line in code.splitlines() if line.strip() and not re.match(r"(from \S+ )?import ", line)]


def test_the_page_has_15_recipes_each_with_one_block_naming_methods_that_exist() -> None:
    assert sorted(RECIPES) == list(range(1, 16))
    assert len(INTRO) == 2 and "Configuration.from_env()" in INTRO[0] and "from_profile" in INTRO[1]
    for recipe in RECIPES.values():
        where = f"recipe {recipe.number} ({recipe.title})"
        assert len(recipe.blocks) == 1, where
        compile(recipe.code, where, "exec")
        assert len([line for line in recipe.code.splitlines() if line.strip()]) >= 5, where
        assert len(_code_lines(recipe.code)) <= 15, where  # imports aside
        methods = [name.split(".") for name in recipe.uses if re.fullmatch(r"\w+\.\w+", name)]
        assert methods, f"{where} names no Class.method on its Uses: line"
        for cls_name, method in methods:
            assert cls_name in apis.__all__, f"{where}: {cls_name} is no API class"
            assert callable(getattr(getattr(apis, cls_name), method, None)), f"{where}: no {cls_name}.{method}"
            assert f".{method}" in recipe.code, f"{where} names {cls_name}.{method} but does not call it"
        for name in recipe.uses:
            assert "." in name or callable(getattr(__import__("airflow_python_sdk"), name, None)), (where, name)


def test_the_readme_links_the_page_under_quickstart() -> None:
    readme = (ROOT / "README.md").read_text()
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    assert "(docs/RECIPES.md)" in quickstart


# --------------------------------------------------------------------------------------------- the live servers


@dataclass
class Live:
    """One real server, the intro's namespace for it, and the test's own API objects (another client)."""

    server: AirflowServer
    namespace: dict[str, Any]
    client: ApiClient
    seen: dict[str, str] = field(default_factory=dict)

    @property
    def v2(self) -> bool:
        return self.server.api_version == "v2"

    @property
    def runs(self) -> DAGRunApi:
        return DAGRunApi(self.client)

    @property
    def tis(self) -> TaskInstanceApi:
        return TaskInstanceApi(self.client)

    @property
    def dags(self) -> DAGApi:
        return DAGApi(self.client)

    def run(self, number: int, **names: Any) -> tuple[dict[str, Any], str]:
        """Execute recipe ``number``'s block as written, with ``names`` set; its namespace and what it printed."""
        namespace = {**self.namespace, **names}
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(RECIPES[number].code, f"docs/RECIPES.md recipe {number}", "exec"), namespace)
        return namespace, printed.getvalue()

    def states(self, dag_id: str, run_id: str) -> dict[str, str | None]:
        listed = self.tis.get_task_instances(dag_id, run_id).task_instances
        return {ti.task_id: None if ti.state is None else str(ti.state) for ti in listed}


_made: dict[tuple[str, str], str] = {}
"""Runs a test made that a later test may reuse: (server param, what) -> run id."""


def _new_id(what: str) -> str:
    return f"recipes-{what}-{uuid.uuid4().hex[:8]}"


def _intro(monkeypatch: pytest.MonkeyPatch, server: AirflowServer) -> dict[str, Any]:
    """The intro's first block run with the environment naming ``server``: a namespace holding ``client``."""
    for name in ("AIRFLOW_API_TOKEN", "AIRFLOW_API_TOKEN_FILE", "AIRFLOW_VERIFY_SSL", "AIRFLOW_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AIRFLOW_API_URL", server.api_url)
    monkeypatch.setenv("AIRFLOW_USERNAME", "admin")
    monkeypatch.setenv("AIRFLOW_PASSWORD", "admin")
    namespace: dict[str, Any] = {}
    exec(compile(INTRO[0], "docs/RECIPES.md intro", "exec"), namespace)
    assert isinstance(namespace["client"], ApiClient)
    assert namespace["client"].configuration.host == server.api_url
    return namespace


@pytest.fixture(params=list(SERVERS))
def live(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Live]:
    server: AirflowServer = request.getfixturevalue(SERVERS[request.param])
    namespace = _intro(monkeypatch, server)
    with namespace["client"], ApiClient(namespace["client"].configuration) as own:
        yield Live(server, namespace, own, {"param": request.param})


def _failed_flaky(live: Live) -> str:
    """A run of sdk_ops_flaky that failed: transform failed (try 1), load upstream_failed."""
    rid = _new_id("flaky")
    failed = live.runs.trigger_dag_run_and_wait(FLAKY, DAGRun(dag_run_id=rid), timeout=WAIT, poll_interval=1)
    assert failed.state == "failed"
    assert live.states(FLAKY, rid) == {"transform": "failed", "load": "upstream_failed"}
    return rid


@pytest.mark.live
def test_1_trigger_and_wait(live: Live) -> None:
    namespace, printed = live.run(1, DAG_ID=EXAMPLE)
    run = namespace["run"]
    assert run.state == "success" and run.dag_run_id in printed and "success" in printed
    back = live.runs.get_dag_run(EXAMPLE, run.dag_run_id)
    assert back.state == "success" and back.conf == {"day": "2024-05-01"}
    assert live.states(EXAMPLE, run.dag_run_id) == {"extract": "success", "transform": "success", "load": "success"}


@pytest.mark.live
def test_2_rerun_the_failed_tasks(live: Live) -> None:
    rid = _failed_flaky(live)
    namespace, printed = live.run(2, DAG_ID=FLAKY, RUN_ID=rid)
    assert "cleared ['load', 'transform']" in printed
    assert namespace["run"].state == "success" and live.runs.get_dag_run(FLAKY, rid).state == "success"
    assert live.states(FLAKY, rid) == {"transform": "success", "load": "success"}
    assert live.tis.get_task_instance(FLAKY, rid, "transform").try_number == 2
    _made[(live.seen["param"], "rerun")] = rid


@pytest.mark.live
def test_3_mark_a_run_failed_then_successful(live: Live) -> None:
    live.dags.patch_dag(PAUSED, DAG(is_paused=True), update_mask=["is_paused"])
    rid = live.runs.post_dag_run(PAUSED, DAGRun(dag_run_id=_new_id("mark"))).dag_run_id
    assert live.runs.get_dag_run(PAUSED, rid).state == "queued"  # its DAG is paused: it would stay so
    namespace, printed = live.run(3, DAG_ID=PAUSED, RUN_ID=rid)
    stopped, done = namespace["stopped"], namespace["done"]
    assert stopped.state == "failed" and stopped.end_date is not None and done.state == "success"
    assert f"{rid} failed" in printed and f"{rid} success" in printed
    assert live.runs.get_dag_run(PAUSED, rid).state == "success"
    # the task was skipped when the run failed; Airflow 2 marks every task of a successful run successful
    assert live.states(PAUSED, rid) == {"only": "skipped" if live.v2 else "success"}
    live.runs.delete_dag_run(PAUSED, rid)


@pytest.mark.live
def test_4_notes_on_a_run_and_a_task(live: Live) -> None:
    live.dags.patch_dag(PAUSED, DAG(is_paused=True), update_mask=["is_paused"])
    rid = live.runs.post_dag_run(PAUSED, DAGRun(dag_run_id=_new_id("note"))).dag_run_id
    _, printed = live.run(4, DAG_ID=PAUSED, RUN_ID=rid, TASK_ID="only")
    assert live.runs.get_dag_run(PAUSED, rid).note == "Re-run after the warehouse outage (ops)"
    assert live.tis.get_task_instance(PAUSED, rid, "only").note == "Loaded by hand"
    assert printed.splitlines() == ["Re-run after the warehouse outage (ops)", "Loaded by hand"]
    live.runs.delete_dag_run(PAUSED, rid)


def _failed_since(live: Live, since: dt.datetime) -> set[tuple[str, str]]:
    listed = live.runs.get_dag_runs("~", state=["failed"], end_date_gte=since, limit=1000)
    assert listed.total_entries == len(listed.dag_runs)
    return {(run.dag_id, run.dag_run_id) for run in listed.dag_runs}


@pytest.mark.live
def test_5_the_failed_runs_of_every_dag_since_yesterday(live: Live) -> None:
    live.dags.patch_dag(PAUSED, DAG(is_paused=True), update_mask=["is_paused"])
    made = set()
    for dag_id in (PAUSED, QUICK):  # a failed run in each of two DAGs
        rid = live.runs.post_dag_run(dag_id, DAGRun(dag_run_id=_new_id("failed"))).dag_run_id
        live.runs.update_dag_run_state(dag_id, rid, UpdateDagRunState(state="failed"))
        made.add((dag_id, rid))
    yesterday = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) - dt.timedelta(1)
    before = _failed_since(live, yesterday)
    namespace, printed = live.run(5)
    since, failed = namespace["since"], namespace["failed"]
    assert since <= dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    found = {(run.dag_id, run.dag_run_id) for run in failed}
    assert made <= found and len(found) == len(failed)
    assert all(run.state == "failed" and run.end_date >= since for run in failed)
    # every failed run the server lists, read one page at once before and after (others may fail meanwhile)
    assert since == yesterday and before <= found <= _failed_since(live, since)
    assert len(printed.splitlines()) == len(failed) and all(f" {d} {r}" in printed for d, r in made)


@pytest.mark.live
def test_6_delete_old_runs(live: Live) -> None:
    old = DAGRun(dag_run_id=_new_id("old"), logical_date=dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc))
    assert live.runs.trigger_dag_run_and_wait(QUICK, old, timeout=WAIT, poll_interval=1).state == "success"
    recent = live.runs.trigger_dag_run_and_wait(QUICK, timeout=WAIT, poll_interval=1)
    namespace, printed = live.run(6, DAG_ID=QUICK)
    deleted = {run.dag_run_id for run in namespace["old"]}
    assert old.dag_run_id in deleted and recent.dag_run_id not in deleted
    for rid in deleted:
        with pytest.raises(NotFoundException):
            live.runs.get_dag_run(QUICK, rid)
    assert live.runs.get_dag_run(QUICK, recent.dag_run_id).state == "success"
    assert f"deleted {len(deleted)} runs of {QUICK} from before" in printed


@pytest.mark.live
def test_7_read_every_try_of_a_log(live: Live) -> None:
    rid = _made.get((live.seen["param"], "rerun"))
    if rid is None:  # test 2 did not run first: make such a run here
        rid = _failed_flaky(live)
        clear = ClearTaskInstances(dry_run=False, dag_run_id=rid, task_ids=["transform"], include_downstream=True)
        live.dags.post_clear_task_instances(FLAKY, clear)
        assert live.runs.wait_for_dag_run(FLAKY, rid, timeout=WAIT, poll_interval=1).state == "success"
    namespace, printed = live.run(7, DAG_ID=FLAKY, RUN_ID=rid, TASK_ID="transform")
    logs = namespace["logs"]
    assert sorted(logs) == [1, 2]
    assert "sdk-ops line 6 (try 1)" in logs[1] and "RuntimeError: sdk-ops transform fails on try 1" in logs[1]
    assert "sdk-ops line 6 (try 2)" in logs[2] and "fails on try" not in logs[2]
    assert "----- try 1 of 2 (success)" in printed and "----- try 2 of 2 (success)" in printed


@pytest.mark.live
def test_8_follow_a_log_as_it_is_written(live: Live) -> None:
    namespace, printed = live.run(8, DAG_ID=FLAKY, TASK_ID="transform")
    lines = printed.splitlines()
    marks = [next(i for i, line in enumerate(lines) if f"sdk-ops line {n} (try 1)" in line) for n in range(1, 7)]
    assert marks == sorted(marks)  # each line once, in the order written
    assert any("RuntimeError: sdk-ops transform fails on try 1" in line for line in lines)
    assert lines[-1] == "failed"
    rid = namespace["run"].dag_run_id
    assert live.runs.wait_for_dag_run(FLAKY, rid, timeout=WAIT, poll_interval=1).state == "failed"


def _gone(delete: Callable[[str], None], name: str) -> None:
    with contextlib.suppress(NotFoundException):
        delete(name)


@pytest.mark.live
def test_9_set_read_and_list_variables(live: Live) -> None:
    variables = VariableApi(live.client)
    _gone(variables.delete_variable, "etl_limits")
    _, printed = live.run(9)  # creates it
    made = variables.get_variable("etl_limits")
    assert (json.loads(made.value), made.description) == ({"batch": 1000}, "rows per insert")
    assert printed.splitlines()[0] == "1000" and 'etl_limits {"batch": 1000}' in printed
    variables.patch_variable("etl_limits", Variable(key="etl_limits", value="{}", description="changed"))
    live.run(9)  # updates it
    again = variables.get_variable("etl_limits")
    assert (json.loads(again.value), again.description) == ({"batch": 1000}, "rows per insert")


@pytest.mark.live
def test_10_size_a_pool_and_list_the_pools(live: Live) -> None:
    pools = PoolApi(live.client)
    _gone(pools.delete_pool, "warehouse")
    _, printed = live.run(10)  # creates it
    made = pools.get_pool("warehouse")
    assert (made.slots, made.description) == (16, "loads into the warehouse")
    assert "warehouse: 0 of 16 slots used, 0 queued" in printed and "default_pool: " in printed
    pools.patch_pool("warehouse", Pool(name="warehouse", slots=3), update_mask=["slots"])
    live.run(10)  # sizes it again, leaving its description
    again = pools.get_pool("warehouse")
    assert (again.slots, again.description) == (16, "loads into the warehouse")


@pytest.mark.live
def test_11_set_a_connection(live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "pw-" + uuid.uuid4().hex
    monkeypatch.setenv("WAREHOUSE_PASSWORD", secret)
    connections = ConnectionApi(live.client)
    _gone(connections.delete_connection, "warehouse")
    _, printed = live.run(11)  # creates it
    made = connections.get_connection("warehouse")
    assert (made.conn_type, made.host, made.port, made.schema, made.login) == (
        "postgres", "db.example.com", 5432, "dw", "etl")  # fmt: skip
    assert json.loads(made.extra) == {"sslmode": "require"} and made.password in (None, "***")
    assert printed.split()[:3] == ["postgres", "db.example.com", "5432"] and secret not in printed
    moved = Connection(connection_id="warehouse", conn_type="postgres", host="elsewhere")
    connections.patch_connection("warehouse", moved, update_mask=["host"])
    assert connections.get_connection("warehouse").host == "elsewhere"
    live.run(11)  # updates it
    assert connections.get_connection("warehouse").host == "db.example.com"


@pytest.mark.live
@pytest.mark.parametrize("direction", [("airflow2_scheduled", "airflow3_scheduled"),
                                       ("airflow3_scheduled", "airflow2_scheduled")], ids=["2to3", "3to2"])  # fmt: skip
def test_12_copy_variables_and_pools_between_servers(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path, direction: tuple[str, str]
) -> None:
    old, new = (request.getfixturevalue(SERVERS[param]) for param in direction)
    config = tmp_path / "config.ini"
    profile = "[{}]\nurl = {}\nauth = password\nusername = admin\npassword = env:RECIPES_PASSWORD\n\n"
    config.write_text(profile.format("old", old.api_url) + profile.format("new", new.api_url))
    monkeypatch.setenv("AIRFLOW_SDK_CONFIG", str(config))
    monkeypatch.setenv("RECIPES_PASSWORD", "admin")
    namespace = _intro(monkeypatch, old)
    exec(compile(INTRO[1], "docs/RECIPES.md intro", "exec"), namespace)
    source, target = namespace["source"], namespace["target"]
    assert (source.configuration.host, target.configuration.host) == (old.api_url, new.api_url)

    tag = uuid.uuid4().hex[:6]
    only, both, secret, pool = f"copy_{tag}_only", f"copy_{tag}_both", f"copy_{tag}_password", f"copy_{tag}"
    VariableApi(source).post_variables(Variable(key=only, value='{"rows": 5}', description="only on the source"))
    VariableApi(source).post_variables(Variable(key=both, value="new"))
    VariableApi(target).post_variables(Variable(key=both, value="old", description="the target's"))
    VariableApi(source).post_variables(Variable(key=secret, value="hunter2"))
    PoolApi(source).post_pool(Pool(name=pool, slots=7, description="copied"))
    target_default = PoolApi(target).get_pool("default_pool")
    listed = {v.key: v.value for v in paginate(VariableApi(source).get_variables)}

    with namespace["client"], source, target:
        namespace_out, _ = Live(old, namespace, source).run(12)

    copied = VariableApi(target).get_variable(only)
    assert (copied.value, copied.description) == ('{"rows": 5}', "only on the source")
    kept = VariableApi(target).get_variable(both)  # updated; the source has no description: the target's kept
    assert (kept.value, kept.description) == ("new", "the target's")
    if old.api_version == "v2":  # Airflow 3 masks a sensitive key's value: the recipe leaves it
        assert listed[secret] == "***"
        with pytest.raises(NotFoundException):
            VariableApi(target).get_variable(secret)
    else:  # Airflow 2 sends it; Airflow 3 masks it when read, so its own CLI reads it back
        assert listed[secret] == "hunter2" and VariableApi(target).get_variable(secret).value == "***"
        assert new.airflow("variables", "get", secret).stdout.strip() == "hunter2"
    copied_pool = PoolApi(target).get_pool(pool)
    assert (copied_pool.slots, copied_pool.description) == (7, "copied")
    assert PoolApi(target).get_pool("default_pool").slots == target_default.slots
    assert callable(namespace_out["put"])


@pytest.mark.live
def test_13_backfill_a_date_range(live: Live) -> None:
    for attempt in range(5):
        try:
            namespace, printed = live.run(13, DAG_ID=DAILY)
            break
        except ServiceException as busy:  # Airflow 3 on SQLite (the test servers') while its scheduler writes: 503
            if attempt == 4 or "not supported on SQLite" not in str(busy.body):
                raise
            time.sleep(2)
    start, end = namespace["start"], namespace["end"]
    days = [start + dt.timedelta(days=n) for n in range(3)]
    assert days[-1] == end
    made = live.runs.get_dag_runs(DAILY, logical_date_gte=start, logical_date_lte=end, limit=100).dag_runs
    assert sorted(run.logical_date for run in made) == days
    if live.v2:  # Airflow 3: one backfill, its runs of type backfill
        backfill = BackfillApi(live.client).get_backfill(namespace["backfill"].id)
        assert (backfill.dag_id, backfill.from_date, backfill.to_date) == (DAILY, start, end)
        assert {str(run.run_type) for run in made} == {"backfill"}
        assert printed.startswith(f"backfill {backfill.id} of {DAILY}: 2024-03-01 to 2024-03-03")
        assert [each.id for each in BackfillApi(live.client).list_backfills(DAILY).backfills] == [backfill.id]
    else:  # Airflow 2: refused before sending; one manual run a day instead
        assert "backfill" not in namespace
        assert {str(run.run_type) for run in made} == {"manual"}
        assert printed.splitlines() == [f"triggered {run.dag_run_id}" for run in sorted(made, key=_logical)]
    for run in made:  # and the scheduler runs them
        assert live.runs.wait_for_dag_run(DAILY, run.dag_run_id, timeout=WAIT, poll_interval=1).state == "success"


def _logical(run: DAGRun) -> dt.datetime:
    return run.logical_date


@pytest.mark.live
def test_14_dag_versions(live: Live) -> None:
    rid = live.runs.trigger_dag_run_and_wait(QUICK, timeout=WAIT, poll_interval=1).dag_run_id
    namespace, printed = live.run(14, DAG_ID=QUICK)
    versions = namespace["versions"]
    ran = re.search(rf"^{re.escape(rid)} \[(.*)\]$", printed, re.MULTILINE)
    assert ran, printed
    if live.v2:
        served = DagVersionApi(live.client).get_dag_versions(QUICK).dag_versions
        assert versions and sorted(v.version_number for v in versions) == sorted(v.version_number for v in served)
        assert [v.version_number for v in versions] == sorted((v.version_number for v in versions), reverse=True)
        used = [int(n) for n in ran[1].split(", ")]
        assert used and set(used) <= {v.version_number for v in versions}
        assert used == [v.version_number for v in live.runs.get_dag_run(QUICK, rid).dag_versions]
    else:
        assert versions == [] and ran[1] == ""
        assert printed.splitlines()[0].startswith("get_dag_versions() needs Airflow 3")  # the refusal, printed


@pytest.mark.live
def test_15_pause_everything_and_resume(live: Live) -> None:
    before = {dag.dag_id: dag.is_paused for dag in paginate(live.dags.get_dags)}
    assert {EXAMPLE, QUICK, DAILY, FLAKY} <= {d for d, paused in before.items() if not paused}
    assert before[PAUSED] is True
    namespace, printed = live.run(15)
    try:
        assert live.dags.get_dags(paused=False).total_entries == 0
        assert set(namespace["paused"]) == set(before)
        assert set(namespace["running"]) == {d for d, paused in before.items() if not paused}
        assert printed.strip() == f"paused {len(before)} DAGs, of which {len(namespace['running'])} were unpaused"
    finally:
        namespace["resume"]()
    after = {dag.dag_id: dag.is_paused for dag in paginate(live.dags.get_dags)}
    assert after == before
