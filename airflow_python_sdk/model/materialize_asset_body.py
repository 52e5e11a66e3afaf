from datetime import datetime
from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["MaterializeAssetBody"]


class MaterializeAssetBody(Model):
    """The run to trigger of the DAG that produces an asset; every field is optional (Airflow 3)."""

    dag_run_id: str | None = Field(default=None, nullable=True, doc="The run's id (generated when omitted).")
    data_interval_start: datetime | None = Field(default=None, nullable=True, doc="Start of its data interval.")
    data_interval_end: datetime | None = Field(default=None, nullable=True, doc="End of its data interval.")
    logical_date: datetime | None = Field(default=None, nullable=True, doc="Its logical date (none by default).")
    run_after: datetime | None = Field(default=None, nullable=True, doc="The earliest time it may run.")
    conf: dict[str, Any] | None = Field(default=None, nullable=True, doc="Its conf.")
    note: str | None = Field(default=None, nullable=True, doc="A note on the run.")
    partition_key: str | None = Field(default=None, nullable=True, doc="The partition it covers.")
