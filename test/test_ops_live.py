"""Ops workflows on real Airflow 2.11.2 and 3.3.2 with their schedulers (``scheduled``, ``scheduled3``): each test
body runs on both. DAGs: test/dags/sdk_ops_dags.py (``sdk_ops_flaky`` fails its first try and passes later).
"""

from __future__ import annotations

import _thread
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import DAG, ClearTaskInstances, DAGRun
from airflow_python_sdk.waiting import PAUSE_CHECK_AFTER, DagPausedError, DagRunFailedError

from airflow_server import AirflowServer
from recording_server import Recorded, RecordingServer, Reply
from test_cli_live import env_for, run

pytestmark = pytest.mark.live

FLAKY = "sdk_ops_flaky"
PAUSED = "sdk_ops_paused"
QUICK = "sdk_ops_quick"
LINES = 6


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
    """A run of sdk_ops_flaky, failed: the wait raises with the failed task and the end of its log."""
    rid = ops.new_id()
    with pytest.raises(DagRunFailedError) as caught:
        ops.runs.trigger_dag_run_and_wait(FLAKY, DAGRun(dag_run_id=rid), timeout=180, poll_interval=1,
                                          raise_on_failure=True)  # fmt: skip
    error = caught.value
    assert error.dag_run.state == "failed" and [ti.task_id for ti in error.task_instances] == ["transform"]
    tail = error.logs["transform"]
    assert "RuntimeError: sdk-ops transform fails on try 1" in tail, tail  # why, as a traceback ends
    assert "failed task instances: transform" in str(error) and "fails on try 1" in str(error)
    assert ops.states(rid) == {"transform": "failed", "load": "upstream_failed"}
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


def test_a_run_of_a_paused_dag_raises_and_unpause_true_runs_it(ops: Ops) -> None:
    ops.dags.patch_dag(PAUSED, DAG(is_paused=True), update_mask=["is_paused"])
    rid = ops.new_id()
    started = time.monotonic()
    with pytest.raises(DagPausedError) as caught:
        ops.runs.trigger_dag_run_and_wait(PAUSED, DAGRun(dag_run_id=rid), timeout=120, poll_interval=1)
    took = time.monotonic() - started
    assert PAUSE_CHECK_AFTER <= took < PAUSE_CHECK_AFTER + 6, took  # not the 120 s timeout
    assert caught.value.dag_run is not None and caught.value.dag_run.dag_run_id == rid
    assert f"DAG {PAUSED!r} is paused" in str(caught.value)
    assert ops.runs.get_dag_run(PAUSED, rid).state == "queued"
    other = ops.runs.trigger_dag_run_and_wait(PAUSED, timeout=180, poll_interval=1, unpause=True)
    assert other.state == "success" and ops.dags.get_dag(PAUSED).is_paused is False
    assert ops.runs.wait_for_dag_run(PAUSED, rid, timeout=180, poll_interval=1).state == "success"
    ops.dags.patch_dag(PAUSED, DAG(is_paused=True), update_mask=["is_paused"])
    for done in (rid, other.dag_run_id):
        ops.runs.delete_dag_run(PAUSED, done)


def test_ctrl_c_during_trigger_and_wait_names_the_run_which_goes_on(ops: Ops) -> None:
    timer = threading.Timer(2.0, _thread.interrupt_main)  # what Ctrl-C does
    timer.start()
    with pytest.raises(KeyboardInterrupt) as caught:
        ops.runs.trigger_dag_run_and_wait(FLAKY, timeout=180, poll_interval=0.5)
    timer.join()
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    found = re.search(rf"{FLAKY}/(sdk__\S+) \(last seen", notes)
    assert found and "the run goes on" in notes, notes
    rid = found[1]
    assert ops.runs.get_dag_run(FLAKY, rid).state in ("queued", "running")  # it goes on
    assert ops.runs.wait_for_dag_run(FLAKY, rid, timeout=180, poll_interval=1).state == "failed"
    ops.runs.delete_dag_run(FLAKY, rid)


