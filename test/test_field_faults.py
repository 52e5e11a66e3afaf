"""Faults Airflow users hit in the field, each kind tested beyond the input that was reported.

1. One unreadable value breaks only its own field: printing, converting and listing still work.
2. Credentials and the host are cleaned of the whitespace files add, or refused naming the setting.
3. Two names of one field or filter given different values are refused before sending.
4. (test_bad_input.py) An empty value in a list filter is refused before sending.
5. Any answer turns into JSON-ready data and back with nothing lost.
7. A host without ``/api/v1`` or ``/api/v2`` is completed with the API the server answers on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import types
from typing import Any, Union, get_args, get_origin

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, apis, models
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_run_collection import DAGRunCollection
from airflow_python_sdk.model_utils import Model, OpenEnum, StringModel, Unreadable
from airflow_python_sdk.operation import Operation

from airflow_server import AirflowServer
from recording_server import RecordingServer, Reply

TWO_RUNS = {
    "dag_runs": [
        {"dag_id": "d", "dag_run_id": "old", "conf": [{"job": "1"}, {"job": "2"}], "state": "success"},
        {"dag_id": "d", "dag_run_id": "new", "conf": {"job": "3"}, "state": "failed"},
    ],
    "total_entries": 2,
}


# --- 1. one unreadable value ---------------------------------------------------------------------


def test_an_array_conf_breaks_only_that_field(client: ApiClient, server: RecordingServer) -> None:
    server.default = Reply(json=TWO_RUNS)
    page = DAGRunApi(client).get_dag_runs("d")
    old = page.dag_runs[0]
    with pytest.raises(sdk.ApiValueError, match="conf"):
        old.conf  # noqa: B018
    assert "conf=<unreadable [{'job': '1'}, {'job': '2'}]>" in repr(old)
    assert "dag_run_id='new'" in str(page)
    assert page.to_dict()["dag_runs"][0]["conf"] == Unreadable([{"job": "1"}, {"job": "2"}])
    assert json.loads(page.to_json())["dag_runs"][0]["conf"] == [{"job": "1"}, {"job": "2"}]  # as sent
    assert page.dag_runs[1].conf == {"job": "3"}


def test_the_cli_lists_both_runs_when_one_conf_is_unreadable(server: RecordingServer) -> None:
    server.default = Reply(json=TWO_RUNS)
    env = {**os.environ, "AIRFLOW_API_URL": server.url + "/api/v1", "AIRFLOW_USERNAME": "u", "AIRFLOW_PASSWORD": "p"}
    for extra in (["--json"], []):
        done = subprocess.run([sys.executable, "-m", "airflow_python_sdk", "dag-runs", "list", "d", *extra],
                              capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "old" in done.stdout and "new" in done.stdout
    assert [run["conf"] for run in json.loads(_json_run(env))] == [[{"job": "1"}, {"job": "2"}], {"job": "3"}]


def _json_run(env: dict[str, str]) -> str:
    return subprocess.run([sys.executable, "-m", "airflow_python_sdk", "dag-runs", "list", "d", "--json"],
                          capture_output=True, text=True, env=env, timeout=60, check=True).stdout  # fmt: skip


def _plain(tp: Any) -> Any:
    options = [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]
    return options[0] if len(options) == 1 else None


def _wrong_value(tp: Any) -> Any:
    """A JSON value a field of type ``tp`` cannot read (None where any value reads)."""
    tp = _plain(tp)
    if tp is None or tp is Any or tp is object:
        return None
    if get_origin(tp) is list:
        return 5
    if get_origin(tp) is dict or tp is dict:
        return [1]
    if tp in (int, float, dt.datetime, dt.date) or (isinstance(tp, type) and issubclass(tp, (Model, bool))):
        return "not that" if tp is not bool else "not a bool"
    if tp is str or (isinstance(tp, type) and issubclass(tp, (OpenEnum, StringModel))):
        return {"not": "text"}
    return None


CASES = [(m, f) for m in (getattr(models, n) for n in models.__all__) if isinstance(m, type) and issubclass(m, Model)
         and "_from_server" not in vars(m)  # one reshaping what it reads (Airflow 2's flat extra links) has its tests
         for f in m._fields.values() if _wrong_value(f.type) is not None]  # fmt: skip


@pytest.mark.parametrize(("model", "field"), CASES, ids=[f"{m.__name__}.{f.name}" for m, f in CASES])
def test_every_field_of_every_model_fails_alone(model: type[Model], field: Any) -> None:
    raw = {field.key: _wrong_value(field.type), "kept": "an unknown key"}
    answer = model._from_server(raw)
    with pytest.raises(sdk.ApiValueError, match=field.name):
        getattr(answer, field.name)
    assert "<unreadable" in repr(answer)
    assert isinstance(answer.to_dict()[field.key], Unreadable)
    assert json.loads(answer.to_json()) == raw  # nothing lost, nothing replaced
    assert model.from_json(answer.to_json()) == answer
    answer._repr_html_()


# --- 2. credentials ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "header", "expected"),
    [
        ({"access_token": "Bearer tok-123"}, "Authorization", "Bearer tok-123"),
        ({"access_token": "bearer  tok-123\n"}, "Authorization", "Bearer tok-123"),
        ({"access_token": "tok-123\r\n"}, "Authorization", "Bearer tok-123"),
        ({"username": "alice\n", "password": "pw \n"}, "Authorization", "Basic YWxpY2U6cHcg"),
        ({"api_key": {"X-Key": " key-1\n"}}, "X-Key", "key-1"),
        ({"api_key": {"X-Key": "k"}, "api_key_prefix": {"X-Key": "Token\n"}}, "X-Key", "Token k"),
    ],
    ids=["bearer-prefix", "bearer-any-case", "crlf-token", "basic-newlines", "api-key", "api-key-prefix"],
)
def test_credentials_from_files_are_cleaned(
    server: RecordingServer, options: dict[str, Any], header: str, expected: str
) -> None:
    server.default = Reply(json={"dag_run_id": "r"})
    with ApiClient(Configuration(host=server.url + "/api/v1\n", retries=0, **options)) as client:
        DAGRunApi(client).get_dag_run("d", "r")
    assert server.requests[0].headers[header] == expected
    assert server.requests[0].path == "/api/v1/dags/d/dagRuns/r"


SECRET = "s3cret-\x01-value"


@pytest.mark.parametrize(
    "options",
    [{"access_token": SECRET}, {"password": SECRET}, {"username": SECRET}, {"api_key": {"X-Key": SECRET}},
     {"api_key": {"X-Key": "k"}, "api_key_prefix": {"X-Key": SECRET}}, {"host": "http://a\n/api/v1"}],  # fmt: skip
    ids=["access_token", "password", "username", "api_key", "api_key_prefix", "host"],
)
def test_a_setting_http_cannot_carry_is_refused_naming_it_never_its_value(
    server: RecordingServer, options: dict[str, Any]
) -> None:
    name = next(iter(options)) if "api_key_prefix" not in options else "api_key_prefix"
    with pytest.raises(sdk.ApiValueError) as caught:
        configuration = Configuration(**{"host": server.url + "/api/v1", **options})
        with ApiClient(configuration) as client:
            DAGRunApi(client).get_dag_run("d", "r")
    assert name in str(caught.value) and SECRET not in str(caught.value) and "s3cret" not in repr(caught.value)
    assert server.requests == []


def test_a_header_given_per_call_is_checked_too(client: ApiClient, server: RecordingServer) -> None:
    with pytest.raises(sdk.ApiValueError, match="X-Trace") as caught:
        DAGRunApi(client).get_dag_run("d", "r", _headers={"X-Trace": "abc\ndef"})
    assert "abc" not in str(caught.value)
    assert server.requests == []


def test_the_environment_is_cleaned_too(server: RecordingServer) -> None:
    server.default = Reply(json={"dag_run_id": "r"})
    env = {"AIRFLOW_API_URL": server.url + "/api/v1\n", "AIRFLOW_API_TOKEN": "Bearer tok-9\n"}
    with ApiClient(Configuration.from_env(env, retries=0)) as client:
        DAGRunApi(client).get_dag_run("d", "r")
    assert server.requests[0].headers["Authorization"] == "Bearer tok-9"
    assert server.requests[0].raw_path == "/api/v1/dags/d/dagRuns/r"


# --- 3. two names of one thing ---------------------------------------------------------------------


def _renamed_pairs() -> list[tuple[type, Operation, str, str, str]]:
    """(API class, operation, where, old name, new name) for every pair both spellings of which can be given."""
    out = []
    for name in apis.__all__:
        for op in getattr(apis, name).operations():
            for old, new in (op.v2.rename.items() if op.v2 else ()):
                names = {p.name for p in op.params}
                if {old, new} <= names:
                    out.append((getattr(apis, name), op, "param", old, new))
                body = op.body.type if op.body else None
                if isinstance(body, type) and issubclass(body, Model) and {old, new} <= body._fields.keys():
                    out.append((getattr(apis, name), op, "body", old, new))
    return out


PAIRS = _renamed_pairs()


def test_the_reported_input_is_among_the_pairs() -> None:
    assert any(op.id == "post_dag_run" and old == "execution_date" for _, op, _, old, _ in PAIRS)


@pytest.mark.parametrize("host_api", ["/api/v1", "/api/v2"])
@pytest.mark.parametrize(("api_class", "op", "where", "old", "new"), PAIRS,
                         ids=[f"{op.id}-{old}" for _, op, _, old, _ in PAIRS])  # fmt: skip
def test_two_names_with_different_values_are_refused(
    server: RecordingServer, host_api: str, api_class: type, op: Operation, where: str, old: str, new: str
) -> None:
    from test_bad_input import required_args, valid

    args = required_args(op)
    kind = next((p.type for p in op.params if p.name == old), None) if where == "param" else None
    first, second = (dt.datetime(2024, 1, 1), dt.datetime(2025, 1, 1)) if kind is None or "date" in old else (
        valid(kind), valid(kind) * 2)  # fmt: skip
    if where == "param":
        args |= {old: first, new: second}
    else:
        args[op.body.name] = op.body.type(**{old: first, new: second})  # type: ignore[union-attr]
    with ApiClient(Configuration(host=server.url + host_api, access_token="t", retries=0)) as client:
        with pytest.raises(sdk.ApiValueError, match=f"{old}.*{new}"):
            getattr(api_class(client), op.id)(**args)
    assert server.requests == []


def test_two_names_with_one_value_are_sent_once(server: RecordingServer) -> None:
    server.default = Reply(json={"dag_run_id": "r1"})
    day = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    with ApiClient(Configuration(host=server.url + "/api/v2", access_token="t", retries=0)) as client:
        DAGRunApi(client).post_dag_run("d", DAGRun(dag_run_id="r1", logical_date=day, execution_date=day))
    assert server.requests[0].json()["logical_date"] == "2025-01-01T00:00:00+00:00"


# --- 5. answers out and back ----------------------------------------------------------------------


def test_an_answer_keeps_every_field_on_its_way_out_and_back(any_client: ApiClient) -> None:
    page = apis.DAGApi(any_client).get_dags(limit=3)
    dag = page.dags[0]
    data = ApiClient.sanitize_for_serialization(dag)
    assert data["dag_id"] == dag.dag_id and "is_paused" in data and "fileloc" in data  # read-only ones kept
    assert json.loads(json.dumps(data)) == data
    again = type(dag).from_json(dag.to_json())
    assert again == dag and again.to_dict() == dag.to_dict()
    walked = list(sdk.paginate(apis.DAGApi(any_client).get_dags, page_size=2))
    text = json.dumps(ApiClient.sanitize_for_serialization(walked))
    assert [type(dag).from_json(item).dag_id for item in json.loads(text)] == [d.dag_id for d in walked]
    assert DAGRunCollection.from_json(DAGRunCollection._from_server(TWO_RUNS).to_json()).total_entries == 2


def test_a_request_body_still_leaves_read_only_fields_out(server: RecordingServer, client: ApiClient) -> None:
    server.default = Reply(json={"dag_run_id": "r"})
    DAGRunApi(client).post_dag_run("d", DAGRun(dag_run_id="r", state="queued", conf={}))
    assert server.requests[0].json() == {"dag_run_id": "r", "conf": {}}


# --- 7. a host without the API's path --------------------------------------------------------------


def test_a_host_without_the_api_path_is_completed(any_airflow: AirflowServer) -> None:
    root = any_airflow.api_url.rsplit("/api/", 1)[0]
    configuration = Configuration(host=root, username="admin", password="admin")
    with ApiClient(configuration) as client:
        runs = DAGRunApi(client).get_dag_runs("~", limit=1)
        assert runs.total_entries is not None
        assert client.api_version == any_airflow.api_url[-2:]
    assert configuration.host == any_airflow.api_url


def test_a_host_answering_neither_api_says_what_to_put_in_it(server: RecordingServer) -> None:
    server.default = Reply(status=404, body=b"<html>not here</html>", headers={"Content-Type": "text/html"})
    with ApiClient(Configuration(host=server.url, retries=0)) as client, pytest.raises(
        sdk.ApiValueError, match="/api/v2 for Airflow 3"
    ):
        DAGRunApi(client).get_dag_run("d", "r")
    assert [r.path for r in server.requests] == ["/api/v2/monitor/health", "/api/v1/health"]


# --- server quirks handled where they are the server's -------------------------------------------


@pytest.mark.parametrize("body", ["", "\n\n"], ids=["nothing", "blank-lines"])
def test_an_empty_log_is_empty_text(client: ApiClient, server: RecordingServer, body: str) -> None:
    """Airflow 2.7 and 2.9 answer a never-run try's log with blank lines; any empty log reads as text."""
    server.default = Reply(body=body, headers={"Content-Type": "text/plain"})
    assert apis.TaskInstanceApi(client).get_log("d", "r", "t", 1) == body


