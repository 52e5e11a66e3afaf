"""DAGs for the DAGApi filter, tag, favourite and warning tests (test/test_dags_v3_live.py); ids ``sdk_h2_*``.

``sdk_h2_owned`` (owner ``sdk_h2_owner``, tags sdk_h2/_a/_b, a display name, a daily schedule, paused
at creation) and ``sdk_h2_other`` (tags sdk_h2/_a, no schedule) tell the tag, owner, name and
timetable filters apart; ``sdk_h2_fed`` is scheduled on an asset (a dataset on Airflow 2).
``sdk_h2_warned`` is in sdk_h2_warned.py.
"""

from __future__ import annotations

import datetime

import airflow

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, Dataset, EmptyOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
# Airflow 3 reads the backoff as a factor, Airflow 2 as a flag
_BACKOFF = 3.0 if airflow.__version__.startswith("3.") else True

with DAG(
    dag_id="sdk_h2_owned",
    dag_display_name="SDK H2 Owned",
    schedule="@daily",
    start_date=_START,
    catchup=False,
    is_paused_upon_creation=True,
    tags=["sdk_h2", "sdk_h2_a", "sdk_h2_b"],
    default_args={"owner": "sdk_h2_owner"},
):
    EmptyOperator(task_id="backoff", retries=3, retry_exponential_backoff=_BACKOFF)

with DAG(dag_id="sdk_h2_other", schedule=None, start_date=_START, catchup=False, tags=["sdk_h2", "sdk_h2_a"]):
    EmptyOperator(task_id="only")

with DAG(
    dag_id="sdk_h2_fed", schedule=[Dataset("x-sdk-h2://fed")], start_date=_START, catchup=False, tags=["sdk_h2"]
):
    EmptyOperator(task_id="only")
