from airflow_python_sdk.model.base_hitl_detail import BaseHITLDetail
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model_utils import Field

__all__ = ["HITLDetail"]


class HITLDetail(BaseHITLDetail):
    """A human-in-the-loop question and its answer, with the task instance that asks it (Airflow 3)."""

    task_instance: TaskInstance = Field(default=None, read_only=True, doc="The task instance waiting for the answer.")
