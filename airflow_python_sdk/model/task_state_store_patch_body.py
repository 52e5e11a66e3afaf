from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskStateStorePatchBody"]


class TaskStateStorePatchBody(Model):
    """A new value for a task state store key that exists; its expiry is kept (Airflow 3)."""

    value: Any = Field(default=None, doc="Required: any JSON but null.")
