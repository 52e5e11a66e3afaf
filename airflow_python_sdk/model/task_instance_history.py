from datetime import datetime

from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstanceHistory"]


class TaskInstanceHistory(Model):
    """A task instance as it was in one try."""

    task_id: str = Field(default=None, doc="The task.")
    task_display_name: str = Field(default=None, doc="The task's display name.")
    dag_id: str = Field(default=None, doc="The DAG.")
    dag_run_id: str = Field(default=None, doc="The DAG run.")
    start_date: datetime | None = Field(default=None, nullable=True, doc="When the try started.")
    end_date: datetime | None = Field(default=None, nullable=True, doc="When the try ended.")
    duration: float | None = Field(default=None, nullable=True, doc="Seconds the try ran.")
    state: TaskState | None = Field(default=None, nullable=True, doc="How the try ended (or its state now).")
    try_number: int = Field(default=None, doc="Which try this is, from 1.")
    map_index: int = Field(default=None, doc="Index of a mapped task; -1 when not mapped.")
    max_tries: int = Field(default=None, doc="Tries allowed.")
    hostname: str | None = Field(default=None, doc="Host it ran on.")
    unixname: str | None = Field(default=None, doc="Unix user it ran as.")
    pool: str = Field(default=None, doc="Pool it took a slot from.")
    pool_slots: int = Field(default=None, doc="Slots it took.")
    queue: str | None = Field(default=None, nullable=True, doc="Executor queue.")
    priority_weight: int | None = Field(default=None, nullable=True, doc="Priority.")
    operator: str | None = Field(default=None, nullable=True, doc="Operator class name.")
    queued_when: datetime | str | None = Field(default=None, nullable=True, doc="When it was queued.")
    pid: int | None = Field(default=None, nullable=True, doc="Process id it ran as.")
    executor: str | None = Field(default=None, nullable=True, doc="Executor it ran on; None for the default.")
    executor_config: str = Field(default=None, doc="Executor settings, serialised.")
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
    operator_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The operator's display name."
    )
    scheduled_when: datetime | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="When it was scheduled."
    )
    dag_version: DagVersion | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The version of the DAG it runs."
    )
