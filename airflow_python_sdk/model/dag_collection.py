from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DAGCollection"]


class DAGCollection(CollectionInfo, Page[DAG]):
    """A page of DAGs and the total number that match."""

    dags: list[DAG] = Field(default=None, doc="The DAGs on this page.")
