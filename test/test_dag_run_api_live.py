"""Every DAGRunApi operation against real servers (no scheduler: triggered runs stay queued).

Tests taking ``any_dag_runs`` run twice, against Airflow 2.11.2 (/api/v1) and Airflow 3.3.2 (/api/v2),
with the same client code: only the host differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import (
    ClearDagRun,
    DAGRun,
    DAGRunCollection,
    DagState,
    DatasetEventCollection,
    ListDagRunsForm,
    SetDagRunNote,
    TaskInstanceCollection,
    UpdateDagRunState,
)

from airflow_server import AirflowServer

pytestmark = pytest.mark.live
DAG = "sdk_example"
UTC = dt.timezone.utc


def test_trigger_get_list_delete(
    any_airflow: AirflowServer, any_dag_runs: DAGRunApi, run_id: Callable[[], str]
) -> None:
    rid = run_id()
    created = any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, conf={"rows": [1, 2]}, note="first"))
    assert (created.dag_id, created.dag_run_id, created.conf, created.note) == (DAG, rid, {"rows": [1, 2]}, "first")
    assert created.state is DagState.QUEUED and created.run_type == "manual"
    if any_airflow.api_version == "v1":
        assert created.external_trigger is True and created.triggered_by is None
    else:  # Airflow 3 dropped external_trigger and says who triggered instead
        assert created.external_trigger is None and created.triggered_by == "rest_api"
        assert created.triggering_user_name == "admin" and isinstance(created.run_after, dt.datetime)
    if any_airflow.api_version == "v1":  # no logical date given: Airflow 2 takes "now"
        assert isinstance(created.logical_date, dt.datetime) and created.logical_date.tzinfo is not None
    else:  # Airflow 3 keeps it empty and places the run by run_after
        assert created.logical_date is None and created.run_after is not None and created.run_after.tzinfo

    fetched = any_dag_runs.get_dag_run(DAG, rid)
    assert fetched.to_dict().items() >= {"dag_run_id": rid, "conf": {"rows": [1, 2]}, "note": "first"}.items()
    assert fetched.logical_date == created.logical_date

    page = any_dag_runs.get_dag_runs(DAG, limit=1000)
    assert isinstance(page, DAGRunCollection) and page.dag_runs is not None
    assert rid in [r.dag_run_id for r in page.dag_runs] and page.total_entries == len(page.dag_runs)

    assert any_dag_runs.delete_dag_run(DAG, rid) is None
    with pytest.raises(sdk.NotFoundException) as caught:
        any_dag_runs.get_dag_run(DAG, rid)
    assert caught.value.status == 404 and (caught.value.title or caught.value.detail)  # v2 sends only a detail


def test_run_ids_with_every_character_airflow_allows_round_trip(
    any_dag_runs: DAGRunApi, run_id: Callable[[], str]
) -> None:
    rid = f"sdk+{run_id()}:a.b~c"
    any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    assert any_dag_runs.get_dag_run(DAG, rid).dag_run_id == rid
    assert any_dag_runs.set_dag_run_note(DAG, rid, SetDagRunNote(note="n")).note == "n"
    any_dag_runs.delete_dag_run(DAG, rid)


def test_filters_order_and_paging(any_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    base = dt.datetime(2031, 3, 1, tzinfo=UTC) + dt.timedelta(days=7 * (hash(run_id()) % 1000))
    ids = []
    for day in range(3):
        rid = run_id()
        any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, logical_date=base + dt.timedelta(days=day)))
        ids.append(rid)
    any_dag_runs.update_dag_run_state(DAG, ids[2], UpdateDagRunState(state=DagState.FAILED))

    window = any_dag_runs.get_dag_runs(
        DAG, execution_date_gte=base, execution_date_lte=base + dt.timedelta(days=1), order_by="-execution_date"
    )
    assert [r.dag_run_id for r in window.dag_runs or []] == [ids[1], ids[0]]
    assert window.total_entries == 2

    end = base + dt.timedelta(days=2)  # other tests' runs lie outside [base, end]
    failed = any_dag_runs.get_dag_runs(DAG, state=["failed"], execution_date_gte=base, execution_date_lte=end)
    assert [r.dag_run_id for r in failed.dag_runs or []] == [ids[2]]
    both = any_dag_runs.get_dag_runs(DAG, state=["failed", "queued"], execution_date_gte=base, execution_date_lte=end)
    assert sorted(r.dag_run_id or "" for r in both.dag_runs or []) == sorted(ids)

    second = any_dag_runs.get_dag_runs(DAG, execution_date_gte=base, execution_date_lte=end, order_by="execution_date",
                                       limit=1, offset=1)  # fmt: skip
    assert [r.dag_run_id for r in second.dag_runs or []] == [ids[1]] and second.total_entries == 3

    every_dag = any_dag_runs.get_dag_runs("~", execution_date_gte=base)
    assert {r.dag_run_id for r in every_dag.dag_runs or []} == set(ids)

    batch = any_dag_runs.get_dag_runs_batch(
        ListDagRunsForm(dag_ids=[DAG], states=["queued"], execution_date_gte=base, order_by="execution_date")
    )
    assert [r.dag_run_id for r in batch.dag_runs or []] == ids[:2]
    for rid in ids:
        any_dag_runs.delete_dag_run(DAG, rid)


def test_state_note_and_the_composite_update(any_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    assert any_dag_runs.update_dag_run_state(DAG, rid, UpdateDagRunState(state="failed")).state is DagState.FAILED
    assert any_dag_runs.set_dag_run_note(DAG, rid, SetDagRunNote(note="looked at it")).note == "looked at it"

    updated = any_dag_runs.update_dag_run(DAG, rid, DAGRun(state=DagState.SUCCESS, note="fixed"))
    assert (updated.state, updated.note) == (DagState.SUCCESS, "fixed")
    only_note = any_dag_runs.update_dag_run(DAG, rid, DAGRun(state="failed", note="note only"), ["note"])
    assert (only_note.state, only_note.note) == (DagState.SUCCESS, "note only")
    reread = any_dag_runs.get_dag_run(DAG, rid)
    assert (reread.state, reread.note) == (DagState.SUCCESS, "note only")
    any_dag_runs.delete_dag_run(DAG, rid)


def test_clear_dry_run_lists_task_instances_then_clears(any_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    any_dag_runs.update_dag_run_state(DAG, rid, UpdateDagRunState(state="failed"))

    planned = any_dag_runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=True))
    assert isinstance(planned, TaskInstanceCollection) and planned.task_instances is not None
    assert sorted(ti.task_id or "" for ti in planned.task_instances) == ["extract", "load", "transform"]
    assert all(ti.dag_run_id == rid for ti in planned.task_instances)
    assert any_dag_runs.get_dag_run(DAG, rid).state is DagState.FAILED  # a dry run changes nothing

    cleared = any_dag_runs.clear_dag_run(DAG, rid, ClearDagRun(dry_run=False))
    assert isinstance(cleared, DAGRun) and cleared.dag_run_id == rid
    assert any_dag_runs.get_dag_run(DAG, rid).state is DagState.QUEUED
    any_dag_runs.delete_dag_run(DAG, rid)


def test_upstream_dataset_events(any_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    events = any_dag_runs.get_upstream_dataset_events(DAG, rid)
    assert isinstance(events, DatasetEventCollection) and events.dataset_events == [] and events.total_entries == 0
    any_dag_runs.delete_dag_run(DAG, rid)


def test_error_statuses_from_the_real_server(
    any_airflow: AirflowServer, any_dag_runs: DAGRunApi, run_id: Callable[[], str]
) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    with pytest.raises(sdk.ConflictException) as conflict:
        any_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid))
    assert conflict.value.status == 409 and conflict.value.detail
    if any_airflow.api_version == "v1":  # Airflow 3's conflict detail hides which row clashed
        assert rid in str(conflict.value.detail)

    with pytest.raises(sdk.BadRequestException) as bad:
        any_dag_runs.update_dag_run_state(DAG, rid, UpdateDagRunState(state="running"))
    assert bad.value.status == (400 if any_airflow.api_version == "v1" else 422) and bad.value.detail

    with pytest.raises(sdk.NotFoundException):
        any_dag_runs.get_dag_run("no_such_dag", rid)

    with (
        ApiClient(Configuration(host=any_airflow.api_url)) as anonymous,
        pytest.raises(sdk.UnauthorizedException) as unauthorized,
    ):
        DAGRunApi(anonymous).get_dag_runs(DAG)
    assert unauthorized.value.status == 401

    wrong = Configuration(host=any_airflow.api_url, username="admin", password="wrong")
    with ApiClient(wrong) as wrong_client, pytest.raises(sdk.UnauthorizedException):
        DAGRunApi(wrong_client).get_dag_runs(DAG)

    with ApiClient(Configuration(host=any_airflow.api_url, username="viewer", password="viewer")) as viewer:
        viewer_api = DAGRunApi(viewer)
        assert viewer_api.get_dag_run(DAG, rid).dag_run_id == rid  # a viewer may read
        with pytest.raises(sdk.ForbiddenException) as forbidden:
            viewer_api.delete_dag_run(DAG, rid)
    assert forbidden.value.status == 403
    any_dag_runs.delete_dag_run(DAG, rid)


def test_fields_limits_what_the_server_returns(live_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    rid = run_id()
    live_dag_runs.post_dag_run(DAG, DAGRun(dag_run_id=rid, note="x"))
    slim = live_dag_runs.get_dag_run(DAG, rid, fields=["dag_run_id", "state"])
    assert slim.dag_run_id == rid and slim.state is DagState.QUEUED and slim.note is None
    assert set(slim.to_dict()) == {"dag_run_id", "state"}
    live_dag_runs.delete_dag_run(DAG, rid)


def test_eight_threads_trigger_200_runs_through_one_client(live_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> None:
    prefix = run_id()
    ids = [f"{prefix}-{i:03d}" for i in range(200)]
    base = dt.datetime(2035, 1, 1, tzinfo=UTC) + dt.timedelta(days=hash(prefix) % 10_000)

    def trigger(i: int) -> str | None:
        run = DAGRun(dag_run_id=ids[i], logical_date=base + dt.timedelta(seconds=i))
        return live_dag_runs.post_dag_run(DAG, run).dag_run_id

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(trigger, range(200)))
    assert sorted(created) == ids  # type: ignore[type-var]

    listed = live_dag_runs.get_dag_runs(DAG, execution_date_gte=base, limit=1000).dag_runs or []
    mine = [r.dag_run_id for r in listed if (r.dag_run_id or "").startswith(prefix)]
    assert len(mine) == 200 and sorted(mine) == ids  # type: ignore[type-var]

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda rid: live_dag_runs.delete_dag_run(DAG, rid), ids))
    assert live_dag_runs.get_dag_runs(DAG, execution_date_gte=base).total_entries == 0
