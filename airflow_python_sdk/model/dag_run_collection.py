"""A page of DAG runs."""

from __future__ import annotations

from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model_utils import Field

__all__ = ["DAGRunCollection"]


class DAGRunCollection(CollectionInfo):
    """A page of DAG runs and the total number that match."""

    dag_runs: list[DAGRun] | None = Field(default=None, doc="The runs on this page.")
    total_entries_limit: int | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Where Airflow 3 stopped counting."
    )
    next_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor of the next page."
    )
    previous_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor of the previous page."
    )
