"""A day of DAG-run work on real Airflow 2.9.3 and 3.0.6, older releases than 2.11.2 and 3.3.2 that the
rest of the suite runs on: each installed from its lock (test/locks) and started with its scheduler.

The module's server fixture is parametrized by version, so pytest runs every test on one server before
starting the next. The client code is the same for both; what differs is data: ``LACKS`` names, per
release, an operation and a parameter it does not have -- checked against the spec the server serves --
which the SDK refuses before sending, naming the release that added it (checked in the server's access
log: nothing reached it). The server quirks of issue #16 that these releases show each have a test here:
a never-run try's empty log, Airflow 2's variable mask, 3.0's pool patch, 2.9's batch paging, and
users on an Airflow 3 without the FAB auth manager.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest
import yaml

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.user_api import UserApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.models import (
    BulkAction,
    BulkBody,
    ClearDagRun,
    DAGRun,
    DagState,
    ListTaskInstanceForm,
    Pool,
    TaskInstanceCollection,
    Variable,
)
from airflow_python_sdk.versions import SUPPORTED

from airflow_server import AIRFLOW_VERSIONS, AirflowServer, lock_file, start_airflow

pytestmark = pytest.mark.live

SMOKE_VERSIONS = ("2.9.3", "3.0.6")
DAG = "sdk_smoke_day"  # "say" runs Python and logs, "done" is empty (test/dags/sdk_smoke_dags.py)
IDLE_DAG = "sdk_smoke_idle"  # paused: its runs stay queued and their tries never run
TASKS = ["done", "say"]


class Lack(NamedTuple):
    """A call of something a release lacks: ``api(client).op(*args, **kwargs)``; a ``kwargs`` key is the
    lacking parameter, else the operation itself is lacking. ``needs`` is the release that added it."""

    api: type[Any]
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    needs: str


LACKS = {
    "2.9.3": (
        Lack(DagStatsApi, "get_dag_stats", ([DAG],), {}, "2.10"),
        Lack(TaskInstanceApi, "get_task_instances", (DAG, "~"), {"executor": ["SequentialExecutor"]}, "2.10"),
    ),
    "3.0.6": (
        Lack(DAGApi, "favorite_dag", (DAG,), {}, "3.1"),
        Lack(DAGRunApi, "get_dag_runs", (DAG,), {"run_id_pattern": "smoke"}, "3.1"),
    ),
}
# an access-log line of a request under /api/: gunicorn's (Airflow 2) or uvicorn's [http.access] (Airflow 3)
ACCESS = re.compile(r'"[A-Z]+ (?P<v1>/api/\S+) HTTP/|\[http\.access\].* method=[A-Z]+ path=(?P<v2>/api/\S+)')


@pytest.fixture(scope="module", params=SMOKE_VERSIONS)
def smoke(request: pytest.FixtureRequest) -> Iterator[AirflowServer]:
    """A real Airflow of ``SMOKE_VERSIONS`` with its scheduler, installed from its lock on first use."""
    with start_airflow(request.param, scheduler=True) as server:
        yield server


@pytest.fixture
def client(smoke: AirflowServer) -> Iterator[ApiClient]:
    """An admin's client, told nothing about the version (it asks the server when a call needs it)."""
    with ApiClient(Configuration(host=smoke.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.fixture(scope="module")
def spec(smoke: AirflowServer) -> dict[str, Any]:
    """The OpenAPI spec the server serves."""
    with urllib.request.urlopen(smoke.spec_url, timeout=30) as answer:
        text = answer.read()
    return json.loads(text) if smoke.api_version == "v2" else yaml.safe_load(text)  # type: ignore[no-any-return]


def _requests_after(server: AirflowServer, client: ApiClient, offset: int) -> list[str]:
    """The API paths the server's access log shows from byte ``offset`` on, up to a marker request made now
    (the log is written after the answer: the marker's line proves every earlier line is there)."""
    marker = f"smoke-marker-{time.monotonic_ns()}"
    with pytest.raises(sdk.NotFoundException):
        VariableApi(client).get_variable(marker)
    deadline = time.monotonic() + 30
    while True:
        with open(server.server_log, "rb") as log:
            log.seek(offset)
            paths = [
                m["v1"] or m["v2"] for m in map(ACCESS.search, log.read().decode(errors="replace").splitlines()) if m
            ]
        if any(path.endswith(marker) for path in paths):
            return [path for path in paths if not path.endswith(marker)]
        assert time.monotonic() < deadline, f"no access-log line for {marker} in {server.server_log}"
        time.sleep(0.2)


def test_a_dag_run_s_day(client: ApiClient, run_id: Callable[[], str]) -> None:
    """Trigger, list, get, wait, read a log, set state and note, clear, delete."""
    runs, tis = DAGRunApi(client), TaskInstanceApi(client)
    rid = run_id()
    run = runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, conf={"rows": 5}))
    assert (run.dag_run_id, run.state) == (rid, DagState.QUEUED)
    assert rid in {r.dag_run_id for r in paginate(runs.get_dag_runs, DAG)}
    assert runs.get_dag_run(DAG, rid).conf == {"rows": 5}

    assert runs.wait_for_dag_run(DAG, rid, timeout=180, poll_interval=0.5).state is DagState.SUCCESS
    assert "sdk-smoke says hello" in tis.get_log(DAG, rid, "say", 1)

    changed = runs.update_dag_run(DAG, rid, DAGRun(state=DagState.FAILED, note="smoke: failed on purpose"))
    assert (changed.state, changed.note) == (DagState.FAILED, "smoke: failed on purpose")
    planned = runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=True))
    assert isinstance(planned, TaskInstanceCollection)
    assert sorted(ti.task_id for ti in planned.task_instances or []) == TASKS
    runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=False))
    assert runs.get_dag_run(DAG, rid).state in (DagState.QUEUED, DagState.RUNNING, DagState.SUCCESS)

    runs.delete_dag_run(DAG, rid)
    with pytest.raises(sdk.NotFoundException):
        runs.get_dag_run(DAG, rid)


