"""TaskInstanceApi's Airflow 3 side on a real 3.3.2 server (DAG: sdk_ti3_dags.py), and what an Airflow 2 host refuses.

Runs created through the API stay queued (no scheduler): their six task instances (``grp.a``,
``grp.b``, ``after`` and the three map indexes of ``pick``) exist with no state, which every
filter, patch, bulk action and delete here works on. One run really runs, on the 3.3.2 server with
a scheduler, for what only a run has: tries, queued times, durations, rendered map indexes.
Airflow-3-only methods and parameters are refused before anything is sent to an Airflow 2 host
(the recording server).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, paginate
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.models import (
    BulkAction,
    BulkBody,
    BulkResponse,
    BulkTaskInstanceBody,
    ClearTaskInstances,
    DAGRun,
    DagState,
    DagVersion,
    ExternalLogUrl,
    ListTaskInstanceForm,
    TaskInstance,
    TaskInstanceCollection,
    TaskInstanceReference,
    TaskState,
    UpdateTaskInstance,
)

from airflow_server import AirflowServer
from recording_server import RecordingServer

pytestmark = pytest.mark.live
G = "sdk_ti3_group"
PICKS = [("pick", 0), ("pick", 1), ("pick", 2)]
EVERY = sorted([("after", -1), ("grp.a", -1), ("grp.b", -1), *PICKS])


def _ids(page: TaskInstanceCollection) -> list[tuple[str, int]]:
    return sorted((t.task_id or "", t.map_index if t.map_index is not None else -9) for t in page.task_instances or [])


def _read_in_full(model: Model) -> None:
    """Every field converts to its declared type, and every key the server sent is a field."""
    model._validate()
    assert model._extra_keys() == [], f"{type(model).__name__} has no field for {model._extra_keys()}"
    for name in type(model)._fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Model):
                _read_in_full(item)


@pytest.fixture
def tis(client3: ApiClient) -> TaskInstanceApi:
    return TaskInstanceApi(client3)


@pytest.fixture
def new_run(client3: ApiClient, run_id: Callable[[], str]) -> Iterator[Callable[[], DAGRun]]:
    """Trigger queued runs of sdk_ti3_group with a logical date; every run made is deleted afterwards."""
    made: list[str] = []

    def trigger() -> DAGRun:
        now = dt.datetime.now(dt.timezone.utc)
        run = DAGRunApi(client3).post_dag_run(G, DAGRun(dag_run_id=run_id(), logical_date=now))
        made.append(str(run.dag_run_id))
        return run

    yield trigger
    for rid in made:
        DAGRunApi(client3).delete_dag_run(G, rid)


class Ran(NamedTuple):
    tis: TaskInstanceApi  # of the server with a scheduler
    run_id: str


@pytest.fixture(scope="module")
def ran(scheduled3: AirflowServer) -> Iterator[Ran]:
    """A run of sdk_ti3_group that the scheduler really ran (try 1 of each task instance); deleted afterwards."""
    with ApiClient(Configuration(host=scheduled3.api_url, username="admin", password="admin")) as api_client:
        runs = DAGRunApi(api_client)
        run = runs.trigger_dag_run_and_wait(G, DAGRun(dag_run_id=f"sdk_ti3_{uuid.uuid4().hex[:8]}"), timeout=300)
        assert run.state == DagState.SUCCESS
        yield Ran(TaskInstanceApi(api_client), str(run.dag_run_id))
        runs.delete_dag_run(G, str(run.dag_run_id))


# --- answers: every field the server sends is a field of the model, of its type ---------------------


def test_every_field_of_real_answers_is_read(ran: Ran) -> None:
    tis, ran_id = ran
    picked = tis.get_mapped_task_instance(G, ran_id, "pick", 1)
    _read_in_full(picked)
    assert picked.state is TaskState.SUCCESS and picked.rendered_map_index == "banana"  # its map_index_template
    assert isinstance(picked.id, uuid.UUID) and re.fullmatch(r"[0-9a-f-]{36}", str(picked.id))  # a UUID, as specified
    assert isinstance(picked.dag_version, DagVersion) and picked.dag_version.dag_id == G
    assert picked.dag_version.version_number >= 1 and isinstance(picked.dag_version.created_at, dt.datetime)
    for when in (picked.queued_when, picked.run_after, picked.start_date, picked.end_date):
        assert isinstance(when, dt.datetime) and when.tzinfo is not None
    assert (picked.operator_name, picked.dag_display_name, picked.task_display_name) == ("@task", G, "pick")
    assert picked.trigger is None and picked.triggerer_job is None and picked.executor_config == "{}"

    listed = tis.get_task_instances(G, ran_id)
    assert _ids(listed) == EVERY
    for page in (listed, tis.get_mapped_task_instances(G, ran_id, "pick")):
        _read_in_full(page)
    tries = tis.get_mapped_task_instance_tries(G, ran_id, "pick", 0)
    _read_in_full(tries)
    (only,) = tries.task_instances_history or []
    assert (only.try_number, only.state, only.operator_name, only.map_index) == (1, TaskState.SUCCESS, "@task", 0)
    assert isinstance(only.queued_when, dt.datetime) and isinstance(only.dag_version, DagVersion)
    _read_in_full(tis.get_mapped_task_instance_try_details(G, ran_id, "pick", 0, 1))
    # the scheduler sets an EmptyOperator's state itself, never queueing it
    assert tis.get_task_instance(G, ran_id, "after").queued_when is None
    _read_in_full(tis.get_task_instance_dependencies(G, ran_id, "after"))
    _read_in_full(tis.get_extra_links(G, ran_id, "after"))
    answer = tis.patch_task_instance(G, ran_id, "after", UpdateTaskInstance(dry_run=False, note="read in full"))
    assert isinstance(answer, TaskInstanceReference) and isinstance(answer, TaskInstance)
    _read_in_full(answer)
    assert (answer.note, answer.state, answer.try_number) == ("read in full", TaskState.SUCCESS, 1)
    assert isinstance(answer.dag_version, DagVersion) and answer.operator == "EmptyOperator"


# --- listing: every filter, cursor paging -------------------------------------------------------------


def test_list_filters(tis: TaskInstanceApi, new_run: Callable[[], DAGRun]) -> None:
    run = new_run()
    rid, when, after = str(run.dag_run_id), run.logical_date, run.run_after
    assert when is not None and after is not None
    second = dt.timedelta(seconds=1)
    assert _ids(tis.get_task_instances(G, rid, task_id="pick")) == PICKS
    assert _ids(tis.get_task_instances(G, rid, task_group_id="grp")) == [("grp.a", -1), ("grp.b", -1)]
    assert _ids(tis.get_task_instances(G, rid, map_index=[1, 2])) == PICKS[1:]
    assert _ids(tis.get_task_instances(G, rid, try_number=[0])) == EVERY  # none has run
    assert tis.get_task_instances(G, rid, try_number=[1]).task_instances == []
    version = tis.get_task_instance(G, rid, "after").dag_version
    assert version is not None
    assert _ids(tis.get_task_instances(G, rid, version_number=[version.version_number])) == EVERY
    assert tis.get_task_instances(G, rid, version_number=[version.version_number + 99]).total_entries == 0
    assert _ids(tis.get_task_instances(G, rid, operator=["_PythonDecoratedOperator"])) == PICKS
    assert _ids(tis.get_task_instances(G, rid, rendered_map_index_pattern="2")) == [("pick", 2)]  # the index, unrun
    assert _ids(tis.get_task_instances(G, rid, rendered_map_index_prefix_pattern="1")) == [("pick", 1)]
    assert _ids(tis.get_task_instances(G, rid, operator_name_pattern="@TASK")) == PICKS
    assert _ids(tis.get_task_instances(G, rid, operator_name_prefix_pattern="Empty")) == EVERY[:3]
    assert _ids(tis.get_task_instances(G, rid, task_display_name_pattern="GRP")) == EVERY[1:3]
    assert _ids(tis.get_task_instances(G, rid, task_display_name_prefix_pattern="pi")) == PICKS
    assert _ids(tis.get_task_instances(G, rid, pool_name_pattern="FAULT_po", queue_name_pattern="efau")) == EVERY
    assert tis.get_task_instances(G, rid, pool_name_prefix_pattern="fault").total_entries == 0  # a prefix only
    assert _ids(tis.get_task_instances(G, rid, queue_name_prefix_pattern="def")) == EVERY
    everywhere: dict[str, Any] = {"dag_id": "~", "dag_run_id": "~", "task_id": "after"}
    assert _ids(tis.get_task_instances(**everywhere, dag_id_pattern="TI3_GR", run_id_pattern=rid)) == [("after", -1)]
    assert _ids(tis.get_task_instances(**everywhere, dag_id_prefix_pattern=G, run_id_prefix_pattern=rid)) == [
        ("after", -1)
    ]
    # ranges, around this run's dates (its instances have none of their own yet)
    at: dict[str, Any] = {"dag_id": G, "dag_run_id": "~", "task_id": "after", "run_id_pattern": rid}
    assert tis.get_task_instances(**at, run_after_gte=after, run_after_lte=after).total_entries == 1
    assert tis.get_task_instances(**at, run_after_gt=after).total_entries == 0
    assert tis.get_task_instances(**at, run_after_gt=after - second, run_after_lt=after + second).total_entries == 1
    assert tis.get_task_instances(**at, run_after_lt=after).total_entries == 0
    assert tis.get_task_instances(**at, logical_date_gt=when - second, logical_date_lt=when + second).total_entries == 1
    assert tis.get_task_instances(**at, logical_date_gt=when).total_entries == 0
    assert tis.get_task_instances(**at, execution_date_gte=when, execution_date_lte=when).total_entries == 1
    updated: dict[str, Any] = {"updated_at_gt": when - second, "updated_at_lt": when + 60 * second}
    assert tis.get_task_instances(**at, **updated).total_entries == 1
    assert tis.get_task_instances(**at, updated_at_lt=when - second).total_entries == 0
    # not run: no start or end date, which these ranges read as the server's now (not started/ended yet);
    # bounds a minute off now, as the server's clock and the run's logical date differ by milliseconds
    later, earlier = when + 3600 * second, when - 60 * second
    assert tis.get_task_instances(**at, start_date_gt=earlier).total_entries == 1
    assert tis.get_task_instances(**at, start_date_lt=earlier).total_entries == 0
    assert tis.get_task_instances(**at, start_date_lt=later).total_entries == 1
    assert tis.get_task_instances(**at, end_date_gt=earlier).total_entries == 1
    assert tis.get_task_instances(**at, end_date_lt=earlier).total_entries == 0
    assert tis.get_task_instances(**at, end_date_lt=later).total_entries == 1
    assert tis.get_task_instances(**at, duration_gt=0.5).total_entries == 0  # no duration: in no range
    assert tis.get_task_instances(**at, duration_lt=0.5).total_entries == 0
    descending = tis.get_task_instances(G, rid, order_by=["-map_index", "id"])
    assert [(t.task_id, t.map_index) for t in descending.task_instances or []][:3] == PICKS[::-1]
    assert [t.map_index for t in tis.get_task_instances(G, rid, order_by="map_index").task_instances or []] == [
        -1, -1, -1, 0, 1, 2
    ]  # fmt: skip
    with pytest.raises(sdk.BadRequestException, match="task_id"):  # Airflow 3 sorts by its listed fields only
        tis.get_task_instances(G, rid, order_by="task_id")


def test_mapped_list_filters(tis: TaskInstanceApi, new_run: Callable[[], DAGRun], ran: Ran) -> None:
    rid = str(new_run().dag_run_id)
    mapped = tis.get_mapped_task_instances
    assert [t.map_index for t in mapped(G, rid, "pick", map_index=[0, 2]).task_instances or []] == [0, 2]
    assert mapped(G, rid, "pick", operator=["_PythonDecoratedOperator"], try_number=[0]).total_entries == 3
    assert mapped(G, rid, "pick", operator=["EmptyOperator"]).total_entries == 0
    assert [t.map_index for t in mapped(G, rid, "pick", rendered_map_index_pattern="1").task_instances or []] == [1]
    assert mapped(G, rid, "pick", rendered_map_index_prefix_pattern="2", operator_name_pattern="ask").total_entries == 1
    assert mapped(G, rid, "pick", operator_name_prefix_pattern="@t", pool_name_pattern="default").total_entries == 3
    assert mapped(G, rid, "pick", pool_name_prefix_pattern="default_", queue_name_pattern="DEF").total_entries == 3
    assert mapped(G, rid, "pick", queue_name_prefix_pattern="nope").total_entries == 0
    version = tis.get_mapped_task_instance(G, rid, "pick", 0).dag_version
    assert version is not None and mapped(G, rid, "pick", version_number=[version.version_number]).total_entries == 3
    assert mapped(G, rid, "pick", version_number=[version.version_number + 99]).total_entries == 0
    run = DAGRunApi(tis.api_client).get_dag_run(G, rid)
    assert run.run_after is not None and run.logical_date is not None
    after, when, second = run.run_after, run.logical_date, dt.timedelta(seconds=1)
    ranges: dict[str, Any] = {"run_after_gte": after, "run_after_lte": after, "run_after_gt": after - second,
              "run_after_lt": after + second, "logical_date_gt": when - second, "logical_date_lt": when + second,
              "updated_at_gt": when - second, "updated_at_lt": when + 60 * second}  # fmt: skip
    assert mapped(G, rid, "pick", **ranges).total_entries == 3

    # the run that ran: its mapped instances have durations, dates and rendered names
    mapped, ran_id = ran.tis.get_mapped_task_instances, ran.run_id
    names = [t.rendered_map_index for t in mapped(G, ran_id, "pick").task_instances or []]
    assert names == ["apple", "banana", "cherry"]
    assert [t.map_index for t in mapped(G, ran_id, "pick", rendered_map_index_pattern="an").task_instances or []] == [1]
    assert mapped(G, ran_id, "pick", rendered_map_index_prefix_pattern="ch").total_entries == 1
    done = mapped(G, ran_id, "pick").task_instances or []
    first_start = min(t.start_date for t in done if t.start_date)
    last_end = max(t.end_date for t in done if t.end_date)
    around: dict[str, Any] = {"start_date_gt": first_start - second, "end_date_lt": last_end + second}
    assert mapped(G, ran_id, "pick", **around).total_entries == 3
    assert mapped(G, ran_id, "pick", start_date_lt=first_start, end_date_gt=last_end).total_entries == 0
    assert mapped(G, ran_id, "pick", duration_gt=1e-6, duration_lt=3600.0, try_number=[1]).total_entries == 3


def test_list_by_cursor_and_paginate_walks_by_cursor(
    tis: TaskInstanceApi, new_run: Callable[[], DAGRun], airflow3: AirflowServer
) -> None:
    rid = str(new_run().dag_run_id)
    first = tis.get_task_instances(G, rid, cursor="", limit=4)
    assert len(first.task_instances or []) == 4 and first.previous_cursor is None and first.next_cursor
    assert (first.total_entries, first.total_entries_limit) == (6, 50000)  # counted up to a limit
    rest = tis.get_task_instances(G, rid, cursor=first.next_cursor, limit=4)
    assert len(rest.task_instances or []) == 2 and rest.next_cursor is None and rest.previous_cursor
    back = tis.get_task_instances(G, rid, cursor=rest.previous_cursor, limit=4)
    assert [t.id for t in back.task_instances or []] == [t.id for t in first.task_instances or []]

    walked = list(paginate(tis.get_task_instances, G, rid, page_size=2))
    assert sorted((t.task_id, t.map_index) for t in walked) == EVERY and len({t.id for t in walked}) == 6
    line = rf"path=/api/v2/dags/{G}/dagRuns/{re.escape(rid)}/taskInstances query='limit=2&cursor=([^&']*)'"
    deadline = time.monotonic() + 10  # the server writes its access log a moment after answering
    while len(asked := re.findall(line, airflow3.server_log.read_text(errors="replace"))) < 3:
        assert time.monotonic() < deadline, asked
        time.sleep(0.2)
    assert len(asked) == 3 and asked[0] == "" and all(asked[1:])  # three pages, each by the last one's cursor
    by_offset = list(paginate(tis.get_task_instances, G, rid, page_size=4, offset=1))  # an offset: offset paging
    assert len(by_offset) == 5


# --- map_index on the unmapped paths --------------------------------------------------------------------


def test_map_index_on_dependencies_tries_and_patch(
    tis: TaskInstanceApi, new_run: Callable[[], DAGRun], ran: Ran
) -> None:
    rid = str(new_run().dag_run_id)
    deps = tis.get_task_instance_dependencies(G, rid, "pick", map_index=2)
    assert {"Dagrun Running", "Trigger Rule"} <= {d.name for d in deps.dependencies or []}
    by_path = TaskInstanceApi.get_task_instance_dependencies_by_map_index(tis, G, rid, "pick", 2)  # Airflow 3's name
    assert by_path.to_dict() == deps.to_dict()
    with pytest.raises(sdk.NotFoundException):  # a mapped task has no map index -1
        tis.get_task_instance_dependencies(G, rid, "pick")

    tries = ran.tis.get_task_instance_tries(G, ran.run_id, "pick", map_index=1)
    assert [(t.map_index, t.try_number) for t in tries.task_instances_history or []] == [(1, 1)]
    detail = ran.tis.get_task_instance_try_details(G, ran.run_id, "pick", 1, map_index=2)
    assert (detail.map_index, detail.try_number, detail.state) == (2, 1, TaskState.SUCCESS)
    with pytest.raises(sdk.NotFoundException):
        ran.tis.get_task_instance_try_details(G, ran.run_id, "pick", 1, map_index=7)

    one = tis.patch_task_instance(G, rid, "pick", UpdateTaskInstance(dry_run=False, note="only 1"), map_index=1)
    assert (one.map_index, one.note) == (1, "only 1")
    notes = [t.note for t in tis.get_mapped_task_instances(G, rid, "pick").task_instances or []]
    assert notes == [None, "only 1", None]
    every = tis.patch_task_instance(G, rid, "pick", UpdateTaskInstance(dry_run=False, note="all"))  # no map_index: all
    assert (every.map_index, every.note) == (0, "all")
    assert {t.note for t in tis.get_mapped_task_instances(G, rid, "pick").task_instances or []} == {"all"}


# --- changes: patch (+ dry run), task group, bulk, delete, clear ---------------------------------------


def test_patch_sets_state_and_note_and_answers_the_instance(
    tis: TaskInstanceApi, new_run: Callable[[], DAGRun]
) -> None:
    rid = str(new_run().dag_run_id)
    planned = tis.patch_task_instance(G, rid, "grp.a", UpdateTaskInstance(new_state="failed", include_downstream=True))
    assert (planned.task_id, planned.state) == ("grp.a", None)  # the one named, though its downstream come too
    dry = TaskInstanceApi.patch_task_instance_dry_run(
        tis, G, rid, "grp.a", UpdateTaskInstance(new_state="failed", include_downstream=True), _preload_content=False
    )
    assert sorted((t["task_id"], t["map_index"]) for t in json.loads(dry.data)["task_instances"]) == EVERY
    assert tis.get_task_instance(G, rid, "grp.a").state is None  # a dry run changes nothing

    both = tis.patch_task_instance(G, rid, "grp.a", UpdateTaskInstance(dry_run=False, new_state="failed", note="why"))
    assert (both.task_id, both.state, both.note) == ("grp.a", TaskState.FAILED, "why")
    with pytest.raises(sdk.ConflictException):  # the state it already has
        tis.patch_task_instance(G, rid, "grp.a", UpdateTaskInstance(dry_run=False, new_state="failed"))
    skip = UpdateTaskInstance(dry_run=False, new_state="skipped", note="dropped")
    masked = tis.patch_task_instance(G, rid, "grp.b", skip, update_mask=["new_state"])
    assert (masked.state, masked.note) == (TaskState.SKIPPED, None)
    cleared = tis.patch_task_instance(G, rid, "grp.a", UpdateTaskInstance(dry_run=False, note=""))
    assert (cleared.state, cleared.note) == (TaskState.FAILED, None)  # "" removes the note, the state stays

    mapped = TaskInstanceApi.patch_task_instance_by_map_index(
        tis, G, rid, "pick", 2, UpdateTaskInstance(dry_run=False, new_state="success", note="two")
    )
    assert (mapped.map_index, mapped.state, mapped.note) == (2, TaskState.SUCCESS, "two")
    planned_map = TaskInstanceApi.patch_task_instance_dry_run_by_map_index(
        tis, G, rid, "pick", 0, UpdateTaskInstance(new_state="skipped")
    )
    assert (planned_map.map_index, planned_map.state) == (0, None)
    nothing = tis.patch_mapped_task_instance(G, rid, "pick", 2, UpdateTaskInstance(new_state="success"))
    assert (nothing.task_id, nothing.map_index, nothing.state) == ("pick", 2, None)  # nothing would change: as named
    with pytest.raises(sdk.BadRequestException):  # Airflow 3 sets only success, failed or skipped
        tis.patch_task_instance(G, rid, "after", UpdateTaskInstance(dry_run=False, new_state="running"))


def test_task_group_patch_and_its_dry_run(tis: TaskInstanceApi, new_run: Callable[[], DAGRun]) -> None:
    rid = str(new_run().dag_run_id)
    plan = tis.patch_task_group_instances(G, rid, "grp", UpdateTaskInstance(new_state="success"))
    assert isinstance(plan, TaskInstanceCollection) and _ids(plan) == [("grp.a", -1), ("grp.b", -1)]
    assert TaskInstanceApi.patch_task_group_instances_dry_run is TaskInstanceApi.patch_task_group_instances
    assert {t.state for t in tis.get_task_instances(G, rid, task_group_id="grp").task_instances or []} == {None}
    done = tis.patch_task_group_instances(
        G, rid, "grp", UpdateTaskInstance(dry_run=False, new_state="success", note="group done")
    )
    assert [(t.task_id, t.state, t.note) for t in done.task_instances or []] == [
        ("grp.a", TaskState.SUCCESS, "group done"), ("grp.b", TaskState.SUCCESS, "group done")
    ]  # fmt: skip
    for ti in done.task_instances or []:
        _read_in_full(ti)
    noted = tis.patch_task_group_instances(
        G, rid, "grp", UpdateTaskInstance(dry_run=False, new_state="failed", note="only the note"), update_mask=["note"]
    )
    assert {(t.state, t.note) for t in noted.task_instances or []} == {(TaskState.SUCCESS, "only the note")}
    with pytest.raises(sdk.NotFoundException):
        tis.patch_task_group_instances(G, rid, "no_such_group", UpdateTaskInstance(dry_run=False, note="x"))


def test_bulk_update_and_delete(tis: TaskInstanceApi, new_run: Callable[[], DAGRun]) -> None:
    rid = str(new_run().dag_run_id)
    update = BulkAction.update(
        [BulkTaskInstanceBody(task_id="after", new_state="failed", note="bulk"),
         BulkTaskInstanceBody(task_id="pick", map_index=1, note="one of three")]
    )  # fmt: skip
    delete = BulkAction.delete(
        ["grp.b", BulkTaskInstanceBody(task_id="pick", map_index=2), BulkTaskInstanceBody(task_id="pick", map_index=9)],
        action_on_non_existence="skip",
    )
    done = tis.bulk_task_instances(G, rid, BulkBody(actions=[update, delete]))
    assert isinstance(done, BulkResponse) and done.create is None and done.errors == []
    assert done.update is not None and sorted(done.update.success) == [f"{G}.{rid}.after[-1]", f"{G}.{rid}.pick[1]"]
    assert done.delete is not None and sorted(done.delete.success) == [f"{G}.{rid}.grp.b[-1]", f"{G}.{rid}.pick[2]"]
    left = {(t.task_id, t.map_index): (t.state, t.note) for t in tis.get_task_instances(G, rid).task_instances or []}
    assert left == {("grp.a", -1): (None, None), ("after", -1): (TaskState.FAILED, "bulk"),
                    ("pick", 0): (None, None), ("pick", 1): (None, "one of three")}  # fmt: skip

    refused = tis.bulk_task_instances(
        G, rid, BulkBody(actions=[BulkAction.create([BulkTaskInstanceBody(task_id="after")]),
                                  BulkAction.delete(["no_such_task"])])  # fmt: skip
    )
    assert refused.create is not None and [e["status_code"] for e in refused.create.errors] == [405]
    assert refused.delete is not None and [e["status_code"] for e in refused.delete.errors] == [404]


def test_delete_task_instance(tis: TaskInstanceApi, new_run: Callable[[], DAGRun]) -> None:
    rid = str(new_run().dag_run_id)
    assert tis.delete_task_instance(G, rid, "after") is None
    assert tis.delete_task_instance(G, rid, "pick", map_index=1) is None
    assert _ids(tis.get_task_instances(G, rid)) == [("grp.a", -1), ("grp.b", -1), ("pick", 0), ("pick", 2)]
    with pytest.raises(sdk.NotFoundException):
        tis.delete_task_instance(G, rid, "after")
    with pytest.raises(sdk.NotFoundException):  # a mapped task's instances have map indexes, not -1
        tis.delete_task_instance(G, rid, "pick")


def test_batch_list_with_every_body_key(tis: TaskInstanceApi, new_run: Callable[[], DAGRun]) -> None:
    run = new_run()
    rid, when, after, second = str(run.dag_run_id), run.logical_date, run.run_after, dt.timedelta(seconds=1)
    assert when is not None and after is not None
    tis.patch_task_instance(G, rid, "after", UpdateTaskInstance(dry_run=False, new_state="success"))
    form = ListTaskInstanceForm(
        dag_ids=[G], dag_run_ids=[rid], task_ids=["after", "pick"], state=[None, TaskState.SUCCESS],
        run_after_gte=after, run_after_lte=after, run_after_gt=after - second, run_after_lt=after + second,
        execution_date_gte=when, execution_date_lte=when, logical_date_gt=when - second, logical_date_lt=when + second,
        pool=["default_pool"], queue=["default"], order_by="-map_index", page_limit=10, page_offset=0,
    )  # fmt: skip
    found = tis.get_task_instances_batch(form)
    assert [(t.task_id, t.map_index) for t in found.task_instances or []] == [*PICKS[::-1], ("after", -1)]
    for ti in found.task_instances or []:
        _read_in_full(ti)
    assert tis.get_task_instances_batch(ListTaskInstanceForm(dag_run_ids=[rid], state=[None])).total_entries == 5
    ended = ListTaskInstanceForm(dag_run_ids=[rid], start_date_gt=when - 60 * second, start_date_lt=when + 60 * second,
                                 end_date_gt=when - 60 * second, end_date_lt=when + 60 * second,
                                 duration_gt=-1.0, duration_lt=1.0)  # fmt: skip
    assert [t.task_id for t in tis.get_task_instances_batch(ended).task_instances or []] == ["after"]  # set: dates


def test_clear_with_a_note_on_the_latest_version(
    client3: ApiClient, tis: TaskInstanceApi, new_run: Callable[[], DAGRun]
) -> None:
    rid = str(new_run().dag_run_id)
    tis.patch_task_instance(G, rid, "grp.a", UpdateTaskInstance(dry_run=False, new_state="failed"))
    body = ClearTaskInstances(
        dry_run=False, dag_run_id=rid, task_ids=["grp.a", ["pick", 1]], only_failed=False,
        note="cleared by the sdk", prevent_running_task=True, run_on_latest_version=True,
    )  # fmt: skip
    cleared = DAGApi(client3).post_clear_task_instances(G, body)
    # the answer shows the instances as they were before the note (3.3.2); the note is set all the same
    assert sorted((t.task_id, t.map_index, t.note) for t in cleared.task_instances or []) == [
        ("grp.a", -1, None), ("pick", 1, None)
    ]  # fmt: skip
    for ti in cleared.task_instances or []:
        assert isinstance(ti, TaskInstanceReference)
        _read_in_full(ti)
    assert cleared.total_entries == 2
    now = {(t.task_id, t.map_index): (t.state, t.note) for t in tis.get_task_instances(G, rid).task_instances or []}
    assert now[("grp.a", -1)] == now[("pick", 1)] == (None, "cleared by the sdk") and now[("pick", 0)] == (None, None)


# --- extra links of a try, the external log URL -----------------------------------------------------


def test_extra_links_of_a_try(ran: Ran) -> None:
    tis, ran_id = ran
    assert tis.get_extra_links(G, ran_id, "after", try_number=1).extra_links == []  # the current try
    assert tis.get_extra_links(G, ran_id, "pick", map_index=0, try_number=1).total_entries == 0
    with pytest.raises(sdk.NotFoundException):  # no such try
        tis.get_extra_links(G, ran_id, "after", try_number=5)


def test_external_log_url(tis: TaskInstanceApi, new_run: Callable[[], DAGRun], airflow3: AirflowServer) -> None:
    """The test servers' task log handler links to an external viewer (test/dags/sdk_ti3_external_log.py);
    a stock server's (files only) answers 400 "Task log handler does not support external logs"."""
    rid = str(new_run().dag_run_id)
    assert airflow3.env["AIRFLOW__LOGGING__LOGGING_CONFIG_CLASS"] == "sdk_ti3_external_log.LOGGING_CONFIG"
    url = tis.get_external_log_url(G, rid, "pick", 1, map_index=2)
    assert isinstance(url, ExternalLogUrl) and url.url.endswith(f"/{G}/{rid}/pick/2/1")


