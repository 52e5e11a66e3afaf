"""DAG runs: trigger, list, read, change state or note, clear and delete; on Airflow 3 also in bulk."""

from __future__ import annotations

import copy
import json
import time
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiValueError,
    ConflictException,
    WaitTimeoutError,
    exception_for_status,
)
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_dag_run_clear_body import BulkDAGRunClearBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.clear_dag_run import ClearDagRun
from airflow_python_sdk.model.clear_partitions_body import ClearPartitionsBody
from airflow_python_sdk.model.clear_partitions_response import ClearPartitionsResponse
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_run_collection import DAGRunCollection
from airflow_python_sdk.model.dag_run_patch_body import DAGRunPatchBody
from airflow_python_sdk.model.dag_run_wait_result import DagRunWaitResult
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.list_dag_runs_form import ListDagRunsForm
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState
from airflow_python_sdk.model_utils import check_value
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, AIRFLOW_3_ONLY, V2, Api, operation
from airflow_python_sdk.triggering import IfExists, existing, new_run_id, read_back
from airflow_python_sdk.waiting import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, is_finished, wait_for_run

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DAGRunApi"]

_RUN = "/dags/{dag_id}/dagRuns/{dag_run_id}"
_ALL = (400, 401, 403, 404)
_V2_NAMES = {
    "execution_date": "logical_date",
    "execution_date_gte": "logical_date_gte",
    "execution_date_lte": "logical_date_lte",
}
"""Airflow 3's names for Airflow 2's execution-date filters, body keys and order_by fields."""


def _timeout_of(value: Any) -> float | None:
    """Seconds a wait may last: a timeout's total, or the read part of a (connect, read) pair."""
    return float(value[1]) if isinstance(value, tuple) else None if value is None else float(value)


def _read_wait(response: Any, label: str, limit: float | None) -> DagRunWaitResult:
    """The last line of a wait's NDJSON stream, read as it comes; see ``wait_dag_run_until_finished``."""
    from urllib3.exceptions import HTTPError

    from airflow_python_sdk.rest import RESTResponse, _transport_error

    started, last, done = time.monotonic(), None, False
    try:
        if response.status >= 400:
            answer = RESTResponse(response, 0.0, response.url or "")
            raise exception_for_status(answer.status)(http_resp=answer)
        for line in response:  # urllib3 yields each line as soon as it has come in
            if not line.strip():
                continue
            try:
                last = json.loads(line)
            except ValueError as exc:
                raise ApiException(response.status, f"the answer is not NDJSON ({exc})", line.decode()) from exc
            state = last.get("state") if isinstance(last, dict) else None
            elapsed = time.monotonic() - started
            if limit is not None and elapsed > limit and not is_finished(state):
                raise WaitTimeoutError(
                    f"{label} is still {state} after {elapsed:.1f} s (timeout {limit:g} s)",
                    state=DagState(state) if isinstance(state, str) else None,
                    timeout=limit,
                    elapsed=elapsed,
                )
        done = True
    except HTTPError as exc:
        raise _transport_error(exc, "GET", str(response.url)) or exc from exc
    finally:
        if not done:
            response.close()  # an unfinished stream: the connection is not reused
        response.release_conn()
    if last is None:
        raise ApiException(response.status, "the answer is empty where data was expected")
    try:
        return DagRunWaitResult._from_server(last)
    except ValueError as exc:
        raise ApiValueError(f"wait_dag_run_until_finished(): {exc}", ["wait_dag_run_until_finished"]) from exc


def _logical_date_key(body: dict[str, Any]) -> dict[str, Any]:
    """Airflow 3 requires the ``logical_date`` key when triggering; null lets the server choose."""
    return {"logical_date": None, **body}


MODIFIABLE_FIELDS = ("state", "note")
"""The DAG-run fields :meth:`DAGRunApi.update_dag_run` can change."""


