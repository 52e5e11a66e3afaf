"""Every operation got a 2xx answer from the real servers during this test session.

The evidence is each server's own access log: on Airflow 2.11.2 each line the SDK caused (its
User-Agent) is matched to an operation of the live spec by method and path template; on Airflow 3.3.2,
whose REST API only the tests call, each line is matched to an operation of the live spec.
conftest.py orders this module last; run it with the whole suite (on its own it finds nothing called
and fails).
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import urllib.request
from typing import Any

import pytest

from airflow_python_sdk import apis

from airflow_server import AirflowServer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tools"))
from spec_coverage import EXCLUDED_V2

pytestmark = pytest.mark.live

ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) .*"airflow-python-sdk/')
ACCESS_LINE_V2 = re.compile(
    r"\[http\.access\].* method=(?P<method>[A-Z]+) path=(?P<path>\S+) .*status_code=(?P<status>\d{3})"
)


def _templates(spec: dict[str, Any], prefix: str) -> list[tuple[str, re.Pattern[str], str]]:
    """(method, path regex, operationId) for every operation, most literal templates first."""
    found = []
    for path, item in spec["paths"].items():
        pattern = re.escape(prefix + path).replace(r"\{", "{").replace(r"\}", "}")
        regex = re.compile("^" + re.sub(r"{\w+}", "[^/]+", pattern) + "$")
        for method, op in item.items():
            if method != "parameters":
                found.append((method.upper(), regex, op["operationId"], len(re.sub(r"{\w+}", "", path))))
    return [(m, r, o) for m, r, o, _ in sorted(found, key=lambda t: -t[3])]


def _operation(templates: list[tuple[str, re.Pattern[str], str]], method: str, path: str) -> str | None:
    """The id of the most literal operation whose method and path template fit."""
    return next((o for m, r, o in templates if m == method and r.match(path)), None)


def _succeeded(log: str, line: re.Pattern[str], templates: list[tuple[str, re.Pattern[str], str]]) -> set[str]:
    """The ids of the operations that got a 2xx answer, by the server's access log."""
    found = set()
    for match in filter(None, map(line.search, log.splitlines())):
        op_id = _operation(templates, match["method"], match["path"].split("?", 1)[0])
        if op_id and match["status"].startswith("2"):
            found.add(op_id)
    return found


def test_every_operation_got_a_2xx_on_the_real_server(airflow: AirflowServer, live_spec_v1: dict[str, Any]) -> None:
    templates = _templates(live_spec_v1, "/api/v1")
    succeeded = _succeeded((airflow.home / "webserver.log").read_text(errors="replace"), ACCESS_LINE, templates)
    every = {o for _, _, o in templates}
    print(f"\noperations with a 2xx from the real server: {len(succeeded & every)}/{len(every)}")
    assert sorted(every - succeeded) == []


def _served(server: AirflowServer, spec_path: str, prefix: str = "") -> tuple[list[Any], set[str]]:
    """The operation templates of a spec the server serves, and those its access log shows a 2xx for."""
    with urllib.request.urlopen(f"{server.base_url}{spec_path}", timeout=30) as answer:
        templates = _templates(json.loads(answer.read()), prefix)
    return templates, _succeeded(server.server_log.read_text(errors="replace"), ACCESS_LINE_V2, templates)


def test_every_airflow_3_operation_got_a_2xx_on_the_real_server(
    airflow3: AirflowServer, scheduled3: AirflowServer, airflow3_fab: AirflowServer
) -> None:
    """Every operation of the 3.3.2 spec (login/logout aside), by the logs of the 3.3.2 servers: the
    plain one, the one with a scheduler (HITL answers, DAG versions) and the one with the FAB auth
    manager (users, roles, permissions)."""
    templates, ok = _served(airflow3, "/openapi.json")
    ok |= _succeeded(scheduled3.server_log.read_text(errors="replace"), ACCESS_LINE_V2, templates)
    fab_templates, fab_ok = _served(airflow3_fab, "/auth/openapi.json", "/auth")  # its spec's paths are under /auth
    # Airflow 3 leaves its health checks out of the access log (test_airflow3_live reads the health instead)
    assert "/monitor/health" not in airflow3.server_log.read_text(errors="replace")
    ok.add("get_health")
    every = {o for _, _, o in templates} - set(EXCLUDED_V2)
    missing = sorted(every - ok)
    print(f"\nAirflow 3.3.2 operations with a 2xx from the real servers: {len(every) - len(missing)}/{len(every)}")
    # the FAB auth manager's own API: every route an SDK method sends there (users, roles, permissions)
    fab_routes = [(op.id, op.v2.method or op.method, op.v2.root + re.sub(r"{\w+}", "x", op.v2.path or op.path))
                  for name in apis.__all__ for op in getattr(apis, name).operations() if op.v2 and op.v2.root]  # fmt: skip
    fab_missing = [name for name, method, path in fab_routes if _operation(fab_templates, method, path) not in fab_ok]
    assert (missing, fab_missing) == ([], [])
