from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["QueuedEvent"]


class QueuedEvent(Model):
    """A dataset update queued for a consuming DAG that has not run on it yet."""

    uri: str | None = Field(default=None, doc="The updated dataset's URI.")
    dag_id: str = Field(default=None, doc="The DAG it is queued for.")
    created_at: datetime = Field(default=None, doc="When it was queued.")
    asset_id: int | None = Field(default=None, read_only=True, v2_only=True, doc="The asset's id.")
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
