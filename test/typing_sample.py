"""Typical user code, checked by test/test_typing.py with ``mypy --strict`` and pyright (strict): it must
type-check cleanly and the types it asserts must be the ones both infer. It is never run."""

from __future__ import annotations

import datetime as dt
import itertools

from typing_extensions import assert_type

import airflow_python_sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.models import (
    DAG,
    DAGRun,
    DAGRunCollection,
    DagState,
    Dataset,
    ListDagRunsForm,
    ListTaskInstanceForm,
    TaskInstance,
    UpdateDagRunState,
)
from airflow_python_sdk.operation import raw_response, submit, with_http_info


def configure() -> Configuration:
    configuration = Configuration(host="http://127.0.0.1:8080/api/v1", username="admin", password="admin")
    configuration.retries = 5
    configuration.timeout = (5.0, 30.0)
    return configuration


def list_and_read(api: DAGRunApi, dags: DAGApi) -> None:
    page = api.get_dag_runs("my_dag", limit=100, offset=0, state=["failed"], order_by="-start_date")
    assert_type(page, DAGRunCollection)
    counted: int | None = page.total_entries  # Airflow 3 may send null when it stops counting
    total: int = dags.get_dags(limit=10).total_entries
    for run in page.dag_runs:
        assert_type(run, DAGRun)
        run_id: str = run.dag_run_id
        state: DagState = run.state
        started: dt.datetime | None = run.start_date
        print(run_id.startswith("manual"), started, total, counted, state is DagState.FAILED, run.conf)
    one = api.get_dag_run("my_dag", "nightly-42", _request_timeout=5)
    assert_type(one, DAGRun)
    api.update_dag_run_state("my_dag", "nightly-42", UpdateDagRunState(state=DagState.SUCCESS))


def paging(client: ApiClient) -> None:
    runs = DAGRunApi(client)
    for run in paginate(runs.get_dag_runs, "my_dag", state=["success"], page_size=500):
        assert_type(run, DAGRun)
    for batched in paginate(runs.get_dag_runs_batch, ListDagRunsForm(dag_ids=["a", "b"]), page_size=50):
        assert_type(batched, DAGRun)
    first_ten = list(itertools.islice(paginate(runs.get_dag_runs, "~"), 10))
    assert_type(first_ten, list[DAGRun])
    for ti in paginate(TaskInstanceApi(client).get_task_instances_batch, ListTaskInstanceForm(dag_ids=["a"])):
        assert_type(ti, TaskInstance)
    for dag in paginate(DAGApi(client).get_dags, only_active=True):
        assert_type(dag, DAG)
    for dataset in paginate(DatasetApi(client).get_datasets, uri_pattern="s3://"):
        assert_type(dataset, Dataset)


def waiting(api: DAGRunApi) -> str:
    try:
        run = api.trigger_dag_run_and_wait("my_dag", DAGRun(conf={"day": "2024-05-01"}), timeout=600, progress=True)
    except airflow_python_sdk.WaitTimeoutError as error:
        assert_type(error.dag_run, DAGRun | None)
        assert_type(error.state, DagState | None)
        return f"still {error.state} after {error.elapsed} s"
    assert_type(run, DAGRun)
    again = api.wait_for_dag_run("my_dag", run.dag_run_id, timeout=60.0, poll_interval=2)
    return str(again.state)


def models() -> None:
    run = DAGRun(dag_run_id="nightly-42", logical_date=dt.datetime(2024, 5, 1), conf={"day": 1}, note=None)
    print(run.to_dict()["conf"])
    form = ListDagRunsForm(dag_ids=["my_dag"], page_limit=10)
    form.page_offset = 20
    print(repr(run), run["dag_run_id"], form.to_json(indent=2))


def call_options(api: DAGRunApi) -> None:
    later = submit(api.get_dag_run, "my_dag", "nightly-42", _request_timeout=5)
    assert_type(later.get(timeout=30), DAGRun)
    run, status, headers = with_http_info(api.get_dag_run, "my_dag", "nightly-42")
    assert_type(run, DAGRun)
    assert_type(status, int)
    print(headers.get("Content-Type"), raw_response(api.get_dag_run, "my_dag", "nightly-42").status)
    assert_type(api.get_dag_runs("my_dag", async_req=False, _return_http_data_only=True), DAGRunCollection)


def errors(api: DAGRunApi) -> None:
    try:
        api.delete_dag_run("my_dag", "nightly-42")
    except airflow_python_sdk.NotFoundException as error:
        status: int | None = error.status
        print(status, error.detail)
    except airflow_python_sdk.ApiException as error:
        print(error.title, error.body)
    except (airflow_python_sdk.ApiConnectionError, TimeoutError) as error:
        print(type(error).__name__)
