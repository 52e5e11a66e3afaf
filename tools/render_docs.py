"""Render docs/*.md, README.md's tables and the ``models``/``apis`` export modules from the declarations.

python tools/render_docs.py          # write the docs
python tools/render_docs.py --check  # exit 1 when the committed docs differ from a fresh render
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect
import json
import pathlib
import re
import sys
import textwrap
import types
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from airflow_python_sdk._docs import ERROR_TEXT, split_doc  # noqa: E402
from airflow_python_sdk.configuration import DEFAULT_HOST  # noqa: E402
from airflow_python_sdk.model.bulk_action import BulkAction  # noqa: E402
from airflow_python_sdk.model_utils import FieldInfo, Model, OpenEnum, StringModel, type_name  # noqa: E402
from airflow_python_sdk.operation import Api, Operation, Param, signature_params  # noqa: E402

__all__ = ["render_all", "main"]

FOOTER_API = (
    "[[Back to top]](#) [[Back to API list]](../README.md#documentation-for-api-endpoints) "
    "[[Back to Model list]](../README.md#documentation-for-models) [[Back to README]](../README.md)"
)
FOOTER_MODEL = (
    "[[Back to Model list]](../README.md#documentation-for-models) "
    "[[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)"
)
SUCCESS_TEXT = {200: "Success.", 201: "Created.", 202: "Accepted.", 204: "Success; no content."}


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _model_link(tp: Any) -> str:
    """A type for a table cell, linked when it is (or holds) a model."""
    inner = get_args(tp)[0] if get_origin(tp) is list else tp
    if isinstance(inner, type) and issubclass(inner, (Model, OpenEnum, StringModel)):
        return f"[**{type_name(tp)}**]({inner.__name__}.md)"
    return f"**{type_name(tp)}**"


def _models_in(tp: Any) -> list[type]:
    """The model and enum classes a type names, in order."""
    if isinstance(tp, type) and issubclass(tp, (Model, OpenEnum, StringModel)):
        return [tp]
    return [m for arg in get_args(tp) for m in _models_in(arg)]


EXAMPLE_OPTIONAL = 3
"""How many optional parameters an example sets besides its body and ``update_mask`` (the table lists all)."""
EXAMPLE_FIELDS = 3
"""How many fields an example's body model sets, unless it must hold more (its required ones, those named)."""
EXAMPLE_BODY_FIELDS = {
    "ClearPartitionsBody": ("partition_key", "dry_run"),
    "BulkDAGRunClearBody": ("dag_runs", "dry_run"),
    "BulkDAGRunBody": ("dag_run_id",),
}
"""The fields an example sets of the models whose first fields are alternatives (one selector of runs), or
would not apply (a run to clear is named by its id)."""
NAMED_VALUES = {
    "limit": "100",
    "offset": "0",
    "page_limit": "100",
    "page_offset": "0",
    "timeout": "600.0",
    "poll_interval": "5.0",
    "max_poll_interval": "30.0",
    "roles": '[{"name": "Viewer"}]',
}
"""Example values of parameters and fields by name, where the type's placeholder would read oddly (``limit = 1``)."""
_BACKTICKED = re.compile(r"``(\w+)``")


def _options(tp: Any) -> list[Any]:
    """The types a value of ``tp`` may have, but None and the base ``Model`` (no example can be built of it)."""
    union = get_origin(tp) in (Union, types.UnionType)
    return [a for a in (get_args(tp) if union else (tp,)) if a is not type(None) and a is not Model]


def _optional(tp: Any) -> bool:
    """Whether a field of type ``tp`` may be left out (None or anything is allowed)."""
    return tp is Any or type(None) in get_args(tp)


def _model_of(tp: Any) -> type[Model] | None:
    """The model a parameter of type ``tp`` takes (a body), if it takes one."""
    options = _options(tp)
    first = options[0] if options else None
    return first if isinstance(first, type) and issubclass(first, Model) else None


