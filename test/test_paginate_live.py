"""paginate(): every item of a list operation, page by page.

Against the recording server: what is requested, where the walk stops, flat memory over a long walk.
Against a real Airflow 2.11.2 (marked live): 260 runs walked 7 at a time equal the one-call list,
through the query parameters and through the batch form, filtered or not.
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import inspect
import itertools
import re
import time
import tracemalloc
import typing
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import apis, paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.model_utils import Page
from airflow_python_sdk.models import DAGRun, DagState, ListDagRunsForm, ListTaskInstanceForm, UpdateDagRunState
from airflow_python_sdk.pagination import PageStyle, _items_field, page_style

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

DAG = "sdk_example"


def runs(*ids: str, total: int | None = None) -> Reply:
    body: dict[str, typing.Any] = {"dag_runs": [{"dag_id": DAG, "dag_run_id": i} for i in ids]}
    if total is not None:
        body["total_entries"] = total
    return Reply(json=body)


def ids(items: Iterator[DAGRun]) -> list[str | None]:
    return [run.dag_run_id for run in items]


# --- what paginate asks for, and where it stops -----------------------------------------------------


def test_pages_with_limit_and_offset_and_stops_at_total_entries(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(runs("a", "b", total=5), runs("c", "d", total=5), runs("e", total=5))
    walk = paginate(dag_runs.get_dag_runs, DAG, state=["queued"], order_by="start_date", page_size=2)
    assert server.count == 0  # nothing is asked before the first item
    assert ids(walk) == ["a", "b", "c", "d", "e"]
    assert [dict(r.query) for r in server.requests] == [
        {"limit": "2", "offset": str(offset), "state": "queued", "order_by": "start_date"} for offset in (0, 2, 4)
    ]
    assert {r.path for r in server.requests} == {f"/api/v1/dags/{DAG}/dagRuns"}


def test_stops_at_an_empty_page(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(runs(total=0))
    assert ids(paginate(dag_runs.get_dag_runs, DAG)) == []
    assert server.count == 1


def test_a_total_that_ignores_the_filters_does_not_run_the_walk_on(
    server: RecordingServer, dag_runs: DAGRunApi
) -> None:
    # get_datasets counts every dataset in total_entries whatever uri_pattern says: pages come back short
    server.reply(runs("a", "b", total=50), runs("c", total=50), runs(total=50))
    assert ids(paginate(dag_runs.get_dag_runs, DAG, page_size=2)) == ["a", "b", "c"]
    assert [dict(r.query)["offset"] for r in server.requests] == ["0", "2", "3"]


def test_a_server_capping_the_page_size_is_walked_to_the_end(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    # [api] maximum_page_limit: asked for 5, the server sends 2 a page
    server.reply(*(runs(str(i), str(i + 1), total=7) for i in range(0, 6, 2)), runs("6", total=7))
    assert ids(paginate(dag_runs.get_dag_runs, DAG, page_size=5)) == [str(i) for i in range(7)]
    assert [dict(r.query)["offset"] for r in server.requests] == ["0", "2", "4", "6"]
    assert {dict(r.query)["limit"] for r in server.requests} == {"5"}


def test_a_capped_total_is_not_taken_for_the_end(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    # Airflow 3 may count only up to total_entries_limit: a total equal to it means "at least that many"
    capped = [{**runs(str(i), str(i + 1), total=2).json, "total_entries_limit": 2} for i in range(0, 6, 2)]
    server.reply(*(Reply(json=page) for page in capped), runs(total=2))
    assert ids(paginate(dag_runs.get_dag_runs, DAG, page_size=2)) == [str(i) for i in range(6)]
    assert server.count == 4


def test_offset_is_where_the_walk_starts(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(runs("k", "l", total=13), runs("m", total=13))
    assert ids(paginate(dag_runs.get_dag_runs, DAG, offset=10, page_size=2)) == ["k", "l", "m"]
    assert [dict(r.query)["offset"] for r in server.requests] == ["10", "12"]


def test_an_error_on_a_later_page_is_raised_there(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(runs("a", "b", total=4), Reply(500, json={"title": "boom"}))
    walk = paginate(dag_runs.get_dag_runs, DAG, page_size=2)
    assert next(walk).dag_run_id == "a" and next(walk).dag_run_id == "b"
    with pytest.raises(sdk.ServiceException) as caught:
        next(walk)
    assert caught.value.status == 500 and caught.value.title == "boom"


def test_the_batch_form_is_copied_with_its_page_fields_set(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    form = ListDagRunsForm(dag_ids=[DAG], states=["failed"], page_offset=1)
    server.reply(runs("b", "c", total=4), runs("d", total=4))
    assert ids(paginate(dag_runs.get_dag_runs_batch, form, page_size=2)) == ["b", "c", "d"]
    assert [r.json() for r in server.requests] == [
        {"dag_ids": [DAG], "states": ["failed"], "page_offset": offset, "page_limit": 2} for offset in (1, 3)
    ]
    assert {(r.method, r.path) for r in server.requests} == {("POST", "/api/v1/dags/~/dagRuns/list")}
    assert form.to_dict() == {"dag_ids": [DAG], "states": ["failed"], "page_offset": 1}  # the caller's form


def test_call_options_go_with_every_page(server: RecordingServer, dag_runs: DAGRunApi) -> None:
    server.reply(runs("a", total=2), runs("b", total=2))
    walk = paginate(dag_runs.get_dag_runs, DAG, page_size=1, _headers={"X-Trace": "t1"}, _request_timeout=5)
    assert ids(walk) == ["a", "b"]
    assert [r.headers.get("X-Trace") for r in server.requests] == ["t1", "t1"]


@pytest.mark.parametrize(
    ("call", "error", "text"),
    [
        (lambda api: paginate(api.get_dag_runs, DAG, limit=5), sdk.ApiValueError, "page_size=..."),
        (lambda api: paginate(api.get_dag_runs_batch, ListDagRunsForm(page_limit=5)), sdk.ApiValueError, "page_limit"),
        (lambda api: paginate(api.get_dag_runs, DAG, offset=-1), sdk.ApiValueError, "offset must be"),
        (lambda api: paginate(api.get_dag_runs, DAG, page_size=0), sdk.ApiValueError, "page_size must be"),
        (lambda api: paginate(api.get_dag_run, DAG, "r"), sdk.ApiTypeError, "not a list operation"),
        (lambda api: paginate(DAGRunApi.get_dag_runs, api, DAG), sdk.ApiTypeError, "bound list method"),
        (lambda api: paginate(api.get_dag_runs, DAG, async_req=True), sdk.ApiTypeError, "async_req"),
        (lambda api: paginate(api.get_dag_runs, DAG, limt=5), sdk.ApiTypeError, "'limt' (did you mean 'limit'?)"),
        (lambda api: paginate(api.get_dag_runs), sdk.ApiTypeError, "dag_id"),
    ],
    ids=["limit", "page_limit", "offset", "page_size", "one-object", "unbound", "async", "typo", "no-arg"],
)
def test_wrong_uses_raise_before_any_request(
    server: RecordingServer, dag_runs: DAGRunApi, call: typing.Any, error: type[Exception], text: str
) -> None:
    with pytest.raises(error, match=re.escape(text)):
        call(dag_runs)
    assert server.count == 0


def test_a_list_the_server_answers_whole_is_one_call(dag_runs: DAGRunApi) -> None:
    """An operation without paging parameters (here the upstream events of a run) is walked in one request."""
    events = [{"dataset_uri": f"s3://b/{i}", "timestamp": "2024-01-01T00:00:00+00:00"} for i in range(3)]
    with RecordingServer(default=Reply(json={"dataset_events": events, "total_entries": 3})) as recording:
        configuration = sdk.Configuration(host=recording.url + "/api/v1", username="u", password="p")
        with sdk.ApiClient(configuration) as client:
            got = [e.dataset_uri for e in paginate(DAGRunApi(client).get_upstream_dataset_events, DAG, "r")]
        assert got == ["s3://b/0", "s3://b/1", "s3://b/2"]
        assert recording.count == 1


def test_memory_stays_flat_over_a_long_walk() -> None:
    per_page, pages = 100, 300
    page = {
        "dag_runs": [
            {"dag_id": DAG, "dag_run_id": f"run-{i:04d}", "state": "success", "conf": {"i": i, "pad": "x" * 200}}
            for i in range(per_page)
        ],
        "total_entries": per_page * pages,
    }
    with RecordingServer(default=Reply(json=page), record=False) as recording:
        configuration = sdk.Configuration(host=recording.url + "/api/v1", retries=0)
        with sdk.ApiClient(configuration) as api_client:
            walk = paginate(DAGRunApi(api_client).get_dag_runs, DAG, page_size=per_page)
            tracemalloc.start()
            try:
                for run in itertools.islice(walk, 20 * per_page):  # warm up: pools, caches, enum values
                    run.state  # noqa: B018 - read a field, as a caller would
                settled, _ = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()
                walked = 0
                for run in walk:
                    walked += run.state is DagState.SUCCESS
                current, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
        assert recording.count == pages
    assert walked == per_page * (pages - 20)
    # one page is about 100 KB as parsed JSON; keeping the 280 pages walked would be about 30 MB
    assert current - settled < 256 * 1024, (settled, current)
    assert peak - settled < 2 * 1024 * 1024, (settled, peak)


# --- typing: each collection says its item type, so paginate's items are typed ---------------------------


def _listed() -> dict[type, typing.Any]:
    """Collection -> the item type of its one list field, for every collection an operation returns."""
    found = {}
    for name in apis.__all__:
        for op in getattr(apis, name).operations():
            field = _items_field(op.returns)
            if field is not None:
                found[op.returns] = typing.get_args(op.returns.openapi_types[field])[0]
    return found


def test_every_collection_is_a_page_of_its_item_type() -> None:
    """``paginate(list_method: Callable[..., Page[T]]) -> Iterator[T]``: the ``Page[T]`` base of each
    collection must name the type its list field holds, which type checkers cannot see for themselves."""
    declared = {}
    for collection in _listed():
        pages = [b for b in getattr(collection, "__orig_bases__", ()) if typing.get_origin(b) is Page]
        declared[collection] = typing.get_args(pages[0])[0] if pages else None
    assert declared == _listed()
    assert len(declared) > 30


def test_page_style_is_read_from_the_declarations() -> None:
    assert page_style(DAGRunApi.get_dag_runs.operation) == PageStyle("limit", "offset")  # type: ignore[attr-defined]
    batch = DAGRunApi.get_dag_runs_batch.operation  # type: ignore[attr-defined]
    assert page_style(batch) == PageStyle("page_limit", "page_offset", "list_dag_runs_form")
    ti_batch = TaskInstanceApi.get_task_instances_batch.operation  # type: ignore[attr-defined]
    assert page_style(ti_batch) == PageStyle("page_limit", "page_offset", "list_task_instance_form")
    patch_dags = apis.DAGApi.patch_dags.operation  # type: ignore[attr-defined]
    assert page_style(patch_dags) is None  # a change is not paged, though it takes limit and offset
    assert inspect.signature(paginate).parameters["page_size"].default == 100


# --- against a real Airflow ---------------------------------------------------------------------------

BASE = dt.datetime(2061, 1, 1, tzinfo=dt.timezone.utc)
COUNT = 260


def session_cookie(airflow: AirflowServer) -> str:
    """Log in once through the web form: API calls carrying the session cookie skip Basic auth's password
    hashing, about 0.25 s a request on this server, which would make the 600 requests here take minutes."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{airflow.base_url}/login/", timeout=30) as page:
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.read().decode())
    assert token, "no CSRF token on the login page"
    form = urllib.parse.urlencode({"username": "admin", "password": "admin", "csrf_token": token[1]}).encode()
    opener.open(f"{airflow.base_url}/login/", form, timeout=30).close()
    return "; ".join(f"{c.name}={c.value}" for c in jar if c.name == "session")


