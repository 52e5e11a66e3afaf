"""The SDK against the spec the live Airflow 2.11.2 serves: every operation, parameter, schema and property."""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import Any, Union, get_args, get_origin

import pytest

from airflow_python_sdk import apis, models
from airflow_python_sdk.model_utils import Model, OpenEnum
from airflow_python_sdk.operation import Operation

pytestmark = pytest.mark.live


@pytest.fixture
def spec(live_spec_v1: dict[str, Any]) -> dict[str, Any]:
    return live_spec_v1


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


class SpecTypes:
    """Canonical type text for spec schemas, and the nullable/read-only flags a property inherits."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]

    def target(self, schema: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in schema:
            return self.schemas[_ref_name(schema["$ref"])]  # type: ignore[no-any-return]
        return schema

    def text(self, schema: dict[str, Any]) -> str:
        if "$ref" in schema:
            return _ref_name(schema["$ref"])
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.text(schema["allOf"][0])
        for combo in ("anyOf", "oneOf"):
            if combo in schema:
                return " | ".join(sorted(self.text(s) for s in schema[combo]))
        kind = schema.get("type", "object")
        if kind == "string":
            return {"date-time": "datetime", "datetime": "datetime", "date": "date"}.get(schema.get("format"), "str")
        if kind == "array":
            return f"[{self.text(schema.get('items', {}))}]"
        return {"integer": "int", "number": "float", "boolean": "bool", "object": "dict"}[kind]

    def properties(self, schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
        props: dict[str, dict[str, Any]] = {}
        for part in schema.get("allOf", [schema]):
            part = self.target(part)
            props.update(self.properties(part) if "allOf" in part else part.get("properties", {}))
        return props

    def flag(self, prop: dict[str, Any], name: str) -> bool:
        return bool(prop.get(name) or self.target(prop).get(name))


def our_text(tp: Any) -> str:
    """Canonical type text for an SDK annotation; an enum class also answers to ``str``."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        return " | ".join(sorted(our_text(a) for a in args if a is not type(None)))
    if origin is list:
        return f"[{our_text(args[0])}]"
    if origin is dict or tp is dict:
        return "dict"
    names = {str: "str", int: "int", float: "float", bool: "bool", dt.datetime: "datetime", dt.date: "date"}
    return names.get(tp) or tp.__name__


