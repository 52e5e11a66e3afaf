from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ConnectionTest"]


class ConnectionTest(Model):
    """Whether a connection test succeeded, and the hook's message."""

    status: bool = Field(default=None, doc="True when the test succeeded.")
    message: str = Field(default=None, doc="What the test reported.")
