"""DAG warnings: problems the DAG processor recorded against DAGs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.dag_warning_collection import DagWarningCollection
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DagWarningApi"]


class DagWarningApi(Api):
    """Reading DAG warnings."""

    @operation("GET", "/dagWarnings", errors=(401, 403), v2=V2())
    def get_dag_warnings(
        self,
        dag_id: str | None = None,
        warning_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DagWarningCollection:
        """List DAG warnings.

        :param dag_id: Only warnings about this DAG.
        :param warning_type: Only warnings of this kind (a :class:`DagWarningType` or its value).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    # Airflow 3's names (operationIds) of these operations
    list_dag_warnings = get_dag_warnings
