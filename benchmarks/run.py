"""Benchmark this SDK against the official clients (apache-airflow-client 2.10.0 and 3.3.2) and raw urllib3 + json.

    python benchmarks/run.py           # the full run, several minutes: writes BENCHMARKS.md, benchmarks/decode_time.png
    python benchmarks/run.py --quick   # tiny sizes, one round, prints the tables only (under a minute)

It starts a local server (``server.py``, in a subprocess of its own) serving precomputed DAG runs shaped as
Airflow 2.11 (``/api/v1``) and Airflow 3.3.2 (``/api/v2``) serve them; installs each official client once into
a venv of its own under ``${XDG_CACHE_HOME:-~/.cache}/airflow-python-sdk-bench/`` (``--quick`` leaves them out
unless they are already there): 2.10.0 measured against the Airflow 2 shape, 3.3.2 against the Airflow 3
one; and measures each client in fresh subprocesses (``worker.py``) with the same requests, in rounds that
alternate the clients, so that every ratio compares figures taken side by side in one run. Reported
figures are medians.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OFFICIAL = {"v1": "2.10.0", "v2": "3.3.2"}
"""The official client measured against each API: the last 2.x for Airflow 2, the pydantic 3.x for Airflow 3."""
APIS = ("v2", "v1")
SHAPE = {"v1": "Airflow 2.11 (/api/v1)", "v2": "Airflow 3.3.2 (/api/v2)"}
CLIENTS = ("official", "sdk", "raw")
MIB = 2**20
IMPORTS = {
    "official-v2": "import airflow_client.client; from airflow_client.client.api.dag_run_api import DagRunApi",
    "official-v1": "import airflow_client.client; from airflow_client.client.api.dag_run_api import DAGRunApi",
    "sdk": "import airflow_python_sdk; from airflow_python_sdk.api.dag_run_api import DAGRunApi",
    "raw": "import json, urllib3",
}
FIRST_CLIENT = {  # what a script does next, and where a package may have put off some of its work
    "official-v2": "DagRunApi(airflow_client.client.ApiClient(airflow_client.client.Configuration(host=ROOT)))",
    "official-v1": "DAGRunApi(airflow_client.client.ApiClient(airflow_client.client.Configuration(host=HOST)))",
    "sdk": "DAGRunApi(airflow_python_sdk.ApiClient(airflow_python_sdk.Configuration(host=HOST)))",
    "raw": "urllib3.PoolManager(maxsize=8)",
}
THREADS_DELAY = 0.005
PAGE_DELAY = 0.02
"""Seconds the server takes to answer each page of the paging walk: about a real Airflow's for 100 runs."""
PREFETCH = 4
"""The ``paginate(..., prefetch=N)`` measured."""


def key(client: str, api: str) -> str:
    return f"{client}-{api}"


def label(client: str, api: str = "v2") -> str:
    return {"official": f"official {OFFICIAL[api]}", "sdk": "airflow_python_sdk", "raw": "raw urllib3 + json"}[client]


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "airflow-python-sdk-bench"


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


# --- environments ----------------------------------------------------------------------------------


