from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["DAGTagCollection"]


class DAGTagCollection(Model, Page[str]):
    """A page of the distinct tags of active DAGs, and how many there are (Airflow 3)."""

    tags: list[str] = Field(default=None, read_only=True, doc="The tag names on this page.")
    total_entries: int = Field(default=None, read_only=True, doc="How many tags match, before paging.")
