"""Wrong uses that ``mypy --strict`` and pyright (strict) must reject, checked by test/test_typing.py: each
code line after ``# mypy says:`` and ``# pyright says:`` comments must get, from that checker, exactly that error
(its code in brackets, and the text, which must be in its message) and no other line any error. The
texts are what each checker says of a plain typed method: the method and the argument by name, no
overload list. Pyright's strict mode may add, on a flagged line only, what follows from the error (the
unknown type of a missing attribute: ``reportUnknown...``). It is never run."""

from __future__ import annotations

import airflow_python_sdk
from airflow_python_sdk import paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import DAGRun, DagState, ListDagRunsForm, TaskInstance
from airflow_python_sdk.operation import raw_response, submit, with_http_info


def wrong_calls(api: DAGRunApi) -> None:
    # mypy says: [call-arg] Unexpected keyword argument "stat" for "get_dag_runs" of "DAGRunApi"; did you mean "state"?
    # pyright says: [reportCallIssue] No parameter named "stat"
    api.get_dag_runs("my_dag", stat=["failed"])
    # mypy says: [arg-type] Argument 2 to "get_dag_run" of "DAGRunApi" has incompatible type "float"; expected "str | int"  # noqa: E501
    # pyright says: [reportArgumentType] parameter "dag_run_id" of type "str | int" in function "get_dag_run"
    api.get_dag_run("my_dag", 5.5)
    # mypy says: [call-arg] Missing positional argument "dag_run_id" in call to "get_dag_run" of "DAGRunApi"
    # pyright says: [reportCallIssue] Argument missing for parameter "dag_run_id"
    api.get_dag_run("my_dag")
    # mypy says: [arg-type] Argument "limit" to "get_dag_runs" of "DAGRunApi" has incompatible type "str"
    # pyright says: [reportArgumentType] parameter "limit" of type "int | None" in function "get_dag_runs"
    api.get_dag_runs("my_dag", limit="5")
    # mypy says: [arg-type] Argument 3 to "update_dag_run_state" of "DAGRunApi" has incompatible type "DAGRun"
    # pyright says: [reportArgumentType] parameter "update_dag_run_state" of type "UpdateDagRunState" in function
    api.update_dag_run_state("my_dag", "r1", DAGRun(note="x"))
    # mypy says: [call-arg] Missing positional argument "dag_id" in call to "post_dag_run" of "DAGRunApi"
    # pyright says: [reportCallIssue] Argument missing for parameter "dag_id"
    api.post_dag_run(dag_run=DAGRun())
    # mypy says: [arg-type] Argument 2 to "post_dag_run" of "DAGRunApi" has incompatible type "dict[str, str]"
    # pyright says: [reportArgumentType] parameter "dag_run" of type "DAGRun" in function "post_dag_run"
    api.post_dag_run("my_dag", {"dag_run_id": "x"})
    # mypy says: [attr-defined] "DAGRunApi" has no attribute "get_dag_runz"
    # pyright says: [reportAttributeAccessIssue] Cannot access attribute "get_dag_runz" for class "DAGRunApi"
    api.get_dag_runz("my_dag")
    # mypy says: [arg-type] Argument "timeout" to "wait_for_dag_run" of "DAGRunApi" has incompatible type "str"
    # pyright says: [reportArgumentType] parameter "timeout" of type "float" in function "wait_for_dag_run"
    api.wait_for_dag_run("my_dag", "r1", timeout="60")
    # mypy says: [arg-type] Argument "async_req" to "get_dag_run" of "DAGRunApi" has incompatible type "Literal[True]"
    # pyright says: [reportArgumentType] parameter "async_req" of type "Literal[False]" in function "get_dag_run"
    api.get_dag_run("my_dag", "r1", async_req=True)


