"""Ops workflows against a recording server, for what a real Airflow will not do on demand: a trigger whose answer
is lost (dropped, timed out), a server that stops answering a wait, a run that stays queued, a failed run's
logs, Ctrl-C during a wait, and progress in a Jupyter kernel without ipywidgets (a real kernel, via nbclient).
"""

from __future__ import annotations

import _thread
import json
import pathlib
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import DAGRun
from airflow_python_sdk.triggering import READ_BACK_TRIES
from airflow_python_sdk.waiting import LOG_TAIL_LINES, PAUSE_CHECK_AFTER, POLL_GRACE, DagPausedError, DagRunFailedError

from recording_server import Recorded, RecordingServer, Reply

D = "sdk_ops"
RUNS = f"/api/v1/dags/{D}/dagRuns"


def _run(rid: str, state: str | None = "queued", conf: Any = None) -> Reply:
    return Reply(json={"dag_id": D, "dag_run_id": rid, "state": state, "conf": conf or {}})


class Fake:
    """A scripted Airflow 2: POSTs to dagRuns answered by ``on_post``; runs it holds are read back."""

    def __init__(self, on_post: Callable[[dict[str, Any]], Reply | None] = lambda body: None) -> None:
        self.on_post = on_post
        self.runs: dict[str, dict[str, Any]] = {}
        self.states: Iterator[str] = iter(())

    def __call__(self, request: Recorded) -> Reply:
        if request.method == "POST" and request.path == RUNS:
            body = request.json()
            self.runs.setdefault(body["dag_run_id"], body)  # created (once), whatever happens to the answer
            return self.on_post(body) or _run(body["dag_run_id"], conf=body.get("conf"))
        rid = request.path.rsplit("/", 1)[-1]
        if request.method == "GET" and request.path.startswith(RUNS + "/") and rid in self.runs:
            return _run(rid, next(self.states, "success"), self.runs[rid].get("conf"))
        return Reply(404, json={"title": "DAGRun not found"})


def _client(server: RecordingServer, **options: Any) -> ApiClient:
    return ApiClient(Configuration(host=server.url + "/api/v1", username="a", password="b", **options))


def _posts(server: RecordingServer) -> list[Recorded]:
    return [r for r in server.requests if r.method == "POST"]


# --- 3. a trigger whose answer is lost ------------------------------------------------------------------------


@pytest.mark.parametrize("lost", ["drop", "hang"])
def test_a_trigger_whose_answer_is_lost_is_read_back_by_its_client_chosen_id(lost: str) -> None:
    fake = Fake(lambda body: Reply(action=lost))
    with RecordingServer(respond=fake) as server, _client(server, timeout=(2, 0.5)) as client:
        run = DAGRunApi(client).trigger_dag_run_and_wait(D, DAGRun(conf={"day": 1}), poll_interval=0.01)
    assert run.state == "success" and run.conf == {"day": 1}
    assert len(_posts(server)) == 1  # never resent
    rid = _posts(server)[0].json()["dag_run_id"]
    assert rid.startswith("sdk__") and run.dag_run_id == rid
    assert [r.path for r in server.requests[1:2]] == [f"{RUNS}/{rid}"]  # read back first


def test_post_dag_run_reads_back_the_id_it_was_given_and_says_when_the_run_was_not_created() -> None:
    def lost(body: dict[str, Any]) -> Reply:
        return Reply(action="drop")

    fake = Fake(lost)
    with RecordingServer(respond=fake) as server, _client(server) as client:
        api = DAGRunApi(client)
        assert api.post_dag_run(D, DAGRun(dag_run_id="mine", conf={"a": 1})).dag_run_id == "mine"
        fake.runs.clear()
        fake.on_post = lambda body: (fake.runs.clear(), Reply(action="drop"))[1]  # the server lost it too
        started = time.monotonic()
        with pytest.raises(sdk.ApiConnectionError) as caught:
            api.post_dag_run(D, DAGRun(dag_run_id="gone"))
        assert time.monotonic() - started >= READ_BACK_TRIES - 1  # read back a few times, a second apart
        assert any("was not created" in note and "safe" in note for note in caught.value.__notes__)
        gets = [r for r in server.requests if r.path == f"{RUNS}/gone"]
        assert len(gets) == READ_BACK_TRIES
        count = server.count
        with pytest.raises(sdk.ApiConnectionError):  # no id given: nothing to read back
            api.post_dag_run(D, DAGRun())
        assert server.count == count + 1
    assert len(_posts(server)) == 3


