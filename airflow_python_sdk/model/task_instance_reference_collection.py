"""A list of task instance references."""

from __future__ import annotations

from airflow_python_sdk.model.task_instance_reference import TaskInstanceReference
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstanceReferenceCollection"]


class TaskInstanceReferenceCollection(Model):
    """The task instances an action touched (or would touch, in a dry run)."""

    task_instances: list[TaskInstanceReference] | None = Field(default=None, doc="The task instances.")
    total_entries: int | None = Field(default=None, read_only=True, v2_only=True, doc="How many there are.")
    total_entries_limit: int | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The most entries the server counts."
    )
    next_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor for the next page."
    )
    previous_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor for the previous page."
    )
