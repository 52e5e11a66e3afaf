from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Provider"]


class Provider(Model):
    """A provider package installed on the server."""

    package_name: str = Field(default=None, doc="The package name, e.g. `apache-airflow-providers-fab`.")
    description: str = Field(default=None, doc="What the provider offers.")
    version: str = Field(default=None, doc="The installed version.")
    documentation_url: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Where its documentation is."
    )
