from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["ConnectionTestState"]


class ConnectionTestState(OpenEnum):
    """State of a queued connection test: pending until a scheduler hands it to an executor's worker."""

    PENDING = "pending"
    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
