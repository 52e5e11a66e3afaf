from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DAGRunPatchBody"]


class DAGRunPatchBody(Model):
    """A new state and/or note for a DAG run; with an ``update_mask``, only the fields it names apply."""

    state: DagState | None = Field(default=None, nullable=True, doc="success, failed or queued.")
    note: str | None = Field(default=None, nullable=True, doc="The note (at most 1000 characters); ``None`` clears it.")
