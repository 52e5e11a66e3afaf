from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["AssetStateStoreWriterKind"]


class AssetStateStoreWriterKind(OpenEnum):
    """Who wrote an asset state store key: a task, an asset watcher, or the REST API."""

    TASK = "task"
    WATCHER = "watcher"
    API = "api"
