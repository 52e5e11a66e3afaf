"""Task state store (Airflow 3 only): JSON values a task instance keeps under keys, across its tries.

``dag_id``, ``dag_run_id``, ``task_id`` and ``map_index`` (server default -1: not mapped) name the
task instance; writes need it to exist (404 otherwise). A key may contain ``/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.task_state_store import TaskStateStore
from airflow_python_sdk.model.task_state_store_body import TaskStateStoreBody
from airflow_python_sdk.model.task_state_store_collection import TaskStateStoreCollection
from airflow_python_sdk.model.task_state_store_patch_body import TaskStateStorePatchBody
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["TaskStateStoreApi"]

_STORE = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/state-store"
_KEY = _STORE + "/{key}"
_ERRORS = (401, 403, 404)


class TaskStateStoreApi(Api):
    """Reading and writing the state store of task instances (Airflow 3 only)."""

    @operation("GET", _STORE, v1=False)
    def list_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        map_index: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> TaskStateStoreCollection:
        """List a task instance's keys and values, by key (none for a task instance that does not exist).

        :param map_index: The task instance's map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _KEY, errors=_ERRORS, v1=False)
    def get_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        key: str,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> TaskStateStore:
        """Get one key of a task instance's state store.

        :param key: The key.
        :param map_index: The task instance's map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", _KEY, body="task_state_store_body", errors=_ERRORS, v1=False)
    def set_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        key: str,
        task_state_store_body: TaskStateStoreBody,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Set a key of a task instance's state store, creating or replacing it.

        :param key: The key.
        :param task_state_store_body: The value and when it expires.
        :param map_index: The task instance's map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _KEY, body="task_state_store_patch_body", errors=_ERRORS, status=200, v1=False)
    def patch_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        key: str,
        task_state_store_patch_body: TaskStateStorePatchBody,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Replace the value of a key that exists (404 if it does not), keeping its expiry.

        :param key: The key.
        :param task_state_store_patch_body: The new value.
        :param map_index: The task instance's map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _KEY, errors=_ERRORS, v1=False)
    def delete_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        key: str,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Delete a key of a task instance's state store (nothing happens if it has no such key).

        :param key: The key.
        :param map_index: The task instance's map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _STORE, errors=_ERRORS, v1=False)
    def clear_task_state_store(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        map_index: int | None = None,
        all_map_indices: bool | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Delete every key of a task instance's state store.

        :param map_index: The task instance's map index.
        :param all_map_indices: True: of every map index of the task (``map_index`` is then ignored).
        """
        return self._call(locals())  # type: ignore[no-any-return]
