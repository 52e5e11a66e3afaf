"""Benchmark this SDK against the official client (apache-airflow-client 2.10.0) and raw urllib3 + json.loads.

    python benchmarks/run.py           # the full run, a few minutes: writes BENCHMARKS.md, benchmarks/decode_time.png
    python benchmarks/run.py --quick   # tiny sizes, one round, prints the tables only (about 20 s)

It starts a local server (``server.py``, in a subprocess of its own) serving precomputed Airflow-2.11-shaped
DAG runs; installs the official client once into its own venv under
``${XDG_CACHE_HOME:-~/.cache}/airflow-python-sdk-bench/`` (``--quick`` leaves it out unless it is already
there); and measures each client in a fresh subprocess (``worker.py``) with the same requests, in rounds
that alternate the clients, so that every ratio compares figures taken side by side in one run.
Reported figures are medians.
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
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OFFICIAL_VERSION = "2.10.0"
MIB = 2**20
CLIENTS = ("official", "sdk", "raw")
LABEL = {"official": f"official {OFFICIAL_VERSION}", "sdk": "airflow_python_sdk", "raw": "raw urllib3 + json"}
IMPORTS = {
    "sdk": "import airflow_python_sdk; from airflow_python_sdk.api.dag_run_api import DAGRunApi",
    "official": "import airflow_client.client; from airflow_client.client.api.dag_run_api import DAGRunApi",
    "raw": "import json, urllib3",
}
FIRST_CLIENT = {  # what a script does next, and where a package may have put off some of its work
    "sdk": "DAGRunApi(airflow_python_sdk.ApiClient(airflow_python_sdk.Configuration(host=HOST)))",
    "official": "DAGRunApi(airflow_client.client.ApiClient(airflow_client.client.Configuration(host=HOST)))",
    "raw": "urllib3.PoolManager(maxsize=8)",
}
THREADS_DELAY = 0.005


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

    def __init__(self, runs: int, delay: float) -> None:
        cmd = [sys.executable, str(HERE / "server.py"), "--runs", str(runs), "--delay", str(delay)]
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
    """Runs measurements in fresh interpreters: each client's own (the official one in its venv)."""

    def __init__(self, pythons: dict[str, Path], url: str, workdir: str) -> None:
        self.pythons, self.url, self.workdir = pythons, url, workdir

    def _env(self, client: str) -> dict[str, str]:
        # this checkout's airflow_python_sdk, installed or not
        return child_env(str(REPO) if client == "sdk" else None)

    def work(self, client: str, plan: list[tuple[str, dict[str, Any]]]) -> list[Any]:
        """Run ``plan`` in a fresh worker process of ``client``; its results, one per task."""
        cmd = [str(self.pythons[client]), str(HERE / "worker.py"), client, self.url, json.dumps(plan)]
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=self._env(client), cwd=self.workdir, timeout=1800
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if done.returncode != 0 or not lines:
            raise SystemExit(f"worker {client} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        return json.loads(lines[-1][len("RESULT ") :])  # type: ignore[no-any-return]

    def import_time(self, client: str) -> tuple[float, float]:
        """Seconds to import the package and its DAGRunApi in a fresh interpreter; and to also make a client."""
        code = (
            f"import time; t0 = time.perf_counter(); {IMPORTS[client]}; t1 = time.perf_counter(); "
            f"HOST = 'http://127.0.0.1:9/api/v1'; {FIRST_CLIENT[client]}; print(t1 - t0, time.perf_counter() - t0)"
        )
        cmd = [str(self.pythons[client]), "-c", code]
        done = subprocess.run(cmd, capture_output=True, text=True, env=self._env(client), cwd=self.workdir, check=True)
        imported, with_client = map(float, done.stdout.split())
        return imported, with_client

    def python_version(self, client: str) -> str:
        code = "import platform; print(platform.python_version())"
        return subprocess.run([str(self.pythons[client]), "-c", code], capture_output=True, text=True).stdout.strip()

    def version(self, client: str, module: str) -> str:
        code = f"import importlib.metadata as m; print(m.version({module!r}))"
        done = subprocess.run([str(self.pythons[client]), "-c", code], capture_output=True, text=True)
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
        "import_reps": 15,
    }


