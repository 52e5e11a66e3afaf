from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInletAssetReference"]


class TaskInletAssetReference(Model):
    """A task that lists an asset among its inlets (Airflow 3)."""

    dag_id: str = Field(default=None, read_only=True, doc="The task's DAG.")
    task_id: str = Field(default=None, read_only=True, doc="The task.")
    created_at: datetime = Field(default=None, read_only=True, doc="When the reference was recorded.")
    updated_at: datetime = Field(default=None, read_only=True, doc="When the reference last changed.")
