"""DAG versions (Airflow 3 only): each parsed change of a DAG that has run is kept as a new version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model.dag_version_collection import DagVersionCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DagVersionApi"]


class DagVersionApi(Api):
    """The versions of DAGs (Airflow 3 only)."""

    @operation("GET", "/dags/{dag_id}/dagVersions/{version_number}", errors=(401, 403, 404), v1=False)
    def get_dag_version(self, dag_id: str | int, version_number: int, **kwargs: Unpack[CallOptions]) -> DagVersion:
        """Get one version of a DAG.

        :param version_number: The version's number (1, 2, ...).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dags/{dag_id}/dagVersions", errors=(401, 403, 404), v1=False)
    def get_dag_versions(
        self,
        dag_id: str | int,
        limit: int | None = None,
        offset: int | None = None,
        version_number: int | None = None,
        bundle_name: str | None = None,
        bundle_version: str | None = None,
        order_by: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DagVersionCollection:
        """List the versions of a DAG, or with ``dag_id="~"`` of every DAG.

        :param dag_id: The DAG id, or ``~`` for all DAGs.
        :param version_number: Only the version with this number.
        :param bundle_name: Only versions from this DAG bundle.
        :param bundle_version: Only versions of this bundle version.
        :param order_by: Field to sort by (``id``, ``version_number``, ``bundle_name``, ``bundle_version``);
            prefix with ``-`` for descending.
        """
        return self._call(locals())  # type: ignore[no-any-return]
