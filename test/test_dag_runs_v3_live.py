"""DAG runs and DAG versions on Airflow 3.3.2: every filter, the bulk and clear forms, the server-side wait.

The shared ``airflow3`` server (no scheduler: triggered runs stay queued, with their task instances
made) serves most tests; ``scheduled3`` really runs ``sdk_h1_wait`` for the wait's results. One
module-scoped Airflow 3 of this module's own, on a DAGs folder the tests write, shows what needs DAG
files of its own: a DAG file changed after a run makes a second DAG version, and a partitioned DAG
has partition keys and dates to filter and clear. The recording-server tests show that an Airflow 2
host refuses what only Airflow 3 has before sending anything.
"""

from __future__ import annotations

import datetime as dt
import itertools
import pathlib
import time
import uuid
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_version_api import DagVersionApi
from airflow_python_sdk.models import (
    BulkAction,
    BulkBody,
    BulkDAGRunBody,
    BulkDAGRunClearBody,
    BulkResponse,
    ClearDagRun,
    ClearPartitionsBody,
    ClearPartitionsResponse,
    DAGRun,
    DAGRunCollection,
    DAGRunPatchBody,
    DagRunTriggeredByType,
    DagRunType,
    DagRunWaitResult,
    DagState,
    DagVersion,
    DagVersionCollection,
    ListDagRunsForm,
    TaskInstanceCollection,
    UpdateDagRunState,
)

from airflow_server import AIRFLOW_3_VERSION, AirflowServer, start_airflow
from recording_server import RecordingServer, Reply

pytestmark = pytest.mark.live
DAG = "sdk_example"
UTC = dt.timezone.utc
_n = itertools.count()


def _client(server: AirflowServer) -> ApiClient:
    return ApiClient(Configuration(host=server.api_url, username="admin", password="admin"))


@pytest.fixture
def runs(airflow3: AirflowServer) -> Iterator[DAGRunApi]:
    with _client(airflow3) as client:
        yield DAGRunApi(client)


@pytest.fixture
def prefix() -> str:
    """A run-id prefix no other test uses: filters by it see only this test's runs."""
    return f"h1-{uuid.uuid4().hex[:10]}-"


def _base() -> dt.datetime:
    """A logical date far from every other test's: windows from it hold only this test's runs."""
    return dt.datetime(2045, 1, 1, tzinfo=UTC) + dt.timedelta(days=10 * (uuid.uuid4().int % 30_000))


def _ids(page: DAGRunCollection) -> list[str]:
    return sorted(r.dag_run_id or "" for r in page.dag_runs or [])


# --- what Airflow 3 sends, as typed fields ------------------------------------------------------------


def test_a_run_reads_as_typed_fields_with_its_dag_versions(runs: DAGRunApi, prefix: str) -> None:
    made = runs.trigger_dag_run(DAG, DAGRun(dag_run_id=prefix + "a", note="n"))  # the spec's name of post_dag_run
    assert made.run_type is DagRunType.MANUAL and made.triggered_by is DagRunTriggeredByType.REST_API
    assert made.state is DagState.QUEUED and made.dag_display_name == DAG and made.partition_key is None
    (version,) = made.dag_versions or []
    assert isinstance(version, DagVersion) and version.dag_id == DAG and version.version_number >= 1
    assert isinstance(version.id, uuid.UUID) and version.created_at.tzinfo is not None  # as the spec says: a UUID
    assert version.bundle_name == "dags-folder" and version.bundle_version is None and version.bundle_url is None
    read = runs.get_dag_run(DAG, prefix + "a", _check_return_type=True)  # every field converted at once
    assert read.dag_versions == made.dag_versions and read.queued_at is not None and read.duration is None
    runs.delete_dag_run(DAG, prefix + "a")


# --- get_dag_runs: every filter ---------------------------------------------------------------------------


