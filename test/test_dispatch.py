"""The dispatcher against a recording server: what goes on the wire, and what comes back."""

from __future__ import annotations

import base64
import datetime as dt
import time
import uuid

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import (
    DAGRun,
    DAGRunCollection,
    DagState,
    ListDagRunsForm,
    SetDagRunNote,
    TaskInstanceCollection,
    TaskState,
    UpdateDagRunState,
)

from recording_server import RecordingServer, Reply

RUN = {"dag_id": "d", "dag_run_id": "r", "state": "queued", "start_date": "2024-05-01T10:00:00+00:00"}


# --- requests: paths, queries, bodies, headers -----------------------------------------------------


@pytest.mark.parametrize(
    ("dag_run_id", "encoded"),
    [
        ("manual__2024-01-01T00:00:00+00:00", "manual__2024-01-01T00%3A00%3A00%2B00%3A00"),
        ("a/b?c#d%e f", "a%2Fb%3Fc%23d%25e%20f"),
        ("café~.", "caf%C3%A9~."),
        (42, "42"),
    ],
)
def test_path_parameters_are_percent_encoded_whole(
    server: RecordingServer, dag_runs: DAGRunApi, dag_run_id: str | int, encoded: str
) -> None:
    server.reply(Reply(json=RUN))
    dag_runs.get_dag_run("my dag", dag_run_id)
    assert server.requests[0].raw_path == f"/api/v1/dags/my%20dag/dagRuns/{encoded}"


def test_query_parameters_of_every_kind(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={"dag_runs": [], "total_entries": 0}))
    dag_runs.get_dag_runs(
        "~",
        limit=5,
        offset=0,
        execution_date_gte=dt.datetime(2024, 1, 2, 3, 4, 5),  # naive: sent as UTC
        start_date_lte=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        state=["queued", DagState.RUNNING],
        order_by="-start_date",
    )
    request = server.requests[0]
    assert request.path == "/api/v1/dags/~/dagRuns"
    assert request.query == [
        ("limit", "5"),
        ("offset", "0"),
        ("execution_date_gte", "2024-01-02T03:04:05+00:00"),
        ("start_date_lte", "2024-01-02T03:04:05+02:00"),
        ("state", "queued"),
        ("state", "running"),
        ("order_by", "-start_date"),
    ]
    assert request.body == b""
    assert "Content-Type" not in request.headers


def test_body_leaves_out_read_only_fields_and_sends_naive_datetimes_as_utc(
    server: RecordingServer, dag_runs: DAGRunApi
) -> None:
    server.reply(Reply(json=RUN))
    run = DAGRun(
        dag_run_id="r",
        dag_id="read-only",
        start_date=dt.datetime(2020, 1, 1),
        logical_date=dt.datetime(2024, 1, 1, 12),
        conf={"k": [1, "v"]},
        note=None,
    )
    dag_runs.post_dag_run("d", run)
    request = server.requests[0]
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert request.json() == {
        "dag_run_id": "r",
        "logical_date": "2024-01-01T12:00:00+00:00",
        "conf": {"k": [1, "v"]},
        "note": None,
    }


def test_batch_list_sends_the_form(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={"dag_runs": [RUN], "total_entries": 1}))
    page = dag_runs.get_dag_runs_batch(ListDagRunsForm(dag_ids=["a", "b"], page_limit=2, states=["success"]))
    assert server.requests[0].raw_path == "/api/v1/dags/~/dagRuns/list"
    assert server.requests[0].json() == {"dag_ids": ["a", "b"], "page_limit": 2, "states": ["success"]}
    assert page.total_entries == 1 and page.dag_runs is not None and page.dag_runs[0].dag_id == "d"


def test_standard_headers(server: RecordingServer, client: ApiClient, dag_runs: DAGRunApi) -> None:
    client.set_default_header("X-Trace", "abc")
    dag_runs.get_dag_run("d", "r")
    headers = server.requests[0].headers
    assert headers["Accept"] == "application/json"
    assert headers["User-Agent"] == f"airflow-python-sdk/{sdk.__version__}"
    assert headers["X-Trace"] == "abc"


