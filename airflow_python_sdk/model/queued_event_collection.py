from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.queued_event import QueuedEvent
from airflow_python_sdk.model_utils import Field, Page

if TYPE_CHECKING:
    pass

__all__ = ["QueuedEventCollection"]


class QueuedEventCollection(CollectionInfo, Page[QueuedEvent]):
    """Queued dataset events and how many there are.

    The spec names the list ``datasets``; Airflow 2 servers send it as ``queued_events``. Either way
    it reads as ``datasets``.
    """

    datasets: list[QueuedEvent] = Field(default=None, fallback_keys=("queued_events",), doc="The queued events.")