def _item_model(tp: Any) -> type[Model] | None:
    """The model of what an answer of type ``tp`` lists (a collection's items), else the model itself."""
    model = _model_of(tp)
    if model is None or "total_entries" not in model._by_key:
        return model
    lists = [_options(f.type) for f in model._fields.values()]
    return next((_model_of(get_args(o[0])[0]) for o in lists if o and get_origin(o[0]) is list), None) or model


def _end_of(f: FieldInfo, fields: Sequence[FieldInfo]) -> FieldInfo | None:
    """The ``..._end`` field beside a ``..._start`` one: given together or not at all."""
    end = f.name.removesuffix("_start") + "_end" if f.name.endswith("_start") else None
    return next((g for g in fields if g.name == end), None)


@dataclass
class _Values:
    """Writes an example's values for one API generation (``"v1"``, ``"v2"``), noting the classes they use."""

    version: str
    partners: Mapping[str, str]
    """The other name of a parameter or body key Airflow 3 renamed, both ways (``execution_date``, ``logical_date``)."""
    sent: Mapping[str, str]
    """The name a body key is sent under to this generation, where it differs (Airflow 3's ``pool`` for ``name``)."""
    uses: set[type] = field(default_factory=set)

    def has(self, f: FieldInfo) -> bool:
        """Whether this generation has field ``f`` of a body (setting one it lacks raises ``ApiValueError``)."""
        return not (f.v2_only if self.version == "v1" else f.v1_only)

    def fields(self, model: type[Model], named: Collection[str] = (), fill: bool = True) -> list[FieldInfo]:
        """The fields an example sets of ``model``: those it must hold and those ``named``, then (``fill``)
        the first writable others, up to :data:`EXAMPLE_FIELDS`."""
        every = [f for f in model._fields.values() if self.has(f) and (not f.read_only or f.name in named)]
        if model.__name__ in EXAMPLE_BODY_FIELDS:
            return [f for f in every if f.name in EXAMPLE_BODY_FIELDS[model.__name__]]
        chosen = [f for f in every if f.name in named or not (f.read_only or _optional(f.type))]
        for f in every if fill else ():
            end, keys = _end_of(f, every), {c.key for c in chosen}
            group = [f, end] if end is not None else [f]
            if f in chosen or f.read_only or self.partners.get(f.key) in keys or f.name.endswith("_end"):
                continue
            if len(chosen) + len(group) <= EXAMPLE_FIELDS:
                chosen += group
        return [f for f in every if f in chosen]

    def value(self, name: str, tp: Any, named: Collection[str] = (), fill: bool = True) -> str:
        """Python source of an example value of type ``tp``; a model sets ``named`` fields among its own."""
        first = _options(tp)[0]
        if name in NAMED_VALUES:
            return NAMED_VALUES[name]
        if get_origin(first) is list:
            return f"[{self.value(name, get_args(first)[0])}]"
        if first is dt.datetime or first is dt.date:
            self.uses.add(first)
            text = "2024-01-01T00:00:00+00:00" if first is dt.datetime else "2024-01-01"
            return f'{first.__name__}.fromisoformat("{text}")'
        if first in (bool, int, float):
            return {bool: "True", int: "1", float: "1.5"}[first]
        if isinstance(first, type) and issubclass(first, enum.Enum):
            self.uses.add(first)
            member = next((m for m in first if m.value == "success"), next(iter(first)))
            return f"{first.__name__}.{member.name}"
        if first is BulkAction:  # built by its constructors: one action on entities
            self.uses.add(first)
            return f'{first.__name__}.delete(["id_example"])'
        if isinstance(first, type) and issubclass(first, Model):
            self.uses.add(first)
            chosen = self.fields(first, named, fill)
            return f"{first.__name__}({', '.join(f'{f.name}={self.value(f.name, f.type)}' for f in chosen)})"
        if get_origin(first) is dict or first is dict:
            return '{"key": "value"}'
        return f'"{name}_example"'


