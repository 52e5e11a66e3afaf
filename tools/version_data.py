"""Derive ``airflow_python_sdk/versions.py``'s ``SINCE`` table from the spec each supported Airflow release ships.

python tools/version_data.py [--specs DIR]          # read the specs, write tools/spec_digest.json and the table
python tools/version_data.py --check [--specs DIR]  # exit 1 when the committed table (or digest) is stale

The specs come from the releases' wheels, read without running a server: ``apache-airflow==X`` for
Airflow 2 (``airflow/api_connexion/openapi/v1.yaml``), ``apache-airflow-core==X`` for Airflow 3 (the
generated ``airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml``). They are looked for in
``DIR`` (default ``~/.cache/airflow-python-sdk-specs``) and fetched there with ``pip download --no-deps``
when missing. ``--check`` without ``--specs`` reads no spec: it derives the table from the committed
digest, which holds, per route of each API, the routes, query parameters and body keys that not every
supported release has, and which releases have them.

An SDK operation is matched to the spec route it sends exactly (placeholders aside; a literal ``~`` fills
one); its query parameters and writable body keys are looked up under the names it sends them by.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from spec_coverage import sdk_operations, sent_by, spec_operations  # noqa: E402

from airflow_python_sdk.model_utils import Model  # noqa: E402
from airflow_python_sdk.operation import Operation  # noqa: E402
from airflow_python_sdk.versions import SUPPORTED  # noqa: E402

__all__ = ["DIGEST", "Digest", "digest", "derive", "lacking", "lacking_in_spec", "read_spec", "render_table",
           "sdk_keys", "spec_routes", "versioned_operations", "main"]  # fmt: skip

DIGEST = ROOT / "tools" / "spec_digest.json"
TABLE = ROOT / "airflow_python_sdk" / "versions.py"
CACHE = pathlib.Path(os.environ.get("XDG_CACHE_HOME") or pathlib.Path.home() / ".cache") / "airflow-python-sdk-specs"
_WHEEL = {"v1": ("apache-airflow", "airflow/api_connexion/openapi/v1.yaml"),
          "v2": ("apache-airflow-core", "airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml")}  # fmt: skip
_BEGIN, _END = "# BEGIN GENERATED", "# END GENERATED"

Digest = dict[str, dict[str, dict[str, str]]]
"""API -> route (``"GET /api/v1/dags/{}"``) -> key (``""``: the route) -> the releases having it."""


def read_spec(api: str, version: str, folder: pathlib.Path = CACHE) -> dict[str, Any]:
    """The spec release ``version`` ships for ``api``, from its wheel in ``folder`` (downloaded when missing)."""
    import yaml

    package, member = _WHEEL[api]
    wheels = sorted(folder.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    if not wheels:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder),
                        f"{package}=={version}"], check=True)  # fmt: skip
        wheels = sorted(folder.glob(f"{package.replace('-', '_')}-{version}-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        return yaml.safe_load(wheel.read(member))  # type: ignore[no-any-return]


def route_key(method: str, path: str) -> str:
    """``"GET /api/v1/dags/{}"``: a route with its placeholders unnamed."""
    return f"{method} {re.sub(r'{[^}]+}', '{}', path)}"


def spec_routes(api: str, spec: Mapping[str, Any]) -> dict[str, set[str]]:
    """Each route of a spec with its query parameter names and body keys, those inside the body's objects as
    paths (``"actions[].update_mask"``); ``""`` stands for the route."""
    return {route_key(s.method, s.path): {"", *s.query, *s.body, *s.nested}
            for s in spec_operations(dict(spec), "/api/v1" if api == "v1" else "")}  # fmt: skip


def _span(versions: Iterable[str], every: tuple[str, ...]) -> str:
    """The releases as text: ``"2.9.3+"`` for one and every later, else their list."""
    have = [v for v in every if v in set(versions)]
    return f"{have[0]}+" if have and have == list(every[every.index(have[0]) :]) else ",".join(have)


def _releases(span: str, every: tuple[str, ...]) -> list[str]:
    return list(every[every.index(span[:-1]) :]) if span.endswith("+") else span.split(",") if span else []


def digest(specs: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> Digest:
    """What not every release of an API has, by route: ``{api: {route: {key: span}}}``.

    A key is listed only where its releases differ from its route's.
    """
    out: Digest = {}
    for api, by_version in specs.items():
        every = SUPPORTED[api]
        routes = {v: spec_routes(api, by_version[v]) for v in every}
        table: dict[str, dict[str, str]] = {}
        for route in sorted(set().union(*routes.values())):
            having: dict[str, set[str]] = {}
            for version in every:
                for key in routes[version].get(route, ()):
                    having.setdefault(key, set()).add(version)
            entry = {key: _span(vs, every) for key, vs in sorted(having.items())
                     if vs != having[""] or (key == "" and len(vs) < len(every))}  # fmt: skip
            if entry:
                table[route] = entry
        out[api] = table
    return out


def _routes_of(op: Operation, api: str) -> list[str]:
    routes, _, _ = sent_by(op, api)
    return [route_key(method, path) for method, path in routes]


def sdk_keys(op: Operation, api: str) -> tuple[set[str], set[str]]:
    """The query parameter names and body keys ``op`` can send to ``api``, as sent (read-only fields never are).

    The fixed query parameters of its Airflow 3 form come first in the pair's query set too.
    """
    _, query, _ = sent_by(op, api)
    body: set[str] = set()
    param = op.body
    if param is not None and isinstance(param.type, type) and issubclass(param.type, Model):
        form = op.v2 if api == "v2" else None
        rename = form.rename if form else {}
        skip = "v1_only" if api == "v2" else "v2_only"
        fields = param.type._fields.values()
        body = {rename.get(f.key, f.key) for f in fields if not f.read_only and not getattr(f, skip)}
    return query, body


def _inner(keys: Iterable[str]) -> set[str]:
    """The keys inside a body's objects (``"actions[].update_mask"``): the SDK sends whichever its caller's
    models hold, so each is looked up as the spec names it."""
    return {key for key in keys if "." in key}


def _find(route: str, table: Mapping[str, Any]) -> str | None:
    """The spec route the SDK's ``route`` is: itself, or with its literal ``~`` segments as placeholders."""
    if route in table:
        return route
    loose = re.sub(r"/~(?=/|$)", "/{}", route)
    return loose if loose in table else None


