"""Ops workflows on real Airflow 2.11.2 and 3.3.2 with their schedulers (``scheduled``, ``scheduled3``): each test
body runs on both. DAGs: test/dags/sdk_ops_dags.py (``sdk_ops_flaky`` fails its first try and passes later).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import ClearTaskInstances, DAGRun

from airflow_server import AirflowServer
from test_cli_live import env_for, run

pytestmark = pytest.mark.live

FLAKY = "sdk_ops_flaky"


@dataclass
class Ops:
    server: AirflowServer
    runs: DAGRunApi
    dags: DAGApi
    tis: TaskInstanceApi
    new_id: Callable[[], str]

    def states(self, rid: str) -> dict[str, str | None]:
        listed = self.tis.get_task_instances(FLAKY, rid).task_instances
        return {ti.task_id: None if ti.state is None else str(ti.state) for ti in listed}


@pytest.fixture(params=["scheduled", "scheduled3"])
def ops(request: pytest.FixtureRequest, run_id: Callable[[], str]) -> Iterator[Ops]:
    server: AirflowServer = request.getfixturevalue(request.param)
    with ApiClient(Configuration(host=server.api_url, username="admin", password="admin")) as client:
        yield Ops(server, DAGRunApi(client), DAGApi(client), TaskInstanceApi(client), lambda: "ops-" + run_id())


def _failed_run(ops: Ops) -> str:
    rid = ops.new_id()
    finished = ops.runs.trigger_dag_run_and_wait(FLAKY, DAGRun(dag_run_id=rid), timeout=180, poll_interval=1)
    assert finished.state == "failed" and ops.states(rid) == {"transform": "failed", "load": "upstream_failed"}
    return rid


def test_clearing_a_failed_task_runs_it_again_on_both_generations(ops: Ops) -> None:
    rid = _failed_run(ops)
    # the CLI's --no-rerun: the server's own Airflow 2 default; the tasks are cleared, the run stays failed
    done = run("tasks", "clear", FLAKY, rid, "transform", "--include-downstream", "--no-rerun", env=env_for(ops.server))
    assert done.code == 0, done.err
    time.sleep(8)  # several scheduler loops: nothing runs
    assert ops.runs.get_dag_run(FLAKY, rid).state == "failed"
    assert ops.states(rid) == {"transform": None, "load": None}
    # the SDK's default, reset_dag_runs unset: the run is queued again and the cleared tasks re-run
    ops.dags.post_clear_task_instances(
        FLAKY, ClearTaskInstances(dry_run=False, dag_run_id=rid, task_ids=["transform"], include_downstream=True,
                                  only_failed=False),
    )  # fmt: skip
    again = ops.runs.wait_for_dag_run(FLAKY, rid, timeout=180, poll_interval=1)
    assert again.state == "success" and ops.states(rid) == {"transform": "success", "load": "success"}
    ops.runs.delete_dag_run(FLAKY, rid)


def test_the_clis_tasks_clear_reruns_by_default(ops: Ops) -> None:
    rid = _failed_run(ops)
    done = run("tasks", "clear", FLAKY, rid, "transform", "--include-downstream", env=env_for(ops.server))
    assert done.code == 0, done.err
    again = ops.runs.wait_for_dag_run(FLAKY, rid, timeout=180, poll_interval=1)
    assert again.state == "success" and ops.states(rid) == {"transform": "success", "load": "success"}
    ops.runs.delete_dag_run(FLAKY, rid)