def _signature_line(name: str, method: Callable[..., Any], returns: Any) -> str:
    params = [p for p in list(inspect.signature(method).parameters.values())[1:] if p.kind is not p.VAR_KEYWORD]
    required = ", ".join(p.name for p in params if p.default is p.empty)
    prefix = "" if returns is None else f"{' | '.join(m.__name__ for m in _models_in(returns))} "
    return f"> {prefix}{name}({required})"


def _called_operations(method: Callable[..., Any]) -> list[Operation]:
    """The operations a composite method calls."""
    cls = getattr(inspect.getmodule(method), method.__qualname__.split(".")[0])
    called = [
        getattr(getattr(cls, n, None), "operation", None)
        for n in re.findall(r"self\.(\w+)\(", inspect.getsource(method))
    ]
    return [op for op in called if isinstance(op, Operation)]


V2_HOST = DEFAULT_HOST.replace("/api/v1", "/api/v2")


def _shown(params: Sequence[Param], version: str, partners: Mapping[str, str]) -> list[Param]:
    """The parameters an example gives: the required ones, a body, ``update_mask`` and the first few others,
    of those this generation takes (never both names of a renamed one)."""
    takes = [p for p in params if p.only in (None, version)]
    chosen = [p for p in takes if p.required or _model_of(p.type) or p.name == "update_mask"]
    optional = 0
    for p in takes:
        if optional >= EXAMPLE_OPTIONAL:
            break
        if p not in chosen and partners.get(p.name) not in {c.name for c in chosen}:
            chosen.append(p)
            optional += 1
    return [p for p in takes if p in chosen]


def _example(api: str, name: str, params: Sequence[Param], returns: Any, op: Operation | None,
             method: Callable[..., Any]) -> str:  # fmt: skip
    """The example of a method: a call valid on the one generation whose host it names (Airflow 2's, unless
    the operation is Airflow 3's only), with only the parameters and body fields that generation takes; an
    ``update_mask`` names fields the body sets (those its doc names), as that generation gets them."""
    version = "v1" if op is None or op.v1 else "v2"
    renames = [o.v2.rename for o in ([op] if op else _called_operations(method)) if o.v2 is not None]
    partners = {k: v for rename in renames for old, new in rename.items() for k, v in ((old, new), (new, old))}
    sent = op.v2.rename if version == "v2" and op is not None and op.v2 is not None else {}
    values = _Values(version, partners, sent)
    shown = _shown(params, version, partners)
    _, description, docs = split_doc(method.__doc__ or "")
    body = next((p for p in shown if _model_of(p.type)), None)
    model = _model_of(body.type) if body is not None else None
    writable = [f for f in model._fields.values() if values.has(f) and not f.read_only] if model else []
    named = {f.name for f in writable if f.name in _BACKTICKED.findall(description)}  # "must hold ``key``"
    mask: list[str] = []
    if model is not None and any(p.name == "update_mask" for p in shown):
        # the fields its doc names (update_dag_run's state, read-only in DAGRun, too), else a writable one
        in_doc = _BACKTICKED.findall(docs.get("update_mask", ""))
        masked = [f for f in model._fields.values() if values.has(f) and f.name in in_doc][:2]
        masked = masked or [f for f in writable if _optional(f.type)][:1]
        named |= {f.name for f in masked}
        mask = [values.sent.get(f.key, f.key) for f in masked]
    item, lines = _item_model(returns), []
    for p in shown:
        if p.name == "update_mask" and mask:
            value = json.dumps(mask)
        elif p.name == "fields" and item is not None:
            value = json.dumps([f.key for f in item._fields.values()][:2])  # fields of what the answer holds
        elif p.name == "order_by" and _BACKTICKED.search(p.doc):
            value = json.dumps(_BACKTICKED.findall(p.doc)[0])  # the field its doc names (the server's default)
        else:
            value = values.value(p.name, p.type, named, not mask) if p is body else values.value(p.name, p.type)
        note = f"  # {type_name(p.type)} | {p.doc}" + ("" if p.required else " (optional)")
        lines.append(f"    {p.name} = {value}{note}".rstrip())
    dates = [c.__name__ for c in (dt.date, dt.datetime) if c in values.uses]
    imports = [f"from datetime import {', '.join(dates)}"] if dates else []
    imports += ["import airflow_python_sdk", f"from airflow_python_sdk.api import {_snake(api)}"]
    classes = {c for c in values.uses if c not in (dt.date, dt.datetime)} | set(_models_in(returns))
    imports += [f"from {c.__module__} import {c.__name__}" for c in sorted(classes, key=lambda c: c.__name__)]
    imports.append("from pprint import pprint")
    host = V2_HOST if version == "v2" else DEFAULT_HOST
    out = [*imports, "",
           "# .../api/v1 for Airflow 2, .../api/v2 for Airflow 3; see configuration.py for every option.",
           "configuration = airflow_python_sdk.Configuration(", f'    host="{host}",',
           '    username="YOUR_USERNAME",', '    password="YOUR_PASSWORD",', ")", "",
           "with airflow_python_sdk.ApiClient(configuration) as api_client:",
           f"    api_instance = {_snake(api)}.{api}(api_client)", *lines]  # fmt: skip
    args = ", ".join([p.name for p in shown if p.required] + [f"{p.name}={p.name}" for p in shown if not p.required])
    call = f"api_instance.{name}({args})"
    out += ["", "    try:"]
    if returns is None:
        out += [f"        {call}"]
    elif get_origin(returns) is Iterator:  # a generator: its items come as it is read
        out += [f"        for item in {call}:", "            pprint(item)"]
    else:
        out += [f"        api_response = {call}", "        pprint(api_response)"]
    out += ["    except airflow_python_sdk.OpenApiException as e:",
            f'        print("Exception when calling {api}->{name}: %s\\n" % e)']  # fmt: skip
    return "```python\n" + "\n".join(out) + "\n```"


