"""DAGs for the DAGApi / XComApi / EventLogApi tests (test/test_dag_api_live.py); every dag_id starts with sdk_dag_.

``sdk_dag_main`` has a task that pushes XComs and tasks with non-default settings to read back;
``sdk_dag_cron`` and ``sdk_dag_delta`` have schedules (and start paused, so no scheduler runs them);
``sdk_dag_patch_a``/``_b`` are paused and unpaused by the tests.
"""

from __future__ import annotations

import datetime
from typing import Any

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, PythonOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)


def _push(ti: Any) -> dict[str, Any]:
    ti.xcom_push(key="note", value="pushed by sdk_dag_main")
    ti.xcom_push(key="dir/file.txt", value=42)  # a key with a slash
    return {"rows": [1, 2, 3], "name": "sdk"}


with DAG(
    dag_id="sdk_dag_main",
    schedule=None,
    start_date=_START,
    catchup=False,
    description="DAG of the sdk_dag tests",
    doc_md="# sdk_dag_main\nRead back by the tests.",
    tags=["sdk_dag", "sdk_dag_main"],
    params={"rows": 3},
    max_active_runs=2,
    max_active_tasks=4,
    dagrun_timeout=datetime.timedelta(hours=1, seconds=5),
    default_args={"owner": "sdk_dag_owner", "retries": 2, "retry_delay": datetime.timedelta(minutes=5)},
):
    push = PythonOperator(task_id="push", python_callable=_push, doc_md="Pushes three XComs.")
    wait = EmptyOperator(
        task_id="wait",
        trigger_rule="all_done",
        weight_rule="upstream",
        priority_weight=7,
        execution_timeout=datetime.timedelta(minutes=10),
    )
    done = EmptyOperator(task_id="done")
    push >> wait >> done

with DAG(
    dag_id="sdk_dag_cron",
    schedule="0 6 * * *",
    start_date=_START,
    catchup=False,
    is_paused_upon_creation=True,
    tags=["sdk_dag"],
):
    EmptyOperator(task_id="only")

with DAG(
    dag_id="sdk_dag_delta",
    schedule=datetime.timedelta(hours=6),
    start_date=_START,
    catchup=False,
    is_paused_upon_creation=True,
    tags=["sdk_dag"],
):
    EmptyOperator(task_id="only")

for _name in ("sdk_dag_patch_a", "sdk_dag_patch_b"):
    with DAG(dag_id=_name, schedule=None, start_date=_START, catchup=False, tags=["sdk_dag", "sdk_dag_patch"]):
        EmptyOperator(task_id="only")