def test_every_filter_of_get_dag_runs(runs: DAGRunApi, prefix: str) -> None:
    base, before = _base(), dt.datetime.now(UTC) - dt.timedelta(seconds=1)
    ids = [prefix + str(i) for i in range(3)]
    for i, rid in enumerate(ids):
        day = base + dt.timedelta(days=i)
        conf = {"tag": prefix + "conf"} if i == 0 else {}
        runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, logical_date=day, run_after=day, conf=conf))
    done = runs.patch_dag_run(DAG, ids[2], DAGRunPatchBody(state=DagState.SUCCESS))
    assert done.end_date is not None

    def listed(**filters: object) -> list[str]:
        return _ids(runs.get_dag_runs(DAG, run_id_prefix_pattern=prefix, **filters))  # type: ignore[arg-type]

    assert listed() == ids
    assert listed(logical_date_gt=base) == ids[1:] and listed(logical_date_lt=base + dt.timedelta(days=2)) == ids[:2]
    # Airflow 3's names and Airflow 2's are one filter; the same value under both is sent once
    day1, day2 = base + dt.timedelta(days=1), base + dt.timedelta(days=2)
    same = listed(logical_date_gte=day1, logical_date_lte=day1)
    assert same == listed(execution_date_gte=day1, execution_date_lte=day1) == [ids[1]]
    assert listed(logical_date_gte=day1.replace(tzinfo=None), execution_date_gte=day1, logical_date_lt=day2) == [ids[1]]
    assert listed(run_after_gte=base + dt.timedelta(days=1), run_after_lte=base + dt.timedelta(days=1)) == [ids[1]]
    assert listed(run_after_gt=base, run_after_lt=base + dt.timedelta(days=2)) == [ids[1]]
    assert listed(conf_contains=prefix + "conf") == [ids[0]]
    assert listed(run_id_pattern=prefix[3:].upper()) == ids  # a case-insensitive substring
    assert listed(run_type=["manual"]) == ids and listed(run_type=["scheduled", "backfill"]) == []
    version = (runs.get_dag_run(DAG, ids[0]).dag_versions or [])[0].version_number
    assert listed(dag_version=[version]) == ids and listed(dag_version=[version + 1000]) == []
    assert listed(bundle_version="no-such-version") == []
    assert listed(triggering_user_name_pattern="DMI") == listed(triggering_user_name_prefix_pattern="adm") == ids
    assert listed(triggering_user_name_prefix_pattern="viewer") == []
    assert listed(updated_at_gt=before) == ids and listed(updated_at_lt=before) == []
    # Quirk: these filters take a missing start or end date as "now", so runs that never started or ended
    # pass every past lower bound (the batch form's filters do not: see test_batch_list_takes_every_body_key)
    later = dt.datetime.now(UTC) + dt.timedelta(hours=1)
    assert listed(end_date_gt=later) == ids[:2] and listed(end_date_lt=before) == []  # ids[2] ended (marked success)
    assert listed(start_date_gt=later) == ids and listed(start_date_lt=before) == []  # none started
    assert listed(duration_gt=0.001) == listed(duration_lte=1e9) == listed(duration_lt=1e9) == []  # none has one
    assert listed(duration_gte=0) == ids  # Quirk: a bound of 0 is ignored (Airflow 3 tests the bound's truth)
    assert listed(partition_key_pattern="2024") == listed(partition_key_prefix_pattern="2024") == []
    assert listed(consuming_asset_pattern="sdk") == []
    every = runs.get_dag_runs("~", run_id_prefix_pattern=prefix, dag_id_pattern="EXAMPLE",
                              dag_id_prefix_pattern="sdk_ex")  # fmt: skip
    assert _ids(every) == ids
    with pytest.raises(sdk.BadRequestException) as refused:  # only a partitioned DAG has partition dates
        runs.get_dag_runs(DAG, partition_date_gte=dt.date(2024, 1, 1))
    assert refused.value.status == 400 and "not partitioned" in str(refused.value.detail)
    with pytest.raises(sdk.ApiValueError, match="execution_date_gte .* and logical_date_gte .* name the same thing"):
        runs.get_dag_runs(DAG, logical_date_gte=base, execution_date_gte=base + dt.timedelta(days=1))
    runs.bulk_dag_runs(DAG, BulkBody(actions=[BulkAction.delete(ids)]))


