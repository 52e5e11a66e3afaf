from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Job"]


class Job(Model):
    """A job process known to Airflow."""

    id: int | None = Field(default=None, doc="Job id.")
    dag_id: str | None = Field(default=None, nullable=True, doc="The DAG, for backfill jobs.")
    state: str | None = Field(default=None, nullable=True, doc="The job's state.")
    job_type: str | None = Field(default=None, nullable=True, doc="Kind of job.")
    start_date: datetime | None = Field(default=None, nullable=True, doc="When it started.")
    end_date: datetime | None = Field(default=None, nullable=True, doc="When it ended.")
    latest_heartbeat: datetime | None = Field(default=None, nullable=True, doc="Its last heartbeat.")
    executor_class: str | None = Field(default=None, nullable=True, doc="The executor it uses.")
    hostname: str | None = Field(default=None, nullable=True, doc="Host it runs on.")
    unixname: str | None = Field(default=None, nullable=True, doc="Unix user it runs as.")
    dag_display_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The DAG's display name, for backfill jobs."
    )
