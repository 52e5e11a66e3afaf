"""A React app that a plugin adds to the UI (Airflow 3)."""

from __future__ import annotations

from airflow_python_sdk.model.view_destination import ViewDestination
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ReactApp"]


class ReactApp(Model):
    """A React app a plugin embeds in the UI: its bundle and where it is shown."""

    name: str = Field(default=None, read_only=True, doc="Its label.")
    bundle_url: str = Field(default=None, read_only=True, doc="Where its JavaScript bundle is.")
    icon: str | None = Field(default=None, nullable=True, read_only=True, doc="Its icon's address.")
    icon_dark_mode: str | None = Field(default=None, nullable=True, read_only=True, doc="Its icon in dark mode.")
    url_route: str | None = Field(default=None, nullable=True, read_only=True, doc="The UI route it is shown at.")
    category: str | None = Field(default=None, nullable=True, read_only=True, doc="The menu it is in.")
    nav_top_level: bool | None = Field(
        default=None, nullable=True, read_only=True, doc="Whether it is at the top of the navigation bar."
    )
    destination: ViewDestination | None = Field(default=None, read_only=True, doc="The page it is shown on.")