# --- authentication ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"username": "u", "password": "p:w"}, {"Authorization": "Basic " + base64.b64encode(b"u:p:w").decode()}),
        ({"access_token": "tok"}, {"Authorization": "Bearer tok"}),
        ({"access_token": "tok", "username": "u", "password": "p"}, {"Authorization": "Bearer tok"}),
        (
            {"api_key": {"X-Api-Key": "k1", "X-Gateway": "k2"}, "api_key_prefix": {"X-Gateway": "Token"}},
            {"X-Api-Key": "k1", "X-Gateway": "Token k2"},
        ),
    ],
)
def test_every_configured_credential_is_sent(server: RecordingServer, options: dict, expected: dict) -> None:
    with ApiClient(Configuration(host=server.url + "/api/v1", **options)) as api_client:
        DAGRunApi(api_client).get_dag_run("d", "r")
    headers = server.requests[0].headers
    assert {k: headers.get(k) for k in expected} == expected


def test_no_credentials_no_authorization_header(server: RecordingServer) -> None:
    with ApiClient(Configuration(host=server.url + "/api/v1")) as api_client:
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert "Authorization" not in server.requests[0].headers


# --- responses ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, sdk.BadRequestException),
        (401, sdk.UnauthorizedException),
        (403, sdk.ForbiddenException),
        (404, sdk.NotFoundException),
        (409, sdk.ConflictException),
        (422, sdk.BadRequestException),
        (418, sdk.ApiException),
        (500, sdk.ServiceException),
        (503, sdk.ServiceException),
    ],
)
def test_each_status_raises_its_exception(
    server: RecordingServer, dag_runs: DAGRunApi, status: int, exception: type
) -> None:
    problem = {"type": "https://x/problem", "title": "Nope", "status": status, "detail": "because"}
    server.reply(Reply(status=status, json=problem))
    with pytest.raises(exception) as caught:
        dag_runs.get_dag_run("d", "r")
    error = caught.value
    assert type(error) is exception
    assert (error.status, error.title, error.detail, error.type) == (status, "Nope", "because", "https://x/problem")
    assert "because" in str(error)


