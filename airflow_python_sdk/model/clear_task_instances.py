from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClearTaskInstances"]


class ClearTaskInstances(Model):
    """Which task instances of a DAG to clear so they run again."""

    dry_run: bool | None = Field(default=None, doc="Only list what would be cleared (the server's default is true).")
    task_ids: list[str | list[str | int]] | None = Field(
        default=None, doc="Only these tasks; on Airflow 3 an item may be ``[task_id, map_index]``."
    )
    start_date: datetime | None = Field(default=None, doc="Only runs with a logical date at or after this.")
    end_date: datetime | None = Field(default=None, doc="Only runs with a logical date at or before this.")
    only_failed: bool | None = Field(default=None, doc="Only failed task instances (the server's default is true).")
    only_running: bool | None = Field(default=None, doc="Only running task instances.")
    include_subdags: bool | None = Field(
        default=None, v1_only=True, doc="Also clear subDAGs and tasks behind ExternalTaskMarkers."
    )
    include_parentdag: bool | None = Field(default=None, v1_only=True, doc="Also clear the parent DAG of a subDAG.")
    reset_dag_runs: bool | None = Field(default=None, doc="Set the affected DAG runs back to running.")
    dag_run_id: str | None = Field(default=None, nullable=True, doc="Only this DAG run.")
    include_upstream: bool | None = Field(default=None, doc="Also the upstream tasks of the chosen ones.")
    include_downstream: bool | None = Field(default=None, doc="Also the downstream tasks of the chosen ones.")
    include_future: bool | None = Field(default=None, doc="Also the same tasks in later DAG runs.")
    include_past: bool | None = Field(default=None, doc="Also the same tasks in earlier DAG runs.")
    run_on_latest_version: bool | None = Field(
        default=None, nullable=True, v2_only=True, doc="Run them again with the DAG's latest version."
    )
    prevent_running_task: bool | None = Field(
        default=None, v2_only=True, doc="Refuse (409) to clear task instances that are running."
    )
    note: str | None = Field(default=None, nullable=True, v2_only=True, doc="A note to set on the cleared instances.")
