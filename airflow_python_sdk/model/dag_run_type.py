from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["DagRunType"]


class DagRunType(OpenEnum):
    """How a run came about; Airflow 2 says ``dataset_triggered`` where Airflow 3 says ``asset_triggered``."""

    BACKFILL = "backfill"
    SCHEDULED = "scheduled"
    MANUAL = "manual"
    DATASET_TRIGGERED = "dataset_triggered"
    OPERATOR_TRIGGERED = "operator_triggered"
    ASSET_TRIGGERED = "asset_triggered"
    ASSET_MATERIALIZATION = "asset_materialization"
