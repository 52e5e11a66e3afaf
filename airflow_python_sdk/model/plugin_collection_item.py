from typing import Any

from airflow_python_sdk.model.external_view import ExternalView
from airflow_python_sdk.model.fast_api_app import FastAPIApp
from airflow_python_sdk.model.fast_api_root_middleware import FastAPIRootMiddleware
from airflow_python_sdk.model.react_app import ReactApp
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["PluginCollectionItem"]


class PluginCollectionItem(Model):
    """One plugin and what it adds, most items described as text."""

    name: str = Field(default=None, doc="The plugin's name.")
    hooks: list[str] | None = Field(default=None, doc="Hooks it adds (Airflow 2).")
    executors: list[str] | None = Field(default=None, doc="Executors it adds (Airflow 2).")
    macros: list[str] = Field(default=None, doc="Template macros it adds.")
    flask_blueprints: list[str] = Field(default=None, doc="Flask blueprints it adds.")
    appbuilder_views: list[dict[str, Any]] = Field(
        default=None, doc="Flask-AppBuilder views it adds: ``name``, ``category``, ``view`` and ``label`` each."
    )
    appbuilder_menu_items: list[dict[str, Any]] = Field(
        default=None, doc="Menu links it adds: ``name``, ``href`` and ``category`` each."
    )
    global_operator_extra_links: list[str] = Field(default=None, doc="Extra links it adds to every operator.")
    operator_extra_links: list[str] = Field(default=None, doc="Extra links it adds to some operators.")
    source: str = Field(default=None, nullable=True, doc="Where the plugin was loaded from.")
    ti_deps: list[str] | None = Field(default=None, doc="Task-instance dependency rules it adds (Airflow 2).")
    listeners: list[str] = Field(default=None, doc="Listeners it registers.")
    timetables: list[str] = Field(default=None, doc="Timetables it adds.")
    fastapi_apps: list[FastAPIApp] | None = Field(
        default=None, read_only=True, v2_only=True, doc="FastAPI apps it adds."
    )
    fastapi_root_middlewares: list[FastAPIRootMiddleware] | None = Field(
        default=None, read_only=True, v2_only=True, doc="Middlewares it adds to the API server."
    )
    external_views: list[ExternalView] | None = Field(
        default=None, read_only=True, v2_only=True, doc="Links to external pages it adds to the UI."
    )
    react_apps: list[ReactApp] | None = Field(
        default=None, read_only=True, v2_only=True, doc="React apps it adds to the UI."
    )