def test_a_409_for_the_same_id_and_conf_returns_the_existing_run_when_asked() -> None:
    fake = Fake()
    with RecordingServer(respond=fake) as server, _client(server, retries=0) as client:
        api = DAGRunApi(client)
        first = api.trigger_dag_run_and_wait(D, DAGRun(dag_run_id="again", conf={"a": 1}), poll_interval=0.01)
        fake.on_post = lambda body: Reply(409, json={"title": "DAGRun with DAG ID: 'sdk_ops' already exists"})
        with pytest.raises(sdk.ConflictException):  # the default
            api.trigger_dag_run_and_wait(D, DAGRun(dag_run_id="again", conf={"a": 1}), poll_interval=0.01)
        same = api.trigger_dag_run_and_wait(
            D, DAGRun(dag_run_id="again", conf={"a": 1}), poll_interval=0.01, if_exists="return"
        )
        assert same.dag_run_id == first.dag_run_id == "again" and same.state == "success"
        with pytest.raises(sdk.ConflictException) as caught:  # another conf: not the same run
            api.trigger_dag_run_and_wait(D, DAGRun(dag_run_id="again", conf={"a": 2}), if_exists="return")
        assert any("another conf" in note for note in caught.value.__notes__)


# --- 4. waits that neither lie nor overrun ---------------------------------------------------------------------


@pytest.mark.parametrize("timeout", [2.0, 0.5])
def test_a_wait_on_a_server_that_stops_answering_ends_at_its_timeout(timeout: float) -> None:
    """With the default retries (3) and timeouts (10 s, 60 s per read), a wait of 2 s used to take 23 s."""
    answered = threading.Event()

    def respond(request: Recorded) -> Reply:
        if answered.is_set():
            return Reply(action="hang")
        answered.set()
        return _run("r1", "running")

    with RecordingServer(respond=respond) as server, _client(server) as client:
        started = time.monotonic()
        with pytest.raises(sdk.WaitTimeoutError) as caught:
            DAGRunApi(client).wait_for_dag_run(D, "r1", timeout=timeout, poll_interval=0.2)
        took = time.monotonic() - started
    assert timeout <= took < timeout + POLL_GRACE + 0.3, took
    assert caught.value.state == "running" and "did not answer a poll" in str(caught.value)


def test_a_queued_run_of_a_paused_dag_raises_instead_of_waiting_out_the_timeout() -> None:
    def respond(request: Recorded) -> Reply:
        if request.path == f"/api/v1/dags/{D}":
            return Reply(json={"dag_id": D, "is_paused": True})
        return _run("r1", "queued")

    with RecordingServer(respond=respond) as server, _client(server) as client:
        started = time.monotonic()
        with pytest.raises(DagPausedError) as caught:
            DAGRunApi(client).wait_for_dag_run(D, "r1", timeout=60, poll_interval=0.5)
        took = time.monotonic() - started
    assert PAUSE_CHECK_AFTER <= took < PAUSE_CHECK_AFTER + 2
    assert f"DAG {D!r} is paused" in str(caught.value) and "unpause=True" in str(caught.value)
    assert caught.value.dag_run is not None and caught.value.dag_run.dag_run_id == "r1"
    assert [r.path for r in server.requests].count(f"/api/v1/dags/{D}") == 1  # read once


def test_a_failed_run_raises_with_its_failed_tasks_and_the_end_of_their_logs() -> None:
    log = "\n".join(f"line {n}" for n in range(1, 61)) + "\nValueError: bad input"

    def respond(request: Recorded) -> Reply:
        if request.path.endswith("/taskInstances"):
            assert ("state", "failed") in request.query
            return Reply(json={"task_instances": [{"task_id": "transform", "try_number": 2, "state": "failed",
                                                   "map_index": -1}], "total_entries": 1})  # fmt: skip
        if request.path.endswith("/logs/2"):
            return Reply(body=log, headers={"Content-Type": "text/plain"})
        return _run("r1", "failed")

    with RecordingServer(respond=respond) as server, _client(server) as client:
        api = DAGRunApi(client)
        assert api.wait_for_dag_run(D, "r1", poll_interval=0.01).state == "failed"  # the default: returned
        with pytest.raises(DagRunFailedError) as caught:
            api.wait_for_dag_run(D, "r1", poll_interval=0.01, raise_on_failure=True)
    error = caught.value
    assert [ti.task_id for ti in error.task_instances] == ["transform"]
    tail = error.logs["transform"].splitlines()
    assert len(tail) == LOG_TAIL_LINES and tail[-1] == "ValueError: bad input"
    assert tail[0] == f"line {62 - LOG_TAIL_LINES}"  # the last lines of 61
    assert "failed task instances: transform" in str(error) and "ValueError: bad input" in str(error)
    assert error.dag_run.state == "failed"


