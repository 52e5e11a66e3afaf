from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.user_collection_item import UserCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["UserCollection"]


class UserCollection(CollectionInfo, Page[UserCollectionItem]):
    """A page of users and the total number there are."""

    users: list[UserCollectionItem] | None = Field(default=None, doc="The users on this page.")
