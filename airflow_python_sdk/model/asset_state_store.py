from datetime import datetime
from typing import Any

from airflow_python_sdk.model.asset_state_store_last_updated_by import AssetStateStoreLastUpdatedBy
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetStateStore"]


class AssetStateStore(Model):
    """A key kept for an asset, its JSON value, and who last wrote it (Airflow 3)."""

    key: str = Field(default=None, doc="The key.")
    value: Any = Field(default=None, doc="The value: any JSON but null.")
    updated_at: datetime = Field(default=None, doc="When it was last written.")
    last_updated_by: AssetStateStoreLastUpdatedBy | None = Field(
        default=None, nullable=True, doc="Who last wrote it, where recorded."
    )
