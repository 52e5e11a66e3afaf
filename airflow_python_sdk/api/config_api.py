"""The server's configuration (readable only when the webserver exposes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.exceptions import not_found
from airflow_python_sdk.model.config import Config
from airflow_python_sdk.operation import V2, Api, Args, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["ConfigApi"]


def _whole(client: ApiClient, args: Args) -> Args:
    """Asks for the whole configuration: Airflow 3.3.2 answers 404 to every ``?section=``."""
    return {**args, "section": None}


def _section(client: ApiClient, args: Args, data: Any) -> Any:
    """Keeps the section asked for (``NotFoundException`` when there is none, as on Airflow 2)."""
    section = args.get("section")
    if section is None or not isinstance(data, dict):
        return data
    sections = data.get("sections")
    found = (
        [s for s in sections if isinstance(s, dict) and s.get("name") == section] if isinstance(sections, list) else []
    )
    if not found:
        raise not_found(f"Section {section} not found.")
    return {**data, "sections": found}


class ConfigApi(Api):
    """Read the server's configuration."""

    @operation("GET", "/config", errors=(401, 403, 404), v2=V2(resolve=_whole, answer=_section))
    def get_config(self, section: str | None = None, **kwargs: Unpack[CallOptions]) -> Config:
        """Get the server's configuration, or one section of it.

        :param section: Only this section.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/config/section/{section}/option/{option}", errors=(401, 403, 404), v2=V2())
    def get_value(self, section: str, option: str, **kwargs: Unpack[CallOptions]) -> Config:
        """Get one configuration option, as a one-section, one-option :class:`Config`.

        :param section: The section, e.g. ``core``.
        :param option: The option within it, e.g. ``dags_folder``.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    # Airflow 3's names (operationIds) of these operations
    get_config_value = get_value
