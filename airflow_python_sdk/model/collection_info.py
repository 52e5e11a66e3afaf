"""Paging information shared by every collection."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["CollectionInfo"]


class CollectionInfo(Model):
    """The size of a collection before paging."""

    total_entries: int | None = Field(default=None, doc="How many items match, before limit and offset apply.")
