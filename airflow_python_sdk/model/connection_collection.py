from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.connection_collection_item import ConnectionCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["ConnectionCollection"]


class ConnectionCollection(CollectionInfo, Page[ConnectionCollectionItem]):
    """A page of connections (without passwords or extras) and the total number there are."""

    connections: list[ConnectionCollectionItem] = Field(default=None, doc="The connections on this page.")
