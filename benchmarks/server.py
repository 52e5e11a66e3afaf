"""A local stand-in for Airflow 2.11's DAG-run endpoints, serving precomputed bodies.

Run as ``python server.py --runs 100000 --delay 0.005``: it prints ``PORT <n>`` on one line, then
serves on 127.0.0.1 until its standard input closes (or it is killed).

- ``GET /api/v1/dags/<dag>/dagRuns?limit=&offset=`` a page of runs (``{"dag_runs": [...], "total_entries": N}``);
- ``GET /api/v1/dags/<dag>/dagRuns/<run_id>`` one run;
- the same under ``/slow/api/v1/...``, answered after sleeping ``--delay`` seconds (for the threads test).

Every run carries every field a real Airflow 2.11 sends, with timestamps as it writes them
(``2024-05-01T10:00:00.123456+00:00``; logical dates on the hour, without microseconds). The state and
run type stay within the values the official client 2.10.0 accepts, so it can read every page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DAG_ID = "bench_dag"
BASE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def make_run(i: int) -> dict[str, Any]:
    """Run number ``i``, shaped as Airflow 2.11 serves it."""
    logical = BASE + dt.timedelta(hours=i)
    start = logical + dt.timedelta(hours=1, seconds=3, microseconds=123456 + i % 1000)
    manual = i % 10 == 0
    state = "running" if i % 50 == 7 else "failed" if i % 17 == 3 else "queued" if i % 97 == 5 else "success"
    finished = state in ("success", "failed")
    end = start + dt.timedelta(minutes=4, seconds=i % 60, microseconds=654321)
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


class Pages:
    """The runs, each encoded once; pages are joined from them (and the last few kept)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.runs = [json.dumps(make_run(i)).encode() for i in range(total)]
        self.one = self.runs[0]
        self._cache: dict[tuple[int, int], bytes] = {}
        self._lock = threading.Lock()

    def page(self, limit: int, offset: int) -> bytes:
        key = (limit, offset)
        body = self._cache.get(key)
        if body is None:
            chunk = self.runs[offset : offset + limit]
            body = b'{"dag_runs": [' + b", ".join(chunk) + b'], "total_entries": ' + str(self.total).encode() + b"}"
            if limit >= 1000:  # the big pages asked again and again; small ones are cheap to join
                with self._lock:
                    if len(self._cache) > 8:
                        self._cache.clear()
                    self._cache[key] = body
        return body


def make_handler(pages: Pages, delay: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real server behind a client pool
        disable_nagle_algorithm = True  # else every answer waits ~40 ms for the peer's delayed ACK

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            if path.startswith("/slow/"):
                time.sleep(delay)
                path = path[len("/slow") :]
            segments = path.strip("/").split("/")
            # api/v1/dags/<dag>/dagRuns[/<run>]
            if len(segments) == 5 and segments[4] == "dagRuns":
                query = dict(parse_qsl(parts.query))
                limit = int(query.get("limit", "100"))
                offset = int(query.get("offset", "0"))
                self._answer(200, pages.page(limit, offset))
            elif len(segments) == 6 and segments[4] == "dagRuns":
                self._answer(200, pages.one)
            else:
                self._answer(404, b'{"title": "Not Found", "status": 404, "type": "about:blank", "detail": "no route"}')

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
    args = parser.parse_args()
    pages = Pages(args.runs)
    httpd = _Server(("127.0.0.1", 0), make_handler(pages, args.delay))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"PORT {httpd.server_address[1]}", flush=True)
    sys.stdin.read()  # until the parent closes our stdin or goes away
    httpd.shutdown()


if __name__ == "__main__":
    main()
