from datetime import datetime

from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ListTaskInstanceForm"]


class ListTaskInstanceForm(Model):
    """Filters and page for listing task instances across DAGs and runs (lists match any of their values)."""

    page_offset: int | None = Field(default=None, doc="How many task instances to skip.")
    page_limit: int | None = Field(default=None, doc="How many task instances to return (server default 100).")
    dag_ids: list[str] | None = Field(default=None, doc="Only instances of these DAGs.")
    dag_run_ids: list[str] | None = Field(default=None, doc="Only instances of these DAG runs.")
    task_ids: list[str] | None = Field(default=None, doc="Only instances of these tasks.")
    execution_date_gte: datetime | None = Field(default=None, doc="Logical date at or after this.")
    execution_date_lte: datetime | None = Field(default=None, doc="Logical date at or before this.")
    start_date_gte: datetime | None = Field(default=None, doc="Started at or after this.")
    start_date_lte: datetime | None = Field(default=None, doc="Started at or before this.")
    end_date_gte: datetime | None = Field(default=None, doc="Ended at or after this.")
    end_date_lte: datetime | None = Field(default=None, doc="Ended at or before this.")
    duration_gte: float | None = Field(default=None, doc="Ran at least this many seconds.")
    duration_lte: float | None = Field(default=None, doc="Ran at most this many seconds.")
    state: list[TaskState | None] | None = Field(
        default=None, doc="Only instances in these states (Airflow 3: None for no state, Airflow 2: ``none``)."
    )
    pool: list[str] | None = Field(default=None, doc="Only instances in these pools.")
    queue: list[str] | None = Field(default=None, doc="Only instances in these queues.")
    executor: list[str] | None = Field(default=None, doc="Only instances on these executors.")
    logical_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Logical date after this.")
    logical_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Logical date before this.")
    run_after_gte: datetime | None = Field(default=None, v2_only=True, doc="Run after at or after this.")
    run_after_gt: datetime | None = Field(default=None, v2_only=True, doc="Run after after this.")
    run_after_lte: datetime | None = Field(default=None, v2_only=True, doc="Run after at or before this.")
    run_after_lt: datetime | None = Field(default=None, v2_only=True, doc="Run after before this.")
    start_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Started after this.")
    start_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Started before this.")
    end_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Ended after this.")
    end_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Ended before this.")
    duration_gt: float | None = Field(default=None, v2_only=True, doc="Ran more than this many seconds.")
    duration_lt: float | None = Field(default=None, v2_only=True, doc="Ran less than this many seconds.")
    order_by: str | None = Field(
        default=None, v2_only=True, doc="id, state, duration, start_date, end_date or map_index; ``-`` for descending."
    )
