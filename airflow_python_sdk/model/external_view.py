from airflow_python_sdk.model.view_destination import ViewDestination
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ExternalView", "PluginView"]


class PluginView(Model):
    """What every view a plugin adds to the UI has: its label, icons and where it is shown."""

    name: str = Field(default=None, read_only=True, doc="Its label.")
    icon: str | None = Field(default=None, nullable=True, read_only=True, doc="Its icon's address.")
    icon_dark_mode: str | None = Field(default=None, nullable=True, read_only=True, doc="Its icon in dark mode.")
    url_route: str | None = Field(default=None, nullable=True, read_only=True, doc="The UI route it is shown at.")
    category: str | None = Field(default=None, nullable=True, read_only=True, doc="The menu it is in.")
    nav_top_level: bool | None = Field(
        default=None, nullable=True, read_only=True, doc="Whether it is at the top of the navigation bar."
    )
    destination: ViewDestination | None = Field(default=None, read_only=True, doc="The page it is shown on.")


class ExternalView(PluginView):
    """A page a plugin links in the UI: where it goes and how it is shown."""

    href: str = Field(default=None, read_only=True, doc="The page's address.")
