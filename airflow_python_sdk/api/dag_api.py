"""DAGs: list, read, pause, delete, favourite; their tags, tasks, details and source; bulk task-instance actions."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.defaults import evened
from airflow_python_sdk.exceptions import ApiValueError, not_found
from airflow_python_sdk.model.clear_task_instances import ClearTaskInstances
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_collection import DAGCollection
from airflow_python_sdk.model.dag_detail import DAGDetail
from airflow_python_sdk.model.dag_source import DAGSource
from airflow_python_sdk.model.dag_tag_collection import DAGTagCollection
from airflow_python_sdk.model.task import Task
from airflow_python_sdk.model.task_collection import TaskCollection
from airflow_python_sdk.model.task_instance_reference_collection import TaskInstanceReferenceCollection
from airflow_python_sdk.model.update_task_instances_state import UpdateTaskInstancesState
from airflow_python_sdk.model_utils import parse_datetime, to_json
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, AIRFLOW_3_ONLY, V2, Api, Args, operation
from airflow_python_sdk.pagination import paginate

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["DAGApi"]

_DAG = "/dags/{dag_id}"
_READ = (401, 403, 404)


def _dag_of_file(client: ApiClient, args: Args) -> Args:
    """A file token is looked up as the id of a DAG in that file (Airflow 3 serves sources by DAG);
    a value that is no Airflow 3 file token is taken as a DAG id."""
    token = args["file_token"]
    payload = token.partition(".")[0]
    try:  # the token's unsigned part: base64 JSON naming the bundle and the file
        named = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError:
        named = None
    if not isinstance(named, dict) or "relative_fileloc" not in named:
        return args
    for dag in paginate(DAGApi(client).get_dags, bundle_name=named.get("bundle_name")):
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
        order_by: str | list[str] | None = None,
        tags: list[str] | None = None,
        only_active: bool | None = AIRFLOW_2_ONLY,
        paused: bool | None = None,
        fields: list[str] | None = AIRFLOW_2_ONLY,
        dag_id_pattern: str | None = None,
        tags_match_mode: str | None = AIRFLOW_3_ONLY,
        owners: list[str] | None = AIRFLOW_3_ONLY,
        dag_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        dag_display_name_pattern: str | None = AIRFLOW_3_ONLY,
        dag_display_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        exclude_stale: bool | None = AIRFLOW_3_ONLY,
        has_import_errors: bool | None = AIRFLOW_3_ONLY,
        last_dag_run_state: str | None = AIRFLOW_3_ONLY,
        bundle_name: str | None = AIRFLOW_3_ONLY,
        bundle_version: str | None = AIRFLOW_3_ONLY,
        has_asset_schedule: bool | None = AIRFLOW_3_ONLY,
        asset_dependency: str | None = AIRFLOW_3_ONLY,
        dag_run_start_date_gte: datetime | None = AIRFLOW_3_ONLY,
        dag_run_start_date_gt: datetime | None = AIRFLOW_3_ONLY,
        dag_run_start_date_lte: datetime | None = AIRFLOW_3_ONLY,
        dag_run_start_date_lt: datetime | None = AIRFLOW_3_ONLY,
        dag_run_end_date_gte: datetime | None = AIRFLOW_3_ONLY,
        dag_run_end_date_gt: datetime | None = AIRFLOW_3_ONLY,
        dag_run_end_date_lte: datetime | None = AIRFLOW_3_ONLY,
        dag_run_end_date_lt: datetime | None = AIRFLOW_3_ONLY,
        dag_run_state: list[str] | None = AIRFLOW_3_ONLY,
        is_favorite: bool | None = AIRFLOW_3_ONLY,
        timetable_type: list[str] | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DAGCollection:
        """List DAGs.

        Airflow 3 sorts also by ``next_dagrun``, ``last_run_state`` and ``last_run_start_date``. Its
        ``dag_run_*`` filters keep the DAGs whose latest run matches them.

        :param tags: Only DAGs with any of these tags (Airflow 3: all of them with ``tags_match_mode="all"``).
        :param only_active: Only DAGs whose files still define them (server default true).
        :param paused: Only paused (true) or only unpaused (false) DAGs.
        :param fields: Only return these fields of each DAG.
        :param tags_match_mode: ``any`` (the default) or ``all`` of ``tags``.
        :param owners: Only DAGs owned by any of these.
        :param exclude_stale: Leave out DAGs their files no longer define (server default true).
        :param has_import_errors: Only DAGs whose file fails (true) or does not fail (false) to import.
        :param last_dag_run_state: Only DAGs whose latest run is in this state (a :class:`DagState` or its value).
        :param bundle_name: Only DAGs of this DAG bundle.
        :param bundle_version: Only DAGs of this bundle version.
        :param has_asset_schedule: Only DAGs scheduled (true) or not scheduled (false) on assets.
        :param asset_dependency: Only DAGs scheduled on an asset whose name or URI contains this text.
        :param dag_run_state: Only DAGs whose latest run is in one of these states.
        :param is_favorite: Only the user's favourite DAGs (true) or the others (false).
        :param timetable_type: Only DAGs whose timetable is of one of these classes, by name (``CronTriggerTimetable``).
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
        tags_match_mode: str | None = AIRFLOW_3_ONLY,
        owners: list[str] | None = AIRFLOW_3_ONLY,
        dag_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        exclude_stale: bool | None = AIRFLOW_3_ONLY,
        paused: bool | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> DAGCollection:
        """Pause or unpause every DAG that matches a pattern.

        Airflow 3 changes every match, whatever ``limit`` and ``offset``: they page only its answer.

        :param dag_id_pattern: DAGs whose id contains this text (SQL ``LIKE`` wildcards allowed); ``~`` for all
            (with ``dag_id_prefix_pattern``, Airflow 3 then keeps the DAGs that match both).
        :param dag: The change: ``DAG(is_paused=...)``.
        :param tags: Only DAGs with any of these tags (Airflow 3: all of them with ``tags_match_mode="all"``).
        :param update_mask: The fields to change (only ``is_paused`` can be).
        :param only_active: Only DAGs whose files still define them (server default true).
        :param tags_match_mode: ``any`` (the default) or ``all`` of ``tags``.
        :param owners: Only DAGs owned by any of these.
        :param exclude_stale: Leave out DAGs their files no longer define (server default true).
        :param paused: Only DAGs now paused (true) or unpaused (false).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG, errors=_READ, v2=V2())
    def get_dag(
        self, dag_id: str | int, fields: list[str] | None = AIRFLOW_2_ONLY, **kwargs: Unpack[CallOptions]
    ) -> DAG:
        """Get a DAG."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _DAG, body="dag", joined=("update_mask",), errors=_READ, v2=V2())
    def patch_dag(
        self, dag_id: str | int, dag: DAG, update_mask: list[str] | None = None, **kwargs: Unpack[CallOptions]
    ) -> DAG:
        """Pause or unpause a DAG.

        :param dag: The change: ``DAG(is_paused=...)``.
        :param update_mask: The fields to change (only ``is_paused`` can be).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _DAG, errors=(400, 401, 403, 404, 409), v2=V2())
    def delete_dag(self, dag_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a DAG and everything recorded about it (runs, task instances, logs in the database).

        Its file stays: the DAG comes back the next time the file is parsed. A DAG with running
        task instances cannot be deleted (409).
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
        ``reset_dag_runs`` left unset is sent as ``true``, so a cleared task runs again on both generations:
        Airflow 2's own default (``false``) leaves its run ``failed`` and the task's downstream
        ``upstream_failed``; Airflow 3's is ``true`` (see :mod:`airflow_python_sdk.defaults`). Pass
        ``reset_dag_runs=False`` to clear without re-running.

        :param clear_task_instances: Which task instances to clear.
        """
        clear_task_instances = evened("post_clear_task_instances", clear_task_instances)
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
        Each ``include_*`` left unset is sent as ``false`` (Airflow 2 requires them, Airflow 3 takes ``false``).

        :param update_task_instances_state: The task, run, new state and which relatives to include.
        """
        update_task_instances_state = evened("post_set_task_instances_state", update_task_instances_state)
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
        """Get a DAG with its details (time zone, start date, params, documentation, ...)."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG + "/tasks", errors=_READ, v2=V2())
    def get_tasks(
        self, dag_id: str | int, order_by: str | None = None, **kwargs: Unpack[CallOptions]
    ) -> TaskCollection:
        """List the tasks of a DAG.

        :param order_by: Task field to sort by (server default ``task_id``); prefix with ``-`` for descending.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG + "/tasks/{task_id}", errors=_READ, v2=V2())
    def get_task(self, dag_id: str | int, task_id: str, **kwargs: Unpack[CallOptions]) -> Task:
        """Get a task of a DAG."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dagSources/{file_token}", errors=_READ, v2=V2(resolve=_dag_of_file))
    def get_dag_source(
        self, file_token: str, version_number: int | None = AIRFLOW_3_ONLY, **kwargs: Unpack[CallOptions]
    ) -> str | DAGSource:
        """Get the source code of a DAG file.

        Answers the text; with ``_headers={"Accept": "application/json"}`` a :class:`DAGSource`.
        Airflow 3 serves sources by DAG: the SDK finds a DAG of the token's file, and takes a value
        that is no Airflow 3 file token as a DAG id.

        :param file_token: The file's token, from a DAG's ``file_token`` (Airflow 3: or a DAG id).
        :param version_number: The DAG version whose code to get (default: the latest).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _DAG + "/favorite", errors=_READ, v1=False)
    def favorite_dag(self, dag_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Mark a DAG as a favourite of the user (``get_dags(is_favorite=True)`` lists them)."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _DAG + "/unfavorite", errors=(*_READ, 409), v1=False)
    def unfavorite_dag(self, dag_id: str | int, **kwargs: Unpack[CallOptions]) -> None:
        """Unmark a favourite DAG of the user; 409 when it is not one."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dagTags", v1=False)
    def get_dag_tags(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | list[str] | None = None,
        tag_name_pattern: str | None = None,
        tag_name_prefix_pattern: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DAGTagCollection:
        """List the distinct tags of the DAGs that are not stale, by name."""
        return self._call(locals())  # type: ignore[no-any-return]
