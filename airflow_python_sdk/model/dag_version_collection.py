from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["DagVersionCollection"]


class DagVersionCollection(Model, Page[DagVersion]):
    """A page of DAG versions and the total number that match."""

    dag_versions: list[DagVersion] = Field(default=None, doc="The versions on this page.")
    total_entries: int = Field(default=None, doc="How many versions match, before limit and offset apply.")
