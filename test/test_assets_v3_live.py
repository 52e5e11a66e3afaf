"""AssetApi against a real Airflow 3.3.2: the Airflow 3 names, filters and fields of the dataset
operations, asset aliases and materialization; and on an Airflow 2 host, that what only Airflow 3
has is refused before sending. The assets come from test/dags/sdk_h5_dags.py (DatasetApi's
behaviour on both servers is test/test_dataset_live.py's)."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.asset_api import AssetApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.models import (
    AssetAlias,
    AssetAliasCollection,
    AssetEventAccessControl,
    AssetWatcher,
    BasicDAGRun,
    CreateDatasetEvent,
    DAGRun,
    Dataset,
    DatasetEvent,
    LastAssetEvent,
    MaterializeAssetBody,
    QueuedEvent,
    TaskInletAssetReference,
)

from airflow_server import ADMIN, AirflowServer
from recording_server import RecordingServer

pytestmark = pytest.mark.live

NAMED = "x-sdk-h5://named/one"
TWICE = "x-sdk-h5://twice"
WATCHED = "x-sdk-h5://watched"
REFUSED = "x-sdk-h5://refused"
HOUR = dt.timedelta(hours=1)

AIRFLOW_3_NAMES = {  # the Asset tag's operationIds, and the DatasetApi methods answering to them
    "get_assets": "get_datasets",
    "get_asset": "get_dataset",
    "get_asset_events": "get_dataset_events",
    "create_asset_event": "create_dataset_event",
    "get_asset_queued_events": "get_dataset_queued_events",
    "delete_asset_queued_events": "delete_dataset_queued_events",
    "get_dag_asset_queued_events": "get_dag_dataset_queued_events",
    "delete_dag_asset_queued_events": "delete_dag_dataset_queued_events",
    "get_dag_asset_queued_event": "get_dag_dataset_queued_event",
    "delete_dag_asset_queued_event": "delete_dag_dataset_queued_event",
    "get_asset_aliases": "get_asset_aliases",
    "get_asset_alias": "get_asset_alias",
    "materialize_asset": "materialize_asset",
}


def _client(server: AirflowServer) -> ApiClient:
    return ApiClient(Configuration(host=server.api_url, username=ADMIN[0], password=ADMIN[1]))


@pytest.fixture(scope="module")
def assets(airflow3: AirflowServer) -> Iterator[AssetApi]:
    with _client(airflow3) as client:
        yield AssetApi(client)


def _time(text: str | None) -> dt.datetime:
    return dt.datetime.fromisoformat(text or "")


def test_asset_api_is_the_dataset_api_under_airflow_3_names() -> None:
    assert issubclass(AssetApi, DatasetApi)
    for name, method in AIRFLOW_3_NAMES.items():
        assert getattr(AssetApi, name) is getattr(AssetApi, method), name
    assert DatasetApi.get_assets is DatasetApi.get_datasets  # the names are DatasetApi's too
    assert {op.id for op in AssetApi.operations()} == {"get_asset_aliases", "get_asset_alias", "materialize_asset"}
    assert all(not op.v1 for op in AssetApi.operations())


def test_list_filters_and_every_field_of_an_asset(assets: AssetApi) -> None:
    ours = assets.get_assets(uri_prefix_pattern="x-sdk-h5://", order_by="uri")
    ours._validate()
    assert [a.uri for a in ours.datasets or []] == sorted([NAMED, TWICE, WATCHED, REFUSED])
    assert ours.total_entries == 4
    assert assets.get_assets(uri_prefix_pattern="X-SDK-H5://").datasets == []  # case-sensitive
    assert [a.uri for a in assets.get_assets(uri_pattern="X-SDK-H5://NAMED").datasets or []] == [NAMED]
    # the name: NAMED's is its own, the others' is their URI
    assert [a.uri for a in assets.get_assets(name_pattern="SDK_H5_NAMED").datasets or []] == [NAMED]
    assert [a.uri for a in assets.get_assets(name_prefix_pattern="sdk_h5_").datasets or []] == [NAMED]
    everything = assets.get_assets(only_active=False, limit=10000)
    assert (everything.total_entries or 0) >= (assets.get_assets(only_active=True, limit=10000).total_entries or 0) >= 4

    named = assets.get_asset(NAMED)
    named._validate()
    assert isinstance(named, Dataset) and named == next(a for a in ours.datasets or [] if a.uri == NAMED)
    assert (named.name, named.group, named.extra) == ("sdk_h5_named", "sdk_h5_group", {"team": "h5"})
    (reader,) = named.consuming_tasks or []
    assert isinstance(reader, TaskInletAssetReference) and (reader.dag_id, reader.task_id) == (
        "sdk_h5_asset_producer", "read")  # fmt: skip
    assert isinstance(reader.created_at, dt.datetime) and reader.created_at <= reader.updated_at
    assert [(t.dag_id, t.task_id) for t in named.producing_tasks or []] == [("sdk_h5_asset_producer", "make")]
    assert named.consuming_dags == [] and named.watchers == []
    assert isinstance(named.last_asset_event, LastAssetEvent)

    watched = assets.get_asset(WATCHED)
    watched._validate()
    (watcher,) = watched.watchers or []
    assert isinstance(watcher, AssetWatcher) and watcher.name == "sdk_h5_watcher"
    assert isinstance(watcher.trigger_id, int) and isinstance(watcher.created_date, dt.datetime)
    assert [d.dag_id for d in watched.consuming_dags or []] == ["sdk_h5_asset_watched"]
    assert (watched.name, watched.group, watched.producing_tasks, watched.aliases) == (WATCHED, "asset", [], [])


def test_events_of_a_task_and_an_alias(assets: AssetApi, airflow3: AirflowServer) -> None:
    logical = dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=uuid.uuid4().int % 10**6)
    airflow3.airflow("dags", "test", "sdk_h5_asset_producer", logical.isoformat())
    runs = DAGRunApi(assets.api_client).get_dag_runs(
        "sdk_h5_asset_producer", execution_date_gte=logical, execution_date_lte=logical
    )
    run_id = str((runs.dag_runs or [])[0].dag_run_id)

    page = assets.get_asset_events(source_run_id=run_id, order_by="timestamp")
    page._validate()
    events = page.dataset_events or []
    made = sorted((e.dataset_uri or "", str(e.extra), e.name or "", e.group or "") for e in events)  # any order
    assert made == [(NAMED, "{'via': 'alias'}", "sdk_h5_named", "sdk_h5_group"),
                    (NAMED, "{}", "sdk_h5_named", "sdk_h5_group"), (TWICE, "{}", TWICE, "asset")]  # fmt: skip
    for event in events:
        assert isinstance(event, DatasetEvent) and isinstance(event.id, int) and event.partition_key is None
        assert (event.source_dag_id, event.source_task_id) == ("sdk_h5_asset_producer", "make")
        assert event.source_map_index == -1
        assert event.created_dagruns == []  # no scheduler
    first, last = _time(events[0].timestamp), _time(events[-1].timestamp)

    def ids(**filters: Any) -> list[int | None]:
        return [e.id for e in assets.get_asset_events(source_run_id=run_id, **filters).dataset_events or []]

    assert ids(timestamp_gte=first) == ids() and ids(timestamp_gt=first) == [e.id for e in events[1:]]
    assert ids(timestamp_lte=last) == ids() and ids(timestamp_lt=last) == [e.id for e in events[:-1]]
    assert ids(timestamp_lt=first - HOUR) == [] and ids(timestamp_gte=last + HOUR) == []
    assert ids(name_pattern="SDK_H5_NAMED") == [e.id for e in events if e.dataset_uri == NAMED]
    assert ids(name_prefix_pattern="x-sdk-h5://") == [e.id for e in events if e.dataset_uri == TWICE]
    assert ids(name_prefix_pattern="X-SDK") == []

    named = assets.get_asset(NAMED)  # the alias now resolves to NAMED; its latest event is the alias's
    (alias,) = named.aliases or []
    assert isinstance(alias, AssetAlias) and (alias.name, alias.group) == ("sdk_h5_alias", "asset")
    latest = assets.get_asset_events(dataset_id=named.id, order_by="-timestamp", limit=1).dataset_events or []
    assert named.last_asset_event is not None and named.last_asset_event.id == latest[0].id
    assert named.last_asset_event.timestamp == _time(latest[0].timestamp)

    aliases = assets.get_asset_aliases(name_pattern="SDK_H5", order_by="-name", limit=10, offset=0)
    aliases._validate()
    assert isinstance(aliases, AssetAliasCollection) and aliases.asset_aliases == [alias] and aliases.total_entries == 1
    assert assets.get_asset_aliases(name_prefix_pattern="sdk_h5_al", order_by=["id"]).asset_aliases == [alias]
    assert assets.get_asset_aliases(name_prefix_pattern="SDK_H5").total_entries == 0
    assert alias in (assets.get_asset_aliases(limit=10000).asset_aliases)
    assert assets.get_asset_alias(alias.id) == alias
    with pytest.raises(sdk.NotFoundException) as missing:
        assets.get_asset_alias(10**9)
    assert "was not found" in (missing.value.detail or "")


def test_event_with_partition_and_queued_events_by_airflow_3_names(assets: AssetApi) -> None:
    with contextlib.suppress(sdk.NotFoundException):  # what a failed run of this test left queued
        assets.delete_asset_queued_events(WATCHED)
    made = assets.create_asset_event(
        CreateDatasetEvent(
            dataset_uri=WATCHED,
            extra={"n": 1},
            partition_key="2025-01",
            access_control=AssetEventAccessControl(consumer_teams=["h5"], allow_global=False),  # no multi-team here
        )
    )
    made._validate()
    assert (made.dataset_uri, made.partition_key, made.extra) == (WATCHED, "2025-01", {"n": 1, "from_rest_api": True})
    assert made.dataset_id == assets.get_asset(WATCHED).id and made.source_map_index == -1
    with pytest.raises(sdk.BadRequestException) as blank:  # a partition key needs a non-space character
        assets.create_asset_event(CreateDatasetEvent(dataset_uri=WATCHED, partition_key=" "))
    assert blank.value.status == 422
    # an event of a partition queues no run of a DAG that is not partitioned; one without a partition does
    assert assets.get_asset_queued_events(WATCHED).total_entries == 0
    made = assets.create_asset_event(CreateDatasetEvent(dataset_uri=WATCHED))

    queued = assets.get_asset_queued_events(WATCHED)
    queued._validate()
    (one,) = queued.datasets or []
    assert isinstance(one, QueuedEvent) and (one.uri, one.dag_id) == (WATCHED, "sdk_h5_asset_watched")
    assert one.asset_id == made.dataset_id
    assert one.dag_display_name == "sdk_h5_asset_watched" and isinstance(one.created_at, dt.datetime)
    assert assets.get_dag_asset_queued_events("sdk_h5_asset_watched").datasets == [one]
    assert assets.get_dag_asset_queued_event("sdk_h5_asset_watched", WATCHED, before=one.created_at + HOUR) == one
    with pytest.raises(sdk.NotFoundException):
        assets.get_dag_asset_queued_event("sdk_h5_asset_watched", WATCHED, before=one.created_at - HOUR)
    assert assets.delete_dag_asset_queued_event("sdk_h5_asset_watched", WATCHED) is None
    assert assets.get_asset_queued_events(WATCHED).total_entries == 0

    assets.create_asset_event(CreateDatasetEvent(dataset_uri=WATCHED))
    later = dt.datetime.now(dt.timezone.utc) + HOUR
    assert assets.delete_dag_asset_queued_events("sdk_h5_asset_watched", before=later) is None
    assets.create_asset_event(CreateDatasetEvent(dataset_uri=WATCHED))
    assert assets.delete_asset_queued_events(WATCHED) is None
    assert assets.get_dag_asset_queued_events("sdk_h5_asset_watched").total_entries == 0


def test_materialize_triggers_the_one_producing_dag(assets: AssetApi) -> None:
    run_id = f"sdk_h5_materialize_{uuid.uuid4().hex[:8]}"
    after = dt.datetime(2030, 6, 1, tzinfo=dt.timezone.utc)
    run = assets.materialize_asset(
        NAMED, MaterializeAssetBody(dag_run_id=run_id, note="made by the SDK", conf={"rows": 1}, run_after=after)
    )
    run._validate()
    assert isinstance(run, DAGRun) and (run.dag_id, run.dag_run_id) == ("sdk_h5_asset_producer", run_id)
    assert (run.state, run.run_type, run.run_after) == ("queued", "asset_materialization", after)
    assert (run.note, run.conf) == ("made by the SDK", {"rows": 1})
    assert run.logical_date is None and run.triggered_by == "rest_api"

    generated = assets.materialize_asset(NAMED)  # no body: the server picks the run id
    assert generated.dag_id == "sdk_h5_asset_producer"
    assert str(generated.dag_run_id).startswith("asset_materialization__")

    refusals: list[tuple[str, type[sdk.ApiException], str]] = [
        (TWICE, sdk.ConflictException, "More than one Dag"),
        (REFUSED, sdk.BadRequestException, "does not allow asset materialization"),
        (WATCHED, sdk.NotFoundException, "No Dag materializes"),
    ]
    for uri, error, says in refusals:
        with pytest.raises(error) as refused:
            assets.materialize_asset(uri)
        assert says in (refused.value.detail or ""), uri
    with pytest.raises(sdk.NotFoundException, match="no asset has the URI"):  # found by the SDK's look-up
        assets.materialize_asset("x-sdk-h5://never/declared")


def test_scheduler_links_the_runs_an_event_triggered(scheduled3: AirflowServer) -> None:
    with _client(scheduled3) as client:
        assets = AssetApi(client)
        made = assets.create_asset_event(CreateDatasetEvent(dataset_uri=WATCHED, extra={"tag": uuid.uuid4().hex}))
        deadline = time.monotonic() + 120
        while True:
            time.sleep(1)
            try:
                listed = assets.get_asset_events(dataset_id=made.dataset_id, limit=10000)
            except sdk.ServiceException:  # 3.3.2 on SQLite: a 500 now and then while its scheduler writes
                if time.monotonic() > deadline:
                    raise
                continue
            (event,) = [e for e in listed.dataset_events if e.id == made.id]
            if event.created_dagruns or time.monotonic() > deadline:
                break
        event._validate()
        (run,) = event.created_dagruns or []
        assert isinstance(run, BasicDAGRun) and run.dag_id == "sdk_h5_asset_watched" and run.triggering is True
        assert run.partition_key is None and isinstance(run.start_date, dt.datetime)
        assert run.state in ("queued", "running", "success")
        assert str(run.run_id).startswith("asset_triggered__")


def test_airflow_3_only_methods_and_parameters_send_nothing_to_airflow_2(
    server: RecordingServer, client: ApiClient
) -> None:
    assets = AssetApi(client)
    unsupported: list[Callable[[], Any]] = [
        lambda: assets.get_asset_aliases(),
        lambda: assets.get_asset_alias(1),
        lambda: assets.materialize_asset(NAMED, MaterializeAssetBody(note="x")),
    ]
    for call in unsupported:
        with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
            call()
    refused: list[Callable[[], Any]] = [
        lambda: assets.get_assets(name_pattern="x"),
        lambda: assets.get_datasets(name_prefix_pattern="x"),
        lambda: assets.get_assets(uri_prefix_pattern="x"),
        lambda: assets.get_assets(only_active=False),
        lambda: assets.get_asset_events(name_pattern="x"),
        lambda: assets.get_asset_events(name_prefix_pattern="x"),
        lambda: assets.get_dataset_events(timestamp_gte=dt.datetime(2025, 1, 1)),
        lambda: assets.get_asset_events(timestamp_gt=dt.datetime(2025, 1, 1)),
        lambda: assets.get_asset_events(timestamp_lte=dt.datetime(2025, 1, 1)),
        lambda: assets.get_asset_events(timestamp_lt=dt.datetime(2025, 1, 1)),
        lambda: assets.create_asset_event(CreateDatasetEvent(dataset_uri=NAMED, partition_key="p")),
        lambda: assets.create_dataset_event(
            CreateDatasetEvent(dataset_uri=NAMED, access_control=AssetEventAccessControl(allow_global=True))
        ),
    ]
    for call in refused:
        with pytest.raises(sdk.ApiValueError, match="Airflow 3"):
            call()
    assert server.count == 0
