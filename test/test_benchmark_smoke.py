"""The benchmark runs: ``benchmarks/run.py --quick`` exits 0 and prints its tables, both servers' shapes and the
paging walk included (timings are not judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_quick_benchmark_runs_and_prints_the_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--quick",
            "--no-plot",
            "--output-dir",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    for heading in ("### get_dag_runs", "### get_dag_run:", "### Walking", "### Memory retained", "### Cold import",
                    "### Paging", "#### Airflow 3.3.2 (/api/v2)", "#### Airflow 2.11 (/api/v1)"):  # fmt: skip
        assert heading in out, heading
    assert "| airflow_python_sdk | Airflow 3.3.2 (/api/v2) |" in out and "| raw urllib3 + json |" in out
    assert "paginate(..., prefetch=4)" in out  # the walk asking pages ahead ran
    assert "| converted / raw |" in out  # the plain-Python floor of converting, beside the SDK
    assert "### Goals" in out
    written = tmp_path / "out" / "BENCHMARKS.md"
    assert written.exists() and "python benchmarks/run.py --quick" in written.read_text()


def test_readme_performance_figures_are_those_of_the_committed_run() -> None:
    """README's performance block is rendered from ``benchmarks/results.json``, the run BENCHMARKS.md reports."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    saved = json.loads((REPO / "benchmarks" / "results.json").read_text())
    block = run.readme_block(saved["results"], saved["settings"])
    readme = (REPO / "README.md").read_text()
    assert run.with_readme_block(readme, block) == readme, "README is stale: run python benchmarks/run.py"
    assert "| a page of 10,000 Airflow 3 runs (`get_dag_runs`) |" in block and " -" not in block.split("\n")[2]
    for goal, shown, _ in run.goals(saved["results"], saved["settings"]):
        assert shown in (REPO / "BENCHMARKS.md").read_text(), goal
