"""The body of a batch DAG-run query."""

from __future__ import annotations

from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ListDagRunsForm"]


class ListDagRunsForm(Model):
    """Filters, order and page for listing runs across DAGs."""

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