def versioned_operations(api: str) -> list[Operation]:
    """The SDK's operations on ``api`` that its releases are told apart for: all but the FAB auth manager's,
    which its provider's release decides."""
    form = "v2" if api == "v2" else None
    return [op for op in sdk_operations() if (op.v2 is not None and not op.v2.root if form else op.v1)]


def lacking(since: Mapping[str, Mapping[str, str]], version: str) -> dict[str, list[str]]:
    """What release ``version`` lacks by a ``SINCE[api]`` table: operation -> ``[""]`` (all of it) or its keys."""
    have = _order(".".join(version.split(".")[:2]))
    out: dict[str, list[str]] = {}
    for op_id, entry in since.items():
        keys = [key for key, first in entry.items() if _order(first) > have]
        if keys:
            out[op_id] = [""] if "" in keys else keys
    return out


def lacking_in_spec(api: str, routes: Mapping[str, set[str]], newest: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """What a release lacks by its own spec's ``routes`` (``spec_routes``), in the shape of :func:`lacking`:
    the SDK's operations it has no route for, and the keys (as sent) the newest release has and it has not."""
    out: dict[str, list[str]] = {}
    for op in versioned_operations(api):
        query, body = sdk_keys(op, api)
        fixed = set(op.v2.query) if api == "v2" and op.v2 is not None else set()
        keys: set[str] = set()
        for sent in _routes_of(op, api):
            route, mine = _find(sent, newest), _find(sent, routes)
            if route is None or mine is None or fixed - routes[mine]:
                keys = {""}
                break
            keys |= ((query | body | _inner(newest[route])) & newest[route]) - routes[mine]
        keys = {key for key in keys if not key or _parent(key) not in keys}  # inside a key it lacks: implied
        if keys:
            out[op.id] = sorted(keys)
    return dict(sorted(out.items()))


def derive(dig: Digest, newest: Mapping[str, Mapping[str, set[str]]]) -> dict[str, dict[str, dict[str, str]]]:
    """``SINCE`` from a digest and the newest release's routes of each API (``spec_routes``).

    Raises ``ValueError`` when the SDK sends a route the newest release does not have, or something a
    release had and a later one has not (which a table of "since" cannot say).
    """
    since: dict[str, dict[str, dict[str, str]]] = {}
    for api in ("v1", "v2"):
        every, table, routes = SUPPORTED[api], dig[api], newest[api]
        found: dict[str, dict[str, str]] = {}
        for op in versioned_operations(api):
            form = op.v2 if api == "v2" else None
            query, body = sdk_keys(op, api)
            fixed = set(form.query) if form else set()
            entry: dict[str, str] = {}
            op_since: str | None = None
            for sent in _routes_of(op, api):
                route = _find(sent, routes)
                if route is None:
                    raise ValueError(f"{api} {op.id}: {sent} is not a route of Airflow {every[-1]}")
                spans = table.get(route, {})
                for key in ["", *sorted((query | body | _inner(routes[route])) & routes[route])]:
                    span = spans.get(key, spans.get("", ""))
                    if not span:
                        continue
                    releases = _releases(span, every)
                    if releases != list(every[every.index(releases[0]) :]):
                        raise ValueError(f"{api} {op.id}: {key or 'the route'} is in {span} only")
                    first = ".".join(releases[0].split(".")[:2])
                    if key == "" or key in fixed:
                        op_since = max(op_since or first, first, key=_order)
                    elif _order(first) > _order(entry.get(key, "0.0")):
                        entry[key] = first
            entry = {k: v for k, v in entry.items() if op_since is None or _order(v) > _order(op_since)}
            entry = {k: v for k, v in entry.items() if _order(v) > _order(entry.get(_parent(k), "0.0"))}
            if op_since is not None:
                entry = {"": op_since, **entry}
            if entry:
                found[op.id] = dict(sorted(entry.items()))
        since[api] = dict(sorted(found.items()))
    return since


def _parent(key: str) -> str:
    """The key holding a key inside a body's objects (``"actions"`` for ``"actions[].update_mask"``)."""
    return key.rpartition(".")[0].removesuffix("[]")


def _order(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def render_table(since: Mapping[str, Mapping[str, Mapping[str, str]]]) -> str:
    """The Python source of ``SINCE``: an operation a line, or its keys packed in lines of up to 120 characters."""
    lines = ["SINCE: dict[str, dict[str, dict[str, str]]] = {"]
    for api, ops in since.items():
        lines.append(f'    "{api}": {{')
        for op, entry in ops.items():
            line = f"        {json.dumps(op)}: {json.dumps(entry)},"
            if len(line) <= 120:
                lines.append(line)
                continue
            lines.append(f"        {json.dumps(op)}: {{")
            row = "           "
            for key, version in entry.items():
                item = f" {json.dumps(key)}: {json.dumps(version)},"
                if len(row) + len(item) > 120:
                    lines.append(row)
                    row = "           "
                row += item
            lines += [row, "        },"]
        lines.append("    },")
    return "\n".join([*lines, "}  # fmt: skip"])


def _with_table(source: str, table: str) -> str:
    start, stop = source.index(_BEGIN), source.index(_END)
    head = source[start:].split("\n", 1)[0]
    return source[:start] + head + "\n" + table + "\n" + source[stop:]


def main(argv: list[str]) -> int:
    folder = pathlib.Path(argv[argv.index("--specs") + 1]) if "--specs" in argv else None
    committed = json.loads(DIGEST.read_text()) if DIGEST.exists() else None
    if "--check" in argv and folder is None:
        if committed is None:
            print(f"missing: {DIGEST.relative_to(ROOT)}")
            return 1
        dig = committed
        newest = {api: _newest_from_reference(api) for api in SUPPORTED}
    else:
        specs = {api: {v: read_spec(api, v, folder or CACHE) for v in SUPPORTED[api]} for api in SUPPORTED}
        dig = digest(specs)
        newest = {api: spec_routes(api, specs[api][SUPPORTED[api][-1]]) for api in SUPPORTED}
    source = _with_table(TABLE.read_text(), render_table(derive(dig, newest)))
    stale = [p for p, text in ((DIGEST, json.dumps(dig, indent=1) + "\n"), (TABLE, source))
             if not p.exists() or p.read_text() != text]  # fmt: skip
    if "--check" in argv:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run python tools/version_data.py)")
        return 1 if stale else 0
    DIGEST.write_text(json.dumps(dig, indent=1) + "\n")
    TABLE.write_text(source)
    for path in stale:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def _newest_from_reference(api: str) -> dict[str, set[str]]:
    """The newest release's routes, from the spec copy in ``../shared/reference`` (what its server serves)."""
    from render_docs import load_spec

    return spec_routes(api, load_spec(api))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