def _param_table(params: Sequence[Param]) -> str:
    rows = ["Name | Type | Description  | Notes", "------------- | ------------- | ------------- | -------------"]
    for p in params:
        rows.append(f" **{p.name}** | {_model_link(p.type)}| {p.doc} | {'' if p.required else '[optional]'}")
    return "\n".join(rows)


def _return_text(returns: Any) -> str:
    if returns is None:
        return "void (empty response body)"
    return " or ".join(f"[**{m.__name__}**]({m.__name__}.md)" for m in _models_in(returns))


def render_api(cls: type[Api]) -> str:
    """The page of one API class, in the generator's layout."""
    name = cls.__name__
    ops = {op.id: op for op in cls.operations()}
    methods = [(n, m) for n, m in vars(cls).items() if inspect.isfunction(m) and not n.startswith("_")]
    methods.sort(key=lambda item: item[0])
    aliases = {n: m.operation.id for n, m in methods if getattr(m, "operation", None) and m.operation.id != n}
    out = [f"# airflow_python_sdk.{name}", "", f"All URIs are relative to *{DEFAULT_HOST}* (Airflow 2) or its "
           "`/api/v2` (Airflow 3); an operation only Airflow 3 has shows its `/api/v2` path.", "",
           "Method | HTTP request | Description", "------------- | ------------- | -------------"]  # fmt: skip
    for method_name, method in methods:
        op = ops.get(aliases.get(method_name, method_name))
        http = _http_line(op) if op else "composite: " + _composite_calls(method)
        summary = split_doc(method.__doc__ or "")[0]
        if method_name in aliases:
            target = aliases[method_name]
            summary = f"Airflow 3's name (operationId) of [**{target}**](#{target})."
        out.append(f"[**{method_name}**]({name}.md#{method_name}) | {http} | {summary}")
    for method_name, method in methods:
        if method_name in aliases:
            continue
        op = ops.get(method_name)
        summary, description, _ = split_doc(method.__doc__ or "")
        params, returns = (op.params, op.returns) if op else signature_params(method)
        out += ["", "", f"# **{method_name}**", _signature_line(method_name, method, returns), "", summary, ""]
        if description:
            out += [description, ""]
        out += [
            "### Example",
            "",
            "* Basic Authentication (Basic):",
            _example(name, method_name, params, returns, op, method),
            "",
        ]
        out += ["### Parameters", "", _param_table(params), "", "### Return type", "", _return_text(returns), ""]
        out += ["### Authorization", "", "[Basic](../README.md#Basic)", "", "### HTTP request headers", ""]
        has_body = op.body is not None if op else True
        out += [f" - **Content-Type**: {'application/json' if has_body else 'Not defined'}",
                " - **Accept**: application/json", ""]  # fmt: skip
        out += [*_response_table(op), *_airflow_3(op)] if op else [f"See {_composite_calls(method)}.", ""]
        out.append(FOOTER_API)
    return "\n".join(out) + "\n"


