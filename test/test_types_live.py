"""Which answer fields are typed without None, derived from the live servers so it cannot drift.

A response field is "always sent" (typed ``X``, not ``X | None``) when:

- every Airflow 3.3.2 response schema (from its live ``/openapi.json``) the model is read from, nested
  ones too, lists it as ``required`` and not nullable, or is an array whose spec default is ``[]``; and
- for a model Airflow 2 also fills (reachable from an operation Airflow 2 has, through fields it
  has), every instance of it in real Airflow 2.11.2 answers has the key. A model Airflow 2 fills that
  no answer below shows stays all-Optional: there is no evidence.

Fields typed ``Any`` cannot say it (``None`` is an ``Any``); request-only models are not answers.
The absent-field error is proven with a real ``fields=[...]`` partial answer of Airflow 2.11.2.
"""

from __future__ import annotations

import json
import pathlib
import sys
import types
import urllib.request
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import pytest

from airflow_python_sdk import ApiClient, apis
from airflow_python_sdk.exceptions import ApiAttributeError, ApiException, FieldNotInAnswerError
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.models import ClearTaskInstances, Connection, CreateDatasetEvent, DAGRun, Variable

from airflow_server import AirflowServer

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tools"))
from spec_coverage import coverage, sdk_operations, spec_operations

pytestmark = pytest.mark.live
Spec = dict[str, Any]
Verdicts = dict[tuple[type[Model], str], bool]


# --- what the v2 spec says is always sent ------------------------------------------------------------


def _resolve(spec: Spec, s: Spec) -> Spec:
    return _resolve(spec, spec["components"]["schemas"][s["$ref"].rsplit("/", 1)[-1]]) if "$ref" in s else s


def _options(spec: Spec, s: Spec) -> list[Spec]:
    """The non-null schemas a value of ``s`` may have (anyOf/oneOf flattened)."""
    s = _resolve(spec, s)
    alts = s.get("anyOf", s.get("oneOf"))
    if alts is None:
        return [] if s.get("type") == "null" else [s]
    return [o for a in alts for o in _options(spec, a)]


def _nullable(spec: Spec, s: Spec) -> bool:
    s = _resolve(spec, s)
    return bool(s.get("nullable")) or s.get("type") == "null" or any(_nullable(spec, a) for a in s.get("anyOf", s.get("oneOf", [])))


def _models_in(tp: Any) -> list[type[Model]]:
    if get_origin(tp) in (Union, types.UnionType, list):
        return [m for a in get_args(tp) for m in _models_in(a)]
    return [tp] if isinstance(tp, type) and issubclass(tp, Model) else []


def _key_of(model: type[Model], keys: Any, name: str) -> str | None:
    f = model._fields[name]
    return next((k for k in (f.key, *f.fallback_keys) if k in keys), None)


def _keys(model: type[Model]) -> set[str]:
    return {k for f in model._fields.values() for k in (f.key, *f.fallback_keys)}


def _matching(spec: Spec, model: type[Model], schema: Spec, nested: bool = False) -> list[Spec]:
    """The object schemas of ``schema`` the model reads: the options sharing most keys with it (an
    answer hook may unwrap one collection level, e.g. a note patch answering a one-item collection)."""
    opts = [o for o in _options(spec, schema) if "properties" in o]
    score = {id(o): len(_keys(model) & o["properties"].keys()) for o in opts}
    best = max(score.values(), default=0)
    if best or nested:
        return [o for o in opts if best and score[id(o)] == best]
    arrays = [_resolve(spec, p) for o in opts for p in o["properties"].values()]
    return [m for p in arrays if p.get("type") == "array" for m in _matching(spec, model, p.get("items", {}), True)]


