from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Action"]


class Action(Model):
    """Something a permission lets a role do, such as ``can_read`` or ``can_edit``."""

    name: str | None = Field(default=None, doc="The action's name, e.g. `can_read`.")