def test_a_try_that_never_ran(smoke: AirflowServer, client: ApiClient, run_id: Callable[[], str]) -> None:
    """A run of a paused DAG stays queued. Airflow 2 has its task instances already, and answers the log of
    a try that never ran with a blank text body: empty text. Airflow 3 makes them when the run starts: 404."""
    rid = run_id()
    DAGRunApi(client).post_dag_run(IDLE_DAG, DAGRun(dag_run_id=rid))
    if smoke.api_version == "v1":
        assert TaskInstanceApi(client).get_log(IDLE_DAG, rid, "only", 1).strip() == ""
    else:
        with pytest.raises(sdk.NotFoundException, match="TaskInstance not found"):
            TaskInstanceApi(client).get_log(IDLE_DAG, rid, "only", 1)


def test_variables(smoke: AirflowServer, client: ApiClient, run_id: Callable[[], str]) -> None:
    """Create, read, list, patch by mask (Airflow 2's mask says ``val``: the SDK says ``value`` on both), delete."""
    variables, key = VariableApi(client), run_id()
    variables.post_variables(Variable(key=key, value="one", description="smoke"))
    assert variables.get_variable(key).value == "one"
    assert key in {v.key for v in paginate(variables.get_variables)}
    patched = variables.patch_variable(key, Variable(key=key, value="two"), update_mask=["value"])
    assert patched.value == "two" and variables.get_variable(key).description == "smoke"
    variables.delete_variable(key)
    with pytest.raises(sdk.NotFoundException):
        variables.get_variable(key)


def test_pools(client: ApiClient, run_id: Callable[[], str]) -> None:
    """Create, read, patch without a mask (3.0 refuses that unless ``description`` is sent), by mask, delete."""
    pools, name = PoolApi(client), run_id()
    pools.post_pool(Pool(name=name, slots=2))
    assert pools.get_pool(name).slots == 2
    assert pools.patch_pool(name, Pool(name=name, slots=3)).slots == 3
    assert pools.patch_pool(name, Pool(name=name, slots=4), update_mask=["slots"]).slots == 4
    assert name in {p.name for p in paginate(pools.get_pools)}
    pools.delete_pool(name)
    with pytest.raises(sdk.NotFoundException):
        pools.get_pool(name)


