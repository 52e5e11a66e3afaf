"""``airflow-sdk -v`` traces every request, the login and the API discovery included, so that a 401 can be traced to
its URL; and a 401 without credentials says how to give them, on the real 3.3.2."""

from __future__ import annotations

import pytest

from airflow_server import AirflowServer
from test_cli_live import run

pytestmark = pytest.mark.live


def test_verbose_shows_discovery_and_login(airflow3: AirflowServer) -> None:
    env = {"AIRFLOW_API_URL": airflow3.base_url, "AIRFLOW_USERNAME": "admin", "AIRFLOW_PASSWORD": "admin"}
    done = run("-v", "dags", "list", "--limit", "1", env=env)
    assert done.code == 0, done.err
    assert f"GET {airflow3.base_url}/api/v2/monitor/health -> 200" in done.err  # the discovery
    assert f"POST {airflow3.base_url}/auth/token -> 201" in done.err  # the login
    assert f"GET {airflow3.base_url}/api/v2/dags?limit=1&order_by=dag_id -> 200" in done.err
    assert "admin" not in done.err.replace("admin ", "")  # no credential in the trace


def test_a_401_without_credentials_names_the_flags_and_variables(airflow3: AirflowServer) -> None:
    done = run("dags", "list", env={"AIRFLOW_API_URL": airflow3.api_url})
    assert done.code == 1
    assert all(word in done.err for word in ("401", "--username", "--token", "--profile", "AIRFLOW_USERNAME"))
