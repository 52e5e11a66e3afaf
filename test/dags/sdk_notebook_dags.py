"""The DAG of the pictures' notebook (examples/notebook_pictures.ipynb, test/test_notebook_pictures_live.py).

``sdk_notebook_run``: ``extract`` then three branches side by side (``clean_a``, ``clean_b``, ``clean_c``: the
test servers run one task at a time, so they run one after another), joined by ``join``, then ``load``
(sequential); ``square`` mapped over three values; ``flaky`` fails its first try and succeeds on its second
(retry_delay 1 s); ``boom`` fails on every try, so ``after_boom`` is upstream_failed and the run fails.
Every task takes about a second.
"""

from __future__ import annotations

import datetime
import time
from typing import Any

# Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
from sdk_compat import DAG, PythonOperator, task

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
_RETRY = {"retries": 1, "retry_delay": datetime.timedelta(seconds=1)}


def _work() -> None:
    time.sleep(1)


def _flaky(ti: Any = None, **_: Any) -> None:
    time.sleep(1)
    if ti.try_number < 2:
        raise RuntimeError("sdk-notebook flaky fails its first try on purpose")


def _boom() -> None:
    time.sleep(0.5)
    raise RuntimeError("sdk-notebook boom fails on purpose")


with DAG(dag_id="sdk_notebook_run", schedule=None, start_date=_START, catchup=False, tags=["sdk_notebook"]):

    @task
    def square(value: int) -> int:
        time.sleep(1)
        return value * value

    extract = PythonOperator(task_id="extract", python_callable=_work)
    cleans = [PythonOperator(task_id=f"clean_{c}", python_callable=_work) for c in "abc"]
    join = PythonOperator(task_id="join", python_callable=_work)
    load = PythonOperator(task_id="load", python_callable=_work)
    flaky = PythonOperator(task_id="flaky", python_callable=_flaky, **_RETRY)
    boom = PythonOperator(task_id="boom", python_callable=_boom, retries=0)
    after_boom = PythonOperator(task_id="after_boom", python_callable=_work)
    extract >> cleans >> join >> load
    extract >> square.expand(value=[1, 2, 3])
    extract >> flaky
    extract >> boom >> after_boom
