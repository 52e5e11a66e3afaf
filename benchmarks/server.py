"""A local stand-in for the DAG-run endpoints of Airflow 2.11 (``/api/v1``) and 3.3.2 (``/api/v2``), serving
precomputed bodies.

Run as ``python server.py --runs 100000 --delay 0.005 --page-delay 0.02``: it prints ``PORT <n>`` on one line,
then serves on 127.0.0.1 until its standard input closes (or it is killed).

- ``GET /api/v1/dags/<dag>/dagRuns?limit=&offset=`` a page of Airflow-2.11-shaped runs
  (``{"dag_runs": [...], "total_entries": N}``); ``GET /api/v1/dags/<dag>/dagRuns/<run_id>`` one run;
- ``GET /api/v2/dags/<dag>/dagRuns?limit=&offset=`` (or ``&cursor=``) a page of Airflow-3.3.2-shaped runs,
  with the paging keys 3.3.2 sends (``total_entries_limit``, ``next_cursor``, ``previous_cursor``);
  ``GET /api/v2/dags/<dag>/dagRuns/<run_id>`` one run;
- ``GET /api/v1/version``, ``GET /api/v2/version`` the version each stands in for;
- the same under ``/slow/...``, answered after sleeping ``--delay`` seconds (the threads test), and under
  ``/paged/...`` after ``--page-delay`` seconds (the paging walk: a real Airflow's time to query a page).

Every run carries every field the real server sends, with timestamps as it writes them: Airflow 2.11
``2024-05-01T10:00:00.123456+00:00``, Airflow 3 ``2024-05-01T10:00:00.123456Z`` (logical dates on the hour,
without microseconds). States, run types and triggers stay within the values each official client accepts.
Credentials are not checked: every client sends its own (Basic on v1, a bearer token on v2) the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DAG_ID = "bench_dag"
BASE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
RUNS_PER_VERSION = 1000
"""Runs per DAG version (Airflow 3): a new version when the DAG file changed, so many runs share one."""
VERSIONS = {"v1": "2.11.2", "v2": "3.3.2"}


def _times(i: int) -> dict[str, Any]:
    logical = BASE + dt.timedelta(hours=i)
    queued = logical + dt.timedelta(hours=1, seconds=1, microseconds=2345 + i % 1000)
    start = queued + dt.timedelta(seconds=2, microseconds=120000)
    state = "running" if i % 50 == 7 else "failed" if i % 17 == 3 else "queued" if i % 97 == 5 else "success"
    end = start + dt.timedelta(minutes=4, seconds=i % 60, microseconds=654321)
    return {"logical": logical, "queued": queued, "start": start, "end": end, "state": state, "manual": i % 10 == 0}


def make_run(i: int) -> dict[str, Any]:
    """Run number ``i``, shaped as Airflow 2.11 serves it."""
    t = _times(i)
    logical, start, end, state, manual = t["logical"], t["start"], t["end"], t["state"], t["manual"]
    finished = state in ("success", "failed")
    run_type = "manual" if manual else "scheduled"
    return {
        "dag_run_id": f"{run_type}__{logical.isoformat()}",
        "dag_id": DAG_ID,
        "logical_date": logical.isoformat(),
        "execution_date": logical.isoformat(),
        "start_date": start.isoformat(),
        "end_date": end.isoformat() if finished else None,
        "data_interval_start": (logical - dt.timedelta(hours=1)).isoformat(),
        "data_interval_end": logical.isoformat(),
        "last_scheduling_decision": (end if finished else start).isoformat(),
        "run_type": run_type,
        "state": state,
        "external_trigger": manual,
        "conf": {"day": logical.date().isoformat(), "full_refresh": False} if manual else {},
        "note": "rerun after the upstream fix" if i % 25 == 0 else None,
    }


def _z(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")  # as Airflow 3 (pydantic) writes UTC


def make_run3(i: int) -> dict[str, Any]:
    """Run number ``i``, shaped as Airflow 3.3.2 serves it: every field of its ``DAGRunResponse``."""
    t = _times(i)
    logical, queued, start, end = t["logical"], t["queued"], t["start"], t["end"]
    state, manual = t["state"], t["manual"]
    finished = state in ("success", "failed")
    started = state != "queued"
    run_type = "manual" if manual else "scheduled"
    version = 1 + i // RUNS_PER_VERSION
    return {
        "dag_run_id": f"{run_type}__{logical.isoformat()}",
        "dag_id": DAG_ID,
        "logical_date": _z(logical),
        "queued_at": _z(queued),
        "start_date": _z(start) if started else None,
        "end_date": _z(end) if finished else None,
        "duration": (end - start).total_seconds() if finished else None,
        "data_interval_start": _z(logical - dt.timedelta(hours=1)),
        "data_interval_end": _z(logical),
        "run_after": _z(logical),
        "last_scheduling_decision": _z(end if finished else start) if started else None,
        "run_type": run_type,
        "state": state,
        "triggered_by": "rest_api" if manual else "timetable",
        "triggering_user_name": "admin" if manual else None,
        "conf": {"day": logical.date().isoformat(), "full_refresh": False} if manual else {},
        "note": "rerun after the upstream fix" if i % 25 == 0 else None,
        "dag_versions": [
            {
                "id": str(uuid.UUID(int=(0x0195_0A1E << 96) + version)),
                "version_number": version,
                "dag_id": DAG_ID,
                "bundle_name": "dags-folder",
                "bundle_version": None,
                "created_at": _z(BASE + dt.timedelta(days=version, microseconds=4321)),
                "dag_display_name": DAG_ID,
                "bundle_url": None,
            }
        ],
        "bundle_version": None,
        "dag_display_name": DAG_ID,
        "partition_key": None,
        "partition_date": None,
    }


class Pages:
    """The runs, each encoded once; pages are joined from them (and the big ones kept)."""

    def __init__(self, total: int, make: Callable[[int], dict[str, Any]], tail: bytes) -> None:
        self.total = total
        self.runs = [json.dumps(make(i)).encode() for i in range(total)]
        self.one = self.runs[0]
        self.tail = tail  # the keys after the list of runs
        self._cache: dict[tuple[int, int], bytes] = {}
        self._lock = threading.Lock()

    def page(self, limit: int, offset: int, tail: bytes | None = None) -> bytes:
        key = (limit, offset)
        body = self._cache.get(key) if tail is None else None
        if body is None:
            chunk = self.runs[offset : offset + limit]
            body = b'{"dag_runs": [' + b", ".join(chunk) + b'], "total_entries": ' + str(self.total).encode()
            body += (self.tail if tail is None else tail) + b"}"
            if limit >= 1000 and tail is None:  # the big pages asked again and again; small ones are cheap to join
                with self._lock:
                    if len(self._cache) > 8:
                        self._cache.clear()
                    self._cache[key] = body
        return body


def _cursor_keys(pages: Pages, limit: int, offset: int) -> bytes:
    """Airflow 3's keys of a page walked by cursor (a cursor here is the offset, as text)."""
    after = str(offset + limit).encode() if offset + limit < pages.total else None
    before = str(max(offset - limit, 0)).encode() if offset else None
    after_text, before_text = (b'"' + c + b'"' if c is not None else b"null" for c in (after, before))
    limit_text = str(pages.total).encode()
    return (
        b', "total_entries_limit": '
        + limit_text
        + b', "next_cursor": '
        + after_text
        + b', "previous_cursor": '
        + (before_text)
    )


