from datetime import datetime
from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskStateStoreBody"]


class TaskStateStoreBody(Model):
    """A value for a task state store key, and when it expires (Airflow 3)."""

    value: Any = Field(default=None, doc="Required: any JSON but null (the server limits its size).")
    expires_at: datetime | str | None = Field(
        default=None,
        nullable=True,
        doc='When it expires. Unset or ``"default"``: after ``[state_store] default_retention_days``; '
        "None: never; a datetime (naive = UTC): then.",
    )
