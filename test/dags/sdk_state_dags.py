"""DAGs for the state store tests (dag ids ``sdk_state_*``); the state stores are Airflow 3's.

- ``sdk_state_store``: ``keep``, a plain task publishing ASSET, and ``shard``, a task mapped over a
  literal list (instances 0, 1, 2 exist as soon as a run is created). The tests write their stores
  through the REST API; nothing runs.
- ``sdk_state_writer``: ``write`` stores ``progress`` in its task state store and ``from_task`` in
  ASSET's state store when it runs (scheduler tests), so the store records a task as the writer.
"""

from __future__ import annotations

import datetime
from typing import Any

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, Dataset, EmptyOperator, PythonOperator, task

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
ASSET = Dataset("x-sdk-state://store/one")

with DAG(dag_id="sdk_state_store", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="keep", outlets=[ASSET])
    PythonOperator.partial(task_id="shard", python_callable=lambda n: n).expand(op_args=[[0], [1], [2]])

with DAG(dag_id="sdk_state_writer", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):

    @task(outlets=[ASSET])
    def write(**context: Any) -> None:
        context["task_state_store"].set("progress", {"done": 3})
        context["asset_state_store"].set("from_task", [1, 2, 3])

    write()
