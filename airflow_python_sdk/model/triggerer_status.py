from datetime import datetime

from airflow_python_sdk.model.health_status import HealthStatus
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TriggererStatus"]


class TriggererStatus(Model):
    """The triggerer's health and its latest heartbeat."""

    status: HealthStatus | None = Field(default=None, nullable=True, doc="The triggerer's health.")
    latest_triggerer_heartbeat: datetime | str | None = Field(
        default=None, nullable=True, read_only=True, doc="When the triggerer last reported in; None if never."
    )
