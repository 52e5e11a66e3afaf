from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Error"]


class Error(Model):
    """What went wrong, as the server describes it."""

    type: str | None = Field(default=None, doc="A URI naming the kind of problem.")
    title: str | None = Field(default=None, doc="A short summary of the kind of problem.")
    status: float | None = Field(default=None, doc="The HTTP status code.")
    detail: str | None = Field(default=None, doc="What went wrong this time.")
    instance: str | None = Field(default=None, doc="A URI naming this occurrence.")
