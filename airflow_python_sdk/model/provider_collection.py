"""The installed provider packages."""

from __future__ import annotations

from airflow_python_sdk.model.provider import Provider
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ProviderCollection"]


class ProviderCollection(Model):
    """The provider packages installed on the server.

    The server also sends ``total_entries``; this schema does not declare it, so read it as
    ``collection["total_entries"]``.
    """

    providers: list[Provider] | None = Field(default=None, doc="The providers.")
