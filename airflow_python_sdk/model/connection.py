"""A connection with its extra and (write-only) password."""

from __future__ import annotations

from airflow_python_sdk.model.connection_collection_item import ConnectionCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["Connection"]


class Connection(ConnectionCollectionItem):
    """A connection in full: what a listing shows plus the extra and the password."""

    extra: str | None = Field(default=None, nullable=True, doc="Further settings, usually a JSON object as text.")
    password: str | None = Field(default=None, doc="The password; write-only: the server never returns it.")
