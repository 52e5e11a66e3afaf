from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["SLAMiss"]


class SLAMiss(Model):
    """A task that missed its service-level agreement."""

    task_id: str | None = Field(default=None, read_only=True, doc="The task.")
    dag_id: str | None = Field(default=None, doc="The DAG.")
    execution_date: datetime | None = Field(default=None, doc="Logical date of the run.")
    email_sent: bool | None = Field(default=None, doc="Whether an email went out.")
    timestamp: datetime | None = Field(default=None, doc="When the miss was recorded.")
    description: str | None = Field(default=None, nullable=True, doc="Description.")
    notification_sent: bool | None = Field(default=None, doc="Whether a notification went out.")
