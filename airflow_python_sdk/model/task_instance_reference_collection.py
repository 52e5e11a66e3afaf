"""A list of task instance references."""

from __future__ import annotations

from airflow_python_sdk.model.task_instance_reference import TaskInstanceReference
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstanceReferenceCollection"]


class TaskInstanceReferenceCollection(Model):
    """The task instances an action touched (or would touch, in a dry run)."""

    task_instances: list[TaskInstanceReference] | None = Field(default=None, doc="The task instances.")
