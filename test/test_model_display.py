"""How models show: ``repr()`` readable for every model, ``_repr_html_`` a small table in notebooks."""

from __future__ import annotations

import datetime as dt
import html
import re
import types
import typing
from typing import Any

import pytest

from airflow_python_sdk import models
from airflow_python_sdk.model_utils import MAX_HTML_ROWS, Model, OpenEnum, StringModel
from airflow_python_sdk.models import DAGRun, DAGRunCollection, Pool

MODELS = [getattr(models, name) for name in models.__all__ if issubclass(getattr(models, name), Model)]


def _strip_none(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0]
    return tp


def sample(model: type[Model], depth: int = 0) -> dict[str, Any]:
    """JSON as a server would send it, with a value in every field."""
    return {f.key: _value(f.type, f.name, depth) for f in model._fields.values()}


def _value(tp: Any, name: str, depth: int) -> Any:
    tp = _strip_none(tp)
    if typing.get_origin(tp) is list:
        return [_value(typing.get_args(tp)[0], name, depth)] * 2
    if tp is dt.datetime:
        return "2024-05-01T06:00:00+00:00"
    if tp is dt.date:
        return "2024-05-01"
    if tp is bool:
        return True
    if tp in (int, float):
        return 3
    if isinstance(tp, type) and issubclass(tp, OpenEnum):
        return next(iter(tp)).value
    if isinstance(tp, type) and issubclass(tp, Model):
        return sample(tp, depth + 1) if depth < 2 else {}
    if typing.get_origin(tp) is dict or tp is dict:
        return {"key": "value"}
    if tp is str or (isinstance(tp, type) and issubclass(tp, StringModel)):
        return f"{name}-<v>"
    return "any"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_repr_is_readable_for_every_model(model: type[Model]) -> None:
    assert repr(model()) == f"{model.__name__}()"
    shown = repr(model._from_server(sample(model)))
    assert shown.startswith(f"{model.__name__}(") and shown.endswith(")")
    for field in model._fields.values():
        assert f"{field.name}=" in shown


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_shows_as_an_html_table(model: type[Model]) -> None:
    table = model._from_server(sample(model))._repr_html_()
    assert re.match(r"(<div><svg .*</svg></div>)?<table><caption>", table, re.S) and "</table>" in table  # picture?
    assert "<v>" not in table  # every text is escaped
    if "total_entries" not in model._fields:  # one model: every field a row
        assert table.count("<tr>") == len(model._fields)
    assert model()._repr_html_().startswith(f"<table><caption>{model.__name__}")


def test_a_collection_shows_its_items_one_per_row_with_their_scalar_fields() -> None:
    runs = [{"dag_id": "d", "dag_run_id": f"r{i}", "state": "success", "conf": {"big": "x" * 500}} for i in range(3)]
    runs[1]["state"] = "restarting"  # a state from a newer Airflow shows as sent
    runs[2]["start_date"] = "2024-05-01T06:00:00Z"
    table = DAGRunCollection._from_server({"dag_runs": runs, "total_entries": 40})._repr_html_()
    assert "<caption>DAGRunCollection: 3 dag_runs of 40</caption>" in table
    header = re.findall(r"<th>(\w+)</th>", table)
    assert header == ["dag_run_id", "dag_id", "start_date", "state"]  # declared order; no conf (a dict)
    assert table.count("<tr>") == 4
    assert "<td>restarting</td>" in table and "<td>2024-05-01 06:00:00+00:00</td>" in table


def test_long_pages_are_cut_and_odd_values_do_not_break_the_display() -> None:
    runs = [{"dag_run_id": f"r{i}", "logical_date": "not a date"} for i in range(MAX_HTML_ROWS + 7)]
    table = DAGRunCollection._from_server({"dag_runs": runs})._repr_html_()
    assert table.count("<tr>") == MAX_HTML_ROWS + 1 and table.endswith("<p>... and 7 more</p>")
    assert "<td>&lt;unreadable &#x27;not a date&#x27;&gt;</td>" in table  # shown as sent, marked; reading raises


def test_a_single_model_shows_its_fields_one_per_row_escaped() -> None:
    run = DAGRun(dag_run_id="<script>alert(1)</script>", conf={"a": 1}, note="x" * 500)
    table = run._repr_html_()
    assert "<script>" not in table and html.escape("<script>alert(1)</script>") in table
    assert re.findall(r"<th>(\w+)</th>", table) == ["dag_run_id", "conf", "note"]
    assert "x" * 119 + "\u2026" in table and "x" * 121 not in table
    assert Pool(name="p", slots=3)._repr_html_() == (
        "<table><caption>Pool</caption><tr><th>name</th><td>p</td></tr><tr><th>slots</th><td>3</td></tr></table>"
    )
