from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dag_warning import DagWarning
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["DagWarningCollection"]


class DagWarningCollection(CollectionInfo, Page[DagWarning]):
    """A page of DAG warnings and the total number that match."""

    dag_warnings: list[DagWarning] = Field(default=None, doc="The warnings on this page.")
