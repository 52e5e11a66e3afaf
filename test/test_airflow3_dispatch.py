"""The same methods on an Airflow 3 host (/api/v2): token login, renamed filters, v2 forms, v2 errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.models import DAGRun, DagState, ListDagRunsForm, SetDagRunNote, UpdateDagRunState

from recording_server import RecordingServer, Reply

RUN = {"dag_id": "d", "dag_run_id": "r", "state": "queued", "run_after": "2025-01-01T00:00:00Z", "queued_at": None}
TOKEN = Reply(status=201, json={"access_token": "jwt-1"})


@pytest.fixture
def v2(server: RecordingServer) -> Iterator[DAGRunApi]:
    configuration = Configuration(host=server.url + "/api/v2", username="admin", password="pw", retries=0)
    with ApiClient(configuration) as client:
        yield DAGRunApi(client)


def test_logs_in_for_a_token_and_sends_it(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json=RUN), Reply(json=RUN))
    run = v2.get_dag_run("d", "r")
    v2.get_dag_run("d", "r")
    login, first, second = server.requests
    assert (login.method, login.path, login.json()) == ("POST", "/auth/token", {"username": "admin", "password": "pw"})
    assert login.headers["Content-Type"] == "application/json"
    assert first.path == "/api/v2/dags/d/dagRuns/r" and first.headers["Authorization"] == "Bearer jwt-1"
    assert second.headers["Authorization"] == "Bearer jwt-1"  # one login serves many calls
    assert run.run_after == dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc) and run.execution_date is None


def test_an_expired_token_is_renewed_once(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(
        TOKEN,
        Reply(status=401, json={"detail": "Token expired"}),
        Reply(status=201, json={"access_token": "jwt-2"}),
        Reply(json=RUN),
    )
    assert v2.get_dag_run("d", "r").dag_run_id == "r"
    assert [(r.method, r.path, r.headers.get("Authorization")) for r in server.requests] == [
        ("POST", "/auth/token", None),
        ("GET", "/api/v2/dags/d/dagRuns/r", "Bearer jwt-1"),
        ("POST", "/auth/token", None),
        ("GET", "/api/v2/dags/d/dagRuns/r", "Bearer jwt-2"),
    ]


def test_a_token_refused_twice_raises(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(status=401, json={"detail": "no"}), TOKEN, Reply(status=401, json={"detail": "still no"}))
    with pytest.raises(sdk.UnauthorizedException) as caught:
        v2.get_dag_run("d", "r")
    assert caught.value.detail == "still no" and len(server.requests) == 4


def test_a_wrong_password_is_unauthorized(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(Reply(status=401, json={"detail": "Invalid credentials"}))
    with pytest.raises(sdk.UnauthorizedException, match="Invalid credentials"):
        v2.get_dag_run("d", "r")
    assert [r.path for r in server.requests] == ["/auth/token"]


def test_a_given_token_is_used_as_is(server: RecordingServer) -> None:
    server.reply(Reply(json=RUN))
    with ApiClient(Configuration(host=server.url + "/api/v2", access_token="given")) as client:
        DAGRunApi(client).get_dag_run("d", "r")
    assert [(r.path, r.headers["Authorization"]) for r in server.requests] == [
        ("/api/v2/dags/d/dagRuns/r", "Bearer given")
    ]


def test_execution_date_filters_and_order_are_renamed(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json={"dag_runs": [RUN], "total_entries": 1}))
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    v2.get_dag_runs("d", execution_date_gte=when, execution_date_lte=when, state=["queued"], order_by="-execution_date")
    assert server.requests[1].query == [
        ("logical_date_gte", "2024-01-01T00:00:00+00:00"),
        ("logical_date_lte", "2024-01-01T00:00:00+00:00"),
        ("state", "queued"),
        ("order_by", "-logical_date"),
    ]


def test_batch_form_keys_are_renamed(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json={"dag_runs": [], "total_entries": 0}))
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    v2.get_dag_runs_batch(ListDagRunsForm(dag_ids=["d"], execution_date_gte=when, order_by="execution_date"))
    assert server.requests[1].path == "/api/v2/dags/~/dagRuns/list"
    assert server.requests[1].json() == {
        "dag_ids": ["d"],
        "logical_date_gte": "2024-01-01T00:00:00+00:00",
        "order_by": "logical_date",
    }


def test_trigger_sends_the_logical_date_key(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json=RUN), Reply(json=RUN))
    v2.post_dag_run("d", DAGRun(dag_run_id="r", conf={"a": 1}))
    v2.post_dag_run("d", DAGRun(dag_run_id="r2", execution_date=dt.datetime(2024, 1, 1)))
    assert server.requests[1].json() == {"logical_date": None, "dag_run_id": "r", "conf": {"a": 1}}
    assert server.requests[2].json() == {"logical_date": "2024-01-01T00:00:00+00:00", "dag_run_id": "r2"}


def test_state_and_note_use_one_patch_with_a_mask(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json=RUN), Reply(json=RUN), Reply(json=RUN), Reply(json=RUN))
    v2.update_dag_run_state("d", "r", UpdateDagRunState(state="failed"))
    v2.set_dag_run_note("d", "r", SetDagRunNote(note="n"))
    v2.update_dag_run("d", "r", DAGRun(state=DagState.SUCCESS, note="both"))
    sent = [(r.method, r.path, r.query, r.json()) for r in server.requests[1:]]
    assert sent == [
        ("PATCH", "/api/v2/dags/d/dagRuns/r", [("update_mask", "state")], {"state": "failed"}),
        ("PATCH", "/api/v2/dags/d/dagRuns/r", [("update_mask", "note")], {"note": "n"}),
        ("PATCH", "/api/v2/dags/d/dagRuns/r", [("update_mask", "state")], {"state": "success"}),
        ("PATCH", "/api/v2/dags/d/dagRuns/r", [("update_mask", "note")], {"note": "both"}),
    ]


def test_upstream_events_read_airflow_3_asset_events(server: RecordingServer, v2: DAGRunApi) -> None:
    event = {"id": 7, "asset_id": 3, "uri": "s3://b/k", "name": "k", "source_map_index": -1, "created_dagruns": []}
    server.reply(TOKEN, Reply(json={"asset_events": [event], "total_entries": 1}))
    events = v2.get_upstream_dataset_events("d", "r")
    assert server.requests[1].path == "/api/v2/dags/d/dagRuns/r/upstreamAssetEvents"
    (only,) = events.dataset_events or []
    assert (only.dataset_id, only.dataset_uri, only["name"]) == (3, "s3://b/k", "k")


def test_what_airflow_3_lacks_raises_before_anything_is_sent(server: RecordingServer, v2: DAGRunApi) -> None:
    with pytest.raises(sdk.ApiValueError, match=r"Airflow 3 .* has no parameter 'fields'"):
        v2.get_dag_run("d", "r", fields=["state"])
    with pytest.raises(sdk.UnsupportedOperationError, match=r"get_roles\(\) is not available on Airflow 3"):
        RoleApi(v2.api_client).get_roles()
    assert server.requests == []  # not even a login


def test_v2_error_details_are_readable(server: RecordingServer, v2: DAGRunApi) -> None:
    detail = [{"type": "missing", "loc": ["body", "logical_date"], "msg": "Field required"}]
    server.reply(TOKEN, Reply(status=422, json={"detail": detail}), Reply(status=404, json={"detail": "DAG not found"}))
    with pytest.raises(sdk.BadRequestException) as invalid:
        v2.post_dag_run("d", DAGRun())
    assert invalid.value.status == 422 and invalid.value.detail == detail and "Field required" in str(invalid.value)
    with pytest.raises(sdk.NotFoundException) as missing:
        v2.get_dag_run("d", "r")
    assert missing.value.detail == "DAG not found"
