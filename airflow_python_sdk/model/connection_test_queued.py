from airflow_python_sdk.model.connection_test_state import ConnectionTestState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ConnectionTestQueued"]


class ConnectionTestQueued(Model):
    """A queued connection test and the token to ask for its outcome."""

    token: str = Field(default=None, read_only=True, doc="Give it to ``get_connection_test`` to follow the test.")
    connection_id: str = Field(default=None, read_only=True, doc="The connection tested.")
    state: ConnectionTestState = Field(default=None, read_only=True, doc="Where the test is.")