def test_a_json_answer_never_empty(client: ApiClient, server: RecordingServer) -> None:
    server.default = Reply(body="", headers={"Content-Type": "application/json"})
    with pytest.raises(sdk.ApiException, match="empty where data was expected"):
        DAGRunApi(client).get_dag_run("d", "r")


def test_users_on_an_airflow_3_without_the_fab_auth_manager_say_what_they_need(airflow3: AirflowServer) -> None:
    """The simple auth manager's server answers /auth/fab/v1/... with its UI page (200, text/html)."""
    with ApiClient(Configuration(host=airflow3.api_url, username="admin", password="admin")) as client:
        with pytest.raises(sdk.UnsupportedOperationError, match="FAB auth manager"):
            apis.UserApi(client).get_users(limit=1)
        with pytest.raises(sdk.UnsupportedOperationError, match="FAB auth manager"):
            apis.RoleApi(client).get_roles(limit=1)


def test_a_variable_value_mask_works_on_both_servers(any_client: ApiClient, any_airflow: AirflowServer) -> None:
    """Airflow 2 names the value ``val`` in a mask (``value`` gets 400 there); the SDK takes ``value`` on both."""
    api, key = apis.VariableApi(any_client), f"sdk-mask-{any_airflow.api_version}"
    api.post_variables(models.Variable(key=key, value="one", description="kept"))
    try:
        changed = api.patch_variable(key, models.Variable(key=key, value="two"), update_mask=["value"])
        assert (changed.value, api.get_variable(key).description) == ("two", "kept")
    finally:
        api.delete_variable(key)


