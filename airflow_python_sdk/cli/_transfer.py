"""``variables``, ``pools`` and ``connections`` ``import``/``export``, in the JSON files Airflow's own CLI writes.

- variables (``airflow variables export``): ``{"key": value}``, a value that is valid JSON written as that
  JSON, or ``{"key": {"value": value, "description": "..."}}`` for a variable with a description;
- pools (``airflow pools export``): ``{"name": {"description": ..., "include_deferred": ..., "slots": n}}``;
- connections (``airflow connections export --file-format json``): ``{"conn_id": {"conn_type": ...,
  "description": ..., "login": ..., "password": ..., "host": ..., "port": ..., "schema": ..., "extra": ...}}``.

What the API does not give is never invented: a connection's password (Airflow 2 never sends one, Airflow 3
sends ``***``) and a variable's value the server masks (``***``) are left out of the file and reported on stderr
as not copied. Import reads the same files (``-``: stdin) and reports each item created, updated, skipped or
failed (``--on-conflict`` decides for one the server has; an update sets only what the file gives, so a
password the file lacks is kept); on Airflow 3 it sends one bulk request (``PATCH /variables``, ...), on
Airflow 2 one request per item; ``--dry-run`` sends no change and shows the results the real run gives where
the server keeps to its rules (a refused value shows only then).

Airflow 3 changes only ``slots`` and ``include_deferred`` of ``default_pool`` (Airflow 2 its description too):
an import there sends only those, and says which other field of the file it left as it was. The bulk request
holds an action per item, for Airflow 3 stops an action at its first error and names no item in its errors;
releases before 3.2 take no ``update_mask`` in it: an update there sends the fields given without one (the
server sets just those), and ``default_pool``'s goes by ``PATCH /pools/default_pool``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any

import click

from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.api_client import ApiClient
from airflow_python_sdk.cli._app import Call, Cmd, Failed, describe, note, show
from airflow_python_sdk.exceptions import ApiException
from airflow_python_sdk.model.bulk_action import BulkAction
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model.pool import Pool
from airflow_python_sdk.model.variable import Variable
from airflow_python_sdk.model_utils import Model
from airflow_python_sdk.operation import Api
from airflow_python_sdk.pagination import paginate

__all__ = ["MASKED", "TRANSFERS"]

MASKED = "***"
"""What Airflow 3 sends instead of a password or a sensitive variable's value."""
_CONNECTION = ("conn_type", "description", "login", "password", "host", "port", "schema", "extra")


def _variable_out(variable: Any) -> tuple[Any, str]:
    if variable.value == MASKED:
        return None, "not copied: the server masks its value"
    try:
        value = json.loads(variable.value)
    except (TypeError, ValueError):
        value = variable.value
    return ({"description": variable.description, "value": value} if variable.description else value), ""


def _variable_in(key: str, entry: Any) -> tuple[dict[str, Any], str]:
    if isinstance(entry, dict) and "value" in entry and set(entry) <= {"value", "description"}:
        value, more = entry["value"], {k: v for k, v in entry.items() if k == "description" and v is not None}
    else:
        value, more = entry, {}
    return {"key": key, "value": value if isinstance(value, str) else json.dumps(value), **more}, ""


def _pool_out(pool: Any) -> tuple[Any, str]:
    return {"description": pool.description, "include_deferred": pool.include_deferred, "slots": pool.slots}, ""


def _pool_in(name: str, entry: Any) -> tuple[dict[str, Any], str]:
    slots = entry.get("slots") if isinstance(entry, dict) else None
    if not isinstance(slots, int) or isinstance(slots, bool):
        raise ValueError('an entry needs "slots", a whole number')
    return {"name": name, **{k: entry[k] for k in ("slots", "description", "include_deferred") if k in entry}}, ""


def _connection_out(connection: Any) -> tuple[Any, str]:
    entry = {k: connection.get(k) for k in _CONNECTION}
    if "password" in connection.to_dict() and connection.password != MASKED:  # sent, and not masked
        return entry, ""
    del entry["password"]
    return entry, "password not copied: the API does not return it"


def _connection_in(connection_id: str, entry: Any) -> tuple[dict[str, Any], str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("conn_type"), str):
        raise ValueError('an entry needs "conn_type" (a URI entry is not supported)')
    fields = {k: entry[k] for k in _CONNECTION if entry.get(k) is not None}
    if isinstance(fields.get("extra"), dict):
        fields["extra"] = json.dumps(fields["extra"])
    return {"connection_id": connection_id, **fields}, "" if "password" in fields else "no password in the file"


