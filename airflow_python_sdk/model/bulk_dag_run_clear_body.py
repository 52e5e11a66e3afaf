from datetime import datetime

from airflow_python_sdk.model.bulk_dag_run_body import BulkDAGRunBody
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkDAGRunClearBody"]


class BulkDAGRunClearBody(Model):
    """Which runs to clear -- listed in ``dag_runs``, or else chosen by one partition selector -- and how."""

    partition_key: str | None = Field(default=None, nullable=True, doc="Runs of exactly this partition key.")
    partition_date_start: datetime | None = Field(
        default=None, nullable=True, doc="Runs whose partition date is at or after this (the DAG's timetable zone)."
    )
    partition_date_end: datetime | None = Field(
        default=None, nullable=True, doc="Runs whose partition date is at or before this (the DAG's timetable zone)."
    )
    dry_run: bool | None = Field(
        default=None, doc="True (the server's default) only lists the task instances that would be cleared."
    )
    only_failed: bool | None = Field(default=None, doc="Clear only failed task instances.")
    only_new: bool | None = Field(
        default=None, doc="Only queue the tasks the latest DAG version added, clearing no existing one."
    )
    run_on_latest_version: bool | None = Field(
        default=None,
        nullable=True,
        doc="Rerun on the DAG's latest bundle version (experimental); the DAG's or config's default if None.",
    )
    note: str | None = Field(default=None, nullable=True, doc="A note to set on each cleared run.")
    dag_runs: list[BulkDAGRunBody] | None = Field(default=None, doc="The runs to clear (their ``dag_run_id``).")