def _options(text: str) -> set[str]:
    """The members of a union's type text, split at its top level only (``[int | str] | str``)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if depth == 0 and text.startswith(" | ", i):
            parts.append(text[start:i])
            start = i + 3
    return {*parts, text[start:]}


def _reads(spec_text: str, mine: str) -> bool:
    """Whether our type reads every value of the spec's: the same, or a union holding each of its members
    (a model serves both generations: ``bool | float``, ``[str | [int | str]]``)."""
    if spec_text == mine:
        return True
    ours = _options(mine)
    for wanted in _options(spec_text):
        lists = [o for o in ours if o.startswith("[")]
        if wanted not in ours and not (wanted.startswith("[") and any(_reads(wanted[1:-1], o[1:-1]) for o in lists)):
            return False
    return True


def same_type(spec_text: str, ours: Any) -> bool:
    mine = our_text(ours)
    if _reads(spec_text, mine):
        return True
    # an inline string enum may be typed as an open enum class; a path id may be given as str or int
    enums = {c.__name__ for c in vars(models).values() if isinstance(c, type) and issubclass(c, str)}
    mine = re.sub(r"\b(" + "|".join(enums) + r")\b", "str", mine) if spec_text.strip("[]") == "str" else mine
    return mine in (spec_text, "int | str" if spec_text == "str" else spec_text)


def declared_operations() -> dict[str, Operation]:
    """The operations with an Airflow 2 form."""
    return {op.id: op for name in apis.__all__ for op in getattr(apis, name).operations() if op.v1}


def test_operations_and_parameters(spec: dict[str, Any]) -> None:
    types_ = SpecTypes(spec)
    ours = declared_operations()
    parameters = spec["components"]["parameters"]
    mismatches, seen = [], set()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            op_id, seen = op["operationId"], seen | {op["operationId"]}
            mine = ours.get(op_id)
            if mine is None:
                mismatches.append(f"{op_id}: not declared")
                continue
            expected_api = op["tags"][0].replace(" ", "") + "Api"
            if (mine.api, mine.method, mine.path) != (expected_api, method.upper(), path):
                mismatches.append(f"{op_id}: {mine.api} {mine.method} {mine.path} != {expected_api} {method} {path}")
            wanted = {}
            for p in item.get("parameters", []) + op.get("parameters", []):
                p = parameters[_ref_name(p["$ref"])] if "$ref" in p else p
                wanted[p["name"]] = (p["in"], bool(p.get("required")), types_.text(p["schema"]))
            if "requestBody" in op:
                body = op["requestBody"]["content"]["application/json"]["schema"]
                wanted["<body>"] = ("body", bool(op["requestBody"].get("required")), types_.text(body))
            airflow_3_names = set(mine.v2.rename.values()) if mine.v2 else set()  # sent as Airflow 2's names
            got = {("<body>" if p.where == "body" else p.name): p for p in mine.params
                   if p.only != "v2" and not (p.where == "query" and p.name in airflow_3_names)}  # fmt: skip
            for name in wanted.keys() ^ got.keys():
                mismatches.append(f"{op_id}: parameter {name} {'missing' if name in wanted else 'not in the spec'}")
            for name in wanted.keys() & got.keys():
                where, required, text = wanted[name]
                p = got[name]
                if (p.where, p.required) != (where, required) or not same_type(text, p.type):
                    mismatches.append(f"{op_id}.{name}: {p.where} {p.required} {our_text(p.type)} != {wanted[name]}")
    mismatches += [f"{op_id}: declared but not in the spec" for op_id in ours.keys() - seen]
    print(f"\noperations: {len(seen)} in the live spec, {len(ours)} declared, {len(mismatches)} mismatches")
    assert mismatches == []


def test_schemas_and_properties(spec: dict[str, Any]) -> None:
    types_ = SpecTypes(spec)
    mismatches = []
    for name, schema in types_.schemas.items():
        model = getattr(models, name, None)
        if model is None:
            mismatches.append(f"{name}: no model")
            continue
        if "enum" in schema:
            values = {v for v in schema["enum"] if v is not None}
            if not issubclass(model, OpenEnum) or not values <= {m.value for m in model}:  # may know Airflow 3's too
                mismatches.append(f"{name}: enum values differ")
            continue
        if schema.get("type") == "string":  # a named string: any str subclass (StringModel, or an open enum)
            if not issubclass(model, str):
                mismatches.append(f"{name}: not a string model")
            continue
        props = types_.properties(schema)
        for combo in ("oneOf", "anyOf"):  # one model holding every member's fields
            if combo in schema:
                props = {k: v for s in schema[combo] for k, v in types_.properties(types_.target(s)).items()}
        assert issubclass(model, Model), name
        # A model may extend its schema with what Airflow 3 sends for the same answer: fields marked
        # v2_only, or inherited from the model of a fuller schema (TaskInstanceReference from TaskInstance).
        own = {f.key for f in model._fields.values() if f.name in vars(model).get("__annotations__", {})}
        fields = {f.key: f for f in model._fields.values() if not f.v2_only}
        for key in (props.keys() - fields.keys()) | (fields.keys() - props.keys()) & own:
            mismatches.append(f"{name}.{key}: {'missing' if key in props else 'not in the spec'}")
        for key in props.keys() & fields.keys():
            prop, field = props[key], fields[key]
            expected = (types_.text(prop), types_.flag(prop, "nullable"), types_.flag(prop, "readOnly"))
            nullable_ok = field.nullable or not expected[1]  # null is read where Airflow 3 sends it
            read_only_ok = field.read_only == expected[2] or key not in own
            if not same_type(expected[0], field.type) or not (nullable_ok and read_only_ok):
                got = (our_text(field.type), field.nullable, field.read_only)
                mismatches.append(f"{name}.{key}: {got} != {expected}")
    print(
        f"\nschemas: {len(types_.schemas)} in the live spec, {len(models.__all__)} models, {len(mismatches)} mismatches"
    )
    assert mismatches == []
