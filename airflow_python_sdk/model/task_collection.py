from airflow_python_sdk.model.task import Task
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["TaskCollection"]


class TaskCollection(Model, Page[Task]):
    """Every task of one DAG."""

    tasks: list[Task] = Field(default=None, doc="The tasks.")
    total_entries: int = Field(default=None, read_only=True, v2_only=True, doc="How many tasks the DAG has.")