@pytest.fixture(scope="module")
def session_client(airflow: AirflowServer) -> Iterator[sdk.ApiClient]:
    with sdk.ApiClient(sdk.Configuration(host=airflow.api_url), cookie=session_cookie(airflow)) as api_client:
        yield api_client


@pytest.fixture(scope="module")
def many_runs(session_client: sdk.ApiClient) -> Iterator[list[str]]:
    """260 runs of sdk_example a minute apart from BASE; every fifth one failed."""
    api = DAGRunApi(session_client)
    made = []
    started = time.monotonic()
    try:
        for i in range(COUNT):
            rid = f"paginate-{i:03d}"
            api.post_dag_run(DAG, DAGRun(dag_run_id=rid, logical_date=BASE + dt.timedelta(minutes=i)))
            made.append(rid)
            if i % 5 == 0:
                api.update_dag_run_state(DAG, rid, UpdateDagRunState(state=DagState.FAILED))
        print(f"made {COUNT} runs in {time.monotonic() - started:.1f} s")
        yield made
    finally:
        for rid in made:
            api.delete_dag_run(DAG, rid)


@pytest.fixture
def fast_dag_runs(session_client: sdk.ApiClient) -> DAGRunApi:
    return DAGRunApi(session_client)


WINDOW = {"execution_date_gte": BASE, "execution_date_lte": BASE + dt.timedelta(minutes=COUNT)}


