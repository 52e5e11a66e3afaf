from datetime import datetime

from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model.update_task_state import UpdateTaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UpdateTaskInstancesState"]


class UpdateTaskInstancesState(Model):
    """Set one task (and optionally its relatives) in one DAG run to a new state.

    Airflow 2 answers 400 unless all four ``include_*`` flags are given, though its spec calls them optional.
    """

    dry_run: bool | None = Field(default=None, doc="Only list what would change (the server's default is true).")
    task_id: str | None = Field(default=None, doc="The task.")
    execution_date: datetime | None = Field(
        default=None, doc="Logical date of the run; give this or `dag_run_id`, not both."
    )
    dag_run_id: str | None = Field(default=None, doc="The DAG run; give this or `execution_date`, not both.")
    include_upstream: bool | None = Field(default=None, doc="Also the upstream tasks.")
    include_downstream: bool | None = Field(default=None, doc="Also the downstream tasks.")
    include_future: bool | None = Field(default=None, doc="Also the task in later DAG runs.")
    include_past: bool | None = Field(default=None, doc="Also the task in earlier DAG runs.")
    new_state: UpdateTaskState | TaskState | None = Field(
        default=None, doc="The state to set: success, failed or skipped (Airflow 3 takes any task state)."
    )