def test_paginate_walks_airflow_3_runs_by_cursor(airflow3: AirflowServer, runs: DAGRunApi, prefix: str) -> None:
    ids = [f"{prefix}{i:02d}" for i in range(23)]
    for rid in ids:
        runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    first = runs.get_dag_runs(DAG, run_id_prefix_pattern=prefix, limit=10, cursor="", order_by="run_id")
    assert [r.dag_run_id for r in first.dag_runs or []] == ids[:10] and first.previous_cursor is None
    assert first.next_cursor and first.total_entries == 23 and isinstance(first.total_entries_limit, int)
    second = runs.get_dag_runs(DAG, run_id_prefix_pattern=prefix, limit=10, cursor=first.next_cursor, order_by="run_id")
    assert [r.dag_run_id for r in second.dag_runs or []] == ids[10:20] and second.previous_cursor

    log = airflow3.server_log
    time.sleep(1)  # the access log is written after the answer: let the requests above reach it first
    seen = len(log.read_text(errors="replace"))
    walked = [r.dag_run_id for r in paginate(runs.get_dag_runs, DAG, run_id_prefix_pattern=prefix, order_by="run_id",
                                            page_size=10)]  # fmt: skip
    assert walked == ids
    deadline, pages = time.monotonic() + 10, []
    while time.monotonic() < deadline and len(pages) < 3:  # the access log is written after the answer
        time.sleep(0.2)
        pages = [line for line in log.read_text(errors="replace")[seen:].splitlines()
                 if "method=GET" in line and f"/dags/{DAG}/dagRuns" in line]  # fmt: skip
    time.sleep(0.5)  # and nothing more comes
    pages = [line for line in log.read_text(errors="replace")[seen:].splitlines()
             if "method=GET" in line and f"/dags/{DAG}/dagRuns" in line]  # fmt: skip
    assert len(pages) == 3, pages  # 10 + 10 + 3: three requests, the last without a next_cursor
    # the offset form still pages when asked to start somewhere
    assert [r.dag_run_id for r in paginate(runs.get_dag_runs, DAG, run_id_prefix_pattern=prefix,
                                           order_by="run_id", offset=20, page_size=10)] == ids[20:]  # fmt: skip
    runs.bulk_dag_runs(DAG, BulkBody(actions=[BulkAction.delete(ids)]))


def test_batch_list_takes_every_body_key(runs: DAGRunApi, prefix: str) -> None:
    base = _base()
    ids = [prefix + str(i) for i in range(3)]
    for i, rid in enumerate(ids):
        day = base + dt.timedelta(days=i)
        runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, logical_date=day, run_after=day, conf={"i": f"{prefix}{i}"}))
    window = {"dag_ids": [DAG], "logical_date_gte": base, "logical_date_lte": base + dt.timedelta(days=2)}

    def batch(**more: object) -> list[str]:
        return _ids(runs.get_list_dag_runs_batch(ListDagRunsForm(**window, **more)))  # type: ignore[arg-type]

    end = base + dt.timedelta(days=2)
    by_old_names = ListDagRunsForm(dag_ids=[DAG], execution_date_gte=base, execution_date_lte=end)
    assert batch() == ids == _ids(runs.get_dag_runs_batch(by_old_names))
    assert batch(logical_date_gt=base, logical_date_lt=base + dt.timedelta(days=2)) == [ids[1]]
    assert batch(run_after_gte=base + dt.timedelta(days=1), run_after_lte=base + dt.timedelta(days=1)) == [ids[1]]
    assert batch(run_after_gt=base + dt.timedelta(days=1), run_after_lt=base + dt.timedelta(days=3)) == [ids[2]]
    assert batch(conf_contains=f"{prefix}2") == [ids[2]]
    now = dt.datetime.now(UTC)
    assert batch(start_date_gt=base) == batch(end_date_gt=base) == []  # here a missing date matches no bound
    assert batch(start_date_lt=now) == batch(end_date_lt=now) == []
    assert batch(duration_gte=0.0, duration_gt=0.0, duration_lte=9.0, duration_lt=9.0) == []
    with pytest.raises(sdk.ApiValueError, match="name the same thing"):
        runs.get_dag_runs_batch(ListDagRunsForm(logical_date_gte=base, execution_date_gte=now))
    runs.bulk_dag_runs(DAG, BulkBody(actions=[BulkAction.delete(ids)]))


# --- changing runs: patch, bulk, clear -------------------------------------------------------------------


def test_patch_dag_run_sets_state_and_note_in_one_request(runs: DAGRunApi, prefix: str) -> None:
    rid = prefix + "p"
    runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    both = runs.patch_dag_run(DAG, rid, DAGRunPatchBody(state=DagState.FAILED, note="both"))
    assert (both.state, both.note) == (DagState.FAILED, "both")
    masked = runs.patch_dag_run(DAG, rid, DAGRunPatchBody(state="success", note="only the note"), update_mask=["note"])
    assert (masked.state, masked.note) == (DagState.FAILED, "only the note")
    cleared = runs.patch_dag_run(DAG, rid, DAGRunPatchBody(note=None), update_mask=["note"])
    assert cleared.note is None and cleared.state is DagState.FAILED
    with pytest.raises(sdk.BadRequestException) as bad:  # running is no state a user may set
        runs.patch_dag_run(DAG, rid, DAGRunPatchBody(state="running"))
    problem = next(line for line in str(bad.value).splitlines() if line.startswith("Problem: "))
    assert bad.value.status == 422 and "body.state: " in problem and "(got 'running')" in problem, problem
    runs.delete_dag_run(DAG, rid)


