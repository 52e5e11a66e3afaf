"""DAGs of the smoke suite on older releases (test/test_versions_smoke.py; dag ids ``sdk_smoke_*``).

- ``sdk_smoke_day``: ``say`` runs Python and logs ``sdk-smoke says hello``, then ``done`` (empty) follows;
  nothing in it needs a newer Airflow than 2.7 or 3.0.
- ``sdk_smoke_idle``: paused at creation, so its runs stay queued and their tries never run.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, task

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
_TAGS = ["sdk_smoke"]

with DAG(dag_id="sdk_smoke_day", schedule=None, start_date=_START, catchup=False, tags=_TAGS):

    @task
    def say() -> str:
        print("sdk-smoke says hello", flush=True)
        return "hello"

    say() >> EmptyOperator(task_id="done")

with DAG(dag_id="sdk_smoke_idle", schedule=None, start_date=_START, catchup=False, tags=_TAGS,
         is_paused_upon_creation=True):  # fmt: skip
    EmptyOperator(task_id="only")
