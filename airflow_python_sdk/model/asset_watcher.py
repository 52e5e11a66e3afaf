from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetWatcher"]


class AssetWatcher(Model):
    """A trigger that records events of an asset when it fires (Airflow 3)."""

    name: str = Field(default=None, read_only=True, doc="The watcher's name.")
    trigger_id: int = Field(default=None, read_only=True, doc="The id of its trigger.")
    created_date: datetime = Field(default=None, read_only=True, doc="When the trigger was created.")
