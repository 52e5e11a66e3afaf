"""DAGApi, XComApi, EventLogApi and ImportErrorApi against a real Airflow 2.11.2 (DAGs: test/dags/sdk_dag_*.py).

The DAG-source, task-state, bulk-pause and delete tests take ``any_client`` and so run against
Airflow 3.3.2 as well.

Real data comes from real Airflow code: XComs and task event logs from ``airflow tasks run --raw`` on a
PythonOperator, import errors from the DAG processor's own ``DagFileProcessor.process_file`` run on a
broken file (``airflow dags reserialize`` parses files but records no import errors, and the standalone
``airflow dag-processor`` refuses SQLite).
"""

from __future__ import annotations

import datetime as dt
import getpass
import pathlib
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.event_log_api import EventLogApi
from airflow_python_sdk.api.import_error_api import ImportErrorApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.x_com_api import XComApi
from airflow_python_sdk.model.import_error import ImportError as ImportErrorModel
from airflow_python_sdk.models import (
    DAG,
    ClearTaskInstances,
    Color,
    DAGCollection,
    DAGDetail,
    DAGRun,
    EventLog,
    EventLogCollection,
    ImportErrorCollection,
    ScheduleInterval,
    Tag,
    Task,
    TaskCollection,
    TaskInstanceReference,
    TaskInstanceReferenceCollection,
    TimeDelta,
    Timezone,
    TriggerRule,
    UpdateTaskInstancesState,
    UpdateTaskState,
    WeightRule,
    XCom,
    XComCollection,
    XComCollectionItem,
)

from airflow_server import AirflowServer, ensure_airflow

pytestmark = pytest.mark.live
UTC = dt.timezone.utc
DAGS_DIR = pathlib.Path(__file__).resolve().parent / "dags"
MAIN = "sdk_dag_main"
MINE = ["sdk_dag_cron", "sdk_dag_delete_me", "sdk_dag_delta", "sdk_dag_main", "sdk_dag_patch_a", "sdk_dag_patch_b"]


def _aware(value: dt.datetime | None) -> bool:
    return value is not None and value.utcoffset() is not None


@pytest.fixture
def dags(live_client: ApiClient) -> DAGApi:
    return DAGApi(live_client)


@pytest.fixture
def event_logs(live_client: ApiClient) -> EventLogApi:
    return EventLogApi(live_client)


@pytest.fixture
def xcoms(live_client: ApiClient) -> XComApi:
    return XComApi(live_client)


@pytest.fixture
def import_errors(live_client: ApiClient) -> ImportErrorApi:
    return ImportErrorApi(live_client)


@pytest.fixture
def unique() -> Callable[[], str]:
    return lambda: f"sdk_dag_{uuid.uuid4().hex[:10]}"


@dataclass
class PushedRun:
    """A run of sdk_dag_main whose task ``push`` really ran, and the time window around it."""

    run_id: str
    logical_date: dt.datetime
    started: dt.datetime
    finished: dt.datetime


@pytest.fixture(scope="module")
def pushed(airflow: AirflowServer) -> Iterator[PushedRun]:
    """Trigger a run, run its PythonOperator with ``airflow tasks run --raw``, delete the run afterwards."""
    with ApiClient(Configuration(host=airflow.api_url, username="admin", password="admin")) as client:
        runs = DAGRunApi(client)
        run_id = f"sdk_dag_pushed_{uuid.uuid4().hex[:10]}"
        started = dt.datetime.now(UTC)
        run = runs.post_dag_run(MAIN, DAGRun(dag_run_id=run_id))
        airflow.airflow("tasks", "run", MAIN, "push", run_id, "--raw")
        finished = dt.datetime.now(UTC)
        assert run.logical_date is not None
        yield PushedRun(run_id, run.logical_date, started, finished)
        runs.delete_dag_run(MAIN, run_id)


# --- DAGs ------------------------------------------------------------------------------------------


