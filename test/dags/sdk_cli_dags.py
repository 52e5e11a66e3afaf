"""DAGs of the command-line tests (test/test_cli_commands_live.py; dag ids ``sdk_cli_*``, assets ``x-sdk-cli://``).

- ``sdk_cli_follow``: its ``count`` task logs ``sdk-cli count N`` every half second, ten times, so that
  ``task-instances logs --follow`` has a running try to stream; it returns 10 (an XCom).
- ``sdk_cli_daily``: daily, paused at creation: for backfills and for pausing and unpausing.
- ``sdk_cli_delete_me``: deleted by the ``dags delete`` test (each server parses it again only when restarted).
- ``sdk_cli_producer`` updates MADE, on which ``sdk_cli_consumer`` is scheduled: asset events queue it.
"""

from __future__ import annotations

import datetime
import time

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, Dataset, EmptyOperator, task

LINES = 10
"""How many ``sdk-cli count N`` lines the ``count`` task logs, one every half second."""
MADE = Dataset("x-sdk-cli://made")
_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
_TAGS = ["sdk_cli"]

with DAG(dag_id="sdk_cli_follow", schedule=None, start_date=_START, catchup=False, tags=_TAGS):

    @task
    def count() -> int:
        for n in range(1, LINES + 1):
            print(f"sdk-cli count {n}", flush=True)
            time.sleep(0.5)
        return LINES

    count()

with DAG(dag_id="sdk_cli_daily", schedule="@daily", start_date=_START, catchup=False, tags=_TAGS,
         is_paused_upon_creation=True):  # fmt: skip
    EmptyOperator(task_id="day")

with DAG(dag_id="sdk_cli_delete_me", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
    EmptyOperator(task_id="only")

with DAG(dag_id="sdk_cli_producer", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
    EmptyOperator(task_id="make", outlets=[MADE])

with DAG(dag_id="sdk_cli_consumer", schedule=[MADE], start_date=_START, catchup=False, tags=_TAGS):
    EmptyOperator(task_id="use")