def wrong_models(run: DAGRun) -> None:
    # mypy says: [assignment] (expression has type "str", variable has type "int")
    # pyright says: [reportAssignmentType] Type "str" is not assignable to declared type "int"
    run_id: int = run.dag_run_id
    # mypy says: [arg-type] Argument "dag_run_id" to "DAGRun" has incompatible type "int"
    # pyright says: [reportArgumentType] parameter "dag_run_id" of type "str" in function "__init__"
    DAGRun(dag_run_id=42)
    # mypy says: [call-arg] Unexpected keyword argument "run_idd" for "DAGRun"
    # pyright says: [reportCallIssue] No parameter named "run_idd"
    DAGRun(run_idd="x")
    # mypy says: [arg-type] Argument "page_limit" to "ListDagRunsForm" has incompatible type "str"
    # pyright says: [reportArgumentType] parameter "page_limit" of type "int | None" in function "__init__"
    ListDagRunsForm(page_limit="10")
    # mypy says: [assignment] (expression has type "str", variable has type "DagState")
    # pyright says: [reportAssignmentType] Type "Literal['success']" is not assignable to declared type "DagState"
    state: DagState = "success"
    # mypy says: [union-attr] Item "None" of "DAGRun | None" has no attribute "state"
    # pyright says: [reportOptionalMemberAccess] "state" is not a known attribute of "None"
    print(airflow_python_sdk.WaitTimeoutError("late").dag_run.state)
    print(run_id, state)


def wrong_results(api: DAGRunApi) -> None:
    # mypy says: [assignment] (expression has type "list[DAGRun]", variable has type "str")
    # pyright says: [reportAssignmentType] Type "list[DAGRun]" is not assignable to declared type "str"
    total: str = api.get_dag_runs("my_dag").dag_runs
    # mypy says: [assignment] (expression has type "DAGRun", variable has type "str")
    # pyright says: [reportAssignmentType] Type "DAGRun" is not assignable to declared type "str"
    finished: str = api.trigger_dag_run_and_wait("my_dag")
    for item in paginate(api.get_dag_runs, "my_dag"):
        # mypy says: [assignment] (expression has type "DAGRun", variable has type "TaskInstance")
        # pyright says: [reportAssignmentType] Type "DAGRun" is not assignable to declared type "TaskInstance"
        ti: TaskInstance = item
        print(ti)
    # mypy says: [arg-type] Argument 1 to "paginate" has incompatible type
    # pyright says: [reportArgumentType] parameter "list_method" of type
    paginate(api.get_dag_run, "my_dag", "r1")
    # mypy says: [arg-type] Argument "page_size" to "paginate" has incompatible type "str"; expected "int"
    # pyright says: [reportArgumentType] parameter "page_size" of type "int" in function "paginate"
    paginate(api.get_dag_runs, "my_dag", page_size="7")
    # mypy says: [assignment] (expression has type "ApplyResult[DAGRun]", variable has type "DAGRun")
    # pyright says: [reportAssignmentType] Type "ApplyResult[DAGRun]" is not assignable to declared type "DAGRun"
    later: DAGRun = submit(api.get_dag_run, "my_dag", "r1")
    # mypy says: [arg-type] Argument 3 to "submit" has incompatible type "float"; expected "str | int"
    # pyright says: [reportArgumentType] parameter "dag_run_id" of type "str | int"
    submit(api.get_dag_run, "my_dag", 5.5)
    # mypy says: [assignment] (expression has type "int", variable has type "str")
    # pyright says: [reportAssignmentType] Type "int" is not assignable to declared type "str"
    status: str = with_http_info(api.get_dag_run, "my_dag", "r1")[1]
    # mypy says: [attr-defined] "BaseHTTPResponse" has no attribute "dag_run_id"
    # pyright says: [reportAttributeAccessIssue] Cannot access attribute "dag_run_id" for class "BaseHTTPResponse"
    print(raw_response(api.get_dag_run, "my_dag", "r1").dag_run_id)
    print(total, finished, later, status)
