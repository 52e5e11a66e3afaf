"""Airflow 3's admin operations against a real 3.3.2: bulk changes, queued connection tests, XCom
writes, the listings' filters; and every field of every listed item read from both real servers.

Bulk requests, default connections, XCom writes and the filters run on ``airflow3`` (no scheduler).
Queued connection tests need a scheduler whose executor runs them: ``conn_tester`` is a 3.3.2 with
its scheduler and ``[core] parallelism = 2``, for 3.3.2 starts a queued test only while the
executor has a slot beyond the tests already queued (``scheduled3`` runs with parallelism 1, where
a queued test never starts and is failed by the reaper after about two minutes).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.config_api import ConfigApi
from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.event_log_api import EventLogApi
from airflow_python_sdk.api.import_error_api import ImportErrorApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.api.plugin_api import PluginApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.provider_api import ProviderApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.api.x_com_api import XComApi
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.models import (
    AsyncConnectionTest,
    BulkAction,
    BulkBody,
    BulkResponse,
    Connection,
    ConnectionTestQueued,
    ConnectionTestRequestBody,
    ConnectionTestState,
    DAGRun,
    Pool,
    Variable,
    XCom,
    XComCreateBody,
    XComUpdateBody,
)
from airflow_python_sdk.operation import Api, Operation

from airflow_server import AIRFLOW_3_VERSION, AirflowServer, start_airflow
from recording_server import RecordingServer

pytestmark = pytest.mark.live

DAG_ID = "sdk_example"  # extract >> transform >> load


def _uniq() -> str:
    return f"sdk_h6_{uuid.uuid4().hex[:10]}"


def _client(server: AirflowServer) -> ApiClient:
    return ApiClient(Configuration(host=server.api_url, username="admin", password="admin"))


def _raw(server: AirflowServer, method: str, path: str, body: Any) -> int:
    """The status 3.3.2 answers a request the SDK would not send as it is."""
    login = urllib.request.Request(
        server.base_url + "/auth/token",
        data=json.dumps({"username": "admin", "password": "admin"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(login, timeout=30) as answer:
        token = json.loads(answer.read())["access_token"]
    request = urllib.request.Request(
        server.api_url + path,
        method=method,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return error.code


# --- bulk requests -----------------------------------------------------------------------------------


def test_bulk_variables_create_update_and_delete_in_one_request(client3: ApiClient) -> None:
    variables = VariableApi(client3)
    old, new, doomed, refused_with = _uniq(), _uniq(), _uniq(), _uniq()
    variables.post_variables(Variable(key=old, value="before"))
    variables.post_variables(Variable(key=doomed, value="x"))
    answer = variables.bulk_variables(
        BulkBody(
            actions=[
                BulkAction.create([Variable(key=new, value="made", description="bulk")]),
                BulkAction.create([Variable(key=old, value="again"), Variable(key=refused_with, value="x")], "fail"),
                BulkAction.update([Variable(key=old, value="after", description="d")], update_mask=["value"]),
                BulkAction.delete([Variable(key=doomed, value="x"), "sdk_h6_never_there"], "skip"),
            ]
        )
    )
    assert isinstance(answer, BulkResponse) and answer.create is not None
    answer._validate()
    assert answer.create.success == [new]
    # the refused key is reported, not dropped; it fails the whole action it is in (refused_with is not made)
    (refusal,) = answer.create.errors
    assert refusal["status_code"] == 409 and old in refusal["error"]
    assert answer.errors == [refusal]
    assert answer.update is not None and answer.update.success == [old]
    assert answer.delete is not None and answer.delete.success == [doomed] and answer.delete.errors == []

    made = variables.get_variable(new)
    assert (made.value, made.description) == ("made", "bulk")
    kept = variables.get_variable(old)
    assert (kept.value, kept.description) == ("after", None)  # only the masked field changed
    for gone in (doomed, refused_with):
        with pytest.raises(sdk.NotFoundException):
            variables.get_variable(gone)
    cleanup = variables.bulk_variables(BulkBody(actions=[BulkAction.delete([old, new])]))
    assert cleanup.delete is not None and sorted(cleanup.delete.success) == sorted([old, new])
    assert (cleanup.create, cleanup.update) == (None, None)


def test_bulk_pools_create_update_and_delete_in_one_request(client3: ApiClient) -> None:
    pools = PoolApi(client3)
    kept, made, doomed = _uniq(), _uniq(), _uniq()
    pools.post_pool(Pool(name=kept, slots=2, description="kept", include_deferred=True))
    pools.post_pool(Pool(name=doomed, slots=1))
    answer = pools.bulk_pools(
        BulkBody(
            actions=[
                BulkAction.create([Pool(name=made, slots=3), Pool(name="default_pool", slots=9)], "fail"),
                BulkAction.create([Pool(name=made, slots=4, description="made")], "overwrite"),
                # no include_deferred: Airflow 3 wants it in updates, the SDK sends false, the mask keeps it out
                BulkAction.update([Pool(name=kept, slots=5)], update_mask=["slots"]),
                BulkAction.delete([Pool(name=doomed, slots=1)]),
            ]
        )
    )
    answer._validate()
    assert answer.create is not None and answer.create.success == [made]  # two creates report as one
    (refusal,) = answer.errors
    assert refusal["status_code"] == 409 and "default_pool" in refusal["error"]
    assert answer.update is not None and answer.update.success == [kept]
    assert answer.delete is not None and answer.delete.success == [doomed]

    resized = pools.get_pool(kept)
    assert (resized.slots, resized.description, resized.include_deferred) == (5, "kept", True)
    overwritten = pools.get_pool(made)
    assert (overwritten.slots, overwritten.description) == (4, "made")
    assert pools.get_pool("default_pool").slots != 9
    with pytest.raises(sdk.NotFoundException):
        pools.get_pool(doomed)
    missing = pools.bulk_pools(BulkBody(actions=[BulkAction.delete([kept, made, "sdk_h6_no_pool"])]))
    assert missing.delete is not None and missing.delete.success == []  # fail (the default): nothing deleted
    assert missing.delete.errors[0]["status_code"] == 404 and "sdk_h6_no_pool" in missing.delete.errors[0]["error"]
    pools.bulk_pools(BulkBody(actions=[BulkAction.delete([kept, made, "sdk_h6_no_pool"], "skip")]))
    assert [p.name for p in pools.get_pools(pool_name_prefix_pattern=kept).pools or []] == []


def test_bulk_connections_create_update_and_delete_in_one_request(client3: ApiClient) -> None:
    connections = ConnectionApi(client3)
    kept, made, doomed = _uniq(), _uniq(), _uniq()
    connections.post_connection(Connection(connection_id=kept, conn_type="http", host="a.example", port=80))
    connections.post_connection(Connection(connection_id=doomed, conn_type="http"))
    answer = connections.bulk_connections(
        BulkBody(
            actions=[
                BulkAction.create(
                    [Connection(connection_id=made, conn_type="http", password="s3cret", extra='{"k": 1}')]
                ),
                BulkAction.create([Connection(connection_id=kept, conn_type="http")]),  # exists: refused
                BulkAction.update([Connection(connection_id=kept, conn_type="http", port=8080)], ["port"]),
                BulkAction.delete([Connection(connection_id=doomed, conn_type="http")]),
            ]
        )
    )
    answer._validate()
    assert answer.create is not None and answer.create.success == [made]
    (refusal,) = answer.errors
    assert refusal["status_code"] == 409 and kept in refusal["error"]
    assert answer.update is not None and answer.update.success == [kept]
    assert answer.delete is not None and answer.delete.success == [doomed]

    updated = connections.get_connection(kept)
    assert (updated.host, updated.port) == ("a.example", 8080)
    created = connections.get_connection(made)
    assert (created.password, created.extra) == ("***", '{"k": 1}')  # Airflow 3 answers a set password masked
    with pytest.raises(sdk.NotFoundException):
        connections.get_connection(doomed)
    connections.bulk_connections(BulkBody(actions=[BulkAction.delete([kept, made])]))
    assert connections.get_connections(connection_id_pattern=kept).total_entries == 0


@pytest.mark.parametrize(
    ("path", "entity"),
    [
        ("/variables", {"key": "sdk_h6_x", "value": "x"}),
        ("/pools", {"name": "sdk_h6_x", "slots": 1}),
        ("/connections", {"connection_id": "sdk_h6_x", "conn_type": "http"}),
    ],
)
def test_a_bulk_delete_of_whole_entities_is_a_server_error(airflow3: AirflowServer, path: str, entity: Any) -> None:
    """3.3.2's access check reads a delete's entities as ids: whole bodies end in a 500 (the SDK sends ids)."""
    actions = {"actions": [{"action": "delete", "entities": [entity], "action_on_non_existence": "skip"}]}
    assert _raw(airflow3, "PATCH", path, actions) == 500
    by_id = {"actions": [{**actions["actions"][0], "entities": [next(iter(entity.values()))]}]}
    assert _raw(airflow3, "PATCH", path, by_id) == 200


def test_team_name_is_sent_and_refused_without_multi_team(client3: ApiClient) -> None:
    """``team_name`` is a body field now (not read-only): 3.3.2 without multi-team mode refuses it (422)."""
    attempts: list[Callable[[], Any]] = [
        lambda: VariableApi(client3).post_variables(Variable(key=_uniq(), value="v", team_name="t")),
        lambda: PoolApi(client3).post_pool(Pool(name=_uniq(), slots=1, team_name="t")),
        lambda: ConnectionApi(client3).post_connection(
            Connection(connection_id=_uniq(), conn_type="http", team_name="t")
        ),
    ]
    for attempt in attempts:
        with pytest.raises(sdk.BadRequestException, match="multi_team mode is disabled"):
            attempt()


# --- connections: defaults and queued tests --------------------------------------------------------


def _connection_ids(connections: ConnectionApi) -> set[str]:
    return {c.connection_id for c in connections.get_connections(limit=10000).connections or [] if c.connection_id}


def test_create_default_connections(client3: ApiClient) -> None:
    connections = ConnectionApi(client3)
    before = _connection_ids(connections)
    assert connections.create_default_connections() is None
    added = _connection_ids(connections) - before
    assert {"aws_default", "postgres_default", "http_default"} <= added | before and len(added) > 20
    assert connections.get_connection("postgres_default").conn_type == "postgres"
    connections.create_default_connections()  # again: the existing ones are kept, nothing is doubled
    assert _connection_ids(connections) - before == added
    removed = connections.bulk_connections(BulkBody(actions=[BulkAction.delete(sorted(added))]))
    assert removed.delete is not None and sorted(removed.delete.success) == sorted(added)  # the server as it was
    assert _connection_ids(connections) == before


def test_a_queued_connection_test_waits_for_a_scheduler(client3: ApiClient) -> None:
    """Without a scheduler the test stays pending; the token follows it, one test per id at a time."""
    connections = ConnectionApi(client3)
    conn_id = _uniq()
    queued = connections.enqueue_connection_test(
        ConnectionTestRequestBody(connection_id=conn_id, conn_type="fs", extra='{"path": "/tmp"}')
    )
    assert isinstance(queued, ConnectionTestQueued) and (queued.connection_id, queued.state) == (conn_id, "pending")
    assert queued.state is ConnectionTestState.PENDING and len(queued.token) > 20
    status = connections.get_connection_test(queued.token)
    assert isinstance(status, AsyncConnectionTest)
    assert (status.token, status.connection_id, status.state, status.result_message) == (
        queued.token, conn_id, ConnectionTestState.PENDING, None,
    )  # fmt: skip
    assert dt.datetime.now(dt.timezone.utc) - status.created_at < dt.timedelta(minutes=5)
    with pytest.raises(sdk.ConflictException, match="active connection test already exists"):
        connections.enqueue_connection_test(ConnectionTestRequestBody(connection_id=conn_id, conn_type="fs"))
    with pytest.raises(sdk.BadRequestException, match="not configured"):
        connections.enqueue_connection_test(
            ConnectionTestRequestBody(connection_id=_uniq(), conn_type="fs", executor="NoSuchExecutor")
        )
    with pytest.raises(sdk.NotFoundException, match="No connection test found"):
        connections.get_connection_test("no-such-token")
    with pytest.raises(sdk.ApiValueError, match="token"):
        connections.get_connection_test("")


@pytest.fixture(scope="module")
def conn_tester() -> Iterator[AirflowServer]:
    """A 3.3.2 with its scheduler whose LocalExecutor has a slot for a queued connection test.

    The worker's first call marks the test running: one timed out on a busy machine and retried finds
    it running already and fails the test ("failed unexpectedly"), so the worker waits longer than 5 s.
    """
    settings = {"AIRFLOW__CORE__PARALLELISM": "2", "AIRFLOW__WORKERS__EXECUTION_API_TIMEOUT": "60"}
    with start_airflow(AIRFLOW_3_VERSION, scheduler=True, extra_env=settings) as running:
        yield running


def _finished(connections: ConnectionApi, token: str, timeout: float = 90) -> AsyncConnectionTest:
    deadline = time.monotonic() + timeout
    while True:
        status = connections.get_connection_test(token)
        if status.state in (ConnectionTestState.SUCCESS, ConnectionTestState.FAILED) or time.monotonic() > deadline:
            return status
        time.sleep(0.5)


def test_queued_connection_tests_run_on_a_worker(conn_tester: AirflowServer) -> None:
    with _client(conn_tester) as api_client:
        connections = ConnectionApi(api_client)
        good, bad = _uniq(), _uniq()
        states = set()
        queued = connections.enqueue_connection_test(
            ConnectionTestRequestBody(
                connection_id=good,
                conn_type="fs",
                extra='{"path": "/tmp"}',
                commit_on_success=True,
                executor="LocalExecutor",
            )  # fmt: skip
        )
        while (status := connections.get_connection_test(queued.token)).state not in ("success", "failed"):
            states.add(status.state)
            time.sleep(0.2)
        log = (conn_tester.home / "scheduler.log").read_text()[-3000:]
        assert (status.state, status.result_message) == ("success", "Path /tmp is existing."), log
        assert states <= {"pending", "queued", "running"}
        assert connections.get_connection(good).extra == '{"path": "/tmp"}'  # committed on success

        failing = connections.enqueue_connection_test(
            ConnectionTestRequestBody(
                connection_id=bad, conn_type="fs", extra='{"path": "/no/such/dir"}', commit_on_success=True
            )  # fmt: skip
        )
        failed = _finished(connections, failing.token)
        assert (failed.state, failed.result_message) == ("failed", "Path /no/such/dir does not exist.")
        with pytest.raises(sdk.NotFoundException):
            connections.get_connection(bad)  # not committed

        # 3.3.2 starts a queued test only while its executor has a free slot beyond the queued tests:
        # two at once with parallelism 2 both stay queued (until the reaper fails them)
        stuck = [
            connections.enqueue_connection_test(ConnectionTestRequestBody(connection_id=_uniq(), conn_type="fs")).token
            for _ in range(2)
        ]
        time.sleep(8)
        assert [connections.get_connection_test(t).state for t in stuck] == ["queued", "queued"]

        # the heartbeats 3.3.2's spec calls strings are ISO timestamps: read as datetimes
        health = MonitoringApi(api_client).get_health()
        _read_all(health)
        assert health.scheduler is not None and health.dag_processor is not None
        assert isinstance(health.scheduler.latest_scheduler_heartbeat, dt.datetime)
        assert isinstance(health.dag_processor.latest_dag_processor_heartbeat, dt.datetime)


# --- XCom ----------------------------------------------------------------------------------------------


@pytest.fixture
def xcom_run(client3: ApiClient) -> Iterator[tuple[str, dt.datetime]]:
    """A run of sdk_example with a logical date of its own (no scheduler: its task instances stay put)."""
    runs = DAGRunApi(client3)
    run_id = _uniq()
    logical = dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=uuid.uuid4().int % 500_000)
    runs.post_dag_run(DAG_ID, DAGRun(dag_run_id=run_id, logical_date=logical))
    yield run_id, logical
    runs.delete_dag_run(DAG_ID, run_id)


def test_xcom_entries_created_updated_and_deleted(client3: ApiClient, xcom_run: tuple[str, dt.datetime]) -> None:
    xcoms = XComApi(client3)
    run_id, logical = xcom_run

    def stored(value: Any) -> Any:
        """What the server answers for a value written through the API: its JSON text on 3.0 and 3.1."""
        return json.dumps(value) if client3.has_quirk("xcom_value_as_json_text") else value

    created = xcoms.create_xcom_entry(DAG_ID, run_id, "extract", XComCreateBody(key="doc", value={"a": [1, 2]}))
    assert isinstance(created, XCom) and (created.key, created.value, created.map_index) == (
        "doc",
        stored({"a": [1, 2]}),
        -1,
    )
    assert (created.run_id, created.task_id, created.dag_display_name, created.task_display_name) == (
        run_id, "extract", DAG_ID, "extract",
    )  # fmt: skip
    assert created.execution_date == logical and created.run_after is not None
    created._validate()
    for key, value in (("numbers", [1, 2, 3]), ("text", "plain"), ("count", 7), ("nothing", None)):
        assert xcoms.create_xcom_entry(DAG_ID, run_id, "load", XComCreateBody(key=key, value=value)).value == stored(
            value
        )
    with pytest.raises(sdk.ConflictException, match="already exists"):
        xcoms.create_xcom_entry(DAG_ID, run_id, "extract", XComCreateBody(key="doc", value=1, map_index=-1))
    with pytest.raises(sdk.NotFoundException):
        xcoms.create_xcom_entry(DAG_ID, run_id, "no_such_task", XComCreateBody(key="doc", value=1))

    native = xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "doc")
    assert native.value == stored({"a": [1, 2]})  # Airflow 3.2+ answers the JSON value itself
    assert xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "doc", deserialize=True).value == {"a": [1, 2]}
    # stringify=True answers Python's repr of the value, not JSON text (of the stored text on 3.0 and 3.1)
    text = xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "doc", map_index=-1, stringify=True)
    assert text.value == str(stored({"a": [1, 2]}))

    updated = xcoms.update_xcom_entry(DAG_ID, run_id, "extract", "doc", XComUpdateBody(value=["new"]))
    assert isinstance(updated, XCom) and updated.value == stored(["new"]) and updated.timestamp >= created.timestamp
    assert xcoms.update_xcom_entry(
        DAG_ID, run_id, "extract", "doc", XComUpdateBody(value=5, map_index=-1)
    ).value == stored(5)
    with pytest.raises(sdk.NotFoundException):
        xcoms.update_xcom_entry(DAG_ID, run_id, "extract", "no_such_key", XComUpdateBody(value=1))

    assert xcoms.delete_xcom_entry(DAG_ID, run_id, "extract", "doc", map_index=-1) is None
    xcoms.delete_xcom_entry(DAG_ID, run_id, "load", "text")
    with pytest.raises(sdk.NotFoundException):
        xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "doc")
    with pytest.raises(sdk.NotFoundException):
        xcoms.delete_xcom_entry(DAG_ID, run_id, "extract", "doc")
    left = xcoms.get_xcom_entries(DAG_ID, run_id, "~", order_by="key")
    assert [x.key for x in left.xcom_entries or []] == ["count", "nothing", "numbers"]


def test_xcom_entries_filters(client3: ApiClient, xcom_run: tuple[str, dt.datetime]) -> None:
    xcoms = XComApi(client3)
    run_id, logical = xcom_run
    stem = run_id.removeprefix("sdk_h6_")
    for task_id, key in (("extract", f"{stem}alpha"), ("transform", f"{stem}beta"), ("load", f"zeta{stem}")):
        xcoms.create_xcom_entry(DAG_ID, run_id, task_id, XComCreateBody(key=key, value=1))

    def keys(**filters: Any) -> list[str]:
        page = xcoms.get_xcom_entries("~", "~", "~", run_id_pattern=stem, **filters)
        page._validate()
        assert page.total_entries == len(page.xcom_entries or [])
        return [x.key for x in page.xcom_entries or []]

    everything = [f"{stem}alpha", f"{stem}beta", f"zeta{stem}"]
    assert keys(order_by="key") == everything
    assert keys(order_by=["-task_id", "key"]) == [f"{stem}beta", f"zeta{stem}", f"{stem}alpha"]
    assert keys(xcom_key_pattern="ALPHA") == [f"{stem}alpha"]  # any case, anywhere in the key
    assert keys(xcom_key_prefix_pattern="zeta", order_by="key") == [f"zeta{stem}"]
    assert keys(xcom_key_prefix_pattern="ZETA") == []  # a prefix is case-sensitive
    assert keys(task_id_pattern="TRANS") == [f"{stem}beta"]
    assert keys(task_id_prefix_pattern="lo") == [f"zeta{stem}"]
    assert keys(dag_display_name_pattern="EXAMPLE", order_by="key") == everything
    assert keys(dag_display_name_prefix_pattern="sdk_ex", order_by="key") == everything
    assert keys(dag_display_name_prefix_pattern="no_such") == []
    assert keys(run_id_prefix_pattern=run_id, order_by="key") == everything
    assert keys(map_index_filter=-1, order_by="key") == everything and keys(map_index_filter=0) == []
    second = dt.timedelta(seconds=1)
    assert keys(logical_date_gte=logical, logical_date_lte=logical, order_by="key") == everything
    assert keys(logical_date_gt=logical) == [] and keys(logical_date_lt=logical) == []
    assert keys(logical_date_gt=logical - second, logical_date_lt=logical + second, order_by="key") == everything
    run = DAGRunApi(client3).get_dag_run(DAG_ID, run_id)
    assert run.run_after is not None
    assert keys(run_after_gte=run.run_after, run_after_lte=run.run_after, order_by="key") == everything
    assert keys(run_after_gt=run.run_after) == [] and keys(run_after_lt=run.run_after) == []
    assert keys(run_after_gt=run.run_after - second, run_after_lt=run.run_after + second, order_by="key") == everything
    one = xcoms.get_xcom_entries(DAG_ID, run_id, "~", xcom_key=f"{stem}beta", map_index=-1, limit=5, offset=0)
    assert [(x.task_id, x.key) for x in one.xcom_entries or []] == [("transform", f"{stem}beta")]


# --- the listings' filters -------------------------------------------------------------------------


def test_the_listings_filters_of_airflow_3(client3: ApiClient, airflow3: AirflowServer) -> None:
    stem = _uniq()
    variables, pools, connections = VariableApi(client3), PoolApi(client3), ConnectionApi(client3)
    two = (1, 2)
    keys = [Variable(key=f"{stem}_v{i}", value="x") for i in two]
    variables.bulk_variables(BulkBody(actions=[BulkAction.create(keys)]))
    pools.bulk_pools(BulkBody(actions=[BulkAction.create([Pool(name=f"{stem}_p{i}", slots=1) for i in two])]))
    made = [Connection(connection_id=f"{stem}_c{i}", conn_type="http") for i in two]
    connections.bulk_connections(BulkBody(actions=[BulkAction.create(made)]))
    upper = stem.upper()
    by_pattern = variables.get_variables(variable_key_pattern=f"{upper}_V2").variables or []
    assert [v.key for v in by_pattern] == [f"{stem}_v2"]
    by_prefix = variables.get_variables(variable_key_prefix_pattern=stem, order_by="-key").variables or []
    assert [v.key for v in by_prefix] == [f"{stem}_v2", f"{stem}_v1"]
    assert variables.get_variables(variable_key_prefix_pattern=upper).total_entries == 0
    assert [p.name for p in pools.get_pools(pool_name_pattern=f"{upper}_P1").pools or []] == [f"{stem}_p1"]
    assert pools.get_pools(pool_name_prefix_pattern=stem).total_entries == 2
    found = connections.get_connections(connection_id_pattern=f"{upper}_C1").connections or []
    assert [c.connection_id for c in found] == [f"{stem}_c1"]
    assert connections.get_connections(connection_id_prefix_pattern=stem).total_entries == 2

    logs = EventLogApi(client3)

    def events(**filters: Any) -> set[str]:
        page = logs.get_event_logs(limit=10000, **filters)
        return {e.event for e in page.event_logs or [] if e.event}

    assert events(event_pattern="BULK_VAR", owner="admin") == {"bulk_variables"}
    assert events(event_prefix_pattern="bulk_p", owner_pattern="ADM") == {"bulk_pools"}
    assert events(event_prefix_pattern="bulk_c", owner_prefix_pattern="adm") == {"bulk_connections"}
    assert events(event_prefix_pattern="bulk_", owner_prefix_pattern="ADM") == set()
    DAGRunApi(client3).post_dag_run(DAG_ID, DAGRun(dag_run_id=stem))
    XComApi(client3).create_xcom_entry(DAG_ID, stem, "extract", XComCreateBody(key="k", value=1))
    assert events(dag_id_pattern="SDK_EXAM", run_id_pattern=stem.upper()) >= {"trigger_dag_run", "create_xcom_entry"}
    assert events(dag_id_prefix_pattern="sdk_ex", run_id_prefix_pattern=stem) >= {"create_xcom_entry"}
    assert events(task_id_pattern="EXTR", run_id_pattern=stem) == {"create_xcom_entry"}
    assert events(task_id_prefix_pattern="extr", run_id_prefix_pattern=stem) == {"create_xcom_entry"}
    assert events(task_id_prefix_pattern="EXTR", run_id_prefix_pattern=stem) == set()
    DAGRunApi(client3).delete_dag_run(DAG_ID, stem)

    errors = ImportErrorApi(client3)
    (broken,) = errors.get_import_errors(filename="sdk_import_error.py").import_errors or []
    assert broken.bundle_name == "dags-folder" and "broken on purpose" in broken.stack_trace  # type: ignore[operator]
    assert errors.get_import_errors(filename_pattern="IMPORT_ERR").total_entries == 1
    assert errors.get_import_errors(filename_prefix_pattern="sdk_imp", bundle_name="dags-folder").total_entries == 1
    assert errors.get_import_errors(filename_prefix_pattern="SDK_IMP").total_entries == 0
    assert errors.get_import_errors(bundle_name="no_such_bundle").total_entries == 0

    providers = ProviderApi(client3)
    every = providers.get_providers()
    assert every.total_entries == len(every.providers or []) >= 3
    page = providers.get_providers(limit=2, offset=1)
    assert [p.package_name for p in page.providers or []] == [p.package_name for p in (every.providers or [])[1:3]]
    assert page.total_entries == every.total_entries

    broken_plugins = PluginApi(client3).get_plugin_import_errors()
    broken_plugins._validate()
    assert (broken_plugins.import_errors, broken_plugins.total_entries) == ([], 0)  # test/plugins loads cleanly
    assert PluginApi(client3).import_errors().total_entries == 0
    core = ConfigApi(client3).get_config_value("core", "dags_folder")
    assert core.sections and core.sections[0].options
    assert core.sections[0].options[0].value == airflow3.env["AIRFLOW__CORE__DAGS_FOLDER"]


def test_event_lists_as_lists_or_comma_separated_on_both(any_client: ApiClient) -> None:
    """Airflow 2 reads ``included_events`` comma-separated, Airflow 3 repeated: both forms work on both."""
    variables, logs = VariableApi(any_client), EventLogApi(any_client)
    key = _uniq()
    variables.post_variables(Variable(key=key, value="x"))
    variables.delete_variable(key)
    wanted = ["api.variable.create", "api.variable.delete", "post_variable", "delete_variable"]  # 2's and 3's names
    as_list = logs.get_event_logs(included_events=wanted, limit=10000)
    as_text = logs.get_event_logs(included_events=",".join(wanted), limit=10000)
    assert as_list.total_entries == as_text.total_entries and (as_list.total_entries or 0) >= 2
    assert {e.event for e in as_list.event_logs or []} <= set(wanted)
    without = logs.get_event_logs(excluded_events=wanted, limit=10000)
    assert not {e.event for e in without.event_logs or []} & set(wanted)
    assert without.total_entries == logs.get_event_logs(excluded_events=",".join(wanted), limit=10000).total_entries


# --- every field of every item, from both servers --------------------------------------------------


def _read_all(model: Model) -> None:
    """Read every field (raising on any the server sent in another type) and find no key left unread."""
    model._validate()
    for name in type(model)._fields:
        getattr(model, name)
    assert model._extra_keys() == [], f"{type(model).__name__} does not read {model._extra_keys()}"
    for field in type(model)._fields.values():
        value = field.__get__(model)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Model):
                _read_all(item)


def test_every_field_of_every_item_is_read_from_both_servers(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    v2 = any_airflow.api_version == "v2"
    variables, pools, connections = VariableApi(any_client), PoolApi(any_client), ConnectionApi(any_client)
    key, name, conn_id = _uniq(), _uniq(), _uniq()
    variables.post_variables(Variable(key=key, value="listed value", description="d"))
    pools.post_pool(Pool(name=name, slots=2, description="d"))
    connections.post_connection(
        Connection(
            connection_id=conn_id,
            conn_type="http",
            host="h",
            login="l",
            password="sdk-conn-secret-4711",
            port=1,
            extra="{}",
        )
    )
    try:
        listed = variables.get_variables(limit=10000)
        (mine,) = [v for v in listed.variables or [] if v.key == key]
        assert mine.value == "listed value"  # both servers list values (Airflow 2's spec says they don't)
        (conn,) = [c for c in connections.get_connections(limit=10000).connections or [] if c.connection_id == conn_id]
        assert (conn.extra, conn.password) == (("{}", "***") if v2 else (None, None))
        answers: list[Model] = [
            listed,
            variables.get_variable(key),
            pools.get_pools(limit=10000),
            pools.get_pool(name),
            connections.get_connections(limit=10000),
            connections.get_connection(conn_id),
            EventLogApi(any_client).get_event_logs(limit=200, order_by="-event_log_id"),
            ImportErrorApi(any_client).get_import_errors(),
            PluginApi(any_client).get_plugins(),
            ProviderApi(any_client).get_providers(),
        ]
        log_id = EventLogApi(any_client).get_event_logs(limit=1).event_logs[0].event_log_id  # type: ignore[index]
        answers.append(EventLogApi(any_client).get_event_log(log_id))  # type: ignore[arg-type]
        if v2:  # only Airflow 3 parses DAG files without a scheduler: its one import error is sdk_import_error.py
            (error,) = ImportErrorApi(any_client).get_import_errors().import_errors or []
            answers.append(ImportErrorApi(any_client).get_import_error(error.import_error_id))  # type: ignore[arg-type]
            answers.append(PluginApi(any_client).get_plugin_import_errors())
        else:
            assert ImportErrorApi(any_client).get_import_errors().import_errors == []
        for answer in answers:
            _read_all(answer)
        plugin = (answers[8].plugins or [])[0]  # type: ignore[attr-defined]
        assert plugin.name == "sdk_misc_plugin" and plugin.macros == ["sdk_misc_plugin.sdk_misc_greeting"]
        assert plugin.external_views == ([] if v2 else None) and plugin.hooks == (None if v2 else [])
    finally:
        variables.delete_variable(key)
        pools.delete_pool(name)
        connections.delete_connection(conn_id)


def test_every_field_of_xcom_entries_is_read(client3: ApiClient, xcom_run: tuple[str, dt.datetime]) -> None:
    xcoms = XComApi(client3)
    run_id, _ = xcom_run
    xcoms.create_xcom_entry(DAG_ID, run_id, "extract", XComCreateBody(key="k", value={"x": 1}))
    for answer in (
        xcoms.get_xcom_entries(DAG_ID, run_id, "extract"),
        xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "k"),
        xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "k", stringify=True),
    ):
        _read_all(answer)


# --- names, and what an Airflow 2 host is never sent -------------------------------------------------

_APIS: list[type[Api]] = [
    ConfigApi, ConnectionApi, EventLogApi, ImportErrorApi, PluginApi, PoolApi, ProviderApi, VariableApi, XComApi,
]  # fmt: skip


def test_every_operation_id_of_these_tags_is_a_method() -> None:
    """Airflow 3's operationIds (its REST reference's names) are callable where the spec says."""
    assert VariableApi.post_variable is VariableApi.post_variables
    assert ConfigApi.get_config_value is ConfigApi.get_value
    assert PluginApi.import_errors is PluginApi.get_plugin_import_errors
    names = {
        "bulk_connections",
        "bulk_pools",
        "bulk_variables",
        "create_default_connections",
        "enqueue_connection_test",
        "get_connection_test",
        "create_xcom_entry",
        "update_xcom_entry",
        "delete_xcom_entry",
        "import_errors",
    }
    assert all(any(callable(getattr(api, name, None)) for api in _APIS) for name in names)


def _value(tp: Any) -> Any:
    """Some value of type ``tp`` (the first of a union's)."""
    options = [a for a in getattr(tp, "__args__", (tp,)) if a is not type(None)]
    first = options[0]
    if getattr(first, "__origin__", None) is list:
        return [_value(first.__args__[0])]
    if isinstance(first, type) and issubclass(first, Model):
        return first()
    return {str: "x", int: 1, bool: True, dt.datetime: dt.datetime(2024, 1, 1)}[first]


def _required(op: Operation) -> dict[str, Any]:
    return {p.name: _value(p.type) for p in op.params if p.required}


def test_airflow_3_only_methods_and_parameters_send_nothing_to_airflow_2(
    server: RecordingServer, client: ApiClient
) -> None:
    unsupported = refused = 0
    for api_class in _APIS:
        api = api_class(client)
        for op in api_class.operations():
            method = getattr(api, op.id)
            if not op.v1:
                with pytest.raises(sdk.UnsupportedOperationError, match=f"{op.id}.*needs Airflow 3"):
                    method(**_required(op))
                unsupported += 1
                continue
            for param in op.params:
                if param.only == "v2":
                    with pytest.raises(sdk.ApiValueError, match=f"has no parameter '{param.name}'; it needs Airflow 3"):
                        method(**_required(op), **{param.name: _value(param.type)})
                    refused += 1
    with pytest.raises(sdk.ApiValueError, match="team_name"):
        VariableApi(client).post_variables(Variable(key="k", value="v", team_name="t"))
    with pytest.raises(sdk.ApiValueError, match="team_name"):
        PoolApi(client).post_pool(Pool(name="p", slots=1, team_name="t"))
    assert (unsupported, refused) == (10, 40)
    assert server.count == 0


def test_the_connection_test_token_is_sent_as_a_header(server: RecordingServer) -> None:
    """Airflow 3 reads the token from ``Airflow-Connection-Test-Token``: not the path, not the query."""
    configuration = Configuration(host=server.url + "/api/v2", access_token="tok", retries=0, airflow_version="3.3.2")
    with ApiClient(configuration) as v2:
        ConnectionApi(v2).get_connection_test("t0k/en", _headers={"X-Other": "kept"})
    (request,) = server.requests
    assert (request.method, request.raw_path, request.query) == ("GET", "/api/v2/connections/enqueue-test", [])
    assert request.headers["Airflow-Connection-Test-Token"] == "t0k/en" and request.headers["X-Other"] == "kept"
