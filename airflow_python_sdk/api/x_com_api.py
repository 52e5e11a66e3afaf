"""XCom entries: the values task instances pushed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.x_com import XCom
from airflow_python_sdk.model.x_com_collection import XComCollection
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["XComApi"]

_ENTRIES = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries"


class XComApi(Api):
    """Operations on XCom entries."""

    @operation("GET", _ENTRIES, errors=(401, 403), v2=V2())
    def get_xcom_entries(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        map_index: int | None = None,
        xcom_key: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> XComCollection:
        """List the XCom entries of a task instance, without their values.

        Any of ``dag_id``, ``dag_run_id`` and ``task_id`` may be ``~`` to list across all of them.

        :param dag_id: The DAG id, or ``~``.
        :param dag_run_id: The DAG run id, or ``~``.
        :param task_id: The task id, or ``~``.
        :param map_index: Only entries of this map index.
        :param xcom_key: Only entries with this key.
        :param limit: How many entries to return (server default 100).
        :param offset: How many entries to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ENTRIES + "/{xcom_key}", errors=(401, 403, 404), v2=V2())
    def get_xcom_entry(
        self,
        dag_id: str | int,
        dag_run_id: str | int,
        task_id: str,
        xcom_key: str,
        map_index: int | None = None,
        deserialize: bool | None = None,
        stringify: bool | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> XCom:
        """Get an XCom entry with its value.

        :param dag_id: The DAG id.
        :param dag_run_id: The DAG run id.
        :param task_id: The task id.
        :param xcom_key: The key.
        :param map_index: The map index (server default -1, an unmapped task).
        :param deserialize: Deserialize the value with the server's XCom backend (the server must allow it).
        :param stringify: Send the value as text rather than as JSON (Airflow 2's default; Airflow 3's is JSON).
        """
        return self._call(locals())  # type: ignore[no-any-return]
