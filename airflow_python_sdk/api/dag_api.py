"""DAGs: list, read, pause or unpause, delete; their tasks, details and source; bulk task-instance actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.exceptions import ApiValueError, not_found
from airflow_python_sdk.model.clear_task_instances import ClearTaskInstances
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_collection import DAGCollection
from airflow_python_sdk.model.dag_detail import DAGDetail
from airflow_python_sdk.model.task import Task
from airflow_python_sdk.model.task_collection import TaskCollection
from airflow_python_sdk.model.task_instance_reference_collection import TaskInstanceReferenceCollection
from airflow_python_sdk.model.update_task_instances_state import UpdateTaskInstancesState
from airflow_python_sdk.model_utils import parse_datetime, to_json
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, V2, Api, Args, operation
from airflow_python_sdk.pagination import paginate

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["DAGApi"]

_DAG = "/dags/{dag_id}"
_READ = (401, 403, 404)


def _dag_of_file(client: ApiClient, args: Args) -> Args:
    """The file token is looked up as the id of a DAG in that file (Airflow 3 serves sources by DAG)."""
    token = args["file_token"]
    for dag in paginate(DAGApi(client).get_dags):
        if dag.file_token == token:
            return {**args, "file_token": dag.dag_id}
    raise not_found("no DAG is in the file with this token")


def _by_run_id(client: ApiClient, args: Args) -> Args:
    """``task_id`` and the run go in the path; an ``execution_date`` is looked up as the run of that date."""
    body = to_json(args["update_task_instances_state"])
    where = ["post_set_task_instances_state", "update_task_instances_state"]
    if not body.get("task_id"):
        raise ApiValueError("post_set_task_instances_state(): Airflow 3 (/api/v2) needs task_id", [*where, "task_id"])
    date = body.pop("execution_date", None)
    if body.get("dag_run_id") is None:
        if date is None:
            raise ApiValueError("post_set_task_instances_state(): give dag_run_id or execution_date", where)
        when = parse_datetime(date)
        runs = DAGRunApi(client).get_dag_runs(args["dag_id"], execution_date_gte=when, execution_date_lte=when)
        if not runs.dag_runs:
            raise not_found(f"{args['dag_id']} has no run with the logical date {date}")
        body["dag_run_id"] = runs.dag_runs[0].dag_run_id
    return {**args, "update_task_instances_state": body}


class DAGApi(Api):
    """Operations on DAGs."""

    @operation("GET", "/dags", errors=(401,), v2=V2())
    def get_dags(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        tags: list[str] | None = None,
        only_active: bool | None = AIRFLOW_2_ONLY,
        paused: bool | None = None,
        fields: list[str] | None = AIRFLOW_2_ONLY,
        dag_id_pattern: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DAGCollection:
        """List DAGs.

        :param limit: How many DAGs to return (server default 100).
        :param offset: How many DAGs to skip.
        :param order_by: Field to sort by; prefix with ``-`` for descending.
        :param tags: Only DAGs with any of these tags.
        :param only_active: Only DAGs whose files still define them (server default true).
        :param paused: Only paused (true) or only unpaused (false) DAGs.
        :param fields: Only return these fields of each DAG.
        :param dag_id_pattern: Only DAGs whose id contains this text (SQL ``LIKE`` wildcards allowed).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH",
        "/dags",
        body="dag",
        joined=("update_mask",),
        errors=(401, 403, 404),
        v2=V2(),
    )
    def patch_dags(
        self,
        dag_id_pattern: str,
        dag: DAG,
        limit: int | None = None,
        offset: int | None = None,
        tags: list[str] | None = None,
        update_mask: list[str] | None = None,
        only_active: bool | None = AIRFLOW_2_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DAGCollection:
        """Pause or unpause every DAG that matches a pattern.

        :param dag_id_pattern: DAGs whose id contains this text (SQL ``LIKE`` wildcards allowed); ``~`` for all.
        :param dag: The change: ``DAG(is_paused=...)``.
        :param limit: How many DAGs to change at most (server default 100); Airflow 3 changes every match
            and pages only its answer.
        :param offset: How many matching DAGs to skip (Airflow 3: in its answer only).
        :param tags: Only DAGs with any of these tags.
        :param update_mask: The fields to change (only ``is_paused`` can be).
        :param only_active: Only DAGs whose files still define them (server default true).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG, errors=_READ, v2=V2())
    def get_dag(self, dag_id: str | int, fields: list[str] | None = AIRFLOW_2_ONLY, **kwargs: Unpack[CallOptions]) -> DAG:
        """Get a DAG.

        :param dag_id: The DAG id.
        :param fields: Only return these fields.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _DAG, body="dag", joined=("update_mask",), errors=_READ, v2=V2())
    def patch_dag(
        self, dag_id: str | int, dag: DAG, update_mask: list[str] | None = None, **kwargs: Unpack[CallOptions]
    ) -> DAG:
        """Pause or unpause a DAG.

        :param dag_id: The DAG id.
        :param dag: The change: ``DAG(is_paused=...)``.
        :param update_mask: The fields to change (only ``is_paused`` can be).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DAG, errors=(400, 401, 403, 404, 409), v2=V2())
    def delete_dag(self, dag_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a DAG and everything recorded about it (runs, task instances, logs in the database).

        Its file stays: the DAG comes back the next time the file is parsed. A DAG with running
        task instances cannot be deleted (409).

        :param dag_id: The DAG id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        _DAG + "/clearTaskInstances",
        body="clear_task_instances",
        errors=_READ,
        v2=V2(),
    )
    def post_clear_task_instances(
        self, dag_id: str | int, clear_task_instances: ClearTaskInstances, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceReferenceCollection:
        """Clear task instances of a DAG so they run again.

        With ``dry_run`` (the server's default) nothing changes; the answer lists what would be cleared.

        :param dag_id: The DAG id.
        :param clear_task_instances: Which task instances to clear.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        _DAG + "/updateTaskInstancesState",
        body="update_task_instances_state",
        errors=_READ,
        v2=V2(
            _DAG + "/dagRuns/{dag_run_id}/taskInstances/{task_id}",
            "PATCH",
            query={"update_mask": "new_state"},
            dry_run="/dry_run",
            resolve=_by_run_id,
        ),
    )
    def post_set_task_instances_state(
        self, dag_id: str | int, update_task_instances_state: UpdateTaskInstancesState, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceReferenceCollection:
        """Set the state of a task (and optionally its relatives) in a DAG run.

        With ``dry_run`` (the server's default) nothing changes; the answer lists what would change.

        :param dag_id: The DAG id.
        :param update_task_instances_state: The task, run, new state and which relatives to include.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", "/parseDagFile/{file_token}", errors=_READ, status=201, v2=V2())
    def reparse_dag_file(self, file_token: str, **kwargs: Unpack[CallOptions]) -> None:
        """Ask the DAG processor to parse a DAG file again soon.

        :param file_token: The file's token, from a DAG's ``file_token``.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG + "/details", errors=_READ, v2=V2())
    def get_dag_details(
        self, dag_id: str | int, fields: list[str] | None = AIRFLOW_2_ONLY, **kwargs: Unpack[CallOptions]
    ) -> DAGDetail:
        """Get a DAG with its details (time zone, start date, params, documentation, ...).

        :param dag_id: The DAG id.
        :param fields: Only return these fields.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG + "/tasks", errors=_READ, v2=V2())
    def get_tasks(
        self, dag_id: str | int, order_by: str | None = None, **kwargs: Unpack[CallOptions]
    ) -> TaskCollection:
        """List the tasks of a DAG.

        :param dag_id: The DAG id.
        :param order_by: Task field to sort by (server default ``task_id``); prefix with ``-`` for descending.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG + "/tasks/{task_id}", errors=_READ, v2=V2())
    def get_task(self, dag_id: str | int, task_id: str, **kwargs: Unpack[CallOptions]) -> Task:
        """Get a task of a DAG.

        :param dag_id: The DAG id.
        :param task_id: The task id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dagSources/{file_token}", errors=_READ, v2=V2(resolve=_dag_of_file))
    def get_dag_source(self, file_token: str, **kwargs: Unpack[CallOptions]) -> str:
        """Get the source code of a DAG file.

        Answers the text; with ``_headers={"Accept": "application/json"}`` the server's JSON form
        ``{"content": ...}`` comes back as a dict instead.

        :param file_token: The file's token, from a DAG's ``file_token``.
        """
        return self._call(locals())  # type: ignore[no-any-return]
