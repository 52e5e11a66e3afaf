"""DAGApi, DagStatsApi and DagWarningApi on a real Airflow 3.3.2: every filter of ``get_dags`` and ``patch_dags``,
favourites, tags, sources by version, stats and warnings; and every field of every answer read on both servers.

DAGs: test/dags/sdk_h2_dags.py (``sdk_h2_owned``, ``_other``, ``_fed``) and sdk_h2_warned.py.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.dag_warning_api import DagWarningApi
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.models import (
    DAG,
    DAGRun,
    DagRunType,
    DAGSource,
    DagState,
    DAGTagCollection,
    DagVersion,
    DagWarning,
    DagWarningType,
    Tag,
    TimeDelta,
    UpdateDagRunState,
)
from airflow_python_sdk.pagination import paginate

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

pytestmark = pytest.mark.live
UTC = dt.timezone.utc
OWNED, OTHER, FED, WARNED = "sdk_h2_owned", "sdk_h2_other", "sdk_h2_fed", "sdk_h2_warned"
MINE = [FED, OTHER, OWNED, WARNED]


def _client(server: AirflowServer) -> ApiClient:
    return ApiClient(Configuration(host=server.api_url, username="admin", password="admin"))


@pytest.fixture
def dags3(airflow3: AirflowServer) -> Iterator[DAGApi]:
    with _client(airflow3) as client:
        yield DAGApi(client)


def _ids(page: Any) -> list[str]:
    return [d.dag_id for d in page.dags]


def read_everything(answer: Model, v2: bool) -> int:
    """Read every field of ``answer`` and of the models in it; the number of models read.

    Fails on a value a field cannot read, and on a key the server sent that no field names. On
    Airflow 2 the fields only Airflow 3 sends (v2_only) are left out.
    """
    answer._validate()
    assert answer._extra_keys() == [], f"{type(answer).__name__} has no field for {answer._extra_keys()}"
    count = 1
    for field in answer._fields.values():
        if field.v2_only and not v2:
            continue
        value = field.__get__(answer)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Model):
                count += read_everything(item, v2)
    return count


# --- every field of every answer, on both servers ---------------------------------------------------


def test_every_field_of_every_answer_reads(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    v2 = any_airflow.api_version == "v2"
    dags, token = DAGApi(any_client), DAGApi(any_client).get_dag(OWNED).file_token
    assert token
    answers: list[Model] = [
        dags.get_dags(limit=100),
        dags.get_dag(OWNED),
        dags.get_dag_details(OWNED),
        dags.get_dag_details("sdk_dag_main"),  # a run timeout, params, a doc
        dags.get_tasks(OWNED),
        dags.get_tasks("sdk_dag_main"),
        dags.get_task(OWNED, "backoff"),
        DagStatsApi(any_client).get_dag_stats("sdk_dag_main,sdk_h2_owned"),
        DagWarningApi(any_client).get_dag_warnings(),
    ]
    source = dags.get_dag_source(token, _headers={"Accept": "application/json"})
    assert isinstance(source, DAGSource)
    answers.append(source)
    assert sum(read_everything(a, v2) for a in answers) > 100

    task = dags.get_task(OWNED, "backoff")
    # Airflow 3 sends the backoff as a factor (3.0 here), Airflow 2 as a flag: both read, and print
    assert task.retry_exponential_backoff == (3.0 if v2 else True) and "retry_exponential_backoff=" in repr(task)
    assert task.retries == 3 and task.owner == "sdk_h2_owner" and task.extra_links == []
    timeout = dags.get_dag_details("sdk_dag_main").dag_run_timeout  # Airflow 3 sends "PT1H5S"
    assert isinstance(timeout, TimeDelta) and timeout.as_timedelta() == dt.timedelta(hours=1, seconds=5)
    assert source.content and "sdk_h2_owned" in source.content
    if v2:
        # found by the first DAG (by id) of the token's file
        assert (source.dag_id, source.version_number, source.dag_display_name) == (FED, 1, FED)
    else:  # Airflow 2's JSON has the code only
        assert source.to_dict() == {"content": source.content}
        assert source.dag_id is None  # Optional: Airflow 2 never sends it (test_types_live decides so)


def test_airflow_3_answers_in_full(dags3: DAGApi) -> None:
    owned = dags3.get_dag(OWNED)
    assert owned.dag_display_name == "SDK H2 Owned" and owned.owners == ["sdk_h2_owner"]
    assert owned.is_stale is False and owned.timetable_summary == "0 0 * * *" and owned.timetable_periodic is True
    assert owned.bundle_name == "dags-folder" and owned.relative_fileloc == "sdk_h2_dags.py"
    assert owned.is_backfillable is True and owned.allowed_run_types is None and owned.timetable_partitioned is False
    assert owned.next_dagrun is not None and owned.next_dagrun.tzinfo is not None  # from next_dagrun_logical_date
    tag = (owned.tags or [])[0]
    assert isinstance(tag, Tag) and (tag.name, tag.dag_id, tag.dag_display_name) == ("sdk_h2", OWNED, "SDK H2 Owned")

    detail = dags3.get_dag_details(OWNED)
    assert detail.is_favorite is False and detail.active_runs_count == 0 and detail.owner_links == {}
    assert detail.default_args == {"owner": "sdk_h2_owner"} and detail.dag_run_timeout is None
    version = detail.latest_dag_version
    assert isinstance(version, DagVersion) and (version.dag_id, version.version_number) == (OWNED, 1)
    assert version.created_at.tzinfo is not None

    assert dags3.patch_dag(OWNED, DAG(is_paused=True), update_mask=["is_paused"]).is_paused is True  # as it was
    tasks = dags3.get_tasks(OWNED)
    assert tasks.total_entries == 1 and [t.task_id for t in tasks.tasks or []] == ["backoff"]
    backoff = (tasks.tasks or [])[0]
    assert backoff.operator_name == "EmptyOperator" and backoff.params == {} and backoff.execution_timeout is None
    assert backoff.retry_delay is not None and backoff.retry_delay.as_timedelta() == dt.timedelta(minutes=5)


# --- get_dags and patch_dags filters ------------------------------------------------------------------


def test_get_dags_filters(dags3: DAGApi) -> None:
    def ids(**filters: Any) -> list[str]:
        return _ids(dags3.get_dags(**{"tags": ["sdk_h2"], "order_by": "dag_id", **filters}))

    assert ids() == MINE
    assert ids(tags=["sdk_h2_a", "sdk_h2_b"]) == [OTHER, OWNED]  # any of them, by default
    assert ids(tags=["sdk_h2_a", "sdk_h2_b"], tags_match_mode="any") == [OTHER, OWNED]
    assert ids(tags=["sdk_h2_a", "sdk_h2_b"], tags_match_mode="all") == [OWNED]
    assert ids(owners=["sdk_h2_owner"]) == [OWNED] and ids(owners=["sdk_h2_owner", "airflow"]) == MINE
    assert ids(dag_id_prefix_pattern="sdk_h2_o") == [OTHER, OWNED] and ids(dag_id_prefix_pattern="SDK_H2") == []
    assert ids(dag_display_name_pattern="h2 OWN") == [OWNED]  # any case
    assert ids(dag_display_name_prefix_pattern="SDK H2") == [OWNED]
    assert ids(dag_display_name_prefix_pattern="sdk H2") == []  # case-sensitive
    assert ids(paused=True) == [OWNED] and ids(exclude_stale=False) == MINE and ids(exclude_stale=True) == MINE
    assert ids(has_import_errors=False) == MINE and ids(has_import_errors=True) == []
    assert ids(bundle_name="dags-folder") == MINE and ids(bundle_name="sdk_h2_no_bundle") == []
    assert ids(bundle_version="sdk_h2_no_version") == []  # the dags folder is not versioned
    assert ids(has_asset_schedule=True) == [FED] and ids(has_asset_schedule=False) == [OTHER, OWNED, WARNED]
    assert ids(asset_dependency="sdk-h2://FED") == [FED] and ids(asset_dependency="sdk-h2://none") == []
    assert ids(timetable_type=["CronTriggerTimetable", "AssetTriggeredTimetable"]) == [FED, OWNED]
    assert ids(timetable_type=["NullTimetable"]) == [OTHER, WARNED]
    assert ids(is_favorite=True) == [] and ids(is_favorite=False) == MINE

    assert _ids(dags3.get_dags(tags=["sdk_h2"], order_by=["-dag_id"])) == MINE[::-1]
    both = dags3.get_dags(tags=["sdk_h2"], order_by=["-dag_display_name", "dag_id"], limit=2, offset=1)
    assert _ids(both) == [OTHER, FED] and both.total_entries == 4  # "SDK H2 Owned" last: upper case sorts first


@pytest.fixture
def failed_run(airflow3: AirflowServer) -> Iterator[DAGRun]:
    """A run of sdk_h2_other marked failed (so it has an end date but, never having run, no start date)."""
    with _client(airflow3) as client:
        runs, run_id = DAGRunApi(client), f"sdk_h2_{uuid.uuid4().hex[:8]}"
        runs.post_dag_run(OTHER, DAGRun(dag_run_id=run_id))
        yield runs.update_dag_run_state(OTHER, run_id, UpdateDagRunState(state=DagState.FAILED))
        runs.delete_dag_run(OTHER, run_id)


def test_get_dags_by_their_latest_run(dags3: DAGApi, failed_run: DAGRun) -> None:
    def ids(**filters: Any) -> list[str]:
        return _ids(dags3.get_dags(tags=["sdk_h2"], order_by="dag_id", **filters))

    ended = failed_run.end_date
    assert ended is not None and failed_run.start_date is None
    assert ids(dag_run_state=["failed"]) == [OTHER] and ids(dag_run_state=["success", "queued"]) == []
    assert ids(last_dag_run_state=DagState.FAILED) == [OTHER] and ids(last_dag_run_state="success") == []
    second = dt.timedelta(seconds=1)
    assert ids(dag_run_end_date_gte=ended - second, dag_run_end_date_lte=ended + second) == [OTHER]
    assert ids(dag_run_end_date_gt=ended + second) == [] and ids(dag_run_end_date_lt=ended - second) == []
    assert ids(dag_run_start_date_gte=dt.datetime(2000, 1, 1)) == []  # it never started
    assert _ids(dags3.get_dags(tags=["sdk_h2"], order_by=["-last_run_state", "dag_id"]))[0] == OTHER


def test_get_dags_by_run_start_dates(scheduled3: AirflowServer) -> None:
    """Runs that really ran (the scheduler's) have start dates to filter on."""
    with _client(scheduled3) as client:
        dags, runs = DAGApi(client), DAGRunApi(client)
        run = runs.trigger_dag_run_and_wait(OTHER, DAGRun(dag_run_id=f"sdk_h2_{uuid.uuid4().hex[:8]}"), timeout=180)
        try:
            started = run.start_date
            assert run.state == DagState.SUCCESS and started is not None
            second = dt.timedelta(seconds=1)

            def ids(**filters: Any) -> list[str]:
                return _ids(dags.get_dags(tags=["sdk_h2"], order_by="dag_id", **filters))

            assert ids(dag_run_start_date_gte=started - second, dag_run_start_date_lte=started + second) == [OTHER]
            assert ids(dag_run_start_date_gt=started - second, dag_run_start_date_lt=started + second) == [OTHER]
            assert ids(dag_run_start_date_gt=started + second) == []
            assert ids(dag_run_start_date_lt=started - second) == []
            assert ids(last_dag_run_state="success", dag_run_state=["success"]) == [OTHER]
        finally:
            runs.delete_dag_run(OTHER, str(run.dag_run_id))


def test_patch_dags_filters(dags3: DAGApi) -> None:
    unpause = DAG(is_paused=False)
    try:  # only sdk_h2_other is owned by "airflow", tagged sdk_h2_a and sdk_h2, unpaused
        changed = dags3.patch_dags(
            "~",
            DAG(is_paused=True),
            update_mask=["is_paused"],
            dag_id_prefix_pattern="sdk_h2_",
            tags=["sdk_h2", "sdk_h2_a"],
            tags_match_mode="all",
            owners=["airflow"],
            paused=False,
            exclude_stale=True,
        )
        assert _ids(changed) == [OTHER] and changed.total_entries == 1
        assert _ids(dags3.get_dags(tags=["sdk_h2"], paused=True, order_by="dag_id")) == [OTHER, OWNED]
        assert [d.is_paused for d in changed.dags] == [True] and dags3.get_dag(OTHER).is_paused is True
        none = dags3.patch_dags("sdk_h2_other", unpause, tags=["sdk_h2_b"], tags_match_mode="any")
        assert none.total_entries == 0 and dags3.get_dag(OTHER).is_paused is True
    finally:
        back = dags3.patch_dags("sdk_h2_other", unpause, paused=True, owners=["airflow"])
    assert _ids(back) == [OTHER] and dags3.get_dag(OTHER).is_paused is False and dags3.get_dag(OWNED).is_paused is True


# --- favourites, tags, sources, parsing ---------------------------------------------------------------


def test_favorites(dags3: DAGApi) -> None:
    assert dags3.favorite_dag(OTHER) is None
    try:
        assert dags3.get_dag_details(OTHER).is_favorite is True and dags3.get_dag_details(OWNED).is_favorite is False
        assert _ids(dags3.get_dags(tags=["sdk_h2"], is_favorite=True)) == [OTHER]
        assert OTHER not in _ids(dags3.get_dags(tags=["sdk_h2"], is_favorite=False))
    finally:
        dags3.unfavorite_dag(OTHER)
    assert dags3.get_dag_details(OTHER).is_favorite is False and _ids(dags3.get_dags(is_favorite=True)) == []
    with pytest.raises(sdk.ConflictException) as twice:
        dags3.unfavorite_dag(OTHER)
    assert twice.value.status == 409 and twice.value.detail == "Dag is not marked as favorite"
    with pytest.raises(sdk.NotFoundException):
        dags3.favorite_dag("sdk_h2_no_such_dag")


def test_dag_tags(dags3: DAGApi) -> None:
    page = dags3.get_dag_tags(tag_name_pattern="sdk_h2")
    assert isinstance(page, DAGTagCollection) and page.tags == ["sdk_h2", "sdk_h2_a", "sdk_h2_b"]
    assert page.total_entries == 3 and read_everything(page, True) == 1
    assert dags3.get_dag_tags(tag_name_prefix_pattern="sdk_h2_a").tags == ["sdk_h2_a"]
    # Airflow 3 drops a prefix's trailing punctuation: "sdk_h2_" matches "sdk_h2" too
    assert dags3.get_dag_tags(tag_name_prefix_pattern="sdk_h2_").tags == ["sdk_h2", "sdk_h2_a", "sdk_h2_b"]
    assert dags3.get_dag_tags(tag_name_prefix_pattern="SDK_H2").tags == []  # prefixes are case-sensitive
    backwards = dags3.get_dag_tags(tag_name_pattern="sdk_h2", order_by="-name", limit=2, offset=1)
    assert backwards.tags == ["sdk_h2_a", "sdk_h2"] and backwards.total_entries == 3
    every = list(paginate(dags3.get_dag_tags, page_size=2))  # type: ignore[call-overload]
    assert {"sdk_h2", "sdk_h2_a", "sdk_h2_b", "sdk_dag"} <= set(every) and len(every) == len(set(every))
    assert len(every) == dags3.get_dag_tags().total_entries


def test_dag_source_by_dag_and_version(dags3: DAGApi) -> None:
    token = dags3.get_dag(OWNED).file_token
    assert token
    text = dags3.get_dag_source(OWNED)  # Airflow 3 serves by DAG id
    assert isinstance(text, str) and text == dags3.get_dag_source(token) and "sdk_h2_owned" in text
    first = dags3.get_dag_source(OWNED, version_number=1, _headers={"Accept": "application/json"})
    assert isinstance(first, DAGSource) and first.content == text and first.version_number == 1
    with pytest.raises(sdk.NotFoundException) as missing:
        dags3.get_dag_source(OWNED, version_number=99)
    assert "version_number 99" in str(missing.value.detail)
    answer: Any = dags3.reparse_dag_file(token, _return_http_data_only=False)
    assert answer[:2] == (None, 201)


# --- stats and warnings -------------------------------------------------------------------------------


def test_dag_stats(dags3: DAGApi, failed_run: DAGRun) -> None:
    stats = DagStatsApi(dags3.api_client)
    page = stats.get_dag_stats([OTHER, OWNED])  # sdk_h2_owned never ran: Airflow 3 leaves it out
    assert page.total_entries == 1 and [d.dag_id for d in page.dags or []] == [OTHER]
    (entry,) = page.dags or []
    assert entry.dag_display_name == OTHER
    counts = {s.state: s.count for s in entry.stats or []}
    assert counts == {DagState.QUEUED: 0, DagState.RUNNING: 0, DagState.SUCCESS: 0, DagState.FAILED: 1}
    assert all(isinstance(s.state, DagState) for s in entry.stats or [])
    every = stats.get_dag_stats([])  # no ids: every DAG that has runs
    assert OTHER in [d.dag_id for d in every.dags or []] and OWNED not in [d.dag_id for d in every.dags or []]
    assert stats.get_dag_stats(f"{OTHER},{OWNED}").to_dict() == page.to_dict()


def test_dag_warnings_without_a_dag_processor(airflow3: AirflowServer) -> None:
    """``dags reserialize`` records no warnings: the filters answer empty pages."""
    with _client(airflow3) as client:
        warnings = DagWarningApi(client)
        page = warnings.list_dag_warnings(dag_id=WARNED, warning_type=DagWarningType.RUNTIME_VARYING_VALUE)
        assert page.dag_warnings == [] and page.total_entries == 0
        assert warnings.get_dag_warnings(order_by=["-timestamp", "dag_id"], limit=5, offset=0).total_entries == 0


def test_dag_warnings_of_the_dag_processor(scheduled3: AirflowServer) -> None:
    with _client(scheduled3) as client:
        warnings = DagWarningApi(client)
        deadline = time.monotonic() + 180
        while not (page := warnings.get_dag_warnings(dag_id=WARNED)).dag_warnings and time.monotonic() < deadline:
            time.sleep(2)
        assert page.total_entries == 1
        (warning,) = page.dag_warnings or []
        assert isinstance(warning, DagWarning) and read_everything(warning, True) == 1
        assert warning.warning_type is DagWarningType.RUNTIME_VARYING_VALUE and warning.warning_type.known
        assert (warning.dag_id, warning.dag_display_name) == (WARNED, WARNED)
        assert warning.message and "random.choice" in warning.message
        assert warning.timestamp is not None and warning.timestamp.tzinfo is not None
        typed = warnings.get_dag_warnings(warning_type="runtime varying value", order_by="-timestamp", limit=50)
        assert WARNED in [w.dag_id for w in typed.dag_warnings or []]
        pools = warnings.get_dag_warnings(dag_id=WARNED, warning_type=DagWarningType.NON_EXISTENT_POOL)
        assert pools.total_entries == 0
        assert warnings.get_dag_warnings(dag_id=WARNED, offset=1).dag_warnings == []
        assert WARNED in [w.dag_id for w in paginate(warnings.get_dag_warnings, page_size=1)]


def test_run_types_read_as_enums(dags3: DAGApi) -> None:
    """``allowed_run_types`` is null for the test DAGs; a list of them reads as DagRunType values."""
    dag = DAG._from_server({"allowed_run_types": ["manual", "asset_materialization", "new_kind"]})
    assert dag.allowed_run_types == [DagRunType.MANUAL, DagRunType.ASSET_MATERIALIZATION, "new_kind"]
    assert all(isinstance(t, DagRunType) for t in dag.allowed_run_types or [])
    assert dags3.get_dag(OTHER).allowed_run_types is None


# --- recording servers: what only Airflow 3 has is refused on Airflow 2, and how Airflow 3 is asked ------


def test_airflow_3_only_operations_and_parameters_raise_on_airflow_2(
    server: RecordingServer, client: ApiClient
) -> None:
    dags, when = DAGApi(client), dt.datetime(2024, 1, 1)
    for call in (lambda: dags.favorite_dag("d"), lambda: dags.unfavorite_dag("d"), lambda: dags.get_dag_tags()):
        with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
            call()
    only_3 = {
        "tags_match_mode": "all", "owners": ["o"], "dag_id_prefix_pattern": "d", "dag_display_name_pattern": "d",
        "dag_display_name_prefix_pattern": "d", "exclude_stale": False, "has_import_errors": True,
        "last_dag_run_state": "failed", "bundle_name": "b", "bundle_version": "v", "has_asset_schedule": True,
        "asset_dependency": "a", "dag_run_start_date_gte": when, "dag_run_start_date_gt": when,
        "dag_run_start_date_lte": when, "dag_run_start_date_lt": when, "dag_run_end_date_gte": when,
        "dag_run_end_date_gt": when, "dag_run_end_date_lte": when, "dag_run_end_date_lt": when,
        "dag_run_state": ["failed"], "is_favorite": True, "timetable_type": ["NullTimetable"],
    }  # fmt: skip
    for name, value in only_3.items():
        with pytest.raises(sdk.ApiValueError, match=f"{name}.*needs Airflow 3"):
            dags.get_dags(**{name: value})
    for name in ("tags_match_mode", "owners", "dag_id_prefix_pattern", "exclude_stale", "paused"):
        with pytest.raises(sdk.ApiValueError, match=f"{name}.*needs Airflow 3"):
            dags.patch_dags("d", DAG(is_paused=True), **{name: only_3.get(name, True)})
    with pytest.raises(sdk.ApiValueError, match="version_number.*needs Airflow 3"):
        dags.get_dag_source("token", version_number=1)
    assert server.count == 0


def test_airflow_2_gets_comma_joined_dag_ids_and_its_own_filters(server: RecordingServer, client: ApiClient) -> None:
    server.reply(Reply(json={"dags": [], "total_entries": 0}), Reply(json={"dags": [], "total_entries": 0}))
    client.configuration.airflow_version = "2.11.2"  # what is sent, not the version's look-up, is under test
    DagStatsApi(client).get_dag_stats(["a", "b"])
    DAGApi(client).get_dags(only_active=False, order_by="-dag_id", fields=["dag_id"])
    assert [r.query for r in server.requests] == [
        [("dag_ids", "a,b")], [("order_by", "-dag_id"), ("only_active", "false"), ("fields", "dag_id")]]  # fmt: skip


@pytest.fixture
def v2_dags(server: RecordingServer) -> Iterator[DAGApi]:
    configuration = Configuration(
        host=server.url + "/api/v2", username="admin", password="pw", retries=0, airflow_version="3.3.2"
    )
    with ApiClient(configuration) as client:
        yield DAGApi(client)


def test_airflow_3_is_sent_every_filter(server: RecordingServer, v2_dags: DAGApi) -> None:
    empty = Reply(json={"dags": [], "total_entries": 0})
    server.reply(Reply(status=201, json={"access_token": "jwt"}), empty, empty, Reply(json={"content": "x"}))
    when = dt.datetime(2024, 1, 2, 3, 4, 5)
    v2_dags.get_dags(
        order_by=["-dag_id", "dag_display_name"], tags=["a", "b"], tags_match_mode="all", owners=["o1", "o2"],
        dag_run_state=["failed", "success"], last_dag_run_state=DagState.FAILED, dag_run_end_date_gte=when,
        exclude_stale=False, is_favorite=True, timetable_type=["NullTimetable"],
    )  # fmt: skip
    v2_dags.patch_dags("~", DAG(is_paused=True), update_mask=["is_paused"], dag_id_prefix_pattern="p", paused=False)
    v2_dags.get_dag_source("my_dag", version_number=2)  # no file token: taken as the DAG id, no look-up
    listed, patched, source = server.requests[1:]
    assert listed.query == [
        ("order_by", "-dag_id"), ("order_by", "dag_display_name"), ("tags", "a"), ("tags", "b"),
        ("tags_match_mode", "all"), ("owners", "o1"), ("owners", "o2"), ("exclude_stale", "false"),
        ("last_dag_run_state", "failed"), ("dag_run_end_date_gte", "2024-01-02T03:04:05+00:00"),
        ("dag_run_state", "failed"), ("dag_run_state", "success"), ("is_favorite", "true"),
        ("timetable_type", "NullTimetable"),
    ]  # fmt: skip
    assert (patched.method, patched.json()) == ("PATCH", {"is_paused": True})
    assert patched.query == [("dag_id_pattern", "~"), ("update_mask", "is_paused"), ("dag_id_prefix_pattern", "p"),
                             ("paused", "false")]  # fmt: skip
    assert (source.path, source.query) == ("/api/v2/dagSources/my_dag", [("version_number", "2")])
    assert server.count == 4
