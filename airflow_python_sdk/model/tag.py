"""A DAG tag."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Tag"]


class Tag(Model):
    """A label attached to a DAG."""

    name: str | None = Field(default=None, doc="The tag.")
