from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetEventAccessControl"]


class AssetEventAccessControl(Model):
    """Which consuming DAGs an event made through the API may trigger (multi-team deployments, Airflow 3)."""

    consumer_teams: list[str] | None = Field(default=None, nullable=True, doc="Only DAGs of these teams.")
    allow_global: bool | None = Field(default=None, doc="Also DAGs of no team (server default true).")
