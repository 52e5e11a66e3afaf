"""TaskStateStoreApi, AssetStateStoreApi and JobApi on Airflow 3.3.2, and their refusal on Airflow 2.

On ``airflow3`` (no scheduler) a run of ``sdk_state_store`` (test/dags/sdk_state_dags.py) gives task
instances to write to: ``keep`` and the mapped ``shard`` (0, 1, 2); its asset ``x-sdk-state://store/one``
gets an asset store. On ``scheduled3`` the task of ``sdk_state_writer`` writes both stores itself, and
the scheduler and DAG processor are jobs to list.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.asset_state_store_api import AssetStateStoreApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.job_api import JobApi
from airflow_python_sdk.api.task_state_store_api import TaskStateStoreApi
from airflow_python_sdk.models import (
    AssetStateStore,
    AssetStateStoreBody,
    AssetStateStoreCollection,
    AssetStateStoreLastUpdatedBy,
    AssetStateStoreWriterKind,
    DAGRun,
    JobCollection,
    TaskStateStore,
    TaskStateStoreBody,
    TaskStateStoreCollection,
    TaskStateStorePatchBody,
)

from airflow_server import AirflowServer
from recording_server import RecordingServer

DAG = "sdk_state_store"
URI = "x-sdk-state://store/one"
NOW = dt.datetime.now(dt.timezone.utc)
DAY = dt.timedelta(days=1)


def _client(server: AirflowServer) -> ApiClient:
    return ApiClient(Configuration(host=server.api_url, username="admin", password="admin"))


@pytest.fixture(scope="module")
def client3(airflow3: AirflowServer) -> Iterator[ApiClient]:
    with _client(airflow3) as api_client:
        yield api_client


@pytest.fixture(scope="module")
def run_id(client3: ApiClient) -> str:
    """A run of sdk_state_store: its task instances exist (nothing runs them)."""
    run = DAGRunApi(client3).post_dag_run(DAG, DAGRun(dag_run_id=f"state-{time.time_ns()}"))
    assert run.dag_run_id is not None
    return run.dag_run_id


def _asset_id(client: ApiClient) -> int:
    (asset_id,) = [a.id for a in paginate(DatasetApi(client).get_datasets, uri_pattern=URI) if a.uri == URI]
    assert asset_id is not None
    return asset_id


# --- task state store ------------------------------------------------------------------------------


@pytest.mark.live
def test_task_keys_are_set_read_patched_and_deleted(client3: ApiClient, run_id: str) -> None:
    store = TaskStateStoreApi(client3)
    at = dt.datetime(2030, 1, 1)  # naive: sent as UTC
    store.set_task_state_store(DAG, run_id, "keep", "plain", TaskStateStoreBody(value={"a": [1, 2]}))
    store.set_task_state_store(DAG, run_id, "keep", "never", TaskStateStoreBody(value="x", expires_at=None))
    store.set_task_state_store(DAG, run_id, "keep", "dated", TaskStateStoreBody(value=1.5, expires_at=at))
    store.set_task_state_store(DAG, run_id, "keep", "dflt", TaskStateStoreBody(value=True, expires_at="default"))

    listed = store.list_task_state_store(DAG, run_id, "keep", map_index=-1)
    assert isinstance(listed, TaskStateStoreCollection) and listed.total_entries == 4
    assert [(e.key, e.value) for e in listed.task_state_store] == [  # by key
        ("dated", 1.5), ("dflt", True), ("never", "x"), ("plain", {"a": [1, 2]}),
    ]  # fmt: skip
    expiry = {e.key: e.expires_at for e in listed.task_state_store}
    assert expiry["never"] is None and expiry["dated"] == at.replace(tzinfo=dt.timezone.utc)
    for key in ("plain", "dflt"):  # unset and "default": [state_store] default_retention_days, 30
        assert NOW + 29 * DAY < (expiry[key] or NOW) < NOW + 31 * DAY
    page = store.list_task_state_store(DAG, run_id, "keep", limit=2, offset=1)
    assert [e.key for e in page.task_state_store] == ["dflt", "never"] and page.total_entries == 4

    one = store.get_task_state_store(DAG, run_id, "keep", "plain", map_index=-1)
    assert isinstance(one, TaskStateStore) and (one.key, one.value) == ("plain", {"a": [1, 2]})
    assert NOW - DAY < one.updated_at < NOW + DAY
    assert store.patch_task_state_store(DAG, run_id, "keep", "dated", TaskStateStorePatchBody(value=[2])) is None
    patched = store.get_task_state_store(DAG, run_id, "keep", "dated")
    assert patched.value == [2] and patched.expires_at == expiry["dated"]  # the expiry is kept

    store.delete_task_state_store(DAG, run_id, "keep", "plain", map_index=-1)
    store.delete_task_state_store(DAG, run_id, "keep", "plain")  # already gone: no error
    with pytest.raises(sdk.NotFoundException, match="'plain' not found"):
        store.get_task_state_store(DAG, run_id, "keep", "plain")
    with pytest.raises(sdk.NotFoundException):  # patch changes keys that exist only
        store.patch_task_state_store(DAG, run_id, "keep", "plain", TaskStateStorePatchBody(value=1))
    store.clear_task_state_store(DAG, run_id, "keep", map_index=-1)
    assert store.list_task_state_store(DAG, run_id, "keep").total_entries == 0


@pytest.mark.live
def test_a_key_may_hold_a_slash(client3: ApiClient, run_id: str) -> None:
    store = TaskStateStoreApi(client3)
    store.set_task_state_store(DAG, run_id, "keep", "dir/file 100%", TaskStateStoreBody(value=[1]))
    assert store.get_task_state_store(DAG, run_id, "keep", "dir/file 100%").value == [1]
    store.delete_task_state_store(DAG, run_id, "keep", "dir/file 100%")
    assert store.list_task_state_store(DAG, run_id, "keep").task_state_store == []


@pytest.mark.live
def test_each_map_index_has_its_own_store(client3: ApiClient, run_id: str) -> None:
    store = TaskStateStoreApi(client3)

    def counts() -> list[int]:
        return [store.list_task_state_store(DAG, run_id, "shard", map_index=i).total_entries for i in range(3)]

    for i in range(3):
        store.set_task_state_store(DAG, run_id, "shard", "i", TaskStateStoreBody(value=i), map_index=i)
    assert counts() == [1, 1, 1] and store.get_task_state_store(DAG, run_id, "shard", "i", map_index=2).value == 2
    store.delete_task_state_store(DAG, run_id, "shard", "i", map_index=0)
    assert counts() == [0, 1, 1]
    with pytest.raises(sdk.NotFoundException, match="map_index=-1"):  # a mapped task has no instance -1
        store.clear_task_state_store(DAG, run_id, "shard")
    store.clear_task_state_store(DAG, run_id, "shard", map_index=-1, all_map_indices=True)  # map_index ignored
    assert counts() == [0, 0, 0]


@pytest.mark.live
def test_task_store_refusals(client3: ApiClient, run_id: str) -> None:
    store = TaskStateStoreApi(client3)
    with pytest.raises(sdk.NotFoundException, match="Task instance not found"):
        store.set_task_state_store(DAG, run_id, "nope", "k", TaskStateStoreBody(value=1))
    # reading a task instance that does not exist finds an empty store
    assert store.list_task_state_store(DAG, run_id, "nope").total_entries == 0
    with pytest.raises(sdk.BadRequestException, match="value cannot be null"):  # 422
        store.set_task_state_store(DAG, run_id, "keep", "k", TaskStateStoreBody(value=None))
    with pytest.raises(sdk.BadRequestException, match="'default'"):
        store.set_task_state_store(DAG, run_id, "keep", "k", TaskStateStoreBody(value=1, expires_at="later"))


# --- asset state store -----------------------------------------------------------------------------


@pytest.mark.live
def test_asset_keys_are_set_read_and_deleted(client3: ApiClient) -> None:
    store, asset_id = AssetStateStoreApi(client3), _asset_id(client3)
    store.set_asset_state_store(asset_id, "watermark", AssetStateStoreBody(value={"v": 1}))
    store.set_asset_state_store(asset_id, "x/y", AssetStateStoreBody(value="s"))
    listed = store.list_asset_state_store(asset_id)
    assert isinstance(listed, AssetStateStoreCollection) and listed.total_entries == 2
    assert [(e.key, e.value) for e in listed.asset_state_store] == [("watermark", {"v": 1}), ("x/y", "s")]
    one = store.get_asset_state_store(asset_id, "x/y")
    assert isinstance(one, AssetStateStore) and NOW - DAY < one.updated_at < NOW + DAY
    assert one.last_updated_by == AssetStateStoreLastUpdatedBy(
        kind=AssetStateStoreWriterKind.API, dag_id=None, run_id=None, task_id=None, map_index=None
    )
    store.delete_asset_state_store(asset_id, "x/y")
    store.set_asset_state_store(asset_id, "plain", AssetStateStoreBody(value=0))
    store.delete_asset_state_store(asset_id, "plain")  # the access log's path of "x/y" fits no template
    page = store.list_asset_state_store(asset_id, limit=1, offset=0)
    assert [e.key for e in page.asset_state_store] == ["watermark"] and page.total_entries == 1
    store.clear_asset_state_store(asset_id)
    assert store.list_asset_state_store(asset_id).asset_state_store == []
    with pytest.raises(sdk.NotFoundException, match="'watermark' not found"):
        store.get_asset_state_store(asset_id, "watermark")
    with pytest.raises(sdk.NotFoundException, match="Asset with id"):
        store.set_asset_state_store(asset_id + 10_000, "k", AssetStateStoreBody(value=1))


@pytest.mark.live
def test_a_running_task_writes_both_stores(scheduled3: AirflowServer) -> None:
    with _client(scheduled3) as client:
        run = DAGRunApi(client).trigger_dag_run_and_wait(
            "sdk_state_writer", DAGRun(dag_run_id=f"writer-{time.time_ns()}"), timeout=240, poll_interval=1
        )
        assert run.state == "success"
        assert run.dag_run_id is not None
        store = TaskStateStoreApi(client).list_task_state_store("sdk_state_writer", run.dag_run_id, "write")
        (progress,) = store.task_state_store
        assert (progress.key, progress.value) == ("progress", {"done": 3}) and progress.expires_at is not None
        written = AssetStateStoreApi(client).get_asset_state_store(_asset_id(client), "from_task")
        assert written.value == [1, 2, 3]
        assert written.last_updated_by == AssetStateStoreLastUpdatedBy(
            kind=AssetStateStoreWriterKind.TASK, dag_id="sdk_state_writer", run_id=run.dag_run_id, task_id="write", map_index=-1
        )


# --- jobs ------------------------------------------------------------------------------------------


@pytest.mark.live
def test_jobs_of_a_scheduler_and_dag_processor(scheduled3: AirflowServer) -> None:
    with _client(scheduled3) as client:
        jobs = JobApi(client)
        every = jobs.get_jobs()
        assert isinstance(every, JobCollection) and every.total_entries == len(every.jobs) >= 2
        ids = [j.id or 0 for j in every.jobs]
        assert ids == sorted(ids)  # by id unless told
        scheduler = jobs.get_jobs(job_type="SchedulerJob", job_state="running", is_alive=True).jobs[0]
        assert scheduler.state == "running" and scheduler.end_date is None and scheduler.hostname
        assert {j.job_type for j in every.jobs} >= {"SchedulerJob", "DagProcessorJob"}
        assert scheduler.start_date is not None and NOW - DAY < scheduler.start_date < NOW + DAY
        assert scheduler.latest_heartbeat is not None and scheduler.dag_id is scheduler.dag_display_name is None
        second = dt.timedelta(seconds=1)
        mine = jobs.get_jobs(
            hostname=scheduler.hostname, start_date_gte=scheduler.start_date - second,
            start_date_lte=scheduler.start_date + second, start_date_gt=NOW - DAY, start_date_lt=NOW + DAY,
            job_type="SchedulerJob",
        )  # fmt: skip
        assert [j.id for j in mine.jobs] == [scheduler.id]
        assert jobs.get_jobs(executor_class="NoSuchExecutor").total_entries == 0
        # is_alive given at all keeps the live jobs: false too (3.3.2 only checks it is not None)
        assert scheduler.id in [j.id for j in jobs.get_jobs(is_alive=False).jobs]
        # a running job (no end date) passes every lower bound, and an upper bound still ahead of now
        assert scheduler.id in [j.id for j in jobs.get_jobs(end_date_gte=NOW + DAY, end_date_gt=NOW + DAY).jobs]
        assert scheduler.id in [j.id for j in jobs.get_jobs(end_date_lte=NOW + DAY, end_date_lt=NOW + DAY).jobs]
        assert jobs.get_jobs(end_date_lt=NOW - DAY).total_entries == 0
        last = jobs.get_jobs(order_by=["-id"], limit=1, offset=0)
        assert [j.id for j in last.jobs] == [max(ids)]
        assert last.total_entries == every.total_entries
        assert [j.id for j in paginate(jobs.get_jobs, page_size=1)] == ids


@pytest.mark.live
def test_jobs_without_a_scheduler(client3: ApiClient) -> None:
    listed = JobApi(client3).get_jobs(limit=10)
    assert listed.total_entries == len(listed.jobs)  # none may have run: the API server is no job


# --- Airflow 2 -------------------------------------------------------------------------------------

CALLS: list[tuple[type, Callable[[Any], Any]]] = [
    (TaskStateStoreApi, lambda api: api.list_task_state_store("d", "r", "t")),
    (TaskStateStoreApi, lambda api: api.get_task_state_store("d", "r", "t", "k")),
    (TaskStateStoreApi, lambda api: api.set_task_state_store("d", "r", "t", "k", TaskStateStoreBody(value=1))),
    (TaskStateStoreApi, lambda api: api.patch_task_state_store("d", "r", "t", "k", TaskStateStorePatchBody(value=1))),
    (TaskStateStoreApi, lambda api: api.delete_task_state_store("d", "r", "t", "k", map_index=0)),
    (TaskStateStoreApi, lambda api: api.clear_task_state_store("d", "r", "t", all_map_indices=True)),
    (AssetStateStoreApi, lambda api: api.list_asset_state_store(1)),
    (AssetStateStoreApi, lambda api: api.get_asset_state_store(1, "k")),
    (AssetStateStoreApi, lambda api: api.set_asset_state_store(1, "k", AssetStateStoreBody(value=1))),
    (AssetStateStoreApi, lambda api: api.delete_asset_state_store(1, "k")),
    (AssetStateStoreApi, lambda api: api.clear_asset_state_store(1)),
    (JobApi, lambda api: api.get_jobs(is_alive=True)),
]
IDS = [op.id for api in (TaskStateStoreApi, AssetStateStoreApi, JobApi) for op in api.operations()]


@pytest.mark.parametrize(("api", "call"), CALLS, ids=IDS)
def test_airflow_2_has_none_and_nothing_is_sent(
    server: RecordingServer, client: ApiClient, api: type, call: Callable[[Any], Any]
) -> None:
    with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
        call(api(client))
    assert server.count == 0