def test_an_error_body_that_is_not_json_is_kept(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    page = "<html><body>502 Bad Gateway</body></html>"
    server.reply(Reply(status=502, body=page, headers={"Content-Type": "text/html"}))
    with pytest.raises(sdk.ServiceException) as caught:
        dag_runs.get_dag_run("d", "r")
    assert caught.value.body == page and caught.value.title is None


def test_invalid_json_in_a_success_answer_is_an_api_exception(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(body='{"dag_id": "d", '))
    with pytest.raises(sdk.ApiException) as caught:
        dag_runs.get_dag_run("d", "r")
    assert caught.value.status == 200 and caught.value.body == '{"dag_id": "d", '


def test_delete_returns_none(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(status=204))
    assert dag_runs.delete_dag_run("d", "r") is None
    assert server.requests[0].method == "DELETE" and "Content-Type" not in server.requests[0].headers


def test_lenient_reading_of_off_spec_runs(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    runs = [
        {**RUN, "state": "restarting", "run_type": "asset_triggered", "conf": None, "brand_new": {"x": 1}},
        {"dag_run_id": "z", "start_date": "2024-05-01T10:00:00Z", "end_date": None},
        {},
    ]
    server.reply(Reply(json={"dag_runs": runs, "total_entries": 3, "extra_key": True}))
    page = dag_runs.get_dag_runs("d")
    assert isinstance(page, DAGRunCollection) and page.dag_runs is not None
    first, second, empty = page.dag_runs
    assert first.state == "restarting" and isinstance(first.state, DagState) and not first.state.known
    assert first.run_type == "asset_triggered" and first.conf is None and first["brand_new"] == {"x": 1}
    assert second.start_date == dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone.utc)
    assert first.start_date == second.start_date
    assert second.end_date is None and second.get("state") is None and empty.to_dict() == {}
    with pytest.raises(sdk.FieldNotInAnswerError, match=r"DAGRun\.dag_run_id is not in this answer"):
        _ = empty.dag_run_id  # always sent, so its type has no None: absent anyway, reading it says so
    assert page["extra_key"] is True and page.to_dict()["extra_key"] is True


def test_an_answer_is_read_once_into_plain_attributes(server: RecordingServer) -> None:
    """Every value converted as the answer is read, kept where Python finds an attribute first: a second read
    is a plain attribute's, and gives the same object (the same list of DAG versions, not a new one)."""
    version = {"id": "0195a0b1-0000-7000-8000-000000000001", "version_number": 2, "created_at": "2024-05-01T10:00:00Z"}
    server.reply(
        Reply(json={**RUN, "state": "success", "queued_at": "2024-05-01T09:00:00Z", "dag_versions": [version]})
    )
    with ApiClient(Configuration(host=server.url + "/api/v2", access_token="t", retries=0)) as client:
        run = DAGRunApi(client).get_dag_run("d", "r")
    values = vars(run)  # what an attribute lookup finds before any class attribute without __set__
    assert not hasattr(type(run).__dict__["state"], "__set__")
    assert values["state"] is DagState.SUCCESS and values["queued_at"] == dt.datetime(
        2024, 5, 1, 9, tzinfo=dt.timezone.utc
    )
    assert values["dag_versions"] is run.dag_versions is run.dag_versions
    (read,) = run.dag_versions
    assert vars(read)["id"] == uuid.UUID(version["id"]) and read.created_at.tzinfo is not None
    run.note = "checked"  # writes are still checked
    with pytest.raises(sdk.ApiTypeError):
        run.note = 5  # type: ignore[assignment]
    assert run.note == "checked" and run.to_dict()["note"] == "checked"


def test_a_field_read_under_its_other_key_leaves_no_unknown_key() -> None:
    """Airflow 3 names a task instance's ``execution_date`` ``logical_date`` (the field's fallback key)."""
    from airflow_python_sdk.models import TaskInstance

    ti = TaskInstance._from_server({"task_id": "t", "logical_date": "2024-05-01T10:00:00Z", "state": "success"})
    assert ti.execution_date == dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone.utc) and ti._extra_keys() == []
    assert ti["logical_date"] == ti.execution_date and TaskInstance.from_json(ti.to_json()) == ti


def test_an_unreadable_value_names_the_field_and_value(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={**RUN, "end_date": "not-a-date"}))
    run = dag_runs.get_dag_run("d", "r")
    assert run.dag_id == "d"  # the rest of the run is readable
    with pytest.raises(sdk.ApiValueError, match=r"DAGRun\.end_date: cannot read 'not-a-date' as datetime"):
        _ = run.end_date


def test_check_return_type_reads_every_field_at_once(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={"dag_runs": [RUN, {**RUN, "end_date": "not-a-date"}], "total_entries": 2}))
    with pytest.raises(sdk.ApiValueError, match="not-a-date"):
        dag_runs.get_dag_runs("d", _check_return_type=True)


def test_clear_returns_the_model_the_answer_holds(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    from airflow_python_sdk.models import ClearDagRun

    server.reply(
        Reply(json={"task_instances": [{"task_id": "t", "state": None}], "total_entries": 1}),
        Reply(json=RUN),
    )
    planned = dag_runs.clear_dag_run("d", "r", ClearDagRun(dry_run=True))
    cleared = dag_runs.clear_dag_run("d", "r", ClearDagRun(dry_run=False))
    assert isinstance(planned, TaskInstanceCollection) and planned.task_instances is not None
    assert planned.task_instances[0].task_id == "t"
    assert isinstance(cleared, DAGRun) and cleared.dag_run_id == "r"
    assert [r.json() for r in server.requests] == [{"dry_run": True}, {"dry_run": False}]


# --- call options -------------------------------------------------------------------------------------


def test_async_req_returns_a_result_to_wait_for(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json=RUN))
    pending = dag_runs.get_dag_run("d", "r", async_req=True)
    run = pending.get(timeout=10)  # type: ignore[attr-defined]
    assert isinstance(run, DAGRun) and run.dag_run_id == "r"


