"""Which Airflow release has what: the version data, the client's use of it, and the README's table.

The data (``airflow_python_sdk/versions.py``) is derived from the spec each supported release ships. It is
checked against the committed digest of those specs, the specs the live servers serve, and every other
release's spec at hand (``test/specs/``, the test servers' installed packages). The client's use of it is
shown on a recording server answering ``/version`` as an older release, and on the real servers told an
older version by ``Configuration(airflow_version=...)``: nothing is sent, the error names both versions,
and the version is asked once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import pathlib
import re
import sys
import threading
import time
import types
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

import pytest
import yaml

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration, apis, paginate
from airflow_python_sdk.model_utils import Model, OpenEnum
from airflow_python_sdk.models import DAGRun, ListTaskInstanceForm, Pool
from airflow_python_sdk.operation import Operation
from airflow_python_sdk.versions import QUIRKS, SINCE, SUPPORTED, needs, release

from airflow_server import AirflowServer
from recording_server import Recorded, RecordingServer, Reply

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import version_data  # noqa: E402

from render_docs import compatibility_row, load_spec  # noqa: E402

API_OF = {op.id: (getattr(apis, name), op) for name in apis.__all__ for op in getattr(apis, name).operations()}


def _value(tp: Any) -> Any:
    """A valid value of type ``tp``."""
    options = [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]
    first = options[0]
    if get_origin(first) is list:
        return [_value(get_args(first)[0])]
    if get_origin(first) is dict or first is dict:
        return {"k": "v"}
    if isinstance(first, type) and issubclass(first, OpenEnum):
        return next(iter(first))
    if isinstance(first, type) and issubclass(first, Model):
        return first()
    return {int: 1, float: 1.5, bool: True, dt.datetime: dt.datetime(2024, 1, 1), dt.date: dt.date(2024, 1, 1)}.get(
        first, "x"
    )


def _holding(tp: Any, path: list[str]) -> Any:
    """A value of type ``tp`` holding the key at ``path`` (``["actions[]", "update_mask"]``: a key of an object
    in the list under ``actions``), built of the models ``tp`` names, or of dicts where it takes them."""
    if not path:
        return _value(tp)
    step, key = path[0], path[0].removesuffix("[]")
    for option in get_args(tp) if get_origin(tp) in (Union, types.UnionType) else [tp]:
        if get_origin(option) is list:
            return [_holding(get_args(option)[0], path)]
        if isinstance(option, type) and issubclass(option, Model):
            field = next((f for f in option._fields.values() if f.key == key), None)
            if field is not None:
                inner = field.type if step == key else get_args(_without_none(field.type))[0]
                value = _holding(inner, path[1:])
                return option(**{field.name: value if step == key else [value]})
        elif option is dict or get_origin(option) is dict:
            value = _holding(dict, path[1:]) if len(path) > 1 else "x"
            return {key: value if step == key else [value]}
    raise AssertionError(f"no option of {tp} holds {'.'.join(path)}")


def _without_none(tp: Any) -> Any:
    options = [a for a in get_args(tp) if a is not type(None)]
    return options[0] if get_origin(tp) in (Union, types.UnionType) and len(options) == 1 else tp


def _keys_in(value: Any, prefix: str = "") -> set[str]:
    """Every key of the objects in JSON ``value``, as a path: ``"actions[].update_mask"``."""
    if isinstance(value, list):
        return set().union(*(_keys_in(v, prefix.removesuffix(".") + "[].") for v in value))
    if not isinstance(value, dict):
        return set()
    return {prefix + k for k in value} | set().union(*(_keys_in(v, f"{prefix}{k}.") for k, v in value.items()))


def _args_using(op: Operation, api: str, key: str) -> dict[str, Any]:
    """Arguments for ``op``: its required parameters, a body with every field every release of ``api`` takes,
    and ``key`` (a query parameter or body key, as sent to ``api``; a key inside the body's objects as a path)
    given."""
    args = {p.name: _value(p.type) for p in op.params if p.required}
    if "." in key:
        assert op.body is not None, (op.id, key)
        return {**args, op.body.name: _holding(op.body.type, key.split("."))}
    rename = op.v2.rename if api == "v2" and op.v2 is not None else {}
    body = op.body
    fields: dict[str, Any] = {}
    if body is not None and isinstance(body.type, type) and issubclass(body.type, Model):
        other = "v1_only" if api == "v2" else "v2_only"
        limited = SINCE[api].get(op.id, {})
        fields = {f.name: _value(f.type) for f in body.type._fields.values() if not f.read_only
                  and not getattr(f, other) and rename.get(f.key, f.key) not in limited}  # fmt: skip
        args[body.name] = body.type(**fields)
    if not key:
        return args
    for p in op.params:
        if p.where == "query" and rename.get(p.name, p.name) == key:
            return {**args, p.name: _value(p.type)}
    assert body is not None and issubclass(body.type, Model), (op.id, key)
    field = next(f for f in body.type._fields.values() if rename.get(f.key, f.key) == key)
    return {**args, body.name: body.type(**{**fields, field.name: _value(field.type)})}


def _call(op: Operation, client: ApiClient, args: dict[str, Any]) -> None:
    """Call ``op``; what the recording server's answers make of it past the version check does not matter."""
    api_class, _ = API_OF[op.id]
    try:
        getattr(api_class(client), op.id)(**args)
    except sdk.UnsupportedOperationError:
        raise
    except sdk.OpenApiException:
        pass


@contextlib.contextmanager
def _serving(version: str, api: str, **settings: Any) -> Iterator[tuple[RecordingServer, ApiClient]]:
    """A recording server answering ``/version`` with ``{"version": version}``, the look-up of an asset by its URI
    that some Airflow 3 forms make with an asset of URI "x", and every other request with ``{}``; a client of it."""

    def answer(request: Recorded) -> Reply:
        if request.path.endswith("/version"):
            return Reply(json={"version": version, "git_version": None})
        if request.path.endswith("/assets"):
            return Reply(json={"assets": [{"id": 1, "uri": "x", "name": "x"}], "total_entries": 1})
        return Reply(json={})

    with RecordingServer(respond=answer) as server:
        configuration = Configuration(host=f"{server.url}/api/{api}", access_token="t", retries=0, **settings)
        with ApiClient(configuration) as client:
            yield server, client


def _paths(server: RecordingServer) -> list[str]:
    return [f"{r.method} {r.path}" for r in server.requests]


def _sent(requests: list[Recorded], key: str) -> bool:
    """Whether some request carried ``key`` as a query parameter or a body key (a path for one inside)."""
    return any(key in dict(r.query) or (r.body.startswith(b"{") and key in _keys_in(r.json())) for r in requests)


def _around(api: str, since: str) -> tuple[str, str]:
    """The newest supported release before ``since``, and the one of ``since``."""
    releases = SUPPORTED[api]
    before = [v for v in releases if release(v) < release(since)]  # type: ignore[operator]
    return before[-1], next(v for v in releases if release(v) == release(since))


CASES = [(api, op_id, key, first) for api, ops in SINCE.items() for op_id, entry in ops.items()
         for key, first in entry.items()]  # fmt: skip


# --- the client: refused before sending, by the server's release --------------------------------------


@pytest.mark.parametrize(("api", "op_id", "key", "since"), CASES, ids=[f"{a}-{o}-{k or 'op'}" for a, o, k, _ in CASES])
def test_what_a_release_lacks_is_refused_naming_both_versions(api: str, op_id: str, key: str, since: str) -> None:
    """Every entry of the data: on the release before, one /version request and a refusal naming both
    versions; asked again, nothing at all; on the release that added it, the call goes out with it."""
    _, op = API_OF[op_id]
    before, at = _around(api, since)
    args = _args_using(op, api, key)
    with _serving(before, api) as (server, client):
        with pytest.raises(sdk.UnsupportedOperationError) as caught:
            _call(op, client, args)
        assert _paths(server) == [f"GET /api/{api}/version"]
        error = caught.value
        assert (error.needs, error.airflow_version) == (since, before)
        assert f"Airflow {since} or later" in str(error) and f"Airflow {before}," in str(error)
        assert (key in str(error)) if key else "is not in" in str(error)
        with pytest.raises(sdk.UnsupportedOperationError):
            _call(op, client, args)
        assert len(server.requests) == 1  # the version is asked once
    with _serving(at, api) as (server, client):
        _call(op, client, args)
        assert _paths(server)[0] == f"GET /api/{api}/version" and len(server.requests) >= 2
        if key:
            assert _sent(server.requests[1:], key)


def test_a_call_using_what_every_release_has_asks_no_version() -> None:
    with _serving("2.7.3", "v1") as (server, client):
        apis.DAGRunApi(client).get_dag_runs("~", limit=5, state=["failed"])
        apis.DAGApi(client).get_dags(limit=1)  # get_dags(fields=) is 2.9's: not used here
        assert _paths(server) == ["GET /api/v1/dags/~/dagRuns", "GET /api/v1/dags"]


def test_the_version_is_asked_once_by_many_threads() -> None:
    with _serving("2.10.5", "v1") as (server, client):
        api, start, errors = apis.DagStatsApi(client), threading.Barrier(16), []

        def work() -> None:
            start.wait()
            try:
                for _ in range(10):
                    api.get_dag_stats(dag_ids=["d"])
            except Exception as exc:  # collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert _paths(server).count("GET /api/v1/version") == 1 and len(server.requests) == 161
        assert client.airflow_version == "2.10.5"


def test_a_host_changed_after_the_first_call_is_served_by_its_own_version() -> None:
    with _serving("2.9.3", "v1") as (old, client), _serving("2.10.5", "v1") as (new, _):
        stats = apis.DagStatsApi(client)
        with pytest.raises(sdk.UnsupportedOperationError, match=r"2\.9\.3"):
            stats.get_dag_stats(dag_ids=["d"])
        client.configuration.host = new.url + "/api/v1"
        stats.get_dag_stats(dag_ids=["d"])
        client.configuration.host = old.url + "/api/v1"
        with pytest.raises(sdk.UnsupportedOperationError, match=r"2\.9\.3"):
            stats.get_dag_stats(dag_ids=["d"])
        assert _paths(old) == ["GET /api/v1/version"]
        assert _paths(new) == ["GET /api/v1/version", "GET /api/v1/dagStats"]


def test_a_bare_host_is_completed_before_its_version_is_asked() -> None:
    with RecordingServer(default=Reply(json={"version": "3.0.6"})) as server:
        with (
            ApiClient(Configuration(host=server.url, access_token="t", retries=0)) as client,
            pytest.raises(sdk.UnsupportedOperationError, match=r"3\.1 or later"),
        ):
            apis.HITLDetailApi(client).get_hitl_details()
        assert _paths(server) == ["GET /api/v2/monitor/health", "GET /api/v2/version"]


def test_a_configured_version_spares_the_request() -> None:
    with _serving("2.11.2", "v1", airflow_version="2.9.3") as (server, client):
        with pytest.raises(sdk.UnsupportedOperationError, match=r"Airflow 2\.9\.3,") as caught:
            apis.DagStatsApi(client).get_dag_stats(dag_ids=["d"])
        assert caught.value.airflow_version == "2.9.3" and server.requests == []
        client.configuration.airflow_version = "2.10.0"
        apis.DagStatsApi(client).get_dag_stats(dag_ids=["d"])
        assert _paths(server) == ["GET /api/v1/dagStats"]


@pytest.mark.parametrize(("api", "version"), [("v2", "2.9.3"), ("v1", "3.0.6")])
def test_a_configured_version_of_the_other_generation_is_refused(api: str, version: str) -> None:
    with _serving(version, api, airflow_version=version) as (server, client):
        hitl, stats = apis.HITLDetailApi(client), apis.DagStatsApi(client)
        with pytest.raises(sdk.ApiValueError, match="airflow_version"):
            hitl.get_hitl_details() if api == "v2" else stats.get_dag_stats(["d"])
        assert server.requests == []


@pytest.mark.parametrize("text", ["latest", "2", "two.nine"])
def test_a_configured_version_must_be_a_version(text: str) -> None:
    with pytest.raises(sdk.ApiValueError, match="airflow_version"):
        Configuration(airflow_version=text)


def test_an_unreadable_server_version_refuses_nothing() -> None:
    with _serving("main", "v1") as (server, client):
        apis.DagStatsApi(client).get_dag_stats(dag_ids=["d"])
        assert _paths(server) == ["GET /api/v1/version", "GET /api/v1/dagStats"]


@pytest.mark.parametrize(
    "reply", [Reply(status=404, json={"detail": "Not Found"}), Reply(json={"status": "ok"})], ids=["404", "no-version"]
)
def test_a_server_that_does_not_tell_its_version_refuses_nothing_and_is_asked_once(reply: Reply) -> None:
    with RecordingServer(default=Reply(json={"dag_ids": [], "total_entries": 0})) as server:
        server.reply(reply)  # the first request is the version's
        configuration = Configuration(host=f"{server.url}/api/v1", access_token="t", retries=0)
        with ApiClient(configuration) as client:
            for _ in range(2):
                apis.DagStatsApi(client).get_dag_stats(dag_ids=["d"])
            assert client.airflow_version == ""
        assert _paths(server) == ["GET /api/v1/version", "GET /api/v1/dagStats", "GET /api/v1/dagStats"]


# --- a 404: a missing resource, or a route the server lacks ------------------------------------------

FLASK_NO_ROUTE = {
    "detail": "The requested URL was not found on the server. If you entered the URL manually please check your "
    "spelling and try again.",
    "status": 404,
    "title": "Not Found",
    "type": "about:blank",
}


def test_a_404_is_not_found_only_when_a_resource_is_missing(server: RecordingServer) -> None:
    """Told a newer version than it runs, a server answers Flask's no-route 404 for an operation some
    releases lack: that says the operation is missing. A missing DAG is a NotFoundException, and so is a
    no-route 404 for an operation every release has (a path parameter holding ``/`` breaks its path)."""
    configuration = Configuration(host=server.url + "/api/v1", airflow_version="2.10.5", retries=0)
    with ApiClient(configuration) as client:
        server.reply(Reply(status=404, json=FLASK_NO_ROUTE, headers={"Content-Type": "application/problem+json"}))
        with pytest.raises(sdk.UnsupportedOperationError, match=r"needs Airflow 2\.10 or later"):
            apis.TaskInstanceApi(client).get_task_instance_tries("d", "r", "t")
        server.reply(Reply(status=404, json={"title": "DAG not found", "detail": "DAG with dag_id: 'd' not found"}))
        with pytest.raises(sdk.NotFoundException):
            apis.TaskInstanceApi(client).get_task_instance_tries("d", "r", "t")
        server.reply(Reply(status=404, json=FLASK_NO_ROUTE, headers={"Content-Type": "application/problem+json"}))
        with pytest.raises(sdk.NotFoundException):
            apis.PoolApi(client).get_pool("a/b")


def test_users_on_an_airflow_3_answering_no_route_say_which_auth_manager(server: RecordingServer) -> None:
    """An Airflow 3 without the FAB auth manager may answer /auth/fab/v1/... with Starlette's 404."""
    with ApiClient(Configuration(host=server.url + "/api/v2", access_token="t", retries=0)) as client:
        server.reply(Reply(status=404, json={"detail": "Not Found"}))
        with pytest.raises(sdk.UnsupportedOperationError, match="FAB auth manager"):
            apis.UserApi(client).get_users()
        server.reply(Reply(status=404, json={"detail": "The User with username `u` was not found"}))
        with pytest.raises(sdk.NotFoundException):
            apis.UserApi(client).get_user("u")


# --- quirks, handled where they are the server's --------------------------------------------------------


@pytest.mark.parametrize(("version", "masked"), [("3.0.6", True), ("3.1.8", False), ("3.3.2", False)])
def test_a_pool_patch_without_a_mask_works_on_3_0(version: str, masked: bool) -> None:
    """3.0 refuses a patch without update_mask that has no description; the fields given become the mask."""
    with _serving(version, "v2") as (server, client):
        apis.PoolApi(client).patch_pool("p", Pool(name="p", slots=3))
        patch = server.requests[-1]
        assert patch.json() == {"pool": "p", "slots": 3, "include_deferred": False}
        expected = [("update_mask", "name"), ("update_mask", "slots"), ("update_mask", "include_deferred")]
        assert patch.query == (expected if masked else [])
        apis.PoolApi(client).patch_pool("p", Pool(name="p", slots=3, description="d"))
        apis.PoolApi(client).patch_pool("p", Pool(name="p", slots=4), update_mask=["slots"])
        assert [r.query for r in server.requests[-2:]] == [[], [("update_mask", "slots")]]
        assert _paths(server).count("GET /api/v2/version") == 1
    assert QUIRKS["pool_patch_needs_description"].op == "patch_pool"


def test_a_pool_patch_with_a_description_or_mask_asks_no_version() -> None:
    with _serving("3.0.6", "v2") as (server, client):
        apis.PoolApi(client).patch_pool("p", Pool(name="p", slots=3, description=None))
        apis.PoolApi(client).patch_pool("p", Pool(name="p", slots=3), update_mask=["slots"])
        assert _paths(server) == ["PATCH /api/v2/pools/p"] * 2


TIS = [{"task_id": f"t{i}", "dag_id": "d", "dag_run_id": "r"} for i in range(7)]


def test_paginate_takes_2_7_to_2_9s_task_instance_batch_in_one_call() -> None:
    """2.7-2.9 ignore the batch form's page and answer every match: one request, every item once."""
    with RecordingServer() as server, ApiClient(Configuration(host=server.url + "/api/v1", retries=0)) as client:
        server.reply(Reply(json={"version": "2.9.3"}), Reply(json={"task_instances": TIS, "total_entries": 7}))
        api = apis.TaskInstanceApi(client)
        walked = [ti.task_id for ti in paginate(api.get_task_instances_batch, ListTaskInstanceForm(), page_size=2)]
        assert walked == [t["task_id"] for t in TIS]
        assert _paths(server) == ["GET /api/v1/version", "POST /api/v1/dags/~/dagRuns/~/taskInstances/list"]
        assert server.requests[1].json() == {}
        with pytest.raises(sdk.UnsupportedOperationError, match="page_offset"):  # resuming needs a page
            list(paginate(api.get_task_instances_batch, ListTaskInstanceForm(page_offset=2)))


def test_paginate_pages_the_task_instance_batch_from_2_10() -> None:
    with RecordingServer() as server, ApiClient(Configuration(host=server.url + "/api/v1", retries=0)) as client:
        pages = [Reply(json={"task_instances": TIS[i : i + 3], "total_entries": 7}) for i in (0, 3, 6)]
        server.reply(Reply(json={"version": "2.10.5"}), *pages)
        api = apis.TaskInstanceApi(client)
        walked = paginate(api.get_task_instances_batch, ListTaskInstanceForm(), page_size=3)
        assert [ti.task_id for ti in walked] == [t["task_id"] for t in TIS]
        assert [r.json() for r in server.requests[1:]] == [{"page_limit": 3, "page_offset": o} for o in (0, 3, 6)]


@pytest.mark.parametrize(("version", "cursor"), [("3.0.6", False), ("3.1.8", False), ("3.2.2", True)])
def test_paginate_walks_by_cursor_only_where_the_release_has_cursors(version: str, cursor: bool) -> None:
    runs = [{"dag_id": "d", "dag_run_id": f"r{i}"} for i in range(3)]
    configuration = Configuration(access_token="t", retries=0)
    with RecordingServer() as server, ApiClient(configuration) as client:
        configuration.host = server.url + "/api/v2"
        server.reply(Reply(json={"version": version}), Reply(json={"dag_runs": runs, "total_entries": 3}))
        walked = paginate(apis.DAGRunApi(client).get_dag_runs, "d", page_size=5)
        assert server.requests == []  # nothing is asked before the first item, not even the version
        assert [r.dag_run_id for r in walked] == ["r0", "r1", "r2"]
    query = dict(server.requests[1].query)
    assert ("cursor" in query, "offset" in query) == (cursor, not cursor)


# --- the real servers -----------------------------------------------------------------------------------


def _access_log_has(server: AirflowServer, text: str, after: int, timeout: float = 15) -> str:
    """The server log written since offset ``after``, once ``text`` is in it (the access log lags the answer)."""
    deadline = time.monotonic() + timeout
    while True:
        written = server.server_log.read_text(errors="replace")[after:]
        if text in written or time.monotonic() > deadline:
            return written
        time.sleep(0.2)


REFUSED = {  # on a real server told it is the oldest release of its generation: an operation, then a parameter
    "v1": (("get_task_instance_tries", "dag_id", "2.10"), ("get_dags", "fields", "2.9")),
    "v2": (("favorite_dag", "dag_id", "3.1"), ("get_dags", "is_favorite", "3.1")),
}


@pytest.mark.parametrize("which", ["airflow2", "airflow3"])
def test_a_real_server_told_an_older_version_gets_nothing_it_lacks(request: pytest.FixtureRequest, which: str) -> None:
    """Configuration(airflow_version=...) refuses without a request: the server's access log never shows
    the refused calls' marker, while a later call's marker arrives."""
    server: AirflowServer = request.getfixturevalue("airflow" if which == "airflow2" else "airflow3")
    api, oldest = server.api_version, SUPPORTED[server.api_version][0]
    marker, control = f"refused-{uuid.uuid4().hex[:8]}", f"control-{uuid.uuid4().hex[:8]}"
    seen = len(server.server_log.read_text(errors="replace"))
    configuration = Configuration(host=server.api_url, username="admin", password="admin", airflow_version=oldest)
    with ApiClient(configuration) as client:
        (op_id, path_param, op_since), (param_op, param, param_since) = REFUSED[api]
        _, op = API_OF[op_id]
        args = {**_args_using(op, api, ""), path_param: marker}
        with pytest.raises(sdk.UnsupportedOperationError, match=f"{op_since} or later") as caught:
            getattr(API_OF[op_id][0](client), op_id)(**args)
        assert caught.value.airflow_version == oldest
        param_args = {**_args_using(API_OF[param_op][1], api, param), "dag_id_pattern": marker}
        with pytest.raises(sdk.UnsupportedOperationError, match=param) as caught:
            _call(API_OF[param_op][1], client, param_args)
        assert caught.value.needs == param_since
        with pytest.raises(sdk.NotFoundException):
            apis.DAGApi(client).get_dag(control)
    written = _access_log_has(server, control, seen)
    assert control in written and marker not in written


@pytest.mark.parametrize("which", ["airflow2", "airflow3"])
def test_a_real_server_is_asked_its_version_once(request: pytest.FixtureRequest, which: str) -> None:
    server: AirflowServer = request.getfixturevalue("airflow" if which == "airflow2" else "airflow3")
    api = server.api_version
    control = f"control-{uuid.uuid4().hex[:8]}"
    seen = len(server.server_log.read_text(errors="replace"))
    with ApiClient(Configuration(host=server.api_url, username="admin", password="admin")) as client:
        dags = apis.DAGApi(client)
        for _ in range(3):  # a parameter not every release has: the version is needed, and asked once
            dags.get_dags(limit=1, **({"fields": ["dag_id"]} if api == "v1" else {"is_favorite": False}))
        assert client.airflow_version == server.version
        with pytest.raises(sdk.NotFoundException):
            dags.get_dag(control)
    written = _access_log_has(server, control, seen)
    assert len(re.findall(rf"/api/{api}/version\b", written)) == 1, written[-3000:]


def test_a_real_3_pool_patch_without_a_mask_as_3_0_sends_it(airflow3: AirflowServer) -> None:
    """The 3.0 form (the fields given as the mask) on a real Airflow 3: slots change, the description stays."""
    configuration = Configuration(host=airflow3.api_url, username="admin", password="admin", airflow_version="3.0.6")
    name = f"sdk-quirk-{uuid.uuid4().hex[:6]}"
    with ApiClient(configuration) as client:
        pools = apis.PoolApi(client)
        pools.post_pool(Pool(name=name, slots=1, description="kept"))
        try:
            changed = pools.patch_pool(name, Pool(name=name, slots=5))
            assert (changed.slots, pools.get_pool(name).description) == (5, "kept")
        finally:
            pools.delete_pool(name)


def test_a_real_2_with_a_configured_2_9_gets_its_batch_in_one_call(airflow: AirflowServer, run_id: Any) -> None:
    """The batch walk of 2.7-2.9 (one call, no page in the form) answers the same items as paging does."""
    configuration = Configuration(host=airflow.api_url, username="admin", password="admin")
    old = Configuration(host=airflow.api_url, username="admin", password="admin", airflow_version="2.9.3")
    with ApiClient(configuration) as client, ApiClient(old) as old_client:
        rid = run_id()
        apis.DAGRunApi(client).post_dag_run("sdk_example", DAGRun(dag_run_id=rid))
        try:
            form = ListTaskInstanceForm(dag_ids=["sdk_example"], dag_run_ids=[rid])
            batch, old_batch = apis.TaskInstanceApi(client), apis.TaskInstanceApi(old_client)
            paged = [t.task_id for t in paginate(batch.get_task_instances_batch, form, page_size=1)]
            whole = [t.task_id for t in paginate(old_batch.get_task_instances_batch, form)]
            assert sorted(paged) == sorted(whole) and len(whole) >= 1
        finally:
            apis.DAGRunApi(client).delete_dag_run("sdk_example", rid)


# --- the data, against the specs ------------------------------------------------------------------------


def _newest(api: str) -> dict[str, set[str]]:
    return version_data.spec_routes(api, load_spec(api))


def test_the_data_is_what_the_committed_spec_digest_says() -> None:
    """tools/version_data.py --check: the table derives from the digest (and the newest specs) as committed."""
    digest = json.loads(version_data.DIGEST.read_text())
    assert version_data.derive(digest, {api: _newest(api) for api in SUPPORTED}) == SINCE
    assert version_data.main(["--check"]) == 0


def _check_release(api: str, version: str, spec: dict[str, Any]) -> None:
    """A release's own spec lacks exactly what the data says, and its README row says so."""
    routes = version_data.spec_routes(api, spec)
    from_spec = version_data.lacking_in_spec(api, routes, _newest(api))
    assert from_spec == version_data.lacking(SINCE[api], version)
    assert compatibility_row(api, version, from_spec) in (ROOT / "README.md").read_text()
    digest = json.loads(version_data.DIGEST.read_text())[api]
    for route, keys in digest.items():  # and the digest's word on this release holds for its spec
        route_span = keys.get("", f"{SUPPORTED[api][0]}+")
        for key, span in keys.items():
            has = version in version_data._releases(span, SUPPORTED[api])
            has_route = version in version_data._releases(route_span, SUPPORTED[api])
            assert (route in routes and key in routes[route]) == (has and has_route), (route, key, span)


def _specs_at_hand() -> list[tuple[str, str, pathlib.Path]]:
    """(API, version, spec file) of every release's spec the harness has: the reference copies, test/specs/,
    and the packages of the test servers installed under the harness cache."""
    found = {("v1", "2.11.2"): ROOT.parent / "shared" / "reference" / "airflow-2.11.2-v1-openapi.yaml",
             ("v2", "3.3.2"): ROOT.parent / "shared" / "reference" / "airflow-3.3.2-v2-openapi.json"}  # fmt: skip
    for path in sorted((ROOT / "test" / "specs").glob("airflow-*-v[12]-openapi.*")):
        match = re.match(r"airflow-(\d+\.\d+\.\d+)-(v[12])-", path.name)
        if match:
            found[(match[2], match[1])] = path
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache")
    for api, member in (("v1", "airflow/api_connexion/openapi/v1.yaml"),
                        ("v2", "airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml")):  # fmt: skip
        for spec in glob.glob(str(cache / "airflow-python-sdk-tests" / "airflow-*" / "lib" / "python*" /
                                  "site-packages" / member)):  # fmt: skip
            match = re.search(r"airflow-(\d+\.\d+\.\d+)[-/]", spec)
            if match:
                found.setdefault((api, match[1]), pathlib.Path(spec))
    return [(api, v, path) for (api, v), path in sorted(found.items()) if v in SUPPORTED[api]]


@pytest.mark.parametrize(("api", "version", "path"), _specs_at_hand(), ids=lambda x: str(x).rsplit("/", 1)[-1])
def test_the_data_matches_each_release_spec_at_hand(api: str, version: str, path: pathlib.Path) -> None:
    text = path.read_text()
    _check_release(api, version, json.loads(text) if path.suffix == ".json" else yaml.safe_load(text))


@pytest.mark.parametrize("which", ["airflow2", "airflow3"])
def test_the_data_matches_the_spec_each_live_server_serves(request: pytest.FixtureRequest, which: str) -> None:
    server: AirflowServer = request.getfixturevalue("airflow" if which == "airflow2" else "airflow3")
    url = f"{server.api_url}/openapi.yaml" if server.api_version == "v1" else f"{server.base_url}/openapi.json"
    with urllib.request.urlopen(url, timeout=30) as answer:
        spec = yaml.safe_load(answer.read())
    _check_release(server.api_version, server.version, spec)


def test_needs_names_the_release_that_added_a_key() -> None:
    assert needs("v1", "get_dag_stats") == "2.10" and needs("v1", "get_dags", "fields") == "2.9"
    assert needs("v1", "get_dag_runs") is None and needs("v2", "get_dag_runs", "cursor") == "3.2"
    assert release("2.10.5+composer") == (2, 10) and release("main") is None
