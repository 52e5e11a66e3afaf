"""The body that sets a task instance's state."""

from __future__ import annotations

from airflow_python_sdk.model.update_task_state import UpdateTaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UpdateTaskInstance"]


class UpdateTaskInstance(Model):
    """A new state for a task instance, or a dry run that only says which instance it would change."""

    dry_run: bool | None = Field(default=None, doc="Only report what would change (the server's default is true).")
    new_state: UpdateTaskState | None = Field(default=None, doc="The state to set: success, failed or skipped.")
