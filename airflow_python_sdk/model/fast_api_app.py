from airflow_python_sdk.model_utils import Field, Model

__all__ = ["FastAPIApp"]


class FastAPIApp(Model):
    """A FastAPI sub-application of a plugin and where it is mounted."""

    app: str = Field(default=None, read_only=True, doc="The app object, as text.")
    url_prefix: str = Field(default=None, read_only=True, doc="The path it is mounted at.")
    name: str = Field(default=None, read_only=True, doc="Its name.")
