from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["UpdateTaskState"]


class UpdateTaskState(OpenEnum):
    """A state a user may set on task instances: success, failed or skipped."""

    SUCCESS = "success"
    FAILED = "failed"
    SKIPPED = "skipped"