def child_env(pythonpath: str | None = None) -> dict[str, str]:
    """The environment of every process started: bytecode cached (in the benchmark's cache folder, not
    beside the sources) as it is for an installed package, whatever PYTHONDONTWRITEBYTECODE says here."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir() / "pycache")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def ensure_venv(
    venv: Path, packages: Sequence[str], check: str, install: bool, pythonpath: str | None = None
) -> Path | None:
    """The Python of ``venv`` once ``check`` runs there, installing ``packages`` first if allowed."""
    python = venv / "bin" / "python"

    def works() -> bool:
        if not python.exists():
            return False
        return subprocess.run([python, "-c", check], capture_output=True, env=child_env(pythonpath)).returncode == 0

    if works():
        return python
    if not install:
        return None
    log(f"installing {' '.join(packages)} into {venv} (once) ...")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *packages], check=True)
    return python if works() else None


# --- server and workers ------------------------------------------------------------------------------


class Server:
    """``server.py`` in a process of its own, so that it does not share a GIL with the client measured."""

    def __init__(self, runs: int) -> None:
        cmd = [sys.executable, str(HERE / "server.py"), "--runs", str(runs)]
        cmd += ["--delay", str(THREADS_DELAY), "--page-delay", str(PAGE_DELAY)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.close()
            raise SystemExit(f"the benchmark server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()  # the server stops when its stdin closes
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Runner:
    """Runs measurements in fresh interpreters, each client's own: ``pythons`` by ``sdk``, ``raw``, and
    ``official-v1`` / ``official-v2`` (each official client in its venv)."""

    def __init__(self, pythons: dict[str, Path], url: str, workdir: str) -> None:
        self.pythons, self.url, self.workdir = pythons, url, workdir

    def _env(self, client: str) -> dict[str, str]:
        # this checkout's airflow_python_sdk, installed or not
        return child_env(str(REPO) if client == "sdk" else None)

    def python(self, client: str, api: str) -> Path:
        return self.pythons[key(client, api) if client == "official" else client]

    def work(self, client: str, api: str, plan: list[tuple[str, dict[str, Any]]]) -> list[Any]:
        """Run ``plan`` in a fresh worker process of ``client`` against ``api``; its results, one per task."""
        cmd = [str(self.python(client, api)), str(HERE / "worker.py"), client, api, self.url, json.dumps(plan)]
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=self._env(client), cwd=self.workdir, timeout=1800
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if done.returncode != 0 or not lines:
            output = done.stdout[-2000:] + done.stderr[-4000:]
            raise SystemExit(f"worker {client} {api} failed ({done.returncode}):\n{output}")
        return json.loads(lines[-1][len("RESULT ") :])  # type: ignore[no-any-return]

    def import_time(self, which: str) -> tuple[float, float]:
        """Seconds to import the package and its DAG-run API in a fresh interpreter; and to also make a client."""
        code = (
            f"import time; t0 = time.perf_counter(); {IMPORTS[which]}; t1 = time.perf_counter(); "
            "ROOT = 'http://127.0.0.1:9'; HOST = ROOT + '/api/v1'; "
            f"{FIRST_CLIENT[which]}; print(t1 - t0, time.perf_counter() - t0)"
        )
        cmd = [str(self.pythons[which]), "-c", code]
        client = which.split("-")[0]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self._env(client), cwd=self.workdir, check=True)
        imported, with_client = map(float, done.stdout.split())
        return imported, with_client

    def python_version(self, which: str) -> str:
        code = "import platform; print(platform.python_version())"
        return subprocess.run([str(self.pythons[which]), "-c", code], capture_output=True, text=True).stdout.strip()

    def version(self, which: str, module: str) -> str:
        code = f"import importlib.metadata as m; print(m.version({module!r}))"
        done = subprocess.run([str(self.pythons[which]), "-c", code], capture_output=True, text=True)
        return done.stdout.strip() or "?"


# --- what to measure ---------------------------------------------------------------------------------


def settings(quick: bool, rounds: int | None) -> dict[str, Any]:
    if quick:
        return {
            "server_runs": 1_000,
            "sizes": [10, 100],
            "rounds": rounds or 1,
            "decode_reps": [1, 1],
            "latency": {"calls": 30, "warmup": 5},
            "threads": {"threads": [1, 8], "seconds": 0.2},
            "memory_size": 100,
            "paging": {"total": 1_000, "page_size": 100, "checkpoints": [2, 5, 10]},
            "walk": {"total": 1_000, "page_size": 100},
            "import_reps": 1,
        }
    return {
        "server_runs": 100_000,
        "sizes": [100, 1_000, 10_000],
        "rounds": rounds or 5,
        "decode_reps": [10, 4, 2],  # timings per page size in each round
        "latency": {"calls": 400, "warmup": 40},
        "threads": {"threads": [1, 8], "seconds": 1.0},
        "memory_size": 10_000,
        "paging": {"total": 100_000, "page_size": 100, "checkpoints": [10, 100, 1000]},
        "walk": {"total": 10_000, "page_size": 100},
        "import_reps": 15,
    }


def _median_of(results: dict[str, list[Any]]) -> dict[str, Any]:
    return {k: statistics.median(v) for k, v in results.items()}


def measure(runner: Runner, members: list[tuple[str, str]], cfg: dict[str, Any], quick: bool) -> dict[str, Any]:
    """Every figure, as medians, by ``client-api``. The decode and latency figures of ``sdk`` and ``official``
    carry ``raw_*`` twins: raw urllib3 + json.loads measured in the same process, alternating with the client."""
    keys = [key(c, a) for c, a in members]
    decode: dict[str, dict[str, dict[str, list[float]]]] = {k: {} for k in keys}
    latency: dict[str, dict[str, list[float]]] = {k: {} for k in keys}
    threads: dict[str, dict[str, list[float]]] = {k: {} for k in keys}
    walks: dict[str, dict[str, list[float]]] = {k: {} for k in keys}
    hows: dict[str, dict[str, str]] = {k: {} for k in keys}
    memory: dict[str, Any] = {}
    paging: dict[str, Any] = {}
    walkers = [m for m in members if m[0] != "official" and m[1] == "v2"]  # the official clients would take minutes
    for r in range(cfg["rounds"]):
        order = members[r % len(members) :] + members[: r % len(members)]
        for client, api in order:
            log(f"round {r + 1}/{cfg['rounds']}: {client} {api}")
            tasks: list[tuple[str, dict[str, Any]]] = []
            if client != "raw":  # raw's decode and latency come paired with the others'
                tasks += [("decode", {"sizes": cfg["sizes"], "reps": cfg["decode_reps"]}), ("latency", cfg["latency"])]
            tasks.append(("threads", cfg["threads"]))
            if api == "v2":
                tasks.append(("walk", {**cfg["walk"], "prefetch": [0, PREFETCH] if client == "sdk" else [0]}))
            if quick:  # one process per client: memory and paging ride along
                tasks.append(("memory", {"size": cfg["memory_size"]}))
                tasks += [("paging", cfg["paging"])] if (client, api) in walkers else []
            k = key(client, api)
            results = dict(zip([t for t, _ in tasks], runner.work(client, api, tasks), strict=True))
            for size, kinds in results.get("decode", {}).items():
                for kind, times in kinds.items():
                    decode[k].setdefault(size, {}).setdefault(kind, []).extend(times)
            for kind, values in results.get("latency", {}).items():
                value = statistics.median(values) if isinstance(values, list) else values  # p50s; CPU per call
                latency[k].setdefault(kind, []).append(value)
            for n, rate in results["threads"].items():
                threads[k].setdefault(n, []).append(rate)
            for ahead, walked in results.get("walk", {}).items():
                walks[k].setdefault(ahead, []).append(walked["seconds"])
                hows[k][ahead] = walked["how"]
            if "memory" in results:
                memory[k] = results["memory"]
            if "paging" in results:
                paging[k] = results["paging"]
    if not quick:  # each in a fresh process
        for client, api in members:
            log(f"memory: {client} {api}")
            memory[key(client, api)] = runner.work(client, api, [("memory", {"size": cfg["memory_size"]})])[0]
        for client, api in walkers:
            log(f"paging: {client} {api}")
            paging[key(client, api)] = runner.work(client, api, [("paging", cfg["paging"])])[0]
    log("cold imports")
    which = [w for w in IMPORTS if w in runner.pythons]
    imports: dict[str, list[tuple[float, float]]] = {w: [] for w in which}
    warm = 0 if quick else 1  # the first sample of each warms the bytecode caches and is dropped
    for _ in range(cfg["import_reps"] + warm):
        for w in which:
            imports[w].append(runner.import_time(w))
    med = statistics.median
    return {
        "decode": {k: {s: _median_of(kinds) for s, kinds in d.items()} for k, d in decode.items()},
        "latency": {k: _median_of(d) for k, d in latency.items()},
        "threads": {k: _median_of(d) for k, d in threads.items()},
        "walk": {k: {"seconds": _median_of(d), "how": hows[k]} for k, d in walks.items() if d},
        "imports": {
            w: {"import": med(s[0] for s in v[warm:]), "client": med(s[1] for s in v[warm:])}
            for w, v in imports.items()
        },
        "memory": memory,
        "paging": paging,
        "samples": {"decode": decode, "latency": latency, "threads": threads, "walk": walks, "imports": imports},
    }


# --- the report --------------------------------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x" if value < 10 else f"{value:.0f}x"


def fmt_ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    ms = seconds * 1000
    return f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def _walk_ratio(res: dict[str, Any], client: str, ahead: int) -> float | None:
    walk = res["walk"]
    return ratio(walk.get(key(client, "v2"), {}).get("seconds", {}).get(str(ahead)),
                 walk.get(key("raw", "v2"), {}).get("seconds", {}).get("0"))  # fmt: skip


def goals(res: dict[str, Any], cfg: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(goal, what was measured, met?) for each goal of the issues; None where a figure is missing."""

    def check(goal: str, value: float | None, ok: bool | None, shown: str | None = None) -> None:
        out.append((goal, shown or fmt_ratio(value), None if value is None else ok))

    out: list[tuple[str, str, bool | None]] = []
    big = str(cfg["sizes"][-1])
    dec = {k: d.get(big, {}) for k, d in res["decode"].items()}
    sdk3 = dec.get("sdk-v2", {})
    r, floor = ratio(sdk3.get("read"), sdk3.get("raw_read")), ratio(sdk3.get("converted_read"), sdk3.get("raw_read"))
    check(f"{int(big):,} Airflow-3-shaped runs, every field read and converted: <= 1.3x raw", r, (r or 99) <= 1.3,
          f"{fmt_ratio(r)} (converting alone, in plain Python checking nothing: {fmt_ratio(floor)})")  # fmt: skip
    r = ratio(sdk3.get("again"), sdk3.get("plain"))
    check(f"{int(big):,} Airflow-3-shaped runs, every field read a second time: as plain attributes (<= 1.1x plain "
          "Python objects holding the same values)", r, (r or 99) <= 1.1)  # fmt: skip
    lat = res["latency"].get("sdk-v2", {})
    r = ratio(lat.get("read"), lat.get("raw_read"))
    check("get_dag_run p50 (Airflow 3): <= 1.10x raw", r, (r or 99) <= 1.10)
    pg = cfg["walk"]
    r = _walk_ratio(res, "sdk", PREFETCH)
    shown = f"{fmt_ratio(r)} (prefetch={PREFETCH})" if r is not None else None
    check(f"walking {pg['total']:,} runs, {pg['page_size']} a page, {PAGE_DELAY * 1000:.0f} ms a page: <= 0.4x "
          "a sequential raw loop", r, (r or 99) <= 0.4, shown)  # fmt: skip
    mem = {k: d.get("read") for k, d in res["memory"].items()}
    r = ratio(mem.get("sdk-v2"), mem.get("raw-v2"))
    check(f"memory retained, {cfg['memory_size']:,} Airflow-3-shaped runs, every field read: <= 1.2x raw", r,
          (r or 99) <= 1.2)  # fmt: skip
    imp = {w: d["import"] for w, d in res["imports"].items()}
    r = ratio(imp.get("sdk"), imp.get("official-v2"))
    check(f"cold import of package + DAG-run API: <= 0.1x official {OFFICIAL['v2']}", r, (r or 99) <= 0.1)
    off, sdk = dec.get(key("official", "v1"), {}), dec.get(key("sdk", "v1"), {})
    faster = ratio(ratio(off.get("read"), off.get("raw_read")), ratio(sdk.get("read"), sdk.get("raw_read")))
    check(f"{int(big):,} Airflow-2-shaped runs, every field read: >= 50x faster than official {OFFICIAL['v1']}",
          faster, (faster or 0) >= 50)  # fmt: skip
    points = next(iter(res["paging"].values()), {}).get("points", [])
    if len(points) >= 2:
        first, last = points[0], points[-1]
        flat = last["retained"] - first["retained"] < MIB and last["peak"] < 1.5 * first["peak"] + MIB
        shown = (
            f"retained {first['retained'] / MIB:.2f} → {last['retained'] / MIB:.2f} MiB, "
            f"peak {first['peak'] / MIB:.2f} → {last['peak'] / MIB:.2f} MiB "
            f"({first['pages']:,} → {last['pages']:,} pages)"
        )
        check(f"walking {last['runs']:,} runs page by page: memory flat", 1.0, flat, shown)
    thr = res["threads"].get("sdk-v2", {})
    ns = [str(n) for n in cfg["threads"]["threads"]]
    r = ratio(thr.get(ns[-1]), thr.get(ns[0]))
    check(f"{ns[-1]} threads sharing one ApiClient: throughput scales (>= 3x one thread)", r, (r or 0) >= 3)
    return out