def _http_line(op: Operation) -> str:
    return f"**{op.method}** {op.path}" + ("" if op.v1 else " (Airflow 3 only)")


def _composite_calls(method: Callable[..., Any]) -> str:
    source = inspect.getsource(method)
    return ", ".join(
        f"[{n}](#{n})" for n in dict.fromkeys(re.findall(r"self\.(\w+)\(", source)) if n != method.__name__
    )


def _response_table(op: Operation) -> list[str]:
    rows = ["### HTTP response details", "| Status code | Description | Response headers |",
            "|-------------|-------------|------------------|",
            f"**{op.success_status}** | {SUCCESS_TEXT[op.success_status]} |  -  |"]  # fmt: skip
    rows += [f"**{code}** | {ERROR_TEXT[code]} |  -  |" for code in op.errors]
    return [*rows, ""]


def _airflow_3(op: Operation) -> list[str]:
    """What the operation sends on an Airflow 3 host, from its ``v2`` declaration."""
    form = op.v2
    out = ["### On Airflow 3 (`/api/v2`)", ""]
    if form is None:
        return [*out, "Not available there: raises `UnsupportedOperationError` before sending anything.", ""]
    path = (form.root or "/api/v2") + (form.path or op.path)
    dry_run = f" (a dry run: {path}{form.dry_run})" if form.dry_run else ""
    out += [f"**{form.method or op.method}** {path}{dry_run}", ""]
    notes = ["served by the FAB auth manager (its provider must be the server's auth manager)"] if form.root else []
    if not op.v1:
        notes.append("Airflow 3 only: on Airflow 2 it raises `UnsupportedOperationError` before sending anything")
    v2_only = [p.name for p in op.params if p.only == "v2"]
    if v2_only and op.v1:
        notes.append(f"Airflow 3 only (`ApiValueError` on Airflow 2): {', '.join(f'`{n}`' for n in v2_only)}")
    body = op.body.type if op.body is not None else None
    names = {p.name for p in op.params} | (
        set(body._fields) if isinstance(body, type) and issubclass(body, Model) else set()
    )
    notes += [f"`{old}` is sent as `{new}`" for old, new in form.rename.items() if old in names]
    notes += [f"always sends `{key}={value}`" for key, value in form.query.items()]
    v1_only = [p.name for p in op.params if p.only == "v1"]
    if isinstance(body, type) and issubclass(body, Model):
        v1_only += [f.key for f in body._fields.values() if f.v1_only]
    notes += [f"`{name}` is not available (`ApiValueError`)" for name in v1_only]
    notes += [f"`{name}` is sent as repeated values" for name in form.split]
    notes += [split_doc(hook.__doc__ or "")[0] for hook in (form.resolve, form.answer) if hook is not None]
    return [*out, *(f"- {note}" for note in notes), *([""] if notes else [])]


