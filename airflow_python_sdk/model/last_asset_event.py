from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["LastAssetEvent"]


class LastAssetEvent(Model):
    """The id and time of an asset's latest event (both null when it has none)."""

    id: int | None = Field(default=None, nullable=True, read_only=True, doc="The event's id.")
    timestamp: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it happened.")
