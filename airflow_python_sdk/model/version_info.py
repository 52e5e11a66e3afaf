from airflow_python_sdk.model_utils import Field, Model

__all__ = ["VersionInfo"]


class VersionInfo(Model):
    """Which Airflow the server runs."""

    version: str = Field(default=None, doc="The Airflow version, e.g. `2.11.2`.")
    git_version: str | None = Field(default=None, nullable=True, doc="The git version and commit it was built from.")
