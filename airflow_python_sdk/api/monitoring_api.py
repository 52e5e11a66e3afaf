"""The server's health and version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.health_info import HealthInfo
from airflow_python_sdk.model.version_info import VersionInfo
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["MonitoringApi"]


class MonitoringApi(Api):
    """Check the server's health and version."""

    @operation("GET", "/health", errors=(), v2=V2(path="/monitor/health"))
    def get_health(self, **kwargs: Unpack[CallOptions]) -> HealthInfo:
        """Get the health of the metadata database, scheduler, triggerer and DAG processor."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/version", errors=(), v2=V2())
    def get_version(self, **kwargs: Unpack[CallOptions]) -> VersionInfo:
        """Get the server's Airflow version."""
        return self._call(locals())  # type: ignore[no-any-return]
