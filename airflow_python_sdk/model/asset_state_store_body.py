from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetStateStoreBody"]


class AssetStateStoreBody(Model):
    """A value for an asset state store key (Airflow 3); asset keys do not expire."""

    value: Any = Field(default=None, doc="Required: any JSON but null (the server limits its size).")