def test_the_batch_list_pages_right(client: ApiClient, run_id: Callable[[], str]) -> None:
    """2.7-2.9 answer every match whatever the batch form's page: paginate still yields each once."""
    runs = DAGRunApi(client)
    rids = [runs.post_dag_run(DAG, DAGRun(dag_run_id=run_id())).dag_run_id for _ in range(2)]
    for rid in rids:  # finished: Airflow 3 makes a run's task instances only when it starts
        runs.wait_for_dag_run(DAG, rid, timeout=180, poll_interval=0.5)
    form = ListTaskInstanceForm(dag_ids=[DAG], dag_run_ids=rids)
    one_call = TaskInstanceApi(client).get_task_instances_batch(form).task_instances or []
    walked = list(paginate(TaskInstanceApi(client).get_task_instances_batch, form, page_size=1))
    expected = sorted((rid, task) for rid in rids for task in TASKS)
    assert sorted((ti.dag_run_id, ti.task_id) for ti in one_call) == expected
    assert sorted((ti.dag_run_id, ti.task_id) for ti in walked) == expected
    for rid in rids:
        runs.delete_dag_run(DAG, rid)


@pytest.mark.parametrize("which", [0, 1], ids=["operation", "parameter"])
def test_what_the_release_lacks_is_refused_unsent(
    smoke: AirflowServer, client: ApiClient, spec: dict[str, Any], which: int
) -> None:
    lack = LACKS[smoke.version][which]
    shared = spec.get("components", {}).get("parameters", {})  # what a v1 "$ref" names
    served = {
        op["operationId"]: [
            (shared[p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p)["name"]
            for p in (*item.get("parameters", ()), *op.get("parameters", ()))
        ]
        for item in spec["paths"].values()
        for method, op in item.items()
        if method != "parameters"
    }
    for name in lack.kwargs:  # the server has the operation but not the parameter
        assert name not in served[lack.op]
    assert lack.kwargs or lack.op not in served

    start = smoke.server_log.stat().st_size
    with pytest.raises(sdk.UnsupportedOperationError) as refused:
        getattr(lack.api(client), lack.op)(*lack.args, **lack.kwargs)
    assert (refused.value.needs, refused.value.airflow_version) == (lack.needs, smoke.version)
    assert f"Airflow {lack.needs} or later" in str(refused.value) and smoke.version in str(refused.value)
    sent = _requests_after(smoke, client, start)
    assert [path for path in sent if not path.endswith("/version")] == []


def test_a_bulk_update_goes_out_only_as_the_release_takes_it(
    smoke: AirflowServer, client: ApiClient, run_id: Callable[[], str]
) -> None:
    """A bulk update's ``update_mask`` (inside its action) is Airflow 3.2's: 3.0 gets it refused unsent, and the
    same update without it goes through; Airflow 2 has no bulk requests at all, and gets nothing either."""
    variables, key = VariableApi(client), run_id()
    masked = BulkBody(actions=[BulkAction.update([Variable(key=key, value="two")], update_mask=["value"])])
    start = smoke.server_log.stat().st_size
    with pytest.raises(sdk.UnsupportedOperationError) as refused:
        variables.bulk_variables(masked)
    sent = _requests_after(smoke, client, start)
    assert sent == (["/api/v2/version"] if smoke.api_version == "v2" else [])
    if smoke.api_version == "v1":
        assert "Airflow 3" in str(refused.value)
        return
    assert refused.value.needs == "3.2" and "actions[].update_mask (Airflow 3.2 or later)" in str(refused.value)
    variables.post_variables(Variable(key=key, value="one", description="smoke"))
    done = variables.bulk_variables(BulkBody(actions=[BulkAction.update([Variable(key=key, value="two")])]))
    assert done.update is not None and done.update.success == [key]
    assert variables.get_variable(key).value == "two"
    variables.delete_variable(key)


def test_users_need_what_the_server_runs(smoke: AirflowServer, client: ApiClient) -> None:
    """Airflow 2 serves users; an Airflow 3 with the simple auth manager (the default) serves none."""
    if smoke.api_version == "v1":
        assert "admin" in {user.username for user in UserApi(client).get_users().users or []}
        return
    with pytest.raises(sdk.UnsupportedOperationError, match="FAB auth manager"):
        UserApi(client).get_users()


def test_every_supported_release_has_an_exact_lock() -> None:
    """``./scripts/test --airflow V`` can install every release the SDK supports, and always the same way:
    each has a lock pinning every package (Airflow too) to one version."""
    assert list(AIRFLOW_VERSIONS) == [version for versions in SUPPORTED.values() for version in versions]
    for version in AIRFLOW_VERSIONS:
        pins = [line for line in lock_file(version).read_text().splitlines() if line and not line.startswith("#")]
        assert f"apache-airflow=={version}" in pins
        assert [pin for pin in pins if not re.fullmatch(r"[A-Za-z0-9][\w.-]*==[\w.+!]+", pin)] == []
