"""The same methods on an Airflow 3 host (/api/v2): token login, renamed filters, v2 forms, v2 errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import (
    ClearTaskInstances,
    CreateDatasetEvent,
    DAGRun,
    DagState,
    ListDagRunsForm,
    SetDagRunNote,
    UpdateDagRunState,
    UpdateTaskInstancesState,
    UpdateTaskState,
)
from airflow_python_sdk.operation import Api, operation

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


class _Airflow2Only(Api):
    """An API class of one operation declared without an Airflow 3 form."""

    @operation("GET", "/legacy/{name}")
    def get_legacy(self, name: str) -> None:
        return self._call(locals())  # type: ignore[no-any-return]


def test_what_airflow_3_lacks_raises_before_anything_is_sent(server: RecordingServer, v2: DAGRunApi) -> None:
    with pytest.raises(sdk.ApiValueError, match=r"Airflow 3 .* has no parameter 'fields'"):
        v2.get_dag_run("d", "r", fields=["state"])
    with pytest.raises(sdk.UnsupportedOperationError, match=r"get_legacy\(\) is not available on Airflow 3"):
        _Airflow2Only(v2.api_client).get_legacy("x")
    assert server.requests == []  # not even a login


def test_users_and_roles_go_to_the_fab_auth_manager(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json={"roles": [], "total_entries": 0}))
    RoleApi(v2.api_client).get_roles(limit=5)
    assert (server.requests[1].path, server.requests[1].query) == ("/auth/fab/v1/roles", [("limit", "5")])


def test_v2_error_details_are_readable(server: RecordingServer, v2: DAGRunApi) -> None:
    detail = [{"type": "missing", "loc": ["body", "logical_date"], "msg": "Field required"}]
    server.reply(TOKEN, Reply(status=422, json={"detail": detail}), Reply(status=404, json={"detail": "DAG not found"}))
    with pytest.raises(sdk.BadRequestException) as invalid:
        v2.post_dag_run("d", DAGRun())
    assert invalid.value.status == 422 and invalid.value.detail == detail and "Field required" in str(invalid.value)
    with pytest.raises(sdk.NotFoundException) as missing:
        v2.get_dag_run("d", "r")
    assert missing.value.detail == "DAG not found"
    assert "Problem: body.logical_date: Field required\n" in str(invalid.value)  # not the list's repr


def test_a_validation_error_names_where_and_what_was_given(server: RecordingServer, v2: DAGRunApi) -> None:
    allowed = "Input should be 'queued', 'running', 'success' or 'failed'"
    detail = [
        {"type": "enum", "loc": ["query", "state", 0], "msg": allowed, "input": "sucess", "ctx": {"expected": "..."}},
        {"type": "int_parsing", "loc": ["query", "limit"], "msg": "Input should be a valid integer", "input": "x"},
    ]
    server.reply(TOKEN, Reply(status=422, json={"detail": detail}))
    with pytest.raises(sdk.BadRequestException) as invalid:
        v2.get_dag_runs("d", state=["sucess"])
    problem = next(line for line in str(invalid.value).splitlines() if line.startswith("Problem: "))
    assert problem == (
        f"Problem: query.state.0: {allowed} (got 'sucess'); query.limit: Input should be a valid integer (got 'x')"
    )


def test_an_error_body_of_error_text_is_the_detail(server: RecordingServer) -> None:
    """Airflow 3 asked under /api/v1 answers 404 ``{"error": "/api/v1 has been removed ..."}``: said, not lost."""
    removed = "/api/v1 has been removed in Airflow 3, please use its upgraded version /api/v2 instead."
    server.reply(Reply(status=404, json={"error": removed}))
    with (
        ApiClient(Configuration(host=server.url + "/api/v1", retries=0)) as client,
        pytest.raises(sdk.NotFoundException) as caught,
    ):
        DAGRunApi(client).get_dag_run("d", "r")
    assert caught.value.detail == removed and f"Problem: {removed}\n" in str(caught.value)


# --- forms that data alone does not describe: body keys in the path, dry runs, look-ups, reshaped answers


TI = {"task_id": "t", "dag_id": "d", "dag_run_id": "r", "logical_date": None, "state": "failed"}


def test_body_keys_fill_the_path_and_a_dry_run_has_its_own(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json={"task_instances": [TI], "total_entries": 1}), Reply(json={"task_instances": []}))
    dags = DAGApi(v2.api_client)
    change = UpdateTaskInstancesState(task_id="t/1", dag_run_id="r 1", new_state=UpdateTaskState.FAILED)
    planned = dags.post_set_task_instances_state("d", change)  # Airflow 2's default: a dry run
    change.dry_run = False
    dags.post_set_task_instances_state("d", change)
    sent = [(r.method, r.raw_path, r.query, r.json()) for r in server.requests[1:]]
    body = {"new_state": "failed", **dict.fromkeys(["include_upstream", "include_downstream", "include_future",
                                                      "include_past"], False)}  # unset: false on both generations
    assert sent == [
        ("PATCH", "/api/v2/dags/d/dagRuns/r%201/taskInstances/t%2F1/dry_run", [("update_mask", "new_state")], body),
        ("PATCH", "/api/v2/dags/d/dagRuns/r%201/taskInstances/t%2F1", [("update_mask", "new_state")], body),
    ]  # fmt: skip
    assert [(ref.task_id, ref.dag_run_id) for ref in planned.task_instances or []] == [("t", "r")]


def test_what_a_form_cannot_send_is_refused_before_anything_is_sent(server: RecordingServer, v2: DAGRunApi) -> None:
    dags = DAGApi(v2.api_client)
    with pytest.raises(sdk.ApiValueError, match="needs task_id"):
        dags.post_set_task_instances_state("d", UpdateTaskInstancesState(dag_run_id="r", new_state="failed"))
    with pytest.raises(sdk.ApiValueError, match="give dag_run_id or execution_date"):
        dags.post_set_task_instances_state("d", UpdateTaskInstancesState(task_id="t", new_state="failed"))
    with pytest.raises(sdk.ApiValueError, match="has no parameter 'include_subdags'"):
        dags.post_clear_task_instances("d", ClearTaskInstances(include_subdags=True))
    with pytest.raises(sdk.ApiValueError, match="create_dataset_event must set dataset_uri"):
        DatasetApi(v2.api_client).create_dataset_event(CreateDatasetEvent(extra={"a": 1}))
    with pytest.raises(sdk.ApiTypeError):  # the caller's types are checked before any look-up
        DatasetApi(v2.api_client).get_dataset(7)  # type: ignore[arg-type]
    assert server.requests == []  # not even a login


def test_a_dataset_uri_is_looked_up_as_an_asset_id(server: RecordingServer, v2: DAGRunApi) -> None:
    uri = "x://a b%"
    near = {"id": 6, "uri": uri + "c"}  # the server's filter matches parts of URIs
    server.reply(
        TOKEN,
        Reply(json={"assets": [near, {"id": 7, "uri": uri}], "total_entries": 2}),
        Reply(json={"id": 7, "uri": uri, "scheduled_dags": [{"dag_id": "c"}]}),
        Reply(json={"assets": [{"id": 7, "uri": uri}], "total_entries": 1}),
        Reply(json={"queued_events": [{"dag_id": "c", "asset_id": 7}], "total_entries": 1}),
    )
    datasets = DatasetApi(v2.api_client)
    dataset = datasets.get_dataset(uri, async_req=True).get(timeout=10)  # the look-up runs in the pool too
    queued = datasets.get_dataset_queued_events(uri)
    lookup, read, _, listed = server.requests[1:]
    assert (lookup.path, dict(lookup.query)["uri_pattern"]) == ("/api/v2/assets", uri)
    assert read.path == "/api/v2/assets/7" and listed.path == "/api/v2/assets/7/queuedEvents"
    assert (dataset.id, dataset.uri, [d.dag_id for d in dataset.consuming_dags or []]) == (7, uri, ["c"])
    assert [(q.dag_id, q.uri, q.asset_id) for q in queued.datasets or []] == [("c", uri, 7)]

    server.reply(Reply(json={"assets": [near], "total_entries": 1}))  # logged in already: no second TOKEN
    with pytest.raises(sdk.NotFoundException, match="no asset has the URI"):
        datasets.delete_dataset_queued_events(uri)


def test_a_structured_log_reads_as_text(server: RecordingServer, v2: DAGRunApi) -> None:
    content = [
        {"event": "::group::source"},
        {"timestamp": "2025-01-01T00:00:00Z", "level": "info", "event": "hello", "logger": "task"},
        "a plain line",
    ]
    answer = {"content": content, "continuation_token": None}
    server.reply(TOKEN, Reply(json=answer), Reply(json=answer))
    tis = TaskInstanceApi(v2.api_client)
    text = tis.get_log("d", "r", "t", 1)
    as_json = tis.get_log("d", "r", "t", 1, _headers={"Accept": "application/json"})
    assert text == "::group::source\n[2025-01-01T00:00:00Z] INFO - hello\na plain line\n"
    assert as_json == {"content": text, "continuation_token": None}
    assert [r.headers["Accept"] for r in server.requests[1:]] == ["application/json"] * 2  # Airflow 3 has no text


def test_comma_separated_ids_are_sent_repeated(server: RecordingServer, v2: DAGRunApi) -> None:
    server.reply(TOKEN, Reply(json={"dags": [], "total_entries": 0}))
    DagStatsApi(v2.api_client).get_dag_stats("a,b")
    assert server.requests[1].query == [("dag_ids", "a"), ("dag_ids", "b")]
