from airflow_python_sdk.model_utils import Field, Model

__all__ = ["SetTaskInstanceNote"]


class SetTaskInstanceNote(Model):
    """A note for a task instance (required by the server)."""

    note: str | None = Field(default=None, doc="The note text.")
