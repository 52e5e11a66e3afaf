"""Every operation of the live spec got a 2xx answer from the real server during this test session.

The evidence is the webserver's own access log: each line the SDK caused (its User-Agent) is matched
to an operation by method and path template. conftest.py orders this module last; run it with the
whole suite (on its own it finds nothing called and fails).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from airflow_server import AirflowServer

pytestmark = pytest.mark.live

ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d{3}) .*"airflow-python-sdk/')


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


def test_every_operation_got_a_2xx_on_the_real_server(airflow: AirflowServer, live_spec_v1: dict[str, Any]) -> None:
    templates = _templates(live_spec_v1, "/api/v1")
    succeeded: set[str] = set()
    for line in (airflow.home / "webserver.log").read_text(errors="replace").splitlines():
        match = ACCESS_LINE.search(line)
        if not match or not match["status"].startswith("2"):
            continue
        path = match["path"].split("?", 1)[0]
        op_id = next((o for m, r, o in templates if m == match["method"] and r.match(path)), None)
        if op_id:
            succeeded.add(op_id)
    every = {o for _, _, o in templates}
    print(f"\noperations with a 2xx from the real server: {len(succeeded & every)}/{len(every)}")
    assert sorted(every - succeeded) == []
