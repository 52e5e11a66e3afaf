"""Jobs (Airflow 3 only): the scheduler, DAG processor and triggerer processes Airflow records."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.model.job_collection import JobCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["JobApi"]


class JobApi(Api):
    """Listing jobs (Airflow 3 only)."""

    @operation("GET", "/jobs", errors=(400, 401, 403), v1=False)
    def get_jobs(
        self,
        is_alive: bool | None = None,
        start_date_gte: datetime | None = None,
        start_date_gt: datetime | None = None,
        start_date_lte: datetime | None = None,
        start_date_lt: datetime | None = None,
        end_date_gte: datetime | None = None,
        end_date_gt: datetime | None = None,
        end_date_lte: datetime | None = None,
        end_date_lt: datetime | None = None,
        limit: int | None = None,
        offset: int | None = None,
        order_by: list[str] | None = None,
        job_state: str | None = None,
        job_type: str | None = None,
        hostname: str | None = None,
        executor_class: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> JobCollection:
        """List jobs, by id unless ``order_by`` says otherwise.

        :param is_alive: Given at all (true or false), only jobs whose heartbeat is recent are kept, from
            the page the server already cut: 3.3.2 ignores the value, and ``total_entries`` counts them all.
        :param job_state: Only jobs in this state (``running``, ``success``, ...).
        :param job_type: Only jobs of this type (``SchedulerJob``, ``DagProcessorJob``, ``TriggererJob``, ...).
        :param hostname: Only jobs on this host.
        :param executor_class: Only jobs using this executor.
        """
        return self._call(locals())  # type: ignore[no-any-return]
