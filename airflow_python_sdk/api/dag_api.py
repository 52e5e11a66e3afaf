"""DAGs: list, read, pause or unpause, delete; their tasks, details and source; bulk task-instance actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.clear_task_instances import ClearTaskInstances
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_collection import DAGCollection
from airflow_python_sdk.model.dag_detail import DAGDetail
from airflow_python_sdk.model.task import Task
from airflow_python_sdk.model.task_collection import TaskCollection
from airflow_python_sdk.model.task_instance_reference_collection import TaskInstanceReferenceCollection
from airflow_python_sdk.model.update_task_instances_state import UpdateTaskInstancesState
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["DAGApi"]

_DAG = "/dags/{dag_id}"
_READ = (401, 403, 404)


class DAGApi(Api):
    """Operations on DAGs."""

    @operation("GET", "/dags", errors=(401,), v2=V2(unsupported=("only_active", "fields")))
    def get_dags(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        tags: list[str] | None = None,
        only_active: bool | None = None,
        paused: bool | None = None,
        fields: list[str] | None = None,
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
        v2=V2(unsupported=("only_active",)),
    )
    def patch_dags(
        self,
        dag_id_pattern: str,
        dag: DAG,
        limit: int | None = None,
        offset: int | None = None,
        tags: list[str] | None = None,
        update_mask: list[str] | None = None,
        only_active: bool | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> DAGCollection:
        """Pause or unpause every DAG that matches a pattern.

        :param dag_id_pattern: DAGs whose id contains this text (SQL ``LIKE`` wildcards allowed); ``~`` for all.
        :param dag: The change: ``DAG(is_paused=...)``.
        :param limit: How many DAGs to change at most (server default 100).
        :param offset: How many matching DAGs to skip.
        :param tags: Only DAGs with any of these tags.
        :param update_mask: The fields to change (only ``is_paused`` can be).
        :param only_active: Only DAGs whose files still define them (server default true).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DAG, errors=_READ, v2=V2(unsupported=("fields",)))
    def get_dag(self, dag_id: str | int, fields: list[str] | None = None, **kwargs: Unpack[CallOptions]) -> DAG:
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

    @operation("POST", _DAG + "/clearTaskInstances", body="clear_task_instances", errors=_READ)
    def post_clear_task_instances(
        self, dag_id: str | int, clear_task_instances: ClearTaskInstances, **kwargs: Unpack[CallOptions]
    ) -> TaskInstanceReferenceCollection:
        """Clear task instances of a DAG so they run again.

        With ``dry_run`` (the server's default) nothing changes; the answer lists what would be cleared.

        :param dag_id: The DAG id.
        :param clear_task_instances: Which task instances to clear.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _DAG + "/updateTaskInstancesState", body="update_task_instances_state", errors=_READ)
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

    @operation("GET", _DAG + "/details", errors=_READ, v2=V2(unsupported=("fields",)))
    def get_dag_details(
        self, dag_id: str | int, fields: list[str] | None = None, **kwargs: Unpack[CallOptions]
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

    @operation("GET", "/dagSources/{file_token}", errors=_READ)
    def get_dag_source(self, file_token: str, **kwargs: Unpack[CallOptions]) -> str:
        """Get the source code of a DAG file.

        Answers the text; with ``_headers={"Accept": "application/json"}`` the server's JSON form
        ``{"content": ...}`` comes back as a dict instead.

        :param file_token: The file's token, from a DAG's ``file_token``.
        """
        return self._call(locals())  # type: ignore[no-any-return]
