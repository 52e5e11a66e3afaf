"""HITLDetailApi: a real human-in-the-loop task on Airflow 3.3.2, and its refusal on Airflow 2.

The scheduler of ``scheduled3`` runs ``sdk_hitl_choose`` (test/dags/sdk_hitl_dags.py): its ``choose`` task
asks which colour and parks in ``awaiting_input``; the test lists and reads the question, answers it, and
sees the task resume with the answer and the run succeed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.hitl_detail_api import HITLDetailApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.x_com_api import XComApi
from airflow_python_sdk.models import (
    DAGRun,
    HITLDetail,
    HITLDetailCollection,
    HITLDetailHistory,
    HITLDetailResponse,
    HITLUser,
    UpdateHITLDetailPayload,
)

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

DAG = "sdk_hitl_choose"
T = TypeVar("T")


def wait_for(what: str, check: Callable[[], T | None], timeout: float = 240, interval: float = 0.5) -> T:
    """``check()``'s first truthy value, polled until ``timeout`` seconds have passed (then the test fails)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


@pytest.fixture(scope="module")
def client3(scheduled3: AirflowServer) -> Iterator[ApiClient]:
    with ApiClient(Configuration(host=scheduled3.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.mark.live
def test_a_person_answers_a_waiting_task_and_it_resumes(scheduled3: AirflowServer, client3: ApiClient) -> None:
    runs, hitl, tis = DAGRunApi(client3), HITLDetailApi(client3), TaskInstanceApi(client3)
    started = dt.datetime.now(dt.timezone.utc)
    run_id = runs.post_dag_run(DAG, DAGRun(dag_run_id=f"hitl-{time.time_ns()}")).dag_run_id
    assert run_id is not None
    wait_for("the task to ask", lambda: tis.get_task_instance(DAG, run_id, "choose").state == "awaiting_input")

    # every filter of the list, across all DAGs and runs (the path's "~", the default)
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)
    page = hitl.get_hitl_details(
        dag_id_pattern="hitl_ch", dag_id_prefix_pattern="sdk_hitl", task_id="choose", task_id_pattern="hoos",
        task_id_prefix_pattern="cho", map_index=-1, state=["awaiting_input"], response_received=False,
        subject_search=run_id, body_search="one", created_at_gte=started, created_at_gt=started,
        created_at_lte=soon, created_at_lt=soon, order_by=["-created_at"], limit=5, offset=0,
    )  # fmt: skip
    assert isinstance(page, HITLDetailCollection) and page.total_entries == 1
    assert [d.task_instance.dag_run_id for d in page.hitl_details] == [run_id]
    assert hitl.get_hitl_details(DAG, run_id).total_entries == 1
    assert hitl.get_hitl_details(DAG, run_id, response_received=True).total_entries == 0

    asked = hitl.get_hitl_detail(DAG, run_id, "choose")
    assert isinstance(asked, HITLDetail) and asked.task_instance.state == "awaiting_input"
    assert (asked.subject, asked.body) == (f"Which colour for {run_id}?", "Pick **one** colour.")  # rendered
    assert (asked.options, asked.defaults, asked.multiple) == (["red", "green", "blue"], ["red"], False)
    assert asked.params is not None and asked.params["note"]["value"] == "none"
    assert asked.params["note"]["schema"] == {"type": "string"}
    assert asked.assigned_users == [] and asked.response_received is False and asked.params_input == {}
    assert asked.responded_by_user is None and asked.responded_at is None and asked.chosen_options is None
    assert started <= asked.created_at <= soon

    with pytest.raises(sdk.BadRequestException, match="purple"):  # an option it does not offer: 400
        hitl.update_hitl_detail(DAG, run_id, "choose", UpdateHITLDetailPayload(chosen_options=["purple"]))
    with pytest.raises(sdk.BadRequestException, match="single option"):
        hitl.update_hitl_detail(DAG, run_id, "choose", UpdateHITLDetailPayload(chosen_options=["red", "blue"]))

    # Airflow 3.3.2 race (apache/airflow#66374's kind): answered before the scheduler has handled the
    # parked try's executor event, the resumed task is failed ("executor reported success, but the task
    # instance's state attribute is queued"). So answer only once the scheduler logged that event.
    finished = f"TaskInstance Finished: dag_id={DAG}, task_id=choose, run_id={run_id},"
    wait_for("the scheduler to see the task park", lambda: finished in (scheduled3.home / "scheduler.log").read_text())
    answer = hitl.update_hitl_detail(
        DAG, run_id, "choose", UpdateHITLDetailPayload(chosen_options=["green"], params_input={"note": "calm"})
    )
    assert isinstance(answer, HITLDetailResponse) and answer.responded_by == HITLUser(id="admin", name="admin")
    assert (answer.chosen_options, answer.params_input) == (["green"], {"note": "calm"})
    assert started <= answer.responded_at <= soon
    with pytest.raises(sdk.ConflictException):  # answered once only
        hitl.update_hitl_detail(DAG, run_id, "choose", UpdateHITLDetailPayload(chosen_options=["red"]))

    tried = hitl.get_hitl_detail_try_detail(DAG, run_id, "choose", 1)
    assert isinstance(tried, HITLDetailHistory) and tried.response_received is True
    assert tried.chosen_options == ["green"] and tried.responded_by_user == answer.responded_by
    assert (tried.task_instance.try_number, tried.task_instance.dag_run_id) == (1, run_id)
    answered = hitl.get_hitl_details(
        DAG, run_id, response_received=True, responded_by_user_id=["admin"], responded_by_user_name=["admin"]
    )
    assert [d.chosen_options for d in answered.hitl_details] == [["green"]]

    done = runs.wait_for_dag_run(DAG, run_id, timeout=240, poll_interval=1, max_poll_interval=2)
    assert done.state == "success"
    assert {t.task_id: t.state for t in tis.get_task_instances(DAG, run_id).task_instances or []} == {
        "choose": "success",
        "after": "success",
    }
    result: Any = XComApi(client3).get_xcom_entry(DAG, run_id, "choose", "return_value").value
    assert "green" in str(result) and "calm" in str(result)  # the task resumed with the answer
    with pytest.raises(sdk.NotFoundException, match="Human-in-the-loop detail does not exist"):
        hitl.get_hitl_detail(DAG, run_id, "after")
    with pytest.raises(sdk.NotFoundException):
        hitl.get_hitl_detail_try_detail(DAG, run_id, "choose", 2)


CALLS: list[Callable[[HITLDetailApi], Any]] = [
    lambda api: api.get_hitl_details(),
    lambda api: api.get_hitl_detail("d", "r", "t"),
    lambda api: api.get_hitl_detail_try_detail("d", "r", "t", 1, map_index=0),
    lambda api: api.update_hitl_detail("d", "r", "t", UpdateHITLDetailPayload(chosen_options=["a"])),
]


@pytest.mark.parametrize("call", CALLS, ids=[op.id for op in HITLDetailApi.operations()])
def test_airflow_2_has_none_and_nothing_is_sent(
    server: RecordingServer, client: ApiClient, call: Callable[[HITLDetailApi], Any]
) -> None:
    with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
        call(HITLDetailApi(client))
    assert server.count == 0


def test_the_list_reaches_every_dag_and_run_unless_told(server: RecordingServer) -> None:
    configuration = Configuration(host=server.url + "/api/v2", access_token="t", retries=0, airflow_version="3.3.2")
    server.reply(*[Reply(json={"hitl_details": [], "total_entries": 0})] * 2)
    with ApiClient(configuration) as v2:
        HITLDetailApi(v2).get_hitl_details(state=["awaiting_input", "deferred"])
        HITLDetailApi(v2).get_hitl_details("d", "r")
    assert [r.path for r in server.requests] == [
        "/api/v2/dags/~/dagRuns/~/hitlDetails",
        "/api/v2/dags/d/dagRuns/r/hitlDetails",
    ]
    assert server.requests[0].query == [("state", "awaiting_input"), ("state", "deferred")]
