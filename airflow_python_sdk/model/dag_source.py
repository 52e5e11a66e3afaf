from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DAGSource"]


class DAGSource(Model):
    """A DAG file's code as JSON (Airflow 2 sends only ``content``)."""

    content: str | None = Field(default=None, nullable=True, read_only=True, doc="The file's code.")
    dag_id: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG asked for.")
    version_number: int | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The DAG version whose code this is."
    )
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
