"""For every operation of every API class: wrong input raises before anything is sent.

On an Airflow 3 host the same cases run against each operation's Airflow 3 form: nothing is sent,
not even the login for a token, nor the look-ups some forms make first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import types
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, apis
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.operation import Operation, Param

from recording_server import RecordingServer

OPERATIONS = [(getattr(apis, name), op) for name in apis.__all__ for op in getattr(apis, name).operations()]


def valid(tp: Any) -> Any:
    """A value of type ``tp``."""
    options = [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]
    first = options[0]
    if get_origin(first) is list:
        return [valid(get_args(first)[0])]
    if isinstance(first, type) and issubclass(first, Model):
        return first()
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
            body = _unsendable_body(p)
            if body is not None:
                out.append((api_class, op, f"{p.name}: a set inside", {**base, p.name: body}, sdk.ApiTypeError))
    return out


def _unsendable_body(p: Param) -> Model | None:
    """A body model holding a value JSON cannot carry, where the model has a free-form field."""
    if not (p.where == "body" and isinstance(p.type, type) and issubclass(p.type, Model)):
        return None
    free = next((f for f in p.type._fields.values() if get_origin(f.type) in (Union, types.UnionType)
                 and dict in {get_origin(a) or a for a in get_args(f.type)}), None)  # fmt: skip
    return p.type(**{free.name: {"bad": {1, 2}}}) if free else None


CASES = cases()


def test_every_operation_is_covered() -> None:
    assert len(OPERATIONS) == 89
    assert {op.id for _, op, *_ in CASES} == {op.id for _, op in OPERATIONS}
    print(f"\nbad-input cases: {len(CASES)} over {len(OPERATIONS)} operations")


@pytest.mark.parametrize(
    ("api_class", "op", "what", "args", "error"), CASES, ids=[f"{op.id}-{what}" for _, op, what, *_ in CASES]
)
def test_bad_input_is_refused_before_sending(
    server: RecordingServer, client: ApiClient, api_class: type, op: Operation, what: str, args: dict, error: type
) -> None:
    name = what.split(":")[0]
    with pytest.raises(error) as caught:
        call(api_class, client, op, args)
    assert name in str(caught.value) or (what == "unknown keyword" and "no_such_option" in str(caught.value))
    assert server.requests == []


V2_CASES = [case for case in CASES if case[1].v2 is not None]


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


@pytest.mark.parametrize(("api_class", "op"), OPERATIONS, ids=[op.id for _, op in OPERATIONS])
def test_valid_input_is_sent(server: RecordingServer, client: ApiClient, api_class: type, op: Operation) -> None:
    """The control case: the same arguments, all valid, do reach the server."""
    # the recording server's "{}" may not be what the operation answers; what was sent is checked
    with contextlib.suppress(sdk.OpenApiException):
        call(api_class, client, op, required_args(op))
    assert len(server.requests) == 1 and server.requests[0].method == op.method
