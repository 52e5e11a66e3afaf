from airflow_python_sdk.model.action_resource import ActionResource
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Role"]


class Role(Model):
    """A named set of permissions that users can be given."""

    name: str | None = Field(default=None, doc="The role's name (not empty).")
    actions: list[ActionResource] | None = Field(default=None, doc="The permissions the role grants.")
