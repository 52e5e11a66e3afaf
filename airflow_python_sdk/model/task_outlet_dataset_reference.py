from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskOutletDatasetReference"]


class TaskOutletDatasetReference(Model):
    """A task that lists a dataset among its outlets."""

    dag_id: str = Field(default=None, nullable=True, doc="The producing task's DAG.")
    task_id: str = Field(default=None, nullable=True, doc="The producing task.")
    created_at: str = Field(default=None, doc="When the reference was recorded (ISO 8601 text).")
    updated_at: str = Field(default=None, doc="When the reference last changed (ISO 8601 text).")
