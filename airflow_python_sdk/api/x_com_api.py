"""XCom entries: the values task instances pushed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.model.x_com import XCom
from airflow_python_sdk.model.x_com_collection import XComCollection
from airflow_python_sdk.model.x_com_create_body import XComCreateBody
from airflow_python_sdk.model.x_com_update_body import XComUpdateBody
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["XComApi"]

_ENTRIES = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries"
_ONE = _ENTRIES + "/{xcom_key}"
_ALL = (400, 401, 403, 404)


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
        xcom_key_pattern: str | None = AIRFLOW_3_ONLY,
        xcom_key_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        dag_display_name_pattern: str | None = AIRFLOW_3_ONLY,
        dag_display_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        task_id_pattern: str | None = AIRFLOW_3_ONLY,
        task_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        map_index_filter: int | None = AIRFLOW_3_ONLY,
        logical_date_gte: datetime | None = AIRFLOW_3_ONLY,
        logical_date_gt: datetime | None = AIRFLOW_3_ONLY,
        logical_date_lte: datetime | None = AIRFLOW_3_ONLY,
        logical_date_lt: datetime | None = AIRFLOW_3_ONLY,
        run_after_gte: datetime | None = AIRFLOW_3_ONLY,
        run_after_gt: datetime | None = AIRFLOW_3_ONLY,
        run_after_lte: datetime | None = AIRFLOW_3_ONLY,
        run_after_lt: datetime | None = AIRFLOW_3_ONLY,
        order_by: str | list[str] | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> XComCollection:
        """List the XCom entries of a task instance, without their values.

        Any of ``dag_id``, ``dag_run_id`` and ``task_id`` may be ``~`` to list across all of them.
        Airflow 3 sorts by ``key``, ``dag_id``, ``run_id``, ``task_id``, ``map_index`` or ``timestamp``.

        :param dag_id: The DAG id, or ``~``.
        :param dag_run_id: The DAG run id, or ``~``.
        :param task_id: The task id, or ``~``.
        :param map_index: Only entries of this map index.
        :param xcom_key: Only entries with this key.
        :param limit: How many entries to return (server default 100).
        :param offset: How many entries to skip.
        :param map_index_filter: Only entries of this map index (Airflow 3's filter form of ``map_index``).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=V2())
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

        On Airflow 3.0 and 3.1 an entry created or updated through the REST API reads back as its value's
        JSON text (those releases store it so; see ``QUIRKS`` in :mod:`airflow_python_sdk.versions`).

        :param xcom_key: The key.
        :param map_index: The map index (server default -1, an unmapped task).
        :param deserialize: Deserialize the value with the server's XCom backend (Airflow 2: if the server allows it).
        :param stringify: Send the value as text rather than as JSON (Airflow 2's default; Airflow 3's is JSON).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", _ENTRIES, body="x_com_create_body", status=201, errors=(*_ALL, 409), v1=False)
    def create_xcom_entry(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        x_com_create_body: XComCreateBody,
        **kwargs: Unpack[CallOptions],
    ) -> XCom:
        """Push an XCom entry for a task instance, as the task would (a key it already has: 409).

        Airflow 3.0 and 3.1 store the value as its JSON text, and answer (and later read) that text.

        :param x_com_create_body: The key, the value and the map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _ONE, body="x_com_update_body", errors=_ALL, v1=False)
    def update_xcom_entry(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        xcom_key: str,
        x_com_update_body: XComUpdateBody,
        **kwargs: Unpack[CallOptions],
    ) -> XCom:
        """Replace an XCom entry's value (stored as its JSON text by Airflow 3.0 and 3.1, as in creating one).

        :param xcom_key: The key.
        :param x_com_update_body: The new value and the map index.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v1=False)
    def delete_xcom_entry(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        xcom_key: str,
        map_index: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> None:
        """Delete an XCom entry.

        :param xcom_key: The key.
        :param map_index: The map index (server default -1, an unmapped task).
        """
        return self._call(locals())  # type: ignore[no-any-return]