CONVERTS = {
    "official-v2": "every field while decoding (pydantic): datetimes, enums, nested models, UUIDs",
    "official-v1": "every field while decoding: datetimes (dateutil), nested models; states to its DagState",
    "sdk-v2": "every field while decoding: datetimes, enums, nested models, UUIDs",
    "sdk-v1": "every field while decoding: datetimes, enums, nested models",
    "raw-v2": "nothing: timestamps, states and ids stay strings, nested objects dicts",
    "raw-v1": "nothing: timestamps and states stay strings",
}
CONVERTED = (
    "converted in plain Python: raw, then the same conversions (timestamps, enums, UUIDs, each run and DAG version"
    " an object) by straight-line Python checking nothing, the floor under any pure-Python client"
)


def _decode_table(res: dict[str, Any], cfg: dict[str, Any], api: str) -> str:
    dec = res["decode"]
    off, sdk = dec.get(key("official", api), {}), dec.get(key("sdk", api), {})
    rows = []
    for size in map(str, cfg["sizes"]):
        o, s = off.get(size, {}), sdk.get(size, {})
        off_raw, sdk_raw = ratio(o.get("read"), o.get("raw_read")), ratio(s.get("read"), s.get("raw_read"))
        rows.append(
            [
                f"{int(size):,}",
                fmt_ms(o.get("read")),
                fmt_ms(s.get("read")),
                fmt_ms(s.get("raw_read")),
                fmt_ratio(off_raw),
                fmt_ratio(sdk_raw),
                fmt_ratio(ratio(s.get("converted_read"), s.get("raw_read"))),
                fmt_ratio(ratio(off_raw, sdk_raw)),
                fmt_ratio(ratio(o.get("read"), s.get("read"))),
                fmt_ratio(ratio(s.get("again"), s.get("plain"))),
            ]
        )
    name = f"official {OFFICIAL[api]}"
    header = ["runs", name, "airflow_python_sdk", "raw", f"{name} / raw", "sdk / raw", "converted / raw"]
    header += [f"{name} / sdk"]
    header += [f"{name} / sdk (direct)", "every field read again: sdk / plain objects"]
    return f"#### {SHAPE[api]}\n\n" + table(header, rows)


