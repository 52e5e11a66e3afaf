from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.task_instance_history import TaskInstanceHistory
from airflow_python_sdk.model_utils import Field, Page

if TYPE_CHECKING:
    pass

__all__ = ["TaskInstanceHistoryCollection"]


class TaskInstanceHistoryCollection(CollectionInfo, Page[TaskInstanceHistory]):
    """A page of tries and the total number there are.

    Airflow 2.10 and 2.11 send the tries under ``task_instances`` although their spec names the
    field ``task_instances_history``; either key is read into ``task_instances_history``.
    """

    task_instances_history: list[TaskInstanceHistory] = Field(
        default=None, fallback_keys=("task_instances",), doc="The tries on this page."
    )
