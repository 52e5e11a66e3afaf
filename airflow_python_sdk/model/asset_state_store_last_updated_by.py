from airflow_python_sdk.model.asset_state_store_writer_kind import AssetStateStoreWriterKind
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetStateStoreLastUpdatedBy"]


class AssetStateStoreLastUpdatedBy(Model):
    """The writer of an asset state store key; the task fields are set when a task wrote it (Airflow 3)."""

    kind: AssetStateStoreWriterKind = Field(default=None, doc="What wrote it.")
    dag_id: str | None = Field(default=None, nullable=True, doc="The writing task's DAG.")
    run_id: str | None = Field(default=None, nullable=True, doc="The writing task's run.")
    task_id: str | None = Field(default=None, nullable=True, doc="The writing task.")
    map_index: int | None = Field(default=None, nullable=True, doc="The writing task's map index.")
