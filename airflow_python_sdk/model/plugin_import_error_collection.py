from airflow_python_sdk.model.plugin_import_error import PluginImportError
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["PluginImportErrorCollection"]


class PluginImportErrorCollection(Model, Page[PluginImportError]):
    """Every plugin the server could not load, and how many."""

    import_errors: list[PluginImportError] = Field(default=None, read_only=True, doc="The errors.")
    total_entries: int = Field(default=None, read_only=True, doc="How many there are.")
