from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.plugin_collection_item import PluginCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["PluginCollection"]


class PluginCollection(CollectionInfo, Page[PluginCollectionItem]):
    """A page of the server's plugins and how many there are."""

    plugins: list[PluginCollectionItem] = Field(default=None, doc="The plugins on this page.")
