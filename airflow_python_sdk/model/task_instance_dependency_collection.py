from airflow_python_sdk.model.task_failed_dependency import TaskFailedDependency
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskInstanceDependencyCollection"]


class TaskInstanceDependencyCollection(Model):
    """Every dependency that stops a task instance from running now."""

    dependencies: list[TaskFailedDependency] = Field(default=None, doc="The unmet dependencies.")
