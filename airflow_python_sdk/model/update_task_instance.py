from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model.update_task_state import UpdateTaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UpdateTaskInstance"]


class UpdateTaskInstance(Model):
    """A new state (or note) for a task instance, or a dry run that only says what it would change.

    On Airflow 3 only the fields given are changed; ``include_*`` extend a state change to relatives.
    """

    dry_run: bool | None = Field(default=None, doc="Only report what would change (the server's default is true).")
    new_state: UpdateTaskState | TaskState | None = Field(
        default=None, doc="The state to set: success, failed or skipped (Airflow 3 takes any task state)."
    )
    note: str | None = Field(default=None, nullable=True, v2_only=True, doc='A note to set; ``""`` removes it.')
    include_upstream: bool | None = Field(default=None, v2_only=True, doc="Also the upstream tasks.")
    include_downstream: bool | None = Field(default=None, v2_only=True, doc="Also the downstream tasks.")
    include_future: bool | None = Field(default=None, v2_only=True, doc="Also the task in later DAG runs.")
    include_past: bool | None = Field(default=None, v2_only=True, doc="Also the task in earlier DAG runs.")
