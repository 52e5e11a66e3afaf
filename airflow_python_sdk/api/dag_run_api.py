"""DAG runs: trigger, list, read, change state or note, clear and delete."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.exceptions import ApiValueError
from airflow_python_sdk.model.clear_dag_run import ClearDagRun
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_run_collection import DAGRunCollection
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.list_dag_runs_form import ListDagRunsForm
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState
from airflow_python_sdk.model_utils import check_value
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, V2, Api, operation
from airflow_python_sdk.waiting import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, wait_until_finished

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


def _logical_date_key(body: dict[str, Any]) -> dict[str, Any]:
    """Airflow 3 requires the ``logical_date`` key when triggering; null lets the server choose."""
    return {"logical_date": None, **body}


MODIFIABLE_FIELDS = ("state", "note")
"""The DAG-run fields :meth:`DAGRunApi.update_dag_run` can change."""


class DAGRunApi(Api):
    """Operations on DAG runs."""

    @operation("DELETE", _RUN, errors=_ALL, v2=V2())
    def delete_dag_run(self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _RUN, errors=(401, 403, 404), v2=V2())
    def get_dag_run(
        self, dag_id: str | int, dag_run_id: str | int, fields: list[str] | None = AIRFLOW_2_ONLY, **kwargs: Unpack[CallOptions]
    ) -> DAGRun:
        """Get a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param fields: Only return these fields.
        """
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
        **kwargs: Unpack[CallOptions],
    ) -> DAGRunCollection:
        """List DAG runs.

        Give ``dag_id="~"`` to list the runs of every DAG.

        :param dag_id: The DAG id, or ``~`` for all DAGs.
        :param limit: How many runs to return (server default 100).
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
        :param order_by: Field to sort by; prefix with ``-`` for descending.
        :param fields: Only return these fields of each run.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST", "/dags/~/dagRuns/list", body="list_dag_runs_form", errors=(400, 401, 403), v2=V2(rename=_V2_NAMES)
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

        :param dag_id: The DAG id.
        :param dag_run: The run to create: ``dag_run_id``, ``logical_date``, ``conf``, ``note``, ... (all optional).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _RUN, body="update_dag_run_state", errors=_ALL, v2=V2(query={"update_mask": "state"}))
    def update_dag_run_state(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        update_dag_run_state: UpdateDagRunState,
        **kwargs: Unpack[CallOptions],
    ) -> DAGRun:
        """Set the state of a DAG run (success, failed or queued).

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param update_dag_run_state: The new state.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _RUN + "/clear", body="clear_dag_run", errors=_ALL, v2=V2())
    def clear_dag_run(
        self, dag_id: str | int, dag_run_id: str | int, clear_dag_run: ClearDagRun, **kwargs: Unpack[CallOptions]
    ) -> DAGRun | TaskInstanceCollection:
        """Clear a DAG run so its tasks run again.

        With ``dry_run`` (the server's default) nothing changes and the answer is the
        :class:`TaskInstanceCollection` that would be cleared; otherwise it is the cleared :class:`DAGRun`.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param clear_dag_run: Whether this is a dry run.
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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param set_dag_run_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "GET", _RUN + "/upstreamDatasetEvents", errors=(401, 403, 404), v2=V2(path=_RUN + "/upstreamAssetEvents")
    )
    def get_upstream_dataset_events(
        self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]
    ) -> DatasetEventCollection:
        """List the dataset events that triggered a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

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
        (``set_dag_run_note``): two requests, not one transaction.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
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
            names = [name for name in MODIFIABLE_FIELDS if dag_run[name] is not None]
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
    ) -> DAGRun:
        """Wait until a DAG run is finished (success, failed, or a state this SDK does not know); return it.

        Polls the run's state; raises :class:`WaitTimeoutError` (with the run as last seen) when it is
        still queued or running after ``timeout`` seconds, which bounds the wait to the timeout plus one
        poll. The details are in :mod:`airflow_python_sdk.waiting`.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param timeout: Seconds to wait at most.
        :param poll_interval: Seconds between the first polls; it grows while the state stays the same.
        :param progress: Show a tqdm bar (with the ``progress`` extra), else log changes of state at INFO.
        :param max_poll_interval: The longest interval between polls (``MAX_POLL_INTERVAL`` by default).
        """
        return wait_until_finished(
            lambda: self.get_dag_run(dag_id, dag_run_id),
            f"{dag_id}/{dag_run_id}",
            timeout,
            poll_interval,
            progress,
            max_poll_interval,
        )

    def trigger_dag_run_and_wait(
        self,
        dag_id: str | int,
        dag_run: DAGRun | None = None,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        progress: bool = False,
        max_poll_interval: float | None = None,
    ) -> DAGRun:
        """Trigger a DAG run, wait until it is finished, and return it.

        Waits as :meth:`wait_for_dag_run` does, from the moment the run is created. On
        :class:`WaitTimeoutError` the run goes on, and ``error.dag_run.dag_run_id`` names it.

        :param dag_id: The DAG id.
        :param dag_run: The run to create (``dag_run_id``, ``logical_date``, ``conf``, ``note``), or defaults.
        :param timeout: Seconds to wait at most.
        :param poll_interval: Seconds between the first polls; it grows while the state stays the same.
        :param progress: Show a tqdm bar (with the ``progress`` extra), else log changes of state at INFO.
        :param max_poll_interval: The longest interval between polls (``MAX_POLL_INTERVAL`` by default).
        """
        run = self.post_dag_run(dag_id, dag_run if dag_run is not None else DAGRun())
        if run.dag_run_id is None:
            raise ApiValueError(f"post_dag_run({dag_id!r}) returned a run without a dag_run_id", ["dag_run_id"])
        return self.wait_for_dag_run(dag_id, run.dag_run_id, timeout, poll_interval, progress, max_poll_interval)