def test_bulk_dag_runs_updates_and_deletes(runs: DAGRunApi, prefix: str) -> None:
    ids = [prefix + str(i) for i in range(3)]
    for rid in ids:
        runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    answer = runs.bulk_dag_runs(DAG, BulkBody(actions=[
        BulkAction.create([BulkDAGRunBody(dag_run_id=prefix + "new")]),
        BulkAction.update([BulkDAGRunBody(dag_run_id=ids[0], state=DagState.FAILED, note="bulk"),
                           BulkDAGRunBody(dag_run_id=ids[1], dag_id=DAG, note="second")]),
        BulkAction.delete([ids[2], prefix + "missing"], action_on_non_existence="skip"),
    ]))  # fmt: skip
    assert isinstance(answer, BulkResponse) and answer.create is not None and answer.create.success == []
    assert [e["status_code"] for e in answer.create.errors] == [405]  # bulk create is refused: trigger instead
    assert answer.update is not None and sorted(answer.update.success) == [f"{DAG}.{ids[0]}", f"{DAG}.{ids[1]}"]
    assert answer.delete is not None and answer.delete.success == [f"{DAG}.{ids[2]}"] and answer.delete.errors == []
    first, second = runs.get_dag_run(DAG, ids[0]), runs.get_dag_run(DAG, ids[1])
    assert (first.state, first.note, second.state, second.note) == (DagState.FAILED, "bulk", DagState.QUEUED, "second")
    with pytest.raises(sdk.NotFoundException):
        runs.get_dag_run(DAG, ids[2])
    failing = runs.bulk_dag_runs("~", BulkBody(actions=[BulkAction.delete([prefix + "missing"])]))
    assert failing.delete is not None and [e["status_code"] for e in failing.delete.errors] == [400]  # ~ needs a dag_id
    gone = runs.bulk_dag_runs("~", BulkBody(actions=[BulkAction.delete([BulkDAGRunBody(dag_run_id=r, dag_id=DAG)
                                                                         for r in ids[:2]])]))  # fmt: skip
    assert gone.delete is not None and len(gone.delete.success) == 2 and gone.errors == []


def test_clear_dag_run_takes_the_airflow_3_keys(runs: DAGRunApi, prefix: str) -> None:
    rid = prefix + "c"
    runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    runs.update_dag_run_state(DAG, rid, UpdateDagRunState(state="failed"))
    planned = runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=True, only_failed=False, only_new=False))
    assert isinstance(planned, TaskInstanceCollection) and planned.total_entries == 3
    none_failed = runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=True, only_failed=True))
    # marking the run failed skipped its unfinished task instances: none failed
    assert isinstance(none_failed, TaskInstanceCollection) and none_failed.total_entries == 0
    cleared = runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=False, note="cleared by h1", run_on_latest_version=True))
    assert isinstance(cleared, DAGRun) and cleared.state is DagState.QUEUED and cleared.note == "cleared by h1"
    runs.delete_dag_run(DAG, rid)


