from airflow_python_sdk.model.action import Action
from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["ActionCollection"]


class ActionCollection(CollectionInfo, Page[Action]):
    """A page of permission actions and the total number there are."""

    actions: list[Action] | None = Field(default=None, doc="The actions on this page.")
