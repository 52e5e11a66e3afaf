"""README's testing-kit example runs as written, and fails as a test should when the stubbed answers drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def example() -> str:
    section = README.read_text().split("## Testing your own code", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None
    return found[1]


def test_the_example_runs_and_uses_every_answer() -> None:
    namespace: dict[str, object] = {}
    exec(compile(example(), str(README), "exec"), namespace)
    assert namespace["stub"].pending == []  # type: ignore[attr-defined]


def test_the_example_fails_when_an_answer_is_left_or_wrong() -> None:
    from airflow_python_sdk.testing import StubError

    unused = example().replace('    assert DAGRunApi(client).get_dag_run("etl", "nightly").state == "failed"\n', "")
    with pytest.raises(AssertionError, match="get_dag_run"):
        exec(compile(unused, str(README), "exec"), {})
    misspelt = example().replace('dag_id="etl", state="failed"', 'dag_id="etl", stat="failed"')
    with pytest.raises(StubError, match="stat"):
        exec(compile(misspelt, str(README), "exec"), {})
