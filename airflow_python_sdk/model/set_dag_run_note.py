from airflow_python_sdk.model_utils import Field, Model

__all__ = ["SetDagRunNote"]


class SetDagRunNote(Model):
    """A note for a DAG run."""

    note: str | None = Field(default=None, doc="The note text.")
