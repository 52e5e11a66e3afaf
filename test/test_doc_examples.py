"""Every example of the API docs runs as written, against a local server that answers 404 to everything.

Each ``docs/*Api.md`` example is executed with only its host pointed at a recording server. An example
whose arguments the SDK accepts sends its request and gets the 404 back as a ``NotFoundException``, which
its ``except`` prints; one the SDK refuses (``ApiValueError``, ``ApiTypeError``,
``UnsupportedOperationError``) sends nothing. The server answers only what the SDK itself asks before an
Airflow 3 example's request, so that the request is sent: the login (``POST /auth/token``, as the examples
give a username) and the look-up of an asset's id by its URI.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import pathlib
import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import apis
from airflow_python_sdk.auth import TOKEN_PATH
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.operation import Operation

from recording_server import Recorded, RecordingServer, Reply

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"
LOCALHOST = "http://localhost"


def _examples() -> list[tuple[str, str]]:
    """``(Api.method, code)`` of each example block of the API docs."""
    found = []
    for page in sorted(DOCS.glob("*Api.md")):
        sections = re.split(r"^# \*\*(\w+)\*\*$", page.read_text(), flags=re.MULTILINE)[1:]
        for name, body in zip(sections[::2], sections[1::2], strict=True):
            block = re.search(r"```python\n(.*?)```", body, re.DOTALL)
            assert block, f"{page.stem}.{name} has no example"
            found.append((f"{page.stem}.{name}", block[1]))
    return found


EXAMPLES = _examples()


def _operations(cls: type, func: Any) -> list[Operation]:
    """The operations a method sends: its own, or (a composite method's) those it calls."""
    if isinstance(getattr(func, "operation", None), Operation):
        return [func.operation]
    return list(cls.operations())  # a composite method (a wait, a log followed) sends some of its class's


def _route(op: Operation, api_version: str) -> tuple[str, re.Pattern[str]]:
    """The HTTP method and a pattern of the path ``op`` is sent to on ``api_version``."""
    form = op.v2 if api_version == "v2" else None
    if form is None:
        method, path, suffix = op.method, "/api/v1" + op.path, ""
    else:
        method = form.method or op.method
        path = (form.root or "/api/v2") + (form.path or op.path)
        suffix = re.escape(form.dry_run or "")
    pattern = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path))
    return method, re.compile(f"{pattern}(?:{suffix})?")


def _answer(request: Recorded) -> Reply:
    """404 to everything, but what the SDK asks itself before an Airflow 3 call: a login, an asset's id."""
    if request.method == "POST" and request.path == TOKEN_PATH:
        return Reply(201, json={"access_token": "token"})
    uri = dict(request.query).get("uri_pattern")
    if request.method == "GET" and request.path == "/api/v2/assets" and uri:
        return Reply(json={"assets": [{"id": 1, "uri": uri, "name": uri}], "total_entries": 1})
    return Reply(404, json={"detail": "not found"})


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    with RecordingServer(respond=_answer) as recording:
        yield recording


def test_every_api_page_has_examples() -> None:
    pages = {name.split(".")[0] for name, _ in EXAMPLES}
    assert pages == {name for name in apis.__all__ if name.endswith("Api")}
    assert len(EXAMPLES) >= 100


@pytest.mark.parametrize(("name", "code"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_the_example_sends_its_request(name: str, code: str, server: RecordingServer) -> None:
    api, method = name.split(".")
    cls = getattr(apis, api)
    func = getattr(cls, method)
    hosts = re.findall(r'host="http://localhost(/api/v[12])"', code)
    assert len(hosts) == 1, "an example names one host, of one API generation"
    api_version = hosts[0][-2:]
    caught: list[BaseException | None] = []
    printed = io.StringIO()

    def recording_print(*args: Any, **kwargs: Any) -> None:
        caught.append(sys.exc_info()[1])  # inside the example's ``except``: the exception it caught
        print(*args, **kwargs, file=printed)

    server.requests.clear()
    namespace: dict[str, Any] = {"print": recording_print}
    with contextlib.redirect_stdout(printed):
        try:
            exec(compile(code.replace(LOCALHOST, server.url), name, "exec"), namespace)
        except Exception as exc:  # the example's own ``except`` let it through
            pytest.fail(f"the example raised {exc!r}")
    assert len(caught) == 1, f"the example printed {len(caught)} times, not once from its except:\n{printed.getvalue()}"
    error = caught[0]
    assert isinstance(error, sdk.NotFoundException), f"expected the server's 404, got {error!r}"
    assert error.status == 404 and error.detail == "not found"
    assert printed.getvalue().startswith(f"Exception when calling {api}->{method}: (404)")
    routes = [_route(op, api_version) for op in _operations(cls, func)]
    own = [r for r in server.requests if any(r.method == m and p.fullmatch(r.path) for m, p in routes)]
    sent = [f"{r.method} {r.path}" for r in server.requests]
    assert own, f"the example's own request was not sent; the server got {sent}"
    composite = not isinstance(getattr(func, "operation", None), Operation)
    _check_bodies(namespace, inspect.signature(func).parameters, own, composite)


def _check_bodies(
    namespace: dict[str, Any], parameters: Mapping[str, inspect.Parameter], own: list[Recorded], composite: bool
) -> None:
    """A body model the example passes sets some field, and its ``update_mask`` names fields the body sets
    (and, but for a composite method, sends)."""
    bodies = [namespace[n] for n in parameters if isinstance(namespace.get(n), Model)]
    for body in bodies:
        assert body.to_dict(), f"{type(body).__name__} is sent empty"
    mask = namespace.get("update_mask") if "update_mask" in parameters else None
    if mask is None:
        return
    assert len(bodies) == 1 and mask, "an update_mask comes with one body, and names fields"
    for key in mask:
        assert key in bodies[0].to_dict(), f"update_mask names {key!r}, which the body does not set"
    if not composite:
        sent = [r.json() for r in own if r.body.startswith(b"{")]
        assert sent and all(key in body for body in sent for key in mask), f"update_mask {mask} is not in {sent}"