def report(res: dict[str, Any], cfg: dict[str, Any], members: list[tuple[str, str]]) -> str:
    parts = []
    apis = [a for a in APIS if any(m[1] == a for m in members)]
    text = "### get_dag_runs: one page of N runs into models, every field read, HTTP included (median ms)\n\n"
    text += "\n\n".join(_decode_table(res, cfg, api) for api in apis)
    text += (
        "\n\nWhat each converts: "
        + "; ".join(f"{label(c, a)} ({SHAPE[a].split(' (')[0]}): {CONVERTS[key(c, a)]}" for c, a in members)
        + f"; {CONVERTED} (timed in the SDK's worker, next to it and raw)"
        + ". Reading every field means every field the server sends: 22 of each Airflow 3 run and the 8 of each"
        ' of its DAG versions, 14 of each Airflow 2 run; "read again" times a second such pass over the same'
        " models against one over plain Python objects holding the same values (a plain attribute's cost)."
        " Raw is timed in each client's worker process, each of its"
        " timings right before or after one of the client's (the order alternating), so that both see the same"
        " load on the machine; the raw column is the SDK's worker's. official / sdk is (official / raw) /"
        " (sdk / raw), each ratio paired in one process, so that load changing between the official client's long"
        " run and the SDK's short one does not tilt it; the direct quotient of the two medians is beside it."
    )
    parts.append(text)

    lat = res["latency"]
    rows = [
        [
            label(c, a),
            SHAPE[a],
            f"{lat[k]['read'] * 1e6:.0f}",
            f"{lat[k]['raw_read'] * 1e6:.0f}",
            fmt_ratio(ratio(lat[k]["read"], lat[k]["raw_read"])),
            f"{lat[k]['cpu'] * 1e6:.0f}",
            f"{lat[k]['raw_cpu'] * 1e6:.0f}",
            fmt_ratio(ratio(lat[k]["cpu"], lat[k]["raw_cpu"])),
        ]
        for c, a in members
        if "raw_read" in lat.get(k := key(c, a), {})
    ]
    header = ["client", "server", "p50, every field read", "raw (same process)", "vs raw"]
    header += ["client CPU µs per call", "raw CPU µs per call", "vs raw (CPU)"]
    parts.append(
        "### get_dag_run: one call after another, p50 µs (median of the rounds' p50s)\n\n"
        + table(header, rows)
        + "\n\nEach client's worker alternates batches of 20 calls with batches of raw urllib3 + json.loads"
        " calls, so that both see the same load. CPU is the worker process's CPU time per call (every field"
        " read; the server runs in another process): steadier than wall time on a loaded machine."
    )

    walk = res["walk"]
    pg = cfg["walk"]
    rows = []
    for c, a in members:
        for ahead, seconds in walk.get(key(c, a), {}).get("seconds", {}).items():
            how = walk[key(c, a)]["how"][ahead]
            rows.append([label(c, a), how, f"{seconds:.2f}", fmt_ratio(_walk_ratio(res, c, int(ahead)))])
    if rows:
        parts.append(
            f"### Walking {pg['total']:,} Airflow-3-shaped runs, {pg['page_size']} a page, the server taking "
            f"{PAGE_DELAY * 1000:.0f} ms to answer each page (median s)\n\n"
            + table(["client", "how", "s, every field read", "vs raw"], rows)
            + f"\n\nEvery walk pages by offset and reads every field of every run as it comes. prefetch={PREFETCH}"
            f" keeps {PREFETCH} pages asked for (on the client's thread pool and connection pool) while one is read."
        )

    mem = res["memory"]
    rows = [
        [
            label(c, a),
            SHAPE[a],
            f"{mem[k]['decode'] / MIB:.1f}",
            f"{mem[k]['read'] / MIB:.1f}",
            f"{mem[k]['peak_read'] / MIB:.1f}",
            fmt_ratio(ratio(mem[k]["read"], mem.get(key("raw", a), {}).get("read"))),
        ]
        for c, a in members
        if (k := key(c, a)) in mem
    ]
    parts.append(
        f"### Memory retained with {cfg['memory_size']:,} decoded runs kept alive (tracemalloc, MiB)\n\n"
        + table(["client", "server", "decoded", "every field read", "peak", "vs raw (read)"], rows)
    )

    imp = res["imports"]
    rows = [
        [
            label(w.split("-")[0], w.split("-")[-1] if "-" in w else "v2"),
            f"{imp[w]['import'] * 1000:.1f}",
            *(fmt_ratio(ratio(imp[w]["import"], imp.get(f"official-{a}", {}).get("import"))) for a in ("v2", "v1")),
            f"{imp[w]['client'] * 1000:.1f}",
            *(fmt_ratio(ratio(imp[w]["client"], imp.get(f"official-{a}", {}).get("client"))) for a in ("v2", "v1")),
        ]
        for w in imp
    ]
    versus = [f"vs official {OFFICIAL['v2']}", f"vs official {OFFICIAL['v1']}"]
    header = ["client", "import package + DAG-run API", *versus, "and make a first client", *versus]
    parts.append(
        "### Cold import, fresh interpreter (median ms)\n\n"
        + table(header, rows)
        + "\n\n"
        + "; ".join(
            f"{label(w.split('-')[0], w.split('-')[-1] if '-' in w else 'v2')}: `{IMPORTS[w]}`, then "
            f"`{FIRST_CLIENT[w]}`"
            for w in imp
        )
    )

    rows = []
    for k, walked in res["paging"].items():
        client, api = k.split("-")
        for p in walked["points"]:
            rows.append(
                [
                    label(client, api),
                    f"{p['pages']:,}",
                    f"{p['runs']:,}",
                    f"{p['retained'] / MIB:.2f}",
                    f"{p['peak'] / MIB:.2f}",
                    f"{p['rss'] / MIB:.0f}",
                    f"{p['seconds']:.1f}",
                ]
            )
    pgm = cfg["paging"]
    hows = "; ".join(f"{label(*k.split('-'))} with {walked['how']}" for k, walked in res["paging"].items())
    parts.append(
        f"### Paging: {pgm['total']:,} Airflow-3-shaped runs, {pgm['page_size']} per page, every field of every run"
        " read\n\n"
        + table(
            ["client", "pages walked", "runs", "retained MiB", "peak MiB (since the row before)", "RSS MiB", "s"], rows
        )
        + f"\n\n{hows}; tracemalloc on (so slower than usual)."
    )

    thr = res["threads"]
    ns = [str(n) for n in cfg["threads"]["threads"]]
    rows = [
        [label(c, a), SHAPE[a], *(f"{thr[k][n]:.0f}" for n in ns), fmt_ratio(ratio(thr[k][ns[-1]], thr[k][ns[0]]))]
        for c, a in members
        if (k := key(c, a)) in thr
    ]
    parts.append(
        f"### Threads sharing one client: get_dag_run calls/s, the server waiting {THREADS_DELAY * 1000:.0f} ms "
        "before each answer\n\n"
        + table(["client", "server", *(f"{n} thread(s)" for n in ns), f"{ns[-1]} vs {ns[0]}"], rows)
    )

    rows = [[goal, shown, "-" if ok is None else "met" if ok else "MISSED"] for goal, shown, ok in goals(res, cfg)]
    parts.append("### Goals\n\n" + table(["goal", "measured", ""], rows))
    return "\n\n".join(parts)


