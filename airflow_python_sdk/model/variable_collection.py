from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.variable_collection_item import VariableCollectionItem
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["VariableCollection"]


class VariableCollection(CollectionInfo, Page[VariableCollectionItem]):
    """A page of variables (keys and descriptions only) and the total number there are."""

    variables: list[VariableCollectionItem] = Field(default=None, doc="The variables on this page.")
