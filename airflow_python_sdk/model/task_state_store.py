from datetime import datetime
from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskStateStore"]


class TaskStateStore(Model):
    """A key a task instance keeps across tries, its JSON value and when it expires (Airflow 3)."""

    key: str = Field(default=None, doc="The key.")
    value: Any = Field(default=None, doc="The value: any JSON but null.")
    updated_at: datetime = Field(default=None, doc="When it was last written.")
    expires_at: datetime | None = Field(default=None, nullable=True, doc="When it expires; None: never.")
