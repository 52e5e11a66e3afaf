"""TaskInstanceApi, DagStatsApi and DagWarningApi against both real servers (DAGs: sdk_task_instance_dags.py).

Each test runs against Airflow 2.11.2 and Airflow 3.3.2 with the same client code;
``any_airflow.api_version`` marks the few answers that differ. Runs created through the API stay
queued (there is no scheduler), so their task instances exist with no state: good for reading,
notes, state changes and dependencies. Tries and logs need a task that really ran: ``airflow dags
test --use-executor`` runs ``sdk_ti_mapped`` once through the server's executor, which records try 1
of each instance and writes its log file.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.dag_warning_api import DagWarningApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.x_com_api import XComApi
from airflow_python_sdk.models import (
    DAGRun,
    DagState,
    DagStatsCollectionSchema,
    DagWarning,
    DagWarningCollection,
    ExtraLink,
    ExtraLinkCollection,
    ListTaskInstanceForm,
    SetTaskInstanceNote,
    TaskFailedDependency,
    TaskInstance,
    TaskInstanceCollection,
    TaskInstanceDependencyCollection,
    TaskInstanceHistory,
    TaskInstanceHistoryCollection,
    TaskInstanceReference,
    TaskState,
    UpdateDagRunState,
    UpdateTaskInstance,
    UpdateTaskState,
    XCom,
)

from airflow_server import AirflowServer

pytestmark = pytest.mark.live
CHAIN = "sdk_ti_chain"
MAPPED = "sdk_ti_mapped"
BAD_POOL = "sdk_ti_bad_pool"
MISSING_POOL = "sdk_ti_no_such_pool"
TESTED_DATE = "2025-06-01T00:00:00+00:00"  # the logical date of the one run `airflow dags test` makes


def _aware(value: object) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None


@pytest.fixture
def tis(any_client: ApiClient) -> TaskInstanceApi:
    return TaskInstanceApi(any_client)


@pytest.fixture
def v2(any_airflow: AirflowServer) -> bool:
    """Whether this run of the test is against Airflow 3."""
    return any_airflow.api_version == "v2"


@pytest.fixture
def new_run(any_dag_runs: DAGRunApi, run_id: Callable[[], str]) -> Iterator[Callable[[str], DAGRun]]:
    """Trigger runs with a logical date (they stay queued); every run made is deleted afterwards."""
    made: list[tuple[str, str]] = []

    def trigger(dag_id: str) -> DAGRun:
        now = dt.datetime.now(dt.timezone.utc)
        run = any_dag_runs.post_dag_run(dag_id, DAGRun(dag_run_id=run_id(), logical_date=now))
        made.append((dag_id, str(run.dag_run_id)))
        return run

    yield trigger
    for dag_id, rid in made:
        any_dag_runs.delete_dag_run(dag_id, rid)


@pytest.fixture(scope="module")
def _ran_runs() -> Iterator[dict[str, tuple[AirflowServer, str]]]:
    """The run ``ran`` made on each server (by its API URL); deleted when the module is done."""
    made: dict[str, tuple[AirflowServer, str]] = {}
    yield made
    for server, rid in made.values():
        with ApiClient(sdk.Configuration(host=server.api_url, username="admin", password="admin")) as client:
            DAGRunApi(client).delete_dag_run(MAPPED, rid)


@pytest.fixture
def ran(any_airflow: AirflowServer, any_dag_runs: DAGRunApi, _ran_runs: dict[str, tuple[AirflowServer, str]]) -> str:
    """The id of a run of sdk_ti_mapped whose five task instances really ran (try 1, with log files)."""
    if any_airflow.api_url not in _ran_runs:
        any_airflow.airflow("dags", "test", MAPPED, TESTED_DATE, "--use-executor")
        when = dt.datetime.fromisoformat(TESTED_DATE)
        (run,) = any_dag_runs.get_dag_runs(MAPPED, execution_date_gte=when, execution_date_lte=when).dag_runs or []
        _ran_runs[any_airflow.api_url] = (any_airflow, str(run.dag_run_id))
    return _ran_runs[any_airflow.api_url][1]


def _process_dag_file(airflow: AirflowServer) -> None:
    """Parse our DAG file the way the scheduler's DAG processor does, which records DAG warnings.

    No CLI command does this without starting a scheduler, which would also start the queued runs
    other tests rely on; so the processor class runs alone, in the server's environment.
    """
    python = shutil.which("python", path=airflow.env["PATH"])
    folder = airflow.env["AIRFLOW__CORE__DAGS_FOLDER"]
    code = (
        "import logging\n"
        "from airflow.dag_processing.processor import DagFileProcessor\n"
        f"processor = DagFileProcessor(dag_ids=None, dag_directory={folder!r}, log=logging.getLogger('sdk'))\n"
        f"processor.process_file(file_path={folder + '/sdk_task_instance_dags.py'!r}, callback_requests=[])\n"
    )
    subprocess.run([str(python), "-c", code], env=airflow.env, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def warned(airflow: AirflowServer) -> Iterator[None]:
    """A DAG warning for sdk_ti_bad_pool; removed afterwards by creating the pool and parsing again."""
    _process_dag_file(airflow)
    yield
    airflow.airflow("pools", "set", MISSING_POOL, "1", "made by the sdk tests to clear a DAG warning")
    try:
        _process_dag_file(airflow)
    finally:
        airflow.airflow("pools", "delete", MISSING_POOL)


# --- task instances of queued runs ------------------------------------------------------------------


def test_get_and_list_task_instances_with_filters_and_paging(
    tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]
) -> None:
    run = new_run(CHAIN)
    rid = str(run.dag_run_id)

    first = tis.get_task_instance(CHAIN, rid, "first")
    assert isinstance(first, TaskInstance)
    assert (first.dag_id, first.dag_run_id, first.task_id, first.map_index) == (CHAIN, rid, "first", -1)
    assert first.state is None and first.try_number == 0 and first.operator == "EmptyOperator"
    assert first.pool == "default_pool" and first.start_date is None and first.note is None
    assert _aware(first.execution_date) and first.execution_date == run.logical_date

    listed = tis.get_task_instances(CHAIN, rid)
    assert isinstance(listed, TaskInstanceCollection) and listed.total_entries == 3
    assert sorted(t.task_id for t in listed.task_instances or []) == ["first", "second", "trigger"]

    page = tis.get_task_instances(CHAIN, rid, limit=1, offset=1)
    assert len(page.task_instances or []) == 1 and page.total_entries == 3

    tis.patch_task_instance(CHAIN, rid, "first", UpdateTaskInstance(dry_run=False, new_state=UpdateTaskState.SUCCESS))
    done = tis.get_task_instances(CHAIN, rid, state=["success"])
    assert [t.task_id for t in done.task_instances or []] == ["first"] and done.task_instances[
        0
    ].state is TaskState.SUCCESS
    waiting = tis.get_task_instances(CHAIN, rid, state=["none"])
    assert sorted(t.task_id for t in waiting.task_instances or []) == ["second", "trigger"]
    assert tis.get_task_instances(CHAIN, rid, pool=["default_pool"]).total_entries == 3
    assert tis.get_task_instances(CHAIN, rid, pool=["sdk_ti_other_pool"]).total_entries == 0
    assert tis.get_task_instances(CHAIN, rid, queue=["default"]).total_entries == 3

    # across all runs ("~"), narrowed to this run by its logical date
    assert run.logical_date is not None
    around = tis.get_task_instances(
        CHAIN, "~", execution_date_gte=run.logical_date, execution_date_lte=run.logical_date
    )
    assert {(t.dag_run_id, t.task_id) for t in around.task_instances or []} == {
        (rid, "first"), (rid, "second"), (rid, "trigger")
    }  # fmt: skip
    before = run.logical_date - dt.timedelta(hours=1)
    assert tis.get_task_instances(CHAIN, rid, updated_at_lte=before).total_entries == 0


def test_get_task_instance_of_missing_run_or_task_is_404(
    tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]
) -> None:
    rid = str(new_run(CHAIN).dag_run_id)
    with pytest.raises(sdk.NotFoundException) as caught:
        tis.get_task_instance(CHAIN, rid, "no_such_task")
    assert caught.value.status == 404
    with pytest.raises(sdk.NotFoundException):
        tis.get_task_instance(CHAIN, rid + "-gone", "first")


def test_task_instances_of_a_deleted_run_are_gone(
    tis: TaskInstanceApi, any_dag_runs: DAGRunApi, run_id: Callable[[], str], v2: bool
) -> None:
    rid = run_id()
    any_dag_runs.post_dag_run(CHAIN, DAGRun(dag_run_id=rid))
    assert tis.get_task_instance(CHAIN, rid, "second").task_id == "second"
    any_dag_runs.delete_dag_run(CHAIN, rid)
    with pytest.raises(sdk.NotFoundException):
        tis.get_task_instance(CHAIN, rid, "second")
    if v2:  # Airflow 3 knows the run is gone; Airflow 2 lists the instances of no run
        with pytest.raises(sdk.NotFoundException):
            tis.get_task_instances(CHAIN, rid)
    else:
        assert tis.get_task_instances(CHAIN, rid).total_entries == 0


def test_patch_task_instance_dry_run_changes_nothing(
    tis: TaskInstanceApi, new_run: Callable[[str], DAGRun], v2: bool
) -> None:
    run = new_run(CHAIN)
    rid = str(run.dag_run_id)
    ref = tis.patch_task_instance(
        CHAIN, rid, "second", UpdateTaskInstance(dry_run=True, new_state=UpdateTaskState.FAILED)
    )
    assert isinstance(ref, TaskInstanceReference)
    assert (ref.dag_id, ref.dag_run_id, ref.task_id) == (CHAIN, rid, "second")
    assert _aware(ref.execution_date) and ref.execution_date == run.logical_date
    assert tis.get_task_instance(CHAIN, rid, "second").state is None

    change = UpdateTaskInstance(dry_run=False, new_state=UpdateTaskState.FAILED)
    if v2:  # Airflow 3 answers the changed instances; the SDK gives the one named
        changed = tis.patch_task_instance(CHAIN, rid, "second", change)
        assert (changed.dag_id, changed.dag_run_id, changed.task_id) == (CHAIN, rid, "second")
        assert changed.execution_date == run.logical_date
        with pytest.raises(sdk.ConflictException):  # and refuses to set the state it already has
            tis.patch_task_instance(CHAIN, rid, "second", change)
    else:
        # A real change answers {} in 2.11.2: the server dumps the list of changed instances through
        # the one-instance schema. The change itself is applied.
        answer = tis.patch_task_instance(CHAIN, rid, "second", change, _preload_content=False)
        assert answer.status == 200 and answer.data.strip() == b"{}"
    assert tis.get_task_instance(CHAIN, rid, "second").state is TaskState.FAILED
    assert tis.get_task_instance(CHAIN, rid, "first").state is None  # only the one named

    with pytest.raises(sdk.NotFoundException):
        tis.patch_task_instance(CHAIN, rid, "no_such_task", UpdateTaskInstance(new_state=UpdateTaskState.SUCCESS))


def test_set_task_instance_note(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]) -> None:
    rid = str(new_run(CHAIN).dag_run_id)
    noted = tis.set_task_instance_note(CHAIN, rid, "first", SetTaskInstanceNote(note="checked by hand"))
    assert isinstance(noted, TaskInstance) and (noted.task_id, noted.note) == ("first", "checked by hand")
    assert tis.get_task_instance(CHAIN, rid, "first").note == "checked by hand"
    assert tis.set_task_instance_note(CHAIN, rid, "first", SetTaskInstanceNote(note="second thoughts")).note == (
        "second thoughts"
    )
    assert tis.get_task_instance(CHAIN, rid, "second").note is None
    with pytest.raises(sdk.NotFoundException):
        tis.set_task_instance_note(CHAIN, rid, "no_such_task", SetTaskInstanceNote(note="x"))


def test_dependencies_say_why_a_task_is_not_scheduled(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]) -> None:
    rid = str(new_run(CHAIN).dag_run_id)
    second = tis.get_task_instance_dependencies(CHAIN, rid, "second")
    assert isinstance(second, TaskInstanceDependencyCollection)
    deps = {d.name: d.reason for d in second.dependencies or []}
    assert all(isinstance(d, TaskFailedDependency) for d in second.dependencies or [])
    assert {"Dagrun Running", "Trigger Rule"} <= deps.keys()
    assert "queued" in deps["Dagrun Running"] and "first" in deps["Trigger Rule"]
    first = tis.get_task_instance_dependencies(CHAIN, rid, "first")
    assert "Trigger Rule" not in {d.name for d in first.dependencies or []}  # nothing upstream

    tis.patch_task_instance(CHAIN, rid, "second", UpdateTaskInstance(dry_run=False, new_state=UpdateTaskState.SKIPPED))
    assert tis.get_task_instance_dependencies(CHAIN, rid, "second").dependencies == []  # no longer waiting


def test_extra_links(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun], v2: bool) -> None:
    rid = str(new_run(CHAIN).dag_run_id)
    none = tis.get_extra_links(CHAIN, rid, "first")
    assert isinstance(none, ExtraLinkCollection) and none.extra_links == []  # EmptyOperator has no links

    links = tis.get_extra_links(CHAIN, rid, "trigger")
    assert [type(link) for link in links.extra_links or []] == [ExtraLink]
    (link,) = links.extra_links or []
    assert link.name == "Triggered DAG"
    if v2:  # Airflow 3 has the link's URL only once the trigger has run
        assert link.href is None
    else:
        assert link.href is not None and f"/dags/{MAPPED}/grid" in link.href
    counted = {"total_entries": 1} if v2 else {}  # Airflow 3 counts them too
    assert links.to_dict() == {"extra_links": [{"name": "Triggered DAG", "href": link.href}], **counted}

    with pytest.raises(sdk.NotFoundException):
        tis.get_extra_links(CHAIN, rid, "no_such_task")


def test_batch_list_filters_across_runs(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]) -> None:
    rids = [str(new_run(CHAIN).dag_run_id) for _ in range(2)]
    tis.patch_task_instance(
        CHAIN, rids[1], "first", UpdateTaskInstance(dry_run=False, new_state=UpdateTaskState.SUCCESS)
    )
    form = ListTaskInstanceForm(dag_ids=[CHAIN], dag_run_ids=rids, task_ids=["first", "second"])
    both = tis.get_task_instances_batch(form)
    assert isinstance(both, TaskInstanceCollection) and both.total_entries == 4
    assert {(t.dag_run_id, t.task_id) for t in both.task_instances or []} == {
        (r, t) for r in rids for t in ("first", "second")
    }

    succeeded = tis.get_task_instances_batch(
        ListTaskInstanceForm(dag_ids=[CHAIN], dag_run_ids=rids, state=[TaskState.SUCCESS])
    )
    assert [(t.dag_run_id, t.task_id, t.state) for t in succeeded.task_instances or []] == [
        (rids[1], "first", TaskState.SUCCESS)
    ]
    page = tis.get_task_instances_batch(
        ListTaskInstanceForm(dag_ids=[CHAIN], dag_run_ids=rids, page_limit=2, page_offset=1)
    )
    assert len(page.task_instances or []) == 2 and page.total_entries == 6


# --- mapped task instances --------------------------------------------------------------------------


def test_mapped_instances_list_page_order_and_get(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]) -> None:
    rid = str(new_run(MAPPED).dag_run_id)
    listed = tis.get_mapped_task_instances(MAPPED, rid, "square")
    assert isinstance(listed, TaskInstanceCollection) and listed.total_entries == 3
    assert [t.map_index for t in listed.task_instances or []] == [0, 1, 2]
    assert {t.task_id for t in listed.task_instances or []} == {"square"}

    assert [
        t.map_index
        for t in tis.get_mapped_task_instances(MAPPED, rid, "square", limit=2, offset=1).task_instances or []
    ] == [1, 2]
    assert [
        t.map_index
        for t in tis.get_mapped_task_instances(MAPPED, rid, "square", order_by="-map_index").task_instances or []
    ] == [2, 1, 0]

    one = tis.get_mapped_task_instance(MAPPED, rid, "square", 1)
    assert isinstance(one, TaskInstance) and (one.task_id, one.map_index, one.state) == ("square", 1, None)
    with pytest.raises(sdk.NotFoundException):
        tis.get_mapped_task_instance(MAPPED, rid, "square", 7)


def test_mapped_note_state_and_dependencies(tis: TaskInstanceApi, new_run: Callable[[str], DAGRun]) -> None:
    rid = str(new_run(MAPPED).dag_run_id)
    noted = tis.set_mapped_task_instance_note(MAPPED, rid, "square", 2, SetTaskInstanceNote(note="the big one"))
    assert (noted.map_index, noted.note) == (2, "the big one")
    assert [t.note for t in tis.get_mapped_task_instances(MAPPED, rid, "square").task_instances or []] == [
        None, None, "the big one"
    ]  # fmt: skip

    waiting = tis.get_mapped_task_instance_dependencies(MAPPED, rid, "square", 0)
    assert "Dagrun Running" in {d.name for d in waiting.dependencies or []}

    dry = tis.patch_mapped_task_instance(
        MAPPED, rid, "square", 1, UpdateTaskInstance(dry_run=True, new_state=UpdateTaskState.SKIPPED)
    )
    assert (dry.task_id, dry.dag_run_id) == ("square", rid)
    assert tis.get_mapped_task_instance(MAPPED, rid, "square", 1).state is None
    tis.patch_mapped_task_instance(
        MAPPED, rid, "square", 1, UpdateTaskInstance(dry_run=False, new_state=UpdateTaskState.SKIPPED)
    )
    states = [t.state for t in tis.get_mapped_task_instances(MAPPED, rid, "square").task_instances or []]
    assert states == [None, TaskState.SKIPPED, None]
    assert tis.get_mapped_task_instances(MAPPED, rid, "square", state=["skipped"]).total_entries == 1
    assert tis.get_mapped_task_instance_dependencies(MAPPED, rid, "square", 1).dependencies == []


# --- a run that really ran: tries and logs ----------------------------------------------------------


def test_ran_task_instances(tis: TaskInstanceApi, ran: str) -> None:
    report = tis.get_task_instance(MAPPED, ran, "report")
    assert report.state is TaskState.SUCCESS and report.try_number == 1
    assert _aware(report.start_date) and _aware(report.end_date) and report.end_date >= report.start_date
    assert isinstance(report.duration, float) and report.duration > 0 and report.hostname

    squares = tis.get_mapped_task_instances(MAPPED, ran, "square", state=["success"])
    assert [t.map_index for t in squares.task_instances or []] == [0, 1, 2]
    assert [(t.rendered_fields or {}).get("op_kwargs") for t in squares.task_instances or []] == [
        {"x": 1}, {"x": 2}, {"x": 3}
    ]  # fmt: skip
    assert tis.get_task_instances(MAPPED, ran, duration_gte=0.0).total_entries == 4
    # (not duration_lte=0: Airflow 3.3.2 drops a filter whose value is 0)
    assert tis.get_task_instances(MAPPED, ran, duration_lte=0.001).total_entries == 0
    assert tis.get_mapped_task_instance_dependencies(MAPPED, ran, "square", 0).dependencies == []


def test_tries_and_try_details(tis: TaskInstanceApi, ran: str) -> None:
    tries = tis.get_task_instance_tries(MAPPED, ran, "report")
    assert isinstance(tries, TaskInstanceHistoryCollection) and tries.total_entries == 1
    (only,) = tries.task_instances_history or []
    assert isinstance(only, TaskInstanceHistory)
    assert (only.task_id, only.dag_run_id, only.try_number, only.state) == ("report", ran, 1, TaskState.SUCCESS)
    assert _aware(only.start_date) and only.map_index == -1

    detail = tis.get_task_instance_try_details(MAPPED, ran, "report", 1)
    assert isinstance(detail, TaskInstanceHistory) and detail.to_dict() == only.to_dict()
    with pytest.raises(sdk.NotFoundException):
        tis.get_task_instance_try_details(MAPPED, ran, "report", 2)

    mapped = tis.get_mapped_task_instance_tries(MAPPED, ran, "square", 1)
    assert [(t.map_index, t.try_number, t.state) for t in mapped.task_instances_history or []] == [
        (1, 1, TaskState.SUCCESS)
    ]
    one = tis.get_mapped_task_instance_try_details(MAPPED, ran, "square", 2, 1)
    assert (one.task_id, one.map_index, one.try_number, one.operator) == ("square", 2, 1, "_PythonDecoratedOperator")
    with pytest.raises(sdk.NotFoundException):
        tis.get_mapped_task_instance_try_details(MAPPED, ran, "square", 9, 1)


def test_tries_ignores_paging_parameters(tis: TaskInstanceApi, ran: str, v2: bool) -> None:
    """Airflow 2.11.2 accepts limit/offset/order_by here but does not apply them; Airflow 3 has none."""
    if v2:
        with pytest.raises(sdk.ApiValueError, match=r"Airflow 3 .* has no parameter 'limit'"):
            tis.get_task_instance_tries(MAPPED, ran, "report", limit=1)
        return
    page = tis.get_task_instance_tries(MAPPED, ran, "report", limit=1, offset=1, order_by="-try_number")
    assert [t.try_number for t in page.task_instances_history or []] == [1] and page.total_entries == 1


def test_logs_as_text_and_json(tis: TaskInstanceApi, ran: str, v2: bool) -> None:
    text = tis.get_log(MAPPED, ran, "report", 1)
    assert isinstance(text, str) and "sdk_ti_mapped total 14" in text and "attempt=1.log" in text
    if v2:  # Airflow 3's structured messages become lines with their time and level
        (line,) = [line for line in text.splitlines() if line.endswith("sdk_ti_mapped total 14")]
        assert re.fullmatch(r"\[\d{4}-\d\d-\d\dT[\d:.]+Z\] INFO - sdk_ti_mapped total 14", line)

    square = tis.get_log(MAPPED, ran, "square", 1, map_index=1, full_content=True)
    assert "sdk_ti_mapped squares 2" in square and "sdk_ti_mapped squares 3" not in square

    answer = tis.get_log(MAPPED, ran, "report", 1, _headers={"Accept": "application/json"})
    assert isinstance(answer, dict) and "sdk_ti_mapped total 14" in answer["content"]
    if v2:  # the whole log came at once: nothing to continue from
        assert answer == {"content": text, "continuation_token": None}
        with pytest.raises(sdk.NotFoundException):
            tis.get_log(MAPPED, ran, "no_such_task", 1)
        return
    token = answer["continuation_token"]
    assert isinstance(token, str) and token
    rest = tis.get_log(MAPPED, ran, "report", 1, token=token, _headers={"Accept": "application/json"})
    assert isinstance(rest, dict) and "continuation_token" in rest

    with pytest.raises(sdk.BadRequestException):
        tis.get_log(MAPPED, ran, "report", 1, token="not-a-signed-token")
    with pytest.raises(sdk.NotFoundException):
        tis.get_log(MAPPED, ran, "no_such_task", 1)


def test_xcoms_the_tasks_returned(any_client: ApiClient, ran: str) -> None:
    xcoms = XComApi(any_client)
    total = xcoms.get_xcom_entry(MAPPED, ran, "report", "return_value")
    assert isinstance(total, XCom) and (total.key, total.task_id, total.dag_id) == ("return_value", "report", MAPPED)
    assert str(total.value) == "14"  # its text by default
    exact = xcoms.get_xcom_entry(MAPPED, ran, "square", "return_value", map_index=2, stringify=False)
    assert exact.value == 9 and exact.map_index == 2
    listed = xcoms.get_xcom_entries(MAPPED, ran, "square")
    assert sorted(e.map_index or 0 for e in listed.xcom_entries or []) == [0, 1, 2]


# --- DAG stats and DAG warnings ---------------------------------------------------------------------


def _counts(stats: DagStatsCollectionSchema, dag_id: str) -> dict[str, int]:
    (entry,) = [d for d in stats.dags or [] if d.dag_id == dag_id]
    return {str(s.state): int(s.count or 0) for s in entry.stats or []}


def test_dag_stats_count_runs_by_state(
    any_client: ApiClient, any_dag_runs: DAGRunApi, new_run: Callable[[str], DAGRun], v2: bool
) -> None:
    stats = DagStatsApi(any_client)
    before = stats.get_dag_stats(f"{CHAIN},{BAD_POOL}")
    assert isinstance(before, DagStatsCollectionSchema)
    listed = {d.dag_id for d in before.dags or []}
    if v2:  # Airflow 3 lists only DAGs that have runs: sdk_ti_bad_pool never ran
        assert BAD_POOL not in listed and before.total_entries == len(listed)
    else:
        assert listed == {CHAIN, BAD_POOL} and before.total_entries == 2
        assert set(_counts(before, BAD_POOL).values()) == {0}  # never run
    old = _counts(before, CHAIN) if CHAIN in listed else dict.fromkeys((s.value for s in DagState), 0)

    new_run(CHAIN)
    failed = new_run(CHAIN)
    any_dag_runs.update_dag_run_state(CHAIN, str(failed.dag_run_id), UpdateDagRunState(state=DagState.FAILED))
    after = _counts(stats.get_dag_stats(CHAIN), CHAIN)
    assert set(after) == {s.value for s in DagState}
    assert {s: after[s] - old[s] for s in after} == {"queued": 1, "failed": 1, "running": 0, "success": 0}

    only_known = stats.get_dag_stats(f"{CHAIN},sdk_ti_no_such_dag")
    assert only_known.total_entries == 1 and [d.dag_id for d in only_known.dags or []] == [CHAIN]


def test_dag_warnings_report_a_missing_pool(live_client: ApiClient, warned: None) -> None:
    warnings = DagWarningApi(live_client)
    mine = warnings.get_dag_warnings(dag_id=BAD_POOL)
    assert isinstance(mine, DagWarningCollection) and mine.total_entries == 1
    (warning,) = mine.dag_warnings or []
    assert isinstance(warning, DagWarning)
    assert (warning.dag_id, warning.warning_type) == (BAD_POOL, "non-existent pool")
    assert MISSING_POOL in (warning.message or "") and _aware(warning.timestamp)

    of_type = warnings.get_dag_warnings(warning_type="non-existent pool", order_by="-timestamp", limit=1000)
    assert BAD_POOL in [w.dag_id for w in of_type.dag_warnings or []]
    assert warnings.get_dag_warnings(dag_id=BAD_POOL, warning_type="another kind").total_entries == 0
    assert warnings.get_dag_warnings(dag_id=CHAIN).dag_warnings == []  # its pools all exist
    skipped = warnings.get_dag_warnings(dag_id=BAD_POOL, offset=1, limit=5)
    assert skipped.dag_warnings == [] and skipped.total_entries == 1


def test_dag_warnings_list_and_filter(any_client: ApiClient, v2: bool) -> None:
    """Both servers answer the same list; only Airflow 2's DAG processor (run by ``warned``) records any here."""
    warnings = DagWarningApi(any_client)
    everything = warnings.get_dag_warnings(limit=1000)
    assert isinstance(everything, DagWarningCollection)
    assert everything.total_entries == len(everything.dag_warnings or [])
    assert all(isinstance(w, DagWarning) and w.dag_id and w.warning_type for w in everything.dag_warnings or [])
    chain = warnings.get_dag_warnings(dag_id=CHAIN, warning_type="non-existent pool", order_by="-timestamp")
    assert (chain.dag_warnings, chain.total_entries) == ([], 0)  # its pools all exist
    if v2:
        with pytest.raises(sdk.BadRequestException):  # Airflow 3 knows its warning types
            warnings.get_dag_warnings(warning_type="another kind")
