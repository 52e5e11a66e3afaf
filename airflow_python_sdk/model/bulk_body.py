from airflow_python_sdk.model.bulk_action import BulkAction
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkBody"]


class BulkBody(Model):
    """Actions applied in one request, in order: ``BulkBody(actions=[BulkAction.create([...]), ...])``."""

    actions: list[BulkAction] = Field(default=None, doc="The actions, applied in order.")
