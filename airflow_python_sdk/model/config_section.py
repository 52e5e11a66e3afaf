from airflow_python_sdk.model.config_option import ConfigOption
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ConfigSection"]


class ConfigSection(Model):
    """A named configuration section and its options."""

    name: str = Field(default=None, read_only=True, doc="The section's name, e.g. `core`.")
    options: list[ConfigOption] = Field(default=None, doc="The options of this section.")
