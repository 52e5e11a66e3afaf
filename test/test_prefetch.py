"""``paginate(..., prefetch=N)``: pages asked for ahead on the client's pools, items still in order.

A scripted server answers each page from its ``limit`` and ``offset`` after a pause (later pages sooner, so
that answers arrive out of order) and counts the requests it is answering at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.model.list_dag_runs_form import ListDagRunsForm

from recording_server import Recorded, RecordingServer, Reply

TOTAL = 23


class Pages:
    """Answers pages of ``TOTAL`` runs by offset (query or batch form), ``cap`` at most per page, with
    ``failing`` offsets answered 500; records the most requests in flight at once."""

    def __init__(self, cap: int = 100, failing: tuple[int, ...] = (), cursor: bool = False) -> None:
        self.cap, self.failing, self.cursor = cap, failing, cursor
        self.lock = threading.Lock()
        self.in_flight = self.most = 0

    def __call__(self, request: Recorded) -> Reply:
        query = dict(request.query)
        body = request.json() if request.body else {}
        limit = int(query.get("limit") or body.get("page_limit") or 100)
        offset = int(query.get("cursor") or query.get("offset") or body.get("page_offset") or 0)
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        time.sleep(0.01 + 0.03 * max(0, 15 - offset) / 15)  # the first pages answer last
        with self.lock:
            self.in_flight -= 1
        if offset in self.failing:
            return Reply(status=500, json={"title": "boom", "status": 500, "detail": f"page {offset}"})
        end = min(offset + min(limit, self.cap), TOTAL)
        runs = [{"dag_id": "d", "dag_run_id": f"r{i:02}"} for i in range(offset, end)]
        page: dict[str, Any] = {"dag_runs": runs, "total_entries": TOTAL}
        if self.cursor:
            page["next_cursor"] = str(end) if end < TOTAL else None
        return Reply(json=page)


@contextmanager
def _serving(pages: Pages, api: str = "v1") -> Iterator[tuple[RecordingServer, DAGRunApi]]:
    with RecordingServer(respond=pages) as server:
        configuration = Configuration(host=f"{server.url}/api/{api}", access_token="t", retries=0)
        if api == "v2":
            configuration.airflow_version = "3.2.2"  # a release with cursors, not asked of the server
        with ApiClient(configuration) as client:
            yield server, DAGRunApi(client)


EVERY_RUN = [f"r{i:02}" for i in range(TOTAL)]


def _offsets(server: RecordingServer) -> list[int]:
    return sorted(int(dict(r.query).get("offset", 0)) for r in server.requests)


def test_pages_are_asked_for_ahead_and_the_items_come_in_order() -> None:
    pages = Pages()
    with _serving(pages) as (server, api):
        walked = [run.dag_run_id for run in paginate(api.get_dag_runs, "d", page_size=5, prefetch=3)]
        assert walked == EVERY_RUN
        assert _offsets(server) == [0, 5, 10, 15, 20]  # every page once
        assert 2 <= pages.most <= 3  # asked ahead, never more than prefetch at once


def test_without_prefetch_one_page_at_a_time() -> None:
    pages = Pages()
    with _serving(pages) as (server, api):
        assert [run.dag_run_id for run in paginate(api.get_dag_runs, "d", page_size=5)] == EVERY_RUN
        assert pages.most == 1 and len(server.requests) == 5


def test_a_failing_page_raises_where_its_items_would_have_come() -> None:
    with _serving(Pages(failing=(10,))) as (_, api):
        walk = paginate(api.get_dag_runs, "d", page_size=5, prefetch=4)
        walked = [next(walk).dag_run_id for _ in range(10)]  # pages 5 to 20 asked for by now
        with pytest.raises(sdk.ServiceException, match="page 10"):
            next(walk)
        assert walked == EVERY_RUN[:10]


def test_a_server_page_smaller_than_asked_still_gives_every_item_once() -> None:
    """Pages asked for ahead at offsets a shorter page made wrong are dropped and asked again."""
    pages = Pages(cap=3)
    with _serving(pages) as (server, api):
        assert [run.dag_run_id for run in paginate(api.get_dag_runs, "d", page_size=5, prefetch=3)] == EVERY_RUN
        assert pages.most >= 2
        answered = [int(dict(r.query)["offset"]) for r in server.requests]
        assert set(range(0, TOTAL, 3)) <= set(answered)  # the walk went on 3 at a time


def test_a_batch_form_is_sent_with_each_pages_own_offset() -> None:
    pages = Pages()
    with _serving(pages) as (server, api):
        form = ListDagRunsForm(dag_ids=["d"])
        walked = [run.dag_run_id for run in paginate(api.get_dag_runs_batch, form, page_size=5, prefetch=3)]
        assert walked == EVERY_RUN
        sent = sorted(r.json()["page_offset"] for r in server.requests)
        assert sent == [0, 5, 10, 15, 20] and form.page_offset is None  # the caller's form untouched


def test_a_walk_by_cursor_stays_one_page_at_a_time() -> None:
    """Each cursor comes from the page before: nothing can be asked ahead."""
    pages = Pages(cursor=True)
    with _serving(pages, "v2") as (server, api):
        walked = [run.dag_run_id for run in paginate(api.get_dag_runs, "d", page_size=5, prefetch=3)]
        assert walked == EVERY_RUN
        assert pages.most == 1 and all("cursor" in dict(r.query) for r in server.requests)


def test_offset_0_pages_an_airflow_3_walk_by_offset_so_that_it_can_ask_ahead() -> None:
    pages = Pages()
    with _serving(pages, "v2") as (server, api):
        walked = [run.dag_run_id for run in paginate(api.get_dag_runs, "d", page_size=5, offset=0, prefetch=3)]
        assert walked == EVERY_RUN and pages.most >= 2
        assert not any("cursor" in dict(r.query) for r in server.requests)


@pytest.mark.parametrize("prefetch", [-1, True, 1.5, "2"])
def test_prefetch_must_be_a_count(prefetch: Any) -> None:
    with _serving(Pages()) as (server, api):
        with pytest.raises(sdk.ApiValueError, match="prefetch"):
            paginate(api.get_dag_runs, "d", prefetch=prefetch)
        assert server.requests == []
