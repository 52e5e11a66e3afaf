"""Fixtures: a recording server for scripted answers, and real Airflow servers for behaviour.

The real servers are Airflow ``AIRFLOW_2_VERSION`` (2.11.2) and ``AIRFLOW_3_VERSION`` (3.3.2).
``./scripts/test --airflow V`` (environment ``SDK_TEST_AIRFLOW=V``) puts version V in its major's place
and runs only the tests that use a server of that major (the others are reported as deselected); a test
that fails there because the SDK refused, unsent, what release V lacks is reported as xfailed, the
refusal (naming the release it needs) as the reason.
"""

from __future__ import annotations

import itertools
import logging
import re
import ssl
import urllib.request
from collections.abc import Callable, Generator, Iterator
from typing import Any

import pytest
import trustme
import yaml

from airflow_python_sdk import ApiClient, Configuration, UnsupportedOperationError
from airflow_python_sdk.api.dag_run_api import DAGRunApi

from airflow_server import AIRFLOW_2_VERSION, AIRFLOW_3_VERSION, CHOSEN_VERSION, AirflowServer, start_airflow
from recording_server import RecordingServer


@pytest.fixture(autouse=True)
def _sdk_logger_as_it_was() -> Iterator[None]:
    """``Configuration(debug=True)`` sets the SDK's logger to DEBUG for the process; put it back after each test,
    so that a later test's requests are not logged (and held by pytest's log capture)."""
    logger = logging.getLogger("airflow_python_sdk")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


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
    """A real Airflow 2 webserver, started once for the session. Failing to start fails the tests."""
    with start_airflow() as running:
        yield running


@pytest.fixture(scope="session")
def airflow3() -> Iterator[AirflowServer]:
    """A real Airflow 3 API server, started once for the session. Failing to start fails the tests."""
    with start_airflow(AIRFLOW_3_VERSION) as running:
        yield running


@pytest.fixture(scope="session")
def airflow3_fab() -> Iterator[AirflowServer]:
    """A real Airflow 3 API server with the FAB auth manager, whose API manages users and roles."""
    with start_airflow(AIRFLOW_3_VERSION, fab=True) as running:
        yield running


@pytest.fixture(scope="session")
def scheduled() -> Iterator[AirflowServer]:
    """A real Airflow 2 with a scheduler, so that triggered runs really finish (sdk_example: seconds)."""
    with start_airflow(scheduler=True) as running:
        yield running


@pytest.fixture(scope="session")
def scheduled3() -> Iterator[AirflowServer]:
    """A real Airflow 3 with its scheduler and DAG processor, so that triggered runs really run."""
    with start_airflow(AIRFLOW_3_VERSION, scheduler=True) as running:
        yield running


@pytest.fixture(params=["airflow2", "airflow3"])
def any_airflow(request: pytest.FixtureRequest) -> AirflowServer:
    """Each real server in turn: one test body proves the behaviour on Airflow 2 and 3."""
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


def pytest_report_header() -> str:
    chosen = f" (SDK_TEST_AIRFLOW={CHOSEN_VERSION}: only tests using it)" if CHOSEN_VERSION else ""
    return f"real Airflow servers: {AIRFLOW_2_VERSION} and {AIRFLOW_3_VERSION}{chosen}"


_SERVER_PARAM = re.compile(r"airflow(?P<major>[23])\w*|(?P<version>\d+\.\d+\.\d+)")


def _uses(item: pytest.Item, version: str) -> bool:
    """Whether ``item`` uses a server of ``version``'s major (or, by a version parameter, that very version).

    A parameter such as ``"airflow2"``/``"airflow3_fab"`` (of ``any_airflow`` and its kind) names a major,
    one such as ``"3.0.6"`` a version; an unparametrized fixture whose code calls ``start_airflow`` is
    Airflow 3's when it names ``AIRFLOW_3_VERSION``, else Airflow 2's (``start_airflow``'s default).
    """
    major = version.split(".")[0]
    params = item.callspec.params.values() if isinstance(item, pytest.Function) and hasattr(item, "callspec") else ()
    for match in (_SERVER_PARAM.fullmatch(value) for value in params if isinstance(value, str)):
        if match and (match["major"] == major or match["version"] == version):
            return True
    definitions = item._fixtureinfo.name2fixturedefs  # type: ignore[attr-defined]
    codes = [fixture.func.__code__.co_names for defs in definitions.values() for fixture in defs if not fixture.params]
    return major in {"3" if "AIRFLOW_3_VERSION" in names else "2" for names in codes if "start_airflow" in names}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under SDK_TEST_AIRFLOW, deselect the tests that use no server of its major; run the
    operation-coverage check last: it reads what the whole session did to the servers."""
    if CHOSEN_VERSION:
        uses = {item: _uses(item, CHOSEN_VERSION) for item in items}
        config.hook.pytest_deselected(items=[item for item, used in uses.items() if not used])
        items[:] = [item for item, used in uses.items() if used]
    items.sort(key=lambda item: item.nodeid.startswith("test/test_operation_coverage.py"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Under SDK_TEST_AIRFLOW, a failure by UnsupportedOperationError for the chosen release is an xfail."""
    report = yield
    refused = call.excinfo.value if call.excinfo else None
    by_release = isinstance(refused, UnsupportedOperationError) and refused.airflow_version == CHOSEN_VERSION
    if CHOSEN_VERSION and report.failed and by_release:
        report.outcome = "skipped"
        report.wasxfail = f"needs Airflow {refused.needs}: {refused}"  # type: ignore[union-attr]
    return report


@pytest.fixture
def live_client(airflow: AirflowServer) -> Iterator[ApiClient]:
    with ApiClient(Configuration(host=airflow.api_url, username="admin", password="admin")) as api_client:
        yield api_client


@pytest.fixture
def client3(airflow3: AirflowServer) -> Iterator[ApiClient]:
    """An admin's client of the Airflow 3 server."""
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
