"""Drive a DAG run through its life with the SDK: trigger, list, get, set state, note, clear, delete.

Runs against $AIRFLOW_API_URL (with $AIRFLOW_USERNAME / $AIRFLOW_PASSWORD) when set; otherwise it
starts a local real Airflow (installed on first use) and stops it afterwards: 2.11.2, or 3.3.2 with
``--airflow 3``. The same code drives both.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import pathlib
import sys
from collections.abc import Iterator

import airflow_python_sdk
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import ClearDagRun, DAGRun, DagState, TaskInstanceCollection

DAG_ID = "sdk_example"


@contextlib.contextmanager
def airflow_configuration(major: str) -> Iterator[airflow_python_sdk.Configuration]:
    url = os.environ.get("AIRFLOW_API_URL")
    if url:
        yield airflow_python_sdk.Configuration(
            host=url, username=os.environ.get("AIRFLOW_USERNAME"), password=os.environ.get("AIRFLOW_PASSWORD")
        )
        return
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "test"))
    from airflow_server import AIRFLOW_2_VERSION, AIRFLOW_3_VERSION, start_airflow

    version = AIRFLOW_3_VERSION if major == "3" else AIRFLOW_2_VERSION
    print(f"Starting a local Airflow {version} (the first start installs it) ...")
    with start_airflow(version) as server:
        print(f"Airflow is up at {server.api_url}\n")
        yield airflow_python_sdk.Configuration(host=server.api_url, username="admin", password="admin")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--airflow", choices=("2", "3"), default="2", help="the Airflow to start (default 2)")
    major = parser.parse_args().airflow
    with airflow_configuration(major) as configuration, airflow_python_sdk.ApiClient(configuration) as api_client:
        api = DAGRunApi(api_client)
        run_id = f"demo__{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S%f}"

        run = api.post_dag_run(DAG_ID, DAGRun(dag_run_id=run_id, conf={"source": "demo"}))
        print(f"triggered  {run.dag_id}/{run.dag_run_id}: state={run.state}, logical_date={run.logical_date}")

        page = api.get_dag_runs(DAG_ID, order_by="-start_date", limit=5)
        print(
            f"listed     {page.total_entries} run(s) of {DAG_ID}; newest: {[r.dag_run_id for r in page.dag_runs]}"
        )

        run = api.get_dag_run(DAG_ID, run_id)
        print(f"got        {run.dag_run_id}: type={run.run_type}, conf={run.conf}")

        run = api.update_dag_run(DAG_ID, run_id, DAGRun(state=DagState.FAILED, note="failed on purpose by the demo"))
        print(f"updated    state={run.state}, note={run.note!r}")

        planned = api.clear_dag_run(DAG_ID, run_id, ClearDagRun(dry_run=True))
        assert isinstance(planned, TaskInstanceCollection)
        print(f"clear plan {[ti.task_id for ti in planned.task_instances]}")
        api.clear_dag_run(DAG_ID, run_id, ClearDagRun(dry_run=False))
        print(f"cleared    state is now {api.get_dag_run(DAG_ID, run_id).state}")

        api.delete_dag_run(DAG_ID, run_id)
        try:
            api.get_dag_run(DAG_ID, run_id)
        except airflow_python_sdk.NotFoundException as exc:
            print(f"deleted    (the server now answers {exc.status}: {exc.detail})")


if __name__ == "__main__":
    main()