README_MARKERS = ("<!-- BEGIN PERFORMANCE -->", "<!-- END PERFORMANCE -->")


def with_readme_block(readme: str, block: str) -> str:
    """``readme`` with the text between its performance markers replaced by ``block``."""
    begin, end = README_MARKERS
    start, stop = readme.index(begin) + len(begin), readme.index(end)
    return readme[:start] + "\n" + block + "\n" + readme[stop:]


def readme_block(res: dict[str, Any], cfg: dict[str, Any]) -> str:
    """README's performance table and summary, from one run's results (``results.json``)."""
    big, dec, lat, mem = str(cfg["sizes"][-1]), res["decode"], res["latency"], res["memory"]

    def paged(client: str, api: str, kind: str = "read") -> float | None:
        d = dec.get(key(client, api), {}).get(big, {})
        return ratio(d.get(kind), d.get("raw_read"))

    def latency(client: str, api: str) -> float | None:
        d = lat.get(key(client, api), {})
        return ratio(d.get("read"), d.get("raw_read"))

    def memory(client: str, api: str) -> float | None:
        return ratio(mem.get(key(client, api), {}).get("read"), mem.get(key("raw", api), {}).get("read"))

    def both(f: Any) -> str:
        return f"{fmt_ratio(f('sdk', 'v2'))} / {fmt_ratio(f('sdk', 'v1'))}"

    n = f"{int(big):,}"
    walk, pg = cfg["walk"], cfg["walk"]["page_size"]
    rows = [
        [f"a page of {n} Airflow 3 runs (`get_dag_runs`)", fmt_ratio(paged("sdk", "v2")),
         fmt_ratio(paged("official", "v2")), ""],
        [f"a page of {n} Airflow 2 runs", fmt_ratio(paged("sdk", "v1")), "", fmt_ratio(paged("official", "v1"))],
        ["`get_dag_run` p50, Airflow 3 / Airflow 2", both(latency), fmt_ratio(latency("official", "v2")),
         fmt_ratio(latency("official", "v1"))],
        [f"memory held by {cfg['memory_size']:,} Airflow 3 / Airflow 2 runs", both(memory),
         fmt_ratio(memory("official", "v2")), fmt_ratio(memory("official", "v1"))],
        [f"walking {walk['total']:,} Airflow 3 runs, {pg} a page, {PAGE_DELAY * 1000:.0f} ms a page",
         f"{fmt_ratio(_walk_ratio(res, 'sdk', PREFETCH))} with `prefetch={PREFETCH}` "
         f"({fmt_ratio(_walk_ratio(res, 'sdk', 0))} without)", fmt_ratio(_walk_ratio(res, "official", 0)), ""],
    ]  # fmt: skip
    header = ["", "this SDK / raw", f"official {OFFICIAL['v2']} / raw", f"official {OFFICIAL['v1']} / raw"]
    sdk3 = dec.get(key("sdk", "v2"), {}).get(big, {})
    imp = {w: d["import"] for w, d in res["imports"].items()}
    thr = res["threads"].get(key("sdk", "v2"), {})
    ns = [str(t) for t in cfg["threads"]["threads"]]
    met = sum(1 for _, _, ok in goals(res, cfg) if ok)
    summary = (
        f"Converting alone -- the same timestamps, enums, UUIDs and objects made by the tightest plain Python"
        f" that checks nothing -- costs {fmt_ratio(paged('sdk', 'v2', 'converted_read'))} raw on the Airflow 3"
        f" page ({fmt_ratio(paged('sdk', 'v1', 'converted_read'))} on the Airflow 2 one): the floor under any"
        " pure-Python client; the SDK's type checks and lenient reading are the rest. A field read again costs"
        f" what a plain Python attribute does ({fmt_ratio(ratio(sdk3.get('again'), sdk3.get('plain')))} plain"
        f" objects holding the same values). Importing the package takes"
        f" {fmt_ratio(ratio(imp.get('sdk'), imp.get('official-v2')))} the official {OFFICIAL['v2']} client's"
        f" time ({fmt_ratio(ratio(imp.get('sdk'), imp.get('official-v1')))} {OFFICIAL['v1']}'s); paging through"
        f" {cfg['paging']['total']:,} runs keeps memory flat; {ns[-1]} threads sharing one client get"
        f" {fmt_ratio(ratio(thr.get(ns[-1]), thr.get(ns[0])))} one thread's throughput. {met} of the"
        f" {len(goals(res, cfg))} goals in [BENCHMARKS.md](BENCHMARKS.md) are met."
    )
    return table(header, rows) + "\n\n" + textwrap.fill(summary, 115, break_on_hyphens=False)


