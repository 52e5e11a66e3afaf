from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagScheduleDatasetReference"]


class DagScheduleDatasetReference(Model):
    """A DAG that runs when a dataset is updated."""

    dag_id: str = Field(default=None, nullable=True, doc="The consuming DAG.")
    created_at: str = Field(default=None, doc="When the reference was recorded (ISO 8601 text).")
    updated_at: str = Field(default=None, doc="When the reference last changed (ISO 8601 text).")