def v2_always_sent(spec: Spec) -> Verdicts:
    """(model, field) -> whether every v2 response schema the model is read from always sends it."""
    verdicts: Verdicts = {}
    seen: set[tuple[type[Model], int]] = set()

    def walk(model: type[Model], schema: Spec) -> None:
        if (model, id(schema)) in seen:
            return
        seen.add((model, id(schema)))
        props, required = schema["properties"], set(schema.get("required", []))
        for name, f in model._fields.items():
            key = _key_of(model, props, name)
            prop = props.get(key, {}) if key else {}
            sent = key is not None and not _nullable(spec, prop) and (
                key in required or (_resolve(spec, prop).get("type") == "array" and _resolve(spec, prop).get("default") == [])
            )
            verdicts[(model, name)] = verdicts.get((model, name), True) and sent
            for option in _options(spec, prop) if key else []:
                inner = _resolve(spec, option.get("items", {})) if option.get("type") == "array" else option
                for nested in _models_in(f.type):
                    for o in _matching(spec, nested, inner, True):
                        walk(nested, o)

    for reach in coverage(spec_operations(spec), "v2"):
        for status, answer in reach.spec.raw.get("responses", {}).items():
            schema = (answer.get("content", {}).get("application/json") or {}).get("schema")
            for op in reach.by if status.startswith("2") and schema else []:
                if len(op.models) <= 1:
                    for model in op.models:
                        for o in _matching(spec, model, schema):
                            walk(model, o)
                    continue
                for o in _options(spec, schema):  # a union: each schema is read by the model it fits best
                    walk(max(op.models, key=lambda m: len(_keys(m) & o["properties"].keys())), o)
    return verdicts


def filled_by_airflow2() -> set[type[Model]]:
    """Models an Airflow 2 answer is read into: of its operations, through fields it has."""
    found: set[type[Model]] = set()
    todo = [m for op in sdk_operations() if op.v1 for m in op.models]
    while todo:
        model = todo.pop()
        if model not in found:
            found.add(model)
            todo += [n for f in model._fields.values() if not f.v2_only for n in _models_in(f.type)]
    return found


# --- what a real Airflow 2.11.2 sends ----------------------------------------------------------------


def _record(model: type[Model], raw: Any, seen: dict[type[Model], list[dict[str, Any]]]) -> None:
    if isinstance(raw, list):
        for item in raw:
            _record(model, item, seen)
        return
    if not isinstance(raw, dict):
        return
    seen.setdefault(model, []).append(raw)
    for name, f in model._fields.items():
        nested = _models_in(f.type)
        key = _key_of(model, raw, name)
        if len(nested) == 1 and key is not None:
            _record(nested[0], raw[key], seen)


def airflow2_answers(client: ApiClient) -> dict[type[Model], list[dict[str, Any]]]:
    """Real answers of Airflow 2.11.2, per model: the objects it sent (nested ones included)."""
    a = {name: getattr(apis, name)(client) for name in apis.__all__}
    runs, dags, tis = a["DAGRunApi"], a["DAGApi"], a["TaskInstanceApi"]
    run = runs.post_dag_run("sdk_example", DAGRun(note="types"))
    a["VariableApi"].post_variables(Variable(key="sdk_types_var", value="v"))
    conn = Connection(connection_id="sdk_types_conn", conn_type="http", host="h")
    calls: list[Callable[[], Any]] = [
        lambda: run,
        lambda: runs.get_dag_runs("~", limit=100),
        lambda: runs.get_dag_run("sdk_example", run.dag_run_id),
        lambda: runs.get_upstream_dataset_events("sdk_example", run.dag_run_id),
        lambda: dags.get_dags(limit=100),
        lambda: dags.get_dag("sdk_example"),
        lambda: dags.get_dag_details("sdk_example"),
        lambda: dags.get_dag_details("sdk_ds_consumer_c"),
        lambda: dags.get_tasks("sdk_example"),
        lambda: dags.get_task("sdk_example", "extract"),
        lambda: dags.get_dag_source(dags.get_dag("sdk_example").file_token),
        lambda: tis.get_task_instances("~", "~", limit=100),
        lambda: tis.get_task_instance("sdk_example", run.dag_run_id, "extract"),
        lambda: dags.post_clear_task_instances("sdk_example", ClearTaskInstances(dry_run=True, only_failed=False)),
        lambda: tis.get_task_instance_dependencies("sdk_example", run.dag_run_id, "extract"),
        lambda: tis.get_task_instance_tries("sdk_example", run.dag_run_id, "extract"),
        lambda: tis.get_extra_links("sdk_example", run.dag_run_id, "extract"),
        lambda: a["XComApi"].get_xcom_entries("sdk_example", run.dag_run_id, "extract"),
        lambda: a["ConnectionApi"].post_connection(conn),
        lambda: a["ConnectionApi"].get_connections(),
        lambda: a["ConnectionApi"].get_connection("sdk_types_conn"),
        lambda: a["ConnectionApi"].test_connection(conn),
        lambda: a["VariableApi"].get_variables(),
        lambda: a["VariableApi"].get_variable("sdk_types_var"),
        lambda: a["PoolApi"].get_pools(),
        lambda: a["PoolApi"].get_pool("default_pool"),
        lambda: a["DatasetApi"].create_dataset_event(CreateDatasetEvent(dataset_uri="x-sdk-ds://queue/shared")),
        lambda: a["DatasetApi"].get_datasets(),
        lambda: a["DatasetApi"].get_dataset("x-sdk-ds://queue/shared"),
        lambda: a["DatasetApi"].get_dataset_events(),
        lambda: a["DatasetApi"].get_dag_dataset_queued_events("sdk_ds_consumer_a"),
        lambda: a["DatasetApi"].get_dataset_queued_events("x-sdk-ds://queue/shared"),
        lambda: a["EventLogApi"].get_event_logs(limit=100),
        lambda: a["ImportErrorApi"].get_import_errors(),
        lambda: a["DagStatsApi"].get_dag_stats(["sdk_example"]),
        lambda: a["DagWarningApi"].get_dag_warnings(),
        lambda: a["MonitoringApi"].get_health(),
        lambda: a["MonitoringApi"].get_version(),
        lambda: a["PluginApi"].get_plugins(),
        lambda: a["ProviderApi"].get_providers(),
        lambda: a["ConfigApi"].get_config(),
    ]
    seen: dict[type[Model], list[dict[str, Any]]] = {}
    for call in calls:
        try:
            answer = call()
        except ApiException as exc:  # a 403 (test_connection and config are off by default), or none yet
            assert exc.status in (403, 404), exc
            continue
        if isinstance(answer, Model):  # a DAG's source is text on Airflow 2
            _record(type(answer), answer._raw, seen)
    return seen