def test_list_dags_filters_order_and_paging(dags: DAGApi) -> None:
    page = dags.get_dags(tags=["sdk_dag"], order_by="dag_id")
    assert isinstance(page, DAGCollection) and page.dags is not None
    assert [d.dag_id for d in page.dags] == MINE and page.total_entries == len(MINE)
    main = page.dags[MINE.index(MAIN)]
    assert isinstance(main, DAG) and main.is_active is True and main.is_paused is False
    assert sorted(t.name or "" for t in main.tags or []) == ["sdk_dag", "sdk_dag_main"]
    assert all(isinstance(t, Tag) for t in main.tags or [])
    assert _aware(main.last_parsed_time) and main.fileloc == str(DAGS_DIR / "sdk_dag_dags.py")

    backwards = dags.get_dags(tags=["sdk_dag"], order_by="-dag_id")
    assert [d.dag_id for d in backwards.dags or []] == MINE[::-1]
    middle = dags.get_dags(tags=["sdk_dag"], order_by="dag_id", limit=2, offset=1)
    assert [d.dag_id for d in middle.dags or []] == MINE[1:3] and middle.total_entries == len(MINE)

    by_pattern = dags.get_dags(dag_id_pattern="sdk_dag_patch", order_by="dag_id")
    assert [d.dag_id for d in by_pattern.dags or []] == ["sdk_dag_patch_a", "sdk_dag_patch_b"]
    any_tag = dags.get_dags(tags=["sdk_dag_main", "sdk_dag_patch"], order_by="dag_id")  # any of the tags
    assert [d.dag_id for d in any_tag.dags or []] == [MAIN, "sdk_dag_patch_a", "sdk_dag_patch_b"]
    paused = dags.get_dags(tags=["sdk_dag"], paused=True, only_active=False, order_by="dag_id")
    assert [d.dag_id for d in paused.dags or []] == ["sdk_dag_cron", "sdk_dag_delta"]  # paused upon creation

    slim = dags.get_dags(dag_id_pattern=MAIN, fields=["dag_id", "is_paused"])
    assert [d.to_dict() for d in slim.dags or []] == [{"dag_id": MAIN, "is_paused": False}]


def test_schedules_read_as_schedule_intervals(dags: DAGApi) -> None:
    cron = dags.get_dag("sdk_dag_cron").schedule_interval
    assert isinstance(cron, ScheduleInterval) and (cron.type_, cron.value, cron.days) == (
        "CronExpression",
        "0 6 * * *",
        None,
    )
    assert cron["__type"] == "CronExpression" and cron.to_dict() == {"__type": "CronExpression", "value": "0 6 * * *"}
    delta = dags.get_dag("sdk_dag_delta")
    assert delta.schedule_interval is not None
    assert (delta.schedule_interval.type_, delta.schedule_interval.days, delta.schedule_interval.seconds) == (
        "TimeDelta",
        0,
        6 * 3600,
    )
    assert _aware(delta.next_dagrun) and _aware(delta.next_dagrun_create_after)
    main = dags.get_dag(MAIN)
    assert main.schedule_interval is None and main.timetable_description == "Never, external triggers only"
    assert main.next_dagrun is None


def test_get_dag_and_its_details(dags: DAGApi) -> None:
    dag = dags.get_dag(MAIN)
    assert (dag.dag_id, dag.description, dag.owners) == (MAIN, "DAG of the sdk_dag tests", ["sdk_dag_owner"])
    assert (dag.max_active_runs, dag.max_active_tasks, dag.has_import_errors, dag.is_subdag) == (2, 4, False, False)
    assert dags.get_dag(MAIN, fields=["dag_id", "max_active_runs"]).to_dict() == {"dag_id": MAIN, "max_active_runs": 2}

    detail = dags.get_dag_details(MAIN)
    assert isinstance(detail, DAGDetail) and isinstance(detail, DAG) and detail.dag_id == MAIN
    assert (
        isinstance(detail.timezone, Timezone)
        and detail.timezone == "UTC"
        and detail.catchup is False
        and detail.orientation == "LR"
    )
    assert detail.concurrency == 4 and detail.max_active_tasks == 4
    assert detail.start_date == dt.datetime(2024, 1, 1, tzinfo=UTC) and _aware(detail.start_date)
    assert detail.end_date is None and _aware(detail.last_parsed)
    assert isinstance(detail.dag_run_timeout, TimeDelta)
    assert (detail.dag_run_timeout.days, detail.dag_run_timeout.seconds, detail.dag_run_timeout.type_) == (
        0,
        3605,
        "TimeDelta",
    )
    assert detail.doc_md == "# sdk_dag_main\nRead back by the tests." and detail.params is not None
    assert detail.params["rows"]["value"] == 3 and detail.render_template_as_native_obj is False
    assert detail.is_paused_upon_creation is None
    assert dags.get_dag_details("sdk_dag_cron").is_paused_upon_creation is True

    slim = dags.get_dag_details(MAIN, fields=["dag_id", "timezone"])
    assert slim.to_dict() == {"dag_id": MAIN, "timezone": "UTC"} and slim.get("catchup") is None
    with pytest.raises(sdk.FieldNotInAnswerError, match=r"DAGDetail\.catchup is not in this answer"):
        _ = slim.catchup  # always sent, left out by fields=: reading it says so, never a None behind a bool

    with pytest.raises(sdk.NotFoundException) as missing:
        dags.get_dag("sdk_dag_no_such_dag")
    assert missing.value.status == 404 and missing.value.title == "DAG not found"