def test_ctrl_c_during_trigger_and_wait_names_the_run_which_goes_on() -> None:
    with RecordingServer(respond=Fake()) as server, _client(server) as client:
        fake: Fake = server.respond  # type: ignore[assignment]
        fake.states = iter(["running"] * 10_000)
        timer = threading.Timer(0.5, _thread.interrupt_main)  # what Ctrl-C does: KeyboardInterrupt in the main thread
        timer.start()
        with pytest.raises(KeyboardInterrupt) as caught:
            DAGRunApi(client).trigger_dag_run_and_wait(D, poll_interval=0.05)
        timer.join()
    rid = _posts(server)[0].json()["dag_run_id"]
    notes = "\n".join(caught.value.__notes__)
    assert f"{D}/{rid}" in notes and "the run goes on" in notes and "last seen running" in notes


# --- 4. progress in a notebook without ipywidgets ----------------------------------------------------------------


def test_progress_in_a_notebook_without_ipywidgets_is_one_updating_line() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("tqdm")
    here = pathlib.Path(__file__).resolve().parent
    code = f"""
import sys; sys.path[:0] = [{str(here)!r}, {str(here.parent)!r}]
import importlib.util; assert importlib.util.find_spec("ipywidgets") is None
from recording_server import RecordingServer, Reply
import airflow_python_sdk as sdk
from airflow_python_sdk.api.dag_run_api import DAGRunApi
replies = [Reply(json={{"dag_id": "d", "dag_run_id": "r", "state": s}}) for s in ["queued"] * 6 + ["running"] * 5]
with RecordingServer(default=Reply(json={{"dag_id": "d", "dag_run_id": "r", "state": "success"}})) as server:
    server.reply(*replies)
    with sdk.ApiClient(sdk.Configuration(host=server.url + "/api/v1", username="a", password="b")) as client:
        run = DAGRunApi(client).wait_for_dag_run("d", "r", poll_interval=0.01, max_poll_interval=0.01, progress=True)
print("done", run.state)
"""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3")
    executed = client.execute()
    outputs = executed.cells[0].outputs
    text = json.dumps(outputs)
    assert "IProgress not found" not in text and "TqdmWarning" not in text
    shown = [o for o in outputs if o["output_type"] == "display_data"]
    streams = "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream")
    assert len(shown) == 1, outputs  # one line, updated in place
    assert re.fullmatch(r"d/r: success \[\d+ s\]", shown[0]["data"]["text/plain"]), shown
    assert streams.strip() == "done success", streams


# --- 5. following a log ----------------------------------------------------------------------------------------


def test_follow_log_yields_new_lines_until_the_try_ends_and_its_last_lines_after() -> None:
    """The log grows by a line a read; the try fails after the third; its error is written a read later."""
    reads: list[int] = []
    states = iter(["running", "running", "failed"])
    state = ["running"]

    def respond(request: Recorded) -> Reply:
        if "/logs/" in request.path:
            reads.append(len(reads))
            lines = [f"line {n}" for n in range(1, min(len(reads), 3) + 1)]
            if len(reads) >= 5:  # a moment after the failed state
                lines.append("RuntimeError: boom")
            return Reply(body="\n".join(lines), headers={"Content-Type": "text/plain"})
        if request.path.endswith("/taskInstances/t"):
            if len(reads) > 0:
                state[0] = next(states, "failed")
            return Reply(json={"task_id": "t", "state": state[0], "try_number": 1})
        return Reply(404, json={"title": "not found"})

    with RecordingServer(respond=respond) as server, _client(server) as client:
        lines = list(TaskInstanceApi(client).follow_log(D, "r", "t", poll_interval=0.05))
    assert lines == ["line 1", "line 2", "line 3", "RuntimeError: boom"]
    assert all(r.query == [("full_content", "true")] for r in server.requests if "/logs/" in r.path)
    assert next(r.path for r in server.requests if "/logs/" in r.path) == f"{RUNS}/r/taskInstances/t/logs/1"


def test_an_airflow_3_log_says_why_a_task_failed() -> None:
    """Airflow 3 sends a failed try's exception as structured ``error_detail``: the text log ends like a traceback."""
    content = [
        {"timestamp": "2026-01-01T00:00:00Z", "level": "info", "event": "sdk-ops line 1"},
        {"timestamp": "2026-01-01T00:00:01Z", "level": "error", "event": "Task failed with exception",
         "error_detail": [{"exc_type": "RuntimeError", "exc_value": "fails on try 1", "is_cause": False,
                           "frames": [{"filename": "/dags/x.py", "lineno": 31, "name": "_transform"}]}]},
    ]  # fmt: skip
    server = RecordingServer(default=Reply(json={"content": content, "continuation_token": None}))
    with server, ApiClient(Configuration(host=server.url + "/api/v2", access_token="t", retries=0)) as client:
        text = TaskInstanceApi(client).get_log(D, "r", "t", 1, full_content=True)
    assert text.splitlines() == [
        "[2026-01-01T00:00:00Z] INFO - sdk-ops line 1",
        "[2026-01-01T00:00:01Z] ERROR - Task failed with exception",
        '  File "/dags/x.py", line 31, in _transform',
        "RuntimeError: fails on try 1",
    ]
