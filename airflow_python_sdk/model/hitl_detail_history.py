from airflow_python_sdk.model.base_hitl_detail import BaseHITLDetail
from airflow_python_sdk.model.task_instance_history import TaskInstanceHistory
from airflow_python_sdk.model_utils import Field

__all__ = ["HITLDetailHistory"]


class HITLDetailHistory(BaseHITLDetail):
    """A human-in-the-loop question and its answer, with the try of the task instance that asked it (Airflow 3)."""

    task_instance: TaskInstanceHistory = Field(default=None, read_only=True, doc="The try that asked.")
