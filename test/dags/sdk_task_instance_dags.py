"""DAGs for the task-instance, DAG-stats and DAG-warning tests (dag ids ``sdk_ti_*``).

- ``sdk_ti_chain``: two plain tasks, then a TriggerDagRunOperator (an operator with an extra link);
  the tests never run it.
- ``sdk_ti_mapped``: a task mapped over a literal list (its three instances exist as soon as a run
  is created) and a plain task summing their results.
- ``sdk_ti_bad_pool``: a task in a pool that does not exist, which the DAG processor reports as a
  DAG warning.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, TriggerDagRunOperator, task

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

with DAG(dag_id="sdk_ti_chain", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    first = EmptyOperator(task_id="first")
    second = EmptyOperator(task_id="second")
    trigger = TriggerDagRunOperator(task_id="trigger", trigger_dag_id="sdk_ti_mapped")
    first >> second >> trigger

with DAG(dag_id="sdk_ti_mapped", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):

    @task
    def square(x: int) -> int:
        print(f"sdk_ti_mapped squares {x}")
        return x * x

    @task
    def report(values: list[int]) -> int:
        print(f"sdk_ti_mapped total {sum(values)}")
        return sum(values)

    report(square.expand(x=[1, 2, 3]))

with DAG(dag_id="sdk_ti_bad_pool", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="pooled", pool="sdk_ti_no_such_pool")
