"""Measures one client against the benchmark server; run by ``run.py``, one process per client.

``python worker.py CLIENT API URL PLAN`` where CLIENT is ``sdk`` (this repo's ``airflow_python_sdk``),
``official`` (``apache-airflow-client``, run with its own venv's Python: 2.10.0 for API ``v1``, 3.3.2 for
``v2``) or ``raw`` (urllib3 + ``json.loads``, the floor), API ``v1`` (Airflow-2.11-shaped runs) or ``v2``
(Airflow-3.3.2-shaped runs), URL the server's root and PLAN a JSON list of ``[task, {options}]``. It prints
``RESULT <json>`` as its last line: one entry per task.

Every client does the same thing: the same requests, the same credentials, and reading "every field"
means fetching every DAG-run field the server sends (14 from Airflow 2.11, 22 from 3.3.2, and the 8 of each
run's DAG versions), as attributes of a model or keys of a raw dict, with one ``attrgetter``/``itemgetter``
call per object, so the harness costs all three the same.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import itertools
import json
import operator
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

DAG_ID = "bench_dag"
FIELDS = {
    # Airflow 2.11's DAGRun
    "v1": (
        "dag_run_id", "dag_id", "logical_date", "execution_date", "start_date", "end_date", "data_interval_start",
        "data_interval_end", "last_scheduling_decision", "run_type", "state", "external_trigger", "conf", "note",
    ),
    # Airflow 3.3.2's DAGRunResponse
    "v2": (
        "dag_run_id", "dag_id", "logical_date", "queued_at", "start_date", "end_date", "duration",
        "data_interval_start", "data_interval_end", "run_after", "last_scheduling_decision", "run_type", "state",
        "triggered_by", "triggering_user_name", "conf", "note", "dag_versions", "bundle_version",
        "dag_display_name", "partition_key", "partition_date",
    ),
}  # fmt: skip
VERSION_FIELDS = (
    "id",
    "version_number",
    "dag_id",
    "bundle_name",
    "bundle_version",
    "created_at",
    "dag_display_name",
    "bundle_url",
)  # Airflow 3.3.2's DagVersionResponse, each run's dag_versions
DATETIMES = {
    "v1": ("logical_date", "execution_date", "start_date", "end_date", "data_interval_start", "data_interval_end",
           "last_scheduling_decision"),
    "v2": ("logical_date", "queued_at", "start_date", "end_date", "data_interval_start", "data_interval_end",
           "run_after", "last_scheduling_decision", "partition_date"),
}  # fmt: skip
POOL = 8
USER, PASSWORD, TOKEN = "admin", "admin", "bench-token"


def reader(api: str, get: Callable[..., Any]) -> Callable[[Any], Any]:
    """Reads every field of a run (``get`` is ``attrgetter`` or ``itemgetter``): on Airflow 3, every field
    of each of its DAG versions too. The same harness for every client."""
    run_fields = get(*FIELDS[api])
    if api == "v1":
        return run_fields
    versions, version_fields = get("dag_versions"), get(*VERSION_FIELDS)

    def read(run: Any) -> Any:
        for version in versions(run):
            version_fields(version)
        return run_fields(run)

    return read


class Client:
    """What every client must do: fetch a page or one run, list a page's runs, read a run's fields."""

    name = "?"
    read: Callable[[Any], Any]

    def __init__(self, root: str, version: str) -> None:
        self.root, self.version = root, version

    def page(self, limit: int, offset: int = 0) -> Any:
        raise NotImplementedError

    def runs(self, page: Any) -> list[Any]:
        raise NotImplementedError

    def one(self) -> Any:
        raise NotImplementedError

    def check(self, run: Any) -> None:
        """Fail loudly unless ``run`` holds every field converted to its declared type."""

    def walk(self, page_size: int, total: int, prefetch: int) -> tuple[str, Iterator[Any]]:
        """The first ``total`` runs, one by one, fetched ``page_size`` at a time: an offset/limit loop holding
        one page at a time (a client's own walker where it has one)."""

        def offset_loop() -> Iterator[Any]:
            offset = 0
            while offset < total:
                runs = self.runs(self.page(min(page_size, total - offset), offset))
                if not runs:
                    return
                offset += len(runs)
                yield from runs
                del runs

        return "an offset/limit loop over get_dag_runs", offset_loop()

    def close(self) -> None:
        pass


class Raw(Client):
    name = "raw"

    def __init__(self, root: str, api: str) -> None:
        import urllib3

        super().__init__(root, api)
        self.pool = urllib3.PoolManager(maxsize=POOL)
        auth = {"v1": urllib3.make_headers(basic_auth=f"{USER}:{PASSWORD}"), "v2": {"Authorization": f"Bearer {TOKEN}"}}
        self.headers = {"Accept": "application/json", **auth[api]}
        self.base = f"{root}/api/{api}/dags/{DAG_ID}/dagRuns"
        self.read = reader(api, operator.itemgetter)

    def _get(self, url: str) -> Any:
        resp = self.pool.request("GET", url, headers=self.headers)
        if resp.status != 200:
            raise RuntimeError(f"GET {url}: {resp.status}")
        return json.loads(resp.data)

    def page(self, limit: int, offset: int = 0) -> Any:
        return self._get(f"{self.base}?limit={limit}&offset={offset}")

    def runs(self, page: Any) -> list[Any]:
        return page["dag_runs"]  # type: ignore[no-any-return]

    def one(self) -> Any:
        return self._get(f"{self.base}/run_0")

    def check(self, run: Any) -> None:
        assert set(run) == set(FIELDS[self.version]), run

    def close(self) -> None:
        self.pool.clear()


class Converted(Raw):
    """Raw, then the conversions the SDK and the official clients make (timestamps to aware datetimes, states,
    run types and triggers to enums, UUIDs, each DAG version to an object), written as tight plain Python that
    checks nothing: what converting costs in Python at all, the floor under any pure-Python client."""

    name = "converted"

    def __init__(self, root: str, api: str) -> None:
        super().__init__(root, api)
        self.convert, self.read = _converter(api), reader(api, operator.attrgetter)

    def runs(self, page: Any) -> list[Any]:
        return list(map(self.convert, page["dag_runs"]))

    def one(self) -> Any:
        return self.convert(super().one())

    def check(self, run: Any) -> None:
        _check_common(run, self.version, _States, _RunTypes)
        if self.version == "v2":
            import uuid

            _check_v2(run, _Triggers, _Plain, uuid.UUID)


def _open_enum(name: str, values: str) -> Any:
    import enum

    return enum.Enum(name, {v.upper(): v for v in values.split()}, type=str)


_States = _open_enum("States", "queued running success failed")
_RunTypes = _open_enum("RunTypes", "backfill scheduled manual asset_triggered asset_materialization dataset_triggered")
_Triggers = _open_enum("Triggers", "cli operator rest_api ui test timetable asset backfill")


def _converter(api: str) -> Callable[[dict[str, Any]], Any]:
    """The conversion of one run, as straight-line code (a loop over its fields costs more)."""
    import uuid

    fromiso, utc, new = dt.datetime.fromisoformat, dt.timezone.utc, object.__new__
    states, run_types, triggers = (e._value2member_map_ for e in (_States, _RunTypes, _Triggers))
    uuids: dict[str, uuid.UUID] = {}  # the SDK keeps one UUID per text read, too

    def version(d: dict[str, Any]) -> _Plain:
        i, t = d["id"], fromiso(d["created_at"])
        d["id"] = uuids.get(i) or uuids.setdefault(i, uuid.UUID(i))
        d["created_at"] = t if t.tzinfo is not None else t.replace(tzinfo=utc)
        o = new(_Plain)
        o.__dict__ = d
        return o

    lines = []
    for k in DATETIMES[api]:
        lines += [f"v = d[{k!r}]", "if v is not None:", "    t = fromiso(v)",
                  f"    d[{k!r}] = t if t.tzinfo is not None else t.replace(tzinfo=utc)"]  # fmt: skip
    lines += ["d['state'] = states[d['state']]", "d['run_type'] = run_types[d['run_type']]"]
    if api == "v2":
        lines += ["d['triggered_by'] = triggers[d['triggered_by']]",
                  "d['dag_versions'] = list(map(version, d['dag_versions']))"]  # fmt: skip
    source = "def convert(d):\n    " + "\n    ".join([*lines, "o = new(_Plain)", "o.__dict__ = d", "return o"])
    env = {"fromiso": fromiso, "utc": utc, "states": states, "run_types": run_types, "triggers": triggers,
           "version": version, "new": new, "_Plain": _Plain}  # fmt: skip
    exec(source, env)  # our own fixed code, written out as a code generator would
    return env["convert"]  # type: ignore[no-any-return]


class Sdk(Client):
    name = "sdk"

    def __init__(self, root: str, api: str) -> None:
        import airflow_python_sdk
        from airflow_python_sdk.api.dag_run_api import DAGRunApi

        super().__init__(root, api)
        auth = {"username": USER, "password": PASSWORD} if api == "v1" else {"access_token": TOKEN}
        config = airflow_python_sdk.Configuration(host=f"{root}/api/{api}", connection_pool_maxsize=POOL, **auth)
        self.client = airflow_python_sdk.ApiClient(config)
        self.api = DAGRunApi(self.client)
        self.read = reader(api, operator.attrgetter)

    def page(self, limit: int, offset: int = 0) -> Any:
        return self.api.get_dag_runs(DAG_ID, limit=limit, offset=offset)

    def runs(self, page: Any) -> list[Any]:
        return page.dag_runs  # type: ignore[no-any-return]

    def one(self) -> Any:
        return self.api.get_dag_run(DAG_ID, "run_0")

    def check(self, run: Any) -> None:
        import uuid

        from airflow_python_sdk.model.dag_run import DAGRun
        from airflow_python_sdk.model.dag_run_triggered_by_type import DagRunTriggeredByType
        from airflow_python_sdk.model.dag_run_type import DagRunType
        from airflow_python_sdk.model.dag_state import DagState
        from airflow_python_sdk.model.dag_version import DagVersion

        assert type(run) is DAGRun
        _check_common(run, self.version, DagState, DagRunType)
        if self.version == "v2":
            _check_v2(run, DagRunTriggeredByType, DagVersion, uuid.UUID)

    def walk(self, page_size: int, total: int, prefetch: int) -> tuple[str, Iterator[Any]]:
        from airflow_python_sdk import paginate

        # by offset (offset=0): a walk by cursor cannot ask ahead, each cursor coming from the page before
        walk = paginate(self.api.get_dag_runs, DAG_ID, page_size=page_size, offset=0, prefetch=prefetch)
        how = f"paginate(..., prefetch={prefetch})" if prefetch else "paginate(...)"
        return how, itertools.islice(walk, total)

    def close(self) -> None:
        self.client.close()


class Official(Client):
    """apache-airflow-client: 2.10.0 against /api/v1, 3.3.2 (pydantic) against /api/v2 (its host is the root)."""

    name = "official"

    def __init__(self, root: str, api: str) -> None:
        import airflow_client.client as official  # type: ignore[import-not-found]

        super().__init__(root, api)
        if api == "v1":
            from airflow_client.client.api.dag_run_api import DAGRunApi  # type: ignore[import-not-found]

            config = official.Configuration(host=f"{root}/api/v1", username=USER, password=PASSWORD)
        else:
            from airflow_client.client.api.dag_run_api import DagRunApi as DAGRunApi

            config = official.Configuration(host=root, access_token=TOKEN)
        config.connection_pool_maxsize = POOL
        self.client = official.ApiClient(config)
        self.api = DAGRunApi(self.client)
        self.read = reader(api, operator.attrgetter)

    def page(self, limit: int, offset: int = 0) -> Any:
        return self.api.get_dag_runs(DAG_ID, limit=limit, offset=offset)

    def runs(self, page: Any) -> list[Any]:
        return page.dag_runs  # type: ignore[no-any-return]

    def one(self) -> Any:
        return self.api.get_dag_run(DAG_ID, "run_0")

    def check(self, run: Any) -> None:
        import uuid

        models = "airflow_client.client.model" + ("" if self.version == "v1" else "s")
        state = importlib.import_module(f"{models}.dag_state" if self.version == "v1" else f"{models}.dag_run_state")
        run_type = importlib.import_module(f"{models}.dag_run_type").DagRunType if self.version == "v2" else str
        _check_common(run, self.version, getattr(state, "DagState", None) or state.DagRunState, run_type)
        if self.version == "v2":
            trigger = importlib.import_module(f"{models}.dag_run_triggered_by_type").DagRunTriggeredByType
            version = importlib.import_module(f"{models}.dag_version_response").DagVersionResponse
            _check_v2(run, trigger, version, uuid.UUID)

    def close(self) -> None:
        if hasattr(self.client, "close"):  # 2.10.0; 3.3.2's has none
            self.client.close()
        else:
            self.client.rest_client.pool_manager.clear()


def _check_common(run: Any, api: str, state_type: type, run_type: type) -> None:
    for name in DATETIMES[api]:
        value = getattr(run, name)
        assert value is None or (isinstance(value, dt.datetime) and value.tzinfo is not None), (name, value)
    assert isinstance(run.logical_date, dt.datetime)
    assert isinstance(run.state, state_type), run.state
    assert isinstance(run.run_type, run_type), run.run_type
    assert isinstance(run.conf, dict)


def _check_v2(run: Any, trigger_type: type, version_type: type, uuid_type: type) -> None:
    assert isinstance(run.triggered_by, trigger_type), run.triggered_by
    (version,) = run.dag_versions
    assert isinstance(version, version_type) and isinstance(version.id, uuid_type), version
    assert isinstance(version.created_at, dt.datetime) and version.created_at.tzinfo is not None


CLIENTS: dict[str, Callable[[str, str], Client]] = {
    "raw": Raw, "converted": Converted, "sdk": Sdk, "official": Official,
}  # fmt: skip


# --- tasks -------------------------------------------------------------------------------------


def warm_up(client: Client) -> None:
    """Resolve every lazy cache (connections, readers, enum lookups) and check the models are right."""
    for run in client.runs(client.page(100)):
        client.check(run)
        client.read(run)
    client.read(client.one())


def read_all(client: Client, runs: list[Any]) -> None:
    read = client.read
    for run in runs:
        read(run)


class _Plain:
    """A plain Python object, holding the values of a model as its attributes."""


def _plain(model: Any) -> _Plain:
    plain = _Plain()
    plain.__dict__.update({k: [_plain(v) for v in vs] if k == "dag_versions" else vs for k, vs in vars(model).items()})
    return plain


def _time_page(client: Client, size: int) -> tuple[float, float, float, float | None]:
    """Seconds to fetch and decode one page of ``size`` runs, to have also read every field of it; to read
    every field once more (values read before); and (this SDK) to read them from plain Python objects."""
    gc.collect()
    t0 = time.perf_counter()
    runs = client.runs(client.page(size))
    t1 = time.perf_counter()
    read_all(client, runs)
    t2 = time.perf_counter()
    read_all(client, runs)
    t3 = time.perf_counter()
    assert len(runs) == size, len(runs)
    if not isinstance(client, Sdk):
        return t1 - t0, t2 - t0, t3 - t2, None
    plain = [_plain(run) for run in runs]
    t4 = time.perf_counter()
    read_all(client, plain)
    return t1 - t0, t2 - t0, t3 - t2, time.perf_counter() - t4


def task_decode(client: Client, baselines: dict[str, Client], sizes: list[int], reps: list[int]) -> dict[str, Any]:
    """Per page size (timed ``reps`` times): seconds to fetch and decode a page into a list of runs, to
    also read every field, to read every field again, and (this SDK) to read the same values from plain
    Python objects.

    Each timing of the client is paired with one of each of ``baselines`` (by prefix: ``raw_`` for raw
    urllib3 + json.loads, ``converted_`` for raw then converted in plain Python) taken right before or after
    it, the order rotating, so that all see the same load on the machine.
    """
    out: dict[str, Any] = {}
    group = [("", client), *baselines.items()]
    for size, count in zip(sizes, reps, strict=True):
        kinds = ["decode", "read", "again", "plain"]
        times: dict[str, list[float]] = {p + k: [] for p, _ in group for k in kinds}
        for rep in range(count):
            for prefix, who in group[rep % len(group) :] + group[: rep % len(group)]:
                decode, full, again, plain = _time_page(who, size)
                times[prefix + "decode"].append(decode)
                times[prefix + "read"].append(full)
                times[prefix + "again"].append(again)
                if plain is not None:
                    times["plain"].append(plain)
        out[str(size)] = {k: v for k, v in times.items() if v}
    return out


def task_latency(client: Client, raw: Client | None, calls: int, warmup: int, batch: int = 20) -> dict[str, Any]:
    """Seconds per ``get_dag_run`` call (decoded, and with every field read), one after another; and the
    process's CPU seconds per call (the server runs in another process), which load on the machine
    disturbs less than wall time.

    With ``raw``, batches of ``batch`` calls alternate between the client and raw urllib3 + json.loads,
    so that both see the same load on the machine.
    """
    who = [("", client)] if raw is None else [("", client), ("raw_", raw)]
    for _, c in who:
        for _ in range(warmup):
            c.read(c.one())
    gc.collect()
    out: dict[str, Any] = {}
    for prefix, _ in who:
        out.update({prefix + "decode": [], prefix + "read": [], prefix + "cpu": 0.0})
    clock = time.perf_counter
    for b in range(max(1, calls // batch)):
        for prefix, c in who[:: 1 if b % 2 else -1]:
            one, read, decode, full = c.one, c.read, out[prefix + "decode"], out[prefix + "read"]
            cpu = time.process_time()
            for _ in range(batch):
                t0 = clock()
                run = one()
                t1 = clock()
                read(run)
                t2 = clock()
                decode.append(t1 - t0)
                full.append(t2 - t0)
            out[prefix + "cpu"] += time.process_time() - cpu
    for prefix, _ in who:
        out[prefix + "cpu"] /= len(out[prefix + "read"])
    return out


def task_memory(client: Client, size: int) -> dict[str, Any]:
    """Bytes still allocated (tracemalloc) while a page of ``size`` decoded runs is kept alive."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    page = client.page(size)
    runs = client.runs(page)
    gc.collect()
    decoded, peak_decoded = (m - base for m in tracemalloc.get_traced_memory())
    read_all(client, runs)
    gc.collect()
    read, peak_read = (m - base for m in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    assert len(runs) == size
    del page, runs
    return {"decode": decoded, "read": read, "peak_decode": peak_decoded, "peak_read": peak_read}


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def task_paging(client: Client, total: int, page_size: int, checkpoints: list[int]) -> dict[str, Any]:
    """Walk ``total`` runs page by page, reading every field; memory at each checkpoint (pages walked)."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    points = []
    at = {pages * page_size: pages for pages in checkpoints}
    seen = 0
    read = client.read
    t0 = time.perf_counter()
    how, walk = client.walk(page_size, total, 0)
    for run in walk:
        read(run)
        seen += 1
        pages = at.get(seen)
        if pages is not None:
            current, peak = tracemalloc.get_traced_memory()
            gc.collect()
            retained = tracemalloc.get_traced_memory()[0]
            points.append(
                {
                    "pages": pages,
                    "runs": seen,
                    "current": current - base,
                    "retained": retained - base,
                    "peak": peak - base,
                    "rss": _rss(),
                    "seconds": time.perf_counter() - t0,
                }
            )
            tracemalloc.reset_peak()
    del run, walk
    tracemalloc.stop()
    assert seen == total, (seen, total)
    return {"points": points, "seconds": time.perf_counter() - t0, "how": how}


def task_walk(make: Callable[[], Client], total: int, page_size: int, prefetch: list[int]) -> dict[str, Any]:
    """Seconds to walk ``total`` runs ``page_size`` at a time, reading every field of each, against pages the
    server answers after a delay; once per ``prefetch`` value (0: one page after another)."""
    client = make()
    out: dict[str, Any] = {}
    try:
        for ahead in prefetch:
            gc.collect()
            read, seen = client.read, 0
            t0 = time.perf_counter()
            how, walk = client.walk(page_size, total, ahead)
            for run in walk:
                read(run)
                seen += 1
            out[str(ahead)] = {"seconds": time.perf_counter() - t0, "how": how}
            assert seen == total, (seen, total)
    finally:
        client.close()
    return out


def task_threads(make: Callable[[], Client], threads: list[int], seconds: float) -> dict[str, Any]:
    """Calls per second of ``get_dag_run`` (answers delayed by the server) from N threads sharing one client."""
    client = make()
    out: dict[str, Any] = {}
    try:
        for n in threads:
            counts = [0] * n
            start = threading.Barrier(n + 1)
            stop = threading.Event()

            def loop(i: int, counts: list[int], start: threading.Barrier, stop: threading.Event) -> None:
                client.read(client.one())  # this thread's connection is open before timing starts
                start.wait()
                count = 0
                while not stop.is_set():
                    client.read(client.one())
                    count += 1
                counts[i] = count

            workers = [threading.Thread(target=loop, args=(i, counts, start, stop)) for i in range(n)]
            for w in workers:
                w.start()
            start.wait()
            t0 = time.perf_counter()
            time.sleep(seconds)
            stop.set()
            for w in workers:
                w.join()
            elapsed = time.perf_counter() - t0
            out[str(n)] = sum(counts) / elapsed
    finally:
        client.close()
    return out


def main() -> None:
    name, api, root, plan_text = sys.argv[1:5]
    make = CLIENTS[name]
    client = make(root, api)
    warm_up(client)
    raw = None if name == "raw" else Raw(root, api)  # the floor, measured alongside in the same process
    baselines: dict[str, Client] = {} if raw is None else {"raw_": raw}
    if name == "sdk":  # and what converting costs in plain Python, beside the SDK
        baselines["converted_"] = Converted(root, api)
    for baseline in baselines.values():
        warm_up(baseline)
    results: list[Any] = []
    for task, options in json.loads(plan_text):
        if task == "decode":
            results.append(task_decode(client, baselines, **options))
        elif task == "latency":
            results.append(task_latency(client, raw, **options))
        elif task == "memory":
            results.append(task_memory(client, **options))
        elif task == "paging":
            results.append(task_paging(client, **options))
        elif task == "threads":
            results.append(task_threads(lambda: make(root + "/slow", api), **options))
        elif task == "walk":
            results.append(task_walk(lambda: make(root + "/paged", api), **options))
        else:
            raise SystemExit(f"unknown task {task!r}")
    client.close()
    for baseline in baselines.values():
        baseline.close()
    print("RESULT " + json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
