"""A plugin that failed to load (Airflow 3)."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["PluginImportError"]


class PluginImportError(Model):
    """Where a plugin came from and why the server could not load it."""

    source: str = Field(default=None, read_only=True, doc="The plugin's file or package.")
    error: str = Field(default=None, read_only=True, doc="The error met loading it.")