def render_model(cls: type) -> str:
    """The page of one model or enum."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    out = [f"# {cls.__name__}", "", doc, "", "## Properties", "Name | Type | Description | Notes",
           "------------ | ------------- | ------------- | -------------"]  # fmt: skip
    if issubclass(cls, OpenEnum):
        values = ", ".join(f'"{m.value}"' for m in cls)
        out.append(f"**value** | **str** | {doc.splitlines()[0]} | one of [{values}]; other values are kept as given")
    elif issubclass(cls, StringModel):
        out.append(f"**value** | **str** | {doc.splitlines()[0]} | any string")
    else:
        for f in cls._fields.values():
            nullable = ", none_type" if f.nullable else ""
            out.append(f"**{f.key}** | {_model_link(f.type)}{nullable} | {f.doc} | {field_notes(f)}")
        out.append("**any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | "
                   "keys a newer server sends are kept as they are | kept as sent")  # fmt: skip
        out += ["", FIELD_NOTES]
    return "\n".join([*out, "", FOOTER_MODEL]) + "\n"


FIELD_NOTES = (
    "Notes: **always sent**: every answer holds it (a list reads as `[]` without it, anything else raises "
    "`FieldNotInAnswerError`, as after `fields=[...]`); **may be left out**: reads as `None` when the answer "
    "lacks it; **may be null**: the server may send `null`; **read-only**: the server's, never sent in a "
    "request body; **required in a request**: a body without it is refused before sending; **Airflow 3 only** "
    "/ **Airflow 2 only**: the other generation neither sends it nor takes it (`ApiValueError` when set); "
    "**also read from**: the key another server release sends it under. A model is built with keywords, all "
    "of them optional."
)


def field_notes(f: FieldInfo) -> str:
    """What a model field's row says of it: whether answers always hold it, null, read-only, one generation's."""
    notes = ["always sent" if f._absent is not None else "may be left out"]
    notes += ["may be null"] * f.nullable + ["read-only"] * f.read_only + ["required in a request"] * f.required
    notes += ["Airflow 3 only"] * f.v2_only + ["Airflow 2 only"] * f.v1_only
    notes += [f"also read from {', '.join(f'`{k}`' for k in f.fallback_keys)}"] if f.fallback_keys else []
    return "; ".join(notes)


def _defined_in(package: str, base: tuple[type, ...]) -> list[type]:
    """The classes deriving from ``base`` that the modules of ``package`` define, by module name."""
    found = []
    for path in sorted((ROOT / "airflow_python_sdk" / package).glob("[!_]*.py")):
        module = importlib.import_module(f"airflow_python_sdk.{package}.{path.stem}")
        found += [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, base)
                  and c.__module__ == module.__name__]  # fmt: skip
    return found


def _model_classes() -> list[type]:
    return sorted(_defined_in("model", (Model, OpenEnum, StringModel)), key=lambda c: c.__name__)


def _api_classes() -> list[type[Api]]:
    return sorted(_defined_in("api", (Api,)), key=lambda c: c.__name__)


def render_exports(package: str, classes: list[type], what: str) -> str:
    """``models/__init__.py`` or ``apis/__init__.py``: every class of ``model/`` or ``api/``."""
    lines = [f'"""Every {what}, for ``from airflow_python_sdk.{package} import {classes[0].__name__}``."""', ""]
    by_module: dict[str, list[str]] = {}
    for c in sorted(classes, key=lambda c: (c.__module__, c.__name__)):
        by_module.setdefault(c.__module__, []).append(c.__name__)
    lines += [f"from {module} import {', '.join(names)}" for module, names in by_module.items()]
    names = textwrap.wrap(", ".join(f'"{c.__name__}"' for c in classes), 116)
    lines += ["", "# fmt: off", "__all__ = [", *(f"    {line}" for line in names), "]", "# fmt: on"]
    return "\n".join(lines) + "\n"


def render_readme_tables() -> tuple[str, str]:
    """README's endpoint table and model list."""
    rows = [
        "Class | Method | HTTP request | Description",
        "------------ | ------------- | ------------- | -------------",
    ]
    for cls in _api_classes():
        ops = {op.id: op for op in cls.operations()}
        for method_name, method in sorted(
            (n, m) for n, m in vars(cls).items() if inspect.isfunction(m) and not n.startswith("_")
        ):
            target = getattr(method, "operation", None)
            op = ops.get(method_name)
            http = _http_line(op) if op else "composite"
            summary = split_doc(method.__doc__ or "")[0]
            if target is not None and target.id != method_name:
                http, summary = _http_line(target), f"Airflow 3's name of `{target.id}`."
            rows.append(
                f"*{cls.__name__}* | [**{method_name}**](docs/{cls.__name__}.md#{method_name}) | {http} | {summary}"
            )
    model_rows = [f" - [{c.__name__}](docs/{c.__name__}.md)" for c in _model_classes()]
    return "\n".join(rows), "\n".join(model_rows)


