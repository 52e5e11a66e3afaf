"""DAGs of docs/RECIPES.md's live test (test/test_recipes_live.py; dag ids ``sdk_recipes_*``).

- ``sdk_recipes_daily``: a daily schedule and one empty task: what the backfill recipe fills in (Airflow 3
  backfills only DAGs with a periodic schedule).
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

with DAG(dag_id="sdk_recipes_daily", schedule="@daily", start_date=_START, catchup=False, tags=["sdk_recipes"]):
    EmptyOperator(task_id="only")
