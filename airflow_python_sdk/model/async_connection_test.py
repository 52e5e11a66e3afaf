from datetime import datetime

from airflow_python_sdk.model.connection_test_queued import ConnectionTestQueued
from airflow_python_sdk.model_utils import Field

__all__ = ["AsyncConnectionTest"]


class AsyncConnectionTest(ConnectionTestQueued):
    """A queued connection test: where it is, and once it ran, the hook's message."""

    result_message: str | None = Field(
        default=None, nullable=True, read_only=True, doc="What the test reported (or why it failed to run)."
    )
    created_at: datetime = Field(default=None, read_only=True, doc="When it was queued.")
