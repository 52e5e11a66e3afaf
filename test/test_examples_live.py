"""The examples run against real servers with a scheduler, so they cannot rot unnoticed.

Each runs twice, unchanged: against Airflow 2.11.2 and against Airflow 3.3.2 (started for this module).

The scripts run as subprocesses and the notebook through nbclient (a real Jupyter kernel), each with
AIRFLOW_API_URL / AIRFLOW_USERNAME / AIRFLOW_PASSWORD in its environment as a user would set them;
the tests check what they printed and displayed.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

from airflow_server import ADMIN, AirflowServer

pytestmark = pytest.mark.live
ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DAG = "sdk_example"


@pytest.fixture(params=["airflow2", "airflow3"])
def example_env(request: pytest.FixtureRequest) -> dict[str, str]:
    """The environment a user would run the examples in, on a server whose scheduler runs the DAG runs."""
    return _env_for(request.getfixturevalue("scheduled" if request.param == "airflow2" else "scheduled3"))


@pytest.fixture
def demo_env(any_airflow: AirflowServer) -> dict[str, str]:
    """The demo's environment: a server without a scheduler, as ./scripts/demo starts.

    The demo deletes its run moments after clearing it; a scheduler working on that run meanwhile
    crashes on Airflow 2.11.2 (StaleDataError: its UPDATE finds the row gone).
    """
    return _env_for(any_airflow)


def _env_for(server: AirflowServer) -> dict[str, str]:
    """The server's URL and credentials as a user would set them, and the SDK importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update(
        AIRFLOW_API_URL=server.api_url,
        AIRFLOW_USERNAME=ADMIN[0],
        AIRFLOW_PASSWORD=ADMIN[1],
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    return env


def run_example(name: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_quickstart(example_env: dict[str, str]) -> None:
    out = run_example("quickstart.py", example_env).stdout
    assert re.search(rf"^run (?:manual|sdk)__\S+ of {DAG} finished: success$", out, re.MULTILINE), out
    counts = re.search(rf"^runs of {DAG} by state: (\{{.*\}})$", out, re.MULTILINE)
    assert counts and "'success': " in counts[1], out


def test_paging_and_waiting(example_env: dict[str, str]) -> None:
    done = run_example("paging_and_waiting.py", example_env)
    out = done.stdout
    assert len(re.findall(r"^waited: (?:manual|sdk)__\S+ -> success$", out, re.MULTILINE)) == 3, out
    assert re.search(r"^timed out: (?:manual|sdk)__\S+ still (queued|running) after \d+\.\d s$", out, re.MULTILINE), out
    assert "then finished: success" in out
    paged = re.search(rf"^paged: (\d+) runs of {DAG}, newest (?:manual|sdk)__\S+$", out, re.MULTILINE)
    assert paged and int(paged[1]) >= 4, out
    first = re.search(r"^first successes: \[(.*)\]$", out, re.MULTILINE)
    assert first and len(first[1].split(", ")) == 3, out
    batch = re.search(r"^batch-paged: (\d+) successful runs$", out, re.MULTILINE)
    assert batch and int(batch[1]) >= 4, out
    assert "task instances of the three runs: 9, e.g. ['extract=success'" in out
    # without tqdm in the environment, and logging not configured, progress=True writes each change of state
    # as a line on stderr; with it, a bar shows them
    assert re.search(rf"{DAG}/(?:manual|sdk)__", done.stderr) and "success" in done.stderr, done.stderr


def test_demo(demo_env: dict[str, str]) -> None:
    out = run_example("dag_run_lifecycle.py", demo_env).stdout
    assert re.search(rf"^triggered  {DAG}/demo__\d+T\d+: state=queued", out, re.MULTILINE), out
    assert "updated    state=failed, note='failed on purpose by the demo'" in out
    plan = re.search(r"^clear plan \[(.*)\]$", out, re.MULTILINE)
    assert plan and sorted(plan[1].split(", ")) == ["'extract'", "'load'", "'transform'"], out
    assert re.search(r"^deleted    \(the server now answers 404: .+\)$", out, re.MULTILINE), out


def test_notebook(example_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for name, value in example_env.items():
        monkeypatch.setenv(name, value)  # the kernel inherits this process's environment
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit it clean"
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]

    run_html = _html(code[1])
    assert "<caption>DAGRun</caption>" in run_html and "<th>state</th><td>success</td>" in run_html
    assert "source" in run_html  # conf
    page_html = _html(code[2])
    assert re.search(r"<caption>DAGRunCollection: 5 dag_runs of \d+</caption>", page_html), page_html
    assert page_html.count("<tr>") == 6 and "<th>dag_run_id</th>" in page_html and "<th>state</th>" in page_html

    assert re.search(r"^runs by state: \{.*'success': \d+.*\}$", _stdout(code[3]), re.MULTILINE)
    assert re.search(r"^(?:manual|sdk)__\S+ finished: success$", _stdout(code[4]), re.MULTILINE)
    # the tqdm bar: with ipywidgets a widget whose state the notebook keeps, else one output updated in place
    progress = "".join(o.get("text", "") for o in code[4].outputs if o.get("name") == "stderr")
    progress += "".join(o["data"].get("text/plain", "") for o in code[4].outputs if "data" in o)
    progress += str(notebook.metadata.get("widgets", ""))
    assert "IProgress not found" not in progress, code[4].outputs
    assert re.search(rf"{DAG}/(?:manual|sdk)__", progress) and "success" in progress, code[4].outputs


def _html(cell: dict[str, object]) -> str:
    outputs = cell["outputs"]
    assert isinstance(outputs, list)
    return "".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))


def _stdout(cell: dict[str, object]) -> str:
    outputs = cell["outputs"]
    assert isinstance(outputs, list)
    return "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
