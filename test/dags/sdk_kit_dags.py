"""DAGs of the testing kit's live proof (test/test_testing_kit_live.py; dag ids ``sdk_kit_*``).

- ``sdk_kit_fails``: ``boom`` fails on every try, so ``after`` is upstream_failed and the run fails.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, EmptyOperator, PythonOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)


def _boom() -> None:
    raise RuntimeError("sdk-kit boom fails on purpose")


with DAG(dag_id="sdk_kit_fails", schedule=None, start_date=_START, catchup=False, tags=["sdk_kit"]):
    PythonOperator(task_id="boom", python_callable=_boom, retries=0) >> EmptyOperator(task_id="after")
