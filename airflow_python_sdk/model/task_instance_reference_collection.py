from airflow_python_sdk.model.collection_info import CursorPage
from airflow_python_sdk.model.task_instance_reference import TaskInstanceReference
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["TaskInstanceReferenceCollection"]


class TaskInstanceReferenceCollection(CursorPage, Page[TaskInstanceReference]):
    """The task instances an action touched (or would touch, in a dry run).

    Airflow 2 sends only the list; Airflow 3 sends the page of task instances around it.
    """

    task_instances: list[TaskInstanceReference] = Field(default=None, doc="The task instances.")
    total_entries: int | None = Field(default=None, read_only=True, v2_only=True, doc="How many there are.")
