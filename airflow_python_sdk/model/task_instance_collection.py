from airflow_python_sdk.model.collection_info import CursorPage
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["TaskInstanceCollection"]


class TaskInstanceCollection(CursorPage, Page[TaskInstance]):
    """A page of task instances and the total number that match."""

    task_instances: list[TaskInstance] = Field(default=None, doc="The task instances on this page.")
