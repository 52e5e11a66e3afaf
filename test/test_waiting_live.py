"""wait_for_dag_run / trigger_dag_run_and_wait: polling until a run is finished, bounded by a timeout.

Against the recording server: what is polled, when the wait ends, how progress shows. Against a real
Airflow 2.11.2 (marked live): a run the scheduler really finishes, and a run that stays queued (the
session's server runs no scheduler) ending in WaitTimeoutError.
"""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import DAGRun, DagState
from airflow_python_sdk.waiting import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    MAX_POLL_INTERVAL,
    UNFINISHED_STATES,
    is_finished,
    wait_until_finished,
)

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

DAG = "sdk_example"


def run(state: str | None, rid: str = "r1") -> Reply:
    return Reply(json={"dag_id": DAG, "dag_run_id": rid, "state": state})


# --- against the recording server --------------------------------------------------------------------


def test_polls_until_the_run_is_finished(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run("queued"), run("running"), run("running"), run("success"))
    finished = dag_runs.wait_for_dag_run(DAG, "r1", timeout=10, poll_interval=0.01)
    assert finished.state is DagState.SUCCESS and finished.dag_run_id == "r1"
    assert [(r.method, r.path) for r in server.requests] == [("GET", f"/api/v1/dags/{DAG}/dagRuns/r1")] * 4


def test_failed_and_unknown_states_count_as_finished(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run("failed"))
    assert dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01).state is DagState.FAILED
    server.reply(run("queued"), run("restarting"))  # a state from a newer Airflow
    other = dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01)
    assert other.state == "restarting" and other.state is not None and not other.state.known
    assert server.count == 3
    assert {"queued", "running"} == UNFINISHED_STATES
    assert [is_finished(s) for s in ("success", "failed", "queued", "running", None)] == [1, 1, 0, 0, 0]


def test_a_run_with_no_state_yet_is_waited_on(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run(None), run("success"))
    assert dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01).state is DagState.SUCCESS


def test_the_timeout_raises_with_the_run_as_last_seen(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.default = run("running")
    started = time.monotonic()
    with pytest.raises(sdk.WaitTimeoutError) as caught:
        dag_runs.wait_for_dag_run(DAG, "r1", timeout=0.5, poll_interval=0.1)
    elapsed = time.monotonic() - started
    error = caught.value
    assert isinstance(error, TimeoutError) and isinstance(error, sdk.OpenApiException)
    assert error.state is DagState.RUNNING and error.dag_run is not None and error.dag_run.dag_run_id == "r1"
    assert error.timeout == 0.5 and error.elapsed is not None and 0.5 <= error.elapsed <= elapsed
    assert 0.5 <= elapsed < 0.5 + 0.1 + 0.4  # the timeout, one poll, and slack for a slow machine
    assert f"{DAG}/r1 is still running after" in str(error)
    assert 4 <= server.count <= 7  # 0.1 s apart, growing


def test_a_zero_timeout_polls_once(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run("queued"))
    with pytest.raises(sdk.WaitTimeoutError) as caught:
        dag_runs.wait_for_dag_run(DAG, "r1", timeout=0)
    assert caught.value.state is DagState.QUEUED and server.count == 1


def test_the_interval_grows_to_its_cap_and_a_change_of_state_resets_it() -> None:
    states = iter(["queued"] * 5 + ["running"] * 3 + ["success"])
    polled: list[float] = []

    def fetch() -> DAGRun:
        polled.append(time.monotonic())
        return DAGRun(dag_run_id="r1", state=next(states))

    assert wait_until_finished(fetch, "r1", poll_interval=0.1, max_poll_interval=0.3).state is DagState.SUCCESS
    gaps = [later - earlier for earlier, later in itertools.pairwise(polled)]
    expected = [0.1, 0.15, 0.225, 0.3, 0.3, 0.1, 0.15, 0.225]
    assert all(want <= gap < want + 0.08 for gap, want in zip(gaps, expected, strict=True)), gaps


def test_transient_errors_are_retried_by_the_client(server: RecordingServer) -> None:
    server.reply(run("queued"), Reply(503, headers={"Retry-After": "0"}), run("success"))
    configuration = sdk.Configuration(host=server.url + "/api/v1", retries=2)
    with sdk.ApiClient(configuration) as api_client:
        finished = DAGRunApi(api_client).wait_for_dag_run(DAG, "r1", poll_interval=0.01)
    assert finished.state is DagState.SUCCESS and server.count == 3


def test_an_error_that_outlives_the_retries_is_raised(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run("queued"), Reply(404, json={"title": "DAGRun not found"}))
    with pytest.raises(sdk.NotFoundException):
        dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01)


