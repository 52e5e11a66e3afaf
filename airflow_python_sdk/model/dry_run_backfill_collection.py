from airflow_python_sdk.model.dry_run_backfill import DryRunBackfill
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["DryRunBackfillCollection"]


class DryRunBackfillCollection(Model, Page[DryRunBackfill]):
    """The runs a backfill would make, in the order it would make them, and how many."""

    backfills: list[DryRunBackfill] = Field(default=None, doc="The runs it would make.")
    total_entries: int = Field(default=None, doc="How many.")
