"""The DAGs of test/dags/sdk_test_dags.py written for Airflow 3 (the default DAGs folder of a 3.x server).

``sdk_example`` is a three-task chain; ``1`` (a purely numeric dag_id) is
used by the examples of the seed document.
"""

from __future__ import annotations

import datetime

from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

with DAG(dag_id="sdk_example", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    extract = EmptyOperator(task_id="extract")
    transform = EmptyOperator(task_id="transform")
    load = EmptyOperator(task_id="load")
    extract >> transform >> load

with DAG(dag_id="1", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="only")
