from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dataset import Dataset
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DatasetCollection"]


class DatasetCollection(CollectionInfo, Page[Dataset]):
    """A page of datasets and a total count."""

    datasets: list[Dataset] = Field(
        default=None, fallback_keys=("assets",), doc="The datasets on this page (Airflow 3: assets)."
    )