@pytest.mark.live
def test_walking_260_runs_7_at_a_time_equals_the_whole_list(fast_dag_runs: DAGRunApi, many_runs: list[str]) -> None:
    whole = fast_dag_runs.get_dag_runs(DAG, limit=1000, order_by="execution_date", **WINDOW)
    assert whole.total_entries == COUNT and ids(iter(whole.dag_runs or [])) == many_runs
    walked = list(paginate(fast_dag_runs.get_dag_runs, DAG, order_by="execution_date", page_size=7, **WINDOW))
    assert [r.to_dict() for r in walked] == [r.to_dict() for r in whole.dag_runs or []]
    assert all(isinstance(r, DAGRun) and r.dag_id == DAG for r in walked)

    every_dag = ids(paginate(fast_dag_runs.get_dag_runs, "~", order_by="-execution_date", page_size=50, **WINDOW))
    assert every_dag == many_runs[::-1]
    resumed = ids(paginate(fast_dag_runs.get_dag_runs, DAG, order_by="execution_date", offset=250, **WINDOW))
    assert resumed == many_runs[250:]


@pytest.mark.live
def test_a_filtered_walk_equals_the_filtered_list(fast_dag_runs: DAGRunApi, many_runs: list[str]) -> None:
    failed = ids(paginate(fast_dag_runs.get_dag_runs, DAG, state=["failed"], order_by="execution_date", page_size=7,
                          **WINDOW))  # fmt: skip
    assert failed == many_runs[::5] and len(failed) == 52
    first_ten = list(itertools.islice(paginate(fast_dag_runs.get_dag_runs, DAG, page_size=3, **WINDOW), 10))
    assert len(first_ten) == 10


