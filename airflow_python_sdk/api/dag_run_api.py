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
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DAGRunApi"]

_RUN = "/dags/{dag_id}/dagRuns/{dag_run_id}"
_ALL = (400, 401, 403, 404)
MODIFIABLE_FIELDS = ("state", "note")
"""The DAG-run fields :meth:`DAGRunApi.update_dag_run` can change."""


class DAGRunApi(Api):
    """Operations on DAG runs."""

    @operation("DELETE", _RUN, errors=_ALL)
    def delete_dag_run(self, dag_id: str | int, dag_run_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _RUN, errors=(401, 403, 404))
    def get_dag_run(
        self, dag_id: str | int, dag_run_id: str | int, fields: list[str] | None = None, **kwargs: Unpack[CallOptions]
    ) -> DAGRun:
        """Get a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param fields: Only return these fields.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dags/{dag_id}/dagRuns", errors=(401,))
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
        fields: list[str] | None = None,
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

    @operation("POST", "/dags/~/dagRuns/list", body="list_dag_runs_form", errors=(400, 401, 403))
    def get_dag_runs_batch(
        self, list_dag_runs_form: ListDagRunsForm, **kwargs: Unpack[CallOptions]
    ) -> DAGRunCollection:
        """List DAG runs across DAGs, with the filters in a request body.

        :param list_dag_runs_form: Filters, order and page.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/dags/{dag_id}/dagRuns", body="dag_run", errors=(*_ALL, 409))
    def post_dag_run(self, dag_id: str | int, dag_run: DAGRun, **kwargs: Unpack[CallOptions]) -> DAGRun:
        """Trigger a new DAG run.

        :param dag_id: The DAG id.
        :param dag_run: The run to create: ``dag_run_id``, ``logical_date``, ``conf``, ``note``, ... (all optional).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _RUN, body="update_dag_run_state", errors=_ALL)
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

    @operation("POST", _RUN + "/clear", body="clear_dag_run", errors=_ALL)
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

    @operation("PATCH", _RUN + "/setNote", body="set_dag_run_note", errors=_ALL)
    def set_dag_run_note(
        self, dag_id: str | int, dag_run_id: str | int, set_dag_run_note: SetDagRunNote, **kwargs: Unpack[CallOptions]
    ) -> DAGRun:
        """Set the note of a DAG run.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param set_dag_run_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _RUN + "/upstreamDatasetEvents", errors=(401, 403, 404))
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
