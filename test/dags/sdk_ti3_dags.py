"""DAGs for the Airflow 3 task-instance tests (dag ids ``sdk_ti3_*``).

- ``sdk_ti3_group``: two plain tasks in the task group ``grp``, then one outside it, and a task
  mapped over a literal list with a ``map_index_template`` naming each instance.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, task

try:  # Airflow 3
    from airflow.sdk import TaskGroup
except ImportError:  # Airflow 2
    from airflow.utils.task_group import TaskGroup  # type: ignore[no-redef]

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

with DAG(dag_id="sdk_ti3_group", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    with TaskGroup("grp") as grp:
        EmptyOperator(task_id="a") >> EmptyOperator(task_id="b")

    @task(map_index_template="{{ fruit_name }}")
    def pick(fruit: str) -> str:
        try:  # Airflow 3
            from airflow.sdk import get_current_context
        except ImportError:  # Airflow 2
            from airflow.operators.python import get_current_context  # type: ignore[no-redef,attr-defined]
        get_current_context()["fruit_name"] = fruit  # type: ignore[typeddict-unknown-key]
        return fruit

    grp >> EmptyOperator(task_id="after") >> pick.expand(fruit=["apple", "banana", "cherry"])
