from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.pool import Pool
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["PoolCollection"]


class PoolCollection(CollectionInfo, Page[Pool]):
    """A page of pools and the total number there are."""

    pools: list[Pool] = Field(default=None, doc="The pools on this page.")
