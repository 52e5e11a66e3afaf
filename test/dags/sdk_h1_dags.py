"""DAG of the DAG-run tests on Airflow 3 (test/test_dag_runs_v3_live.py): ``sdk_h1_wait`` returns 42."""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, task

with DAG(
    dag_id="sdk_h1_wait", schedule=None, start_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
    catchup=False, tags=["sdk"],
):  # fmt: skip

    @task
    def answer() -> int:
        return 42

    answer()
