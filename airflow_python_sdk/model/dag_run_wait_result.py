from typing import Any

from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagRunWaitResult"]


class DagRunWaitResult(Model):
    """The last line the server streamed: the run's state and, once finished, its tasks' results."""

    state: DagState = Field(default=None, read_only=True, doc="The run's state: success or failed when finished.")
    results: dict[str, Any] | None = Field(
        default=None,
        read_only=True,
        doc="Return values (XComs) by task id; a mapped task's as a list. None when there are none.",
    )
