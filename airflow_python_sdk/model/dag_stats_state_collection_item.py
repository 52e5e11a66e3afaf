from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagStatsStateCollectionItem"]


class DagStatsStateCollectionItem(Model):
    """A run state and the number of a DAG's runs in it."""

    state: DagState = Field(default=None, doc="The run state.")
    count: int = Field(default=None, doc="How many runs are in that state.")
