"""Fixtures: a recording server for scripted answers, and a real Airflow 2.11.2 for behaviour."""

from __future__ import annotations

import itertools
import ssl
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import trustme
import yaml

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi

from airflow_server import AIRFLOW_3_VERSION, AirflowServer, start_airflow
from recording_server import RecordingServer


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as recording:
        yield recording


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    """A throwaway certificate authority, trusted by nobody unless told."""
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[RecordingServer]:
    """A recording server on HTTPS whose certificate only ``ca`` vouches for."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with RecordingServer(tls=context) as recording:
        yield recording


@pytest.fixture
def client(server: RecordingServer) -> Iterator[ApiClient]:
    configuration = Configuration(host=server.url + "/api/v1", username="admin", password="s3cret", retries=0)
    with ApiClient(configuration) as api_client:
        yield api_client


@pytest.fixture
def dag_runs(client: ApiClient) -> DAGRunApi:
    return DAGRunApi(client)


@pytest.fixture(scope="session")
def airflow() -> Iterator[AirflowServer]:
    """A real Airflow 2.11.2 webserver, started once for the session. Failing to start fails the tests."""
    with start_airflow() as running:
        yield running


@pytest.fixture(scope="session")
def airflow3() -> Iterator[AirflowServer]:
    """A real Airflow 3.3.2 API server, started once for the session. Failing to start fails the tests."""
    with start_airflow(AIRFLOW_3_VERSION) as running:
        yield running


@pytest.fixture(scope="session")
def airflow3_fab() -> Iterator[AirflowServer]:
    """A real Airflow 3.3.2 API server with the FAB auth manager, whose API manages users and roles."""
    with start_airflow(AIRFLOW_3_VERSION, fab=True) as running:
        yield running


@pytest.fixture(scope="session")
def scheduled() -> Iterator[AirflowServer]:
    """A real Airflow 2.11.2 with a scheduler, so that triggered runs really finish (sdk_example: seconds)."""
    with start_airflow(scheduler=True) as running:
        yield running


@pytest.fixture(scope="session")
def scheduled3() -> Iterator[AirflowServer]:
    """A real Airflow 3.3.2 with its scheduler and DAG processor, so that triggered runs really run."""
    with start_airflow(AIRFLOW_3_VERSION, scheduler=True) as running:
        yield running


@pytest.fixture(params=["airflow2", "airflow3"])
def any_airflow(request: pytest.FixtureRequest) -> AirflowServer:
    """Each real server in turn: one test body proves the behaviour on Airflow 2.11.2 and 3.3.2."""
    return request.getfixturevalue("airflow" if request.param == "airflow2" else "airflow3")  # type: ignore[no-any-return]


@pytest.fixture
def any_client(any_airflow: AirflowServer) -> Iterator[ApiClient]:
    """A client of either server, configured the same way but for the host."""
    with ApiClient(Configuration(host=any_airflow.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.fixture
def any_dag_runs(any_client: ApiClient) -> DAGRunApi:
    return DAGRunApi(any_client)


@pytest.fixture(scope="session")
def live_spec_v1(airflow: AirflowServer) -> dict[str, Any]:
    """The OpenAPI spec the live server serves."""
    with urllib.request.urlopen(f"{airflow.api_url}/openapi.yaml", timeout=30) as answer:
        return yaml.safe_load(answer.read())  # type: ignore[no-any-return]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the operation-coverage check last: it reads what the whole session did to the server."""
    items.sort(key=lambda item: item.nodeid.startswith("test/test_operation_coverage.py"))


@pytest.fixture
def live_client(airflow: AirflowServer) -> Iterator[ApiClient]:
    with ApiClient(Configuration(host=airflow.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.fixture
def client3(airflow3: AirflowServer) -> Iterator[ApiClient]:
    """An admin's client of the Airflow 3.3.2 server."""
    with ApiClient(Configuration(host=airflow3.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.fixture
def live_dag_runs(live_client: ApiClient) -> DAGRunApi:
    return DAGRunApi(live_client)


_ids = itertools.count()


@pytest.fixture
def run_id(request: pytest.FixtureRequest) -> Callable[[], str]:
    """Unique run ids per test, so tests sharing the live server never collide."""
    return lambda: f"{request.node.name[:40]}-{next(_ids)}".replace("[", "_").replace("]", "_")
