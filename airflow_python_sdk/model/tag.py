from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Tag"]


class Tag(Model):
    """A label attached to a DAG."""

    name: str = Field(default=None, doc="The tag.")
    dag_id: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG it is attached to.")
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="That DAG's display name.")
