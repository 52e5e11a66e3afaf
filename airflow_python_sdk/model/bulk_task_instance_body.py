from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkTaskInstanceBody"]


class BulkTaskInstanceBody(Model):
    """A task instance to update or delete in a bulk request, and for an update what to change.

    ``dag_id``/``dag_run_id`` default to the request path's; without ``map_index`` every map index
    of the task is meant.
    """

    task_id: str = Field(default=None, doc="The task.")
    map_index: int | None = Field(default=None, nullable=True, doc="The map index; all of them if absent.")
    dag_id: str | None = Field(default=None, nullable=True, doc="The DAG, where the path has ``~``.")
    dag_run_id: str | None = Field(default=None, nullable=True, doc="The DAG run, where the path has ``~``.")
    new_state: TaskState | None = Field(default=None, nullable=True, doc="The state to set.")
    note: str | None = Field(default=None, nullable=True, doc='A note to set; ``""`` removes it.')
    include_upstream: bool | None = Field(default=None, doc="Also the upstream tasks.")
    include_downstream: bool | None = Field(default=None, doc="Also the downstream tasks.")
    include_future: bool | None = Field(default=None, doc="Also the task in later DAG runs.")
    include_past: bool | None = Field(default=None, doc="Also the task in earlier DAG runs.")
