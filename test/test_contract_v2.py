"""The Airflow 3 forms of the operations against the spec a live Airflow 3.3.2 serves (/openapi.json)."""

from __future__ import annotations

import collections
import json
import re
import urllib.request
from typing import Any

import pytest

from airflow_python_sdk import apis
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.operation import Operation

from airflow_server import AirflowServer

pytestmark = pytest.mark.live


def live_spec(url: str, prefix: str = "") -> dict[str, Any]:
    """The spec a live server serves, its paths from the server's root."""
    with urllib.request.urlopen(url, timeout=30) as answer:
        spec = json.loads(answer.read())
    return {**spec, "paths": {prefix + path: item for path, item in spec["paths"].items()}}


@pytest.fixture(scope="module")
def spec(airflow3: AirflowServer) -> dict[str, Any]:
    return live_spec(f"{airflow3.base_url}/openapi.json")


@pytest.fixture(scope="module")
def fab_spec(airflow3_fab: AirflowServer) -> dict[str, Any]:
    """The FAB auth manager's API (users, roles, permissions), which says its paths are under /auth."""
    return live_spec(f"{airflow3_fab.base_url}/auth/openapi.json", "/auth")


def _matches(template: str, path: str) -> bool:
    """Whether our path fits the spec's template (our literal ``~`` may fill one of its parameters)."""
    return re.fullmatch("[^/]+".join(re.escape(part) for part in re.split(r"{\w+}", template)), path) is not None


def _schema(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The object schema behind a $ref, or behind an anyOf of one object and null."""
    if "$ref" in schema:
        return _schema(spec, spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]])
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return _schema(spec, options[0]) if len(options) == 1 else schema


def _model_keys(model: type[Model]) -> set[str]:
    return {k for f in model._fields.values() for k in (f.key, *f.fallback_keys)}


def _find(spec: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    return next((ops for p, ops in spec["paths"].items() if _matches(p, path) and method in ops), {}).get(method)


def v2_mismatches(op: Operation, spec: dict[str, Any]) -> list[str]:
    """What the operation's Airflow 3 form sends or reads that the spec does not have.

    Keys a ``resolve`` hook rewrites, and answers an ``answer`` hook reshapes, are left to the live
    tests, which run those operations against the real server.
    """
    form = op.v2
    assert form is not None
    method, path = (form.method or op.method).lower(), (form.root or "/api/v2") + (form.path or op.path)
    found = _find(spec, method, path)
    if found is None:
        return [f"{op.id}: {method.upper()} {path} is not in the v2 spec"]
    problems = []
    if form.dry_run and _find(spec, method, path + form.dry_run) is None:
        problems.append(f"{op.id}: {method.upper()} {path + form.dry_run} is not in the v2 spec")
    names = {p["name"] for p in found.get("parameters", [])}
    for param in op.params:
        wire = form.rename.get(param.name, param.name)
        if param.where == "query" and param.only != "v1" and wire not in names:
            problems.append(f"{op.id}: query parameter {wire!r} is not in the v2 spec")
    problems += [f"{op.id}: fixed parameter {k!r} is not in the v2 spec" for k in form.query if k not in names]
    body = op.body
    if body is not None and isinstance(body.type, type) and issubclass(body.type, Model) and form.resolve is None:
        accepted = _schema(spec, found["requestBody"]["content"]["application/json"]["schema"]).get("properties", {})
        taken = {*re.findall(r"{(\w+)}", form.path or ""), *(f.key for f in body.type._fields.values() if f.v1_only), *(("dry_run",) if form.dry_run else ())}
        for field in body.type._fields.values():
            wire = form.rename.get(field.key, field.key)
            if not field.read_only and wire not in accepted and wire not in taken:
                problems.append(f"{op.id}: body key {wire!r} is not accepted by Airflow 3")
    returns = op.returns if isinstance(op.returns, type) and issubclass(op.returns, Model) else None
    answer = found["responses"].get(str(op.success_status), {}).get("content", {}).get("application/json")
    if returns is not None and answer is not None and form.answer is None:
        sent = _schema(spec, answer["schema"]).get("properties", {})
        problems += [f"{op.id}: {returns.__name__} cannot read {k!r}" for k in sent if k not in _model_keys(returns)]
    return problems


def test_airflow_3_forms_match_the_live_spec(spec: dict[str, Any], fab_spec: dict[str, Any]) -> None:
    declared = [op for name in apis.__all__ for op in getattr(apis, name).operations()]
    mapped = [op for op in declared if op.v2 is not None]
    problems = [p for op in mapped for p in v2_mismatches(op, fab_spec if op.v2 and op.v2.root else spec)]
    per_api = collections.Counter(op.api for op in mapped)
    print(
        f"\nAirflow 3 forms: {len(mapped)}/{len(declared)} operations; "
        + ", ".join(f"{a} {n}" for a, n in sorted(per_api.items()))
    )
    assert problems == []
    assert {op.id for op in mapped if op.api == "DAGRunApi"} == {op.id for op in declared if op.api == "DAGRunApi"}
