"""The one DAG test/test_dag_api_live.py deletes (then restores with ``airflow dags reserialize``)."""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator

with DAG(
    dag_id="sdk_dag_delete_me",
    schedule=None,
    start_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
    catchup=False,
    tags=["sdk_dag"],
):
    EmptyOperator(task_id="only")
