from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["XComCollectionItem"]


class XComCollectionItem(Model):
    """An XCom entry as listed: where it comes from, but not its value."""

    key: str | None = Field(default=None, doc="The key.")
    timestamp: datetime | None = Field(default=None, doc="When it was pushed.")
    execution_date: datetime | None = Field(
        default=None, fallback_keys=("logical_date",), doc="Logical date of the run."
    )
    map_index: int | None = Field(default=None, doc="Map index of the task instance that pushed it; -1 if not mapped.")
    task_id: str | None = Field(default=None, doc="The task that pushed it.")
    dag_id: str | None = Field(default=None, doc="The DAG.")
    run_id: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG run.")
    run_after: datetime | None = Field(
        default=None, read_only=True, v2_only=True, doc="The earliest time its run could start."
    )
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
    task_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The task's display name.")
