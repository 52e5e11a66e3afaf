"""pytest fixtures of the SDK's testing kit, loaded by pytest through the ``pytest11`` entry point.

``airflow_stub`` (Airflow 3.3.2, ``/api/v2``) and ``airflow2_stub`` (Airflow 2.11.2, ``/api/v1``): a
:class:`~airflow_python_sdk.testing.Stubber` active on a client of ``http://airflow.test`` (``stub.client``),
checked at the end of the test for answers left unused. ``airflow_stub_version`` (a fixture to override, or a
``@pytest.mark.parametrize``d argument) picks another release. Nothing is imported before a fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from airflow_python_sdk.testing import Stubber

__all__ = ["airflow_stub", "airflow2_stub", "airflow_stub_version"]


def _stub(version: str | None, major: int) -> Iterator[Stubber]:
    from airflow_python_sdk import ApiClient, Configuration
    from airflow_python_sdk.testing import Stubber

    version = version if version and version.startswith(str(major)) else None
    host = f"http://airflow.test/api/v{major - 1}"
    configuration = Configuration(host=host, username="admin", password="admin", retries=0)
    with ApiClient(configuration) as client, Stubber(client, airflow_version=version) as stub:
        yield stub


@pytest.fixture
def airflow_stub_version() -> str | None:
    """The release the stubs play (None: the newest of each generation); override it to pick one."""
    return None


@pytest.fixture
def airflow_stub(airflow_stub_version: str | None) -> Iterator[Stubber]:
    """A stubbed client of an Airflow 3 server (``stub.client``)."""
    yield from _stub(airflow_stub_version, 3)


@pytest.fixture
def airflow2_stub(airflow_stub_version: str | None) -> Iterator[Stubber]:
    """A stubbed client of an Airflow 2 server (``stub.client``)."""
    yield from _stub(airflow_stub_version, 2)