def test_clear_dag_runs_and_partitions(runs: DAGRunApi, prefix: str) -> None:
    ids = [prefix + str(i) for i in range(2)]
    for rid in ids:
        runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
        runs.patch_dag_run(DAG, rid, DAGRunPatchBody(state="failed"))
    listed = [BulkDAGRunBody(dag_run_id=rid) for rid in ids]
    planned = runs.clear_dag_runs(DAG, BulkDAGRunClearBody(dag_runs=listed))  # a dry run by default
    assert isinstance(planned, TaskInstanceCollection) and planned.total_entries == 6
    assert {ti.dag_run_id for ti in planned.task_instances or []} == set(ids)
    cleared = runs.clear_dag_runs("~", BulkDAGRunClearBody(
        dag_runs=[BulkDAGRunBody(dag_run_id=rid, dag_id=DAG) for rid in ids], dry_run=False, only_failed=False,
        only_new=False, run_on_latest_version=False, note="bulk clear"))  # fmt: skip
    assert isinstance(cleared, DAGRunCollection) and _ids(cleared) == ids
    assert {(r.state, r.note) for r in cleared.dag_runs or []} == {(DagState.QUEUED, "bulk clear")}
    with pytest.raises(sdk.BadRequestException) as bad:
        runs.clear_dag_runs("~", BulkDAGRunClearBody(dag_runs=listed))
    assert bad.value.status == 400 and "concrete dag_id" in str(bad.value.detail)

    counted = runs.clear_dag_run_partitions(DAG, ClearPartitionsBody(run_id=ids[0]))  # a dry run by default
    assert isinstance(counted, ClearPartitionsResponse)
    assert (counted.dag_runs_cleared, counted.task_instances_cleared, counted.dry_run) == (0, 0, True)  # no partition
    with_tis = runs.clear_dag_run_partitions(DAG, ClearPartitionsBody(run_id=ids[0], clear_task_instances=True))
    assert (with_tis.dag_runs_cleared, with_tis.task_instances_cleared, with_tis.dry_run) == (0, 3, True)
    with pytest.raises(sdk.BadRequestException):  # exactly one selector
        runs.clear_dag_run_partitions(DAG, ClearPartitionsBody(run_id=ids[0], partition_key="x"))
    runs.bulk_dag_runs(DAG, BulkBody(actions=[BulkAction.delete(ids)]))


# --- the server-side wait ------------------------------------------------------------------------------------


def test_wait_returns_at_once_for_a_finished_run_and_is_bounded_for_a_queued_one(runs: DAGRunApi, prefix: str) -> None:
    rid = prefix + "w"
    runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    started = time.monotonic()
    with pytest.raises(sdk.WaitTimeoutError) as late:  # no scheduler: the run stays queued, the stream goes on
        runs.wait_dag_run_until_finished(DAG, rid, interval=0.2, _request_timeout=1.5)
    elapsed = time.monotonic() - started
    assert 1.5 <= elapsed < 4 and late.value.state is DagState.QUEUED and late.value.timeout == 1.5
    with pytest.raises(sdk.ApiTimeoutError):  # a line slower than the read timeout
        runs.wait_dag_run_until_finished(DAG, rid, interval=5, _request_timeout=(5, 1))

    runs.patch_dag_run(DAG, rid, DAGRunPatchBody(state="success"))
    done = runs.wait_dag_run_until_finished(DAG, rid, interval=0.5, result=["extract"])
    assert isinstance(done, DagRunWaitResult) and done.state is DagState.SUCCESS and done.results is None
    raw = runs.wait_dag_run_until_finished(DAG, rid, _preload_content=False)
    assert raw.status == 200 and raw.data == b'{"state": "success"}\n'  # NDJSON; Airflow 3 sends no Content-Type
    assert "content-type" not in {k.lower() for k in raw.headers}
    assert runs.wait_dag_run_until_finished(DAG, rid, async_req=True).get(timeout=30).state is DagState.SUCCESS
    with pytest.raises(sdk.NotFoundException):
        runs.wait_dag_run_until_finished(DAG, prefix + "missing")
    with pytest.raises(sdk.BadRequestException):  # the interval must be positive
        runs.wait_dag_run_until_finished(DAG, rid, interval=0)
    runs.delete_dag_run(DAG, rid)


def test_wait_streams_until_a_real_run_ends_with_its_results(scheduled3: AirflowServer) -> None:
    with _client(scheduled3) as client:
        api = DAGRunApi(client)
        run = api.trigger_dag_run("sdk_h1_wait", DAGRun(dag_run_id=f"h1-wait-{next(_n)}-{uuid.uuid4().hex[:6]}"))
        assert run.dag_run_id is not None
        done = api.wait_dag_run_until_finished("sdk_h1_wait", run.dag_run_id, interval=1, result=["answer"],
                                               _request_timeout=180)  # fmt: skip
        assert done.state is DagState.SUCCESS and done.results == {"answer": 42}
        again = api.wait_dag_run_until_finished("sdk_h1_wait", run.dag_run_id)  # no result task declared: none
        assert again.state is DagState.SUCCESS and again.results is None


# --- DAG versions ----------------------------------------------------------------------------------------


