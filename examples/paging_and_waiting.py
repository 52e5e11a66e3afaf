"""Paging and waiting: walk long lists page by page, and wait for DAG runs to finish.

Reads AIRFLOW_API_URL, AIRFLOW_USERNAME and AIRFLOW_PASSWORD from the environment; AIRFLOW_DAG_ID
names a DAG that finishes on its own (default sdk_example, the DAG of this repo's tests). The server
needs a running scheduler for the runs to finish.
"""

import itertools
import os

import airflow_python_sdk
from airflow_python_sdk import paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import DAGRun, ListDagRunsForm, ListTaskInstanceForm

DAG_ID = os.environ.get("AIRFLOW_DAG_ID", "sdk_example")


def main() -> None:
    # progress=True: a tqdm bar, or without tqdm a line on stderr for each change of state
    configuration = airflow_python_sdk.Configuration.from_env()
    with airflow_python_sdk.ApiClient(configuration) as api_client:
        runs = DAGRunApi(api_client)

        # 1. Trigger three runs, then wait for each; the timeout bounds each wait.
        triggered = [runs.post_dag_run(DAG_ID, DAGRun(conf={"batch": i})) for i in range(3)]
        ids = [run.dag_run_id for run in triggered]
        for run_id in ids:
            finished = runs.wait_for_dag_run(DAG_ID, run_id, timeout=600, poll_interval=1, progress=True)
            print(f"waited: {run_id} -> {finished.state}")

        # 2. A wait that gives up: WaitTimeoutError carries the run as last seen, which goes on running.
        try:
            runs.trigger_dag_run_and_wait(DAG_ID, timeout=0)
        except airflow_python_sdk.WaitTimeoutError as error:
            late = error.dag_run.dag_run_id if error.dag_run else None
            print(f"timed out: {late} still {error.state} after {error.elapsed:.1f} s")
            if late:
                print(f"then finished: {runs.wait_for_dag_run(DAG_ID, late, poll_interval=1).state}")

        # 3. Every run of the DAG, two per request: paginate asks for page after page as the loop goes.
        newest_first = list(paginate(runs.get_dag_runs, DAG_ID, order_by="-execution_date", page_size=2))
        print(f"paged: {len(newest_first)} runs of {DAG_ID}, newest {newest_first[0].dag_run_id}")
        assert set(ids) <= {run.dag_run_id for run in newest_first}

        # 4. Filters go with every page; islice stops early without asking for the rest.
        succeeded = paginate(runs.get_dag_runs, DAG_ID, state=["success"], order_by="-execution_date", page_size=2)
        print(f"first successes: {[run.dag_run_id for run in itertools.islice(succeeded, 3)]}")

        # 5. The batch endpoints take their filters in a form; paginate pages a copy of it.
        form = ListDagRunsForm(dag_ids=[DAG_ID], states=["success"], order_by="execution_date")
        print(f"batch-paged: {sum(1 for _ in paginate(runs.get_dag_runs_batch, form, page_size=4))} successful runs")
        tasks = ListTaskInstanceForm(dag_ids=[DAG_ID], dag_run_ids=ids)
        done = [
            f"{ti.task_id}={ti.state}" for ti in paginate(TaskInstanceApi(api_client).get_task_instances_batch, tasks)
        ]
        print(f"task instances of the three runs: {len(done)}, e.g. {sorted(done)[:3]}")


if __name__ == "__main__":
    main()
