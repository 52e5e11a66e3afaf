"""An XCom entry with its value."""

from __future__ import annotations

from typing import Any

from airflow_python_sdk.model.x_com_collection_item import XComCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["XCom"]


class XCom(XComCollectionItem):
    """An XCom entry and its value."""

    value: str | float | int | bool | list[dict[str, Any]] | dict[str, Any] | None = Field(
        default=None,
        doc="The value: its text by default, the JSON value itself when asked with ``stringify=False``.",
    )
