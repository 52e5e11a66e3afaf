"""Backfills (Airflow 3 only): runs of a DAG over a past date range, made at once and run as one job.

A DAG has at most one backfill that is not completed; the scheduler runs its runs, at most
``max_active_runs`` at a time, while it is not paused. Cancelling one fails its queued runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.backfill import Backfill
from airflow_python_sdk.model.backfill_collection import BackfillCollection
from airflow_python_sdk.model.backfill_post_body import BackfillPostBody
from airflow_python_sdk.model.dry_run_backfill_collection import DryRunBackfillCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["BackfillApi"]

_ONE = "/backfills/{backfill_id}"
_CREATE = (400, 401, 403, 404, 409)
_CHANGE = (401, 403, 404, 409)


class BackfillApi(Api):
    """Operations on backfills (Airflow 3 only: on Airflow 2 each raises ``UnsupportedOperationError``)."""

    @operation("GET", "/backfills", v1=False)
    def list_backfills(
        self,
        dag_id: str | int,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> BackfillCollection:
        """List the backfills of one DAG.

        :param dag_id: The DAG's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/backfills", body="backfill_post_body", errors=_CREATE, v1=False)
    def create_backfill(self, backfill_post_body: BackfillPostBody, **kwargs: Unpack[CallOptions]) -> Backfill:
        """Create a backfill and its runs (queued; the scheduler runs them).

        Answers 409 while the DAG has another backfill not completed, 400 when the DAG allows no
        backfill runs, and 422 (``BadRequestException``) for a DAG without a periodic schedule, a
        range in the future or with no runs, or settings its tasks forbid.

        :param backfill_post_body: The DAG, the date range and how to run it.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/backfills/dry_run", body="backfill_post_body", errors=_CREATE, v1=False)
    def create_backfill_dry_run(
        self, backfill_post_body: BackfillPostBody, **kwargs: Unpack[CallOptions]
    ) -> DryRunBackfillCollection:
        """List the runs a backfill would make, creating nothing.

        :param backfill_post_body: The DAG, the date range and how to run it.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v1=False)
    def get_backfill(self, backfill_id: int, **kwargs: Unpack[CallOptions]) -> Backfill:
        """Get a backfill.

        :param backfill_id: The backfill's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", _ONE + "/pause", errors=_CHANGE, v1=False)
    def pause_backfill(self, backfill_id: int, **kwargs: Unpack[CallOptions]) -> Backfill:
        """Pause a backfill: it starts no more runs (409 once it is completed).

        :param backfill_id: The backfill's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", _ONE + "/unpause", errors=_CHANGE, v1=False)
    def unpause_backfill(self, backfill_id: int, **kwargs: Unpack[CallOptions]) -> Backfill:
        """Let a paused backfill start runs again (409 once it is completed).

        :param backfill_id: The backfill's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", _ONE + "/cancel", errors=_CHANGE, v1=False)
    def cancel_backfill(self, backfill_id: int, **kwargs: Unpack[CallOptions]) -> Backfill:
        """Cancel a backfill: it is paused, its queued runs fail, and it is completed (409 if it was).

        :param backfill_id: The backfill's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]
