"""The pictures' notebook (examples/notebook_pictures.ipynb) run by nbclient against real servers with a scheduler.

On Airflow 2.11.2 and 3.3.2, the notebook triggers ``sdk_notebook_run`` (parallel, sequential, mapped, failed and
retried tasks: test/dags/sdk_notebook_dags.py), builds DataFrames and displays the Gantt chart and the grid. The
test then asks the API itself and checks the SVG against its answers (a bar per try, in order, each state's
colour, the axis the run's span) and the DataFrames' dtypes and row counts; exports the notebook to HTML, opens it
in headless Chromium, and checks each picture's size and the colour of the pixels where the SVG puts its bars.

``SDK_UPDATE_IMAGES=1`` also writes the screenshots of the pictures to docs/images/ (the README shows them).
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from airflow_python_sdk import ApiClient, Configuration, paginate, to_pandas
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi

from airflow_server import ADMIN, AirflowServer

pytestmark = pytest.mark.live
ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "notebook_pictures.ipynb"
IMAGES = ROOT / "docs" / "images"
DAG = "sdk_notebook_run"
SVG = "{http://www.w3.org/2000/svg}"
AIRFLOW_COLORS = {  # airflow/settings.py STATE_COLORS, as hex: written out here, not taken from the SDK
    "success": (0, 128, 0), "failed": (255, 0, 0), "upstream_failed": (255, 165, 0), "up_for_retry": (255, 215, 0),
    "skipped": (255, 105, 180), "running": (0, 255, 0), "queued": (128, 128, 128),
}  # fmt: skip
BACKGROUND = (0xFB, 0xFB, 0xFD)


@pytest.fixture(params=["airflow2", "airflow3"])
def live(request: pytest.FixtureRequest) -> AirflowServer:
    return request.getfixturevalue("scheduled" if request.param == "airflow2" else "scheduled3")  # type: ignore[no-any-return]


def test_notebook_draws_the_run_and_frames_the_answers(
    live: AirflowServer, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pd = pytest.importorskip("pandas")
    monkeypatch.setenv("AIRFLOW_API_URL", live.api_url)
    monkeypatch.setenv("AIRFLOW_USERNAME", ADMIN[0])
    monkeypatch.setenv("AIRFLOW_PASSWORD", ADMIN[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit it clean"
    nbclient.NotebookClient(
        notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    finished = re.search(r"^(\S+) finished: failed$", _out(code[0], "text"), re.MULTILINE)
    assert finished, _out(code[0], "text")  # boom fails on purpose
    run_id = finished[1]

    with ApiClient(Configuration(host=live.api_url, username=ADMIN[0], password=ADMIN[1])) as client:
        runs_api, tis_api = DAGRunApi(client), TaskInstanceApi(client)
        run = runs_api.get_dag_run(DAG, run_id)
        everything = list(paginate(runs_api.get_dag_runs, "~"))
        page = tis_api.get_task_instances(DAG, run_id)
        tries: list[Any] = []
        for ti in page.task_instances:
            if ti.try_number > 1:
                history = tis_api.get_task_instance_tries(DAG, run_id, ti.task_id).task_instances_history
                tries += sorted((t for t in history if t.try_number < ti.try_number), key=lambda t: t.try_number)
            tries.append(ti)
        runs_page = runs_api.get_dag_runs(DAG, limit=25)

    # DataFrames: the walk's rows and the page's, typed, against the API's answers
    assert f"runs: {len(everything)}" in _out(code[1], "text")
    assert re.search(rf"^{DAG}\s+failed\s+\d+$", _out(code[1], "text/plain"), re.MULTILINE), _out(code[1], "text/plain")
    frame = page.to_pandas()
    walked = to_pandas(everything)
    assert len(frame) == page.total_entries == len(page.task_instances) == 12 and len(walked) == len(everything)
    assert (
        str(frame["start_date"].dtype) == "datetime64[us, UTC]"
        and str(walked["end_date"].dtype) == "datetime64[us, UTC]"
    )
    assert frame["state"].dtype == "category" and walked["state"].dtype == "category"
    assert {"success", "failed", "upstream_failed", "up_for_retry"} <= set(frame["state"].cat.categories)
    assert str(frame["task_id"].dtype) == "string" and str(walked["dag_run_id"].dtype) == "string"
    assert str(frame["map_index"].dtype) == "Int64" and str(frame["duration"].dtype) == "float64"
    assert frame["state"].astype(str).tolist() == [str(ti.state.value) for ti in page.task_instances]
    assert frame["start_date"].tolist() == [pd.Timestamp(ti.start_date) for ti in page.task_instances]
    shown = _out(code[2], "text/plain")
    assert all(ti.task_id in shown for ti in page.task_instances) and "upstream_failed" in shown

    # The Gantt chart of run_tasks: a bar per try, rows in the order they first started, the run's span
    gantt = _svg(_out(code[4], "text/html"), "airflow-gantt")
    assert (gantt.get("data-start"), gantt.get("data-end")) == (_iso(run.start_date), _iso(run.end_date))
    bars = [r for r in gantt.iter(f"{SVG}rect") if r.get("class") == "try"]
    drawn = [t for t in tries if t.start_date is not None]
    key = lambda r: (r.get("data-task-id"), int(r.get("data-map-index") or 0), int(r.get("data-try") or 0))  # noqa: E731
    assert sorted(map(key, bars)) == sorted((t.task_id, t.map_index, t.try_number) for t in drawn)
    assert len(bars) == len(drawn) >= 13 and [key(b)[0] for b in bars].count("flaky") == 2
    by_key = {(t.task_id, t.map_index, t.try_number): t for t in drawn}
    first: dict[str, dt.datetime] = {}
    for t in drawn:
        first[t.task_id] = min(first.get(t.task_id, t.queued_when or t.start_date), t.queued_when or t.start_date)
    rows = [b.get("y") for b in bars]
    assert [int(y or 0) for y in rows] == sorted(int(y or 0) for y in rows)  # document order is row order
    tasks_in_order = list(dict.fromkeys(key(b)[0] for b in bars))
    assert [first[t] for t in tasks_in_order] == sorted(first[t] for t in tasks_in_order)
    for bar in bars:
        t = by_key[key(bar)]
        assert bar.get("data-state") == str(t.state.value) and bar.get("data-start") == _iso(t.start_date)
        assert _rgb(bar.get("fill")) == AIRFLOW_COLORS[str(t.state.value)], (key(bar), bar.get("fill"))
    assert {b.get("data-state") for b in bars} >= {"success", "failed", "upstream_failed"}
    assert [g.get("data-task-id") for g in gantt.iter(f"{SVG}rect") if g.get("class") == "group"] == ["square"]
    starts = sorted(bars, key=lambda b: b.get("data-start") or "")
    assert [int(b.get("x") or 0) for b in starts] == sorted(int(b.get("x") or 0) for b in starts)

    # The page's own Gantt chart: a bar per task instance (its latest try), the axis from the first to the last
    page_gantt = _svg(_out(code[3], "text/html"), "airflow-gantt")
    assert len([r for r in page_gantt.iter(f"{SVG}rect") if r.get("class") == "try"]) == 12
    ends = [t.end_date for t in page.task_instances if t.end_date]
    assert page_gantt.get("data-end") == _iso(max(ends))

    # The grid: a bar per run of the page, its height its duration, its colour its state
    grid = _svg(_out(code[5], "text/html"), "airflow-grid")
    cols = [r for r in grid.iter(f"{SVG}rect") if r.get("class") == "run"]
    assert sorted(c.get("data-run-id") or "" for c in cols) == sorted(r.dag_run_id for r in runs_page.dag_runs)
    for col in cols:
        one = next(r for r in runs_page.dag_runs if r.dag_run_id == col.get("data-run-id"))
        assert _rgb(col.get("fill")) == AIRFLOW_COLORS[str(one.state.value)]
        assert float(col.get("data-duration") or 0) == pytest.approx((one.end_date - one.start_date).total_seconds())
    assert "<th>logical_date</th>" not in _out(code[5], "text/html") or run.logical_date is not None
    assert _out(code[6], "text").startswith('<svg xmlns="http://www.w3.org/2000/svg" class="airflow-gantt"')

    # The notebook as HTML in headless Chromium: each picture its size, each bar's pixels its colour
    shots = _screenshots(notebook, tmp_path)
    assert len(shots) == 3, f"found {len(shots)} pictures in the screenshot"
    for (box, crop), picture in zip(shots, (page_gantt, gantt, grid), strict=True):
        assert crop.size == (int(picture.get("width") or 0), int(picture.get("height") or 0)), box
        for rect in picture.iter(f"{SVG}rect"):
            if rect.get("class") in ("try", "run"):
                x, y, w, h = (int(rect.get(k) or 0) for k in ("x", "y", "width", "height"))
                assert crop.getpixel((x + w // 2, y + h // 2))[:3] == _rgb(rect.get("fill")), (rect.attrib, box)
    for name, (_, crop) in zip(("notebook_gantt_page", "notebook_gantt", "notebook_grid"), shots, strict=True):
        if os.environ.get("SDK_UPDATE_IMAGES"):  # the last server run writes them (airflow3)
            IMAGES.mkdir(parents=True, exist_ok=True)
            crop.save(IMAGES / f"{name}.png")
    for name in ("notebook_gantt", "notebook_grid"):
        assert (IMAGES / f"{name}.png").is_file(), f"docs/images/{name}.png: run with SDK_UPDATE_IMAGES=1"


def _out(cell: Any, kind: str) -> str:
    """A code cell's stdout (``text``) or its displays' ``kind`` (``text/html``, ``text/plain``)."""
    if kind == "text":
        return "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
    return "".join(o["data"][kind] for o in cell.outputs if kind in o.get("data", {}))


def _svg(shown: str, kind: str) -> ET.Element:
    found = re.search(rf'<svg [^>]*class="{kind}".*?</svg>', shown, re.S)
    assert found, shown[:500]
    return ET.fromstring(found[0])


def _iso(moment: dt.datetime | None) -> str:
    assert moment is not None
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def _rgb(color: str | None) -> tuple[int, int, int]:
    assert color and re.fullmatch(r"#[0-9a-f]{6}", color), color
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "headless Chromium is needed: apt-get install -y chromium (.ci/run installs it)"
    return found


def _screenshots(notebook: Any, tmp_path: pathlib.Path) -> list[tuple[tuple[int, int, int, int], Any]]:
    """The notebook exported to HTML, shown by headless Chromium: each picture's box and its crop, in page order.

    A picture is found by its background colour (only anti-aliased text may have a pixel of it elsewhere): each
    band of rows holding that colour is one picture, its left and right edges the columns where most of its rows
    start and end, its top and bottom the first and last rows with the colour on both edges."""
    nbconvert = pytest.importorskip("nbconvert")
    image = pytest.importorskip("PIL.Image")
    body, _ = nbconvert.HTMLExporter(exclude_input=True).from_notebook_node(notebook)
    page = tmp_path / "notebook.html"
    page.write_text(body, encoding="utf-8")
    shot = tmp_path / "notebook.png"
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'chromium'}", "--force-device-scale-factor=1", "--window-size=1280,9000",
         f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    picture = image.open(shot).convert("RGB")
    width, height = picture.size
    chops = pytest.importorskip("PIL.ImageChops")
    off = chops.difference(picture, image.new("RGB", picture.size, BACKGROUND)).convert("L")
    mask = off.point(lambda v: 255 if v == 0 else 0)  # white where the background colour is
    rows: list[tuple[int, int, int]] = []  # (y, first x, last x) of each row holding the background colour
    for y in range(height):
        found = mask.crop((0, y, width, y + 1)).getbbox()
        if found:
            rows.append((y, found[0], found[2] - 1))
    bands: list[list[tuple[int, int, int]]] = []
    for row in rows:
        if bands and bands[-1][-1][0] == row[0] - 1:
            bands[-1].append(row)
        else:
            bands.append([row])
    boxes = []
    pixels = picture.load()
    for band in (b for b in bands if len(b) > 40):  # a picture's edges: the columns most of its rows start and end
        x0, x1 = (collections.Counter(r[i] for r in band).most_common(1)[0][0] for i in (1, 2))
        edges = [y for y, _, _ in band if pixels[x0, y] == pixels[x1, y] == BACKGROUND]
        boxes.append((x0, edges[0], x1, edges[-1]))
    return [((x0, y0, x1, y1), picture.crop((x0, y0, x1 + 1, y1 + 1))) for x0, y0, x1, y1 in boxes]
