from airflow_python_sdk.model.task_state_store import TaskStateStore
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["TaskStateStoreCollection"]


class TaskStateStoreCollection(Model, Page[TaskStateStore]):
    """A page of a task instance's state store keys, by key, and how many it has (Airflow 3)."""

    task_state_store: list[TaskStateStore] = Field(default=None, doc="The keys on this page.")
    total_entries: int = Field(default=None, doc="How many keys there are.")
