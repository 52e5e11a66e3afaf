from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DryRunBackfill"]


class DryRunBackfill(Model):
    """One run a backfill would make: its logical date, or its partition for a partitioned DAG."""

    logical_date: datetime | None = Field(default=None, nullable=True, doc="The run's logical date.")
    partition_key: str | None = Field(default=None, nullable=True, doc="The run's partition key.")
    partition_date: datetime | None = Field(default=None, nullable=True, doc="The date of that partition.")
