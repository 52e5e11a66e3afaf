"""Benchmark ``to_pandas`` of a 100,000-run walk against the walk itself (reading the runs page by page).

    python benchmarks/frames.py                  # 100,000 runs, 5 rounds, Airflow 3 and 2 shapes
    python benchmarks/frames.py --runs 2000 --rounds 1   # a quick check

It starts ``server.py`` (precomputed runs shaped as Airflow 3.3.2 and 2.11 send them; no page delay: the walk is
timed at its fastest, only HTTP, JSON and the models) in a process of its own, and in this process, per round:
walks ``paginate(api.get_dag_runs, "bench_dag", page_size=100)`` into a list (the read), then converts that
list with ``airflow_python_sdk.to_pandas`` (the conversion). Prints the medians (seconds) and conversion/read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from run import Server  # noqa: E402

import airflow_python_sdk  # noqa: E402
from airflow_python_sdk import paginate, to_pandas  # noqa: E402
from airflow_python_sdk.api.dag_run_api import DAGRunApi  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    to_pandas([])  # pandas imported before timing
    server = Server(args.runs)
    try:
        print("| API | runs | read (walk), s | to_pandas, s | to_pandas / read | columns |\n|---|---|---|---|---|---|")
        for api in ("v2", "v1"):
            auth = {"username": "u", "password": "p"} if api == "v1" else {"access_token": "bench-token"}
            config = airflow_python_sdk.Configuration(host=f"{server.url}/api/{api}", **auth)
            with airflow_python_sdk.ApiClient(config) as client:
                runs_api = DAGRunApi(client)
                reads, converts, ratios = [], [], []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    runs = list(paginate(runs_api.get_dag_runs, "bench_dag", page_size=100))
                    read = time.perf_counter() - started
                    started = time.perf_counter()
                    frame = to_pandas(runs)
                    convert = time.perf_counter() - started
                    assert len(frame) == len(runs) == args.runs, (len(frame), len(runs))
                    reads.append(read), converts.append(convert), ratios.append(convert / read)
                    del runs, frame
                columns = len(to_pandas(runs_api.get_dag_runs("bench_dag", limit=1)).columns)
                print(
                    f"| {api} | {args.runs:,} | {statistics.median(reads):.2f} | {statistics.median(converts):.3f} "
                    f"| {statistics.median(ratios):.2f} | {columns} |",
                    flush=True,
                )
    finally:
        server.close()


if __name__ == "__main__":
    main()
