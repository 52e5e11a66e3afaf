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
    assert "### Goals" in out
    written = tmp_path / "out" / "BENCHMARKS.md"
    assert written.exists() and "python benchmarks/run.py --quick" in written.read_text()
