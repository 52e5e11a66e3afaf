"""The committed docs are what the declarations render, and their examples are valid Python."""

from __future__ import annotations

import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from airflow_python_sdk import apis, models  # noqa: E402

from render_docs import render_all  # noqa: E402

RENDERED = render_all()


@pytest.mark.parametrize("path", sorted(RENDERED), ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_docs_match_the_declarations(path: pathlib.Path) -> None:
    assert path.exists() and path.read_text() == RENDERED[path], "stale: run python tools/render_docs.py"


def test_every_api_class_and_model_has_a_page() -> None:
    pages = {p.stem for p in RENDERED if p.parent.name == "docs"}
    assert pages == set(apis.__all__) | set(models.__all__)
    assert {"DAGRunApi", "DAGRun", "DagState"} <= pages


@pytest.mark.parametrize("path", sorted(p for p in RENDERED if p.parent.name == "docs" and p.stem.endswith("Api")))
def test_examples_in_the_docs_compile(path: pathlib.Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", RENDERED[path], re.DOTALL)
    assert blocks
    for block in blocks:
        compile(block, str(path), "exec")
