from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ConfigOption"]


class ConfigOption(Model):
    """A configuration option and its value."""

    key: str = Field(default=None, read_only=True, doc="The option's name.")
    value: str = Field(default=None, read_only=True, doc="The option's value, as text.")
