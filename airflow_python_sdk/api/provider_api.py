"""The provider packages installed on the server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.provider_collection import ProviderCollection
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["ProviderApi"]


class ProviderApi(Api):
    """List the server's provider packages."""

    @operation("GET", "/providers", errors=(401, 403), v2=V2())
    def get_providers(
        self, limit: int | None = AIRFLOW_3_ONLY, offset: int | None = AIRFLOW_3_ONLY, **kwargs: Unpack[CallOptions]
    ) -> ProviderCollection:
        """List the installed provider packages (Airflow 2 lists them all at once)."""
        return self._call(locals())  # type: ignore[no-any-return]
