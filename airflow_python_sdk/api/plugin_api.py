"""The plugins the server loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.plugin_collection import PluginCollection
from airflow_python_sdk.model.plugin_import_error_collection import PluginImportErrorCollection
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["PluginApi"]


class PluginApi(Api):
    """List the server's plugins, and those it could not load."""

    @operation("GET", "/plugins", errors=(401, 403, 404), v2=V2())
    def get_plugins(
        self, limit: int | None = None, offset: int | None = None, **kwargs: Unpack[CallOptions]
    ) -> PluginCollection:
        """List the loaded plugins.

        :param limit: How many plugins to return (server default 100).
        :param offset: How many plugins to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/plugins/importErrors", v1=False)
    def get_plugin_import_errors(self, **kwargs: Unpack[CallOptions]) -> PluginImportErrorCollection:
        """List the plugins the server could not load, with the error each raised."""
        return self._call(locals())  # type: ignore[no-any-return]

    # Airflow 3's names (operationIds) of these operations
    import_errors = get_plugin_import_errors
