"""The seed document's four examples, run as written against a real Airflow 2.11.2 and a real 3.3.2.

Only the host, the credentials and the two names the examples use without importing
(``dateutil_parser``, ``TaskState``) are filled in. The examples use DAG "1" and run "1".
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

import dateutil.parser
import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.models import DAGRun

from airflow_server import AirflowServer

pytestmark = pytest.mark.live
SEED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "reference" / "seed-DAGRunApi.md"


def seed_examples() -> dict[str, str]:
    """Each method's example code from the seed document, by method name."""
    text = SEED.read_text()
    sections = re.split(r"^# \*\*(\w+)\*\*$", text, flags=re.MULTILINE)[1:]
    return {
        name: re.search(r"```python\n(.*?)```", body, re.DOTALL)[1]
        for name, body in zip(sections[::2], sections[1::2], strict=True)
    }


def run_example(code: str, airflow: AirflowServer) -> str:
    """Run one example with the live host and credentials filled in; return what it printed."""
    code = code.replace('host = "http://localhost/api/v1"', f'host = "{airflow.api_url}"')
    code = code.replace("username = 'YOUR_USERNAME',", f'host = "{airflow.api_url}",\n    username = "admin",')
    code = code.replace("password = 'YOUR_PASSWORD'", 'password = "admin"')
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(
            compile(code, "<seed example>", "exec"), {"dateutil_parser": dateutil.parser.parse, "TaskState": TaskState}
        )
    return printed.getvalue()


def test_the_seed_has_four_examples() -> None:
    assert sorted(seed_examples()) == ["delete_dag_run", "get_dag_run", "get_dag_runs", "update_dag_run"]


def test_seed_examples_get_list_update_delete(any_airflow: AirflowServer, any_dag_runs: DAGRunApi) -> None:
    """On Airflow 2.11.2 and on 3.3.2: the same example code, only the host differs."""
    examples = seed_examples()
    with contextlib.suppress(sdk.NotFoundException):
        any_dag_runs.delete_dag_run("1", "1")
    any_dag_runs.post_dag_run("1", DAGRun(dag_run_id="1"))

    printed = run_example(examples["get_dag_run"], any_airflow)
    assert "Exception" not in printed and "dag_run_id='1'" in printed

    printed = run_example(examples["get_dag_runs"], any_airflow)
    assert "Exception" not in printed and printed.count("DAGRunCollection(") == 2 and "dag_run_id='1'" in printed

    # The second half of the update example passes the placeholder mask ["update_mask_example"]:
    # the first call updates the state; the second is refused before anything is sent.
    with pytest.raises(sdk.ApiValueError, match="'update_mask_example', which cannot be modified"):
        run_example(examples["update_dag_run"], any_airflow)
    assert any_dag_runs.get_dag_run("1", "1").state is DagState.SUCCESS

    printed = run_example(examples["delete_dag_run"], any_airflow)
    assert "Exception" not in printed
    with pytest.raises(sdk.NotFoundException):
        any_dag_runs.get_dag_run("1", "1")
