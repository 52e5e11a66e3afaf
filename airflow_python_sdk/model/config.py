from airflow_python_sdk.model.config_section import ConfigSection
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Config"]


class Config(Model):
    """The server's configuration, section by section."""

    sections: list[ConfigSection] = Field(default=None, doc="The configuration sections.")
