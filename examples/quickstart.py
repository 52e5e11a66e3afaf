"""Quickstart: trigger a DAG run, wait for it, and page through the DAG's runs.

Reads the server and credentials from the environment (Configuration.from_env):
AIRFLOW_API_URL (e.g. http://127.0.0.1:8080/api/v1), AIRFLOW_USERNAME, AIRFLOW_PASSWORD;
AIRFLOW_DAG_ID names the DAG to run (default sdk_example, the DAG of this repo's tests).
"""

import collections
import os

import airflow_python_sdk
from airflow_python_sdk import paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import DAGRun

DAG_ID = os.environ.get("AIRFLOW_DAG_ID", "sdk_example")

configuration = airflow_python_sdk.Configuration.from_env()
with airflow_python_sdk.ApiClient(configuration) as api_client:
    api = DAGRunApi(api_client)
    try:
        run = api.trigger_dag_run_and_wait(DAG_ID, DAGRun(conf={"source": "quickstart"}), timeout=600)
        print(f"run {run.dag_run_id} of {DAG_ID} finished: {run.state}")
    except airflow_python_sdk.WaitTimeoutError as error:
        print(f"gave up waiting: the run is still {error.state}")

    # every run of the DAG, 50 a request, never more than one page in memory
    by_state = collections.Counter(str(past.state) for past in paginate(api.get_dag_runs, DAG_ID, page_size=50))
    print(f"runs of {DAG_ID} by state: {dict(sorted(by_state.items()))}")
