"""A reference to one task instance."""

from __future__ import annotations

from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstanceReference"]


class TaskInstanceReference(Model):
    """Which task instance an action touched (or would touch, in a dry run)."""

    task_id: str | None = Field(default=None, read_only=True, doc="The task.")
    dag_id: str | None = Field(default=None, read_only=True, doc="The DAG.")
    execution_date: datetime | None = Field(
        default=None, read_only=True, fallback_keys=("logical_date",), doc="Logical date of the run."
    )
    dag_run_id: str | None = Field(default=None, read_only=True, doc="The DAG run.")
