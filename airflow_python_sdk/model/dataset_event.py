from typing import Any

from airflow_python_sdk.model.basic_dag_run import BasicDAGRun
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DatasetEvent"]


class DatasetEvent(Model):
    """One update of a dataset, who made it, and the runs it triggered."""

    dataset_id: int = Field(default=None, fallback_keys=("asset_id",), doc="The dataset's (asset's) id.")
    dataset_uri: str | None = Field(default=None, fallback_keys=("uri",), doc="The dataset's (asset's) URI.")
    extra: dict[str, Any] | None = Field(default=None, nullable=True, doc="Extra data attached to the event.")
    source_dag_id: str | None = Field(default=None, nullable=True, doc="DAG that made the update.")
    source_task_id: str | None = Field(default=None, nullable=True, doc="Task that made the update.")
    source_run_id: str | None = Field(default=None, nullable=True, doc="Run that made the update.")
    source_map_index: int = Field(default=None, nullable=True, doc="Map index of that task.")
    created_dagruns: list[BasicDAGRun] = Field(default=None, doc="Runs this event triggered.")
    timestamp: str = Field(default=None, doc="When the event happened.")
    id: int = Field(default=None, read_only=True, v2_only=True, doc="The event's id.")
    name: str | None = Field(default=None, nullable=True, read_only=True, v2_only=True, doc="The asset's name.")
    group: str | None = Field(default=None, nullable=True, read_only=True, v2_only=True, doc="The asset's group.")
    partition_key: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The partition the event is for."
    )
