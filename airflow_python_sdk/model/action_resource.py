from airflow_python_sdk.model.action import Action
from airflow_python_sdk.model.resource import Resource
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ActionResource"]


class ActionResource(Model):
    """A permission a role holds: one action allowed on one resource."""

    action: Action | None = Field(default=None, doc="What may be done.")
    resource: Resource | None = Field(default=None, doc="What it may be done to.")
