from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.x_com_collection_item import XComCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["XComCollection"]


class XComCollection(CollectionInfo, Page[XComCollectionItem]):
    """A page of XCom entries (without values) and the total number that match."""

    xcom_entries: list[XComCollectionItem] = Field(default=None, doc="The entries on this page.")