ENUM_FIELDS = [(m, f) for m in (getattr(models, n) for n in models.__all__) if isinstance(m, type)
               and issubclass(m, Model) for f in m._fields.values() if isinstance(_plain(f.type), type)
               and issubclass(_plain(f.type), OpenEnum)]  # fmt: skip


@pytest.mark.parametrize(("model", "field"), ENUM_FIELDS, ids=[f"{m.__name__}.{f.name}" for m, f in ENUM_FIELDS])
def test_an_unknown_enum_value_is_refused_in_a_request_but_read_from_an_answer(model: type[Model], field: Any) -> None:
    """Open when read (a newer server's state comes back as a value), strict when sent."""
    with pytest.raises(sdk.ApiValueError, match=f"'bogus' is not a {_plain(field.type).__name__}") as caught:
        model(**{field.name: "bogus"})
    assert field.name in str(caught.value)
    known = next(iter(_plain(field.type)))
    assert model(**{field.name: known.value})[field.name] is known
    assert getattr(model._from_server({field.key: "bogus"}), field.name) == "bogus"


def test_an_error_names_the_request_it_answered_without_its_query(client: ApiClient, server: RecordingServer) -> None:
    server.default = Reply(status=404, json={"title": "Not Found", "detail": "no such run"})
    with pytest.raises(sdk.NotFoundException) as caught:
        DAGRunApi(client).get_dag_runs("d", state=["failed"])
    assert caught.value.request == f"GET {server.url}/api/v1/dags/d/dagRuns"
    assert f"Request: GET {server.url}/api/v1/dags/d/dagRuns\n" in str(caught.value)


def test_the_api_version_follows_the_host_when_it_changes(server: RecordingServer) -> None:
    server.default = Reply(json={"dag_runs": [], "total_entries": 0})
    configuration = Configuration(host=server.url + "/api/v1", access_token="t", retries=0, airflow_version="2.11.2")
    with ApiClient(configuration) as client:
        runs = DAGRunApi(client)
        runs.get_dag_runs("d", fields=["dag_run_id"])  # a parameter only Airflow 2 has (from 2.9)
        configuration.host = server.url + "/api/v2"
        assert client.api_version == "v2"
        with pytest.raises(sdk.ApiValueError, match="needs Airflow 2"):
            runs.get_dag_runs("d", fields=["dag_run_id"])
    assert [r.path for r in server.requests] == ["/api/v1/dags/d/dagRuns"]
