"""A variable with its value."""

from __future__ import annotations

from airflow_python_sdk.model.variable_collection_item import VariableCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["Variable"]


class Variable(VariableCollectionItem):
    """A variable: key, description and value."""

    value: str | None = Field(default=None, doc="The value, as text.")
