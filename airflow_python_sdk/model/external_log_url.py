from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ExternalLogUrl"]


class ExternalLogUrl(Model):
    """The URL of a log in the external service the task log handler writes to."""

    url: str = Field(default=None, read_only=True, doc="The log's URL.")
