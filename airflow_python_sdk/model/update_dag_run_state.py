from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UpdateDagRunState"]


class UpdateDagRunState(Model):
    """A new state for a DAG run: success, failed or queued."""

    state: DagState | None = Field(default=None, required=True, doc="The state to set: success, failed or queued.")
