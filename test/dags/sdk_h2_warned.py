"""``sdk_h2_warned`` (test/test_dags_v3_live.py) calls ``random.choice`` in a task's arguments (always giving
the same value): Airflow 3's DAG processor records a "runtime varying value" DAG warning for every DAG
of such a file, so it is alone in this one.
"""

from __future__ import annotations

import datetime
import random

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator

with DAG(
    dag_id="sdk_h2_warned",
    schedule=None,
    start_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
    catchup=False,
    tags=["sdk_h2"],
):
    EmptyOperator(task_id="only", doc=random.choice(["the same every parse"]))
