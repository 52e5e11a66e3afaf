"""The SDK against the spec a live Airflow 3.3.2 serves (/openapi.json), in both directions.

- Every spec operation (login/logout aside) is reached by a method, on the class that answers to
  its operationId, and every query parameter and body key it names can be sent.
- Every response schema's properties are fields of the model the method returns, of types that
  read what the spec says is sent (an example answer built from the schema is read field by field).
- Nothing the SDK sends is absent from the spec: its routes, query parameters and body keys.
"""

from __future__ import annotations

import collections
import json
import pathlib
import re
import sys
import urllib.request
from typing import Any

import pytest

from airflow_python_sdk import apis
from airflow_python_sdk.exceptions import ApiValueError, FieldNotInAnswerError
from airflow_python_sdk.model_utils import Field, Model
from airflow_python_sdk.operation import Operation

from airflow_server import AirflowServer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tools"))
from spec_coverage import EXCLUDED_V2, SpecOperation, coverage, sent_by, spec_operations

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


def _v2_operations() -> list[Operation]:
    return [op for name in apis.__all__ for op in getattr(apis, name).operations() if op.v2 is not None]


def _core(ops: list[Operation]) -> list[Operation]:
    return [op for op in ops if op.v2 is not None and op.v2.root is None]


def _schema(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema behind a $ref, or behind an anyOf of one schema and null."""
    if "$ref" in schema:
        return _schema(spec, spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]])
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return _schema(spec, options[0]) if len(options) == 1 else schema


def example(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """A value of the kind the schema says is sent: what a model's field must be able to read."""
    schema = _schema(spec, schema)
    options = [s for s in schema.get("anyOf", schema.get("oneOf", [])) if s.get("type") != "null"]
    if options:
        return example(spec, options[0], depth)
    if "enum" in schema or "const" in schema:
        return schema.get("const", (schema.get("enum") or ["x"])[0])
    kind = schema.get("type")
    if kind == "string":
        formats = {"date-time": "2024-01-02T03:04:05.678901Z", "date": "2024-01-02", "duration": "PT1H5S",
                   "uuid": "0195a0b1-0000-7000-8000-000000000001"}  # fmt: skip
        return formats.get(schema.get("format"), "text")
    if kind == "integer":
        return 7
    if kind == "number":
        return 0.5  # a fraction: an int field cannot read it
    if kind == "boolean":
        return True
    if kind == "array":
        return [example(spec, schema.get("items", {}), depth + 1)] if depth < 6 else []
    if "properties" in schema and depth < 6:
        return {k: example(spec, v, depth + 1) for k, v in schema["properties"].items()}
    return {}


def _answer_schema(spec_op: SpecOperation, status: int) -> dict[str, Any] | None:
    responses = spec_op.raw.get("responses", {})
    answer = (responses.get(str(status)) or responses.get("200") or responses.get("201") or {}).get("content", {})
    return (answer.get("application/json") or {}).get("schema")


def _model_keys(model: type[Model]) -> set[str]:
    return {k for f in model._fields.values() for k in (f.key, *f.fallback_keys)}


def test_every_operation_is_reached_with_every_parameter(spec: dict[str, Any]) -> None:
    reaches = [r for r in coverage(spec_operations(spec), "v2", _core(_v2_operations()))
               if r.spec.id not in EXCLUDED_V2]  # fmt: skip
    problems = [f"{r.spec.id}: no method ({r.spec.method} {r.spec.path})" for r in reaches if not r.by]
    problems += [f"{r.spec.id}: query {q!r} cannot be sent" for r in reaches for q in sorted(r.missing_query)]
    problems += [f"{r.spec.id}: body key {b!r} cannot be sent" for r in reaches for b in sorted(r.missing_body)]
    for r in reaches:  # Airflow 3's own REST reference is an index to the SDK
        if r.by and not any(hasattr(getattr(apis, op.api), r.spec.id) for op in r.by):
            problems.append(f"{r.spec.id}: no method of {sorted({op.api for op in r.by})} answers to that name")
    per_tag = collections.Counter(r.spec.tag for r in reaches if r.by)
    print(f"\nAirflow 3 operations reached: {sum(per_tag.values())}/{len(reaches)} (+ {len(EXCLUDED_V2)} excluded); "
          + ", ".join(f"{t} {n}" for t, n in sorted(per_tag.items())))  # fmt: skip
    assert problems == []


def _read_problems(spec: dict[str, Any], spec_op: SpecOperation, op: Operation) -> list[str]:
    """The returned model lacks a property of the answer's schema, or cannot read its example value."""
    model = op.models[0] if len(op.models) == 1 else None
    schema = _answer_schema(spec_op, op.success_status)
    if model is None or schema is None or (op.v2 is not None and op.v2.answer is not None):
        return []
    sent = _schema(spec, schema)
    properties = sent.get("properties")
    if properties is None:
        return []
    problems = [f"{spec_op.id}: {model.__name__} has no field for {k!r}" for k in properties
                if k not in _model_keys(model)]  # fmt: skip
    answer = model._from_server(example(spec, sent))
    for field in model._fields.values():
        try:
            value = field.__get__(answer)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Model):
                    item._validate()
        except (ApiValueError, FieldNotInAnswerError) as exc:
            problems.append(f"{spec_op.id}: {exc}")
    return problems


