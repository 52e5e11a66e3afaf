from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dag_stats_collection_item import DagStatsCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DagStatsCollectionSchema"]


class DagStatsCollectionSchema(CollectionInfo, Page[DagStatsCollectionItem]):
    """The run counts of each DAG asked for, and how many DAGs there are."""

    dags: list[DagStatsCollectionItem] = Field(default=None, doc="One entry per DAG.")
