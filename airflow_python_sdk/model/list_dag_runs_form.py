from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ListDagRunsForm"]


class ListDagRunsForm(Model):
    """Filters, order and page for listing runs across DAGs.

    ``logical_date_gte``/``_lte`` are Airflow 3's names of ``execution_date_gte``/``_lte``: either
    works on both servers (give one of the two). The other fields marked Airflow 3 only raise on Airflow 2.
    """

    order_by: str | None = Field(default=None, doc="Field to sort by; prefix with `-` for descending.")
    page_offset: int | None = Field(default=None, doc="How many runs to skip.")
    page_limit: int | None = Field(default=None, doc="How many runs to return (server default 100).")
    dag_ids: list[str] | None = Field(default=None, doc="Only runs of these DAGs.")
    states: list[str] | None = Field(default=None, doc="Only runs in these states.")
    execution_date_gte: datetime | None = Field(default=None, doc="Logical date at or after this.")
    execution_date_lte: datetime | None = Field(default=None, doc="Logical date at or before this.")
    start_date_gte: datetime | None = Field(default=None, doc="Started at or after this.")
    start_date_lte: datetime | None = Field(default=None, doc="Started at or before this.")
    end_date_gte: datetime | None = Field(default=None, doc="Ended at or after this.")
    end_date_lte: datetime | None = Field(default=None, doc="Ended at or before this.")
    logical_date_gte: datetime | None = Field(default=None, v2_only=True, doc="Logical date at or after this.")
    logical_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Logical date after this.")
    logical_date_lte: datetime | None = Field(default=None, v2_only=True, doc="Logical date at or before this.")
    logical_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Logical date before this.")
    run_after_gte: datetime | None = Field(default=None, v2_only=True, doc="Run after at or after this.")
    run_after_gt: datetime | None = Field(default=None, v2_only=True, doc="Run after after this.")
    run_after_lte: datetime | None = Field(default=None, v2_only=True, doc="Run after at or before this.")
    run_after_lt: datetime | None = Field(default=None, v2_only=True, doc="Run after before this.")
    start_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Started after this.")
    start_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Started before this.")
    end_date_gt: datetime | None = Field(default=None, v2_only=True, doc="Ended after this.")
    end_date_lt: datetime | None = Field(default=None, v2_only=True, doc="Ended before this.")
    duration_gte: float | None = Field(default=None, v2_only=True, doc="Ran at least this many seconds.")
    duration_gt: float | None = Field(default=None, v2_only=True, doc="Ran more than this many seconds.")
    duration_lte: float | None = Field(default=None, v2_only=True, doc="Ran at most this many seconds.")
    duration_lt: float | None = Field(default=None, v2_only=True, doc="Ran less than this many seconds.")
    conf_contains: str | None = Field(default=None, v2_only=True, doc="Whose conf, as JSON text, contains this text.")