def test_dag_versions_of_the_shared_server(airflow3: AirflowServer) -> None:
    with _client(airflow3) as client:
        versions = DagVersionApi(client)
        page = versions.get_dag_versions(DAG)
        assert isinstance(page, DagVersionCollection) and page.total_entries == len(page.dag_versions) >= 1
        latest = max(page.dag_versions, key=lambda v: v.version_number)
        one = versions.get_dag_version(DAG, latest.version_number)
        assert isinstance(one, DagVersion) and one == latest and one.dag_display_name == DAG
        every = versions.get_dag_versions("~", bundle_name="dags-folder", order_by="-version_number", limit=1000)
        assert DAG in {v.dag_id for v in every.dag_versions} and every.total_entries >= len(every.dag_versions)
        numbered = versions.get_dag_versions(DAG, version_number=latest.version_number, limit=1, offset=0)
        assert numbered.dag_versions == [latest]
        assert versions.get_dag_versions(DAG, bundle_version="no-such").dag_versions == []
        assert [v.dag_id for v in paginate(versions.get_dag_versions, DAG, page_size=1)] == [DAG] * page.total_entries
        with pytest.raises(sdk.NotFoundException):
            versions.get_dag_version(DAG, 10_000)


_VERSIONED = """\
import datetime

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

with DAG(dag_id="h1_versioned", schedule=None, start_date=datetime.datetime(2024, 1, 1), catchup=False):
    {tasks}
"""
_PARTITIONED = """\
import datetime

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG, CronPartitionTimetable

with DAG(
    dag_id="h1_partitioned",
    schedule=CronPartitionTimetable("0 0 * * *", timezone="UTC", key_format="%Y-%m-%d"),
    start_date=datetime.datetime(2024, 1, 1),
    catchup=False,
    is_paused_upon_creation=True,
):
    EmptyOperator(task_id="only")
"""


@pytest.fixture(scope="module")
def own3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AirflowServer, pathlib.Path]]:
    """An Airflow 3.3.2 of this module's own, on a DAGs folder the tests may change."""
    dags = tmp_path_factory.mktemp("h1_dags")
    (dags / "h1_versioned.py").write_text(_VERSIONED.format(tasks='EmptyOperator(task_id="first")'))
    (dags / "h1_partitioned.py").write_text(_PARTITIONED)
    with start_airflow(AIRFLOW_3_VERSION, dags_folder=dags) as server:
        yield server, dags


def _reparse(server: AirflowServer, dags: pathlib.Path, tasks: str, min_interval: int = 0) -> None:
    """Write h1_versioned.py with ``tasks`` and parse it as the DAG processor would.

    ``min_interval`` is ``[core] min_serialized_dag_update_interval`` for this parse: Airflow drops
    the parse of a DAG written less than that many seconds before (30 by default).
    """
    (dags / "h1_versioned.py").write_text(_VERSIONED.format(tasks=tasks))
    server.env["AIRFLOW__CORE__MIN_SERIALIZED_DAG_UPDATE_INTERVAL"] = str(min_interval)
    server.airflow("dags", "reserialize")


def test_a_dag_version_is_listed_after_the_dag_file_changes(own3: tuple[AirflowServer, pathlib.Path]) -> None:
    server, dags = own3
    name, first_task = "h1_versioned", 'EmptyOperator(task_id="first")'
    with _client(server) as client:
        versions, runs = DagVersionApi(client), DAGRunApi(client)

        def numbers() -> list[int]:
            return [v.version_number for v in versions.get_dag_versions(name, order_by="version_number").dag_versions]

        (first,) = versions.get_dag_versions(name).dag_versions
        assert first.version_number == 1
        runs.post_dag_run(name, DAGRun(dag_run_id="on-v1"))  # its task instances are of version 1
        _reparse(server, dags, first_task + ' >> EmptyOperator(task_id="second")')
        assert numbers() == [1, 2]
        second = versions.get_dag_version(name, 2)
        assert second.created_at > first.created_at and second.id != first.id and second.dag_id == name
        assert [v.version_number for v in runs.get_dag_run(name, "on-v1").dag_versions or []] == [1]
        assert _ids(runs.get_dag_runs(name, dag_version=[1])) == ["on-v1"]
        assert _ids(runs.get_dag_runs(name, dag_version=[2])) == []
        new = runs.clear_dag_run(name, "on-v1", ClearDagRun(only_new=True))  # a dry run: what v2 would add
        assert isinstance(new, TaskInstanceCollection) and [ti.task_id for ti in new.task_instances or []] == ["second"]

        # a change parsed while the latest version has not run replaces that version instead of adding one
        _reparse(server, dags, first_task + ' >> EmptyOperator(task_id="second") >> EmptyOperator(task_id="third")')
        assert numbers() == [1, 2] and versions.get_dag_version(name, 2).id == second.id
        new = runs.clear_dag_run(name, "on-v1", ClearDagRun(only_new=True))
        assert isinstance(new, TaskInstanceCollection)
        assert sorted(ti.task_id or "" for ti in new.task_instances or []) == ["second", "third"]

        # Quirk: with the default [core] min_serialized_dag_update_interval (30 s), a change parsed within
        # 30 s of the DAG's last write is dropped, silently; the next parse after that picks it up
        runs.post_dag_run(name, DAGRun(dag_run_id="on-v2"))
        _reparse(server, dags, first_task + ' >> EmptyOperator(task_id="fourth")', min_interval=30)
        assert numbers() == [1, 2]
        _reparse(server, dags, first_task + ' >> EmptyOperator(task_id="fourth")')
        assert numbers() == [1, 2, 3]
        assert [v.version_number for v in runs.get_dag_run(name, "on-v2").dag_versions or []] == [2]


