"""The testing kit against real Airflow 2.11.2 and 3.3.2 with their schedulers (``scheduled``, ``scheduled3``):

- the ops script of test_testing_kit.py (trigger sdk_kit_fails, wait, clear the failed task, set a note) makes the
  same calls with the same outcome on the real server and on a Stubber queued by hand;
- every answer the real server gave (the script's, and every read operation the live run can call) is accepted
  by ``add_response`` of a Stubber playing that server's version: the checks are not stricter than the servers;
- on 3.3.2, test/cassettes/kit_v3.yaml is recorded (scrubbed) for the replay test of test_testing_kit.py.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator

import pytest
import vcr
from test_testing_kit import CASSETTE, DAG_ID, ops_script, queue_failed_run

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.exceptions import ApiException, ApiValueError, UnsupportedOperationError
from airflow_python_sdk.testing import Call, Stubber, StubError, operations, record_calls
from airflow_python_sdk.testing.vcr import vcr_config

from airflow_server import AirflowServer

pytestmark = pytest.mark.live

FILLED = {"dag_id": DAG_ID, "task_id": "boom", "task_try_number": 1, "try_number": 1, "pool_name": "default_pool"}
"""Required parameters the read sweep can fill (plus the run's id); operations needing others are not called."""
STREAMED = "wait_dag_run_until_finished"  # read as a stream: record_calls keeps no answer of it


@pytest.fixture(params=["scheduled", "scheduled3"])
def real(request: pytest.FixtureRequest) -> Iterator[tuple[AirflowServer, ApiClient]]:
    server: AirflowServer = request.getfixturevalue(request.param)
    with ApiClient(Configuration(host=server.api_url, username="admin", password="admin")) as client:
        yield server, client


def _script_calls(calls: list[Call]) -> list[str]:
    """The operations called, polls of one run counted once; the version look-up and the wait's paused-DAG
    check (made when a run stays queued 5 s, timing the stub does not play) left out."""
    names = [c.operation for c in calls if c.operation not in ("get_version", "get_dag")]
    return [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]


def _sweep(client: ApiClient, api: str, run_id: str) -> list[Call]:
    """Every GET operation of the generation whose required parameters FILLED (and the run) give, called once."""
    filled = {**FILLED, "dag_run_id": run_id}
    with record_calls(client) as calls:
        for op in operations().values():
            there = op.v2 is not None if api == "v2" else op.v1
            required = [p.name for p in op.params if p.required]
            if op.method != "GET" or not there or not set(required) <= filled.keys() or op.id == STREAMED:
                continue
            # 404 for what this run lacks, 403 for a disabled config...: no answer to check
            with contextlib.suppress(ApiException, UnsupportedOperationError, ApiValueError):
                client.call(op, {name: filled[name] for name in required})
    return calls


def test_the_ops_script_and_every_real_answer_against_stubs(real: tuple[AirflowServer, ApiClient],
                                                           run_id: Callable[[], str]) -> None:  # fmt: skip
    server, client = real
    rid = "kit-" + run_id()
    with record_calls(client) as calls:
        outcome = ops_script(client, DAG_ID, rid, poll=0.5)
    assert outcome == "cleared boom"
    runs = DAGRunApi(client)
    assert runs.get_dag_run(DAG_ID, rid).note == "cleared boom"

    # the same script against a Stubber playing this server's version, queued by hand
    stubbed = ApiClient(Configuration(host=f"http://airflow.test/api/{server.api_version}"))
    with Stubber(stubbed, airflow_version=server.version) as stub:
        queue_failed_run(stub, DAG_ID, rid)
        assert ops_script(stubbed, DAG_ID, rid) == outcome
    expected = ["post_dag_run", "get_dag_run", "get_task_instances", "post_clear_task_instances", "set_dag_run_note"]
    assert _script_calls(calls) == _script_calls(stub.calls) == expected
    changes = [
        [(c.method, c.url.split("/api/")[1], c.body) for c in made if c.method != "GET"] for made in (calls, stub.calls)
    ]
    assert changes[0] == changes[1]  # the same requests and bodies: trigger, clear, note

    # the run re-runs after the clear and fails again; on 3.3.2 the script is recorded on it, scrubbed
    runs.wait_for_dag_run(DAG_ID, rid, timeout=240, poll_interval=1)
    if server.api_version == "v2":
        config = {**vcr_config(), "record_mode": "all"}
        CASSETTE.unlink(missing_ok=True)  # "all" adds to a cassette: this run's alone is kept
        fresh = ApiClient(Configuration(host=server.api_url, username="admin", password="admin"))
        with vcr.VCR(**config).use_cassette(str(CASSETTE)), fresh:
            assert ops_script(fresh, DAG_ID, rid, trigger=False) == "cleared boom"
        CASSETTE.with_suffix(".json").write_text(json.dumps({"run_id": rid, "airflow": server.version}) + "\n")
        runs.wait_for_dag_run(DAG_ID, rid, timeout=240, poll_interval=1)

    # every real answer, the script's and a sweep of read operations, is accepted as a stub's answer
    answered = [
        c
        for c in [*calls, *_sweep(client, server.api_version, rid)]
        if 200 <= c.status < 300
        and c.answer
        and (operations()[c.operation].returns_text or not isinstance(c.answer, str))
    ]  # not the UI's HTML
    # (Airflow 3 without the FAB auth manager answers /auth/fab/v1/roles with its UI page, status 200)
    refused: dict[str, str] = {}
    checker = Stubber(ApiClient(Configuration(host=server.api_url)), airflow_version=server.version)
    for call in answered:
        try:
            checker.add_response(call.operation, call.answer)
        except StubError as exc:
            refused[call.operation] = str(exc)
    assert refused == {}, json.dumps(refused, indent=1)
    accepted = {c.operation for c in answered}
    assert len(accepted) >= 20, sorted(accepted)
    assert {"get_dag_run", "get_task_instances", "post_clear_task_instances", "get_dags", "get_task"} <= accepted
    runs.delete_dag_run(DAG_ID, rid)
