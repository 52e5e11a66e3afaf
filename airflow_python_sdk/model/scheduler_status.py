from datetime import datetime

from airflow_python_sdk.model.health_status import HealthStatus
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["SchedulerStatus"]


class SchedulerStatus(Model):
    """The scheduler's health and its latest heartbeat."""

    status: HealthStatus | None = Field(default=None, nullable=True, doc="The scheduler's health.")
    latest_scheduler_heartbeat: datetime | str | None = Field(
        default=None, nullable=True, read_only=True, doc="When the scheduler last reported in; None if never."
    )