def machine(runner: Runner, load_before: Sequence[float], load_after: Sequence[float]) -> str:
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    names = {"sdk": "airflow_python_sdk", "raw": "raw urllib3 + json"}
    names |= {f"official-{a}": f"official {v}" for a, v in OFFICIAL.items()}
    pythons = ", ".join(f"{names[w]} on {runner.python_version(w)}" for w in runner.pythons)
    libraries = [f"urllib3 {runner.version('sdk', 'urllib3')} (this SDK and raw)"]
    for api in ("v2", "v1"):
        w = f"official-{api}"
        if w in runner.pythons:
            extra = "pydantic" if api == "v2" else "python-dateutil"
            libraries.append(
                f"urllib3 {runner.version(w, 'urllib3')} and {extra} {runner.version(w, extra)} ({names[w]}'s venv)"
            )
    loads = [", ".join(f"{x:.2f}" for x in load) for load in (load_before, load_after)]
    return "\n".join(
        [
            f"- CPU: {cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}",
            f"- Python: {pythons}",
            f"- libraries: {'; '.join(libraries)}",
            f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
            f"- load average (1, 5, 15 min) at the start: {loads[0]}; at the end: {loads[1]}",
        ]
    )


def plot(
    res: dict[str, Any], cfg: dict[str, Any], members: list[tuple[str, str]], out: Path, python: Path | None
) -> str:
    if python is None:
        return "plot skipped: matplotlib could not be installed into its benchmark venv"
    sizes, dec = cfg["sizes"], res["decode"]

    def line(k: str, kind: str) -> list[float]:
        return [dec[k][str(size)][kind] * 1000 for size in sizes]

    panels = []
    for api in (a for a in APIS if (("sdk", a)) in members):
        series = []  # label, client (for the colour), dashed, ms per size
        if ("official", api) in members:
            series.append((f"{label('official', api)} (pydantic)" if api == "v2" else label("official", api),
                           "official", False, line(key("official", api), "read")))  # fmt: skip
        series.append((label("sdk"), "sdk", False, line(key("sdk", api), "read")))
        if "converted_read" in dec[key("sdk", api)][str(sizes[0])]:
            series.append(("converted in plain Python, checking nothing", "raw", True,
                           line(key("sdk", api), "converted_read")))  # fmt: skip
        floor = line(key("sdk", api), "raw_read")
        series.append((f"{label('raw')} (the floor: converts nothing)", "raw", False, floor))
        panels.append({"title": SHAPE[api], "series": series})
    data = {"sizes": sizes, "panels": panels}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    try:
        subprocess.run([str(python), str(HERE / "plot.py"), f.name, str(out)], check=True)
    finally:
        os.unlink(f.name)
    return f"plot written to {out}"


