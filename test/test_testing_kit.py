"""The testing kit (airflow_python_sdk.testing) without a server: the Stubber drives the SDK's real dispatcher,
decoder, errors, paging and waiting; the pytest plugin's fixtures; a vcrpy cassette recorded against a real
Airflow 3.3.2 (test/test_testing_kit_live.py) replayed with no server; pytest-httpserver as a local server."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time
from typing import Any

import pytest
import vcr
import yaml

from airflow_python_sdk import ApiClient, Configuration, UnsupportedOperationError
from airflow_python_sdk._clock import clock
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.exceptions import ConflictException, NotFoundException
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.clear_task_instances import ClearTaskInstances
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState
from airflow_python_sdk.pagination import paginate
from airflow_python_sdk.testing import FakeClock, Stubber, StubError, answer, operations
from airflow_python_sdk.testing._stubber import _Answer, _response
from airflow_python_sdk.testing.vcr import FAKE_JWT, scrub_request, scrub_response, vcr_config

CASSETTE = pathlib.Path(__file__).parent / "cassettes" / "kit_v3.yaml"
DAG_ID = "sdk_kit_fails"


def ops_script(client: ApiClient, dag_id: str, run_id: str, trigger: bool = True, poll: float = 0.01) -> str:
    """The ops script under test: trigger (or take) a run and wait; on failure clear the failed tasks and note it."""
    runs = DAGRunApi(client)
    if trigger:
        run = runs.trigger_dag_run_and_wait(dag_id, DAGRun(dag_run_id=run_id), timeout=240, poll_interval=poll,
                                            max_poll_interval=poll)  # fmt: skip
    else:
        run = runs.wait_for_dag_run(dag_id, run_id, timeout=240, poll_interval=poll, max_poll_interval=poll)
    if run.state != DagState.FAILED:
        return str(run.state)
    failed = [
        ti.task_id for ti in TaskInstanceApi(client).get_task_instances(dag_id, run_id, state=["failed"]).task_instances
    ]
    DAGApi(client).post_clear_task_instances(
        dag_id, ClearTaskInstances(dry_run=False, dag_run_id=run_id, task_ids=failed, only_failed=True)
    )
    runs.set_dag_run_note(dag_id, run_id, SetDagRunNote(note=f"cleared {', '.join(failed)}"))
    return f"cleared {', '.join(failed)}"


def queue_failed_run(stub: Stubber, dag_id: str, run_id: str) -> None:
    """What a test author queues for ops_script: a run that fails in ``boom``."""
    run = {"dag_id": dag_id, "dag_run_id": run_id}
    stub.add_response("post_dag_run", stub.answer("post_dag_run", state="queued", **run),
                      expected_params={"dag_id": dag_id, "dag_run": {"dag_run_id": run_id}})  # fmt: skip
    stub.add_response("get_dag_run", stub.answer("get_dag_run", state="running", **run), expected_params=run)
    stub.add_response("get_dag_run", stub.answer("get_dag_run", state="failed", **run), expected_params=run)
    ti = stub.answer("get_task_instance", task_id="boom", state="failed", **run)
    stub.add_response("get_task_instances", stub.answer("get_task_instances", task_instances=[ti]),
                      expected_params={**run, "state": ["failed"]})  # fmt: skip
    ref = {"task_id": "boom", "dag_id": dag_id, "dag_run_id": run_id}
    refs = stub.answer("post_clear_task_instances", task_instances=[ref])  # the rest of each item filled too
    stub.add_response("post_clear_task_instances", refs,
                      expected_params={"dag_id": dag_id, "clear_task_instances": {"task_ids": ["boom"]}})  # fmt: skip
    stub.add_response("set_dag_run_note", stub.answer("set_dag_run_note", note="cleared boom", state="queued", **run),
                      expected_params={**run, "set_dag_run_note": {"note": "cleared boom"}})  # fmt: skip


@pytest.fixture(params=["airflow2_stub", "airflow_stub"])
def stub(request: pytest.FixtureRequest) -> Stubber:
    """Each generation's stub, from the kit's own pytest plugin (loaded by its entry point)."""
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def test_the_ops_script_runs_on_stubs_of_each_generation(stub: Stubber) -> None:
    queue_failed_run(stub, DAG_ID, "r1")
    assert ops_script(stub.client, DAG_ID, "r1") == "cleared boom"
    assert [c.operation for c in stub.calls] == ["post_dag_run", "get_dag_run", "get_dag_run", "get_task_instances",
                                                 "post_clear_task_instances", "set_dag_run_note"]  # fmt: skip
    clear = stub.calls[4].body
    assert clear["task_ids"] == ["boom"] and clear["only_failed"] is True and clear["reset_dag_runs"] is True
    assert stub.calls[0].url.startswith(f"http://airflow.test/api/{stub.api}/dags/{DAG_ID}/dagRuns")


def test_a_bad_answer_fails_at_add_response_naming_the_field(stub: Stubber) -> None:
    good = stub.answer("get_dag_run", state="failed")
    with pytest.raises(StubError, match=r"DAGRun has no field 'stat'"):
        stub.add_response("get_dag_run", {**good, "stat": "failed"})
    with pytest.raises(StubError, match=r"DAGRun.state is always sent by the server, and missing here"):
        stub.add_response("get_dag_run", {k: v for k, v in good.items() if k != "state"})
    with pytest.raises(StubError, match=r"DAGRun.conf: cannot read 'x' as"):
        stub.add_response("get_dag_run", {**good, "conf": "x"})
    bad = stub.answer("get_task_instance", try_number="two")
    with pytest.raises(StubError, match=r"TaskInstance.try_number: cannot read 'two'"):
        stub.add_response("get_task_instances", stub.answer("get_task_instances", task_instances=[bad]))
    with pytest.raises(StubError, match=r"DAGRun.dag_id is null"):
        stub.add_response("get_dag_run", {**good, "dag_id": None})
    with pytest.raises(StubError, match=r"answers nothing"):
        stub.add_response("delete_dag_run", {"x": 1})
    assert stub.pending == []


def test_built_answers_hold_only_their_generations_fields(airflow2_stub: Stubber, airflow_stub: Stubber) -> None:
    assert "queued_at" not in airflow2_stub.answer("get_dag_run") and "queued_at" in airflow_stub.answer("get_dag_run")
    assert airflow_stub.answer("get_dag_run")["queued_at"] is None  # nullable: null, as the server sends it
    with pytest.raises(StubError, match=r"DAGRun has no field\(s\) nope"):
        airflow_stub.answer("get_dag_run", nope=1)


def test_unexpected_calls_wrong_parameters_and_unused_answers_fail_naming_them(stub: Stubber) -> None:
    runs = DAGRunApi(stub.client)
    with pytest.raises(StubError, match=r"unexpected call get_dag_run\(\) \(GET .*/dags/d/dagRuns/r\): no answer"):
        runs.get_dag_run("d", "r")
    stub.add_response("get_dag_runs")
    with pytest.raises(StubError, match=r"unexpected call get_dag_run\(\).*next queued answer is for get_dag_runs"):
        runs.get_dag_run("d", "r")
    stub.add_response("get_dag_run", expected_params={"dag_id": "etl"})
    runs.get_dag_runs("d")  # takes the first answer
    with pytest.raises(StubError, match=r"get_dag_run\(\): dag_id was 'other', expected 'etl'"):
        runs.get_dag_run("other", "r")
    stub.add_response("get_dag_runs", expected_params={"limit": 5})
    with pytest.raises(StubError, match=r"limit was nothing, expected '5'"):
        runs.get_dag_runs("d")
    stub.add_response("set_dag_run_note")  # on Airflow 3 the same PATCH route as a state change, but update_mask=note
    with pytest.raises(StubError, match=r"unexpected call update_dag_run_state\(\) \(PATCH .*/dags/d/dagRuns/r"):
        runs.update_dag_run_state("d", "r", UpdateDagRunState(state="failed"))
    runs.set_dag_run_note("d", "r", SetDagRunNote(note="n"))
    client = ApiClient(Configuration(host="http://airflow.test/api/v2"))
    with pytest.raises(StubError, match=r"1 queued answer\(s\) were not used: get_dags"), Stubber(client) as inner:
        inner.add_response("get_dags")
    with pytest.raises(ZeroDivisionError), Stubber(client) as inner:  # noqa: PT012 - not hidden by the unused answer
        inner.add_response("get_dags")
        1 / 0  # noqa: B018
    assert "send" not in vars(client.rest_client)  # the transport is put back


def test_errors_raise_the_sdks_exceptions_as_from_a_server(stub: Stubber) -> None:
    runs = DAGRunApi(stub.client)
    stub.add_error("post_dag_run", 409, detail="DAGRun with dag_run_id: 'r1' already exists")
    with pytest.raises(ConflictException) as caught:
        runs.post_dag_run("etl", DAGRun(dag_run_id="r1"))
    assert caught.value.status == 409 and "already exists" in str(caught.value.detail)
    assert caught.value.request == f"POST http://airflow.test/api/{stub.api}/dags/etl/dagRuns"
    stub.add_error("get_dag_run", 404, detail="not found")
    with pytest.raises(NotFoundException):
        runs.get_dag_run("etl", "nope")


def test_release_refusals_work_against_the_version_the_stub_plays() -> None:
    client = ApiClient(Configuration(host="http://airflow.test"))  # no API path: the stub's version picks it
    with Stubber(client, airflow_version="3.2.2") as stub:
        assert client.configuration.host == "http://airflow.test/api/v2"
        with pytest.raises(UnsupportedOperationError, match=r"needs Airflow 3.3 or later; nothing was sent"):
            DAGRunApi(client).bulk_dag_runs("etl", BulkBody(actions=[]))
        assert [c.operation for c in stub.calls] == ["get_version"]
    assert client.configuration.host == "http://airflow.test"
    v1 = ApiClient(Configuration(host="http://airflow.test/api/v1"))
    refused = pytest.raises(UnsupportedOperationError, match=r"get_dag_stats\(\) is not in Airflow 2.8.4")
    with Stubber(v1, airflow_version="2.8.4"), refused:
        DagStatsApi(v1).get_dag_stats(dag_ids="a")
    with pytest.raises(StubError, match=r"cannot answer"):
        Stubber(ApiClient(Configuration(host="http://airflow.test/api/v1")), airflow_version="3.3.2")


def test_paging_reads_pages_from_the_queue(stub: Stubber) -> None:
    """By offset on Airflow 2, by cursor on Airflow 3.3 (the release the stub plays has cursors)."""
    runs = [stub.answer("get_dag_run", dag_run_id=f"r{i}") for i in range(5)]
    first, second = ({"offset": 0}, {"offset": 3}) if stub.api == "v1" else ({"cursor": ""}, {"cursor": "c2"})
    more = {"next_cursor": "c2"} if stub.api == "v2" else {}
    stub.add_response("get_dag_runs", stub.answer("get_dag_runs", dag_runs=runs[:3], total_entries=5, **more),
                      expected_params={"limit": 3, **first})  # fmt: skip
    stub.add_response("get_dag_runs", stub.answer("get_dag_runs", dag_runs=runs[3:], total_entries=5),
                      expected_params={"limit": 3, **second})  # fmt: skip
    walked = list(paginate(DAGRunApi(stub.client).get_dag_runs, "etl", page_size=3))
    assert [r.dag_run_id for r in walked] == ["r0", "r1", "r2", "r3", "r4"]


def test_a_wait_polls_from_the_queue_without_real_time(stub: Stubber) -> None:
    for state in ("queued", "running", "running", "success"):
        stub.add_response("get_dag_run", stub.answer("get_dag_run", dag_id="etl", dag_run_id="r", state=state))
    started = time.monotonic()
    run = DAGRunApi(stub.client).wait_for_dag_run("etl", "r", timeout=30, poll_interval=0.01, max_poll_interval=0.01)
    assert run.state == "success" and len(stub.calls) == 4 and time.monotonic() - started < 2


def test_the_fake_clock_is_the_sdks_clock_while_the_stub_is_active() -> None:
    fake = FakeClock(100.0)
    client = ApiClient(Configuration(host="http://airflow.test/api/v2"))
    with Stubber(client, clock=fake):
        assert clock.monotonic() == 100.0
        clock.sleep(30)
        assert clock.monotonic() == 130.0 and fake.sleeps == [30]
    assert clock.monotonic is time.monotonic and clock.sleep is time.sleep


@pytest.mark.parametrize("api", ["v1", "v2"])
def test_every_operations_built_answer_is_read_by_the_clients_decoder(api: str) -> None:
    """stub.answer(op) for every operation of the generation: the add_response check takes it, and the decoder that
    reads real answers (ApiClient._decode, strict: _check_return_type) reads every field of it."""
    client = ApiClient(Configuration(host=f"http://airflow.test/api/{api}"))
    stub = Stubber(client)
    read = 0
    for op in operations().values():
        if (op.v2 is None) if api == "v2" else not op.v1:
            continue
        data = stub.answer(op)
        stub.add_response(op, data)
        raw = (data if isinstance(data, str) else json.dumps(data)).encode() if data is not None else b""
        kind = "text/plain" if isinstance(data, str) else "application/json"
        response = _response("GET", "http://x", _Answer(op, op.success_status, raw, {"Content-Type": kind}, None), True)
        result = ApiClient._decode(op, response, True, None)
        if op.models:
            model = type(result)
            assert model in op.models and set(result.to_dict()) == set(data), op.id
            read += 1
    assert read > (40 if api == "v1" else 60)


def test_the_plugin_is_registered_and_loads_in_another_project(tmp_path: pathlib.Path) -> None:
    from importlib.metadata import entry_points

    assert "airflow_python_sdk.testing.pytest_plugin" in {e.value for e in entry_points(group="pytest11")}
    (tmp_path / "test_user.py").write_text(
        "from airflow_python_sdk.api.dag_run_api import DAGRunApi\n"
        "def test_mine(airflow_stub):\n"
        "    airflow_stub.add_response('get_dag_run', airflow_stub.answer('get_dag_run', state='failed'))\n"
        "    assert DAGRunApi(airflow_stub.client).get_dag_run('etl', 'r').state == 'failed'\n"
        "def test_unused(airflow2_stub):\n"
        "    airflow2_stub.add_response('get_dags')\n"
    )
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)  # fmt: skip
    assert "2 passed, 1 error" in done.stdout, done.stdout
    assert "1 queued answer(s) were not used: get_dags" in done.stdout


def test_pytest_httpserver_serves_the_kits_answers(httpserver: Any) -> None:
    """The other usual way: a real local HTTP server (pytest-httpserver) answering what the kit builds."""
    run = answer("get_dag_run", "3.3.2", dag_id="etl", dag_run_id="r1", state="failed")
    httpserver.expect_request("/api/v2/dags/etl/dagRuns/r1", method="GET").respond_with_json(run)
    with ApiClient(Configuration(host=httpserver.url_for("/api/v2"), retries=0)) as client:
        assert DAGRunApi(client).get_dag_run("etl", "r1").state == "failed"
    httpserver.check_assertions()


def test_the_scrubber_removes_jwts_passwords_and_cookies() -> None:
    from vcr.request import Request

    token = "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiIxIiwiZXhwIjoxfQ.c2lnbmF0dXJl"
    request = Request("POST", "http://a/auth/token", json.dumps({"username": "admin", "password": "pw\"x"}),
                      {"Authorization": f"Bearer {token}", "Cookie": f"_token={token}", "X-Key": "k"})  # fmt: skip
    scrubbed = scrub_request(request, ["X-Key"])
    assert dict(scrubbed.headers) == {} and json.loads(scrubbed.body) == {"username": "admin", "password": "<scrubbed>"}
    response = {"status": {"code": 201}, "headers": {"Set-Cookie": [f"_token={token}"], "Content-Type": ["json"]},
                "body": {"string": json.dumps({"access_token": token}).encode()}}  # fmt: skip
    out = scrub_response(response)
    assert out["headers"] == {"Content-Type": ["json"]}
    assert json.loads(out["body"]["string"]) == {"access_token": FAKE_JWT}


def test_a_cassette_recorded_against_a_real_332_replays_with_no_server() -> None:
    """test/cassettes/kit_v3.yaml, recorded by test_testing_kit_live.py against a real Airflow 3.3.2 (its login
    and answers, scrubbed), replays the ops script on a failed run with nothing listening."""
    text = CASSETTE.read_text()
    recorded = yaml.safe_load(text)["interactions"]
    assert "eyJhbGciOiJIUzUxMiI" not in text and '"password": "admin"' not in text and "set-cookie" not in text.lower()
    host = next(i["request"]["uri"] for i in recorded if "/api/v2/" in i["request"]["uri"]).split("/api/v2/")[0]
    run_id = json.loads(CASSETTE.with_suffix(".json").read_text())["run_id"]
    assert recorded[0]["request"]["uri"] == host + "/auth/token"  # the login, replayed with the scrubbed token
    client = ApiClient(Configuration(host=host + "/api/v2", username="admin", password="admin", retries=0))
    with vcr.VCR(**vcr_config()).use_cassette(str(CASSETTE)) as cassette:
        assert ops_script(client, DAG_ID, run_id, trigger=False) == "cleared boom"
    assert cassette.all_played and cassette.play_count == len(recorded)
