"""Task instances: list, read, set state or note, dependencies, tries, extra links and logs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

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
from airflow_python_sdk.operation import AIRFLOW_2_ONLY, V2, Api, Args, operation

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


def _first_instance(client: ApiClient, args: Args, data: Any) -> Any:
    """Answers the task instance named, from the list Airflow 3 answers with.

    A dry run that would change nothing answers an empty list: then the instance as addressed.
    """
    instances = data.get("task_instances") if isinstance(data, dict) else None
    if isinstance(instances, list) and instances:
        return instances[0]
    return {key: args[key] for key in ("dag_id", "dag_run_id", "task_id")}


def _v2_note(path: str) -> V2:
    """Airflow 3 sets a note by a PATCH of the task instance that changes only its note."""
    return V2(path, query={"update_mask": "note"}, answer=_first_instance)


_V2_STATE = V2(query={"update_mask": "new_state"}, dry_run="/dry_run", answer=_first_instance)
"""Airflow 3 sets a state by a PATCH that changes only the state; a dry run has a path of its own."""


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
    return f"{stamp}{level}{message.get('event', '')}\n"


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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index.
        :param set_task_instance_note: The note.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI + "/dependencies", errors=_ALL, v2=V2())
    def get_task_instance_dependencies(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceDependencyCollection:
        """List what keeps a task instance from being scheduled (empty once it has run).

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _MAPPED + "/dependencies", errors=_ALL, v2=V2())
    def get_mapped_task_instance_dependencies(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, map_index: int, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceDependencyCollection:
        """List what keeps one instance of a mapped task from being scheduled.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances", errors=(401, 403), v2=V2(rename=_V2_NAMES))
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
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceCollection:
        """List the task instances of a DAG run.

        Give ``dag_id="~"`` and/or ``dag_run_id="~"`` to list across DAGs and runs.

        :param dag_id: The DAG id, or ``~`` for all DAGs.
        :param dag_run_id: The DAG run id, or ``~`` for all runs.
        :param execution_date_gte: Only instances whose run's logical date is at or after this.
        :param execution_date_lte: Only instances whose run's logical date is at or before this.
        :param start_date_gte: Only instances that started at or after this.
        :param start_date_lte: Only instances that started at or before this.
        :param end_date_gte: Only instances that ended at or after this.
        :param end_date_lte: Only instances that ended at or before this.
        :param updated_at_gte: Only instances updated at or after this.
        :param updated_at_lte: Only instances updated at or before this.
        :param duration_gte: Only instances that ran at least this many seconds.
        :param duration_lte: Only instances that ran at most this many seconds.
        :param state: Only instances in one of these states.
        :param pool: Only instances in one of these pools.
        :param queue: Only instances in one of these queues.
        :param executor: Only instances on one of these executors.
        :param limit: How many instances to return (server default 100).
        :param offset: How many instances to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _TI, errors=_READ, v2=V2())
    def get_task_instance(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, **kwargs: Unpack[CallOptions]
    ) -> TaskInstance:
        """Get a task instance.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH",
        _TI,
        body="update_task_instance",
        errors=_READ,
        v2=_V2_STATE,
    )
    def patch_task_instance(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        update_task_instance: UpdateTaskInstance,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceReference:
        """Set the state of a task instance (success, failed or skipped).

        The server's default is a dry run: give ``dry_run=False`` to change anything.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param update_task_instance: The new state and whether this is a dry run.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _MAPPED, errors=_READ, v2=V2())
    def get_mapped_task_instance(
        self, dag_id: str | int, dag_run_id: str | int, task_id: str, map_index: int, **kwargs: Unpack[CallOptions]
    ) -> TaskInstance:
        """Get one instance of a mapped task.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH",
        _MAPPED,
        body="update_task_instance",
        errors=_READ,
        v2=_V2_STATE,
    )
    def patch_mapped_task_instance(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int,
        update_task_instance: UpdateTaskInstance | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceReference:
        """Set the state of one instance of a mapped task (success, failed or skipped).

        The server's default is a dry run: give ``dry_run=False`` to change anything.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index.
        :param update_task_instance: The new state and whether this is a dry run.
        """
        return self._call(locals())  # type: ignore[no-any-return]

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
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceCollection:
        """List the instances of a mapped task in a DAG run, one per map index.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The mapped task's id.
        :param limit: How many instances to return (server default 100).
        :param offset: How many instances to skip.
        :param execution_date_gte: Only instances whose run's logical date is at or after this.
        :param execution_date_lte: Only instances whose run's logical date is at or before this.
        :param start_date_gte: Only instances that started at or after this.
        :param start_date_lte: Only instances that started at or before this.
        :param end_date_gte: Only instances that ended at or after this.
        :param end_date_lte: Only instances that ended at or before this.
        :param updated_at_gte: Only instances updated at or after this.
        :param updated_at_lte: Only instances updated at or before this.
        :param duration_gte: Only instances that ran at least this many seconds.
        :param duration_lte: Only instances that ran at most this many seconds.
        :param state: Only instances in one of these states.
        :param pool: Only instances in one of these pools.
        :param queue: Only instances in one of these queues.
        :param executor: Only instances on one of these executors.
        :param order_by: Field to sort by; prefix with ``-`` for descending (default ``map_index``).
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
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistory:
        """Get one try of a task instance.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param task_try_number: The try, from 1.
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
        **kwargs: Unpack[CallOptions],
    ) -> TaskInstanceHistoryCollection:
        """List the tries of a task instance, earlier ones and the current one.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param limit: How many tries to return (server default 100).
        :param offset: How many tries to skip.
        :param order_by: Field to sort by; prefix with ``-`` for descending.
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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index.
        :param limit: How many tries to return (server default 100).
        :param offset: How many tries to skip.
        :param order_by: Field to sort by; prefix with ``-`` for descending.
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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
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
        **kwargs: Unpack[CallOptions],
    ) -> ExtraLinkCollection:
        """List the extra links of a task instance.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param map_index: The map index, for a mapped task.
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

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param task_try_number: The try, from 1.
        :param full_content: Return the whole log instead of only its first part.
        :param map_index: The map index, for a mapped task.
        :param token: A continuation token from an earlier answer: read on from where it stopped.
        """
        return self._call(locals())  # type: ignore[no-any-return]
