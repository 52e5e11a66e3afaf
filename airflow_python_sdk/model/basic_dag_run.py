from datetime import datetime

from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BasicDAGRun"]


class BasicDAGRun(Model):
    """A DAG run's identity, dates and state."""

    run_id: str | None = Field(default=None, doc="Run id.")
    dag_id: str | None = Field(default=None, read_only=True, doc="The DAG.")
    logical_date: datetime | None = Field(default=None, doc="The point in time the run covers.")
    start_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it started.")
    end_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it finished.")
    data_interval_start: datetime | None = Field(default=None, nullable=True, read_only=True)
    data_interval_end: datetime | None = Field(default=None, nullable=True, read_only=True)
    state: DagState | None = Field(default=None, read_only=True, doc="The run's state.")
    partition_key: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The partition the run covers."
    )
    triggering: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether this event triggered the run (its latest event)."
    )
