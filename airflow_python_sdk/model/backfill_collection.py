from airflow_python_sdk.model.backfill import Backfill
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["BackfillCollection"]


class BackfillCollection(Model, Page[Backfill]):
    """A page of one DAG's backfills and how many it has."""

    backfills: list[Backfill] = Field(default=None, doc="The backfills on this page.")
    total_entries: int = Field(default=None, doc="How many match, before limit and offset apply.")
