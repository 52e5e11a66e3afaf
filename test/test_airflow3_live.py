"""The Airflow 3 forms of the API classes beyond DAG runs, against both real servers.

Every test takes ``any_client``/``any_airflow`` and so runs twice, against Airflow 2.11.2 (/api/v1)
and Airflow 3.3.2 (/api/v2), with the same client code; ``any_airflow.api_version`` marks the few
answers that differ.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient
from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.event_log_api import EventLogApi
from airflow_python_sdk.api.import_error_api import ImportErrorApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.api.x_com_api import XComApi
from airflow_python_sdk.models import (
    DAG,
    Connection,
    ConnectionCollection,
    ConnectionTest,
    DAGCollection,
    DAGDetail,
    DAGRun,
    EventLogCollection,
    HealthInfo,
    ImportErrorCollection,
    ListTaskInstanceForm,
    Pool,
    PoolCollection,
    SetTaskInstanceNote,
    TaskCollection,
    TaskInstance,
    TaskInstanceCollection,
    TaskInstanceDependencyCollection,
    Variable,
    VariableCollection,
    VersionInfo,
    XComCollection,
)

from airflow_server import AirflowServer

pytestmark = pytest.mark.live


def _uniq() -> str:
    return f"sdk3_{uuid.uuid4().hex[:10]}"


# --- monitoring ------------------------------------------------------------------------------------


def test_health_and_version(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    monitoring = MonitoringApi(any_client)
    health = monitoring.get_health()
    assert isinstance(health, HealthInfo)
    assert health.metadatabase is not None and health.metadatabase.status == "healthy"
    assert health.scheduler is not None  # no scheduler runs in these tests: its status is not "healthy"
    version = monitoring.get_version()
    assert isinstance(version, VersionInfo) and version.version == any_airflow.version


# --- variables -------------------------------------------------------------------------------------


def test_variable_crud(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    variables = VariableApi(any_client)
    key = _uniq()
    try:
        created = variables.post_variables(Variable(key=key, value="one", description="first"))
        assert (created.key, created.value, created.description) == (key, "one", "first")
        if any_airflow.api_version == "v2":  # Airflow 3 tells whether the value is encrypted
            assert created.is_encrypted is True
        else:
            assert created.is_encrypted is None
        fetched = variables.get_variable(key)
        assert (fetched.key, fetched.value, fetched.description) == (key, "one", "first")

        patched = variables.patch_variable(key, Variable(key=key, value="two", description="second"))
        assert (patched.value, patched.description) == ("two", "second")
        masked = variables.patch_variable(key, Variable(key=key, value="ignored", description="third"), ["description"])
        assert (masked.value, masked.description) == ("two", "third")
        assert variables.get_variable(key).value == "two"

        page = variables.get_variables(limit=10000, order_by="-key")
        assert isinstance(page, VariableCollection) and page.variables is not None
        keys = [v.key for v in page.variables]
        assert key in keys and keys == sorted(keys, reverse=True)
        assert page.total_entries is not None and page.total_entries >= len(keys)
    finally:
        variables.delete_variable(key)
    with pytest.raises(sdk.NotFoundException):
        variables.get_variable(key)


# --- pools -----------------------------------------------------------------------------------------


def test_pool_crud(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    pools = PoolApi(any_client)
    name, renamed = _uniq(), _uniq()
    try:
        created = pools.post_pool(Pool(name=name, slots=3, description="d", include_deferred=True))
        assert (created.name, created.slots, created.description, created.include_deferred) == (name, 3, "d", True)
        assert (created.open_slots, created.occupied_slots, created.running_slots) == (3, 0, 0)
        fetched = pools.get_pool(name)
        assert (fetched.name, fetched.slots, fetched.open_slots) == (name, 3, 3)

        resized = pools.patch_pool(name, Pool(name=name, slots=5), ["slots"])
        assert (resized.name, resized.slots, resized.description, resized.include_deferred) == (name, 5, "d", True)
        whole = pools.patch_pool(name, Pool(name=name, slots=7))  # no mask: unset include_deferred becomes false
        assert (whole.name, whole.slots, whole.include_deferred) == (name, 7, False)
        if any_airflow.api_version == "v1":
            moved = pools.patch_pool(name, Pool(name=renamed, slots=7))
            assert moved.name == renamed
            with pytest.raises(sdk.NotFoundException):
                pools.get_pool(name)
        else:  # Airflow 3 cannot rename a pool
            with pytest.raises(sdk.BadRequestException, match="doesn't match"):
                pools.patch_pool(name, Pool(name=renamed, slots=7))
            renamed = name
        assert pools.get_pool(renamed).slots == 7

        page = pools.get_pools(limit=10000, order_by="name")
        assert isinstance(page, PoolCollection) and page.pools is not None
        names = [p.name for p in page.pools]
        assert renamed in names and "default_pool" in names and names == sorted(names)
    finally:
        for pool_name in (name, renamed):
            with contextlib.suppress(sdk.NotFoundException):
                pools.delete_pool(pool_name)
    with pytest.raises(sdk.NotFoundException):
        pools.get_pool(name)


# --- connections -----------------------------------------------------------------------------------


def test_connection_crud(any_client: ApiClient) -> None:
    connections = ConnectionApi(any_client)
    conn_id = _uniq()
    try:
        created = connections.post_connection(
            Connection(
                connection_id=conn_id,
                conn_type="http",
                host="example.com",
                port=8443,
                login="bob",
                password="s3cret",
                extra='{"timeout": 5}',
            )
        )
        assert (created.connection_id, created.conn_type, created.host, created.port) == (
            conn_id,
            "http",
            "example.com",
            8443,
        )
        fetched = connections.get_connection(conn_id)
        assert (fetched.login, fetched.extra) == ("bob", '{"timeout": 5}')
        assert fetched.password in (None, "***")  # never the password itself

        patched = connections.patch_connection(
            conn_id, Connection(connection_id=conn_id, conn_type="http", host="other.example"), ["host"]
        )
        assert (patched.host, patched.port, patched.login) == ("other.example", 8443, "bob")

        page = connections.get_connections(limit=10000, order_by="connection_id")
        assert isinstance(page, ConnectionCollection) and page.connections is not None
        ids = [c.connection_id for c in page.connections]
        assert conn_id in ids and ids == sorted(ids)
    finally:
        connections.delete_connection(conn_id)
    with pytest.raises(sdk.NotFoundException):
        connections.get_connection(conn_id)


def test_test_connection(any_client: ApiClient) -> None:
    """Both servers here enable ``[core] test_connection``; a failing hook is a status, not an error."""
    connections = ConnectionApi(any_client)
    failed = connections.test_connection(
        Connection(connection_id="never_stored", conn_type="http", host="127.0.0.1", port=1, schema="http")
    )
    assert isinstance(failed, ConnectionTest) and failed.status is False and failed.message
    with pytest.raises(sdk.NotFoundException):
        connections.get_connection("never_stored")


# --- import errors and the event log ---------------------------------------------------------------


def test_import_errors_list(any_client: ApiClient) -> None:
    import_errors = ImportErrorApi(any_client)
    page = import_errors.get_import_errors(limit=10, order_by="-import_error_id")
    assert isinstance(page, ImportErrorCollection) and page.import_errors is not None
    assert page.total_entries is not None and page.total_entries >= len(page.import_errors)
    for error in page.import_errors:
        assert import_errors.get_import_error(error.import_error_id).filename == error.filename
    with pytest.raises(sdk.NotFoundException):
        import_errors.get_import_error(987654321)


def test_import_error_of_a_broken_file(airflow3: AirflowServer) -> None:
    """Airflow 3 records import errors when it parses (test/dags/sdk_import_error.py is broken on purpose)."""
    with ApiClient(sdk.Configuration(host=airflow3.api_url, username="admin", password="admin")) as client:
        import_errors = ImportErrorApi(client)
        listed = import_errors.get_import_errors(limit=100)
        (error,) = [e for e in listed.import_errors or [] if e.filename == "sdk_import_error.py"]
        assert (
            error.stack_trace is not None
            and "RuntimeError: sdk_import_error.py is broken on purpose" in error.stack_trace
        )
        assert error["bundle_name"] == "dags-folder"  # Airflow 3's, kept beyond the model's fields
        assert import_errors.get_import_error(error.import_error_id or 0) == error


def test_the_server_s_own_words_on_a_wrong_api_path_and_a_bad_filter(airflow3: AirflowServer) -> None:
    """A real Airflow 3 asked under /api/v1 says where its API went; a bad state filter, which states it takes."""
    old_path = sdk.Configuration(host=airflow3.base_url + "/api/v1", username="admin", password="admin", retries=0)
    with ApiClient(old_path) as client, pytest.raises(sdk.NotFoundException) as caught:
        DAGRunApi(client).get_dag_run("sdk_example", "r")
    assert "/api/v2" in str(caught.value.detail) and f"Problem: {caught.value.detail}\n" in str(caught.value)
    right = sdk.Configuration(host=airflow3.api_url, username="admin", password="admin")
    with ApiClient(right) as client, pytest.raises(sdk.BadRequestException) as bad:
        DAGRunApi(client).get_dag_runs("sdk_example", state=["sucess"])
    assert bad.value.status == 422 and f"Problem: {bad.value.detail}\n" in str(bad.value)
    assert "Valid values are queued, running, success, failed" in str(bad.value.detail)


def test_event_logs_list_and_get(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    key = _uniq()
    VariableApi(any_client).post_variables(Variable(key=key, value="v"))  # something to log
    VariableApi(any_client).delete_variable(key)
    event_logs = EventLogApi(any_client)
    page = event_logs.get_event_logs(limit=20, order_by="-event_log_id")
    assert isinstance(page, EventLogCollection) and page.event_logs
    ids = [e.event_log_id for e in page.event_logs]
    assert ids == sorted(ids, reverse=True)
    newest = page.event_logs[0]
    assert newest.event and newest.when is not None and newest.when.tzinfo is not None
    one = event_logs.get_event_log(newest.event_log_id)
    assert (one.event_log_id, one.event, one.owner) == (newest.event_log_id, newest.event, newest.owner)

    by_event = event_logs.get_event_logs(event=newest.event, limit=5)
    assert by_event.event_logs and {e.event for e in by_event.event_logs} == {newest.event}
    # a comma-joined string (Airflow 2's form) is sent as repeated values to Airflow 3, which reads those
    assert event_logs.get_event_logs(included_events=newest.event, limit=5).event_logs
    with pytest.raises(sdk.NotFoundException):
        event_logs.get_event_log(987654321)


# --- DAGs ------------------------------------------------------------------------------------------

DAG_ID = "sdk_example"


def test_dag_list_and_get(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    dags = DAGApi(any_client)
    page = dags.get_dags(limit=1000, order_by="-dag_id")
    assert isinstance(page, DAGCollection) and page.dags is not None
    ids = [d.dag_id for d in page.dags]
    assert {DAG_ID, "1"} <= set(ids) and ids == sorted(ids, reverse=True)
    assert page.total_entries == len(ids)
    tagged = dags.get_dags(tags=["sdk"], dag_id_pattern="sdk_exa")
    assert [d.dag_id for d in tagged.dags or []] == [DAG_ID]

    dag = dags.get_dag(DAG_ID)
    assert isinstance(dag, DAG) and dag.dag_id == DAG_ID and dag.fileloc and dag.file_token
    assert [t.name for t in dag.tags or []] == ["sdk"]
    if any_airflow.api_version == "v2":  # Airflow 3 says is_stale where Airflow 2 said is_active
        assert dag.is_stale is False and dag.is_active is None and dag.bundle_name == "dags-folder"
    else:
        assert dag.is_active is True and dag.is_stale is None
    with pytest.raises(sdk.NotFoundException):
        dags.get_dag("no_such_dag")
    if any_airflow.api_version == "v2":
        with pytest.raises(sdk.ApiValueError, match="fields"):
            dags.get_dag(DAG_ID, fields=["dag_id"])


def test_dag_pause_and_unpause(any_client: ApiClient) -> None:
    dags = DAGApi(any_client)
    try:
        paused = dags.patch_dag(DAG_ID, DAG(is_paused=True), ["is_paused"])
        assert paused.dag_id == DAG_ID and paused.is_paused is True
        assert dags.get_dag(DAG_ID).is_paused is True
        assert DAG_ID in [d.dag_id for d in dags.get_dags(paused=True, limit=1000).dags or []]
        many = dags.patch_dags("sdk_exa", DAG(is_paused=False), update_mask=["is_paused"])
        assert [(d.dag_id, d.is_paused) for d in many.dags or []] == [(DAG_ID, False)]
    finally:
        dags.patch_dag(DAG_ID, DAG(is_paused=False), ["is_paused"])
    assert dags.get_dag(DAG_ID).is_paused is False


def test_dag_details_and_tasks(any_airflow: AirflowServer, any_client: ApiClient) -> None:
    dags = DAGApi(any_client)
    details = dags.get_dag_details(DAG_ID)
    assert isinstance(details, DAGDetail) and details.dag_id == DAG_ID and details.catchup is False
    assert details.start_date is not None and details.start_date.year == 2024
    if any_airflow.api_version == "v2":
        assert details.latest_dag_version is not None and details.latest_dag_version["dag_id"] == DAG_ID

    tasks = dags.get_tasks(DAG_ID, order_by="-task_id")
    assert isinstance(tasks, TaskCollection) and tasks.tasks is not None
    assert [t.task_id for t in tasks.tasks] == ["transform", "load", "extract"]
    extract = dags.get_task(DAG_ID, "extract")
    assert extract.task_id == "extract" and extract.downstream_task_ids == ["transform"]
    assert extract.class_ref is not None and extract.class_ref.class_name == "EmptyOperator"
    with pytest.raises(sdk.NotFoundException):
        dags.get_task(DAG_ID, "no_such_task")


# --- task instances and XCom -----------------------------------------------------------------------


@pytest.fixture
def sdk_run(any_client: ApiClient) -> Iterator[str]:
    """A new run of sdk_example (no scheduler runs, so its task instances stay in state None); deleted after."""
    runs = DAGRunApi(any_client)
    run_id = _uniq()
    runs.post_dag_run(DAG_ID, DAGRun(dag_run_id=run_id))
    yield run_id
    runs.delete_dag_run(DAG_ID, run_id)


def test_task_instances_list_and_get(any_airflow: AirflowServer, any_client: ApiClient, sdk_run: str) -> None:

    instances = TaskInstanceApi(any_client)
    run_id = sdk_run
    page = instances.get_task_instances(DAG_ID, run_id, limit=10)
    assert isinstance(page, TaskInstanceCollection) and page.task_instances is not None
    assert page.total_entries == 3
    assert sorted(t.task_id for t in page.task_instances) == ["extract", "load", "transform"]
    assert all(t.dag_run_id == run_id and t.state is None for t in page.task_instances)

    one = instances.get_task_instance(DAG_ID, run_id, "extract")
    assert isinstance(one, TaskInstance)
    assert (one.dag_id, one.dag_run_id, one.task_id, one.map_index) == (DAG_ID, run_id, "extract", -1)
    if any_airflow.api_version == "v2":  # Airflow 3's extra fields; logical_date read into execution_date
        assert one.id is not None and one.run_after is not None and one.dag_display_name == DAG_ID
        assert one.execution_date is None  # triggered without a logical date
    else:
        assert one.id is None and one.execution_date is not None

    batch = instances.get_task_instances_batch(
        ListTaskInstanceForm(dag_ids=[DAG_ID], dag_run_ids=[run_id], task_ids=["load"])
    )
    assert batch.task_instances is not None and [t.task_id for t in batch.task_instances] == ["load"]

    tries = instances.get_task_instance_tries(DAG_ID, run_id, "extract")
    assert tries.task_instances_history is not None and tries.total_entries is not None
    if any_airflow.api_version == "v2":
        with pytest.raises(sdk.ApiValueError, match=r"Airflow 3 .* has no parameter 'limit'"):
            instances.get_task_instance_tries(DAG_ID, run_id, "extract", limit=1)


def test_task_instance_note(any_client: ApiClient, sdk_run: str) -> None:

    instances = TaskInstanceApi(any_client)
    run_id = sdk_run
    noted = instances.set_task_instance_note(DAG_ID, run_id, "extract", SetTaskInstanceNote(note="checked"))
    assert isinstance(noted, TaskInstance) and (noted.task_id, noted.note) == ("extract", "checked")
    assert instances.get_task_instance(DAG_ID, run_id, "extract").note == "checked"
    assert instances.get_task_instance(DAG_ID, run_id, "load").note is None  # only the one named


def test_task_instance_dependencies(any_client: ApiClient, sdk_run: str) -> None:

    run_id = sdk_run
    deps = TaskInstanceApi(any_client).get_task_instance_dependencies(DAG_ID, run_id, "extract")
    assert isinstance(deps, TaskInstanceDependencyCollection) and deps.dependencies
    assert all(d.name and d.reason for d in deps.dependencies)  # the run is queued, not running


def test_xcom_entries_of_a_task(any_client: ApiClient, sdk_run: str) -> None:

    xcoms = XComApi(any_client)
    run_id = sdk_run
    entries = xcoms.get_xcom_entries(DAG_ID, run_id, "extract", limit=10)
    assert isinstance(entries, XComCollection)
    assert (entries.xcom_entries, entries.total_entries) == ([], 0)
    with pytest.raises(sdk.NotFoundException):
        xcoms.get_xcom_entry(DAG_ID, run_id, "extract", "return_value")
