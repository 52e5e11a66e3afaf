"""Task instances: list, read, set state or note, delete, dependencies, tries, extra links and logs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.external_log_url import ExternalLogUrl
from airflow_python_sdk.model.extra_link_collection import ExtraLinkCollection
from airflow_python_sdk.model.list_task_instance_form import ListTaskInstanceForm
from airflow_python_sdk.model.set_task_instance_note import SetTaskInstanceNote
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.task_instance_dependency_collection import TaskInstanceDependencyCollection
from airflow_python_sdk.model.task_instance_history import TaskInstanceHistory
from airflow_python_sdk.model.task_instance_history_collection import TaskInstanceHistoryCollection
from airflow_python_sdk.model.task_instance_reference import TaskInstanceReference
from airflow_python_sdk.model.update_task_instance import UpdateTaskInstance
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, AIRFLOW_3_ONLY, V2, Api, Args, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["TaskInstanceApi"]

_TI = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}"
_MAPPED = _TI + "/{map_index}"
_ALL = (400, 401, 403, 404)
_READ = (401, 403, 404)
_V2_NAMES = {"execution_date_gte": "logical_date_gte", "execution_date_lte": "logical_date_lte"}
"""Airflow 3's names for Airflow 2's execution-date filters, body keys and order_by fields."""


def _named_instance(client: ApiClient, args: Args, data: Any) -> Any:
    """The task instance named, from the list Airflow 3 answers (a dry run may list relatives first).

    A dry run that would change nothing answers an empty list: then the instance as addressed.
    """
    listed = data.get("task_instances") if isinstance(data, dict) else None
    instances = [ti for ti in listed if isinstance(ti, dict)] if isinstance(listed, list) else []
    index = args.get("map_index")
    named = [ti for ti in instances if ti.get("task_id") == args["task_id"]
             and (not isinstance(index, int) or ti.get("map_index") == index)]  # fmt: skip
    if named or instances:
        return (named or instances)[0]
    address = {key: args[key] for key in ("dag_id", "dag_run_id", "task_id")}
    return {**address, "map_index": index} if isinstance(index, int) else address


def _v2_note(path: str) -> V2:
    """Airflow 3 sets a note by a PATCH of the task instance that changes only its note."""
    return V2(path, query={"update_mask": "note"}, answer=_named_instance)


_V2_PATCH = V2(dry_run="/dry_run", answer=_named_instance)
"""Airflow 3 changes the fields the body gives by a PATCH; a dry run has a path of its own."""


def _log_text(client: ApiClient, args: Args, data: Any) -> Any:
    """The structured log reads as text, a line ``[time] LEVEL - message`` each (JSON asked for: Airflow 2's form).

    A caller that asked for JSON gets ``{"content": text, "continuation_token": ...}``, as from Airflow 2.
    """
    content = data.get("content") if isinstance(data, dict) else data
    messages = content if isinstance(content, list) else []
    text = content if isinstance(content, str) else "".join(_log_line(m) for m in messages if m is not None)
    accept = ((args.get("kwargs") or {}).get("_headers") or {}).get("Accept", "")
    if "json" in accept:
        return {
            "content": text,
            "continuation_token": data.get("continuation_token") if isinstance(data, dict) else None,
        }
    return text


def _log_line(message: Any) -> str:
    if not isinstance(message, dict):
        return f"{message}\n"
    stamp = f"[{message['timestamp']}] " if message.get("timestamp") else ""
    level = f"{str(message['level']).upper()} - " if message.get("level") else ""
    return f"{stamp}{level}{message.get('event', '')}\n" + _error_lines(message.get("error_detail"))


def _error_lines(detail: Any) -> str:
    """Airflow 3's structured exception (``error_detail``) as the end of a Python traceback: each frame's
    ``File "...", line N, in name`` and ``Type: message``, so that the text log says why a task failed."""
    lines = []
    for error in detail if isinstance(detail, list) else []:
        if isinstance(error, dict) and error.get("exc_type"):
            for frame in error.get("frames") or []:
                if isinstance(frame, dict):
                    lines.append(
                        f'  File "{frame.get("filename")}", line {frame.get("lineno")}, in {frame.get("name")}'
                    )
            lines.append(f"{error['exc_type']}: {error.get('exc_value', '')}")
    return "".join(f"{line}\n" for line in lines)


class TaskInstanceApi(Api):
    """Operations on task instances."""

    @operation("PATCH", _TI + "/setNote", body="set_task_instance_note", errors=_ALL, v2=_v2_note(_TI))
    def set_task_instance_note(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        set_task_instance_note: SetTaskInstanceNote,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstance:
        """Set the note of a task instance.

        :param set_task_instance_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _MAPPED + "/setNote", body="set_task_instance_note", errors=_ALL, v2=_v2_note(_MAPPED))
    def set_mapped_task_instance_note(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int,
        set_task_instance_note: SetTaskInstanceNote,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstance:
        """Set the note of one instance of a mapped task.

        :param map_index: The map index.
        :param set_task_instance_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/dependencies", errors=_ALL, v2=V2())
    def get_task_instance_dependencies(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceDependencyCollection:
        """List what keeps a task instance from being scheduled (empty once it has run).

        :param map_index: The map index, for a mapped task (the server's default is -1: not mapped).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _MAPPED + "/dependencies", errors=_ALL, v2=V2())
    def get_mapped_task_instance_dependencies(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, map_index: int, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceDependencyCollection:
        """List what keeps one instance of a mapped task from being scheduled.

        :param map_index: The map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances", errors=_ALL, v2=V2(rename=_V2_NAMES))
    def get_task_instances(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        execution_date_gte: datetime | None = None,
        execution_date_lte: datetime | None = None,
        start_date_gte: datetime | None = None,
        start_date_lte: datetime | None = None,
        end_date_gte: datetime | None = None,
        end_date_lte: datetime | None = None,
        updated_at_gte: datetime | None = None,
        updated_at_lte: datetime | None = None,
        duration_gte: float | None = None,
        duration_lte: float | None = None,
        state: list[str] | None = None,
        pool: list[str] | None = None,
        queue: list[str] | None = None,
        executor: list[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        cursor: str | None = AIRFLOW_3_ONLY,
        order_by: str | list[str] | None = AIRFLOW_3_ONLY,
        task_id: str | None = AIRFLOW_3_ONLY,
        task_group_id: str | None = AIRFLOW_3_ONLY,
        map_index: list[int] | None = AIRFLOW_3_ONLY,
        try_number: list[int] | None = AIRFLOW_3_ONLY,
        version_number: list[int] | None = AIRFLOW_3_ONLY,
        operator: list[str] | None = AIRFLOW_3_ONLY,
        run_after_gte: datetime | None = AIRFLOW_3_ONLY,
        run_after_gt: datetime | None = AIRFLOW_3_ONLY,
        run_after_lte: datetime | None = AIRFLOW_3_ONLY,
        run_after_lt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_gt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_lt: datetime | None = AIRFLOW_3_ONLY,
        start_date_gt: datetime | None = AIRFLOW_3_ONLY,
        start_date_lt: datetime | None = AIRFLOW_3_ONLY,
        end_date_gt: datetime | None = AIRFLOW_3_ONLY,
        end_date_lt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_gt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_lt: datetime | None = AIRFLOW_3_ONLY,
        duration_gt: float | None = AIRFLOW_3_ONLY,
        duration_lt: float | None = AIRFLOW_3_ONLY,
        dag_id_pattern: str | None = AIRFLOW_3_ONLY,
        dag_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        task_display_name_pattern: str | None = AIRFLOW_3_ONLY,
        task_display_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        pool_name_pattern: str | None = AIRFLOW_3_ONLY,
        pool_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        queue_name_pattern: str | None = AIRFLOW_3_ONLY,
        queue_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        operator_name_pattern: str | None = AIRFLOW_3_ONLY,
        operator_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        rendered_map_index_pattern: str | None = AIRFLOW_3_ONLY,
        rendered_map_index_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceCollection:
        """List the task instances of a DAG run.

        Give ``dag_id="~"`` and/or ``dag_run_id="~"`` to list across DAGs and runs. On Airflow 3 the
        ``execution_date_*`` filters are sent as ``logical_date_*``.

        :param dag_id: The DAG id, or ``~`` for all DAGs.
        :param dag_run_id: The DAG run id, or ``~`` for all runs.
        :param state: Only instances in one of these states (``none``: no state yet).
        :param pool: Only instances in one of these pools.
        :param queue: Only instances in one of these queues.
        :param executor: Only instances on one of these executors.
        :param task_id: Only the instances of this task.
        :param task_group_id: Only the instances of the tasks in this task group.
        :param map_index: Only instances of these map indexes (-1: not mapped).
        :param try_number: Only instances at one of these tries.
        :param version_number: Only instances run by one of these versions of their DAG.
        :param operator: Only instances of one of these operator classes.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI, errors=_READ, v2=V2())
    def get_task_instance(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, **kwargs: Unpack[CallOptions]
    ) -> TaskInstance:
        """Get a task instance."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _TI, body="update_task_instance", errors=(*_ALL, 409), v2=_V2_PATCH)
    def patch_task_instance(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        update_task_instance: UpdateTaskInstance,
        map_index: int | None = AIRFLOW_3_ONLY,
        update_mask: list[str] | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceReference:
        """Set the state of a task instance (success, failed or skipped); on Airflow 3 also its note.

        The server's default is a dry run: give ``dry_run=False`` to change anything. Airflow 3
        answers the whole task instance as changed (or as it is, in a dry run), Airflow 2 a reference.

        :param update_task_instance: What to change and whether this is a dry run.
        :param map_index: Only this map index of a mapped task (without it Airflow 3 changes every one).
        :param update_mask: Only these of the fields given (``new_state``, ``note``); all given if absent.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    patch_task_instance_dry_run = patch_task_instance  # Airflow 3's name for its dry-run form

    @operation("GET", _MAPPED, errors=_READ, v2=V2())
    def get_mapped_task_instance(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, map_index: int, **kwargs: Unpack[CallOptions]
    ) -> TaskInstance:
        """Get one instance of a mapped task.

        :param map_index: The map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH", _MAPPED, body="update_task_instance", errors=(*_ALL, 409), v2=_V2_PATCH,
    )  # fmt: skip
    def patch_mapped_task_instance(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int,
        update_task_instance: UpdateTaskInstance | None = None,
        update_mask: list[str] | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceReference:
        """Set the state of one instance of a mapped task (success, failed or skipped); on Airflow 3 also its note.

        The server's default is a dry run: give ``dry_run=False`` to change anything.

        :param map_index: The map index.
        :param update_task_instance: What to change and whether this is a dry run.
        :param update_mask: Only these of the fields given (``new_state``, ``note``); all given if absent.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    patch_task_instance_dry_run_by_map_index = patch_mapped_task_instance  # Airflow 3's name for its dry-run form

    @operation("GET", _TI + "/listMapped", errors=_READ, v2=V2(rename=_V2_NAMES))
    def get_mapped_task_instances(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
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
        duration_gte: float | None = None,
        duration_lte: float | None = None,
        state: list[str] | None = None,
        pool: list[str] | None = None,
        queue: list[str] | None = None,
        executor: list[str] | None = None,
        order_by: str | None = None,
        map_index: list[int] | None = AIRFLOW_3_ONLY,
        try_number: list[int] | None = AIRFLOW_3_ONLY,
        version_number: list[int] | None = AIRFLOW_3_ONLY,
        operator: list[str] | None = AIRFLOW_3_ONLY,
        run_after_gte: datetime | None = AIRFLOW_3_ONLY,
        run_after_gt: datetime | None = AIRFLOW_3_ONLY,
        run_after_lte: datetime | None = AIRFLOW_3_ONLY,
        run_after_lt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_gt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_lt: datetime | None = AIRFLOW_3_ONLY,
        start_date_gt: datetime | None = AIRFLOW_3_ONLY,
        start_date_lt: datetime | None = AIRFLOW_3_ONLY,
        end_date_gt: datetime | None = AIRFLOW_3_ONLY,
        end_date_lt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_gt: datetime | None = AIRFLOW_3_ONLY,
        updated_at_lt: datetime | None = AIRFLOW_3_ONLY,
        duration_gt: float | None = AIRFLOW_3_ONLY,
        duration_lt: float | None = AIRFLOW_3_ONLY,
        pool_name_pattern: str | None = AIRFLOW_3_ONLY,
        pool_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        queue_name_pattern: str | None = AIRFLOW_3_ONLY,
        queue_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        operator_name_pattern: str | None = AIRFLOW_3_ONLY,
        operator_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        rendered_map_index_pattern: str | None = AIRFLOW_3_ONLY,
        rendered_map_index_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceCollection:
        """List the instances of a mapped task in a DAG run, one per map index.

        :param task_id: The mapped task's id.
        :param state: Only instances in one of these states (``none``: no state yet).
        :param pool: Only instances in one of these pools.
        :param queue: Only instances in one of these queues.
        :param executor: Only instances on one of these executors.
        :param order_by: Field to sort by (server default ``map_index``); prefix with ``-`` for descending.
        :param map_index: Only these map indexes.
        :param try_number: Only instances at one of these tries.
        :param version_number: Only instances run by one of these versions of their DAG.
        :param operator: Only instances of one of these operator classes.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        "/dags/~/dagRuns/~/taskInstances/list",
        body="list_task_instance_form",
        errors=_READ,
        v2=V2(rename=_V2_NAMES),
    )
    def get_task_instances_batch(
        self, list_task_instance_form: ListTaskInstanceForm, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceCollection:
        """List task instances across DAGs and runs, with the filters in a request body.

        :param list_task_instance_form: Filters and page.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/tries/{task_try_number}", errors=_READ, v2=V2())
    def get_task_instance_try_details(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        task_try_number: int,
        map_index: int | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistory:
        """Get one try of a task instance.

        :param task_try_number: The try, from 1.
        :param map_index: The map index, for a mapped task (the server's default is -1: not mapped).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/tries", errors=_READ, v2=V2())
    def get_task_instance_tries(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        limit: int | None = AIRFLOW_2_ONLY,
        offset: int | None = AIRFLOW_2_ONLY,
        order_by: str | None = AIRFLOW_2_ONLY,
        map_index: int | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistoryCollection:
        """List the tries of a task instance, earlier ones and the current one.

        :param limit: How many tries to return (server default 100).
        :param offset: How many tries to skip.
        :param map_index: The map index, for a mapped task (the server's default is -1: not mapped).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _MAPPED + "/tries", errors=_READ, v2=V2())
    def get_mapped_task_instance_tries(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int,
        limit: int | None = AIRFLOW_2_ONLY,
        offset: int | None = AIRFLOW_2_ONLY,
        order_by: str | None = AIRFLOW_2_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistoryCollection:
        """List the tries of one instance of a mapped task.

        :param map_index: The map index.
        :param limit: How many tries to return (server default 100).
        :param offset: How many tries to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _MAPPED + "/tries/{task_try_number}", errors=_READ, v2=V2())
    def get_mapped_task_instance_try_details(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int,
        task_try_number: int,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistory:
        """Get one try of one instance of a mapped task.

        :param map_index: The map index.
        :param task_try_number: The try, from 1.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/links", errors=_READ, v2=V2())
    def get_extra_links(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int | None = None,
        try_number: int | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> ExtraLinkCollection:
        """List the extra links of a task instance.

        :param map_index: The map index, for a mapped task.
        :param try_number: The links of this earlier try (the current one's by default).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/logs/{task_try_number}", errors=_ALL, v2=V2(answer=_log_text))
    def get_log(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        task_try_number: int,
        full_content: bool | None = None,
        map_index: int | None = None,
        token: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> str:
        """Get the log of one try of a task instance, as text.

        With ``_headers={"Accept": "application/json"}`` the answer is a dict with ``content`` and a
        ``continuation_token`` to pass back as ``token`` for the next part.

        :param task_try_number: The try, from 1.
        :param full_content: Return the whole log instead of only its first part.
        :param map_index: The map index, for a mapped task.
        :param token: A continuation token from an earlier answer: read on from where it stopped.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _TI, errors=_READ, status=200, v1=False)
    def delete_task_instance(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Delete a task instance (Airflow 3 only); its tries and logs are not deleted.

        :param map_index: The map index, for a mapped task (the server's default is -1: not mapped).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances", body="bulk_body", v1=False)
    def bulk_task_instances(
        self, dag_id: str | int, dag_run_id: str | int, bulk_body: BulkBody, **kwargs: Unpack[CallOptions]
    ) -> BulkResponse:
        """Update or delete many task instances in one request (Airflow 3 only).

        The entities are :class:`BulkTaskInstanceBody` models (a delete also takes task ids); Airflow 3
        refuses creates. Each action's answer lists what it did and what it refused.

        :param dag_id: The DAG id, or ``~`` when each entity names its own.
        :param dag_run_id: The DAG run id, or ``~`` when each entity names its own.
        :param bulk_body: The actions.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH", "/dags/{dag_id}/dagRuns/{dag_run_id}/taskGroupInstances/{group_id}", body="update_task_instance",
        errors=(*_ALL, 409), v1=False, v2=V2(dry_run="/dry_run"),
    )  # fmt: skip
    def patch_task_group_instances(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        group_id: str,
        update_task_instance: UpdateTaskInstance,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceCollection:
        """Set the state or note of every task instance of a task group in a DAG run (Airflow 3 only).

        A dry run unless ``dry_run=False`` is given: the answer then lists what would change.

        :param group_id: The task group id.
        :param update_task_instance: What to change and whether this is a dry run.
        :param update_mask: Only these of the fields given (``new_state``, ``note``); all given if absent.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    patch_task_group_instances_dry_run = patch_task_group_instances  # Airflow 3's name for its dry-run form

    @operation("GET", _TI + "/externalLogUrl/{try_number}", errors=_ALL, v1=False)
    def get_external_log_url(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        try_number: int,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> ExternalLogUrl:
        """Get where an external log service shows one try's log (Airflow 3 only).

        Airflow 3 answers 400 unless its task log handler links to such a service (Elasticsearch,
        OpenSearch, Stackdriver, ...).

        :param try_number: The try, from 1.
        :param map_index: The map index, for a mapped task (the server's default is -1: not mapped).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    def follow_log(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        try_number: int | None = None,
        map_index: int | None = None,
        poll_interval: float = 1.0,
        timeout: float | None = None,
    ) -> Iterator[str]:
        """Yield the lines of a try's log as they are written, until the try ends (Airflow 2 and 3).

        See :func:`airflow_python_sdk.logs.follow_log`.

        :param try_number: The try, from 1; the task instance's current try by default.
        :param map_index: The map index, for a mapped task.
        :param poll_interval: Seconds between reads of the log.
        :param timeout: Seconds to follow at most (None: until the try ends); then :class:`WaitTimeoutError`.
        """
        from airflow_python_sdk.logs import follow_log

        return follow_log(self, dag_id, dag_run_id, task_id, try_number, map_index, poll_interval, timeout)

    # Airflow 3's names (operationIds) of these operations
    get_task_instance_dependencies_by_map_index = get_mapped_task_instance_dependencies
    patch_task_instance_by_map_index = patch_mapped_task_instance
