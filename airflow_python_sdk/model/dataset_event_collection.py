from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dataset_event import DatasetEvent
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DatasetEventCollection"]


class DatasetEventCollection(CollectionInfo, Page[DatasetEvent]):
    """A page of dataset events and the total number that match."""

    dataset_events: list[DatasetEvent] = Field(
        default=None, fallback_keys=("asset_events",), doc="The events on this page (Airflow 3: asset events)."
    )
