from datetime import datetime
from uuid import UUID

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagVersion"]


class DagVersion(Model):
    """One version of a DAG: Airflow 3 adds one when a changed DAG file is parsed after the last version ran."""

    id: UUID = Field(default=None, read_only=True, doc="The version's id.")
    version_number: int = Field(default=None, read_only=True, doc="1, 2, ... per DAG.")
    dag_id: str = Field(default=None, read_only=True, doc="The DAG.")
    bundle_name: str | None = Field(default=None, nullable=True, read_only=True, doc="The DAG bundle it came from.")
    bundle_version: str | None = Field(
        default=None, nullable=True, read_only=True, doc="The bundle's version (a commit, say); None if unversioned."
    )
    created_at: datetime = Field(default=None, read_only=True, doc="When the version was recorded.")
    dag_display_name: str = Field(default=None, read_only=True, doc="The DAG's display name.")
    bundle_url: str | None = Field(
        default=None, nullable=True, read_only=True, doc="Where the bundle's version can be viewed, if known."
    )
