"""Every path parameter stays one path segment: ``.`` and ``..`` (valid run ids, variable keys and XCom keys
under Airflow's default patterns) are sent as ``%2E`` and ``%2E%2E``, never as dot segments that a client,
proxy or server resolves to the parent path; on both generations, for every operation with a path parameter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import get_args

import pytest

from airflow_python_sdk import ApiClient, Configuration, OpenApiException, apis
from airflow_python_sdk.operation import Api, Operation

from recording_server import RecordingServer, Reply


def _cases() -> Iterator[tuple[str, Operation, str]]:
    classes = [c for c in vars(apis).values() if isinstance(c, type) and issubclass(c, Api) and c is not Api]
    for cls in classes:
        for op in cls.operations():
            path_params = [p for p in op.params if p.where == "path"]
            if not all(p.type is str or str in get_args(p.type) for p in path_params):
                continue  # an id typed int (an asset alias's) cannot be "."
            needs_body = op.body is not None and op.body.required
            if not path_params or needs_body or any(p.required and p.where != "path" for p in op.params):
                continue
            for api in ("v1", "v2"):
                if (op.v1 if api == "v1" else op.v2 is not None) and not (op.v2 and op.v2.resolve and api == "v2"):
                    yield api, op, cls.__name__


CASES = list(_cases())


def test_the_cases_cover_both_generations_and_many_operations() -> None:
    assert sum(api == "v1" for api, _, _ in CASES) >= 37 and sum(api == "v2" for api, _, _ in CASES) >= 42


@pytest.mark.parametrize(("api", "op", "cls"), CASES, ids=[f"{a}-{c}.{o.id}" for a, o, c in CASES])
@pytest.mark.parametrize("dots", [".", ".."])
def test_a_dot_id_is_one_segment(server: RecordingServer, api: str, op: Operation, cls: str, dots: str) -> None:
    server.default = Reply(json={})
    config = Configuration(host=f"{server.url}/api/{api}", username="u", password="p", retries=0,
                           airflow_version="2.11.2" if api == "v1" else "3.3.2")  # fmt: skip
    if api == "v2":
        server.reply(Reply(status=201, json={"access_token": "t"}))
    with ApiClient(config) as client:
        method = getattr(getattr(apis, cls)(client), op.id)
        args = {p.name: dots for p in op.params if p.where == "path"}
        try:
            method(**args)
        except OpenApiException:
            pass  # the answer ({}) need not be readable: what was sent is the point
    sent = [r for r in server.requests if r.path != "/auth/token"][0]
    form = op.v2 if api == "v2" else None
    template = (form.root or f"/api/{api}") + (form.path or op.path) if form else f"/api/{api}{op.path}"
    segments = sent.raw_path.split("?")[0].split("/")
    assert len(segments) == len(template.split("/")), sent.raw_path
    assert "/./" not in sent.raw_path + "/" and "/../" not in sent.raw_path + "/"
    assert dots.replace(".", "%2E") in segments or not re.search(r"{\w+}", template)