REFERENCE = ROOT.parent / "shared" / "reference"
SPECS = {"v1": REFERENCE / "airflow-2.11.2-v1-openapi.yaml", "v2": REFERENCE / "airflow-3.3.2-v2-openapi.json"}
"""The specs real Airflow 2.11.2 and 3.3.2 servers serve; test_contract_v1/v2 check them against live servers."""


def load_spec(version: str) -> dict[str, Any]:
    """The reference copy of the spec of API version ``v1`` or ``v2``."""
    text = SPECS[version].read_text()
    if version == "v2":
        return json.loads(text)  # type: ignore[no-any-return]
    import yaml

    return yaml.safe_load(text)  # type: ignore[no-any-return]


def render_coverage() -> str:
    """README's table: the servers' operations per tag that an SDK method reaches, per generation."""
    from spec_coverage import EXCLUDED_V2, coverage, spec_operations

    counts: dict[str, dict[str, list[int]]] = {}
    names: dict[str, str] = {}
    for version in ("v1", "v2"):
        for reach in coverage(spec_operations(load_spec(version), "/api/v1" if version == "v1" else ""), version):
            tag = names.setdefault(re.sub(r"[^a-z]", "", reach.spec.tag.lower()), reach.spec.tag)  # DAGRun = DagRun
            cell = counts.setdefault(tag, {}).setdefault(version, [0, 0])
            cell[0] += (
                bool(reach.by)
                and not reach.missing_query
                and not reach.missing_body
                and not (version == "v2" and reach.spec.id in EXCLUDED_V2)
            )
            cell[1] += 1
    rows = ["Tag (the spec's) | Airflow 2.11 (`/api/v1`) | Airflow 3.3 (`/api/v2`)", "--- | --- | ---"]
    total = {"v1": [0, 0], "v2": [0, 0]}
    for tag in sorted(counts, key=str.lower):
        cells = []
        for version in ("v1", "v2"):
            reached, every = counts[tag].get(version, (0, 0))
            total[version][0] += reached
            total[version][1] += every
            cells.append(f"{reached}/{every}" if every else "-")
        rows.append(f"{tag} | {' | '.join(cells)}")
    rows.append("**all** | " + " | ".join(f"**{r}/{n}**" for r, n in total.values()))
    excluded = ", ".join(f"`{name}` ({why})" for name, why in EXCLUDED_V2.items())
    return "\n".join(rows) + (
        "\n\nAn operation counts as reached when an SDK method sends it with every query parameter and body "
        f"field the server's spec names. Left out on purpose (the Login tag): {excluded}. Users, roles and "
        "permissions are not in Airflow 3's core API: the FAB auth manager serves them (`/auth/fab/v1`)."
    )


_SHORT = 8
"""Lists of up to this many names are spelled out in the compatibility table; longer ones are counted."""


