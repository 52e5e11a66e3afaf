from airflow_python_sdk.model.asset_state_store import AssetStateStore
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["AssetStateStoreCollection"]


class AssetStateStoreCollection(Model, Page[AssetStateStore]):
    """A page of an asset's state store keys, by key, and how many it has (Airflow 3)."""

    asset_state_store: list[AssetStateStore] = Field(default=None, doc="The keys on this page.")
    total_entries: int = Field(default=None, doc="How many keys there are.")
