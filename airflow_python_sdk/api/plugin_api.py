"""The plugins the server loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.plugin_collection import PluginCollection
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["PluginApi"]


class PluginApi(Api):
    """List the server's plugins."""

    @operation("GET", "/plugins", errors=(401, 403, 404), v2=V2())
    def get_plugins(
        self, limit: int | None = None, offset: int | None = None, **kwargs: Unpack[CallOptions]
    ) -> PluginCollection:
        """List the loaded plugins.

        :param limit: How many plugins to return (server default 100).
        :param offset: How many plugins to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]
