from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.event_log import EventLog
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["EventLogCollection"]


class EventLogCollection(CollectionInfo, Page[EventLog]):
    """A page of audit log entries and the total number that match."""

    event_logs: list[EventLog] = Field(default=None, doc="The entries on this page.")
