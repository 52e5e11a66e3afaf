from datetime import datetime

from airflow_python_sdk.model.dag_run_type import DagRunType
from airflow_python_sdk.model.schedule_interval import ScheduleInterval
from airflow_python_sdk.model.tag import Tag
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DAG"]


class DAG(Model):
    """A DAG as the scheduler knows it. Only ``is_paused`` can be changed."""

    dag_id: str = Field(default=None, read_only=True, doc="The DAG id.")
    dag_display_name: str = Field(default=None, read_only=True, doc="The name shown in the UI.")
    root_dag_id: str | None = Field(
        default=None, nullable=True, read_only=True, doc="For a subDAG, the id of its top-level DAG."
    )
    is_paused: bool = Field(default=None, nullable=True, doc="Whether the DAG is paused.")
    is_active: bool | None = Field(
        default=None, nullable=True, read_only=True, doc="Whether the DAG's file still defines it."
    )
    is_subdag: bool | None = Field(default=None, read_only=True, doc="Whether this is a subDAG.")
    last_parsed_time: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When its file was last parsed."
    )
    last_pickled: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it was last pickled.")
    last_expired: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When it was last asked to refresh."
    )
    scheduler_lock: bool | None = Field(
        default=None, nullable=True, read_only=True, doc="Whether a scheduler is scheduling it right now."
    )
    pickle_id: str | None = Field(default=None, nullable=True, read_only=True, doc="Id of its latest pickle.")
    default_view: str | None = Field(default=None, nullable=True, read_only=True, doc="The UI view it opens in.")
    fileloc: str = Field(default=None, read_only=True, doc="Absolute path of its file on the server.")
    file_token: str = Field(
        default=None, read_only=True, doc="Opaque token naming its file, for `get_dag_source` and `reparse_dag_file`."
    )
    owners: list[str] = Field(default=None, read_only=True, doc="Owners of its tasks.")
    description: str | None = Field(default=None, nullable=True, read_only=True, doc="What the DAG does.")
    schedule_interval: ScheduleInterval | None = Field(
        default=None, nullable=True, read_only=True, doc="How often it runs; None when it is only triggered."
    )
    timetable_description: str | None = Field(default=None, nullable=True, read_only=True, doc="Its schedule in words.")
    tags: list[Tag] = Field(default=None, nullable=True, read_only=True, doc="Its tags.")
    max_active_tasks: int = Field(
        default=None, nullable=True, read_only=True, doc="How many of its tasks may run at once."
    )
    max_active_runs: int | None = Field(
        default=None, nullable=True, read_only=True, doc="How many of its runs may be active at once."
    )
    has_task_concurrency_limits: bool = Field(
        default=None, nullable=True, read_only=True, doc="Whether any task limits its own concurrency."
    )
    has_import_errors: bool = Field(
        default=None, nullable=True, read_only=True, doc="Whether its file failed to import."
    )
    next_dagrun: datetime | None = Field(
        default=None,
        nullable=True,
        read_only=True,
        fallback_keys=("next_dagrun_logical_date",),
        doc="Logical date of its next scheduled run.",
    )
    next_dagrun_data_interval_start: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="Start of the next run's data interval."
    )
    next_dagrun_data_interval_end: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="End of the next run's data interval."
    )
    next_dagrun_create_after: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="Earliest time the next run can be created."
    )
    max_consecutive_failed_dag_runs: int = Field(
        default=None, nullable=True, read_only=True, doc="Failed runs in a row after which it is paused (0: never)."
    )
    is_stale: bool | None = Field(
        default=None,
        read_only=True,
        v2_only=True,
        doc="Whether its file no longer defines it (Airflow 3's opposite of ``is_active``).",
    )
    last_parse_duration: float | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Seconds its file took to parse."
    )
    bundle_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The DAG bundle it comes from."
    )
    bundle_version: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The version of that bundle."
    )
    relative_fileloc: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Path of its file inside the bundle."
    )
    timetable_summary: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Its schedule, in short."
    )
    timetable_partitioned: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether its timetable makes partitioned runs."
    )
    timetable_periodic: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether its timetable runs periodically."
    )
    next_dagrun_run_after: datetime | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Earliest time its next run can start."
    )
    allowed_run_types: list[DagRunType] | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The run types it allows (all when null)."
    )
    is_backfillable: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether it can be backfilled."
    )
