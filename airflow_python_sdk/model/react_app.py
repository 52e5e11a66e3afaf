from airflow_python_sdk.model.external_view import PluginView
from airflow_python_sdk.model_utils import Field

__all__ = ["ReactApp"]


class ReactApp(PluginView):
    """A React app a plugin embeds in the UI: its bundle and where it is shown."""

    bundle_url: str = Field(default=None, read_only=True, doc="Where its JavaScript bundle is.")
