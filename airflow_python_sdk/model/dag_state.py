from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["DagState"]


class DagState(OpenEnum):
    """State of a DAG run; a state this list lacks (from a newer Airflow) is kept as a value too."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