def test_tasks(dags: DAGApi) -> None:
    tasks = dags.get_tasks(MAIN)
    assert isinstance(tasks, TaskCollection) and [t.task_id for t in tasks.tasks or []] == ["done", "push", "wait"]
    assert [t.task_id for t in dags.get_tasks(MAIN, order_by="-task_id").tasks or []] == ["wait", "push", "done"]

    wait = dags.get_task(MAIN, "wait")
    assert isinstance(wait, Task) and wait.class_ref is not None
    assert (wait.class_ref.module_path, wait.class_ref.class_name) == ("airflow.operators.empty", "EmptyOperator")
    assert wait.trigger_rule is TriggerRule.ALL_DONE and wait.weight_rule is WeightRule.UPSTREAM
    assert (wait.priority_weight, wait.retries, wait.owner) == (7, 2, "sdk_dag_owner")
    assert wait.execution_timeout is not None and wait.execution_timeout.seconds == 600
    assert wait.retry_delay is not None and (wait.retry_delay.days, wait.retry_delay.seconds) == (0, 300)
    assert wait.downstream_task_ids == ["done"] and wait.is_mapped is False and wait.depends_on_past is False
    assert wait.start_date == dt.datetime(2024, 1, 1, tzinfo=UTC) and wait.end_date is None
    assert isinstance(wait.ui_color, Color) and wait.ui_color == "#e8f7e4"
    assert wait.ui_fgcolor == "#000" and wait.pool == "default_pool" and wait.pool_slots == 1

    push = dags.get_task(MAIN, "push")
    assert push.class_ref is not None and push.class_ref.class_name == "PythonOperator"
    assert push.doc_md == "Pushes three XComs." and push.trigger_rule is TriggerRule.ALL_SUCCESS
    assert push.weight_rule is WeightRule.DOWNSTREAM and push.downstream_task_ids == ["wait"]
    assert push.template_fields is not None and "op_kwargs" in push.template_fields

    with pytest.raises(sdk.NotFoundException):
        dags.get_task(MAIN, "no_such_task")


