from airflow_python_sdk.model.class_reference import ClassReference
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ExtraLink"]


class ExtraLink(Model):
    """One extra link of a task instance."""

    class_ref: ClassReference | None = Field(default=None, doc="The class that provides the link.")
    name: str | None = Field(default=None, read_only=True, doc="The link's label.")
    href: str | None = Field(default=None, read_only=True, doc="The URL; empty when the link has no target yet.")
