"""DAGs declaring datasets, for the DatasetApi tests (dag ids ``sdk_ds_*``).

URIs use an ``x-`` scheme, which Airflow keeps verbatim (no normalisation), and carry characters
that must be percent-encoded in a URL path: ``://``, ``/``, ``?``, ``&``, ``=``, a space, ``%``.

- ``sdk_ds_producer.publish`` updates LISTED and AWKWARD; ``sdk_ds_consumer_a`` and ``_b`` are
  scheduled on QUEUE (nothing produces it in a DAG: events come from the REST API only);
  ``sdk_ds_consumer_c`` is scheduled on BOTH_1 and BOTH_2.
- ``sdk_ds_mapped_producer.publish`` is a mapped task (three map indexes) updating MAPPED, which
  no DAG consumes; tests run it with ``airflow dags test`` to get events with a real source.
"""

from __future__ import annotations

import datetime

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, Dataset, EmptyOperator, PythonOperator

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

LISTED = Dataset("x-sdk-ds://warehouse/listed/table.csv", extra={"owner": "sdk", "rows": 3})
AWKWARD = Dataset("x-sdk-ds://warehouse/odd dir/file 100%.csv?part=1&v=a=b")
QUEUE = Dataset("x-sdk-ds://queue/shared")
BOTH_1 = Dataset("x-sdk-ds://both/one")
BOTH_2 = Dataset("x-sdk-ds://both/two")
MAPPED = Dataset("x-sdk-ds://mapped/out")

with DAG(dag_id="sdk_ds_producer", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="publish", outlets=[LISTED, AWKWARD])

with DAG(dag_id="sdk_ds_consumer_a", schedule=[QUEUE], start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="consume")

with DAG(dag_id="sdk_ds_consumer_b", schedule=[QUEUE], start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="consume")

with DAG(dag_id="sdk_ds_consumer_c", schedule=[BOTH_1, BOTH_2], start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="consume")

with DAG(dag_id="sdk_ds_listed_consumer", schedule=[LISTED], start_date=_START, catchup=False, tags=["sdk"]):
    EmptyOperator(task_id="consume")

with DAG(dag_id="sdk_ds_mapped_producer", schedule=None, start_date=_START, catchup=False, tags=["sdk"]):
    PythonOperator.partial(task_id="publish", python_callable=lambda n: n, outlets=[MAPPED]).expand(
        op_args=[[0], [1], [2]]
    )