def test_return_http_data_only_false_gives_status_and_headers(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json=RUN, headers={"X-Seen": "yes"}))
    data, status, headers = dag_runs.get_dag_run("d", "r", _return_http_data_only=False)
    assert isinstance(data, DAGRun) and status == 200 and headers["X-Seen"] == "yes"


def test_preload_content_false_gives_the_raw_response(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json=RUN))
    raw = dag_runs.get_dag_run("d", "r", _preload_content=False)
    assert raw.status == 200 and raw.json() == RUN  # type: ignore[attr-defined]


def test_request_timeout_bounds_a_hung_server(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(action="hang"))
    started = time.monotonic()
    with pytest.raises(sdk.ApiTimeoutError):
        dag_runs.get_dag_run("d", "r", _request_timeout=0.5)
    assert time.monotonic() - started < 3


def test_check_input_type_false_sends_what_it_is_given(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    dag_runs.get_dag_runs("d", limit="7", _check_input_type=False)  # type: ignore[arg-type]
    assert server.requests[0].query == [("limit", "7")]


def test_a_refused_connection_is_an_sdk_exception() -> None:
    with RecordingServer() as gone:
        url = gone.url
    with (
        ApiClient(Configuration(host=url + "/api/v1", retries=0)) as api_client,
        pytest.raises(sdk.ApiConnectionError, match=r"[Cc]onnection refused") as caught,
    ):
        DAGRunApi(api_client).get_dag_run("d", "r")
    assert type(caught.value) is sdk.ApiConnectionError  # not a timeout


# --- bad input sends nothing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda api: api.get_dag_run("d", ""), sdk.ApiValueError, "parameter 'dag_run_id' must not be empty"),
        (lambda api: api.get_dag_run(None, "r"), sdk.ApiValueError, "missing required parameter 'dag_id'"),
        (lambda api: api.get_dag_runs("d", limit="5"), sdk.ApiTypeError, r"expected int, got str '5'.*'limit'"),
        (lambda api: api.get_dag_runs("d", limit=True), sdk.ApiTypeError, "'limit'"),
        (lambda api: api.get_dag_runs("d", state="queued"), sdk.ApiTypeError, "'state'"),
        (lambda api: api.get_dag_runs("d", execution_date_gte="2024"), sdk.ApiTypeError, "expected datetime"),
        (
            lambda api: api.get_dag_runs("d", limt=5),
            sdk.ApiTypeError,
            r"argument\(s\) 'limt' \(did you mean 'limit'\?\) at ",
        ),
        (lambda api: api.get_dag_runs("d", zzq=5), sdk.ApiTypeError, "'zzq'; it takes dag_id, limit, offset, "),
        (lambda api: api.get_dag_run("d", "r", _request_timout=1), sdk.ApiTypeError, "did you mean '_request_timeout'"),
        (lambda api: api.get_dag_run(["d"], "r"), sdk.ApiTypeError, r"expected str, int.*'dag_id'"),
        (lambda api: api.post_dag_run("d", {"dag_run_id": "r"}), sdk.ApiTypeError, "expected DAGRun"),
        (lambda api: api.post_dag_run("d", DAGRun(conf={"s": {1, 2}})), sdk.ApiTypeError, "set.*cannot be sent"),
        (
            lambda api: api.post_dag_run("d", DAGRun(conf={"x": float("nan")})),
            sdk.ApiValueError,
            r"nan cannot be sent as JSON.*'conf'\]\['x'\]",
        ),
        (
            lambda api: api.update_dag_run("d", "r", DAGRun(note="n"), ["note", "conf"]),
            sdk.ApiValueError,
            "'conf', which cannot be modified",
        ),
        (lambda api: api.update_dag_run("d", "r", DAGRun(conf={})), sdk.ApiValueError, "none of the modifiable"),
        (lambda api: api.update_dag_run("d", "r", "state"), sdk.ApiTypeError, "expected DAGRun"),
        (  # Airflow 2.11 answers an empty state update with a 500 page
            lambda api: api.update_dag_run_state("d", "r", UpdateDagRunState()),
            sdk.ApiValueError,
            r"update_dag_run_state\(\): update_dag_run_state must set state at \['update_dag_run_state'\]",
        ),
    ],
)
def test_bad_input_raises_and_sends_nothing(
    server: RecordingServer, dag_runs: DAGRunApi, call: object, error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        call(dag_runs)  # type: ignore[operator]
    assert server.requests == []


def test_models_refuse_wrong_types_and_unknown_fields() -> None:
    with pytest.raises(sdk.ApiTypeError, match="expected DagState"):
        DAGRun(state=3)  # type: ignore[arg-type]
    with pytest.raises(sdk.ApiTypeError, match="has no field 'dag'"):
        DAGRun(dag="x")  # type: ignore[call-arg]
    with pytest.raises(sdk.ApiTypeError, match="expected str"):
        SetDagRunNote(note=5)  # type: ignore[arg-type]


# --- the composite update ----------------------------------------------------------------------------------


def test_update_dag_run_applies_state_then_note(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={**RUN, "state": "failed"}), Reply(json={**RUN, "state": "failed", "note": "why"}))
    seed_style = DAGRun(dag_id="d", run_id="r", state=TaskState("failed"), note="why", external_trigger=True)
    result = dag_runs.update_dag_run("d", "r", seed_style)
    assert [(r.method, r.path, r.json()) for r in server.requests] == [
        ("PATCH", "/api/v1/dags/d/dagRuns/r", {"state": "failed"}),
        ("PATCH", "/api/v1/dags/d/dagRuns/r/setNote", {"note": "why"}),
    ]
    assert result.note == "why" and result.state is DagState.FAILED


