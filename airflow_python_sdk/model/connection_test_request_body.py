from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model_utils import Field

__all__ = ["ConnectionTestRequestBody"]


class ConnectionTestRequestBody(Connection):
    """A connection to test on a worker, and where and how to run the test."""

    commit_on_success: bool | None = Field(
        default=None, doc="Save the connection (create or update it) if the test succeeds; false by default."
    )
    executor: str | None = Field(default=None, nullable=True, doc="The executor to run the test (one configured).")
    queue: str | None = Field(
        default=None, nullable=True, doc="The worker queue to send it to, where the executor has queues."
    )