@pytest.fixture(scope="module")
def spec(airflow3: AirflowServer) -> Spec:
    with urllib.request.urlopen(f"{airflow3.base_url}/openapi.json", timeout=30) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


def _name(model: type[Model], field: str) -> str:
    """The field's declaration: a subclass (DAGDetail of DAG) shares its base's, so both must agree."""
    owner = next(c for c in model.__mro__ if field in c.__dict__.get("__annotations__", {}))
    return f"{owner.__name__}.{field}"


def test_fields_typed_without_none_are_those_both_servers_always_send(spec: Spec, live_client: ApiClient) -> None:
    verdicts = v2_always_sent(spec)
    airflow2, answers = filled_by_airflow2(), airflow2_answers(live_client)
    sent: dict[str, bool] = {}
    typed, unproven = set(), set()
    for (model, name), v2_sent in verdicts.items():
        f, declared = model._fields[name], _name(model, name)
        if f._absent is not None:
            typed.add(declared)
        ok = v2_sent and f.type not in (Any, object)
        if ok and model in airflow2:
            samples = answers.get(model, [])
            if not samples:
                unproven.add(declared)
            ok = bool(samples) and all(_key_of(model, raw, name) for raw in samples)
        sent[declared] = sent.get(declared, True) and ok
    expected = {declared for declared, ok in sent.items() if ok}
    print(f"\n{len(expected)} answer fields always sent; {len(unproven)} stay Optional for want of an Airflow 2 answer: "
          + ", ".join(sorted(unproven)))  # fmt: skip
    assert sorted(typed - expected) == [] and sorted(expected - typed) == []
    assert len({m for m, _ in verdicts} & airflow2 & set(answers)) >= 40  # the 2.11.2 evidence is broad


def test_a_partial_answer_raises_for_an_always_sent_field_left_out(airflow: AirflowServer, live_client: ApiClient) -> None:
    runs = apis.DAGRunApi(live_client)
    runs.post_dag_run("sdk_example", DAGRun(note="partial"))
    page = runs.get_dag_runs("sdk_example", fields=["dag_run_id"], limit=5)
    assert page.dag_runs and all(r.dag_run_id for r in page.dag_runs)
    run = page.dag_runs[0]
    with pytest.raises(FieldNotInAnswerError) as caught:
        run.state  # noqa: B018 - the read is the test
    message = str(caught.value)
    assert "DAGRun.state" in message and "fields=[...]" in message and isinstance(caught.value, ApiAttributeError)
    assert run.to_dict() == {"dag_run_id": run.dag_run_id}
    assert repr(run) == f"DAGRun(dag_run_id={run.dag_run_id!r})"
    assert run.note is None  # an Optional field left out reads as None, as before
