from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["XComCreateBody"]


class XComCreateBody(Model):
    """A new XCom entry of a task instance: its key and value."""

    key: str = Field(default=None, doc="The key.")
    value: Any = Field(default=None, doc="The value: any JSON value, stored as given.")
    map_index: int | None = Field(default=None, doc="The task instance's map index (server default -1: not mapped).")
