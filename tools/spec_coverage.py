"""How much of a server's OpenAPI spec the SDK's declarations reach, operation by operation.

Used by ``render_docs.py`` (README's coverage table, from the spec copies in ``../shared/reference``)
and by the contract tests (against the spec the live server serves), so both count the same way:
the server's operations, not the SDK's methods.

python tools/spec_coverage.py SPEC [--v1]   # print what is missing
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from airflow_python_sdk import apis  # noqa: E402
from airflow_python_sdk.model_utils import Model  # noqa: E402
from airflow_python_sdk.operation import Operation  # noqa: E402

__all__ = ["SpecOperation", "Reach", "sdk_operations", "spec_operations", "coverage", "sent_by", "EXCLUDED_V2"]

EXCLUDED_V2 = {
    "login": "a browser redirect to the auth manager's login page, not an API call",
    "logout": "a browser redirect that ends a UI session, not an API call",
}
"""Airflow 3 operations the SDK leaves out on purpose, with why (README says so too)."""

_METHODS = ("get", "put", "post", "patch", "delete")


@dataclass(frozen=True)
class SpecOperation:
    """One operation of a spec: where it is, and what it takes."""

    id: str
    method: str  # upper case
    path: str  # from the server's root, e.g. /api/v2/backfills
    tag: str
    query: frozenset[str]
    body: frozenset[str]  # the request body's top-level keys (empty when none, or not an object)
    body_is_object: bool
    nested: frozenset[str]  # the keys of objects inside the body, as paths: "actions[].update_mask"
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)


@dataclass
class Reach:
    """What the SDK reaches of one spec operation."""

    spec: SpecOperation
    by: list[Operation]
    missing_query: set[str]
    missing_body: set[str]


def sdk_operations() -> list[Operation]:
    """Every operation the API classes declare."""
    return [op for name in apis.__all__ for op in getattr(apis, name).operations()]


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        target: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return _resolve(spec, target)
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return _resolve(spec, options[0]) if len(options) == 1 else schema


def _objects(
    spec: dict[str, Any], schema: dict[str, Any], seen: frozenset[str]
) -> Iterator[tuple[str, dict[str, Any], frozenset[str]]]:
    """The object schemas a value of ``schema`` can be: each with ``"[]"`` when reached through an array, and
    the references followed to reach it (``seen``: a schema holding itself is not walked again)."""
    ref = schema.get("$ref")
    if ref is not None:
        if ref not in seen:
            target: Any = spec
            for part in ref.lstrip("#/").split("/"):
                target = target[part]
            yield from _objects(spec, target, seen | {ref})
        return
    for option in (*schema.get("anyOf", ()), *schema.get("oneOf", ()), *schema.get("allOf", ())):
        yield from _objects(spec, option, seen)
    if "items" in schema:
        yield from (
            ("[]" + suffix, inner, followed) for suffix, inner, followed in _objects(spec, schema["items"], seen)
        )
    if "properties" in schema:
        yield "", schema, seen


def nested_keys(
    spec: dict[str, Any], schema: dict[str, Any], prefix: str = "", seen: frozenset[str] = frozenset()
) -> set[str]:
    """The keys of the objects inside an object ``schema``, as paths below ``prefix``: ``"actions[].update_mask"``."""
    out: set[str] = set()
    for key, value in schema.get("properties", {}).items():
        for suffix, inner, followed in _objects(spec, value, seen):
            below = f"{prefix}{key}{suffix}."
            out |= {below + k for k in inner["properties"]} | nested_keys(spec, inner, below, followed)
    return out


def spec_operations(spec: dict[str, Any], prefix: str = "") -> list[SpecOperation]:
    """The operations of a spec (``prefix`` is put before its paths, for one that omits its base)."""
    base = prefix or spec.get("basePath", "") or next((s.get("url", "") for s in spec.get("servers", [])), "")
    base = "" if base.startswith("http") or spec.get("openapi", "").startswith("3.1") else base
    found = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in _METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [_resolve(spec, p) for p in (*shared, *op.get("parameters", []))]
            content = op.get("requestBody", {}).get("content", {})
            schema = _resolve(spec, next(iter(content.values()), {}).get("schema", {})) if content else {}
            found.append(
                SpecOperation(
                    id=op["operationId"],
                    method=method.upper(),
                    path=base + path,
                    tag=(op.get("tags") or ["-"])[0],
                    query=frozenset(p["name"] for p in params if p.get("in") == "query"),
                    body=frozenset(schema.get("properties", {})),
                    body_is_object=bool(content) and "properties" in schema,
                    nested=frozenset(nested_keys(spec, schema)),
                    raw=op,
                )
            )
    return found


def _route(op: Operation, version: str) -> tuple[str, str] | None:
    """The method and path (from the server's root, placeholders kept) ``op`` sends to that API version."""
    if version == "v1":
        return (op.method, "/api/v1" + op.path) if op.v1 else None
    form = op.v2
    if form is None:
        return None
    return form.method or op.method, (form.root or "/api/v2") + (form.path or op.path)


def _fits(template: str, path: str) -> bool:
    """Whether a path of ours (placeholders, or a literal ``~``) fits the spec's template."""
    ours = re.sub(r"{\w+}", "x", path)
    pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"({\w+})", template))
    return re.fullmatch(pattern, ours) is not None


