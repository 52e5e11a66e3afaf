from airflow_python_sdk.model.variable_collection_item import VariableCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["Variable"]


class Variable(VariableCollectionItem):
    """A variable: the body to create or update one, and what reading one answers."""

    value: str | None = Field(
        default=None, doc="The value, as text (Airflow 3 stores a JSON value given in a body as its JSON text)."
    )
