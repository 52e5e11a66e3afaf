"""The defaults Airflow 2 and 3 disagree on (airflow_python_sdk/defaults.py), checked against every spec at hand,
and what the SDK sends for the keys it evens out (recording server). The real servers' behaviour for the one
that matters most (``reset_dag_runs``) is in test_ops_live.py.
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.defaults import DEFAULTS, EVENED, REQUIRED, differs, evened
from airflow_python_sdk.models import ClearTaskInstances, UpdateTaskInstancesState

from recording_server import RecordingServer, Reply

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from spec_coverage import _fits, _resolve, _route, sdk_operations  # noqa: E402

NONE = object()
"""A spec stating no default."""


def _load(path: pathlib.Path) -> dict[str, Any]:
    text = path.read_text()
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)  # type: ignore[no-any-return]


def _specs(api: str) -> list[tuple[str, dict[str, Any]]]:
    reference = {"v1": "airflow-2.11.2-v1-openapi.yaml", "v2": "airflow-3.3.2-v2-openapi.json"}[api]
    paths = [ROOT.parent / "shared" / "reference" / reference, *sorted((ROOT / "test" / "specs").glob(f"*-{api}-*"))]
    return [(p.name, _load(p)) for p in paths]


def _stated(spec: dict[str, Any], api: str, op: Any) -> dict[str, Any] | None:
    """The defaults ``op``'s route states in ``spec``: body keys and query parameters (NONE where it states
    none); None when the spec lacks the route."""
    method, path = _route(op, api) or ("", "")
    base = "/api/v1" if api == "v1" else ""
    for template, item in spec["paths"].items():
        if method.lower() in item and _fits(base + template, path):
            operation = item[method.lower()]
            out: dict[str, Any] = {}
            for param in (*item.get("parameters", []), *operation.get("parameters", [])):
                param = _resolve(spec, param)
                if param.get("in") == "query":
                    schema = param.get("schema", {})
                    out[param["name"]] = schema.get("default", _resolve(spec, schema).get("default", NONE))
            content = operation.get("requestBody", {}).get("content", {})
            if content:
                body = _resolve(spec, next(iter(content.values()))["schema"])
                for key, schema in body.get("properties", {}).items():
                    out[key] = schema.get("default", _resolve(spec, schema).get("default", NONE))
            return out
    return None


def _both_generations() -> Iterator[tuple[str, str, str]]:
    """(operation, Airflow 2 key, Airflow 3 key) of every key an SDK operation sends to both generations."""
    for op in sdk_operations():
        if op.v1 and op.v2 is not None and not op.v2.root:
            rename = op.v2.rename or {}
            for key in {p.name for p in op.params if p.where == "query"} | _body_keys(op):
                yield op.id, key, rename.get(key, key)


def _body_keys(op: Any) -> set[str]:
    param = op.body
    fields = getattr(getattr(param, "type", None), "_fields", {}) if param is not None else {}
    return {f.key for f in fields.values() if not f.read_only}


def _differing() -> dict[tuple[str, str], tuple[set[Any], set[Any]]]:
    """(operation, key) -> the defaults each generation's specs state, where the two generations' differ."""
    specs = {api: _specs(api) for api in ("v1", "v2")}
    ops = {op.id: op for op in sdk_operations()}
    out: dict[tuple[str, str], tuple[set[Any], set[Any]]] = {}
    for op_id, key1, key2 in _both_generations():
        seen: dict[str, set[Any]] = {"v1": set(), "v2": set()}
        for api, key in (("v1", key1), ("v2", key2)):
            for _, spec in specs[api]:
                stated = _stated(spec, api, ops[op_id])
                if stated is not None and key in stated:
                    value = stated[key]
                    value = value[0] if isinstance(value, list) and len(value) == 1 else value  # "id" is ["id"]
                    seen[api].add(json.dumps(value) if value is not NONE else "NONE")
        if seen["v1"] and seen["v2"] and seen["v1"] != seen["v2"]:
            out[(op_id, key1)] = (seen["v1"], seen["v2"])
    return out


def test_the_table_lists_every_default_the_specs_disagree_on() -> None:
    found = _differing()
    listed = {(op, key) for op, keys in DEFAULTS.items() for key in keys}
    assert found, "no spec differences found: the specs were not read"
    assert sorted(found.keys() - listed) == [], "defaults the table misses"
    assert sorted(listed - found.keys()) == [], "table entries the specs agree on (or lack)"
    assert ("post_clear_task_instances", "reset_dag_runs") in found


def test_each_stated_default_is_the_tables_and_each_release_agrees() -> None:
    for (op, key), (v1, v2) in _differing().items():
        table = DEFAULTS[op][key]
        for value, stated in zip(table, (v1, v2), strict=True):
            said = stated - {"NONE"}
            assert len(said) <= 1, f"{op}.{key}: releases state different defaults {stated}"
            if said:
                one = value[0] if isinstance(value, list) and len(value) == 1 else value
                assert json.loads(next(iter(said))) == one, (op, key, stated, table)
            else:  # no spec states one: the table holds the server's own
                assert value is REQUIRED or value is not None, (op, key)


def test_what_changes_behaviour_is_told_apart() -> None:
    assert differs("post_clear_task_instances", "reset_dag_runs")
    assert differs("get_xcom_entry", "stringify") and differs("get_dags", "limit")
    assert differs("get_dag_warnings", "order_by")
    assert not differs("get_dags", "offset") and not differs("get_dags", "order_by")
    assert not differs("get_event_logs", "order_by") and not differs("post_pool", "include_deferred")
    for op, keys in EVENED.items():  # what the SDK evens out is a difference the table lists
        assert all(differs(op, key) for key in keys), op


def test_evened_fills_only_what_the_caller_left_unset() -> None:
    body = ClearTaskInstances(dry_run=False)
    filled = evened("post_clear_task_instances", body)
    assert filled.reset_dag_runs is True and body.get("reset_dag_runs") is None  # the caller's model unchanged
    kept = ClearTaskInstances(dry_run=False, reset_dag_runs=False)
    assert evened("post_clear_task_instances", kept) is kept


@pytest.mark.parametrize("api", ["v1", "v2"])
def test_the_sdk_sends_the_evened_keys_on_both_generations(api: str) -> None:
    with RecordingServer(default=Reply(json={"task_instances": []})) as server:
        with ApiClient(Configuration(host=f"{server.url}/api/{api}", access_token="t", retries=0)) as c:
            dags = DAGApi(c)
            dags.post_clear_task_instances("d", ClearTaskInstances(dry_run=False, task_ids=["t"]))
            dags.post_clear_task_instances("d", ClearTaskInstances(dry_run=False, reset_dag_runs=False))
            if api == "v1":
                dags.post_set_task_instances_state(
                    "d", UpdateTaskInstancesState(dag_run_id="r", task_id="t", new_state="success", dry_run=True)
                )
        sent = [r.json() for r in server.requests if r.method in ("POST", "PATCH") and r.body]
    assert sent[0]["reset_dag_runs"] is True and sent[1]["reset_dag_runs"] is False
    if api == "v1":
        assert {k: sent[2][k] for k in EVENED["post_set_task_instances_state"]} == dict.fromkeys(
            EVENED["post_set_task_instances_state"], False
        )