class DAGRunApi(Api):
    """Operations on DAG runs."""

    @operation("DELETE", _RUN, errors=_ALL, v2=V2())
    def delete_dag_run(self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a DAG run."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _RUN, errors=(401, 403, 404), v2=V2())
    def get_dag_run(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        fields: list[str] | None = AIRFLOW_2_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRun:
        """Get a DAG run."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dags/{dag_id}/dagRuns", errors=(401,), v2=V2(rename=_V2_NAMES))
    def get_dag_runs(
        self,
        dag_id: str | int,
        limit: int | None = None,
        offset: int | None = None,
        execution_date_gte: datetime | None = None,
        execution_date_lte: datetime | None = None,
        start_date_gte: datetime | None = None,
        start_date_lte: datetime | None = None,
        end_date_gte: datetime | None = None,
        end_date_lte: datetime | None = None,
        updated_at_gte: datetime | None = None,
        updated_at_lte: datetime | None = None,
        state: list[str] | None = None,
        order_by: str | None = None,
        fields: list[str] | None = AIRFLOW_2_ONLY,
        logical_date_gte: datetime | None = None,
        logical_date_gt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_lte: datetime | None = None,
        logical_date_lt: datetime | None = AIRFLOW_3_ONLY,
        run_after_gte: datetime | None = AIRFLOW_3_ONLY,
        run_after_gt: datetime | None = AIRFLOW_3_ONLY,
        run_after_lte: datetime | None = AIRFLOW_3_ONLY,
        run_after_lt: datetime | None = AIRFLOW_3_ONLY,
        start_date_gt: datetime | None = AIRFLOW_3_ONLY,
        start_date_lt: datetime | None = AIRFLOW_3_ONLY,
        end_date_gt: datetime | None = AIRFLOW_3_ONLY,
        end_date_lt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_gt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_lt: datetime | None = AIRFLOW_3_ONLY,
        duration_gte: float | None = AIRFLOW_3_ONLY,
        duration_gt: float | None = AIRFLOW_3_ONLY,
        duration_lte: float | None = AIRFLOW_3_ONLY,
        duration_lt: float | None = AIRFLOW_3_ONLY,
        conf_contains: str | None = AIRFLOW_3_ONLY,
        run_type: list[str] | None = AIRFLOW_3_ONLY,
        dag_version: list[int] | None = AIRFLOW_3_ONLY,
        bundle_version: str | None = AIRFLOW_3_ONLY,
        run_id_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        triggering_user_name_pattern: str | None = AIRFLOW_3_ONLY,
        triggering_user_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        dag_id_pattern: str | None = AIRFLOW_3_ONLY,
        dag_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        partition_key_pattern: str | None = AIRFLOW_3_ONLY,
        partition_key_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        consuming_asset_pattern: str | None = AIRFLOW_3_ONLY,
        partition_date_gte: date | None = AIRFLOW_3_ONLY,
        partition_date_lte: date | None = AIRFLOW_3_ONLY,
        cursor: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRunCollection:
        """List DAG runs.

        Give ``dag_id="~"`` to list the runs of every DAG. On Airflow 3, :func:`~airflow_python_sdk.paginate`
        walks the runs by ``cursor``.

        :param dag_id: The DAG id, or ``~`` for all DAGs.
        :param limit: How many runs to return (server default 100 on Airflow 2, 50 on Airflow 3).
        :param offset: How many runs to skip.
        :param execution_date_gte: Only runs with a logical date at or after this.
        :param execution_date_lte: Only runs with a logical date at or before this.
        :param start_date_gte: Only runs that started at or after this.
        :param start_date_lte: Only runs that started at or before this.
        :param end_date_gte: Only runs that ended at or after this.
        :param end_date_lte: Only runs that ended at or before this.
        :param updated_at_gte: Only runs updated at or after this.
        :param updated_at_lte: Only runs updated at or before this.
        :param state: Only runs in one of these states.
        :param fields: Only return these fields of each run.
        :param logical_date_gte: Airflow 3's name of ``execution_date_gte``: either name works on both servers.
        :param logical_date_lte: Airflow 3's name of ``execution_date_lte``: either name works on both servers.
        :param duration_gte: Only runs that ran at least this many seconds.
        :param duration_gt: Only runs that ran more than this many seconds.
        :param duration_lte: Only runs that ran at most this many seconds.
        :param duration_lt: Only runs that ran less than this many seconds.
        :param conf_contains: Only runs whose ``conf``, as JSON text, contains this text.
        :param run_type: Only runs of these types: manual, scheduled, backfill, asset_triggered, ...
        :param dag_version: Only runs created by these DAG version numbers.
        :param bundle_version: Only runs of this DAG bundle version.
        :param consuming_asset_pattern: Only runs that consumed an asset whose name or URI contains this text.
        :param partition_date_gte: Only runs whose partition date is on or after this day (the DAG's
            timetable zone); only for a partitioned DAG, not ``~``.
        :param partition_date_lte: Only runs whose partition date is on or before this day (the DAG's
            timetable zone); only for a partitioned DAG, not ``~``.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        "/dags/~/dagRuns/list",
        body="list_dag_runs_form",
        errors=(400, 401, 403),
        v2=V2(rename=_V2_NAMES),
    )
    def get_dag_runs_batch(
        self, list_dag_runs_form: ListDagRunsForm, **kwargs: Unpack[CallOptions]
    ) -> DAGRunCollection:
        """List DAG runs across DAGs, with the filters in a request body.

        :param list_dag_runs_form: Filters, order and page.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        "/dags/{dag_id}/dagRuns",
        body="dag_run",
        errors=(*_ALL, 409),
        v2=V2(rename=_V2_NAMES, body=_logical_date_key),
    )
    def post_dag_run(self, dag_id: str | int, dag_run: DAGRun, **kwargs: Unpack[CallOptions]) -> DAGRun:
        """Trigger a new DAG run.

        The POST is never resent. When ``dag_run`` names its ``dag_run_id`` and the connection drops or times
        out after the request may have been sent (:class:`ApiConnectionError`, :class:`ApiTimeoutError`), that
        run is read back first: it is returned when the server holds it with the conf sent; else the error is
        raised with a note saying whether the run exists (see :mod:`airflow_python_sdk.triggering`).

        :param dag_run: The run to create: ``dag_run_id``, ``logical_date``, ``conf``, ``note``, ... (all optional).
        """
        try:
            return self._call(locals())  # type: ignore[no-any-return]
        except ApiConnectionError as exc:
            return read_back(self, dag_id, dag_run, exc)

    @operation("PATCH", _RUN, body="update_dag_run_state", errors=_ALL, v2=V2(query={"update_mask": "state"}))
    def update_dag_run_state(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        update_dag_run_state: UpdateDagRunState,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRun:
        """Set the state of a DAG run (success, failed or queued).

        :param update_dag_run_state: The new state.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _RUN, body="dag_run_patch_body", errors=_ALL, v1=False)
    def patch_dag_run(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        dag_run_patch_body: DAGRunPatchBody,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRun:
        """Change a DAG run's state and/or note in one request (Airflow 3 only).

        The server sets the note first, then the state. On Airflow 2, :meth:`update_dag_run` makes the
        same change in two requests (it works on both).

        :param dag_run_patch_body: The new state and/or note.
        :param update_mask: Apply only these fields of the body (``state``, ``note``); every field it sets when absent.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", "/dags/{dag_id}/dagRuns", body="bulk_body", v1=False)
    def bulk_dag_runs(self, dag_id: str | int, bulk_body: BulkBody, **kwargs: Unpack[CallOptions]) -> BulkResponse:
        """Update (state, note) or delete several DAG runs in one request (Airflow 3 only).

        Entities are :class:`BulkDAGRunBody` models (a delete also takes run ids as strings); with
        ``dag_id="~"`` each entity names its ``dag_id``. Airflow 3 refuses bulk creates (use
        :meth:`post_dag_run`): each comes back as an error of the answer, as does each entity refused.

        :param dag_id: The DAG id, or ``~`` for runs of several DAGs.
        :param bulk_body: The actions, applied in order.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _RUN + "/clear", body="clear_dag_run", errors=_ALL, v2=V2())
    def clear_dag_run(
        self, dag_id: str | int, dag_run_id: str | int, clear_dag_run: ClearDagRun, **kwargs: Unpack[CallOptions]
    ) -> DAGRun | TaskInstanceCollection:
        """Clear a DAG run so its tasks run again.

        With ``dry_run`` (the server's default) nothing changes and the answer is the
        :class:`TaskInstanceCollection` that would be cleared; otherwise it is the cleared :class:`DAGRun`.

        :param clear_dag_run: Whether this is a dry run; on Airflow 3 also which tasks, a note, the version.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/dags/{dag_id}/clearDagRuns", body="bulk_dag_run_clear_body", errors=_ALL, v1=False)
    def clear_dag_runs(
        self, dag_id: str | int, bulk_dag_run_clear_body: BulkDAGRunClearBody, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceCollection | DAGRunCollection:
        """Clear several DAG runs of a DAG (Airflow 3 only): those listed, or else those of a partition selector.

        With ``dry_run`` (the server's default) nothing changes and the answer is the
        :class:`TaskInstanceCollection` that would be cleared; otherwise it is the cleared runs.

        :param dag_id: The DAG id (``~`` with runs that name their ``dag_id``; not with partition selectors).
        :param bulk_dag_run_clear_body: The runs, and how to clear them.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/dags/{dag_id}/clearPartitions", body="clear_partitions_body", errors=_ALL, v1=False)
    def clear_dag_run_partitions(
        self, dag_id: str | int, clear_partitions_body: ClearPartitionsBody, **kwargs: Unpack[CallOptions]
    ) -> ClearPartitionsResponse:
        """Reset the ``partition_key`` and ``partition_date`` of matching DAG runs (Airflow 3 only).

        Runs without partition fields are skipped unless ``clear_task_instances`` is set.

        :param clear_partitions_body: One selector (run id, partition key or partition date window), and how.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH",
        _RUN + "/setNote",
        body="set_dag_run_note",
        errors=_ALL,
        v2=V2(path=_RUN, query={"update_mask": "note"}),
    )
    def set_dag_run_note(
        self, dag_id: str | int, dag_run_id: str | int, set_dag_run_note: SetDagRunNote, **kwargs: Unpack[CallOptions]
    ) -> DAGRun:
        """Set the note of a DAG run.

        :param set_dag_run_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "GET",
        _RUN + "/upstreamDatasetEvents",
        errors=(401, 403, 404),
        v2=V2(path=_RUN + "/upstreamAssetEvents"),
    )
    def get_upstream_dataset_events(
        self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]
    ) -> DatasetEventCollection:
        """List the dataset events that triggered a DAG run."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _RUN + "/wait", errors=(401, 403, 404), v1=False)
    def wait_dag_run_until_finished(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        interval: float = 1.0,
        result: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DagRunWaitResult:
        """Wait on the server until a DAG run is finished; return its state and results (Airflow 3 only, experimental).

        The server checks the run every ``interval`` seconds and streams one JSON line per check; the
        last one is returned. The wait is bounded by the read timeout (``_request_timeout``, else the
        configured timeout: 60 s by default): once that has passed, the next line that shows the run
        unfinished raises :class:`WaitTimeoutError`, and a line slower than it raises
        :class:`ApiTimeoutError`. With no timeout at all it waits as long as the run takes.
        ``_preload_content=False`` returns the stream unread. :meth:`wait_for_dag_run` polls instead,
        on both servers.

        :param interval: Seconds between the server's checks of the run (1 by default).
        :param result: Task ids whose return values to collect; by default the DAG's declared result task's.
        """
        options: dict[str, Any] = dict(kwargs)
        if options.pop("async_req", False):
            return self.api_client.pool.apply_async(  # type: ignore[return-value]
                self.wait_dag_run_until_finished, (dag_id, dag_run_id, interval, result), options
            )
        if options.get("_preload_content") is False:
            return self._call(locals())  # type: ignore[no-any-return]
        timeout = options.get("_request_timeout", self.api_client.configuration.timeout)
        response = self._call({**locals(), "kwargs": {**options, "_preload_content": False}})
        return _read_wait(response, f"{dag_id}/{dag_run_id}", _timeout_of(timeout))

    def update_dag_run(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        dag_run: DAGRun,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRun:
        """Update a DAG run: apply the modifiable fields of ``dag_run`` (``state``, ``note``).

        Without ``update_mask`` every modifiable field that ``dag_run`` sets is applied; other fields
        it carries are ignored. A mask naming any other field raises :class:`ApiValueError` before
        anything is sent. The state is applied first (``update_dag_run_state``), then the note
        (``set_dag_run_note``): two requests, not one transaction (on Airflow 3, :meth:`patch_dag_run` sends one).

        :param dag_run: The values to apply.
        :param update_mask: The fields to apply (``state``, ``note``); all that are set when absent.
        """
        options: dict[str, Any] = dict(kwargs)
        check_value(dag_run, DAGRun, ["update_dag_run", "dag_run"])
        check_value(update_mask, list[str], ["update_dag_run", "update_mask"])
        if update_mask:
            bad = [name for name in update_mask if name not in MODIFIABLE_FIELDS]
            if bad:
                raise ApiValueError(
                    f"update_dag_run(): update_mask names {', '.join(map(repr, bad))}, which cannot be modified; "
                    f"modifiable fields are {', '.join(MODIFIABLE_FIELDS)}",
                    ["update_dag_run", "update_mask"],
                )
            names = [name for name in MODIFIABLE_FIELDS if name in update_mask]
        else:
            names = [name for name in MODIFIABLE_FIELDS if dag_run.get(name) is not None]
        if not names:
            raise ApiValueError(
                "update_dag_run(): dag_run sets none of the modifiable fields (state, note)",
                ["update_dag_run", "dag_run"],
            )
        if options.pop("async_req", False):
            return self.api_client.pool.apply_async(  # type: ignore[return-value]
                self.update_dag_run, (dag_id, dag_run_id, dag_run, names), options
            )
        result: DAGRun | None = None
        if "state" in names:
            result = self.update_dag_run_state(dag_id, dag_run_id, UpdateDagRunState(state=dag_run.state), **kwargs)
        if "note" in names:
            result = self.set_dag_run_note(dag_id, dag_run_id, SetDagRunNote(note=dag_run.note), **kwargs)
        return result  # type: ignore[return-value]

    def wait_for_dag_run(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        progress: bool = False,
        max_poll_interval: float | None = None,
        *,
        raise_on_failure: bool = False,
    ) -> DAGRun:
        """Wait until a DAG run is finished (success, failed, or a state this SDK does not know); return it.

        Polls the run's state; raises :class:`WaitTimeoutError` (with the run as last seen) when it is
        still queued or running after ``timeout`` seconds, which bounds the whole wait, retries included
        (each poll's request timeout is capped by the time left; at most ``timeout`` + ``POLL_GRACE``).
        A run still queued after ``PAUSE_CHECK_AFTER`` seconds whose DAG is paused raises
        :class:`DagPausedError`. Ctrl-C raises ``KeyboardInterrupt`` with a note naming the run, which goes
        on. The details are in :mod:`airflow_python_sdk.waiting`.

        :param timeout: Seconds to wait at most.
        :param poll_interval: Seconds between the first polls; it grows while the state stays the same.
        :param progress: Show a tqdm bar (with the ``progress`` extra), else log changes of state at INFO.
        :param max_poll_interval: The longest interval between polls (``MAX_POLL_INTERVAL`` by default).
        :param raise_on_failure: Raise :class:`DagRunFailedError` for a failed run, holding its failed task
            instances and the end of each one's log, instead of returning it.
        """
        return wait_for_run(
            self.api_client, dag_id, dag_run_id, timeout, poll_interval, progress, max_poll_interval, raise_on_failure
        )

    def trigger_dag_run_and_wait(
        self,
        dag_id: str | int,
        dag_run: DAGRun | None = None,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        progress: bool = False,
        max_poll_interval: float | None = None,
        *,
        raise_on_failure: bool = False,
        unpause: bool = False,
        if_exists: IfExists = "error",
    ) -> DAGRun:
        """Trigger a DAG run, wait until it is finished, and return it.

        A run without a ``dag_run_id`` gets one chosen here (``sdk__<UTC time>_<hex>``), so that a trigger
        whose answer is lost (a dropped connection, a timeout) is read back by that id before anything is
        raised (see :meth:`post_dag_run`), and so that triggering again with the same ``dag_run`` is safe
        with ``if_exists="return"``. Waits as :meth:`wait_for_dag_run` does, from the moment the run is
        created. On :class:`WaitTimeoutError`, :class:`DagPausedError` or Ctrl-C the run goes on, and the
        error names it (``error.dag_run.dag_run_id``; a ``KeyboardInterrupt``'s note).

        :param dag_run: The run to create (``dag_run_id``, ``logical_date``, ``conf``, ``note``), or defaults.
        :param timeout: Seconds to wait at most.
        :param poll_interval: Seconds between the first polls; it grows while the state stays the same.
        :param progress: Show a tqdm bar (with the ``progress`` extra), else log changes of state at INFO.
        :param max_poll_interval: The longest interval between polls (``MAX_POLL_INTERVAL`` by default).
        :param raise_on_failure: Raise :class:`DagRunFailedError` for a failed run (see :meth:`wait_for_dag_run`).
        :param unpause: Unpause the DAG first when it is paused (else a run of a paused DAG raises
            :class:`DagPausedError` once it has stayed queued a while).
        :param if_exists: ``"return"``: when a run with this ``dag_run_id`` exists already (409) with the same
            conf, wait for that one; ``"error"`` (default): raise the :class:`ConflictException`.
        """
        sent = copy.copy(dag_run) if dag_run is not None else DAGRun()
        if sent.get("dag_run_id") is None:
            sent.dag_run_id = new_run_id()
        if unpause:
            from airflow_python_sdk.api.dag_api import DAGApi
            from airflow_python_sdk.model.dag import DAG

            dags = DAGApi(self.api_client)
            if dags.get_dag(dag_id).get("is_paused"):
                dags.patch_dag(dag_id, DAG(is_paused=False), update_mask=["is_paused"])
        try:
            run = self.post_dag_run(dag_id, sent)
        except ConflictException as exc:
            run = existing(self, dag_id, sent, exc, if_exists)
        if run.dag_run_id is None:
            raise ApiValueError(f"post_dag_run({dag_id!r}) returned a run without a dag_run_id", ["dag_run_id"])
        return self.wait_for_dag_run(
            dag_id, run.dag_run_id, timeout, poll_interval, progress, max_poll_interval,
            raise_on_failure=raise_on_failure,
        )  # fmt: skip

    # Airflow 3's names (operationIds) of these operations
    get_list_dag_runs_batch = get_dag_runs_batch
    trigger_dag_run = post_dag_run
    get_upstream_asset_events = get_upstream_dataset_events
