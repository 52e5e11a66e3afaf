from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["EventLog"]


class EventLog(Model):
    """One recorded action of a user or process (a CLI command, a UI click, an API call)."""

    event_log_id: int = Field(default=None, read_only=True, doc="The entry's id.")
    when: datetime = Field(default=None, read_only=True, doc="When it happened.")
    dag_id: str | None = Field(default=None, nullable=True, read_only=True, doc="The DAG it concerns.")
    task_id: str | None = Field(default=None, nullable=True, read_only=True, doc="The task it concerns.")
    run_id: str | None = Field(default=None, nullable=True, read_only=True, doc="The DAG run it concerns.")
    map_index: int | None = Field(default=None, nullable=True, read_only=True, doc="The map index it concerns.")
    try_number: int | None = Field(default=None, nullable=True, read_only=True, doc="The try it concerns.")
    event: str = Field(default=None, read_only=True, doc="What happened, e.g. ``cli_task_run``.")
    execution_date: datetime | None = Field(
        default=None,
        nullable=True,
        read_only=True,
        fallback_keys=("logical_date",),
        doc="Logical date of the run it concerns.",
    )
    owner: str | None = Field(default=None, nullable=True, read_only=True, doc="Who did it.")
    extra: str | None = Field(
        default=None, nullable=True, read_only=True, doc="Further details, such as the full command line."
    )
    dag_display_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The DAG's display name."
    )
    task_display_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The task's display name."
    )
