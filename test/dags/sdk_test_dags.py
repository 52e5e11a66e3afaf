"""DAGs used by the airflow_python_sdk integration tests and demo.

``sdk_example`` is a three-task chain; ``1`` (a purely numeric dag_id) is
used by the examples of the seed document.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

with DAG(dag_id="sdk_example", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    extract = EmptyOperator(task_id="extract")
    transform = EmptyOperator(task_id="transform")
    load = EmptyOperator(task_id="load")
    extract >> transform >> load

with DAG(dag_id="1", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="only")
