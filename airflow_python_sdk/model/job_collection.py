from airflow_python_sdk.model.job import Job
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["JobCollection"]


class JobCollection(Model, Page[Job]):
    """A page of jobs (schedulers, DAG processors, triggerers, ...) and how many match (Airflow 3)."""

    jobs: list[Job] = Field(default=None, doc="The jobs on this page.")
    total_entries: int = Field(default=None, doc="How many match, before limit and offset apply.")
