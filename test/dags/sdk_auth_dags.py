"""DAGs of the credential renewal tests (test/test_auth_renewal_live.py; dag ids ``sdk_auth_*``).

- ``sdk_auth_long``: ``sleep`` sleeps ``SLEEP`` seconds (the run's conf ``{"seconds": n}`` overrides it), so
  a client waiting for the run outlives many of the server's short-lived tokens.
"""

from __future__ import annotations

import datetime
import time
from typing import Any

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, task

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
SLEEP = 35

with DAG(dag_id="sdk_auth_long", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):

    @task
    def sleep(**context: Any) -> float:
        seconds = float((context["dag_run"].conf or {}).get("seconds", SLEEP))
        time.sleep(seconds)
        return seconds

    sleep()
