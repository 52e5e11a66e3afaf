from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.role import Role
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["RoleCollection"]


class RoleCollection(CollectionInfo, Page[Role]):
    """A page of roles and the total number there are."""

    roles: list[Role] | None = Field(default=None, doc="The roles on this page.")
