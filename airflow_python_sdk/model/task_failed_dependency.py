from airflow_python_sdk.model_utils import Field, Model

__all__ = ["TaskFailedDependency"]


class TaskFailedDependency(Model):
    """One unmet dependency of a task instance."""

    name: str = Field(default=None, doc="The dependency, e.g. Trigger Rule.")
    reason: str = Field(default=None, doc="Why it is not met.")
