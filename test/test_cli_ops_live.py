"""``airflow-sdk`` for operators' scripts, as a subprocess against real Airflow 2.11.2 and 3.3.2:

- ``dag-runs wait D R --timeout 5`` used to mean the HTTP timeout silently (the wait's is ``--wait-timeout``):
  now ``--timeout`` after a waiting command is refused (exit 2) naming ``--wait-timeout``; before the
  command it is the HTTP timeout, as everywhere;
- a wait that gave up exits 3, a run that did not succeed 1 (both exited 1 before);
- ``dag-runs list '~'`` (and ``tasks list '~' '~'``) show the DAG (and run) of each row;
- list commands take the operation's filters: date ranges, ``--order-by``, ``--pattern`` (Airflow 3 only:
  on Airflow 2 it exits 2 naming Airflow 3, nothing sent).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.cli._app import EXIT_API_ERROR, EXIT_TIMED_OUT, EXIT_USAGE
from airflow_python_sdk.models import DAGRun, DagState, UpdateDagRunState

from airflow_server import AirflowServer
from test_cli_live import RUN_COLUMNS, Done, env_for, run

pytestmark = pytest.mark.live

DAG = "sdk_example"
_ids = itertools.count()


@pytest.fixture
def made(any_airflow: AirflowServer) -> Iterator[tuple[AirflowServer, DAGRunApi, list[str]]]:
    """The server, its DAG-run API, and the ids of the runs a test makes (deleted afterwards)."""
    ids: list[str] = []
    with ApiClient(Configuration(host=any_airflow.api_url, username="admin", password="admin")) as client:
        api = DAGRunApi(client)
        yield any_airflow, api, ids
        for rid in ids:
            api.delete_dag_run(DAG, rid)


def _trigger(api: DAGRunApi, ids: list[str], logical: dt.datetime | None = None) -> str:
    rid = f"ops-{next(_ids)}-{dt.datetime.now(dt.timezone.utc):%H%M%S%f}"
    api.post_dag_run(DAG, DAGRun(dag_run_id=rid, logical_date=logical) if logical else DAGRun(dag_run_id=rid))
    ids.append(rid)
    return rid


def cli(server: AirflowServer, *args: str) -> Done:
    return run(*args, env=env_for(server))


def test_timeout_after_a_waiting_command_is_refused_naming_wait_timeout(
    made: tuple[AirflowServer, DAGRunApi, list[str]],
) -> None:
    server, api, ids = made
    rid = _trigger(api, ids)  # no scheduler here: it stays queued
    before = api.get_dag_runs(DAG).total_entries
    for args in (
        ("dag-runs", "wait", DAG, rid, "--timeout", "5"),
        ("dags", "trigger", DAG, "--wait", "--timeout", "5"),
    ):
        done = cli(server, *args)
        assert done.code == EXIT_USAGE and done.out == "", done
        assert "--wait-timeout SECONDS" in done.err and "--timeout is each HTTP request's timeout" in done.err
    assert api.get_dag_runs(DAG).total_entries == before  # the refused trigger sent nothing
    # before the command, --timeout is the HTTP timeout; the wait gives up at --wait-timeout and exits 3
    done = cli(server, "--timeout", "30", "dag-runs", "wait", DAG, rid, "--wait-timeout", "1", "--poll-interval", "0.2")
    assert done.code == EXIT_TIMED_OUT == 3, done
    assert done.err.startswith("airflow-sdk: timed out: ") and f"{DAG}/{rid} is still queued" in done.err
    api.update_dag_run_state(DAG, rid, UpdateDagRunState(state=DagState.FAILED))
    failed = cli(server, "dag-runs", "wait", DAG, rid, "--wait-timeout", "30")
    assert failed.code == EXIT_API_ERROR == 1 and rid in failed.err and "failed" in failed.err, failed
    helped = cli(server, "dag-runs", "wait", "--help")
    assert helped.code == 0 and "succeeded,3if--wait-timeoutpassesfirst" in "".join(helped.out.split())
    top = cli(server, "--help")
    assert "3 a wait gave up at --wait-timeout" in top.out


def test_listing_across_dags_shows_each_rows_dag(made: tuple[AirflowServer, DAGRunApi, list[str]]) -> None:
    server, api, ids = made
    rid = _trigger(api, ids)
    across = cli(server, "dag-runs", "list", "~", "--all")
    assert across.code == 0 and across.header() == ["dag_id", *RUN_COLUMNS], across
    assert {"dag_id": DAG, "dag_run_id": rid} in [{k: r[k] for k in ("dag_id", "dag_run_id")} for r in across.table()]
    one = cli(server, "dag-runs", "list", DAG)
    assert one.code == 0 and one.header() == RUN_COLUMNS
    tasks = cli(server, "tasks", "list", "~", "~", "--all")
    assert tasks.code == 0 and tasks.header()[:3] == ["dag_id", "dag_run_id", "task_id"], tasks
    assert {(r["dag_id"], r["dag_run_id"]) for r in tasks.table()} >= {(DAG, rid)}
    assert cli(server, "tasks", "list", DAG, rid).header()[0] == "task_id"


def test_list_filters_are_the_operations_own(made: tuple[AirflowServer, DAGRunApi, list[str]]) -> None:
    server, api, ids = made
    days = [dt.datetime(2030, 1, d, tzinfo=dt.timezone.utc) for d in (1, 2, 3)]
    made_ids = [_trigger(api, ids, day) for day in days]
    later = cli(server, "dag-runs", "list", DAG, "--logical-date-gte", "2030-01-02T00:00:00Z", "--logical-date-lte",
                "2030-01-31T00:00:00Z", "--order-by", "-logical_date")  # fmt: skip
    assert later.code == 0, later
    assert [r["dag_run_id"] for r in later.table()] == [made_ids[2], made_ids[1]]
    ascending = cli(server, "dag-runs", "list", DAG, "--logical-date-gte", "2030-01-01T00:00:00Z", "--order-by",
                    "logical_date", "--json")  # fmt: skip
    assert [r["dag_run_id"] for r in ascending.json()] == made_ids
    assert cli(server, "dag-runs", "list", DAG, "--state", "success").table() == []  # all queued
    names = [r["name"] for r in cli(server, "pools", "list", "--order-by", "-name", "--all").table()]
    assert names == sorted(names, reverse=True) and "default_pool" in names
    pattern = cli(server, "pools", "list", "--pattern", "default%")
    if server.api_url.endswith("/api/v2"):
        assert pattern.code == 0 and [r["name"] for r in pattern.table()] == ["default_pool"], pattern
    else:
        assert pattern.code == EXIT_USAGE and "Airflow 2 (/api/v1) has no parameter 'pool_name_pattern'" in pattern.err
    assert "(Airflow 3 only)" in cli(server, "pools", "list", "--help").out
