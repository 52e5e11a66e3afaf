from typing import Any

from airflow_python_sdk.model.asset_alias import AssetAlias
from airflow_python_sdk.model.asset_watcher import AssetWatcher
from airflow_python_sdk.model.dag_schedule_dataset_reference import DagScheduleDatasetReference
from airflow_python_sdk.model.last_asset_event import LastAssetEvent
from airflow_python_sdk.model.task_inlet_asset_reference import TaskInletAssetReference
from airflow_python_sdk.model.task_outlet_dataset_reference import TaskOutletDatasetReference
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Dataset"]


class Dataset(Model):
    """A dataset (an asset on Airflow 3): its URI, the tasks that update it and the DAGs scheduled on it."""

    id: int = Field(default=None, doc="The dataset's id.")
    uri: str = Field(default=None, doc="The dataset's URI.")
    extra: dict[str, Any] | None = Field(default=None, nullable=True, doc="Extra data declared with the dataset.")
    created_at: str = Field(default=None, doc="When the dataset was first seen (ISO 8601 text).")
    updated_at: str = Field(default=None, doc="When the dataset last changed (ISO 8601 text).")
    consuming_dags: list[DagScheduleDatasetReference] = Field(
        default=None, fallback_keys=("scheduled_dags",), doc="The DAGs scheduled on this dataset."
    )
    producing_tasks: list[TaskOutletDatasetReference] = Field(default=None, doc="The tasks that update this dataset.")
    name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The asset's name.")
    group: str | None = Field(default=None, read_only=True, v2_only=True, doc="The asset's group.")
    consuming_tasks: list[TaskInletAssetReference] | None = Field(
        default=None, read_only=True, v2_only=True, doc="The tasks that read this asset (inlets)."
    )
    aliases: list[AssetAlias] = Field(
        default=None, read_only=True, v2_only=True, doc="The asset aliases that resolve to it."
    )
    watchers: list[AssetWatcher] | None = Field(
        default=None, read_only=True, v2_only=True, doc="The triggers watching it."
    )
    last_asset_event: LastAssetEvent | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The id and time of its latest event."
    )
