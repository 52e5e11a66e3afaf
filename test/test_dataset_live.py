"""Every DatasetApi operation against both real servers (no scheduler: queued events stay queued).

Each test runs against Airflow 2.11.2, where these are datasets, and Airflow 3.3.2, where they are
assets addressed by id, with the same client code. The datasets come from
test/dags/sdk_dataset_dags.py; their URIs hold ``://``, ``/``, ``?``, ``&``, ``=``, spaces and ``%``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import uuid
from collections.abc import Callable, Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.models import (
    CreateDatasetEvent,
    DagScheduleDatasetReference,
    Dataset,
    DatasetCollection,
    DatasetEvent,
    DatasetEventCollection,
    QueuedEvent,
    QueuedEventCollection,
    TaskOutletDatasetReference,
)

from airflow_server import AirflowServer

pytestmark = pytest.mark.live

LISTED = "x-sdk-ds://warehouse/listed/table.csv"
AWKWARD = "x-sdk-ds://warehouse/odd dir/file 100%.csv?part=1&v=a=b"
QUEUE = "x-sdk-ds://queue/shared"
BOTH_1 = "x-sdk-ds://both/one"
BOTH_2 = "x-sdk-ds://both/two"
MAPPED = "x-sdk-ds://mapped/out"
OURS = sorted([LISTED, AWKWARD, QUEUE, BOTH_1, BOTH_2, MAPPED])
HOUR = dt.timedelta(hours=1)
_dates = itertools.count()


@pytest.fixture
def datasets(any_client: ApiClient) -> DatasetApi:
    return DatasetApi(any_client)


def _drop_queue(datasets: DatasetApi, uri: str) -> None:
    """Remove what an earlier (failed) test may have left queued on ``uri``."""
    with contextlib.suppress(sdk.NotFoundException):
        datasets.delete_dataset_queued_events(uri)


def _nothing_queued(server: AirflowServer, listing: Callable[[], QueuedEventCollection]) -> None:
    """An empty list of queued events: Airflow 2 answers 404, Airflow 3 an empty page."""
    if server.api_version == "v1":
        with pytest.raises(sdk.NotFoundException):
            listing()
    else:
        empty = listing()
        assert isinstance(empty, QueuedEventCollection) and (empty.datasets, empty.total_entries) == ([], 0)


@pytest.fixture
def clean_queues(datasets: DatasetApi) -> Iterator[None]:
    for uri in (QUEUE, BOTH_1, BOTH_2):
        _drop_queue(datasets, uri)
    yield
    for uri in (QUEUE, BOTH_1, BOTH_2):
        _drop_queue(datasets, uri)


def test_datasets_declared_by_dags_list_filter_and_page(datasets: DatasetApi, any_airflow: AirflowServer) -> None:
    everything = datasets.get_datasets(limit=10000)
    mine = datasets.get_datasets(uri_pattern="x-sdk-ds://", order_by="uri", limit=10000)
    assert isinstance(mine, DatasetCollection) and all(isinstance(d, Dataset) for d in mine.datasets or [])
    assert [d.uri for d in mine.datasets or []] == OURS
    # Airflow 2.11.2 counts every dataset in total_entries, whatever the filters; Airflow 3 those that match
    counted = everything.total_entries if any_airflow.api_version == "v1" else len(OURS)
    assert mine.total_entries == counted and (everything.total_entries or 0) >= len(OURS)

    backwards = datasets.get_datasets(uri_pattern="X-SDK-DS://", order_by="-uri")  # the pattern ignores case
    assert [d.uri for d in backwards.datasets or []] == OURS[::-1]
    page = datasets.get_datasets(uri_pattern="x-sdk-ds://", order_by="uri", limit=2, offset=1)
    assert [d.uri for d in page.datasets or []] == OURS[1:3]

    produced = datasets.get_datasets(dag_ids="sdk_ds_producer", order_by="uri")
    assert [d.uri for d in produced.datasets or []] == sorted([LISTED, AWKWARD])
    consumed = datasets.get_datasets(dag_ids="sdk_ds_consumer_a,sdk_ds_consumer_c", order_by="uri")
    assert [d.uri for d in consumed.datasets or []] == sorted([QUEUE, BOTH_1, BOTH_2])


def test_get_dataset_round_trips_uris_that_need_encoding(datasets: DatasetApi) -> None:
    awkward = datasets.get_dataset(AWKWARD)
    assert awkward.uri == AWKWARD and isinstance(awkward.id, int)
    assert [(t.dag_id, t.task_id) for t in awkward.producing_tasks or []] == [("sdk_ds_producer", "publish")]
    assert awkward.consuming_dags == [] and awkward.extra == {}

    listed = datasets.get_dataset(LISTED)
    assert listed.uri == LISTED and listed.extra == {"owner": "sdk", "rows": 3}
    (consumer,) = listed.consuming_dags or []
    assert isinstance(consumer, DagScheduleDatasetReference) and consumer.dag_id == "sdk_ds_listed_consumer"
    (producer,) = listed.producing_tasks or []
    assert isinstance(producer, TaskOutletDatasetReference) and producer.task_id == "publish"
    assert dt.datetime.fromisoformat(listed.created_at or "").tzinfo is not None
    assert listed.to_dict()["uri"] == LISTED

    listed_ids = {d.uri: d.id for d in datasets.get_datasets(uri_pattern="x-sdk-ds://").datasets or []}
    assert listed_ids[AWKWARD] == awkward.id and listed_ids[LISTED] == listed.id

    with pytest.raises(sdk.NotFoundException) as caught:
        datasets.get_dataset("x-sdk-ds://no/such dataset")
    assert caught.value.status == 404 and "no/such dataset" in (caught.value.detail or "")


def test_created_event_queues_runs_of_each_consumer(
    datasets: DatasetApi, any_airflow: AirflowServer, clean_queues: None
) -> None:
    tag = uuid.uuid4().hex
    dataset_id = datasets.get_dataset(QUEUE).id
    event = datasets.create_dataset_event(CreateDatasetEvent(dataset_uri=QUEUE, extra={"tag": tag, "rows": 7}))
    assert isinstance(event, DatasetEvent)
    assert (event.dataset_uri, event.dataset_id) == (QUEUE, dataset_id)
    assert event.extra == {"tag": tag, "rows": 7, "from_rest_api": True}
    assert (event.source_dag_id, event.source_task_id, event.source_run_id) == (None, None, None)
    assert event.created_dagruns == []  # no scheduler: the runs stay queued

    latest = datasets.get_dataset_events(dataset_id=dataset_id, order_by="-timestamp", limit=1)
    assert [e.extra for e in latest.dataset_events or []] == [event.extra]

    queued = datasets.get_dataset_queued_events(QUEUE)
    assert isinstance(queued, QueuedEventCollection) and queued.total_entries == 2
    assert sorted((q.dag_id, q.uri) for q in queued.datasets or []) == [
        ("sdk_ds_consumer_a", QUEUE),
        ("sdk_ds_consumer_b", QUEUE),
    ]
    for_a = datasets.get_dag_dataset_queued_events("sdk_ds_consumer_a")
    assert [(q.dag_id, q.uri) for q in for_a.datasets or []] == [("sdk_ds_consumer_a", QUEUE)]

    one = datasets.get_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE)
    assert isinstance(one, QueuedEvent) and (one.dag_id, one.uri) == ("sdk_ds_consumer_a", QUEUE)
    assert isinstance(one.created_at, dt.datetime) and one.created_at.tzinfo is not None
    assert one.created_at == (for_a.datasets or [])[0].created_at

    # `before` really filters: nothing was queued an hour before it, and it was queued before an hour later
    with pytest.raises(sdk.NotFoundException):
        datasets.get_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE, before=one.created_at - HOUR)
    assert datasets.get_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE, before=one.created_at + HOUR) == one
    _nothing_queued(any_airflow, lambda: datasets.get_dataset_queued_events(QUEUE, before=one.created_at - HOUR))
    with pytest.raises(sdk.NotFoundException):
        datasets.delete_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE, before=one.created_at - HOUR)

    assert datasets.delete_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE) is None
    with pytest.raises(sdk.NotFoundException):
        datasets.get_dag_dataset_queued_event("sdk_ds_consumer_a", QUEUE)
    left = datasets.get_dataset_queued_events(QUEUE, before=one.created_at + HOUR)
    assert [q.dag_id for q in left.datasets or []] == ["sdk_ds_consumer_b"] and left.total_entries == 1

    assert datasets.delete_dataset_queued_events(QUEUE, before=one.created_at + HOUR) is None
    _nothing_queued(any_airflow, lambda: datasets.get_dataset_queued_events(QUEUE))
    with pytest.raises(sdk.NotFoundException):
        datasets.delete_dataset_queued_events(QUEUE)


def test_delete_every_queued_event_of_a_dag(
    datasets: DatasetApi, any_airflow: AirflowServer, clean_queues: None
) -> None:
    for uri in (BOTH_1, BOTH_2):
        datasets.create_dataset_event(CreateDatasetEvent(dataset_uri=uri))
    queued = datasets.get_dag_dataset_queued_events("sdk_ds_consumer_c")
    assert queued.total_entries == 2
    assert sorted(q.uri or "" for q in queued.datasets or []) == [BOTH_1, BOTH_2]
    assert {q.dag_id for q in queued.datasets or []} == {"sdk_ds_consumer_c"}
    first = min(q.created_at for q in queued.datasets or [] if q.created_at)

    _nothing_queued(
        any_airflow, lambda: datasets.get_dag_dataset_queued_events("sdk_ds_consumer_c", before=first - HOUR)
    )
    with pytest.raises(sdk.NotFoundException):  # nothing that old to delete
        datasets.delete_dag_dataset_queued_events("sdk_ds_consumer_c", before=first - HOUR)
    assert datasets.get_dag_dataset_queued_events("sdk_ds_consumer_c", before=first + HOUR).total_entries == 2

    assert datasets.delete_dag_dataset_queued_events("sdk_ds_consumer_c") is None
    _nothing_queued(any_airflow, lambda: datasets.get_dag_dataset_queued_events("sdk_ds_consumer_c"))
    with pytest.raises(sdk.NotFoundException):
        datasets.delete_dag_dataset_queued_events("sdk_ds_consumer_c")


def test_create_dataset_event_errors(datasets: DatasetApi, any_airflow: AirflowServer) -> None:
    with pytest.raises(sdk.NotFoundException) as missing:
        datasets.create_dataset_event(CreateDatasetEvent(dataset_uri="x-sdk-ds://never/declared"))
    assert missing.value.title == "Dataset not found" or "x-sdk-ds://never/declared" in missing.value.detail
    # without a URI (which Airflow 2 refuses, and Airflow 3's form needs to find the asset): refused unsent
    with pytest.raises(sdk.ApiValueError) as bad:
        datasets.create_dataset_event(CreateDatasetEvent(extra={"no": "uri"}))
    assert bad.value.path_to_item == ["create_dataset_event", "create_dataset_event", "dataset_uri"]


def test_events_from_a_real_task_filter_order_and_page(
    datasets: DatasetApi, any_airflow: AirflowServer, any_dag_runs: DAGRunApi
) -> None:
    logical = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
        days=next(_dates), seconds=uuid.uuid4().int % 86400
    )
    any_airflow.airflow("dags", "test", "sdk_ds_mapped_producer", logical.isoformat())  # three mapped task instances
    (run,) = (
        any_dag_runs.get_dag_runs(
            "sdk_ds_mapped_producer", execution_date_gte=logical, execution_date_lte=logical
        ).dag_runs
        or []
    )
    run_id = str(run.dag_run_id)  # Airflow 2 names it after the logical date, Airflow 3 after the time it ran

    events = datasets.get_dataset_events(source_run_id=run_id, order_by="source_map_index")
    assert isinstance(events, DatasetEventCollection) and events.total_entries == 3
    assert [e.source_map_index for e in events.dataset_events or []] == [0, 1, 2]
    for e in events.dataset_events or []:
        assert (e.source_dag_id, e.source_task_id, e.source_run_id) == ("sdk_ds_mapped_producer", "publish", run_id)
        assert e.dataset_uri == MAPPED and e.extra == {}

    backwards = datasets.get_dataset_events(source_run_id=run_id, order_by="-source_map_index", limit=2, offset=1)
    assert [e.source_map_index for e in backwards.dataset_events or []] == [1, 0] and backwards.total_entries == 3
    one = datasets.get_dataset_events(source_run_id=run_id, source_map_index=2)
    assert [e.source_map_index for e in one.dataset_events or []] == [2] and one.total_entries == 1
    # Airflow 2.11.2 drops a falsy filter: source_map_index=0 filters nothing there, but does on Airflow 3
    first_only = datasets.get_dataset_events(source_run_id=run_id, source_map_index=0).total_entries
    assert first_only == (3 if any_airflow.api_version == "v1" else 1)

    mapped_id = datasets.get_dataset(MAPPED).id
    by_task = datasets.get_dataset_events(
        source_dag_id="sdk_ds_mapped_producer", source_task_id="publish", dataset_id=mapped_id, limit=10000
    )
    assert run_id in {e.source_run_id for e in by_task.dataset_events or []}
    assert {e.dataset_id for e in by_task.dataset_events or []} == {mapped_id}
    assert datasets.get_dataset_events(source_run_id=run_id, source_task_id="other").dataset_events == []
    assert datasets.get_dataset_events(source_run_id=run_id, source_dag_id="sdk_ds_producer").total_entries == 0
