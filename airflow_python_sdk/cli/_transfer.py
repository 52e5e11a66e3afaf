"""``variables``, ``pools`` and ``connections`` ``import``/``export``, in the JSON files Airflow's own CLI writes.

- variables (``airflow variables export``): ``{"key": value}``, a value that is valid JSON written as that
  JSON, or ``{"key": {"value": value, "description": "..."}}`` for a variable with a description;
- pools (``airflow pools export``): ``{"name": {"description": ..., "include_deferred": ..., "slots": n}}``;
- connections (``airflow connections export --file-format json``): ``{"conn_id": {"conn_type": ...,
  "description": ..., "login": ..., "password": ..., "host": ..., "port": ..., "schema": ..., "extra": ...}}``.

What the API does not give is never invented: a connection's password (Airflow 2 never sends one,
Airflow 3 sends ``***``) and a variable's value the server masks (``***``) are left out of the file
and reported on stderr as not copied. Import reads the same files (``-``: stdin) and reports each item
created, updated, skipped or failed (``--on-conflict`` decides for one the server has; an update sets
only what the file gives, so a password the file lacks is kept); on Airflow 3 it sends one bulk request
(``PATCH /variables``, ...), on Airflow 2 one request per item; ``--dry-run`` sends no change.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import click

from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.variable_api import VariableApi
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
    ``whole``: a field the list may lack (Airflow 2 lists connections without ``extra``): then the item is read."""

    api: type[Api]
    model: type[Model]
    key: str
    names: tuple[str, str, str, str, str]  # list, create, patch, bulk, get
    out: Callable[[Any], tuple[Any, str]]
    into: Callable[[str, Any], tuple[dict[str, Any], str]]
    indent: int
    sort_keys: bool
    whole: str = ""


KINDS = {
    "variables": Kind(VariableApi, Variable, "key", ("get_variables", "post_variables", "patch_variable",
                      "bulk_variables", "get_variable"), _variable_out, _variable_in, 4, True),
    "pools": Kind(PoolApi, Pool, "name", ("get_pools", "post_pool", "patch_pool", "bulk_pools", "get_pool"),
                  _pool_out, _pool_in, 4, True),
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
    existing = {item[kind.key] for item in paginate(getattr(api, kind.names[0]))}
    conflict = {"overwrite": "updated", "skip": "skipped", "fail": "failed"}[p["on_conflict"]]
    for key in entities.keys() & existing:
        remark = results[key][1] if conflict == "updated" else ""
        results[key] = (conflict, "; ".join(filter(None, ["exists", remark])))
    todo = {k: results[k][0] for k in entities if results[k][0] in ("created", "updated")}
    if not p["dry_run"] and todo:
        send = _bulk if call.client.api_version == "v2" else _one_by_one
        for key, why in send(kind, api, entities, todo).items():
            results[key] = ("failed", why)
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


def _bulk(kind: Kind, api: Any, entities: dict[str, Model], todo: dict[str, str]) -> dict[str, str]:
    """Airflow 3: one bulk request (a create action, an update per set of fields given); the items it refused."""
    actions = [BulkAction.create([entities[k] for k, r in todo.items() if r == "created"], "fail")]
    masks: dict[tuple[str, ...], list[Model]] = {}
    for key in (k for k, r in todo.items() if r == "updated"):
        masks.setdefault(tuple(_changed(kind, entities[key])), []).append(entities[key])
    actions += [BulkAction.update(group, update_mask=list(mask)) for mask, group in masks.items()]
    answer = getattr(api, kind.names[3])(BulkBody(actions=[a for a in actions if a.entities]))
    done = {str(k) for part in (answer.create, answer.update) if part is not None for k in part.success}
    why = "; ".join(str(e.get("error", e)) for e in answer.errors) or "not applied"
    return {key: why for key in todo if key not in done}


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
