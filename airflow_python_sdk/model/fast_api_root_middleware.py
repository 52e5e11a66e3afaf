from airflow_python_sdk.model_utils import Field, Model

__all__ = ["FastAPIRootMiddleware"]


class FastAPIRootMiddleware(Model):
    """A middleware a plugin wraps around the whole API server."""

    middleware: str = Field(default=None, read_only=True, doc="The middleware class, as text.")
    name: str = Field(default=None, read_only=True, doc="Its name.")
