from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["ReprocessBehavior"]


class ReprocessBehavior(OpenEnum):
    """Which dates a backfill reruns when the DAG already has a finished run for them (Airflow 3)."""

    NONE = "none"
    FAILED = "failed"
    COMPLETED = "completed"