@pytest.mark.live
def test_the_batch_form_walk_equals_the_whole_list(fast_dag_runs: DAGRunApi, many_runs: list[str]) -> None:
    form = ListDagRunsForm(dag_ids=[DAG], order_by="execution_date", **WINDOW)
    whole = fast_dag_runs.get_dag_runs_batch(ListDagRunsForm(page_limit=1000, **form.to_dict()))
    assert ids(iter(whole.dag_runs or [])) == many_runs
    assert ids(paginate(fast_dag_runs.get_dag_runs_batch, form, page_size=7)) == many_runs
    queued = ListDagRunsForm(dag_ids=[DAG], states=["queued"], order_by="execution_date", **WINDOW)
    expected = [rid for i, rid in enumerate(many_runs) if i % 5]
    assert ids(paginate(fast_dag_runs.get_dag_runs_batch, list_dag_runs_form=queued, page_size=9)) == expected
    assert form.page_limit is None and form.page_offset is None


@pytest.mark.live
def test_task_instances_batch_and_datasets(session_client: sdk.ApiClient, many_runs: list[str]) -> None:
    tis = TaskInstanceApi(session_client)
    form = ListTaskInstanceForm(dag_ids=[DAG], dag_run_ids=many_runs[:20])
    whole = tis.get_task_instances_batch(ListTaskInstanceForm(page_limit=1000, **form.to_dict()))
    walked = list(paginate(tis.get_task_instances_batch, form, page_size=7))
    key = sorted((ti.dag_run_id or "", ti.task_id or "") for ti in walked)
    assert key == sorted((ti.dag_run_id or "", ti.task_id or "") for ti in whole.task_instances or [])
    assert len(walked) == 60  # three tasks a run

    # get_datasets counts every dataset in total_entries, whatever uri_pattern says
    datasets = DatasetApi(session_client)
    both = datasets.get_datasets(uri_pattern="x-sdk-ds://both/", limit=100)
    assert len(both.datasets or []) == 2 and (both.total_entries or 0) > 2
    walked_uris = [d.uri for d in paginate(datasets.get_datasets, uri_pattern="x-sdk-ds://both/", page_size=1)]
    assert walked_uris == [d.uri for d in both.datasets or []]
