from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["DagWarningType"]


class DagWarningType(OpenEnum):
    """What a DAG warning is about; a kind this list lacks is kept as a value too."""

    ASSET_CONFLICT = "asset conflict"
    NON_EXISTENT_POOL = "non-existent pool"
    RUNTIME_VARYING_VALUE = "runtime varying value"
