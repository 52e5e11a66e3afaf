"""A variable as listed (without its value)."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["VariableCollectionItem"]


class VariableCollectionItem(Model):
    """A variable's key and description; listings leave the value out."""

    key: str | None = Field(default=None, doc="The variable's key.")
    description: str | None = Field(default=None, nullable=True, doc="What the variable is for.")
