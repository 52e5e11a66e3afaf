"""For every operation of every API class: wrong input raises before anything is sent.

On an Airflow 3 host the same cases run against each operation's Airflow 3 form: nothing is sent,
not even the login for a token, nor the look-ups some forms make first. What a server generation
lacks -- an operation, a parameter -- is refused the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
import types
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, apis
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.operation import Operation, Param, signature_params

from recording_server import RecordingServer

OPERATIONS = [(getattr(apis, name), op) for name in apis.__all__ for op in getattr(apis, name).operations()]


def valid(tp: Any) -> Any:
    """A value of type ``tp``."""
    options = [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]
    first = options[0]
    if get_origin(first) is list:
        return [valid(get_args(first)[0])]
    if isinstance(first, type) and issubclass(first, Model):
        return first(**{f.name: valid(f.type) for f in first._required})  # what a request body must hold
    if isinstance(first, type) and issubclass(first, enum.Enum):
        return next(iter(first))
    return {
        str: "x",
        int: 1,
        float: 1.5,
        bool: True,
        dt.datetime: dt.datetime(2024, 1, 1),
        dt.date: dt.date(2024, 1, 1),
    }[first]


def required_args(op: Operation) -> dict[str, Any]:
    return {p.name: valid(p.type) for p in op.params if p.required}


def call(api_class: type, client: ApiClient, op: Operation, args: dict[str, Any]) -> None:
    getattr(api_class(client), op.id)(**args)


def cases() -> list[tuple[type, Operation, str, dict[str, Any], type]]:
    """(API class, operation, what is wrong, arguments, expected exception) for every operation."""
    out = []
    for api_class, op in OPERATIONS:
        base = required_args(op)
        out.append((api_class, op, "unknown keyword", {**base, "no_such_option": 1}, sdk.ApiTypeError))
        for p in op.params:
            out.append((api_class, op, f"{p.name}: wrong type", {**base, p.name: object()}, sdk.ApiTypeError))
            if p.where == "path":  # "" is an empty id where text is allowed, else the wrong type
                takes_text = str in (get_args(p.type) or (p.type,))
                empty_error = sdk.ApiValueError if takes_text else sdk.ApiTypeError
                out.append((api_class, op, f"{p.name}: empty", {**base, p.name: ""}, empty_error))
            if p.required:
                out.append((api_class, op, f"{p.name}: missing", {**base, p.name: None}, sdk.ApiValueError))
            for f in getattr(p.type, "_required", ()):  # a body without a field it must hold
                out.append((api_class, op, f"{p.name}: no {f.name}", {**base, p.name: p.type()}, sdk.ApiValueError))
            body = _unsendable_body(p)
            if body is not None:
                out.append((api_class, op, f"{p.name}: a set inside", {**base, p.name: body}, sdk.ApiTypeError))
            if p.where == "query" and get_origin(_plain(p.type)) is list and str in get_args(_plain(p.type)):
                out.append((api_class, op, f"{p.name}: an empty value", {**base, p.name: [""]}, sdk.ApiValueError))
    return out


def _plain(tp: Any) -> Any:
    options = [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]
    return options[0]


def _unsendable_body(p: Param) -> Model | None:
    """A body model holding a value JSON cannot carry, where the model has a free-form field."""
    if not (p.where == "body" and isinstance(p.type, type) and issubclass(p.type, Model)):
        return None
    free = next((f for f in p.type._fields.values() if get_origin(f.type) in (Union, types.UnionType)
                 and dict in {get_origin(a) or a for a in get_args(f.type)}), None)  # fmt: skip
    return p.type(**{**{f.name: valid(f.type) for f in p.type._required}, free.name: {"bad": {1, 2}}}) if free else None


CASES = cases()


V1_CASES = [case for case in CASES if case[1].v1 and all(p.only != "v2" for p in case[1].params
                                                          if p.name == case[2].split(":")[0])]  # fmt: skip


def test_every_operation_is_covered() -> None:
    assert {op.id for _, op, *_ in CASES} == {op.id for _, op in OPERATIONS}
    assert len(OPERATIONS) > 89 + 40  # Airflow 2's 89 and Airflow 3's own
    print(f"\nbad-input cases: {len(CASES)} over {len(OPERATIONS)} operations")


@pytest.mark.parametrize(
    ("api_class", "op", "what", "args", "error"), V1_CASES, ids=[f"{op.id}-{what}" for _, op, what, *_ in V1_CASES]
)
def test_bad_input_is_refused_before_sending(
    server: RecordingServer, client: ApiClient, api_class: type, op: Operation, what: str, args: dict, error: type
) -> None:
    name = what.split(":")[0]
    with pytest.raises(error) as caught:
        call(api_class, client, op, args)
    assert name in str(caught.value) or (what == "unknown keyword" and "no_such_option" in str(caught.value))
    assert server.requests == []


V2_CASES = [case for case in CASES if case[1].v2 is not None and all(p.only != "v1" for p in case[1].params
                                                                      if p.name == case[2].split(":")[0])]  # fmt: skip


@pytest.fixture
def v2_client(server: RecordingServer) -> Iterator[ApiClient]:
    configuration = Configuration(host=server.url + "/api/v2", username="admin", password="s3cret", retries=0)
    with ApiClient(configuration) as api_client:
        yield api_client


@pytest.mark.parametrize(
    ("api_class", "op", "what", "args", "error"), V2_CASES, ids=[f"{op.id}-{what}" for _, op, what, *_ in V2_CASES]
)
def test_bad_input_is_refused_before_sending_on_airflow_3(
    server: RecordingServer, v2_client: ApiClient, api_class: type, op: Operation, what: str, args: dict, error: type
) -> None:
    with pytest.raises(error) as caught:
        call(api_class, v2_client, op, args)
    assert what.split(":")[0] in str(caught.value) or (
        what == "unknown keyword" and "no_such_option" in str(caught.value)
    )
    assert server.requests == []


V1_OPERATIONS = [(api_class, op) for api_class, op in OPERATIONS if op.v1]
V2_OPERATIONS = [
    (api_class, op)
    for api_class, op in OPERATIONS
    if op.v2 is not None
    and op.v2.root is None
    and op.v2.resolve is None
    and op.v2.body is None
    and set(re.findall(r"{(\w+)}", op.v2.path or op.path)) <= {p.name for p in op.params}
]
"""Those whose valid arguments need no look-up or body field the empty models here lack (the live tests send those)."""


@pytest.mark.parametrize(("api_class", "op"), V1_OPERATIONS, ids=[op.id for _, op in V1_OPERATIONS])
def test_valid_input_is_sent(server: RecordingServer, client: ApiClient, api_class: type, op: Operation) -> None:
    """The control case: the same arguments, all valid, do reach the server."""
    # the recording server's "{}" may not be what the operation answers; what was sent is checked
    client.configuration.airflow_version = "2.11.2"  # the newest release has every operation: no version asked
    with contextlib.suppress(sdk.OpenApiException):
        call(api_class, client, op, required_args(op))
    assert len(server.requests) == 1 and server.requests[0].method == op.method


@pytest.mark.parametrize(("api_class", "op"), V2_OPERATIONS, ids=[op.id for _, op in V2_OPERATIONS])
def test_valid_input_is_sent_to_airflow_3(server: RecordingServer, api_class: type, op: Operation) -> None:
    """The control case on an Airflow 3 host: valid arguments reach the server (after any look-up a form makes)."""
    configuration = Configuration(host=server.url + "/api/v2", access_token="t", retries=0, airflow_version="3.3.2")
    with ApiClient(configuration) as v2, contextlib.suppress(sdk.OpenApiException):
        call(api_class, v2, op, required_args(op))
    assert op.v2 is not None and len(server.requests) == 1
    assert server.requests[0].method == (op.v2.method or op.method)


def _only_cases(version: str) -> list[tuple[type, Operation, str]]:
    """(API class, operation, parameter) for every parameter only the other generation has."""
    return [(c, op, p.name) for c, op in OPERATIONS for p in op.params if p.only not in (None, version)
            and (op.v1 if version == "v1" else op.v2 is not None)]  # fmt: skip


ONLY_CASES = [(version, *case) for version in ("v1", "v2") for case in _only_cases(version)]


@pytest.mark.parametrize(("version", "api_class", "op", "name"), ONLY_CASES,
                         ids=[f"{v}-{op.id}-{name}" for v, _, op, name in ONLY_CASES])  # fmt: skip
def test_a_parameter_only_the_other_generation_has_is_refused(
    server: RecordingServer,
    client: ApiClient,
    v2_client: ApiClient,
    version: str,
    api_class: type,
    op: Operation,
    name: str,
) -> None:
    param = next(p for p in op.params if p.name == name)
    host, needed = (client, "Airflow 3") if version == "v1" else (v2_client, "Airflow 2")
    with pytest.raises(sdk.ApiValueError, match=f"{name}.*needs {needed}"):
        call(api_class, host, op, {**required_args(op), name: valid(param.type)})
    assert server.requests == []


AIRFLOW_3_ONLY_OPERATIONS = [(c, op) for c, op in OPERATIONS if not op.v1]


@pytest.mark.parametrize(
    ("api_class", "op"), AIRFLOW_3_ONLY_OPERATIONS, ids=[op.id for _, op in AIRFLOW_3_ONLY_OPERATIONS]
)
def test_an_airflow_3_operation_is_refused_by_an_airflow_2_host(
    server: RecordingServer, client: ApiClient, api_class: type, op: Operation
) -> None:
    with pytest.raises(sdk.UnsupportedOperationError, match=f"{op.id}.*needs Airflow 3"):
        call(api_class, client, op, required_args(op))
    assert server.requests == []


def test_the_declarations_read_the_generation_markers() -> None:
    """A parameter defaulting to AIRFLOW_3_ONLY is declared Airflow-3-only, and shows so in help()."""
    from airflow_python_sdk.operation import AIRFLOW_3_ONLY

    def probe(self: Any, run_type: list[str] | None = AIRFLOW_3_ONLY, limit: int | None = None) -> None: ...

    params, _ = signature_params(probe)
    assert [(p.name, p.only) for p in params] == [("run_type", "v2"), ("limit", None)]
    assert repr(AIRFLOW_3_ONLY) == "<Airflow 3 only>"


def test_a_method_called_on_the_wrong_api_class_names_the_class_that_has_it() -> None:
    from airflow_python_sdk import ApiClient, Configuration
    from airflow_python_sdk.api.dag_run_api import DAGRunApi
    from airflow_python_sdk.api.task_instance_api import TaskInstanceApi

    with ApiClient(Configuration(host="http://127.0.0.1:1/api/v1")) as client:
        with pytest.raises(AttributeError) as elsewhere:
            TaskInstanceApi(client).post_clear_task_instances  # noqa: B018 - the look-up is the point
        assert "DAGApi" in str(elsewhere.value) and "airflow_python_sdk.api.dag_api import DAGApi" in str(
            elsewhere.value
        )
        with pytest.raises(AttributeError, match="did you mean 'get_dag_run'"):
            DAGRunApi(client).get_dag_runz  # noqa: B018
        assert not hasattr(DAGRunApi(client), "__deepcopy__")  # private names stay plain AttributeErrors


def test_a_call_missing_its_body_model_names_the_model_to_pass(server: RecordingServer) -> None:
    from airflow_python_sdk import ApiClient, Configuration
    from airflow_python_sdk.api.dag_run_api import DAGRunApi

    with ApiClient(Configuration(host=server.url + "/api/v1")) as client:
        api = DAGRunApi(client)
        with pytest.raises(TypeError, match=r"takes its body as set_dag_run_note=SetDagRunNote\(...\); note: a field"):
            api.set_dag_run_note("d", "r", note="x")  # type: ignore[call-arg]
        with pytest.raises(sdk.ApiTypeError):  # a TypeError raised inside the call is left as it is
            api.set_dag_run_note("d", "r", 42)  # type: ignore[arg-type]
    assert server.requests == []
