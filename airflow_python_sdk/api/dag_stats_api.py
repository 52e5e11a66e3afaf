"""DAG statistics: how many runs of each DAG are in each state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.dag_stats_collection_schema import DagStatsCollectionSchema
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DagStatsApi"]


class DagStatsApi(Api):
    """Run counts by state."""

    @operation("GET", "/dagStats", joined=("dag_ids",), errors=(401, 403), v2=V2(split=("dag_ids",)))
    def get_dag_stats(self, dag_ids: str | list[str], **kwargs: Unpack[CallOptions]) -> DagStatsCollectionSchema:
        """Count the runs of some DAGs by state.

        Airflow 3 lists only DAGs that have runs, and every such DAG with ``dag_ids=[]``.

        :param dag_ids: The DAG ids, as a list or separated by commas.
        """
        return self._call(locals())  # type: ignore[no-any-return]