# --- Airflow 2: the same models read its answers; what it lacks is refused before sending -------------


def test_airflow_2_answers_read_in_full(
    live_client: ApiClient, live_dag_runs: DAGRunApi, run_id: Callable[[], str]
) -> None:
    api = TaskInstanceApi(live_client)
    rid = str(live_dag_runs.post_dag_run(G, DAGRun(dag_run_id=run_id())).dag_run_id)
    try:
        ti = api.get_mapped_task_instance(G, rid, "pick", 1)
        ti._validate()
        assert (ti.map_index, ti.dag_version, ti.id, ti.run_after) == (1, None, None, None)  # Airflow 3's fields
        for page in (api.get_task_instances(G, rid), api.get_mapped_task_instances(G, rid, "pick")):
            page._validate()
            assert page.next_cursor is None
        planned = api.patch_task_instance(G, rid, "after", UpdateTaskInstance(new_state="success"))
        assert isinstance(planned, TaskInstanceReference) and (planned.task_id, planned.state) == ("after", None)
        planned._validate()
        assert api.patch_task_instance(  # False is what Airflow 2 means anyway: left out
            G, rid, "after", UpdateTaskInstance(new_state="success", include_downstream=False)
        ).task_id == "after"
        found = api.get_task_instances_batch(ListTaskInstanceForm(dag_run_ids=[rid], state=[TaskState.NONE]))
        assert found.total_entries == 6
    finally:
        live_dag_runs.delete_dag_run(G, rid)