def test_update_dag_run_mask_limits_what_is_sent(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(Reply(json={**RUN, "note": "only"}))
    dag_runs.update_dag_run("d", "r", DAGRun(state=DagState.SUCCESS, note="only"), update_mask=["note"])
    assert [(r.path, r.json()) for r in server.requests] == [("/api/v1/dags/d/dagRuns/r/setNote", {"note": "only"})]


def test_update_dag_run_state_accepts_strings_and_either_enum(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    for state in ("success", DagState.SUCCESS, TaskState.SUCCESS):
        server.reply(Reply(json=RUN))
        dag_runs.update_dag_run_state("d", "r", UpdateDagRunState(state=state))
    assert [r.json() for r in server.requests] == [{"state": "success"}] * 3


def test_an_answer_of_another_shape_is_an_error_at_the_call(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    page = {"dag_runs": [{"dag_id": "d", "dag_run_id": "r"}], "total_entries": 1}
    server.reply(Reply(json=page), Reply(json=[{"dag_id": "d"}]), Reply(json={"key": "k", "value": "v"}))
    for what in ("an object of dag_runs, total_entries", "a JSON list", "an object of key, value"):
        with pytest.raises(sdk.ApiException, match=f"get_dag_run\\(\\): the answer is {what}, not a DAGRun"):
            dag_runs.get_dag_run("d", "r")
    server.reply(Reply(json={}), Reply(json={"Triggered DAG": "/dags/x/grid"}))
    assert dag_runs.get_dag_run("d", "r").to_dict() == {}  # an empty object is read leniently
    links = TaskInstanceApi(dag_runs.api_client).get_extra_links("d", "r", "t")  # a model reading its own shape
    assert [(link.name, link.href) for link in links.extra_links] == [("Triggered DAG", "/dags/x/grid")]