def markdown(text: str, machine_text: str, cfg: dict[str, Any], command: str, png: str | None) -> str:
    picture = f"![decode time against page size]({png})" if png else "(no plot drawn)"
    reps, sizes = ("/".join(f"{n:,}" for n in cfg[key]) for key in ("decode_reps", "sizes"))
    return f"""# Benchmarks

```bash
{command}
```

That one command starts a local server serving precomputed DAG runs shaped as Airflow 3.3.2 (`/api/v2`) and
Airflow 2.11 (`/api/v1`) serve them; installs the official clients once into venvs of their own
(apache-airflow-client {OFFICIAL["v2"]}, pydantic-based, measured against the Airflow 3 runs, and
{OFFICIAL["v1"]} against the Airflow 2 ones) and this SDK's requirements (`requirements.txt`) into another, all
under `${{XDG_CACHE_HOME:-~/.cache}}/airflow-python-sdk-bench/`; and measures the official clients, this SDK (from
the checkout) and raw urllib3 + `json.loads` side by side: each client in fresh subprocesses, in {cfg["rounds"]}
rounds that alternate the clients. Figures are medians; every ratio compares figures from this one run.
`python benchmarks/run.py --quick` checks that it all runs (tiny sizes, one round, the official clients only
if already installed, nothing written unless `--output-dir` is given; the test suite runs it).

## Machine

{machine_text}

The machine is shared (other test suites and servers run on it), so absolute times are noisy; the
ratios, taken side by side in one run, are what to compare.

## Results

{text}

{picture}

## Where the time goes (profiled with cProfile when this benchmark was written)

- **official 3.3.2**: each run goes through `from_dict`, which builds a second dict of its fields, then
  pydantic's `model_validate` (in Rust) parses and checks every value; 8 of 22 fields are timestamps. Each
  model keeps its values and pydantic's bookkeeping (fields set, private attributes).
- **official 2.10.0**: about half of decoding a page is `dateutil.parser.parse` (the general-purpose parser,
  seven timestamps per run); most of the rest is its `model_utils` checking and converting each value
  against a table of allowed types, hence also 61 MiB for 10,000 runs.
- **this SDK**: `json.loads`, then one pass per run by code compiled for the model from its field
  declarations (the first time a model meets an answer of that shape): the decoded JSON object becomes
  the model's `__dict__`, and each value is checked against its declared JSON type and converted in place
  (timestamps by `datetime.fromisoformat`, enums by a dict look-up, UUIDs by a small cache, nested models by
  their own compiled code). A field is then a plain attribute: reading it again costs what any attribute
  does. A value that cannot be read is set aside and fails only its field. What a page of Airflow 3 runs
  costs over raw is that pass, about 3 µs a run on this machine: 9 timestamps parsed (8 of the run's, 1 of
  its DAG version's), 3 enums, a UUID, 30 type checks and 2 objects, in Python; raw converts nothing. The
  "converted" column makes the same conversions in straight-line Python that checks nothing: most of the
  pass is converting itself, and no pure-Python client can convert for less. In
  `get_dag_run` most of the client's CPU is urllib3 and http.client, the same code raw runs; what does not
  change between calls is worked out once (each parameter's plain types, path values percent-encoded, the
  connection pool of each host and the parse of its URL's origin, which urllib3's pool manager otherwise
  redoes on every request), so the SDK's own share is a few µs.
- **paging**: the walk is bound by the server's time per page; `prefetch` overlaps it.
- **cold import**: urllib3 (and the ssl, http.client and email modules it brings) is imported when the
  first `ApiClient` is made, not with the package: "and make a first client" shows the cost moves there.

## How each figure is taken

- **get_dag_runs**: `get_dag_runs(dag_id, limit=N)` from the request to the list of runs in hand (raw:
  `urllib3` request, `json.loads`, `["dag_runs"]`), the HTTP round trip included, then every field of every
  run read (one `attrgetter` call per model, one `itemgetter` call per raw dict; for Airflow 3, also per DAG
  version). The official clients and this SDK convert every value while decoding; raw converts nothing (its
  timestamps stay strings), which makes it the floor. {reps} timings per page size ({sizes} runs) in each of
  {cfg["rounds"]} rounds. Raw is timed in each client's worker, each of its timings next to one of the client's.
- **get_dag_run**: {cfg["latency"]["calls"]} calls one after another on a kept-alive connection after
  {cfg["latency"]["warmup"]} warm-up calls, in batches of 20 alternating with batches of raw calls in the
  same process; each round's p50, then the median over rounds. CPU per call is the worker's CPU time.
- **walking**: {cfg["walk"]["total"]:,} runs, {cfg["walk"]["page_size"]} per page (a real Airflow's maximum page),
  the server sleeping {PAGE_DELAY * 1000:.0f} ms before each page; once per round.
- **memory**: `tracemalloc` in a fresh worker: the bytes still allocated after `gc.collect()` while the
  page of {cfg["memory_size"]:,} runs is kept alive, after decoding and again after reading every field.
- **cold import**: a fresh interpreter per sample times the import with `time.perf_counter()`, then the
  making of a first client; {cfg["import_reps"]} samples per client after one that warms the bytecode caches.
  Each client runs in its own venv (no preloaded site-packages), with bytecode cached as for an installed
  package (`PYTHONPYCACHEPREFIX` in the cache folder, whatever `PYTHONDONTWRITEBYTECODE` says).
- **paging**: {cfg["paging"]["total"]:,} runs, {cfg["paging"]["page_size"]} per page, every field of every
  run read, only the current page kept; tracemalloc's retained and peak bytes and the process's RSS at
  several page counts. The official clients are left out (they would take minutes); raw is the reference.
- **threads**: one client shared by 1, then 8 threads calling `get_dag_run` for {cfg["threads"]["seconds"]} s
  each against answers delayed {THREADS_DELAY * 1000:.0f} ms by the server; 8 pooled connections for every client.
- The server (`benchmarks/server.py`: stdlib `ThreadingHTTPServer`, HTTP/1.1 keep-alive, Nagle off) runs in
  a process of its own. Every run carries every field its Airflow sends, timestamps written as it writes
  them (Airflow 3: `2024-01-01T01:00:03.123456Z`; Airflow 2: `...+00:00`), a DAG version shared by 1,000 runs,
  states and run types within what the official clients accept.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one round, the official clients only if installed"
    )
    parser.add_argument("--rounds", type=int, help="rounds (each a fresh process per client); default 5, --quick 1")
    parser.add_argument("--no-official", action="store_true", help="leave the official clients out")
    parser.add_argument("--no-plot", action="store_true", help="draw no plot (and install no matplotlib)")
    parser.add_argument(
        "--output-dir",
        type=Path,
        help="where to write BENCHMARKS.md, decode_time.png and results.json "
        "(default: the repo for a full run, nothing for --quick)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cfg = settings(args.quick, args.rounds)
    load_before = os.getloadavg()
    cache = cache_dir()
    # The SDK in a venv of its own too, holding only its requirements: the same clean start as the official
    # clients' (this interpreter's site-packages may preload modules, which would flatter its imports).
    sdk_python = ensure_venv(
        cache / "sdk-requirements",
        ["-r", str(REPO / "requirements.txt")],
        "import airflow_python_sdk",
        install=not args.quick,
        pythonpath=str(REPO),
    )
    if sdk_python is None:
        log(f"the SDK's requirements venv is not there: using {sys.executable} (a full run makes the venv)")
    pythons = {"sdk": sdk_python or Path(sys.executable), "raw": sdk_python or Path(sys.executable)}
    if not args.no_official:
        for api, version in OFFICIAL.items():
            official = ensure_venv(
                cache / f"official-{version}",
                [f"apache-airflow-client=={version}"],
                "import airflow_client.client",
                install=not args.quick,
            )
            if official is None:
                log(f"the official client {version} is not installed: left out (a full run installs it)")
            else:
                pythons[f"official-{api}"] = official
    members = [(c, a) for a in APIS for c in CLIENTS if c != "official" or f"official-{a}" in pythons]
    server = Server(cfg["server_runs"])
    try:
        with tempfile.TemporaryDirectory() as workdir:
            runner = Runner(pythons, server.url, workdir)
            res = measure(runner, members, cfg, args.quick)
            load_after = os.getloadavg()
            text = report(res, cfg, members)
            print(text, flush=True)
            out_dir = args.output_dir or (None if args.quick else REPO)
            if out_dir is not None:
                out_dir.mkdir(parents=True, exist_ok=True)
                files = HERE if out_dir == REPO else out_dir  # the repo keeps the plot and figures in benchmarks/
                png = files / "decode_time.png"
                if not args.no_plot:
                    plot_python = ensure_venv(cache / "plot", ["matplotlib"], "import matplotlib", install=True)
                    log(plot(res, cfg, members, png, plot_python))
                command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
                command += f" --rounds {args.rounds}" if args.rounds else ""
                doc = markdown(
                    text,
                    machine(runner, load_before, load_after),
                    cfg,
                    command,
                    None if args.no_plot else png.relative_to(out_dir).as_posix(),
                )
                (out_dir / "BENCHMARKS.md").write_text(doc)
                if out_dir == REPO:
                    readme = REPO / "README.md"
                    readme.write_text(with_readme_block(readme.read_text(), readme_block(res, cfg)))
                (files / "results.json").write_text(json.dumps({"settings": cfg, "results": res}, indent=1) + "\n")
                log(f"wrote {out_dir / 'BENCHMARKS.md'}")
    finally:
        server.close()
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
