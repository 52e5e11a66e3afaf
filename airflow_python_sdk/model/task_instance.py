from datetime import datetime
from typing import Any
from uuid import UUID

from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model.job import Job
from airflow_python_sdk.model.sla_miss import SLAMiss
from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model.trigger import Trigger
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstance"]


class TaskInstance(Model):
    """One task of one DAG run (one map index of a mapped task)."""

    task_id: str = Field(default=None, doc="The task.")
    task_display_name: str | None = Field(default=None, doc="The task's display name.")
    dag_id: str = Field(default=None, doc="The DAG.")
    dag_run_id: str = Field(default=None, doc="The DAG run.")
    execution_date: datetime | None = Field(
        default=None, fallback_keys=("logical_date",), doc="Logical date of the run."
    )
    start_date: datetime | None = Field(default=None, nullable=True, doc="When it started.")
    end_date: datetime | None = Field(default=None, nullable=True, doc="When it ended.")
    duration: float | None = Field(default=None, nullable=True, doc="Seconds it ran.")
    state: TaskState | None = Field(default=None, nullable=True, doc="Its state; None before it is scheduled.")
    try_number: int | None = Field(default=None, doc="Current try.")
    map_index: int | None = Field(default=None, doc="Index of a mapped task; -1 when not mapped.")
    max_tries: int | None = Field(default=None, doc="Tries allowed.")
    hostname: str | None = Field(default=None, doc="Host it ran on.")
    unixname: str | None = Field(default=None, doc="Unix user it ran as.")
    pool: str | None = Field(default=None, doc="Pool it takes a slot from.")
    pool_slots: int | None = Field(default=None, doc="Slots it takes.")
    queue: str | None = Field(default=None, nullable=True, doc="Executor queue.")
    priority_weight: int | None = Field(default=None, nullable=True, doc="Priority.")
    operator: str | None = Field(default=None, nullable=True, doc="Operator class name.")
    queued_when: datetime | str | None = Field(default=None, nullable=True, doc="When it was queued.")
    pid: int | None = Field(default=None, nullable=True, doc="Process id while running.")
    executor: str | None = Field(default=None, nullable=True, doc="Executor it runs on; None for the default.")
    executor_config: str | None = Field(default=None, doc="Executor settings, serialised.")
    sla_miss: SLAMiss | None = Field(default=None, nullable=True, doc="Its missed SLA, if any.")
    rendered_map_index: str | None = Field(default=None, nullable=True, doc="Display name of a mapped instance.")
    rendered_fields: dict[str, Any] | None = Field(default=None, doc="Templated fields as rendered.")
    trigger: Trigger | None = Field(default=None, nullable=True, doc="Trigger a deferred instance waits on.")
    triggerer_job: Job | None = Field(default=None, nullable=True, doc="Triggerer running that trigger.")
    note: str | None = Field(default=None, nullable=True, doc="A free-text note left by a user.")
    id: UUID | None = Field(default=None, read_only=True, v2_only=True, doc="Its unique id.")
    run_after: datetime | None = Field(
        default=None, read_only=True, v2_only=True, doc="The earliest time its run could start."
    )
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
