from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClearDagRun"]


class ClearDagRun(Model):
    """Whether to clear the run's task instances or only list them, and (Airflow 3) which and how."""

    dry_run: bool | None = Field(
        default=None, doc="True (the server's default) only lists the task instances that would be cleared."
    )
    only_failed: bool | None = Field(default=None, v2_only=True, doc="Clear only failed task instances.")
    only_new: bool | None = Field(
        default=None, v2_only=True, doc="Only queue the tasks the latest DAG version added, clearing no existing one."
    )
    run_on_latest_version: bool | None = Field(
        default=None,
        nullable=True,
        v2_only=True,
        doc="Rerun on the DAG's latest bundle version (experimental); the DAG's or config's default if None.",
    )
    note: str | None = Field(default=None, nullable=True, v2_only=True, doc="A note to set on the cleared run.")
