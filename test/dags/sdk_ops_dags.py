"""DAGs of the ops-workflow tests (test/test_ops_*.py; dag ids ``sdk_ops_*``).

- ``sdk_ops_flaky``: ``transform`` logs ``sdk-ops line N`` every half second, LINES times, then fails on its
  first try and succeeds on any later one (a cleared task re-runs and passes); ``load`` follows it.
- ``sdk_ops_paused``: paused at creation, one empty task: a run of it stays queued until the DAG is unpaused.
- ``sdk_ops_quick``: one empty task: a run that finishes in seconds.
"""

from __future__ import annotations

import datetime
import time
from typing import Any

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, PythonOperator

LINES = 6
_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
_TAGS = ["sdk_ops"]


def _transform(**context: Any) -> str:
    try_number = context["ti"].try_number
    for n in range(1, LINES + 1):
        print(f"sdk-ops line {n} (try {try_number})", flush=True)
        time.sleep(0.5)
    if try_number <= 1:
        raise RuntimeError(f"sdk-ops transform fails on try {try_number}")
    return "ok"


with DAG(dag_id="sdk_ops_flaky", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
    PythonOperator(task_id="transform", python_callable=_transform, retries=0) >> EmptyOperator(task_id="load")

with DAG(dag_id="sdk_ops_paused", schedule=None, start_date=_START, catchup=False, tags=_TAGS,
         is_paused_upon_creation=True):  # fmt: skip
    EmptyOperator(task_id="only")

with DAG(dag_id="sdk_ops_quick", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
    EmptyOperator(task_id="only")
