from datetime import datetime

from airflow_python_sdk.model.health_status import HealthStatus
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagProcessorStatus"]


class DagProcessorStatus(Model):
    """The DAG processor's health and its latest heartbeat."""

    status: HealthStatus | None = Field(default=None, nullable=True, doc="The DAG processor's health.")
    latest_dag_processor_heartbeat: datetime | str | None = Field(
        default=None, nullable=True, read_only=True, doc="When the DAG processor last reported in; None if never."
    )
