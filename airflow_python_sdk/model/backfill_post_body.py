from datetime import datetime
from typing import Any

from airflow_python_sdk.model.reprocess_behavior import ReprocessBehavior
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BackfillPostBody"]


class BackfillPostBody(Model):
    """A backfill to create or to try out: the DAG, the date range, and how to run it."""

    dag_id: str = Field(default=None, doc="The DAG to backfill (required).")
    from_date: datetime = Field(default=None, doc="Start of the range (required).")
    to_date: datetime = Field(default=None, doc="End of the range (required); dates in the future are refused.")
    run_backwards: bool | None = Field(default=None, doc="Run the latest date first (server default false).")
    dag_run_conf: dict[str, Any] | None = Field(default=None, nullable=True, doc="Conf of every run it makes.")
    reprocess_behavior: ReprocessBehavior | None = Field(
        default=None, doc="Which dates with a finished run to run again (server default none)."
    )
    max_active_runs: int | None = Field(default=None, doc="How many runs at once (server default 10).")
    run_on_latest_version: bool | None = Field(
        default=None,
        nullable=True,
        doc="Run on the DAG bundle's latest version; when null, the DAG's and then the server's setting decide.",
    )