def test_every_answer_is_read_into_fields_of_the_spec_types(spec: dict[str, Any]) -> None:
    problems = []
    for r in coverage(spec_operations(spec), "v2", _core(_v2_operations())):
        for op in r.by:
            problems += _read_problems(spec, r.spec, op)
    assert sorted(set(problems)) == []


def v2_mismatches(op: Operation, spec: dict[str, Any]) -> list[str]:
    """What the operation's Airflow 3 form sends that the spec does not have.

    Body keys that a ``resolve`` hook rewrites are left to the live tests, which run those
    operations against the real server.
    """
    routes, query, body = sent_by(op, "v2")
    ops = spec_operations(spec)
    found = []
    for method, path in routes:
        match = next((s for s in ops if s.method == method and _fits(s.path, path)), None)
        if match is None:
            return [f"{op.id}: {method} {path} is not in the v2 spec"]
        found.append(match)
    problems = [f"{op.id}: query parameter {q!r} is not in the v2 spec" for q in sorted(query - found[0].query)]
    if body and found[0].body_is_object and (op.v2 is None or op.v2.resolve is None):
        accepted = set().union(*(s.body for s in found), *(re.findall(r"{(\w+)}", s.path) for s in found))
        read_only = {f.key for f in op.body.type._fields.values() if f.read_only} if op.body else set()
        problems += [f"{op.id}: body key {k!r} is not accepted by Airflow 3" for k in sorted(body - accepted - read_only)
                     if k != "dry_run"]  # fmt: skip
    return problems


def _fits(template: str, path: str) -> bool:
    ours = re.sub(r"{\w+}", "x", path)
    pattern = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in re.split(r"({\w+})", template))
    return re.fullmatch(pattern, ours) is not None


def test_nothing_sent_is_absent_from_the_spec(spec: dict[str, Any], fab_spec: dict[str, Any]) -> None:
    ops = _v2_operations()
    problems = [p for op in ops for p in v2_mismatches(op, fab_spec if op.v2 and op.v2.root else spec)]
    print(f"\nAirflow 3 forms: {len(ops)} operations checked against the live specs")
    assert problems == []


def test_the_example_reader_can_fail(spec: dict[str, Any]) -> None:
    """The answer check is not vacuous: a field typed int cannot read the example of a number."""

    class Probe(Model):
        ratio: int = Field(default=None)

    with pytest.raises(ApiValueError):
        Probe._from_server({"ratio": example(spec, {"type": "number"})}).ratio  # noqa: B018
    assert Probe._from_server({"ratio": example(spec, {"type": "integer"})}).ratio == 7


def _shape(spec: dict[str, Any], prefix: str = "") -> set[tuple[str, str, str, frozenset[str], frozenset[str]]]:
    return {(s.id, s.method, s.path, s.query, s.body) for s in spec_operations(spec, prefix)}


def test_the_readme_counts_what_the_live_server_serves(spec: dict[str, Any], airflow: AirflowServer) -> None:
    """README's coverage table is rendered from the spec copies in ../shared/reference: they must be
    what the live servers serve, operation by operation, parameter by parameter."""
    from render_docs import load_spec

    assert _shape(load_spec("v2")) == _shape(spec)
    with urllib.request.urlopen(f"{airflow.api_url}/openapi.yaml", timeout=30) as answer:
        import yaml

        live_v1 = yaml.safe_load(answer.read())
    assert _shape(load_spec("v1"), "/api/v1") == _shape(live_v1, "/api/v1")
