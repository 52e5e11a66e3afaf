"""A logging config whose task log handler also links each log to an external viewer (defines no DAG).

For ``get_external_log_url``, which a server answers only when its task log handler links logs to
an external service. Logs are still written and read as files, as by default. A server uses it with
``AIRFLOW__LOGGING__LOGGING_CONFIG_CLASS=sdk_ti3_external_log.LOGGING_CONFIG`` and this folder on
its ``PYTHONPATH``.
"""

from __future__ import annotations

import copy
from typing import Any

from airflow.config_templates.airflow_local_settings import DEFAULT_LOGGING_CONFIG
from airflow.utils.log.file_task_handler import FileTaskHandler
from airflow.utils.log.logging_mixin import ExternalLoggingMixin

VIEWER = "https://logs.example.com"


class LinkedFileTaskHandler(FileTaskHandler, ExternalLoggingMixin):
    """The default file handler, which also names a page per task try in an (imaginary) log viewer."""

    log_name = "sdk log viewer"
    supports_external_link = True

    def get_external_log_url(self, task_instance: Any, try_number: int) -> str:
        ti = task_instance
        return f"{VIEWER}/{ti.dag_id}/{ti.run_id}/{ti.task_id}/{ti.map_index}/{try_number}"


LOGGING_CONFIG = copy.deepcopy(DEFAULT_LOGGING_CONFIG)
LOGGING_CONFIG["handlers"]["task"]["class"] = "sdk_ti3_external_log.LinkedFileTaskHandler"
REMOTE_TASK_LOG = None  # no remote logging; Airflow 3.0 fails every task of a config module that leaves it out
