from airflow_python_sdk.model.dag_stats_state_collection_item import DagStatsStateCollectionItem
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["DagStatsCollectionItem"]


class DagStatsCollectionItem(Model):
    """One DAG and how many of its runs are in each state."""

    dag_id: str = Field(default=None, doc="The DAG.")
    stats: list[DagStatsStateCollectionItem] = Field(default=None, nullable=True, doc="One count per run state.")
    dag_display_name: str | None = Field(default=None, read_only=True, v2_only=True, doc="The DAG's display name.")