def test_trigger_and_wait_posts_then_polls(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(run("queued", "made"), run("running", "made"), run("success", "made"))
    finished = dag_runs.trigger_dag_run_and_wait(DAG, DAGRun(conf={"a": 1}), poll_interval=0.01)
    assert finished.dag_run_id == "made" and finished.state is DagState.SUCCESS
    assert [(r.method, r.path) for r in server.requests] == [
        ("POST", f"/api/v1/dags/{DAG}/dagRuns"),
        ("GET", f"/api/v1/dags/{DAG}/dagRuns/made"),
        ("GET", f"/api/v1/dags/{DAG}/dagRuns/made"),
    ]
    sent = server.requests[0].json()  # a run id chosen by the client, so that a lost answer can be read back
    assert sent.pop("dag_run_id").startswith("sdk__") and sent == {"conf": {"a": 1}}
    server.reply(run("queued", "bare"), run("success", "bare"))
    assert dag_runs.trigger_dag_run_and_wait(DAG, poll_interval=0.01).dag_run_id == "bare"
    assert list(server.requests[3].json()) == ["dag_run_id"]


@pytest.mark.parametrize(
    ("options", "text"),
    [
        ({"timeout": -1}, "timeout must be a number >= 0"),
        ({"poll_interval": 0}, "poll_interval must be a number > 0"),
        ({"poll_interval": float("nan")}, "poll_interval"),
        ({"max_poll_interval": -2}, "max_poll_interval"),
        ({"timeout": "10"}, "timeout"),
    ],
)
def test_wrong_timeouts_raise_before_any_request(
    server: RecordingServer, dag_runs: DAGRunApi, options: dict[str, Any], text: str
) -> None:
    with pytest.raises(sdk.ApiValueError, match=text):
        dag_runs.wait_for_dag_run(DAG, "r1", **options)
    assert server.count == 0


def test_progress_without_tqdm_logs_each_change_of_state(
    server: RecordingServer, dag_runs: DAGRunApi, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # as if tqdm were not installed
    server.reply(run("queued"), run("queued"), run("running"), run("success"))
    with caplog.at_level(logging.INFO, logger="airflow_python_sdk"):
        dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01, progress=True)
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert [line.split(" after ")[0] for line in lines] == [
        f"DAG run {DAG}/r1: {s}" for s in ("queued", "running", "success")
    ]


def test_progress_without_tqdm_or_logging_writes_each_change_of_state_on_stderr(
    server: RecordingServer, dag_runs: DAGRunApi, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script that configured no logging still sees progress (the logger would reach no handler)."""
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    monkeypatch.setattr(logging.getLogger("airflow_python_sdk"), "propagate", False)  # no handler reached
    server.reply(run("queued"), run("running"), run("success"))
    dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01, progress=True)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" after ")[0] for line in lines] == [
        f"DAG run {DAG}/r1: {s}" for s in ("queued", "running", "success")
    ]


def test_without_progress_changes_are_logged_at_debug_only(
    server: RecordingServer, dag_runs: DAGRunApi, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    server.reply(run("queued"), run("success"))
    with caplog.at_level(logging.DEBUG, logger="airflow_python_sdk"):
        dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01)
    states = [r.getMessage() for r in caplog.records if r.getMessage().startswith("DAG run")]
    assert len(states) == 2 and {r.levelno for r in caplog.records if r.getMessage() in states} == {logging.DEBUG}
    assert capsys.readouterr().err == ""


def test_progress_with_tqdm_shows_a_bar_with_the_state(
    server: RecordingServer, dag_runs: DAGRunApi, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    server.reply(run("queued"), run("running"), run("success"))
    dag_runs.wait_for_dag_run(DAG, "r1", poll_interval=0.01, progress=True)
    err = capsys.readouterr().err
    assert f"{DAG}/r1: queued" in err and f"{DAG}/r1: success" in err


def test_the_defaults_are_named_constants() -> None:
    assert (DEFAULT_WAIT_TIMEOUT, DEFAULT_POLL_INTERVAL, MAX_POLL_INTERVAL) == (3600.0, 5.0, 30.0)
    assert isinstance(sdk.WaitTimeoutError("x"), TimeoutError) and "WaitTimeoutError" in sdk.__all__


# --- against a real Airflow ---------------------------------------------------------------------------


@pytest.mark.live
def test_a_run_the_scheduler_runs_is_waited_for(scheduled: AirflowServer, run_id: Callable[[], str]) -> None:
    configuration = sdk.Configuration(host=scheduled.api_url, username="admin", password="admin")
    with sdk.ApiClient(configuration) as api_client:
        api = DAGRunApi(api_client)
        rid = run_id()
        started = time.monotonic()
        finished = api.trigger_dag_run_and_wait(DAG, DAGRun(dag_run_id=rid), timeout=180, poll_interval=0.5)
        took = time.monotonic() - started
        assert finished.dag_run_id == rid and finished.state is DagState.SUCCESS
        assert finished.end_date is not None and finished.start_date is not None
        print(f"sdk_example ran in {took:.1f} s")

        again = time.monotonic()
        assert api.wait_for_dag_run(DAG, rid).state is DagState.SUCCESS  # finished already: one poll
        assert time.monotonic() - again < 2


@pytest.mark.live
def test_a_run_that_stays_queued_times_out(live_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    rid = run_id()
    live_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))  # no scheduler on this server: it stays queued
    started = time.monotonic()
    with pytest.raises(sdk.WaitTimeoutError) as caught:
        live_dag_runs.wait_for_dag_run(DAG, rid, timeout=3, poll_interval=0.5)
    elapsed = time.monotonic() - started
    assert caught.value.state is DagState.QUEUED and caught.value.dag_run is not None
    assert caught.value.dag_run.dag_run_id == rid
    assert 3 <= elapsed < 3 + 2  # the timeout plus one poll (a Basic-auth request takes about 0.3 s here)
    assert live_dag_runs.get_dag_run(DAG, rid).state is DagState.QUEUED  # waiting changed nothing
    live_dag_runs.delete_dag_run(DAG, rid)