def _forwarding(server: AirflowServer, drop_trigger: bool) -> Callable[[Recorded], Reply]:
    """A proxy's answers: each request forwarded to the real server; a trigger's answer, once it is made there,
    dropped (the connection closed unanswered), as a network failing after the POST was sent would."""

    def respond(request: Recorded) -> Reply:
        query = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in request.query)
        url = server.base_url + request.raw_path + (f"?{query}" if query else "")
        headers = {k: v for k, v in request.headers.items() if k.lower() in ("authorization", "content-type", "accept")}
        forwarded = urllib.request.Request(url, data=request.body or None, headers=headers, method=request.method)
        try:
            with urllib.request.urlopen(forwarded, timeout=60) as answer:
                status, body, kind = answer.status, answer.read(), answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as refused:
            status, body, kind = refused.code, refused.read(), refused.headers.get("Content-Type", "")
        if drop_trigger and request.method == "POST" and request.path.endswith("/dagRuns"):
            return Reply(action="drop")
        return Reply(status, body=body, headers={"Content-Type": kind or "application/json"})

    return respond


def test_a_trigger_whose_answer_is_dropped_is_read_back_from_the_real_server(ops: Ops) -> None:
    api = ops.server.api_url.removeprefix(ops.server.base_url)
    proxy = RecordingServer(respond=_forwarding(ops.server, drop_trigger=True))
    with proxy, ApiClient(Configuration(host=proxy.url + api, username="admin", password="admin")) as client:
        conf = {"key": ops.new_id()}
        finished = DAGRunApi(client).trigger_dag_run_and_wait(QUICK, DAGRun(conf=conf), timeout=180,
                                                               poll_interval=1)  # fmt: skip
        posts = [r for r in proxy.requests if r.method == "POST" and r.path.endswith("/dagRuns")]
        assert len(posts) == 1  # never resent
        rid = posts[0].json()["dag_run_id"]
        assert finished.dag_run_id == rid and finished.state == "success" and finished.conf == conf
        with pytest.raises(sdk.ApiConnectionError) as caught:  # post_dag_run without an id: nothing to read
            DAGRunApi(client).post_dag_run(QUICK, DAGRun(conf=conf))
        assert not getattr(caught.value, "__notes__", None)
    assert ops.runs.get_dag_run(QUICK, rid).conf == conf  # the real server made it, once
    made = [r for r in ops.runs.get_dag_runs(QUICK, limit=100).dag_runs if r.conf == conf]
    assert len(made) == 2  # the read-back one, and the one whose trigger raised
    for r in made:
        ops.runs.wait_for_dag_run(QUICK, r.dag_run_id, timeout=180, poll_interval=1)
        ops.runs.delete_dag_run(QUICK, r.dag_run_id)


def test_follow_log_yields_a_running_tries_lines_as_they_are_written(ops: Ops) -> None:
    rid = ops.new_id()
    ops.runs.post_dag_run(FLAKY, DAGRun(dag_run_id=rid))
    arrived = [(time.monotonic(), line) for line in ops.tis.follow_log(FLAKY, rid, "transform", poll_interval=0.5)]
    counted = [(t, line) for t, line in arrived if re.search(r"sdk-ops line \d+ \(try", line)]
    numbers = [int(re.search(r"line (\d+)", line)[1]) for _, line in counted]  # type: ignore[index]
    assert numbers == list(range(1, LINES + 1)), arrived  # each once, in order
    assert counted[-1][0] - counted[0][0] >= 1.0  # yielded while the task ran (6 lines in 3 s), not all at the end
    assert any("fails on try 1" in line for _, line in arrived), arrived  # the end of the try too
    assert ops.tis.get_task_instance(FLAKY, rid, "transform").state == "failed"
    ops.runs.wait_for_dag_run(FLAKY, rid, timeout=180, poll_interval=1)
    ops.runs.delete_dag_run(FLAKY, rid)
