"""Fuzzing response bodies of the DAG-run models: whatever a server sends, only SDK exceptions come out.

CI runs a few hundred cases per test; the dedicated run is
``SDK_FUZZ_EXAMPLES=10000 ./scripts/test test/test_fuzz.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import types
from typing import Any, Union, get_args, get_origin

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, apis
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.models import (
    DAGRun,
    DAGRunCollection,
    DatasetEventCollection,
    TaskInstanceCollection,
)
from airflow_python_sdk.operation import Operation

from recording_server import RecordingServer, Reply

EXAMPLES = int(os.environ.get("SDK_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
timestamps = st.one_of(
    st.datetimes(timezones=st.just(dt.timezone.utc)).map(dt.datetime.isoformat),
    st.datetimes().map(lambda d: d.isoformat() + "Z"),
    st.datetimes(timezones=st.timezones()).map(dt.datetime.isoformat),
    st.sampled_from(["not-a-date", "2024-13-45T99:00:00Z", "", "2024-05-01", "9999-12-31T23:59:59-23:59"]),
)


def value_for(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """Plausible JSON for a field of type ``tp``, mixed with anything at all."""
    if get_origin(tp) in (Union, types.UnionType):
        tp = next(a for a in get_args(tp) if a is not type(None))
    if get_origin(tp) is list and depth < 2:
        return st.lists(value_for(get_args(tp)[0], depth + 1), max_size=3) | json_values
    if isinstance(tp, type) and issubclass(tp, Model) and depth < 2:
        return body_for(tp, depth + 1) | json_values
    if tp is dt.datetime:
        return timestamps | json_values
    return json_values


def body_for(model: type[Model], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object shaped like ``model``: some of its keys, odd values, unknown keys."""
    known = {f.key: value_for(f.type, depth) for f in model._fields.values()}
    return st.fixed_dictionaries({}, optional=known).flatmap(
        lambda body: st.dictionaries(st.text(max_size=8), json_values, max_size=2).map(lambda extra: {**extra, **body})
    )


def read_everything(value: Any) -> None:
    """Read every field (recursively), and to_dict()/repr(), allowing only the SDK's own exceptions."""
    if isinstance(value, list):
        for item in value:
            read_everything(item)
        return
    if not isinstance(value, Model):
        return
    for field in type(value)._fields.values():
        refused = None
        try:
            read_everything(getattr(value, field.name))
        except (sdk.ApiValueError, sdk.FieldNotInAnswerError) as exc:  # unreadable, or an always-sent field absent
            refused = str(exc)
        assert refused is None or field.name in refused  # the error names its field
    for render in (value.to_dict, lambda: repr(value), value._validate):
        with contextlib.suppress(sdk.ApiValueError):
            render()


@FUZZ
@given(body_for(DAGRunCollection))
def test_dag_run_pages(body: dict[str, Any]) -> None:
    read_everything(DAGRunCollection._from_server(body))


@FUZZ
@given(body_for(DAGRun))
def test_dag_runs(body: dict[str, Any]) -> None:
    read_everything(DAGRun._from_server(body))


@FUZZ
@given(body_for(TaskInstanceCollection))
def test_task_instance_pages(body: dict[str, Any]) -> None:
    read_everything(TaskInstanceCollection._from_server(body))


@FUZZ
@given(body_for(DatasetEventCollection))
def test_dataset_event_pages(body: dict[str, Any]) -> None:
    read_everything(DatasetEventCollection._from_server(body))


@settings(FUZZ, max_examples=max(EXAMPLES // 10, 30))
@given(st.one_of(body_for(DAGRunCollection), json_values, st.binary(max_size=64)))
def test_through_the_dispatcher(body: Any) -> None:
    """Any answer body, sent over HTTP: a page of models, or an SDK exception."""
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()
    with (
        RecordingServer(default=Reply(body=payload)) as server,
        ApiClient(Configuration(host=server.url + "/api/v1")) as client,
        contextlib.suppress(sdk.OpenApiException),
    ):
        read_everything(DAGRunApi(client).get_dag_runs("d"))


RESHAPED = [op for name in apis.__all__ for op in getattr(apis, name).operations() if op.v2 and op.v2.answer]
ARGS = {"dag_id": "d", "dag_run_id": "r", "task_id": "t", "uri": "x://u", "section": "core", "kwargs": {}}
airflow_3_answers = json_values | st.fixed_dictionaries(
    {}, optional={k: json_values for k in ("content", "task_instances", "queued_events", "sections")}
)


@FUZZ
@given(st.sampled_from(RESHAPED), airflow_3_answers, st.booleans())
def test_airflow_3_answers_are_reshaped_or_refused(op: Operation, data: Any, as_json: bool) -> None:
    """An Airflow 3 answer hook, on anything: the declared shape, or an SDK exception (a ValueError is one)."""
    args = {**ARGS, "kwargs": {"_headers": {"Accept": "application/json"}}} if as_json else ARGS
    configuration = Configuration(host="http://127.0.0.1:9/api/v2", access_token="t", retries=0)
    with ApiClient(configuration) as client:  # a look-up some hooks make gets "connection refused"
        assert op.v2 is not None and op.v2.answer is not None
        try:
            shaped = op.v2.answer(client, args, data)
            result = op.models[0]._from_server(shaped) if op.models else shaped
        except (ValueError, sdk.OpenApiException):
            return
    if op.returns_text:
        assert isinstance(result, dict if as_json else str)
    read_everything(result)
