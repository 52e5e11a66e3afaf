from typing import Any

from airflow_python_sdk.model.x_com_collection_item import XComCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["XCom"]


class XCom(XComCollectionItem):
    """An XCom entry and its value."""

    # any JSON value, read in this order (a number is not read as text): Airflow 2's spec's types, and any list
    value: bool | float | int | str | dict[str, Any] | list[dict[str, Any]] | list[Any] | None = Field(
        default=None,
        doc="The value: Airflow 3 sends any JSON value as it is unless asked with ``stringify=True``, then "
        "text (Airflow 2's default; Airflow 3.3.2 sends Python's repr there, not JSON).",
    )
