"""Wrong uses that ``mypy --strict`` must reject, checked by test/test_typing.py: each line whose
comment names an error code (and a piece of the message) must get exactly that error, and no other
line any. It is never run."""

from __future__ import annotations

import airflow_python_sdk
from airflow_python_sdk import paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import DAGRun, DagState, ListDagRunsForm, TaskInstance


def wrong(api: DAGRunApi, run: DAGRun) -> None:
    run_id: int = run.dag_run_id  # error: [assignment] has type "str", variable has type "int"
    total: str = api.get_dag_runs("my_dag").dag_runs  # error: [assignment] has type "list[DAGRun]"
    api.update_dag_run_state("my_dag", "r1", DAGRun(note="x"))  # error: [call-overload] "str", "str", "DAGRun"
    api.post_dag_run(dag_run=DAGRun())  # error: [call-overload] matches argument type "DAGRun"
    api.get_dag_runs("my_dag", limit="5")  # error: [call-overload] matches argument types "str", "str"
    api.get_dag_runz("my_dag")  # error: [attr-defined] has no attribute "get_dag_runz"
    api.get_dag_run("my_dag")  # error: [call-overload] matches argument type "str"
    api.post_dag_run("my_dag", {"dag_run_id": "x"})  # error: [call-overload] "str", "dict[str, str]"
    DAGRun(dag_run_id=42)  # error: [arg-type]
    DAGRun(run_idd="x")  # error: [call-arg]
    ListDagRunsForm(page_limit="10")  # error: [arg-type]
    state: DagState = "success"  # error: [assignment]
    for item in paginate(api.get_dag_runs, "my_dag"):
        ti: TaskInstance = item  # error: [assignment] has type "DAGRun"
    paginate(api.get_dag_run, "my_dag", "r1")  # error: [arg-type]
    paginate(api.get_dag_runs, "my_dag", page_size="7")  # error: [arg-type]
    api.wait_for_dag_run("my_dag", "r1", timeout="60")  # error: [arg-type]
    finished: str = api.trigger_dag_run_and_wait("my_dag")  # error: [assignment]
    print(airflow_python_sdk.WaitTimeoutError("late").dag_run.state)  # error: [union-attr]
    later: DAGRun = api.get_dag_run("my_dag", "r1", async_req=True)  # error: [assignment] "AsyncResult[DAGRun]"
    status: str = api.get_dag_run("my_dag", "r1", _return_http_data_only=False)[1]  # error: [assignment] "int"
    raw = api.get_dag_run("my_dag", "r1", _preload_content=False).dag_run_id  # error: [attr-defined] "BaseHTTPResponse"
    print(run_id, total, state, ti, finished, later, status, raw)