def test_dag_source_and_reparse(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    dags = DAGApi(any_client)
    token = dags.get_dag(MAIN).file_token
    assert token
    source = dags.get_dag_source(token)  # on Airflow 3 found by the id of a DAG in the token's file
    assert isinstance(source, str) and source == (DAGS_DIR / "sdk_dag_dags.py").read_text()
    as_json: Any = dags.get_dag_source(token, _headers={"Accept": "application/json"})
    assert as_json["content"] == source  # the JSON form comes back as the dict the server sent
    with pytest.raises(sdk.NotFoundException):
        dags.get_dag_source("not-a-token")

    data, status, _ = dags.reparse_dag_file(token, _return_http_data_only=False)
    assert (data, status) == (None, 201)
    with pytest.raises(sdk.NotFoundException) as missing:
        dags.reparse_dag_file("not-a-token")
    assert missing.value.status == 404


def test_patch_dag_writes_only_is_paused_and_an_event_log(dags: DAGApi, event_logs: EventLogApi) -> None:
    name = "sdk_dag_patch_a"
    before = dt.datetime.now(UTC)
    dag = dags.get_dag(name)  # a model read from the server: its read-only fields are not sent back
    dag.is_paused = True
    try:
        patched = dags.patch_dag(name, dag, update_mask=["is_paused"])
        assert (patched.dag_id, patched.is_paused) == (name, True)
        assert dags.get_dag(name).is_paused is True
        assert dags.patch_dag(name, DAG(is_paused=False)).is_paused is False
    finally:
        dags.patch_dag(name, DAG(is_paused=False))

    logged = event_logs.get_event_logs(dag_id=name, event="api.patch_dag", after=before, order_by="event_log_id")
    assert isinstance(logged, EventLogCollection) and logged.total_entries == 3
    first = (logged.event_logs or [])[0]
    assert isinstance(first, EventLog) and (first.owner, first.dag_id, first.event) == ("admin", name, "api.patch_dag")
    assert _aware(first.when) and first.when is not None and first.when >= before
    assert first.extra is not None and "is_paused" in first.extra


def test_patch_dags_by_pattern_with_paging(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    dags = DAGApi(any_client)
    pattern = "sdk_dag_patch"
    try:
        paused = dags.patch_dags(pattern, DAG(is_paused=True), update_mask=["is_paused"])
        assert [(d.dag_id, d.is_paused) for d in paused.dags or []] == [
            ("sdk_dag_patch_a", True),
            ("sdk_dag_patch_b", True),
        ]
        assert paused.total_entries == 2
        only_b = dags.patch_dags(pattern, DAG(is_paused=False), limit=1, offset=1, tags=["sdk_dag_patch"])
        assert [d.dag_id for d in only_b.dags or []] == ["sdk_dag_patch_b"] and only_b.total_entries == 2
        # Airflow 2 pages what it changes; Airflow 3 changes every match and pages only its answer
        still_paused = dags.get_dags(dag_id_pattern=pattern, paused=True)
        expected = ["sdk_dag_patch_a"] if any_airflow.api_version == "v1" else []
        assert [d.dag_id for d in still_paused.dags or []] == expected
        active = {"only_active": True} if any_airflow.api_version == "v1" else {}  # Airflow 3 has no such filter
        none_active = dags.patch_dags("sdk_dag_no_such_", DAG(is_paused=True), **active)
        assert none_active.dags == [] and none_active.total_entries == 0
    finally:
        dags.patch_dags(pattern, DAG(is_paused=False), update_mask=["is_paused"])
    assert [d.is_paused for d in dags.get_dags(dag_id_pattern=pattern).dags or []] == [False, False]


def test_set_state_then_clear_task_instances(
    any_client: ApiClient, any_dag_runs: DAGRunApi, any_airflow: AirflowServer, unique: Callable[[], str]
) -> None:
    dags = DAGApi(any_client)
    run_id = unique()
    run = any_dag_runs.post_dag_run(MAIN, DAGRun(dag_run_id=run_id, logical_date=dt.datetime.now(UTC)))

    def change(
        task_id: str,
        new_state: UpdateTaskState,
        dry_run: bool = False,
        dag_run_id: str | None = None,
        execution_date: dt.datetime | None = None,
        include_downstream: bool = False,
    ) -> UpdateTaskInstancesState:
        """The body with every include_* flag given: Airflow 2.11 answers 400 when one is missing."""
        body = UpdateTaskInstancesState(
            dry_run=dry_run, task_id=task_id, new_state=new_state, include_upstream=False,
            include_downstream=include_downstream, include_future=False, include_past=False,
        )  # fmt: skip
        if dag_run_id is not None:  # a field set to None is sent as null, which the server refuses here
            body.dag_run_id = dag_run_id
        if execution_date is not None:
            body.execution_date = execution_date
        return body

    def states() -> dict[str, str | None]:
        listed = TaskInstanceApi(dags.api_client).get_task_instances(MAIN, run_id)
        return {ti.task_id or "": ti.state for ti in listed.task_instances or []}

    try:
        planned = dags.post_set_task_instances_state(
            MAIN, change("push", UpdateTaskState.FAILED, dry_run=True, dag_run_id=run_id, include_downstream=True)
        )
        assert isinstance(planned, TaskInstanceReferenceCollection)
        assert sorted(r.task_id or "" for r in planned.task_instances or []) == ["done", "push", "wait"]
        ref = (planned.task_instances or [])[0]
        assert isinstance(ref, TaskInstanceReference) and (ref.dag_id, ref.dag_run_id) == (MAIN, run_id)
        assert ref.execution_date == run.logical_date and _aware(ref.execution_date)
        assert states() == {"done": None, "push": None, "wait": None}  # a dry run changes nothing

        failed = dags.post_set_task_instances_state(MAIN, change("push", UpdateTaskState("failed"), dag_run_id=run_id))
        assert [r.task_id for r in failed.task_instances or []] == ["push"]
        by_date = dags.post_set_task_instances_state(
            MAIN, change("wait", UpdateTaskState.SKIPPED, execution_date=run.logical_date)
        )
        assert [(r.task_id, r.dag_run_id) for r in by_date.task_instances or []] == [("wait", run_id)]
        assert states() == {"done": None, "push": "failed", "wait": "skipped"}

        only_failed = dags.post_clear_task_instances(MAIN, ClearTaskInstances(dry_run=True, dag_run_id=run_id))
        assert [r.task_id for r in only_failed.task_instances or []] == ["push"]  # only_failed is the default
        downstream = dags.post_clear_task_instances(
            MAIN,
            ClearTaskInstances(
                dry_run=True, dag_run_id=run_id, only_failed=False, task_ids=["wait"], include_downstream=True
            ),
        )
        assert sorted(r.task_id or "" for r in downstream.task_instances or []) == ["done", "wait"]
        assert states()["push"] == "failed"

        cleared = dags.post_clear_task_instances(MAIN, ClearTaskInstances(dry_run=False, dag_run_id=run_id))
        assert [(r.task_id, r.dag_run_id) for r in cleared.task_instances or []] == [("push", run_id)]
        assert states() == {"done": None, "push": None, "wait": "skipped"}

        short = UpdateTaskInstancesState(task_id="push", dag_run_id=run_id, new_state=UpdateTaskState.SUCCESS)
        # Airflow 2 wants every include_* flag, Airflow 3 takes them as false: the SDK sends false when unset
        assert [r.task_id for r in dags.post_set_task_instances_state(MAIN, short).task_instances or []] == ["push"]
        if any_airflow.api_version == "v2":
            with pytest.raises(sdk.ApiValueError, match="include_subdags"):  # no subDAGs there: nothing sent
                dags.post_clear_task_instances(MAIN, ClearTaskInstances(dag_run_id=run_id, include_subdags=True))
        with pytest.raises(sdk.NotFoundException):
            dags.post_clear_task_instances("sdk_dag_no_such_dag", ClearTaskInstances(dry_run=True))
    finally:
        any_dag_runs.delete_dag_run(MAIN, run_id)


def test_delete_dag_then_it_comes_back_from_its_file(
    any_airflow: AirflowServer, any_client: ApiClient, any_dag_runs: DAGRunApi, unique: Callable[[], str]
) -> None:
    airflow, dags, live_dag_runs = any_airflow, DAGApi(any_client), any_dag_runs
    name = "sdk_dag_delete_me"
    try:
        dags.get_dag(name)
    except sdk.NotFoundException:
        airflow.airflow("dags", "reserialize")  # deleted by an earlier run in this session
    run_id = unique()
    live_dag_runs.post_dag_run(name, DAGRun(dag_run_id=run_id))
    try:
        assert dags.delete_dag(name) is None
        with pytest.raises(sdk.NotFoundException):
            dags.get_dag(name)
        with pytest.raises(sdk.NotFoundException):
            live_dag_runs.get_dag_run(name, run_id)  # its runs went with it
        with pytest.raises(sdk.NotFoundException):
            dags.delete_dag(name)
        assert MAIN in [d.dag_id for d in dags.get_dags(tags=["sdk_dag"]).dags or []]  # the others stay
    finally:
        airflow.airflow("dags", "reserialize")  # the file still defines it: parsing brings it back
    back = dags.get_dag(name)
    assert back.is_paused is False
    assert back.is_active is (True if airflow.api_version == "v1" else None)  # Airflow 3 says is_stale instead
    assert live_dag_runs.get_dag_runs(name).total_entries == 0


def test_permissions(airflow: AirflowServer) -> None:
    with ApiClient(Configuration(host=airflow.api_url, username="viewer", password="viewer")) as viewer:
        assert DAGApi(viewer).get_dag(MAIN).dag_id == MAIN  # a viewer may read
        with pytest.raises(sdk.ForbiddenException) as forbidden:
            DAGApi(viewer).patch_dag(MAIN, DAG(is_paused=True))
        assert forbidden.value.status == 403
    with ApiClient(Configuration(host=airflow.api_url)) as anonymous, pytest.raises(sdk.UnauthorizedException):
        EventLogApi(anonymous).get_event_logs()


# --- XComs ---------------------------------------------------------------------------------------------


def test_xcom_entries_list_filter_and_page(xcoms: XComApi, pushed: PushedRun) -> None:
    listed = xcoms.get_xcom_entries(MAIN, pushed.run_id, "push")
    assert isinstance(listed, XComCollection) and listed.total_entries == 3
    items = listed.xcom_entries or []
    assert [x.key for x in items] == ["dir/file.txt", "note", "return_value"]
    first = items[0]
    assert isinstance(first, XComCollectionItem) and not isinstance(first, XCom) and "value" not in first.to_dict()
    assert (first.dag_id, first.task_id, first.map_index) == (MAIN, "push", -1)
    assert first.execution_date == pushed.logical_date and _aware(first.timestamp)
    assert first.timestamp is not None and pushed.started <= first.timestamp <= pushed.finished

    assert [x.key for x in xcoms.get_xcom_entries(MAIN, pushed.run_id, "push", xcom_key="note").xcom_entries or []] == [
        "note"
    ]
    assert xcoms.get_xcom_entries(MAIN, pushed.run_id, "push", map_index=-1).total_entries == 3
    assert xcoms.get_xcom_entries(MAIN, pushed.run_id, "push", map_index=0).xcom_entries == []
    page = xcoms.get_xcom_entries(MAIN, pushed.run_id, "push", limit=1, offset=1)
    assert [x.key for x in page.xcom_entries or []] == ["note"] and page.total_entries == 3
    anywhere = xcoms.get_xcom_entries("~", pushed.run_id, "~")  # every DAG and task, this run only
    assert sorted(x.key or "" for x in anywhere.xcom_entries or []) == ["dir/file.txt", "note", "return_value"]
    assert xcoms.get_xcom_entries(MAIN, pushed.run_id, "wait").xcom_entries == []


def test_xcom_entry_values(xcoms: XComApi, pushed: PushedRun) -> None:
    text = xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "return_value")
    assert isinstance(text, XCom) and text.value == "{'rows': [1, 2, 3], 'name': 'sdk'}"  # stringified by default
    assert (text.key, text.dag_id, text.task_id, text.map_index) == ("return_value", MAIN, "push", -1)
    native = xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "return_value", stringify=False, map_index=-1)
    assert native.value == {"rows": [1, 2, 3], "name": "sdk"}
    assert xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "note").value == "pushed by sdk_dag_main"
    assert xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "dir/file.txt", stringify=False).value == 42

    with pytest.raises(sdk.BadRequestException) as refused:  # the server's config does not allow it
        xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "note", deserialize=True)
    assert refused.value.detail == "XCom deserialization is disabled in configuration."
    with pytest.raises(sdk.NotFoundException):
        xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "no_such_key")
    with pytest.raises(sdk.NotFoundException):
        xcoms.get_xcom_entry(MAIN, pushed.run_id, "push", "note", map_index=3)


