from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["TaskState"]


class TaskState(OpenEnum):
    """State of a task instance (None when it has none yet); unknown states are kept as values."""

    SUCCESS = "success"
    RUNNING = "running"
    FAILED = "failed"
    UPSTREAM_FAILED = "upstream_failed"
    SKIPPED = "skipped"
    UP_FOR_RETRY = "up_for_retry"
    UP_FOR_RESCHEDULE = "up_for_reschedule"
    QUEUED = "queued"
    NONE = "none"
    SCHEDULED = "scheduled"
    DEFERRED = "deferred"
    REMOVED = "removed"
    RESTARTING = "restarting"
    AWAITING_INPUT = "awaiting_input"  # Airflow 3.3: a human-in-the-loop task waiting for its answer
