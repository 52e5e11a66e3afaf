from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClassReference"]


class ClassReference(Model):
    """A Python class, by module and name (an operator's class, say)."""

    module_path: str | None = Field(default=None, read_only=True, doc="Dotted module the class lives in.")
    class_name: str | None = Field(default=None, read_only=True, doc="The class name.")
