"""DataFrames and pictures of answers, without a server: dtypes, flattening, values that could not be read, the
missing extra; the SVG's bars, colours and axis against the answers drawn."""

from __future__ import annotations

import re
import sys

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk.frames import UnreadableValuesWarning
from airflow_python_sdk.models import DAGRunCollection, TaskInstanceCollection
from airflow_python_sdk.pictures import STATE_COLORS

pd = pytest.importorskip("pandas", reason="pandas is in test-requirements.txt")

RUNS = {
    "dag_runs": [
        {"dag_id": "etl", "dag_run_id": "r1", "state": "success", "run_type": "scheduled",
         "start_date": "2026-12-01T00:00:00Z", "end_date": "2026-12-01T00:10:00+00:00", "conf": {"a": 1},
         "dag_versions": [{"id": "0b6c2b46-6c1b-4d3c-8d5e-3f5c1c1f8a01", "version_number": 1, "dag_id": "etl",
                           "bundle_name": "dags", "created_at": "2026-11-30T00:00:00Z"}]},
        {"dag_id": "etl", "dag_run_id": "r2", "state": "failed", "run_type": "manual",
         "start_date": "2026-12-02T00:00:00Z", "end_date": "2026-12-02T00:30:00Z"},
        {"dag_id": "etl", "dag_run_id": "r3", "state": "a_newer_state", "run_type": "manual",
         "start_date": "2026-12-03T00:00:00Z", "end_date": None},
    ],
    "total_entries": 3,
}  # fmt: skip
TIS = {
    "task_instances": [
        {"dag_id": "etl", "dag_run_id": "r2", "task_id": "extract", "map_index": -1, "try_number": 1,
         "state": "success", "start_date": "2026-12-02T00:00:10Z", "end_date": "2026-12-02T00:05:00Z",
         "queued_when": "2026-12-02T00:00:05Z"},
        {"dag_id": "etl", "dag_run_id": "r2", "task_id": "load", "map_index": 0, "try_number": 2,
         "state": "failed", "start_date": "2026-12-02T00:05:00Z", "end_date": "2026-12-02T00:30:00Z"},
        {"dag_id": "etl", "dag_run_id": "r2", "task_id": "load", "map_index": 1, "try_number": 1,
         "state": "upstream_failed", "start_date": None, "end_date": None},
    ],
    "total_entries": 3,
}  # fmt: skip


def test_a_page_of_runs_as_a_dataframe() -> None:
    frame = DAGRunCollection.from_json(RUNS).to_pandas()
    assert len(frame) == 3 and list(frame["dag_run_id"]) == ["r1", "r2", "r3"]
    assert str(frame["start_date"].dtype) == "datetime64[us, UTC]" and pd.isna(frame["end_date"][2])
    assert frame["end_date"][0] == pd.Timestamp("2026-12-01T00:10:00Z")  # "+00:00" and "Z" alike
    assert str(frame["dag_run_id"].dtype) == "string"
    assert frame["state"].dtype == "category" and "a_newer_state" in frame["state"].cat.categories
    assert frame["dag_versions"][0][0].version_number == 1  # a list stays one, of models
    assert frame["conf"][0] == {"a": 1}


def test_a_walk_and_a_page_give_the_same_frame() -> None:
    page = DAGRunCollection.from_json(RUNS)
    pd.testing.assert_frame_equal(sdk.to_pandas(iter(page.dag_runs)), page.to_pandas())


def test_an_unreadable_value_is_kept_and_named_in_a_warning() -> None:
    odd = {**RUNS, "dag_runs": [{**RUNS["dag_runs"][0], "start_date": "yesterday-ish"}, RUNS["dag_runs"][1]]}
    with pytest.warns(UnreadableValuesWarning, match="start_date"):
        frame = DAGRunCollection.from_json(odd).to_pandas()
    assert frame["start_date"][0] == "yesterday-ish" and frame["start_date"].dtype == object


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pandas extra: pip install '\.\[pandas\]'"):
        DAGRunCollection.from_json(RUNS).to_pandas()


def _rects(svg: str, kind: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', m)) for m in re.findall(rf'<rect class="{kind}"([^>]*)>', svg)]


def test_the_gantt_chart_has_a_bar_per_try_in_airflows_colours() -> None:
    page = TaskInstanceCollection.from_json(TIS)
    svg = page.to_svg()
    bars = _rects(svg, "try")
    drawn = {(b["data-task-id"], b["data-map-index"], b["data-state"], b["fill"]) for b in bars}
    assert drawn >= {
        ("extract", "-1", "success", STATE_COLORS["success"]),
        ("load", "0", "failed", STATE_COLORS["failed"]),
    }
    assert STATE_COLORS["failed"] == "#ff0000" and STATE_COLORS["success"] == "#008000"  # Airflow's red, green
    head = dict(re.findall(r'([\w-]+)="([^"]*)"', svg.split(">", 1)[0]))
    assert head["data-start"].startswith("2026-12-02T00:00:05") and head["data-end"].startswith("2026-12-02T00:30:00")
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert svg in page._repr_html_()  # the notebook shows it above the table


def test_the_grid_has_a_bar_per_run_its_height_the_duration() -> None:
    finished = {"dag_runs": RUNS["dag_runs"][:2], "total_entries": 2}  # a running run lasts until now
    bars = _rects(DAGRunCollection.from_json(finished).to_svg(), "run")
    by_run = {b["data-run-id"]: b for b in bars}
    assert set(by_run) == {"r1", "r2"}
    assert float(by_run["r2"]["data-duration"]) == 1800 and float(by_run["r1"]["data-duration"]) == 600
    assert float(by_run["r2"]["height"]) == pytest.approx(3 * float(by_run["r1"]["height"]), rel=0.02)
    assert by_run["r2"]["fill"] == STATE_COLORS["failed"]


def test_a_model_without_a_picture_says_which_have_one() -> None:
    with pytest.raises(TypeError, match="task instances"):
        sdk.models.Pool(name="p").to_svg()
