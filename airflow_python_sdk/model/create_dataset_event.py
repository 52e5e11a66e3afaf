from typing import Any

from airflow_python_sdk.model.asset_event_access_control import AssetEventAccessControl
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["CreateDatasetEvent"]


class CreateDatasetEvent(Model):
    """A dataset update to record: which dataset, and optional extra data."""

    dataset_uri: str | None = Field(default=None, required=True, doc="URI of the dataset that was updated.")
    extra: dict[str, Any] | None = Field(default=None, nullable=True, doc="Extra data to attach to the event.")
    partition_key: str | None = Field(
        default=None, nullable=True, v2_only=True, doc="The partition the update is for (Airflow 3)."
    )
    access_control: AssetEventAccessControl | None = Field(
        default=None, nullable=True, v2_only=True, doc="Which teams' DAGs it may trigger (Airflow 3, multi-team)."
    )
