"""The audit log: what users and processes did."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.model.event_log import EventLog
from airflow_python_sdk.model.event_log_collection import EventLogCollection
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["EventLogApi"]

_EVENTS = ("included_events", "excluded_events")  # comma-joined on Airflow 2, repeated on Airflow 3


class EventLogApi(Api):
    """Operations on audit log entries."""

    @operation("GET", "/eventLogs", joined=_EVENTS, errors=(401, 403), v2=V2(split=_EVENTS))
    def get_event_logs(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        dag_id: str | None = None,
        task_id: str | None = None,
        run_id: str | None = None,
        map_index: int | None = None,
        try_number: int | None = None,
        event: str | None = None,
        owner: str | None = None,
        before: datetime | None = None,
        after: datetime | None = None,
        included_events: str | list[str] | None = None,
        excluded_events: str | list[str] | None = None,
        dag_id_pattern: str | None = AIRFLOW_3_ONLY,
        dag_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        task_id_pattern: str | None = AIRFLOW_3_ONLY,
        task_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_pattern: str | None = AIRFLOW_3_ONLY,
        run_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        owner_pattern: str | None = AIRFLOW_3_ONLY,
        owner_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        event_pattern: str | None = AIRFLOW_3_ONLY,
        event_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> EventLogCollection:
        """List audit log entries.

        :param limit: How many entries to return (server default 100).
        :param offset: How many entries to skip.
        :param order_by: Field to sort by (server default ``event_log_id``); prefix with ``-`` for descending.
        :param dag_id: Only entries about this DAG.
        :param task_id: Only entries about this task.
        :param run_id: Only entries about this DAG run.
        :param map_index: Only entries about this map index (the server ignores 0).
        :param try_number: Only entries about this try (the server ignores 0).
        :param event: Only entries of this event.
        :param owner: Only entries by this user.
        :param before: Only entries from before this time.
        :param after: Only entries from after this time.
        :param included_events: Only these events (a list, or their names comma-separated).
        :param excluded_events: Not these events (a list, or their names comma-separated).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/eventLogs/{event_log_id}", errors=(401, 403, 404), v2=V2())
    def get_event_log(self, event_log_id: int, **kwargs: Unpack[CallOptions]) -> EventLog:
        """Get an audit log entry.

        :param event_log_id: The entry's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]
