from airflow_python_sdk.model.health_status import HealthStatus
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["MetadatabaseStatus"]


class MetadatabaseStatus(Model):
    """Whether the webserver can reach its metadata database."""

    status: HealthStatus | None = Field(default=None, nullable=True, doc="The database's health.")
