from airflow_python_sdk.model.user_collection_item import UserCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["User"]


class User(UserCollectionItem):
    """A user account as sent to create or update it."""

    password: str | None = Field(default=None, doc="The password; write-only: the server never returns it.")
