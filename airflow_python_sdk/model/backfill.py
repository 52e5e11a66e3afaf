from datetime import datetime
from typing import Any

from airflow_python_sdk.model.reprocess_behavior import ReprocessBehavior
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Backfill"]


class Backfill(Model):
    """Runs of a DAG over a past date range, made and run as one job (Airflow 3)."""

    id: int = Field(default=None, read_only=True, doc="The backfill's id.")
    dag_id: str = Field(default=None, read_only=True, doc="The DAG backfilled.")
    from_date: datetime = Field(default=None, read_only=True, doc="Start of the range.")
    to_date: datetime = Field(default=None, read_only=True, doc="End of the range.")
    dag_run_conf: dict[str, Any] | None = Field(default=None, nullable=True, read_only=True, doc="Conf of its runs.")
    is_paused: bool = Field(default=None, read_only=True, doc="Whether it is paused (starts no more runs).")
    reprocess_behavior: ReprocessBehavior = Field(default=None, read_only=True, doc="Which finished runs it reruns.")
    max_active_runs: int = Field(default=None, read_only=True, doc="How many of its runs may run at once.")
    created_at: datetime = Field(default=None, read_only=True, doc="When it was created.")
    completed_at: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When it finished or was cancelled."
    )
    updated_at: datetime = Field(default=None, read_only=True, doc="When it last changed.")
    dag_display_name: str = Field(default=None, read_only=True, doc="The DAG's display name.")
