from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Resource"]


class Resource(Model):
    """A thing a permission applies to, such as ``DAG Runs`` or ``Variables``."""

    name: str | None = Field(default=None, doc="The resource's name, e.g. `Variables`.")