def sent_by(op: Operation, version: str) -> tuple[list[tuple[str, str]], set[str], set[str] | None]:
    """The routes ``op`` sends on that API version (two with a dry run), the query names and the body
    keys it can send (None: any key, the body being a free dict)."""
    route = _route(op, version)
    if route is None:
        return [], set(), set()
    form = op.v2 if version == "v2" else None
    rename = form.rename if form else {}
    query = {rename.get(p.name, p.name) for p in op.params if p.where == "query" and p.only in (None, version)}
    routes = [route]
    if form:
        query |= set(form.query)
        if form.dry_run:
            routes.append((route[0], route[1] + form.dry_run))
    body: set[str] | None = set()
    param = op.body
    if param is not None:
        tp = param.type
        if isinstance(tp, type) and issubclass(tp, Model):
            skip = "v1_only" if version == "v2" else "v2_only"
            body = {rename.get(f.key, f.key) for f in tp._fields.values() if not getattr(f, skip)}
            if form:
                body |= set(re.findall(r"{(\w+)}", form.path or ""))
                if form.body is not None:
                    body |= set(form.body({}))
        else:
            body = None
    return routes, query, body


def coverage(spec_ops: Iterable[SpecOperation], version: str, ops: Iterable[Operation] | None = None) -> list[Reach]:
    """For each spec operation, the SDK operations reaching it and what none of them can send.

    Each route an SDK operation sends reaches the most literal spec template it fits
    (``/dags/~`` before ``/dags/{dag_id}``, ``.../{task_id}/tries`` before ``.../{task_id}/{map_index}``).
    """
    spec_ops = list(spec_ops)
    reached: dict[int, list[tuple[Operation, set[str], set[str] | None]]] = {i: [] for i in range(len(spec_ops))}
    for op in sdk_operations() if ops is None else ops:
        routes, query, body = sent_by(op, version)
        for method, path in routes:
            fits = [i for i, s in enumerate(spec_ops) if s.method == method and _fits(s.path, path)]
            if fits:
                best = max(fits, key=lambda i: len(re.sub(r"{\w+}", "", spec_ops[i].path)))
                reached[best].append((op, query, body))
    found = []
    for i, spec_op in enumerate(spec_ops):
        by = list({id(op): op for op, _, _ in reached[i]}.values())
        query = set().union(*(q for _, q, _ in reached[i]))
        free = any(b is None for _, _, b in reached[i])
        body = set().union(*(b for _, _, b in reached[i] if b is not None))
        missing_body = set() if free or not by else set(spec_op.body - body)
        found.append(Reach(spec_op, by, set(spec_op.query - query) if by else set(spec_op.query), missing_body))
    return found


def _report(reaches: list[Reach]) -> Iterator[str]:
    for r in reaches:
        if r.spec.id in EXCLUDED_V2 and r.spec.path.startswith("/api/v2"):
            continue
        if not r.by:
            yield f"MISSING {r.spec.tag}: {r.spec.id} {r.spec.method} {r.spec.path}"
        elif r.missing_query or r.missing_body:
            yield (f"PARTIAL {r.spec.tag}: {r.spec.id} by {[o.id for o in r.by]} query {sorted(r.missing_query)} "
                   f"body {sorted(r.missing_body)}")  # fmt: skip


def main(argv: list[str]) -> int:
    spec = json.loads(pathlib.Path(argv[0]).read_text()) if argv[0].endswith(".json") else None
    if spec is None:
        import yaml  # only for the v1 spec copy

        spec = yaml.safe_load(pathlib.Path(argv[0]).read_text())
    version = "v1" if "--v1" in argv else "v2"
    reaches = coverage(spec_operations(spec, "/api/v1" if version == "v1" else ""), version)
    lines = list(_report(reaches))
    print("\n".join(lines))
    reached = sum(bool(r.by) for r in reaches)
    print(f"{reached}/{len(reaches)} operations reached; {sum(len(r.missing_query) for r in reaches)} query, "
          f"{sum(len(r.missing_body) for r in reaches)} body keys missing")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
