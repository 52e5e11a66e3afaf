"""A plugin loaded by the server."""

from __future__ import annotations

from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["PluginCollectionItem"]


class PluginCollectionItem(Model):
    """One plugin and what it adds, each item described as text (or a dict for UI items)."""

    name: str | None = Field(default=None, doc="The plugin's name.")
    hooks: list[str] | None = Field(default=None, doc="Hooks it adds.")
    executors: list[str] | None = Field(default=None, doc="Executors it adds.")
    macros: list[str] | None = Field(default=None, doc="Template macros it adds.")
    flask_blueprints: list[str] | None = Field(default=None, doc="Flask blueprints it adds.")
    appbuilder_views: list[dict[str, Any]] | None = Field(default=None, doc="Flask-AppBuilder views it adds.")
    appbuilder_menu_items: list[dict[str, Any]] | None = Field(default=None, doc="Menu items it adds.")
    global_operator_extra_links: list[str] | None = Field(default=None, doc="Extra links it adds to every operator.")
    operator_extra_links: list[str] | None = Field(default=None, doc="Extra links it adds to some operators.")
    source: str | None = Field(default=None, nullable=True, doc="Where the plugin was loaded from.")
    ti_deps: list[str] | None = Field(default=None, doc="Task-instance dependency rules it adds.")
    listeners: list[str] | None = Field(default=None, doc="Listeners it registers.")
    timetables: list[str] | None = Field(default=None, doc="Timetables it adds.")
    fastapi_apps: list[dict[str, Any]] | None = Field(
        default=None, read_only=True, v2_only=True, doc="FastAPI apps it adds."
    )
    fastapi_root_middlewares: list[dict[str, Any]] | None = Field(
        default=None, read_only=True, v2_only=True, doc="FastAPI middlewares it adds."
    )
    external_views: list[dict[str, Any]] | None = Field(
        default=None, read_only=True, v2_only=True, doc="External views it adds."
    )
    react_apps: list[dict[str, Any]] | None = Field(
        default=None, read_only=True, v2_only=True, doc="React apps it adds."
    )
