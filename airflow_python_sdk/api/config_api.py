"""The server's configuration (readable only when the webserver exposes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.config import Config
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["ConfigApi"]


class ConfigApi(Api):
    """Read the server's configuration."""

    @operation("GET", "/config", errors=(401, 403, 404))
    def get_config(self, section: str | None = None, **kwargs: Unpack[CallOptions]) -> Config:
        """Get the server's configuration, or one section of it.

        :param section: Only this section.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/config/section/{section}/option/{option}", errors=(401, 403, 404))
    def get_value(self, section: str, option: str, **kwargs: Unpack[CallOptions]) -> Config:
        """Get one configuration option, as a one-section, one-option :class:`Config`.

        :param section: The section, e.g. ``core``.
        :param option: The option within it, e.g. ``dags_folder``.
        """
        return self._call(locals())  # type: ignore[no-any-return]
