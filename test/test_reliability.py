"""Retries, timeouts, malformed answers, concurrency and a soak, against a scripted local server."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.configuration import DEFAULT_TIMEOUT
from airflow_python_sdk.models import DAGRun
from airflow_python_sdk.rest import BACKOFF_MAX, make_retry

from recording_server import RecordingServer, Reply

RUN = {"dag_id": "d", "dag_run_id": "r", "state": "queued"}


def api_for(server: RecordingServer, **options: object) -> DAGRunApi:
    return DAGRunApi(ApiClient(Configuration(host=server.url + "/api/v1", username="u", password="p", **options)))  # type: ignore[arg-type]


# --- retries -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_idempotent_calls_are_retried_on_transient_statuses(server: RecordingServer, status: int) -> None:
    server.reply(Reply(status=status, body="busy"), Reply(json=RUN))
    run = api_for(server).get_dag_run("d", "r")
    assert run.dag_run_id == "r"
    assert [r.method for r in server.requests] == ["GET", "GET"]


def test_backoff_grows_between_tries(server: RecordingServer) -> None:
    server.reply(Reply(status=503), Reply(status=503), Reply(json=RUN))
    started = time.monotonic()
    api_for(server).get_dag_run("d", "r")
    elapsed = time.monotonic() - started
    assert len(server.requests) == 3
    assert 1.0 <= elapsed < 1.0 + 0.25 + 1.0  # no wait before the 1st retry, 0.5*2 s (+ jitter <= 0.25) before the 2nd


def test_retry_after_is_honoured(server: RecordingServer) -> None:
    server.reply(Reply(status=503, headers={"Retry-After": "2"}), Reply(json=RUN))
    started = time.monotonic()
    api_for(server).get_dag_run("d", "r")
    assert 2.0 <= time.monotonic() - started < 3.5
    assert len(server.requests) == 2


def test_retry_after_is_capped() -> None:
    assert make_retry(3).parse_retry_after("86400") == BACKOFF_MAX


def test_exhausted_retries_raise_the_last_answer(server: RecordingServer) -> None:
    server.default = Reply(status=503, json={"title": "Service Unavailable", "status": 503})
    with pytest.raises(sdk.ServiceException) as caught:
        api_for(server, retries=1).get_dag_run("d", "r")
    assert caught.value.status == 503 and caught.value.title == "Service Unavailable"
    assert len(server.requests) == 2


def test_a_post_is_never_sent_twice_by_default(server: RecordingServer) -> None:
    server.reply(Reply(status=503), Reply(json=RUN))
    with pytest.raises(sdk.ServiceException):
        api_for(server).post_dag_run("d", DAGRun(dag_run_id="r"))
    assert [r.method for r in server.requests] == ["POST"]


def test_a_post_dropped_mid_request_is_not_resent(server: RecordingServer) -> None:
    server.reply(Reply(action="drop"))
    with pytest.raises(sdk.ApiConnectionError):
        api_for(server).post_dag_run("d", DAGRun(conf={"a": 1}))  # no id: nothing to read back
    assert [r.method for r in server.requests] == ["POST"]


def test_a_post_dropped_mid_request_with_its_own_id_is_read_back_not_resent(server: RecordingServer) -> None:
    server.reply(Reply(action="drop"), Reply(json=RUN))
    assert api_for(server).post_dag_run("d", DAGRun(dag_run_id="r")).dag_run_id == "r"
    assert [(r.method, r.path) for r in server.requests] == [("POST", "/api/v1/dags/d/dagRuns"),
                                                             ("GET", "/api/v1/dags/d/dagRuns/r")]  # fmt: skip


def test_posts_are_retried_when_the_caller_opts_in(server: RecordingServer) -> None:
    server.reply(Reply(status=503), Reply(json=RUN))
    api_for(server, retry_methods={"GET", "POST"}).post_dag_run("d", DAGRun(dag_run_id="r"))
    assert [r.method for r in server.requests] == ["POST", "POST"]


def test_a_dropped_connection_is_retried_for_idempotent_calls(server: RecordingServer) -> None:
    server.reply(Reply(action="drop"), Reply(status=204))
    assert api_for(server).delete_dag_run("d", "r") is None
    assert [r.method for r in server.requests] == ["DELETE", "DELETE"]


def test_retries_zero_turns_retrying_off(server: RecordingServer) -> None:
    server.reply(Reply(status=503), Reply(json=RUN))
    with pytest.raises(sdk.ServiceException):
        api_for(server, retries=0).get_dag_run("d", "r")
    assert len(server.requests) == 1


# --- timeouts -----------------------------------------------------------------------------------------


def test_the_default_timeout_is_finite() -> None:
    assert Configuration().timeout == DEFAULT_TIMEOUT
    assert all(0 < t < 120 for t in DEFAULT_TIMEOUT)  # type: ignore[union-attr]


def test_a_server_that_never_answers_times_out_in_time(server: RecordingServer) -> None:
    server.default = Reply(action="hang")
    api = api_for(server, retries=0, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(sdk.ApiTimeoutError):
        api.get_dag_run("d", "r")
    assert 0.5 <= time.monotonic() - started < 1.5


def test_timeouts_are_retried_within_a_bound(server: RecordingServer) -> None:
    server.default = Reply(action="hang")
    api = api_for(server, retries=2, timeout=(1.0, 0.4))
    started = time.monotonic()
    with pytest.raises(sdk.ApiTimeoutError):
        api.get_dag_run("d", "r")
    # 3 tries of 0.4 s, with waits of 0 and 1 s (+ jitter) between them
    assert 3 * 0.4 + 1.0 <= time.monotonic() - started < 3 * 0.4 + 1.0 + 0.5 + 1.0
    assert len(server.requests) == 3


# --- malformed answers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "exception"),
    [
        (Reply(body='{"dag_runs": [{"dag_id": "d"'), sdk.ApiException),  # truncated JSON
        (
            Reply(status=502, body="<html>Bad Gateway</html>", headers={"Content-Type": "text/html"}),
            sdk.ServiceException,
        ),
        (Reply(body=""), sdk.ApiException),  # empty 200
        (Reply(body="<html>login</html>", headers={"Content-Type": "text/html"}), sdk.ApiException),  # wrong type
        (Reply(status=500, body="x" * 5_000_000), sdk.ServiceException),  # huge error page
    ],
    ids=["truncated-json", "html-502", "empty-200", "wrong-content-type", "huge-error-body"],
)
def test_malformed_answers_raise_with_the_raw_body(
    server: RecordingServer, reply: Reply, exception: type[sdk.ApiException]
) -> None:
    server.reply(reply)
    with pytest.raises(exception) as caught:
        api_for(server, retries=0).get_dag_runs("d")
    error = caught.value
    assert type(error) is exception and error.body == reply.payload().decode()
    assert len(str(error)) < 3000  # the message shows the start of a huge body; .body keeps all of it


@pytest.mark.parametrize("action", ["reset", "truncate"])
def test_a_connection_cut_mid_body_is_an_sdk_exception(server: RecordingServer, action: str) -> None:
    server.reply(Reply(json={"dag_runs": [RUN] * 100}, action=action))
    with pytest.raises(sdk.ApiConnectionError):
        api_for(server, retries=0).get_dag_runs("d")


def test_a_huge_page_is_read(server: RecordingServer) -> None:
    runs = [{**RUN, "dag_run_id": f"r{i}", "conf": {"payload": "x" * 1000}} for i in range(20_000)]
    server.reply(Reply(json={"dag_runs": runs, "total_entries": len(runs)}))
    page = api_for(server).get_dag_runs("d")
    assert page.total_entries == 20_000 and page.dag_runs is not None and page.dag_runs[-1].dag_run_id == "r19999"


# --- concurrency and soak -----------------------------------------------------------------------------------


def test_one_client_shared_by_16_threads(server: RecordingServer) -> None:
    server.default = Reply(json=RUN)
    api = api_for(server, connection_pool_maxsize=16)
    errors: list[BaseException] = []
    done = [0] * 16

    def work(n: int) -> None:
        try:
            for _ in range(500):
                assert api.get_dag_run("d", "r").dag_run_id == "r"
                done[n] += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == [] and sum(done) == 8000 and len(server.requests) == 8000


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.fixture
def soak_server() -> Iterator[RecordingServer]:
    with RecordingServer(default=Reply(json={"dag_runs": [RUN] * 5, "total_entries": 5}), record=False) as server:
        yield server


def test_10000_sequential_calls_keep_descriptors_and_memory_flat(soak_server: RecordingServer) -> None:
    api = api_for(soak_server)
    for _ in range(1000):  # warm up: pools, caches, allocator arenas
        api.get_dag_runs("d")
    fds, rss = _open_fds(), _rss_mib()
    for _ in range(10_000):
        page = api.get_dag_runs("d")
        assert page.dag_runs is not None and page.dag_runs[0].state == "queued"
    grown_fds, grown_rss = _open_fds() - fds, _rss_mib() - rss
    print(f"\nsoak: 10,000 calls, open fds {fds} -> {fds + grown_fds}, RSS {rss:.1f} -> {rss + grown_rss:.1f} MiB")
    assert soak_server.count == 11_000
    assert grown_fds <= 1
    assert grown_rss < 5.0
