"""A page of task instances."""

from __future__ import annotations

from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model_utils import Field

__all__ = ["TaskInstanceCollection"]


class TaskInstanceCollection(CollectionInfo):
    """A page of task instances and the total number that match."""

    task_instances: list[TaskInstance] | None = Field(default=None, doc="The task instances on this page.")
    total_entries_limit: int | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The most entries the server counts."
    )
    next_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor for the next page."
    )
    previous_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor for the previous page."
    )
