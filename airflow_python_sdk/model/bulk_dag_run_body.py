from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkDAGRunBody"]


class BulkDAGRunBody(Model):
    """A DAG run named by its id (and its DAG's, where the path says ``~``), with what to change."""

    dag_run_id: str = Field(default=None, doc="The run.")
    dag_id: str | None = Field(default=None, nullable=True, doc="Its DAG; needed when the path's dag_id is ``~``.")
    state: DagState | None = Field(default=None, nullable=True, doc="An update's new state: success, failed or queued.")
    note: str | None = Field(default=None, nullable=True, doc="An update's new note (at most 1000 characters).")
