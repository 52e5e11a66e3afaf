"""BackfillApi against a real Airflow 3.3.2 (no scheduler: a backfill's runs stay queued), and refused
before sending on an Airflow 2 host. The DAGs come from test/dags/sdk_h5_dags.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient
from airflow_python_sdk.api.backfill_api import BackfillApi
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.models import (
    Backfill,
    BackfillCollection,
    BackfillPostBody,
    DagState,
    DryRunBackfill,
    DryRunBackfillCollection,
    ReprocessBehavior,
    UpdateDagRunState,
)

from recording_server import RecordingServer

pytestmark = pytest.mark.live

DAY = dt.timedelta(days=1)


def _utc(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, tzinfo=dt.timezone.utc)


@pytest.fixture
def backfills(client3: ApiClient) -> Iterator[BackfillApi]:
    api = BackfillApi(client3)
    yield api
    for dag_id in ("sdk_h5_bf_life", "sdk_h5_bf_dry", "sdk_h5_bf_busy"):  # what a failed test left running
        for left in api.list_backfills(dag_id, limit=1000).backfills:
            if left.completed_at is None:
                api.cancel_backfill(left.id)


def _body(dag_id: str, start: dt.datetime, end: dt.datetime, **more: object) -> BackfillPostBody:
    return BackfillPostBody(dag_id=dag_id, from_date=start, to_date=end, **more)  # type: ignore[arg-type]


def _dates(found: DryRunBackfillCollection) -> list[dt.datetime | None]:
    return [run.logical_date for run in found.backfills]


def test_create_pause_unpause_cancel_and_read_back(backfills: BackfillApi, client3: ApiClient) -> None:
    start = _utc(2025, 1, 1)
    assert DAGApi(client3).get_dag("sdk_h5_bf_life").is_paused is True  # paused at creation
    planned = backfills.create_backfill_dry_run(_body("sdk_h5_bf_life", start, start + 2 * DAY))
    assert isinstance(planned, DryRunBackfillCollection) and planned.total_entries == 3
    assert all(isinstance(run, DryRunBackfill) and run.partition_key is None for run in planned.backfills)
    assert _dates(planned) == [start, start + DAY, start + 2 * DAY]

    # Airflow 3.3.2 backfills a paused DAG: its runs are made (the scheduler runs backfills of paused DAGs)
    made = backfills.create_backfill(
        _body("sdk_h5_bf_life", start, start + 2 * DAY, dag_run_conf={"rows": 2}, max_active_runs=2,
              reprocess_behavior=ReprocessBehavior.FAILED, run_on_latest_version=True)  # fmt: skip
    )
    made._validate()
    assert isinstance(made, Backfill) and isinstance(made.id, int)
    assert (made.dag_id, made.dag_display_name, made.from_date, made.to_date) == (
        "sdk_h5_bf_life", "sdk_h5_bf_life", start, start + 2 * DAY)  # fmt: skip
    assert (made.dag_run_conf, made.max_active_runs, made.reprocess_behavior) == ({"rows": 2}, 2, "failed")
    assert made.reprocess_behavior is ReprocessBehavior.FAILED and made.is_paused is False
    assert made.completed_at is None and made.created_at <= made.updated_at
    dag_runs = DAGRunApi(client3).get_dag_runs
    runs = dag_runs("sdk_h5_bf_life", execution_date_gte=start, execution_date_lte=start + 2 * DAY)
    assert sorted(r.logical_date for r in runs.dag_runs or [] if r.logical_date) == _dates(planned)
    assert {r.conf.get("rows") for r in runs.dag_runs or [] if r.conf} == {2}

    # one backfill at a time per DAG, whatever the dates: 409
    with pytest.raises(sdk.ConflictException) as busy:
        backfills.create_backfill(_body("sdk_h5_bf_life", _utc(2025, 6, 1), _utc(2025, 6, 2)))
    assert busy.value.status == 409 and "already a running backfill" in (busy.value.detail or "")

    assert backfills.get_backfill(made.id) == made
    listed = backfills.list_backfills("sdk_h5_bf_life", order_by="-id", limit=1)
    assert isinstance(listed, BackfillCollection) and [b.id for b in listed.backfills] == [made.id]
    assert listed.total_entries >= 1
    everything = backfills.list_backfills("sdk_h5_bf_life", order_by=["id"], limit=1000)
    assert [b.id for b in everything.backfills] == sorted(b.id for b in everything.backfills)
    assert len(everything.backfills) == everything.total_entries
    assert backfills.list_backfills("sdk_h5_bf_life", offset=everything.total_entries).backfills == []
    assert backfills.list_backfills("sdk_h5_no_such_dag").total_entries == 0

    paused = backfills.pause_backfill(made.id)
    assert paused.is_paused is True and paused.completed_at is None
    assert backfills.pause_backfill(made.id).is_paused is True  # pausing twice is fine
    assert backfills.unpause_backfill(made.id).is_paused is False

    cancelled = backfills.cancel_backfill(made.id)
    cancelled._validate()
    assert cancelled.is_paused is True and cancelled.completed_at is not None
    assert backfills.get_backfill(made.id).completed_at == cancelled.completed_at
    again = dag_runs("sdk_h5_bf_life", execution_date_gte=start, execution_date_lte=start + 2 * DAY)
    assert {r.state for r in again.dag_runs or []} == {"failed"}  # its queued runs failed

    for change in (backfills.pause_backfill, backfills.unpause_backfill, backfills.cancel_backfill):
        with pytest.raises(sdk.ConflictException) as done:
            change(made.id)
        assert "already completed" in (done.value.detail or "")
    with pytest.raises(sdk.NotFoundException):
        backfills.get_backfill(10**9)
    with pytest.raises(sdk.NotFoundException):
        backfills.cancel_backfill(10**9)


def test_dry_run_follows_reprocess_behavior_and_direction(backfills: BackfillApi, client3: ApiClient) -> None:
    start = _utc(2025, 3, 1)
    four = [start + n * DAY for n in range(4)]
    dry = backfills.create_backfill_dry_run
    assert _dates(dry(_body("sdk_h5_bf_dry", start, four[-1], run_backwards=True))) == four[::-1]

    # runs for the first two dates, failed (cancelling fails them); then the first marked successful
    first = backfills.create_backfill(_body("sdk_h5_bf_dry", start, four[1]))
    backfills.cancel_backfill(first.id)
    runs = DAGRunApi(client3).get_dag_runs("sdk_h5_bf_dry", execution_date_gte=start, execution_date_lte=four[1])
    ok = next(r for r in runs.dag_runs or [] if r.logical_date == start)
    DAGRunApi(client3).update_dag_run_state("sdk_h5_bf_dry", str(ok.dag_run_id), UpdateDagRunState(state=DagState.SUCCESS))

    def planned(behavior: ReprocessBehavior | str) -> list[dt.datetime | None]:
        return _dates(dry(_body("sdk_h5_bf_dry", start, four[-1], reprocess_behavior=behavior)))

    assert planned(ReprocessBehavior.NONE) == four[2:]
    assert planned("failed") == four[1:]
    assert planned(ReprocessBehavior.COMPLETED) == four
    assert _dates(dry(_body("sdk_h5_bf_dry", start, four[-1], dag_run_conf={"x": 1}))) == four[2:]

    # a partitioned DAG's runs are partitions, without logical dates
    parts = dry(_body("sdk_h5_bf_parts", start, four[1]))
    for run in parts.backfills:
        run._validate()
    assert [(r.logical_date, r.partition_key, r.partition_date) for r in parts.backfills] == [
        (None, "2025-03-01T00:00:00", start),
        (None, "2025-03-02T00:00:00", four[1]),
    ]


def test_refusals_answer_their_documented_status(backfills: BackfillApi) -> None:
    start = _utc(2025, 1, 1)
    for attempt in (backfills.create_backfill, backfills.create_backfill_dry_run):
        with pytest.raises(sdk.NotFoundException):
            attempt(_body("sdk_h5_no_such_dag", start, start + DAY))
        with pytest.raises(sdk.BadRequestException) as refused:  # allowed_run_types has no "backfill"
            attempt(_body("sdk_h5_bf_refused", start, start + DAY))
        assert refused.value.status == 400 and "does not allow backfill runs" in (refused.value.detail or "")
        # 422 (validation): no periodic schedule, the future, a reversed range, depends_on_past settings
        for bad, says in [
            (_body("sdk_example", start, start + DAY), "non-periodic"),
            (_body("sdk_h5_bf_busy", _utc(2100, 1, 1), _utc(2100, 1, 2)), "future"),
            (_body("sdk_h5_bf_busy", start + DAY, start), "must not be after"),
            (_body("sdk_h5_bf_past", start, start + DAY, run_backwards=True, reprocess_behavior="failed"), "reverse"),
            (_body("sdk_h5_bf_past", start, start + DAY), "reprocess"),
        ]:
            with pytest.raises(sdk.BadRequestException) as invalid:
                attempt(bad)
            assert invalid.value.status == 422 and says in str(invalid.value.body), says
    # a range holding no scheduled date: nothing to dry-run, and nothing to create (422)
    assert backfills.create_backfill_dry_run(_body("sdk_h5_bf_busy", start + DAY / 4, start + DAY / 2)).backfills == []
    with pytest.raises(sdk.BadRequestException) as empty:
        backfills.create_backfill(_body("sdk_h5_bf_busy", start + DAY / 4, start + DAY / 2))
    assert empty.value.status == 422 and "No runs to create" in str(empty.value.body)
    with pytest.raises(sdk.BadRequestException) as missing:  # the server checks the body's required fields
        backfills.create_backfill(BackfillPostBody(dag_id="sdk_h5_bf_busy"))
    assert missing.value.status == 422 and "from_date" in str(missing.value.body)


def test_nothing_is_sent_to_airflow_2(server: RecordingServer, client: ApiClient) -> None:
    api = BackfillApi(client)
    body = _body("sdk_h5_bf_life", _utc(2025, 1, 1), _utc(2025, 1, 2))
    calls: list[Callable[[], object]] = [
        lambda: api.list_backfills("sdk_h5_bf_life"),
        lambda: api.create_backfill(body),
        lambda: api.create_backfill_dry_run(body),
        lambda: api.get_backfill(1),
        lambda: api.pause_backfill(1),
        lambda: api.unpause_backfill(1),
        lambda: api.cancel_backfill(1),
    ]
    for call in calls:
        with pytest.raises(sdk.UnsupportedOperationError, match="needs Airflow 3"):
            call()
    assert server.count == 0