def test_partition_filters_and_clears(own3: tuple[AirflowServer, pathlib.Path]) -> None:
    server, _ = own3
    name = "h1_partitioned"
    with _client(server) as client:
        runs = DAGRunApi(client)
        for key in ("2024-01-05", "2024-01-06", "2024-02-01"):
            made = runs.post_dag_run(name, DAGRun(dag_run_id=f"p-{key}", partition_key=key))
            assert made.partition_key == key
            assert made.partition_date == dt.datetime.fromisoformat(key).replace(tzinfo=UTC)
        jan1, jan31 = dt.date(2024, 1, 1), dt.date(2024, 1, 31)
        january = runs.get_dag_runs(name, partition_date_gte=jan1, partition_date_lte=jan31)
        assert _ids(january) == ["p-2024-01-05", "p-2024-01-06"]
        assert _ids(runs.get_dag_runs(name, partition_date_gte=dt.date(2024, 1, 6))) == ["p-2024-01-06", "p-2024-02-01"]
        assert _ids(runs.get_dag_runs(name, partition_key_pattern="01-0")) == ["p-2024-01-05", "p-2024-01-06"]
        assert _ids(runs.get_dag_runs(name, partition_key_prefix_pattern="2024-02")) == ["p-2024-02-01"]
        with pytest.raises(sdk.BadRequestException):  # partition dates need one DAG
            runs.get_dag_runs("~", partition_date_gte=dt.date(2024, 1, 1))

        by_key = runs.clear_dag_runs(name, BulkDAGRunClearBody(partition_key="2024-01-05"))
        assert isinstance(by_key, TaskInstanceCollection) and {ti.dag_run_id for ti in by_key.task_instances or []} == {
            "p-2024-01-05"}  # fmt: skip
        window = runs.clear_dag_runs(name, BulkDAGRunClearBody(
            partition_date_start=dt.datetime(2024, 1, 6), partition_date_end=dt.datetime(2024, 3, 1)))  # fmt: skip
        assert {ti.dag_run_id for ti in window.task_instances or []} == {"p-2024-01-06", "p-2024-02-01"}

        window_of_january = ClearPartitionsBody(
            partition_date_start=dt.datetime(2024, 1, 1), partition_date_end=dt.datetime(2024, 1, 31)
        )
        counted = runs.clear_dag_run_partitions(name, window_of_january)
        assert (counted.dag_runs_cleared, counted.task_instances_cleared, counted.dry_run) == (2, 0, True)
        assert runs.get_dag_run(name, "p-2024-01-05").partition_key == "2024-01-05"  # a dry run changes nothing
        done = runs.clear_dag_run_partitions(name, ClearPartitionsBody(partition_key="2024-01-05", dry_run=False))
        assert (done.dag_runs_cleared, done.dry_run) == (1, False)
        reset = runs.get_dag_run(name, "p-2024-01-05")
        assert reset.partition_key is None and reset.partition_date is None


# --- an Airflow 2 host: what only Airflow 3 has is refused before sending; the Airflow 3 names still work ----