T3, STATE = "needs Airflow 3", UpdateTaskInstance(new_state="failed")
REFUSED: dict[str, tuple[Callable[[TaskInstanceApi], Any], str]] = {
    "delete": (lambda t: t.delete_task_instance("d", "r", "t"), T3),
    "bulk": (lambda t: t.bulk_task_instances("d", "r", BulkBody(actions=[BulkAction.delete(["t"])])), T3),
    "group": (lambda t: t.patch_task_group_instances("d", "r", "g", STATE), T3),
    "log url": (lambda t: t.get_external_log_url("d", "r", "t", 1), T3),
    "cursor": (lambda t: t.get_task_instances("d", "r", cursor=""), "'cursor'"),
    "filter": (lambda t: t.get_task_instances("d", "r", run_after_gte=dt.datetime(2025, 1, 1)), "'run_after_gte'"),
    "order": (lambda t: t.get_task_instances("d", "r", order_by="-map_index"), "'order_by'"),
    "mapped": (lambda t: t.get_mapped_task_instances("d", "r", "t", operator=["X"]), "'operator'"),
    "deps": (lambda t: t.get_task_instance_dependencies("d", "r", "t", map_index=1), "'map_index'"),
    "tries": (lambda t: t.get_task_instance_tries("d", "r", "t", map_index=1), "'map_index'"),
    "try": (lambda t: t.get_task_instance_try_details("d", "r", "t", 1, map_index=1), "'map_index'"),
    "links": (lambda t: t.get_extra_links("d", "r", "t", try_number=1), "'try_number'"),
    "patch": (lambda t: t.patch_task_instance("d", "r", "t", STATE, map_index=1), "'map_index'"),
    "mask": (lambda t: t.patch_mapped_task_instance("d", "r", "t", 1, STATE, update_mask=["note"]), "'update_mask'"),
    "note": (lambda t: t.patch_task_instance("d", "r", "t", UpdateTaskInstance(note="n")), "'note'"),
    "past": (lambda t: t.patch_task_instance("d", "r", "t", UpdateTaskInstance(include_past=True)), "'include_past'"),
    "batch": (lambda t: t.get_task_instances_batch(ListTaskInstanceForm(order_by="id")), "'order_by'"),
    "batch range": (lambda t: t.get_task_instances_batch(ListTaskInstanceForm(duration_gt=1.0)), "'duration_gt'"),
    "clear": (lambda t: DAGApi(t.api_client).post_clear_task_instances("d", ClearTaskInstances(note="n")), "'note'"),
    "clear running": (
        lambda t: DAGApi(t.api_client).post_clear_task_instances("d", ClearTaskInstances(prevent_running_task=True)),
        "'prevent_running_task'",
    ),
    "clear latest": (
        lambda t: DAGApi(t.api_client).post_clear_task_instances("d", ClearTaskInstances(run_on_latest_version=True)),
        "'run_on_latest_version'",
    ),
}


@pytest.mark.parametrize(("call", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_airflow_3_only_is_refused_on_airflow_2_before_sending(
    server: RecordingServer, call: Callable[[TaskInstanceApi], Any], message: str
) -> None:
    configuration = Configuration(host=server.url + "/api/v1", username="admin", password="pw", retries=0)
    with ApiClient(configuration) as api_client:
        with pytest.raises((sdk.UnsupportedOperationError, sdk.ApiValueError), match=message):
            call(TaskInstanceApi(api_client))
    assert server.count == 0
