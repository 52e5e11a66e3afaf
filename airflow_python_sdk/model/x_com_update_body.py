from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["XComUpdateBody"]


class XComUpdateBody(Model):
    """An XCom entry's new value."""

    value: Any = Field(default=None, doc="The new value: any JSON value.")
    map_index: int | None = Field(default=None, doc="The task instance's map index (server default -1: not mapped).")