def measure(runner: Runner, clients: list[str], cfg: dict[str, Any], quick: bool) -> dict[str, Any]:
    """Every figure, as medians. The decode and latency figures of ``sdk`` and ``official`` carry ``raw_*``
    twins: raw urllib3 + json.loads measured in the same process, alternating with the client."""
    decode: dict[str, dict[str, dict[str, list[float]]]] = {c: {} for c in clients}
    latency: dict[str, dict[str, list[float]]] = {c: {} for c in clients}
    threads: dict[str, dict[str, list[float]]] = {c: {} for c in clients}
    memory: dict[str, Any] = {}
    paging: dict[str, Any] = {}
    models = [c for c in clients if c != "raw"]
    plan = [
        ("decode", {"sizes": cfg["sizes"], "reps": cfg["decode_reps"]}),
        ("latency", cfg["latency"]),
        ("threads", cfg["threads"]),
    ]
    # Walking 100,000 runs would take the official client minutes: raw is the reference there.
    walkers = [c for c in clients if c != "official"]
    for r in range(cfg["rounds"]):
        order = clients[r % len(clients) :] + clients[: r % len(clients)]
        for client in order:
            log(f"round {r + 1}/{cfg['rounds']}: {client}")
            tasks = plan if client in models else plan[2:]  # raw's decode and latency come paired with the others'
            if quick:  # one process per client: memory and paging ride along
                tasks = [*tasks, ("memory", {"size": cfg["memory_size"]})]
                tasks += [("paging", cfg["paging"])] if client in walkers else []
            results = dict(zip([t for t, _ in tasks], runner.work(client, tasks), strict=True))
            for size, kinds in results.get("decode", {}).items():
                for kind, times in kinds.items():
                    decode[client].setdefault(size, {}).setdefault(kind, []).extend(times)
            for kind, values in results.get("latency", {}).items():
                value = statistics.median(values) if isinstance(values, list) else values  # p50s; CPU per call
                latency[client].setdefault(kind, []).append(value)
            for n, rate in results["threads"].items():
                threads[client].setdefault(n, []).append(rate)
            if "memory" in results:
                memory[client] = results["memory"]
            if "paging" in results:
                paging[client] = results["paging"]
    if not quick:  # each in a fresh process
        for client in clients:
            log(f"memory: {client}")
            memory[client] = runner.work(client, [("memory", {"size": cfg["memory_size"]})])[0]
        for client in walkers:
            log(f"paging: {client}")
            paging[client] = runner.work(client, [("paging", cfg["paging"])])[0]
    log("cold imports")
    imports: dict[str, list[tuple[float, float]]] = {c: [] for c in clients}
    warm = 0 if quick else 1  # the first sample of each warms the bytecode caches and is dropped
    for _ in range(cfg["import_reps"] + warm):
        for client in clients:
            imports[client].append(runner.import_time(client))
    med = statistics.median
    return {
        "decode": {c: {s: {k: med(v) for k, v in kinds.items()} for s, kinds in d.items()} for c, d in decode.items()},
        "latency": {c: {k: med(v) for k, v in d.items()} for c, d in latency.items()},
        "threads": {c: {n: med(v) for n, v in d.items()} for c, d in threads.items()},
        "imports": {
            c: {"import": med(s[0] for s in v[warm:]), "client": med(s[1] for s in v[warm:])}
            for c, v in imports.items()
        },
        "memory": memory,
        "paging": paging,
        "samples": {"decode": decode, "latency": latency, "threads": threads, "imports": imports},
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


def goals(res: dict[str, Any], cfg: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(goal, what was measured, met?) for each goal of the issue; None where a figure is missing."""

    def check(goal: str, value: float | None, ok: bool | None, shown: str | None = None) -> None:
        out.append((goal, shown or fmt_ratio(value), None if value is None else ok))

    out: list[tuple[str, str, bool | None]] = []
    big = str(cfg["sizes"][-1])
    dec = {c: d.get(big, {}) for c, d in res["decode"].items()}
    sdk = dec.get("sdk", {})
    off = dec.get("official", {})
    speedup = ratio(ratio(off.get("read"), off.get("raw_read")), ratio(sdk.get("read"), sdk.get("raw_read")))
    direct = ratio(off.get("read"), sdk.get("read"))
    shown = f"{fmt_ratio(speedup)} (direct: {fmt_ratio(direct)})"
    goal = f"{int(big):,} runs, every field read: >= 50x faster than official"
    check(goal, speedup, (speedup or 0) >= 50, shown if speedup is not None else None)
    floor = ratio(sdk.get("read"), sdk.get("raw_read"))
    check(f"{int(big):,} runs, every field read: <= 3x raw", floor, (floor or 99) <= 3)
    lat = res["latency"].get("sdk", {})
    r = ratio(lat.get("read"), lat.get("raw_read"))
    check("get_dag_run p50, every field read: <= 1.25x raw", r, (r or 99) <= 1.25)
    mem = {c: d.get("read") for c, d in res["memory"].items()}
    r = ratio(mem.get("sdk"), mem.get("raw"))
    check(f"memory retained, {cfg['memory_size']:,} runs, every field read: <= 2x raw", r, (r or 99) <= 2)
    imp = {c: d["import"] for c, d in res["imports"].items()}
    r = ratio(imp.get("sdk"), imp.get("official"))
    check("cold import of package + DAGRunApi: <= 0.7x official", r, (r or 99) <= 0.7)
    points = res["paging"].get("sdk", {}).get("points", [])
    if len(points) >= 2:
        first, last = points[0], points[-1]
        flat = last["retained"] - first["retained"] < MIB and last["peak"] < 1.5 * first["peak"] + MIB
        shown = (
            f"retained {first['retained'] / MIB:.2f} → {last['retained'] / MIB:.2f} MiB, "
            f"peak {first['peak'] / MIB:.2f} → {last['peak'] / MIB:.2f} MiB "
            f"({first['pages']:,} → {last['pages']:,} pages)"
        )
        check(f"walking {last['runs']:,} runs page by page: memory flat", 1.0, flat, shown)
    thr = res["threads"].get("sdk", {})
    ns = [str(n) for n in cfg["threads"]["threads"]]
    r = ratio(thr.get(ns[-1]), thr.get(ns[0]))
    check(f"{ns[-1]} threads sharing one ApiClient: throughput scales (>= 3x one thread)", r, (r or 0) >= 3)
    return out


def report(res: dict[str, Any], cfg: dict[str, Any], clients: list[str]) -> str:
    parts = []
    dec = res["decode"]
    rows = []
    for size in map(str, cfg["sizes"]):
        off, sdk = ({**dec.get(c, {}).get(size, {})} for c in ("official", "sdk"))
        off_raw, sdk_raw = ratio(off.get("read"), off.get("raw_read")), ratio(sdk.get("read"), sdk.get("raw_read"))
        rows.append(
            [
                f"{int(size):,}",
                fmt_ms(off.get("read")),
                fmt_ms(sdk.get("decode")),
                fmt_ms(sdk.get("read")),
                fmt_ms(sdk.get("raw_decode")),
                fmt_ms(sdk.get("raw_read")),
                fmt_ratio(off_raw),
                fmt_ratio(sdk_raw),
                fmt_ratio(ratio(sdk.get("decode"), sdk.get("raw_decode"))),
                fmt_ratio(ratio(off_raw, sdk_raw)),
                fmt_ratio(ratio(off.get("read"), sdk.get("read"))),
            ]
        )
    header = ["runs", "official", "sdk decode", "sdk decode + read", "raw decode", "raw decode + read"]
    header += ["official / raw", "sdk / raw", "sdk / raw (decode only)", "official / sdk", "official / sdk (direct)"]
    text = "### get_dag_runs: one page of N runs into models, HTTP included (median ms)\n\n" + table(header, rows)
    text += (
        "\n\nRaw is timed in each client's worker process, each of its timings right before or after one of the"
        " client's (the order alternating), so that both see the same load on the machine; the raw columns are"
        " those of the SDK's worker. Ratios are of decode + read unless said otherwise. official / sdk is"
        " (official / raw) / (sdk / raw), each ratio paired in one process, so that load changing between the"
        " official client's long run and the SDK's short one does not tilt it; the direct quotient of the two"
        " medians is beside it."
    )
    if "official" in clients:
        text += (
            " The official client converts every field while decoding, so its decode and decode + read are"
            " one figure (decode only: "
            + ", ".join(f"{int(s):,} runs {fmt_ms(dec['official'][str(s)]['decode'])} ms" for s in cfg["sizes"])
            + ")."
        )
    parts.append(text)

    lat = res["latency"]
    rows = [
        [
            LABEL[c],
            f"{lat[c]['decode'] * 1e6:.0f}",
            f"{lat[c]['read'] * 1e6:.0f}",
            f"{lat[c]['raw_read'] * 1e6:.0f}",
            fmt_ratio(ratio(lat[c]["read"], lat[c]["raw_read"])),
            f"{lat[c]['cpu'] * 1e6:.0f}",
            f"{lat[c]['raw_cpu'] * 1e6:.0f}",
            fmt_ratio(ratio(lat[c]["cpu"], lat[c]["raw_cpu"])),
        ]
        for c in clients
        if c in lat and "raw_read" in lat[c]
    ]
    header = ["client", "decode", "decode + read", "raw (same process)", "vs raw"]
    header += ["client CPU µs per call", "raw CPU µs per call", "vs raw (CPU)"]
    parts.append(
        "### get_dag_run: one call after another, p50 µs (median of the rounds' p50s)\n\n"
        + table(header, rows)
        + "\n\nEach client's worker alternates batches of 20 calls with batches of raw urllib3 + json.loads"
        " calls, so that both see the same load. CPU is the worker process's CPU time per call (decode + read;"
        " the server runs in another process): steadier than wall time on a loaded machine."
    )

    mem = res["memory"]
    rows = [
        [
            LABEL[c],
            f"{mem[c]['decode'] / MIB:.1f}",
            f"{mem[c]['read'] / MIB:.1f}",
            f"{mem[c]['peak_read'] / MIB:.1f}",
            fmt_ratio(ratio(mem[c]["read"], mem["raw"]["read"])),
        ]
        for c in clients
    ]
    parts.append(
        f"### Memory retained with {cfg['memory_size']:,} decoded runs kept alive (tracemalloc, MiB)\n\n"
        + table(["client", "decoded", "every field read", "peak", "vs raw (read)"], rows)
    )

    imp = res["imports"]
    rows = [
        [
            LABEL[c],
            f"{imp[c]['import'] * 1000:.1f}",
            fmt_ratio(ratio(imp[c]["import"], imp.get("official", {}).get("import"))),
            f"{imp[c]['client'] * 1000:.1f}",
            fmt_ratio(ratio(imp[c]["client"], imp.get("official", {}).get("client"))),
        ]
        for c in clients
    ]
    parts.append(
        "### Cold import, fresh interpreter (median ms)\n\n"
        + table(["client", "import package + DAGRunApi", "vs official", "and make a first client", "vs official"], rows)
        + "\n\n"
        + "; ".join(f"{LABEL[c]}: `{IMPORTS[c]}`, then `{FIRST_CLIENT[c]}`" for c in clients)
    )

    rows = []
    for c, walk in res["paging"].items():
        for p in walk["points"]:
            rows.append(
                [
                    LABEL[c],
                    f"{p['pages']:,}",
                    f"{p['runs']:,}",
                    f"{p['retained'] / MIB:.2f}",
                    f"{p['peak'] / MIB:.2f}",
                    f"{p['rss'] / MIB:.0f}",
                    f"{p['seconds']:.1f}",
                ]
            )
    pg = cfg["paging"]
    hows = "; ".join(f"{LABEL[c]} with {walk['how']}" for c, walk in res["paging"].items())
    parts.append(
        f"### Paging: {pg['total']:,} runs, {pg['page_size']} per page, every field of every run read\n\n"
        + table(
            ["client", "pages walked", "runs", "retained MiB", "peak MiB (since the row before)", "RSS MiB", "s"], rows
        )
        + f"\n\n{hows}; tracemalloc on (so slower than usual)."
    )

    thr = res["threads"]
    ns = [str(n) for n in cfg["threads"]["threads"]]
    rows = [
        [LABEL[c], *(f"{thr[c][n]:.0f}" for n in ns), fmt_ratio(ratio(thr[c][ns[-1]], thr[c][ns[0]]))] for c in clients
    ]
    parts.append(
        f"### Threads sharing one client: get_dag_run calls/s, the server waiting {THREADS_DELAY * 1000:.0f} ms "
        "before each answer\n\n" + table(["client", *(f"{n} thread(s)" for n in ns), f"{ns[-1]} vs {ns[0]}"], rows)
    )

    rows = [[goal, shown, "-" if ok is None else "met" if ok else "MISSED"] for goal, shown, ok in goals(res, cfg)]
    parts.append("### Goals\n\n" + table(["goal", "measured", ""], rows))
    return "\n\n".join(parts)


def machine(runner: Runner, load_before: Sequence[float], load_after: Sequence[float]) -> str:
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    pythons = ", ".join(f"{LABEL[c]} on {runner.python_version(c)}" for c in runner.pythons)
    libraries = [f"urllib3 {runner.version('sdk', 'urllib3')} (this SDK and raw)"]
    if "official" in runner.pythons:
        libraries.append(
            f"urllib3 {runner.version('official', 'urllib3')} and python-dateutil "
            f"{runner.version('official', 'python-dateutil')} (official client's venv)"
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


def plot(res: dict[str, Any], cfg: dict[str, Any], clients: list[str], out: Path, python: Path | None) -> str:
    if python is None:
        return "plot skipped: matplotlib could not be installed into its benchmark venv"
    sizes, dec = cfg["sizes"], res["decode"]

    def line(client: str, kind: str) -> list[float]:
        return [dec[client][str(size)][kind] * 1000 for size in sizes]

    series = []  # label, client (for the colour), dashed, ms per size
    if "official" in clients:
        series.append(
            (f"{LABEL['official']} (converts everything while decoding)", "official", False, line("official", "read"))
        )
    series.append((f"{LABEL['sdk']}: decode + read every field", "sdk", False, line("sdk", "read")))
    series.append((f"{LABEL['sdk']}: decode only (fields converted on first read)", "sdk", True, line("sdk", "decode")))
    series.append((f"{LABEL['raw']}: decode + read every field (the floor)", "raw", False, line("sdk", "raw_read")))
    data = {"sizes": sizes, "series": series}
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

That one command starts a local server serving precomputed Airflow-2.11-shaped DAG runs, installs the
official client (apache-airflow-client {OFFICIAL_VERSION}) once into a venv of its own and this SDK's requirements
(`requirements.txt`) into another, both under `${{XDG_CACHE_HOME:-~/.cache}}/airflow-python-sdk-bench/`, and
measures the official client, this SDK (from the checkout) and raw urllib3 + `json.loads` side by side:
each client in fresh subprocesses, in {cfg["rounds"]} rounds that alternate the clients. Figures are
medians; every ratio compares figures from this one run. `python benchmarks/run.py --quick` checks that
it all runs (tiny sizes, one round, nothing written unless `--output-dir` is given; the test suite runs it).

## Machine

{machine_text}

The machine is shared (other test suites and servers run on it), so absolute times are noisy; the
ratios, taken side by side in one run, are what to compare.

## Results

{text}

{picture}

## Where the time goes (profiled with cProfile and pyinstrument when this benchmark was written)

- **official client**: about half of decoding a page is `dateutil.parser.parse` (the general-purpose parser,
  seven timestamps per run); most of the rest is its `model_utils` checking and converting each value
  against a table of allowed types. Each model also keeps its own bookkeeping (path, configuration, type
  flags), hence 61 MiB for 10,000 runs.
- **this SDK**: decoding is `json.loads` plus one small wrapper per run; a field is converted when first
  read (one descriptor call; timestamps by `datetime.fromisoformat`, about 0.1 µs each) and then cached,
  while values JSON already gives in their declared type (strings, booleans, `conf`) are returned as
  sent. In `get_dag_run` about 80-85% of the client's CPU is urllib3 and http.client, the same code raw
  runs; of the SDK's own share about half is building the request (argument checks, path quoting, headers).
- **cold import**: urllib3 (and the ssl, http.client and email modules it brings) is imported when the
  first `ApiClient` is made, not with the package: "and make a first client" shows the cost moves there.

## How each figure is taken

- **get_dag_runs**: `get_dag_runs(dag_id, limit=N)` from the request to the list of runs in hand (raw:
  `urllib3` request, `json.loads`, `["dag_runs"]`), the HTTP round trip included. **decode + read** then
  reads all 14 fields of every run (one `attrgetter` call per model, one `itemgetter` call per raw dict).
  This SDK converts a field (datetime, enum, nested model) when it is first read, so decode + read is
  the honest comparison; the official client converts everything while decoding; raw converts nothing
  (its timestamps stay strings), which makes it the floor. {reps} timings per page size
  ({sizes} runs) in each of {cfg["rounds"]} rounds.
  Raw is timed in the SDK's worker, each of its timings next to one of the SDK's.
- **get_dag_run**: {cfg["latency"]["calls"]} calls one after another on a kept-alive connection after
  {cfg["latency"]["warmup"]} warm-up calls, in batches of 20 alternating with batches of raw calls in the
  same process; each round's p50, then the median over rounds. CPU per call is the worker's CPU time.
- **memory**: `tracemalloc` in a fresh worker: the bytes still allocated after `gc.collect()` while the
  page of {cfg["memory_size"]:,} runs is kept alive, after decoding and again after reading every field.
- **cold import**: a fresh interpreter per sample times the import with `time.perf_counter()`, then the
  making of a first client; {cfg["import_reps"]} samples per client after one that warms the bytecode caches.
  Each client runs in its own venv (no preloaded site-packages), with bytecode cached as for an installed
  package (`PYTHONPYCACHEPREFIX` in the cache folder, whatever `PYTHONDONTWRITEBYTECODE` says).
- **paging**: {cfg["paging"]["total"]:,} runs, {cfg["paging"]["page_size"]} per page, every field of every
  run read, only the current page kept; tracemalloc's retained and peak bytes and the process's RSS at
  several page counts. The official client is left out (it would take minutes); raw is the reference.
- **threads**: one client shared by 1, then 8 threads calling `get_dag_run` for {cfg["threads"]["seconds"]} s
  each against answers delayed {THREADS_DELAY * 1000:.0f} ms by the server; 8 pooled connections for every client.
- The server (`benchmarks/server.py`: stdlib `ThreadingHTTPServer`, HTTP/1.1 keep-alive, Nagle off) runs in
  a process of its own. Every run carries every field Airflow 2.11 sends, timestamps written as it writes
  them (`2024-01-01T01:00:03.123456+00:00`), states and run types within what the official client accepts.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round, official client only if installed")
    parser.add_argument("--rounds", type=int, help="rounds (each a fresh process per client); default 5, --quick 1")
    parser.add_argument("--no-official", action="store_true", help="leave the official client out")
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
    # client's (this interpreter's site-packages may preload modules, which would flatter its imports).
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
        official = ensure_venv(
            cache / f"official-{OFFICIAL_VERSION}",
            [f"apache-airflow-client=={OFFICIAL_VERSION}"],
            "import airflow_client.client",
            install=not args.quick,
        )
        if official is None:
            log("the official client is not installed: left out (a full run installs it)")
        else:
            pythons["official"] = official
    clients = [c for c in CLIENTS if c in pythons]
    server = Server(cfg["server_runs"], THREADS_DELAY)
    try:
        with tempfile.TemporaryDirectory() as workdir:
            runner = Runner(pythons, server.url, workdir)
            res = measure(runner, clients, cfg, args.quick)
            load_after = os.getloadavg()
            text = report(res, cfg, clients)
            print(text, flush=True)
            out_dir = args.output_dir or (None if args.quick else REPO)
            if out_dir is not None:
                out_dir.mkdir(parents=True, exist_ok=True)
                files = HERE if out_dir == REPO else out_dir  # the repo keeps the plot and figures in benchmarks/
                png = files / "decode_time.png"
                if not args.no_plot:
                    plot_python = ensure_venv(cache / "plot", ["matplotlib"], "import matplotlib", install=True)
                    log(plot(res, cfg, clients, png, plot_python))
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
                (files / "results.json").write_text(json.dumps({"settings": cfg, "results": res}, indent=1) + "\n")
                log(f"wrote {out_dir / 'BENCHMARKS.md'}")
    finally:
        server.close()
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