def make_handler(pages: dict[str, Pages], delay: float, page_delay: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real server behind a client pool
        disable_nagle_algorithm = True  # else every answer waits ~40 ms for the peer's delayed ACK

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            for prefix, wait in (("/slow/", delay), ("/paged/", page_delay)):
                if path.startswith(prefix):
                    time.sleep(wait)
                    path = path[len(prefix) - 1 :]
            segments = path.strip("/").split("/")
            # api/v1|v2/dags/<dag>/dagRuns[/<run>], api/v1|v2/version
            served = pages.get(segments[1]) if len(segments) >= 3 and segments[0] == "api" else None
            if served is None:
                self._answer(404, b'{"title": "Not Found", "status": 404, "type": "about:blank", "detail": "no route"}')
            elif segments[2:] == ["version"]:
                self._answer(200, json.dumps({"version": VERSIONS[segments[1]], "git_version": None}).encode())
            elif len(segments) == 5 and segments[4] == "dagRuns":
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                limit = int(query.get("limit", "100"))
                cursor = query.get("cursor")
                offset = int(cursor or 0) if cursor is not None else int(query.get("offset", "0"))
                tail = _cursor_keys(served, limit, offset) if cursor is not None else None
                self._answer(200, served.page(limit, offset, tail))
            elif len(segments) == 6 and segments[4] == "dagRuns":
                self._answer(200, served.one)
            else:
                self._answer(404, b'{"detail": "Not Found"}')

        def _answer(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if status < 400 else "application/problem+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # the listen backlog: more than the threads test ever opens at once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=100_000, help="how many distinct runs to serve")
    parser.add_argument("--delay", type=float, default=0.005, help="seconds added to every /slow/ answer")
    parser.add_argument("--page-delay", type=float, default=0.02, help="seconds added to every /paged/ answer")
    args = parser.parse_args()
    offset_keys = b', "total_entries_limit": null, "next_cursor": null, "previous_cursor": null'
    pages = {"v1": Pages(args.runs, make_run, b""), "v2": Pages(args.runs, make_run3, offset_keys)}
    httpd = _Server(("127.0.0.1", 0), make_handler(pages, args.delay, args.page_delay))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"PORT {httpd.server_address[1]}", flush=True)
    sys.stdin.read()  # until the parent closes our stdin or goes away
    httpd.shutdown()


if __name__ == "__main__":
    main()