# --- event logs ------------------------------------------------------------------------------------


def test_event_logs_filters_order_and_paging(event_logs: EventLogApi, pushed: PushedRun) -> None:
    def in_window(order_by: str = "event_log_id", **filters: Any) -> EventLogCollection:
        """The entries about sdk_dag_main written while the ``pushed`` fixture ran."""
        return event_logs.get_event_logs(
            dag_id=MAIN, after=pushed.started, before=pushed.finished, order_by=order_by, **filters
        )

    def events(**filters: Any) -> list[str | None]:
        return [e.event for e in in_window(**filters).event_logs or []]

    everything = in_window()
    assert isinstance(everything, EventLogCollection) and everything.total_entries == 3
    posted, cli, success = everything.event_logs or []
    assert [e.event for e in (posted, cli, success)] == ["api.post_dag_run", "cli_task_run", "success"]
    assert (posted.owner, posted.task_id, posted.extra) == ("admin", None, f'{{"dag_run_id": "{pushed.run_id}"}}')
    assert (cli.owner, cli.task_id, cli.run_id) == (getpass.getuser(), "push", None)
    assert cli.extra is not None and pushed.run_id in cli.extra and "--raw" in cli.extra
    assert (success.run_id, success.task_id, success.map_index, success.try_number) == (pushed.run_id, "push", -1, 0)
    assert success.owner == "sdk_dag_owner" and success.execution_date == pushed.logical_date
    assert all(_aware(e.when) for e in (posted, cli, success))

    assert events(run_id=pushed.run_id) == ["success"]
    assert events(run_id=pushed.run_id, map_index=-1) == ["success"]
    assert events(run_id=pushed.run_id, map_index=5) == []
    assert events(run_id=pushed.run_id, try_number=1) == []  # it ran as try 0
    assert events(task_id="push") == ["cli_task_run", "success"]
    assert events(event="cli_task_run") == ["cli_task_run"]
    assert events(owner="admin") == ["api.post_dag_run"]
    assert events(included_events="success,api.post_dag_run") == ["api.post_dag_run", "success"]
    assert events(excluded_events="cli_task_run,success") == ["api.post_dag_run"]
    assert event_logs.get_event_logs(dag_id=MAIN, before=pushed.started, after=pushed.finished).total_entries == 0

    newest_first = in_window(order_by="-event_log_id", limit=1, offset=1)
    assert [e.event for e in newest_first.event_logs or []] == ["cli_task_run"] and newest_first.total_entries == 3

    one = event_logs.get_event_log(success.event_log_id or 0)
    assert isinstance(one, EventLog) and one == success
    with pytest.raises(sdk.NotFoundException) as missing:
        event_logs.get_event_log(2_000_000_000)
    assert missing.value.title == "Event Log not found"


