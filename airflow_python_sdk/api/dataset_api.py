"""Datasets: list and read them, record updates, and manage the updates queued for consuming DAGs.

A dataset URI is a path parameter; it is percent-encoded whole (``://`` and ``/`` included), so pass
it exactly as the DAG declares it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.model.create_dataset_event import CreateDatasetEvent
from airflow_python_sdk.model.dataset import Dataset
from airflow_python_sdk.model.dataset_collection import DatasetCollection
from airflow_python_sdk.model.dataset_event import DatasetEvent
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.queued_event import QueuedEvent
from airflow_python_sdk.model.queued_event_collection import QueuedEventCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DatasetApi"]

_DAG_QUEUE = "/dags/{dag_id}/datasets/queuedEvent"
_DATASET_QUEUE = "/datasets/queuedEvent/{uri}"
_READ = (401, 403, 404)
_DELETE = (400, 401, 403, 404)


class DatasetApi(Api):
    """Operations on datasets, their events and their queued events."""

    @operation("GET", _DAG_QUEUE + "/{uri}", errors=_READ)
    def get_dag_dataset_queued_event(
        self, dag_id: str | int, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEvent:
        """Get the update of one dataset queued for one DAG.

        :param dag_id: The consuming DAG's id.
        :param uri: The dataset's URI.
        :param before: Only if it was queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DAG_QUEUE + "/{uri}", errors=_DELETE)
    def delete_dag_dataset_queued_event(
        self, dag_id: str | int, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop the update of one dataset queued for one DAG.

        :param dag_id: The consuming DAG's id.
        :param uri: The dataset's URI.
        :param before: Only if it was queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG_QUEUE, errors=_READ)
    def get_dag_dataset_queued_events(
        self, dag_id: str | int, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEventCollection:
        """List the dataset updates queued for one DAG (404 when there are none).

        :param dag_id: The consuming DAG's id.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DAG_QUEUE, errors=_DELETE)
    def delete_dag_dataset_queued_events(
        self, dag_id: str | int, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop every dataset update queued for one DAG (404 when there are none).

        :param dag_id: The consuming DAG's id.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DATASET_QUEUE, errors=_READ)
    def get_dataset_queued_events(
        self, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> QueuedEventCollection:
        """List the DAGs an update of one dataset is queued for (404 when there are none).

        :param uri: The dataset's URI.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DATASET_QUEUE, errors=_DELETE)
    def delete_dataset_queued_events(
        self, uri: str, before: datetime | None = None, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Drop the updates of one dataset queued for any DAG (404 when there are none).

        :param uri: The dataset's URI.
        :param before: Only those queued before this time.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/datasets", errors=(401, 403))
    def get_datasets(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        uri_pattern: str | None = None,
        dag_ids: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DatasetCollection:
        """List datasets.

        :param limit: How many datasets to return (server default 100).
        :param offset: How many datasets to skip.
        :param order_by: Field to sort by (id, uri, created_at, updated_at); prefix with ``-`` for descending.
        :param uri_pattern: Only datasets whose URI contains this text (case-insensitive).
        :param dag_ids: Only datasets some of these DAGs (comma-separated ids) produce or consume.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/datasets/{uri}", errors=_READ)
    def get_dataset(self, uri: str, **kwargs: Unpack[CallOptions]) -> Dataset:
        """Get a dataset by its URI.

        :param uri: The dataset's URI.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/datasets/events", errors=_READ)
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

    @operation("POST", "/datasets/events", body="create_dataset_event", errors=(400, 401, 403, 404))
    def create_dataset_event(
        self, create_dataset_event: CreateDatasetEvent, **kwargs: Unpack[CallOptions]
    ) -> DatasetEvent:
        """Record an update of a dataset, which queues runs of the DAGs scheduled on it.

        :param create_dataset_event: The dataset's URI and optional extra data.
        """
        return self._call(locals())  # type: ignore[no-any-return]