def test_airflow_3_only_operations_and_keys_raise_on_airflow_2(
    server: RecordingServer, client: ApiClient, dag_runs: DAGRunApi
) -> None:
    calls = [
        lambda: dag_runs.patch_dag_run("d", "r", DAGRunPatchBody(note="n")),
        lambda: dag_runs.bulk_dag_runs("d", BulkBody(actions=[BulkAction.delete(["r"])])),
        lambda: dag_runs.clear_dag_runs("d", BulkDAGRunClearBody(dag_runs=[BulkDAGRunBody(dag_run_id="r")])),
        lambda: dag_runs.clear_dag_run_partitions("d", ClearPartitionsBody(run_id="r")),
        lambda: dag_runs.wait_dag_run_until_finished("d", "r"),
        lambda: DagVersionApi(client).get_dag_versions("d"),
        lambda: DagVersionApi(client).get_dag_version("d", 1),
    ]
    for call in calls:
        with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
            call()
    refused = {
        "run_type": lambda: dag_runs.get_dag_runs("d", run_type=["manual"]),
        "cursor": lambda: dag_runs.get_dag_runs("d", cursor=""),
        "logical_date_gt": lambda: dag_runs.get_dag_runs("d", logical_date_gt=dt.datetime(2024, 1, 1)),
        "partition_date_gte": lambda: dag_runs.get_dag_runs("d", partition_date_gte=dt.date(2024, 1, 1)),
        "duration_gte": lambda: dag_runs.get_dag_runs_batch(ListDagRunsForm(duration_gte=1.0)),
        "only_failed": lambda: dag_runs.clear_dag_run("d", "r", ClearDagRun(dry_run=True, only_failed=True)),
        "note": lambda: dag_runs.clear_dag_run("d", "r", ClearDagRun(note="n")),
    }
    for name, call in refused.items():
        with pytest.raises(sdk.ApiValueError, match=f"{name}.*needs Airflow 3"):
            call()
    assert server.count == 0


def test_airflow_3_names_of_the_execution_date_filters_work_on_airflow_2(
    server: RecordingServer, dag_runs: DAGRunApi
) -> None:
    server.reply(Reply(json={"dag_runs": [], "total_entries": 0}), Reply(json={"dag_runs": [], "total_entries": 0}))
    when = dt.datetime(2024, 1, 1, tzinfo=UTC)
    naive = when.replace(tzinfo=None)
    dag_runs.get_dag_runs("d", logical_date_gte=when, logical_date_lte=when, execution_date_lte=naive)
    form = ListDagRunsForm(dag_ids=["d"], logical_date_gte=when)
    dag_runs.get_dag_runs_batch(form)
    sent = "2024-01-01T00:00:00+00:00"
    assert sorted(server.requests[0].query) == [("execution_date_gte", sent), ("execution_date_lte", sent)]
    assert server.requests[1].json() == {"dag_ids": ["d"], "execution_date_gte": sent}
    assert form.logical_date_gte == when and form.execution_date_gte is None  # the caller's form is unchanged
    with pytest.raises(sdk.ApiValueError, match="name the same thing"):
        dag_runs.get_dag_runs("d", logical_date_lte=when, execution_date_lte=when + dt.timedelta(seconds=1))
    with pytest.raises(sdk.ApiTypeError, match="logical_date_gte"):
        dag_runs.get_dag_runs("d", logical_date_gte="2024-01-01")  # type: ignore[arg-type]
    assert server.count == 2


def test_both_servers_read_run_types_and_both_filter_names(any_airflow: AirflowServer, prefix: str) -> None:
    """The same client code on Airflow 2.11.2 and 3.3.2: the Airflow 3 filter names, typed run fields."""
    with _client(any_airflow) as client:
        api, base = DAGRunApi(client), _base()
        api.post_dag_run(DAG, DAGRun(dag_run_id=prefix + "x", logical_date=base))
        by_new = api.get_dag_runs(DAG, logical_date_gte=base, logical_date_lte=base)
        by_old = api.get_dag_runs(DAG, execution_date_gte=base, execution_date_lte=base)
        assert _ids(by_new) == _ids(by_old) == [prefix + "x"]
        (run,) = by_new.dag_runs or []
        assert run.run_type is DagRunType.MANUAL and run.state is DagState.QUEUED
        if any_airflow.api_version == "v1":
            assert run.triggered_by is None and run.dag_versions is None
        else:
            assert run.triggered_by is DagRunTriggeredByType.REST_API and len(run.dag_versions or []) == 1
        api.delete_dag_run(DAG, prefix + "x")