# --- import errors -------------------------------------------------------------------------------------

_PROCESS = """\
import logging, sys
from airflow.dag_processing.processor import DagFileProcessor

processor = DagFileProcessor(dag_ids=None, dag_directory=sys.argv[1], log=logging.getLogger("sdk_dag"))
for path in sys.argv[2:]:
    processor.process_file(file_path=path, callback_requests=[])
"""


def _process_dag_files(airflow: AirflowServer, folder: pathlib.Path, *files: pathlib.Path) -> None:
    """Parse DAG files as the scheduler's DAG processor does, recording (or clearing) their import errors."""
    python = ensure_airflow(airflow.version) / "bin" / "python"
    command = [str(python), "-c", _PROCESS, str(folder), *map(str, files)]
    subprocess.run(command, env=airflow.env, capture_output=True, text=True, timeout=120, check=True)


def test_import_errors_appear_and_clear(
    airflow: AirflowServer, import_errors: ImportErrorApi, tmp_path: pathlib.Path, unique: Callable[[], str]
) -> None:
    names = sorted(f"{unique()}.py" for _ in range(2))
    files = [tmp_path / name for name in names]
    for path in files:
        path.write_text(f'from airflow import DAG\n\nraise RuntimeError("{path.stem} is broken")\n')
    _process_dag_files(airflow, tmp_path, *files)
    paths = [str(path) for path in files]
    mine: dict[str | None, ImportErrorModel] = {}
    try:
        listed = import_errors.get_import_errors(order_by="import_error_id", limit=10_000)
        assert isinstance(listed, ImportErrorCollection) and listed.total_entries == len(listed.import_errors or [])
        mine = {e.filename: e for e in listed.import_errors or [] if e.filename in paths}
        assert sorted(e.filename or "" for e in mine.values()) == paths
        error = mine[str(files[0])]
        assert isinstance(error, ImportErrorModel) and isinstance(error.import_error_id, int)
        assert error.stack_trace is not None and f"RuntimeError: {files[0].stem} is broken" in error.stack_trace
        assert _aware(error.timestamp)
        assert import_errors.get_import_error(error.import_error_id or 0) == error

        ids = [e.import_error_id for e in listed.import_errors or []]
        newest = import_errors.get_import_errors(order_by="-import_error_id", limit=1)
        assert [e.import_error_id for e in newest.import_errors or []] == [max(i or 0 for i in ids)]
        second = import_errors.get_import_errors(order_by="import_error_id", limit=1, offset=1)
        assert [e.import_error_id for e in second.import_errors or []] == ids[1:2]
        by_name = import_errors.get_import_errors(order_by="filename", limit=10_000).import_errors or []
        assert [e.filename for e in by_name] == sorted(e.filename or "" for e in by_name)
    finally:
        for path in files:  # fixed: the file imports and defines no DAG, so the processor clears its error
            path.write_text("# an airflow DAG file that defines no DAG\n")
        _process_dag_files(airflow, tmp_path, *files)
    for found in mine.values():
        with pytest.raises(sdk.NotFoundException):
            import_errors.get_import_error(found.import_error_id or 0)
    left = import_errors.get_import_errors(limit=10_000).import_errors or []
    assert not {e.filename for e in left} & set(paths)