@dataclasses.dataclass(frozen=True)
class Kind:
    """How one resource goes to and from its file: the API class's method names, the model and its id field,
    each item's file entry (None: left out) with what was not copied, and the model's fields from an entry;
    ``whole``: a field the list may lack (Airflow 2 lists connections without ``extra``): then the item is read;
    ``limited``: the fields Airflow 3 lets change of an item (by its id); its other fields are not sent."""

    api: type[Api]
    model: type[Model]
    key: str
    names: tuple[str, str, str, str, str]  # list, create, patch, bulk, get
    out: Callable[[Any], tuple[Any, str]]
    into: Callable[[str, Any], tuple[dict[str, Any], str]]
    indent: int
    sort_keys: bool
    whole: str = ""
    limited: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


KINDS = {
    "variables": Kind(VariableApi, Variable, "key", ("get_variables", "post_variables", "patch_variable",
                      "bulk_variables", "get_variable"), _variable_out, _variable_in, 4, True),
    "pools": Kind(PoolApi, Pool, "name", ("get_pools", "post_pool", "patch_pool", "bulk_pools", "get_pool"),
                  _pool_out, _pool_in, 4, True, limited={"default_pool": ("slots", "include_deferred")}),
    "connections": Kind(ConnectionApi, Connection, "connection_id", ("get_connections", "post_connection",
                        "patch_connection", "bulk_connections", "get_connection"), _connection_out, _connection_in,
                        2, False, whole="extra"),
}  # fmt: skip
"""Airflow's export format of each resource: JSON indented by ``indent``, keys sorted as Airflow sorts them."""


def _export(kind: Kind, name: str, call: Call) -> None:
    api = kind.api(call.client)
    found: dict[str, Any] = {}
    for item in paginate(getattr(api, kind.names[0])):
        if kind.whole and kind.whole not in item.to_dict():
            item = getattr(api, kind.names[4])(item[kind.key])
        entry, lost = kind.out(item)
        if entry is not None:
            found[item[kind.key]] = entry
        if lost:
            note(f"{name} {item[kind.key]}: {lost}")
    out = call.p["out"]
    out.write(json.dumps(dict(sorted(found.items())), indent=kind.indent, sort_keys=kind.sort_keys) + "\n")
    note(f"exported {len(found)} {name}" + ("" if out.name == "<stdout>" else f" to {out.name}"))


