from airflow_python_sdk.model.collection_info import CursorPage
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DAGRunCollection"]


class DAGRunCollection(CursorPage, Page[DAGRun]):
    """A page of DAG runs and the total number that match."""

    dag_runs: list[DAGRun] = Field(default=None, doc="The runs on this page.")
