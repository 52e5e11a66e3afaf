"""Datasets: list and read them, record updates, and manage the updates queued for consuming DAGs.

A dataset URI is a path parameter; it is percent-encoded whole (``://`` and ``/`` included), so pass
it exactly as the DAG declares it.

Airflow 3 calls datasets assets and addresses them by a numeric id. On an Airflow 3 host each method
taking a URI first looks up the asset with exactly that URI (one extra request), and answers carry
the URI as on Airflow 2. Each method also answers to Airflow 3's name (``get_assets`` for
``get_datasets``); :class:`~airflow_python_sdk.api.asset_api.AssetApi` adds what only Airflow 3 has.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.exceptions import not_found
from airflow_python_sdk.model.create_dataset_event import CreateDatasetEvent
from airflow_python_sdk.model.dataset import Dataset
from airflow_python_sdk.model.dataset_collection import DatasetCollection
from airflow_python_sdk.model.dataset_event import DatasetEvent
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.queued_event import QueuedEvent
from airflow_python_sdk.model.queued_event_collection import QueuedEventCollection
from airflow_python_sdk.model_utils import to_json
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, Args, operation
from airflow_python_sdk.pagination import paginate

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["DatasetApi"]

_DAG_QUEUE = "/dags/{dag_id}/datasets/queuedEvent"
_DATASET_QUEUE = "/datasets/queuedEvent/{uri}"
_READ = (401, 403, 404)
_DELETE = (400, 401, 403, 404)
_DAG_QUEUE_V2 = "/dags/{dag_id}/assets/queuedEvents"
_ASSET_QUEUE_V2 = "/assets/{uri}/queuedEvents"


def _asset_id(client: ApiClient, uri: str) -> int:
    """The id of the Airflow 3 asset whose URI is exactly ``uri`` (the server's filter matches parts),
    active or not (as Airflow 2 finds datasets no DAG declares any more)."""
    for asset in paginate(DatasetApi(client).get_datasets, uri_pattern=uri, only_active=False):
        if asset.uri == uri:
            return asset.id
    raise not_found(f"no asset has the URI {uri!r}")


def _by_asset_id(client: ApiClient, args: Args) -> Args:
    """The URI is looked up as the id of the asset with exactly that URI (one more request)."""
    return {**args, "uri": _asset_id(client, args["uri"])}


def _event_for_asset(client: ApiClient, args: Args) -> Args:
    """``dataset_uri`` is looked up as its asset's id, sent as ``asset_id``."""
    body = to_json(args["create_dataset_event"])  # its dataset_uri is set (a required field)
    return {**args, "create_dataset_event": {**body, "dataset_uri": _asset_id(client, body["dataset_uri"])}}


def _add_uris(data: Any, uri_of: Callable[[dict[str, Any]], Any]) -> Any:
    """A queued event, or a page of them, with each event's URI filled in."""
    if not isinstance(data, dict):
        return data
    events = data.get("queued_events")
    if not isinstance(events, list):
        return {**data, "uri": uri_of(data)}
    return {**data, "queued_events": [{**e, "uri": uri_of(e)} if isinstance(e, dict) else e for e in events]}


def _with_uri(client: ApiClient, args: Args, data: Any) -> Any:
    """Queued events carry the URI asked for, as on Airflow 2."""
    return _add_uris(data, lambda event: args["uri"])


def _with_uris(client: ApiClient, args: Args, data: Any) -> Any:
    """Queued events carry their asset's URI (looked up among the DAG's assets), as on Airflow 2."""
    if not (isinstance(data, dict) and data.get("queued_events")):
        return data
    uris = {asset.id: asset.uri for asset in paginate(DatasetApi(client).get_datasets, dag_ids=str(args["dag_id"]))}
    return _add_uris(
        data, lambda event: uris.get(event["asset_id"]) if isinstance(event.get("asset_id"), int) else None
    )


class DatasetApi(Api):
    """Operations on datasets, their events and their queued events."""

    @operation(
        "GET",
        _DAG_QUEUE + "/{uri}",
        errors=_READ,
        v2=V2("/dags/{dag_id}/assets/{uri}/queuedEvents", resolve=_by_asset_id, answer=_with_uri),
    )
    def get_dag_dataset_queued_event(
        self, dag_id: str | int, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEvent:
        """Get the update of one dataset queued for one DAG.

        :param dag_id: The consuming DAG's id.
        :param uri: The dataset's URI.
        :param before: Only if it was queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "DELETE",
        _DAG_QUEUE + "/{uri}",
        errors=_DELETE,
        v2=V2("/dags/{dag_id}/assets/{uri}/queuedEvents", resolve=_by_asset_id),
    )
    def delete_dag_dataset_queued_event(
        self, dag_id: str | int, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop the update of one dataset queued for one DAG.

        :param dag_id: The consuming DAG's id.
        :param uri: The dataset's URI.
        :param before: Only if it was queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG_QUEUE, errors=_READ, v2=V2(_DAG_QUEUE_V2, answer=_with_uris))
    def get_dag_dataset_queued_events(
        self, dag_id: str | int, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEventCollection:
        """List the dataset updates queued for one DAG (404 when there are none).

        :param dag_id: The consuming DAG's id.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DAG_QUEUE, errors=_DELETE, v2=V2(_DAG_QUEUE_V2))
    def delete_dag_dataset_queued_events(
        self, dag_id: str | int, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop every dataset update queued for one DAG (404 when there are none).

        :param dag_id: The consuming DAG's id.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "GET",
        _DATASET_QUEUE,
        errors=_READ,
        v2=V2(_ASSET_QUEUE_V2, resolve=_by_asset_id, answer=_with_uri),
    )
    def get_dataset_queued_events(
        self, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEventCollection:
        """List the DAGs an update of one dataset is queued for (404 when there are none).

        :param uri: The dataset's URI.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "DELETE",
        _DATASET_QUEUE,
        errors=_DELETE,
        v2=V2(_ASSET_QUEUE_V2, resolve=_by_asset_id),
    )
    def delete_dataset_queued_events(
        self, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop the updates of one dataset queued for any DAG (404 when there are none).

        :param uri: The dataset's URI.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/datasets", errors=(401, 403), v2=V2("/assets", split=("dag_ids",)))
    def get_datasets(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        uri_pattern: str | None = None,
        dag_ids: str | None = None,
        name_pattern: str | None = AIRFLOW_3_ONLY,
        name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        uri_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        only_active: bool | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DatasetCollection:
        """List datasets.

        :param limit: How many datasets to return (server default 100; Airflow 3: 50).
        :param offset: How many datasets to skip.
        :param order_by: Field to sort by (id, uri, created_at, updated_at; Airflow 3: name too); prefix with
            ``-`` for descending.
        :param uri_pattern: Only datasets whose URI contains this text (case-insensitive).
        :param dag_ids: Only datasets some of these DAGs (comma-separated ids) produce or consume.
        :param only_active: False lists assets no DAG declares any more too (server default true).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/datasets/{uri}", errors=_READ, v2=V2("/assets/{uri}", resolve=_by_asset_id))
    def get_dataset(self, uri: str, **kwargs: Unpack[CallOptions]) -> Dataset:
        """Get a dataset by its URI.

        :param uri: The dataset's URI.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "GET",
        "/datasets/events",
        errors=_READ,
        v2=V2("/assets/events", rename={"dataset_id": "asset_id"}),
    )
    def get_dataset_events(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        dataset_id: int | None = None,
        source_dag_id: str | None = None,
        source_task_id: str | None = None,
        source_run_id: str | None = None,
        source_map_index: int | None = None,
        name_pattern: str | None = AIRFLOW_3_ONLY,
        name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        timestamp_gte: datetime | None = AIRFLOW_3_ONLY,
        timestamp_gt: datetime | None = AIRFLOW_3_ONLY,
        timestamp_lte: datetime | None = AIRFLOW_3_ONLY,
        timestamp_lt: datetime | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DatasetEventCollection:
        """List dataset events (updates of datasets).

        :param limit: How many events to return (server default 100).
        :param offset: How many events to skip.
        :param order_by: Field to sort by (timestamp by default); prefix with ``-`` for descending.
        :param dataset_id: Only updates of this dataset.
        :param source_dag_id: Only updates made by this DAG.
        :param source_task_id: Only updates made by this task.
        :param source_run_id: Only updates made by this DAG run.
        :param source_map_index: Only updates made by this map index (the server ignores 0).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        "/datasets/events",
        body="create_dataset_event",
        errors=(400, 401, 403, 404),
        v2=V2("/assets/events", rename={"dataset_uri": "asset_id"}, resolve=_event_for_asset),
    )
    def create_dataset_event(
        self, create_dataset_event: CreateDatasetEvent, **kwargs: Unpack[CallOptions]
    ) -> DatasetEvent:
        """Record an update of a dataset, which queues runs of the DAGs scheduled on it.

        :param create_dataset_event: The dataset's URI and optional extra data (Airflow 3: a partition key too).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    # Airflow 3's names (operationIds) of these operations
    get_assets = get_datasets
    get_asset = get_dataset
    get_asset_events = get_dataset_events
    create_asset_event = create_dataset_event
    get_asset_queued_events = get_dataset_queued_events
    delete_asset_queued_events = delete_dataset_queued_events
    get_dag_asset_queued_events = get_dag_dataset_queued_events
    delete_dag_asset_queued_events = delete_dag_dataset_queued_events
    get_dag_asset_queued_event = get_dag_dataset_queued_event
    delete_dag_asset_queued_event = delete_dag_dataset_queued_event
