from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClearPartitionsBody"]


class ClearPartitionsBody(Model):
    """Which runs lose their ``partition_key`` and ``partition_date``: give exactly one selector."""

    partition_key: str | None = Field(default=None, nullable=True, doc="Runs of exactly this partition key.")
    partition_date_start: datetime | None = Field(
        default=None, nullable=True, doc="Runs whose partition date is at or after this (the DAG's timetable zone)."
    )
    partition_date_end: datetime | None = Field(
        default=None, nullable=True, doc="Runs whose partition date is at or before this (the DAG's timetable zone)."
    )
    run_id: str | None = Field(default=None, nullable=True, doc="The run with exactly this id.")
    clear_task_instances: bool | None = Field(default=None, doc="Also clear the matched runs' task instances.")
    dry_run: bool | None = Field(default=None, doc="True (the server's default) only counts, changing nothing.")
