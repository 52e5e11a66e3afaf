from datetime import datetime
from typing import Any, ClassVar

from airflow_python_sdk.model.dag_run_triggered_by_type import DagRunTriggeredByType
from airflow_python_sdk.model.dag_run_type import DagRunType
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DAGRun"]


class DAGRun(Model):
    """One run of a DAG. ``run_id`` is accepted as another name for ``dag_run_id``."""

    _aliases: ClassVar[dict[str, str]] = {"run_id": "dag_run_id"}

    dag_run_id: str = Field(
        default=None,
        nullable=True,
        doc="Run id, unique within the DAG; settable only at creation (generated when omitted).",
    )
    dag_id: str = Field(default=None, read_only=True, doc="The DAG this run belongs to.")
    logical_date: datetime | None = Field(
        default=None, nullable=True, doc="The point in time this run covers; settable only at creation."
    )
    execution_date: datetime | None = Field(
        default=None, nullable=True, doc="Deprecated name of `logical_date`; give one of the two, not both."
    )
    start_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When the run started.")
    end_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When the run finished.")
    data_interval_start: datetime | None = Field(default=None, nullable=True, doc="Start of the data interval.")
    data_interval_end: datetime | None = Field(default=None, nullable=True, doc="End of the data interval.")
    last_scheduling_decision: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When the scheduler last looked at this run."
    )
    run_type: DagRunType = Field(
        default=None, read_only=True, doc="How the run came about: manual, scheduled, backfill, asset_triggered, ..."
    )
    state: DagState = Field(
        default=None, read_only=True, doc="The run's state; accepts a DagState, a TaskState or a string."
    )
    external_trigger: bool | None = Field(
        default=None, read_only=True, doc="Whether the run was triggered from outside."
    )
    conf: dict[str, Any] | None = Field(default=None, doc="Parameters for the run; settable only at creation.")
    note: str | None = Field(default=None, nullable=True, doc="A free-text note left by a user.")
    # sent by Airflow 3 only
    queued_at: datetime | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="When it was queued."
    )
    duration: float | None = Field(default=None, nullable=True, read_only=True, v2_only=True, doc="Seconds it ran.")
    run_after: datetime | None = Field(
        default=None, v2_only=True, doc="The earliest time it may run; settable at creation (Airflow 3)."
    )
    triggered_by: DagRunTriggeredByType | None = Field(
        default=None,
        nullable=True,
        read_only=True,
        v2_only=True,
        doc="What triggered it: cli, rest_api, timetable, ...",
    )
    triggering_user_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The user who triggered it."
    )
    dag_versions: list[DagVersion] | None = Field(
        default=None, read_only=True, v2_only=True, doc="The DAG versions the run used."
    )
    bundle_version: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Version of the DAG bundle it ran from."
    )
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
    partition_key: str | None = Field(
        default=None, nullable=True, v2_only=True, doc="The data partition it covers; settable at creation (Airflow 3)."
    )
    partition_date: datetime | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The date of that partition."
    )