def render_compatibility() -> str:
    """README's compatibility table: what each supported release lacks, and what each release added,
    from ``airflow_python_sdk.versions`` (derived from the releases' specs by tools/version_data.py)."""
    from version_data import lacking

    from airflow_python_sdk.versions import QUIRKS, SINCE, SUPPORTED

    rows = ["Airflow | API | operations it lacks | parameters it lacks", "--- | --- | --- | ---"]
    rows += [compatibility_row(api, v, lacking(SINCE[api], v)) for api, releases in SUPPORTED.items() for v in releases]
    added: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    for entries in SINCE.values():
        for op, entry in entries.items():
            for key, first in entry.items():
                ops, params = added.setdefault(first, ([], {}))
                if key:
                    params.setdefault(op, []).append(key)
                else:
                    ops.append(op)
    lines = ["", "What each release added (operations; then parameters and body keys, by operation):", ""]
    for first in sorted(added, key=lambda v: tuple(map(int, v.split(".")))):
        ops, params = added[first]
        text = "; ".join(filter(None, [", ".join(f"`{o}`" for o in ops),
                                       ", ".join(f"`{o}({', '.join(k)})`" for o, k in params.items())]))  # fmt: skip
        lines.append(f"- **{first}**: {text}")
    quirks = [f"- **{q.first}{'' if q.fixed is None else ' (fixed in ' + q.fixed + ')'}**: `{q.op}` {q.what}"
              for q in QUIRKS.values()]  # fmt: skip
    return "\n".join([*rows, *lines, "", "Server quirks, by release, and what the SDK does:", "", *quirks])


def compatibility_row(api: str, version: str, gone: dict[str, list[str]]) -> str:
    """The table's row of one release, from what it lacks (``version_data.lacking``'s shape)."""
    from version_data import versioned_operations

    ops = [op for op, keys in gone.items() if keys == [""]]
    params = [f"{op}({', '.join(keys)})" for op, keys in gone.items() if keys != [""]]
    count = sum(len(keys) for keys in gone.values() if keys != [""])
    every = len(versioned_operations(api))
    return (f"{version} | `/api/{api}` | {_names(len(ops), ops, f'of {every}')} | "
            f"{_names(count, params, f'in {len(params)} operations')}")  # fmt: skip


def _names(count: int, names: list[str], otherwise: str) -> str:
    """``"3: `a`, `b`, `c`"``, or the count with ``otherwise`` when the list is long; "none" when empty."""
    if not names:
        return "none"
    return f"{count}: " + ", ".join(f"`{n}`" for n in names) if len(names) <= _SHORT else f"{count} {otherwise}"


def _replace_between(text: str, marker: str, body: str) -> str:
    begin, end = f"<!-- BEGIN {marker} -->", f"<!-- END {marker} -->"
    start, stop = text.index(begin) + len(begin), text.index(end)
    return text[:start] + "\n" + body + "\n" + text[stop:]


def render_all() -> dict[pathlib.Path, str]:
    """Every rendered file, by path."""
    files = {ROOT / "docs" / f"{cls.__name__}.md": render_api(cls) for cls in _api_classes()}
    files.update({ROOT / "docs" / f"{cls.__name__}.md": render_model(cls) for cls in _model_classes()})
    readme = (ROOT / "README.md").read_text()
    endpoints, model_list = render_readme_tables()
    readme = _replace_between(readme, "API TABLE", endpoints)
    readme = _replace_between(readme, "MODEL LIST", model_list)
    readme = _replace_between(readme, "COVERAGE", render_coverage())
    files[ROOT / "README.md"] = _replace_between(readme, "COMPATIBILITY", render_compatibility())
    package = ROOT / "airflow_python_sdk"
    files[package / "models" / "__init__.py"] = render_exports("models", _model_classes(), "model")
    files[package / "apis" / "__init__.py"] = render_exports("apis", _api_classes(), "API class")
    return files


def main(argv: list[str]) -> int:
    files = render_all()
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    if "--check" in argv:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path])
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
