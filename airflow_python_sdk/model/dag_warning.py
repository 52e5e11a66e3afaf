from datetime import datetime

from airflow_python_sdk.model.dag_warning_type import DagWarningType
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagWarning"]


class DagWarning(Model):
    """A warning recorded against a DAG (e.g. it uses a pool that does not exist)."""

    dag_id: str | None = Field(default=None, read_only=True, doc="The DAG the warning is about.")
    warning_type: DagWarningType | None = Field(default=None, read_only=True, doc="What kind of problem it is.")
    message: str | None = Field(default=None, read_only=True, doc="What is wrong, in words.")
    timestamp: datetime | None = Field(default=None, read_only=True, doc="When the warning was recorded.")
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