def _import(kind: Kind, name: str, call: Call) -> None:
    p, api = call.p, kind.api(call.client)
    try:
        data = json.load(p["file"])
    except ValueError as exc:
        raise click.UsageError(f"{p['file'].name} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise click.UsageError(f"{p['file'].name} must hold a JSON object: {name} by their {kind.key}")
    results: dict[str, tuple[str, str]] = {}
    entities: dict[str, Model] = {}
    for key, entry in data.items():
        try:
            fields, remark = kind.into(key, entry)
            entities[key] = kind.model(**fields)
            results[key] = ("created", remark)
        except (ValueError, TypeError) as exc:  # the SDK's ApiValueError and ApiTypeError too
            results[key] = ("failed", str(exc))
    existing = {item[kind.key]: item for item in paginate(getattr(api, kind.names[0]))}
    conflict = {"overwrite": "updated", "skip": "skipped", "fail": "failed"}[p["on_conflict"]]
    for key in entities.keys() & existing.keys():
        remark = results[key][1] if conflict == "updated" else ""
        if conflict == "updated":
            entities[key], left = _limit(kind, call.client, entities[key], existing[key])
            remark = "; ".join(filter(None, [remark, left]))
        results[key] = (conflict, "; ".join(filter(None, ["exists", remark])))
    todo = {k: results[k][0] for k in entities if results[k][0] in ("created", "updated")}
    if not p["dry_run"] and todo:
        if call.client.api_version == "v2":
            refused = _bulk(kind, call.client, api, entities, todo, existing)
        else:
            refused = _one_by_one(kind, api, entities, todo)
        results.update((key, ("failed", why)) for key, why in refused.items())
    dry = "dry run" if p["dry_run"] else ""
    rows = [{kind.key: k, "result": r, "detail": "; ".join(filter(None, [dry if r != "failed" else "", d]))}
            for k, (r, d) in results.items()]  # fmt: skip
    show(rows, f"{kind.key} result detail")
    counts = {r: sum(1 for row in rows if row["result"] == r) for r in ("created", "updated", "skipped", "failed")}
    note(", ".join(f"{n} {r}" for r, n in counts.items()) + (" (dry run: nothing changed)" if p["dry_run"] else ""))
    if counts["failed"]:
        raise Failed(f"{counts['failed']} of {len(rows)} {name} not imported")


def _changed(kind: Kind, entity: Model) -> list[str]:
    return [f for f in entity.to_dict() if f != kind.key]


def _limit(kind: Kind, client: ApiClient, entity: Model, now: Model) -> tuple[Model, str]:
    """The update of ``entity`` that the server takes (Airflow 3: only its ``limited`` fields), and which
    fields the file would change that it leaves as they are ("" if none)."""
    key, allowed = entity[kind.key], kind.limited.get(entity[kind.key])
    if client.api_version != "v2" or allowed is None:
        return entity, ""
    fields = entity.to_dict()
    left = [f for f in _changed(kind, entity) if f not in allowed and fields[f] != now.get(f)]
    kept = kind.model(**{f: v for f, v in fields.items() if f in allowed or f == kind.key})
    said = f"{', '.join(left)} left as it is: Airflow 3 changes only {' and '.join(allowed)} of {key}"
    return kept, said if left else ""


def _bulk(
    kind: Kind, client: ApiClient, api: Any, entities: dict[str, Model], todo: dict[str, str], now: dict[str, Model]
) -> dict[str, str]:
    """Airflow 3: one bulk request of an action per item, since the answer's errors (per kind of action, in
    order) name no item; an update's fields as its ``update_mask`` where the release takes one (3.2+), else
    without one, holding the server's values (``now``) of the fields the file lacks (the SDK would send
    ``include_deferred`` false), and a ``limited`` item's by its own PATCH. The items refused, and why."""
    masked = client.has(getattr(kind.api, kind.names[3]).operation, "actions[].update_mask")
    alone = {k: r for k, r in todo.items() if r == "updated" and not masked and k in kind.limited}
    refused = _one_by_one(kind, api, entities, alone)
    if not masked:
        entities = {k: _filled(entities[k], now[k]) if todo[k] == "updated" else entities[k] for k in todo}
    actions = [
        (key, BulkAction.create([entities[key]], "fail") if result == "created" else
         BulkAction.update([entities[key]], update_mask=_changed(kind, entities[key]) if masked else None))
        for key, result in todo.items() if key not in alone
    ]  # fmt: skip
    if not actions:
        return refused
    try:
        answer = getattr(api, kind.names[3])(BulkBody(actions=[action for _, action in actions]))
    except ApiException as exc:  # the whole request refused: nothing applied
        return {**refused, **_blame([key for key, _ in actions], exc)}
    parts = {name: answer.get(name) for name in ("create", "update")}
    done = {str(k) for part in parts.values() if part is not None for k in part.success}
    errors = {name: iter(part.errors if part is not None else []) for name, part in parts.items()}
    for key, action in actions:
        if key not in done:  # a one-item action that did not succeed gave the next error of its kind
            error = next(errors[action.action], None)
            refused[key] = str(error.get("error", error)) if isinstance(error, dict) else "not applied"
    return refused


def _filled(entity: Model, now: Model) -> Model:
    """``entity`` with ``now``'s values of the writable fields it lacks (not a masked one)."""
    fields = type(entity)._fields
    known = {f: v for f, v in now.to_dict().items() if f in fields and not fields[f].read_only and v != MASKED}
    return type(entity)(**{**{f: v for f, v in known.items() if v is not None}, **entity.to_dict()})


def _blame(keys: list[str], exc: ApiException) -> dict[str, str]:
    """Why each item of a refused bulk request (``keys``: by action) failed: a 422's errors go to the item of
    their ``loc``'s action index; the other items were refused with them, not for themselves."""
    found: dict[str, dict[str, None]] = {}
    for error in exc.detail if isinstance(exc.detail, list) else []:
        loc = error.get("loc", []) if isinstance(error, dict) else []
        at = next((loc[i + 1] for i, part in enumerate(loc[:-1]) if part == "actions"), None)
        if isinstance(at, int) and 0 <= at < len(keys):
            said = f"{exc.status} {loc[-1]}: {error.get('msg')} (given {json.dumps(error.get('input'))})"
            found.setdefault(keys[at], {})[said] = None
    if not found:
        return {key: describe(exc) for key in keys}
    other = f"not applied: the server refused the whole request for {', '.join(found)}"
    return {key: "; ".join(found[key]) if key in found else other for key in keys}


def _one_by_one(kind: Kind, api: Any, entities: dict[str, Model], todo: dict[str, str]) -> dict[str, str]:
    """Airflow 2: a create or a patch (of the fields given) per item; the items the server refused, and why."""
    refused = {}
    for key, result in todo.items():
        try:
            if result == "created":
                getattr(api, kind.names[1])(entities[key])
            else:
                getattr(api, kind.names[2])(key, entities[key], update_mask=_changed(kind, entities[key]))
        except ApiException as exc:
            refused[key] = describe(exc)
    return refused


def _commands(group: str, kind: Kind) -> list[Cmd]:
    anchor = getattr(kind.api, kind.names[1])  # a create: it has no option the file would not give
    return [
        Cmd("import", anchor, "file", "on_conflict dry_run", run=lambda c: _import(kind, group, c),
            help=f"Create or update {group} from a JSON file as `airflow {group} export` writes (-: stdin)"),
        Cmd("export", anchor, "out", run=lambda c: _export(kind, group, c),
            help=f"Write every {group[:-1]} to a JSON file as `airflow {group} export` does (-: stdout)"),
    ]  # fmt: skip


TRANSFERS = {group: _commands(group, kind) for group, kind in KINDS.items()}
"""``import`` and ``export`` of each group that has them."""
