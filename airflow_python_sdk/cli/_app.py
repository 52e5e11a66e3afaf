"""The machinery of ``airflow-sdk``: a command is an API method plus how to show its answer.

A :class:`Cmd` names an API class's method and which of its parameters -- or its body model's fields --
the command takes; :func:`command` makes the click command, whose types, choices and help come from the
operation's declaration. So a command works on each server generation its operation has a form for,
and on another one exits 2 with the SDK's :class:`~airflow_python_sdk.UnsupportedOperationError`,
nothing sent. Answers are shown as a table (rich: colour only on a terminal, never with ``NO_COLOR``),
JSON or YAML; a list operation pages with ``--limit``/``--all`` (``paginate``; a spinner on a
terminal's stderr).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import importlib
import json
import os
import re
import sys
import types
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn, Union, get_args, get_origin
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

import airflow_python_sdk as sdk
from airflow_python_sdk.api_client import ApiClient
from airflow_python_sdk.auth import ENV_TOKEN_FILE, NO_CREDENTIALS
from airflow_python_sdk.configuration import ENV_ACCESS_TOKEN, ENV_HOST, ENV_PASSWORD, Configuration
from airflow_python_sdk.model.schedule_interval import ScheduleInterval
from airflow_python_sdk.model_utils import FieldInfo, Model, OpenEnum, Unreadable, format_datetime, json_data
from airflow_python_sdk.model_utils import parse_datetime as _parse_datetime
from airflow_python_sdk.operation import Operation, Param
from airflow_python_sdk.profiles import ENV_PROFILE, config_path, profile_configuration
from airflow_python_sdk.rest import redact_url

__all__ = ["Call", "Cmd", "Failed", "Group", "PROG", "command", "describe", "global_options", "note", "show"]

PROG = "airflow-sdk"
EXIT_API_ERROR, EXIT_USAGE, EXIT_TIMED_OUT, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 3, 130, 141
"""1: the API failed (an error status, no connection, a request's timeout, a run or task that did not succeed);
2: the command line or configuration is wrong, or the server's Airflow lacks the operation (nothing sent);
3: a wait gave up at ``--wait-timeout`` (the run goes on)."""
STYLES = {"success": "green", "healthy": "green", "created": "green", "updated": "green", "running": "cyan",
          "failed": "red", "upstream_failed": "red", "unhealthy": "red", "skipped": "yellow"}  # fmt: skip
"""Colours of the words in ``state``, ``status`` and ``result`` columns (on a terminal)."""


class Failed(Exception):
    """Ends a command with exit code 1 after its message (the answer, if any, already shown)."""


@dataclasses.dataclass(frozen=True)
class Cmd:
    """One command: ``method`` (an API class's function, e.g. ``PoolApi.get_pool``) and how to call and show it.

    ``args`` and ``opts`` name (space-separated) the method's parameters, or its body model's fields, that the
    command takes as arguments and as options; an option may give its flags (``tags:--tag``,
    ``paused:--paused/--active``) or a default (``order_by=dag_id``); other names are :data:`EXTRA`'s. A list is
    a repeated option, or an argument taking several values; a plain flag sends false to a body field. Given
    fields make the body; where both generations take ``update_mask``, it lists them and the path's id is copied
    into the body (``pool_name`` into ``name``), and ``current`` (the get method) fills the rest of the body, for
    Airflow 3 validates whole bodies. ``fixed`` values are sent as given; ``alt=(name, method)`` calls ``method``
    when option ``name`` is given (the mapped form for ``--map-index``). ``cols``: a list's columns (those the
    answer has; none: its first fields; ``~dag_id``: only when argument ``dag_id`` is ``~``, every DAG); ``rows``
    makes the table's rows of an answer; an empty answer prints ``done`` (``deleted pool {pool_name}``); ``run``
    replaces the plain call and returns what to show.
    """

    name: str
    method: Callable[..., Any]
    args: str = ""
    opts: str = ""
    cols: str = ""
    fixed: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    alt: tuple[str, Callable[..., Any]] | None = None
    current: Callable[..., Any] | None = None
    rows: Callable[[Any], list[Any]] | None = None
    done: str = ""
    run: Callable[[Call], Any] | None = None
    help: str = ""


@dataclasses.dataclass
class Call:
    """A command being run: the client, the bound method, its arguments (``kwargs``), the command line's values."""

    client: ApiClient
    method: Callable[..., Any]
    kwargs: dict[str, Any]
    p: dict[str, Any]

    def __call__(self, **more: Any) -> Any:
        return self.method(**{**self.kwargs, **more})


def _datetime(text: str) -> dt.datetime:
    try:
        return _parse_datetime(text)
    except (ValueError, OverflowError):
        raise click.BadParameter(f"{text!r} is not an ISO 8601 date-time like 2024-05-01T06:00:00Z") from None


def _json(text: str, anything: bool = False) -> Any:
    """A JSON object; with ``anything``, any JSON value, and text that is no JSON as that text."""
    try:
        parsed = json.loads(text)
    except ValueError as exc:
        if anything:
            return text
        raise click.BadParameter(f"not valid JSON ({exc})") from None
    if not (anything or isinstance(parsed, dict)):
        raise click.BadParameter('must be a JSON object, like \'{"key": "value"}\'')
    return parsed


SECONDS = click.FloatRange(min=0, min_open=True, max=1e9)
TYPES: dict[Any, Any] = {int: int, float: float, bool: bool, dt.datetime: _datetime, dict: _json,
                         Any: lambda text: _json(text, anything=True)}  # fmt: skip
EXTRA: dict[str, dict[str, Any]] = {
    "wait": {"is_flag": True, "help": "Wait until the run finishes; exit 1 unless it succeeded (3: timed out)."},
    "wait_timeout": {"type": SECONDS, "help": "Give up waiting after S seconds and exit 3 (default 3600)."},
    "poll_interval": {"type": SECONDS, "help": "Seconds between checks (default 5 for runs, 1 for logs)."},
    "dry_run": {"is_flag": True, "help": "Only show what would be done; change nothing."},
    "map_index": {"type": int, "help": "The map index of a mapped task's instance."},
    "try_number": {"decls": ["--try"], "type": click.IntRange(min=1), "help": "The try (default: the latest)."},
    "follow": {"is_flag": True, "help": "Stream a running try's log until the try ends; exit 1 if it failed."},
    "on_conflict": {"type": click.Choice(["overwrite", "skip", "fail"]), "default": "fail", "show_default": True,
                    "help": "What to do with an item the server has already."},
    "file": {"argument": True, "type": click.File("r")},
    "out": {"argument": True, "type": click.File("w"), "metavar": "FILE"},
}  # fmt: skip
"""Options (and file arguments) that are no operation's parameter: how the command behaves."""


def _types(tp: Any) -> list[Any]:
    return [a for a in get_args(tp) if a is not type(None)] if get_origin(tp) in (Union, types.UnionType) else [tp]


def _click_type(tp: Any) -> tuple[Any, bool]:
    """The click type of a declared type (enums: a choice of their values; unions: text), and whether it is a list."""
    options = _types(tp)
    listed = [get_args(o)[0] for o in options if get_origin(o) is list]
    if listed:
        return _click_type(listed[0])[0], True
    enums = [e.value for t in options if isinstance(t, type) and issubclass(t, OpenEnum) for e in t]
    if enums:
        return click.Choice(list(dict.fromkeys(enums))), False
    return TYPES.get(get_origin(options[0]) or options[0], str) if len(options) == 1 else str, False


def _doc(text: str) -> str:
    """A declaration's doc as plain help text (no reST markup)."""
    return re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "")


def _body_model(op: Operation) -> type[Model] | None:
    models = [t for t in _types(op.body.type) if isinstance(t, type) and issubclass(t, Model)] if op.body else []
    return models[0] if models else None


def _declared(name: str, ops: Iterable[Operation]) -> Param | FieldInfo | None:
    """The first operation's parameter ``name``, or else its body model's field; None if none has it."""
    for op in ops:
        model = _body_model(op)
        found = next((p for p in op.params if p.name == name), None)
        if found is not None or (model is not None and name in model._fields):
            return found or model._fields[name]  # type: ignore[union-attr]
    return None


def _param(spec: str, ops: list[Operation], positional: bool) -> click.Parameter:
    """The click argument or option for one name of a :class:`Cmd`'s ``args`` or ``opts``."""
    name, _, flags = spec.partition(":")
    name, _, default = name.partition("=")
    flag = flags or "--" + name.replace("_", "-")
    declared = _declared(name, ops)
    if declared is None:
        extra = dict(EXTRA[name])
        if extra.pop("argument", False):
            return click.Argument([name], **extra)
        return click.Option([*extra.pop("decls", [flag]), name], **extra)
    tp, many = _click_type(declared.type)
    if positional:
        return click.Argument([name], type=tp, nargs=-1 if many else 1, required=not many)
    if tp is bool:
        return click.Option([flag, name], is_flag=True, default=None if "/" in flag else False, help=_doc(declared.doc))
    given: dict[str, Any] = {"default": (default,) if many else default, "show_default": True} if default else {}
    given |= {"metavar": "DATETIME"} if tp is _datetime else {}
    only = " (Airflow 3 only)" if getattr(declared, "only", None) == "v2" else ""
    return click.Option([flag, name], type=tp, multiple=many, help=_doc(declared.doc) + only, **given)


def _given(value: Any) -> bool:
    return value is not None and value != () and value != [] and value is not False  # a repeated option: () or []


def _arguments(cmd: Cmd, op: Operation, p: Mapping[str, Any]) -> dict[str, Any]:
    """The method's keyword arguments from the command line's values ``p`` (see :class:`Cmd`)."""
    params, model = {x.name: x for x in op.params}, _body_model(op)
    kwargs: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for name, value in {**p, **cmd.fixed}.items():
        value = list(value) if isinstance(value, tuple) else value
        if name in params and _given(value):
            kwargs[name] = value
        elif model is not None and name in model._fields and (_given(value) or value is False):
            body[name] = value
    if model is None or op.body is None:
        return kwargs
    if "update_mask" in params and params["update_mask"].only is None:  # both generations take a mask
        if not body:
            raise click.UsageError("nothing to change: give at least one option")
        kwargs.setdefault("update_mask", list(body))
        for x in op.params:  # the path's id, under the body's name for it
            field = x.name if x.name in model._fields else x.name.partition("_")[2]
            if x.where == "path" and field in model._fields:
                body.setdefault(field, kwargs[x.name])
    if body or op.body.required:
        kwargs[op.body.name] = model(**body)
    return kwargs


def command(cmd: Cmd) -> click.Command:
    """The click command of ``cmd``: its parameters, usage and help derived from the declarations."""
    ops: list[Operation] = [f.operation for f in (cmd.method, *(cmd.alt or ())[1:])]
    params = [_param(s, ops, True) for s in cmd.args.split()] + [_param(s, ops, False) for s in cmd.opts.split()]
    paged = bool(ops[0].models) and ops[0].models[0]._items is not None and "offset" in {x.name for x in ops[0].params}
    if paged:
        params += [click.Option(["--limit"], type=click.IntRange(min=1), help="At most N items (the server's "
                                "default page: 100 on Airflow 2, 50 on Airflow 3)."),
                   click.Option(["--all", "every"], is_flag=True, help="Every item, walking all pages.")]  # fmt: skip
    docs = [(x.name or "", _declared(x.name or "", ops)) for x in params if isinstance(x, click.Argument)]
    lines = [f"{name.upper()}  {_doc(d.doc)}" for name, d in docs if d is not None]
    summary = (cmd.help or _doc(ops[0].summary)).rstrip(".") + ("" if ops[0].v1 else " (Airflow 3 only)")

    def callback(**p: Any) -> None:
        with _client() as client:
            function = cmd.alt[1] if cmd.alt is not None and _given(p.get(cmd.alt[0])) else cmd.method
            op: Operation = function.operation  # type: ignore[attr-defined]
            api = vars(sys.modules[function.__module__])[op.api](client)
            call = Call(client, getattr(api, op.id), _arguments(cmd, op, p), p)
            if cmd.current is not None and op.body is not None:
                body = call.kwargs[op.body.name]
                now = getattr(api, cmd.current.__name__)(*[call.kwargs[x.name] for x in op.params if x.where == "path"])
                fields = type(body)._fields
                for field in now._present():  # a null is not echoed back: 2.7 answers one it refuses
                    value, name = now[field.name], field.name
                    if value is not None and body.get(name) is None and not field.read_only and name in fields:
                        body[name] = value
            data = cmd.run(call) if cmd.run else _paged(call, op) if paged else call()
            if data is None and cmd.done:
                done = cmd.done.format(**p)
                show({**{k: p[k] for k in cmd.args.split()}, done.split()[0]: True}, text=done)
            elif data is not None:
                cols = [c.lstrip("~") for c in cmd.cols.split() if not c.startswith("~") or p.get(c[1:]) == "~"]
                show(data, " ".join(cols), cmd.rows)

    return click.Command(cmd.name, callback=callback, params=params, short_help=summary,
                         help=summary + "." + ("\n\n\b\n" + "\n".join(lines) if lines else ""),
                         epilog="The global options (airflow-sdk --help) are accepted here too.")  # fmt: skip


def _paged(call: Call, op: Operation) -> list[Any]:
    """Every item with ``--all`` (a spinner counting them on a terminal); else one page, noting when there are more."""
    if call.p["every"] and call.p["limit"]:
        raise click.UsageError("--limit and --all cannot be used together")
    if call.p["every"]:
        walk, err, found = sdk.paginate(call.method, **call.kwargs), _console(err=True), []
        if not err.is_terminal:
            return list(walk)
        with Progress(SpinnerColumn(), TextColumn("{task.description}: {task.completed:.0f}"), console=err,
                      transient=True) as progress:  # fmt: skip
            task = progress.add_task(op.id)
            for item in walk:
                found.append(item)
                progress.advance(task)
        return found
    page = call(**({"limit": call.p["limit"]} if call.p["limit"] else {}))
    items: list[Any] = page[type(page)._items.name]
    total = page.get("total_entries")  # None: not counted
    if _output() == "table" and isinstance(total, int) and total > len(items):
        note(f"showing {len(items)} of {total}; --all lists every page")
    return items


def _output() -> str:
    return str(_settings().get("output") or "table")


def _console(err: bool = False) -> Console:
    stream = sys.stderr if err else sys.stdout
    return Console(file=stream, highlight=False, width=None if stream.isatty() else 100_000)


def note(message: str) -> None:
    """A message on stderr (never on stdout, which carries the answer)."""
    click.echo(message, err=True)


def show(data: Any, cols: str = "", rows: Callable[[Any], list[Any]] | None = None, text: str = "") -> None:
    """``data`` (a model, a list, a dict) as JSON, YAML, or a table: a list by rows (``rows`` makes them),
    one object by ``field  value`` lines, or ``text``; a collection is its items."""
    items = type(data)._items if isinstance(data, Model) else None
    data = data[items.name] if items is not None else data
    if _output() != "table":
        plain = json_data(data)
        yaml = importlib.import_module("yaml") if _output() == "yaml" else None  # the cli extra's PyYAML
        click.echo(yaml.safe_dump(plain, sort_keys=False, allow_unicode=True) if yaml else json.dumps(plain, indent=2),
                   nl=yaml is None)  # fmt: skip
    elif text:
        click.echo(text)
    elif rows is not None or isinstance(data, list):
        _table(rows(data) if rows else data, cols.split())
    else:
        fields = data.to_dict() if isinstance(data, Model) else dict(data)
        _table([{"field": k, "value": _value(data, k)} for k in fields], ["field", "value"], header=False)


def _value(row: Any, name: str) -> Any:
    """A field's value (``schedule``: Airflow 2's interval or Airflow 3's summary); an unreadable one marked."""
    if not isinstance(row, (Model, dict)):
        return row  # a list of plain values: the one column
    if name == "schedule":
        return _value(row, "schedule_interval") or _value(row, "timetable_summary")
    try:
        return row.get(name)
    except sdk.ApiValueError:
        return Unreadable(row._raw.get(name)) if isinstance(row, Model) else None


def _cell(value: Any) -> str:
    """One value as table text: ISO 8601 datetimes to the second, lists joined, ``-`` for nothing."""
    if value is None or value == "":
        return "-"
    if isinstance(value, (bool, enum.Enum)):
        return str(value).lower() if isinstance(value, bool) else str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value.replace(microsecond=0))
    if isinstance(value, ScheduleInterval) and (value.value or value.type_ == "TimeDelta"):
        return value.value or str(dt.timedelta(days=value.days or 0, seconds=value.seconds or 0))
    if isinstance(value, Model) and "name" in value:  # a Tag
        return str(value["name"])
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value) or "-"
    if isinstance(value, (dict, Model, Unreadable)):
        plain = value.to_dict() if isinstance(value, Model) else value.raw if isinstance(value, Unreadable) else value
        return json.dumps(plain, default=str)
    return " ".join(str(value).split()) or "-"  # one line per value


def _table(rows: list[Any], cols: list[str], header: bool = True) -> None:
    """Rows under a header of ``cols`` (none: a row's first six plain fields)."""
    present = cols
    if not present and rows:
        first = rows[0].to_dict() if isinstance(rows[0], Model) else rows[0]
        present = [k for k, v in first.items() if not isinstance(v, (list, dict, Model))][:6]
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="bold", show_header=header)
    for name in present:
        table.add_column(name, overflow="fold", style="bold" if not header and name == "field" else "")
    for row in rows:
        texts = [(_cell(_value(row, c)), c in ("state", "status", "result")) for c in present]
        table.add_row(*(Text(text, style=STYLES.get(text, "") if styled else "") for text, styled in texts))
    console = _console()
    with console.capture() as captured:
        console.print(table)
    text = captured.get()  # off a terminal: without the padding after the last column
    click.echo(text.rstrip("\n") if console.is_terminal else "\n".join(line.rstrip() for line in text.splitlines()))


def _settings() -> dict[str, Any]:
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().meta.setdefault("airflow_sdk", {}) if ctx is not None else {}


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Keep a global option given here; one given after the subcommand replaces one given before it."""
    if _given(value):
        key = str(param.name)[2:]
        if key == "timeout" and any(x.name == "wait_timeout" for x in ctx.command.params):  # wait, trigger
            where = ctx.command_path.removeprefix(f"{PROG} ")
            raise click.UsageError(
                f"--timeout is each HTTP request's timeout, not the wait's: use --wait-timeout SECONDS "
                f"(an HTTP timeout goes before the command: {PROG} --timeout {value} {where} ...)",
                ctx,
            )
        _settings()["output" if key == "json" else key] = "json" if key == "json" else value


def global_options(hidden: bool) -> list[click.Option]:
    """The options every command takes, before its name or after it: the server, the user, the output."""
    flag, output = {"is_flag": True}, {"type": click.Choice(["table", "json", "yaml"])}
    specs: list[tuple[str, dict[str, Any], str]] = [
        ("--url", {}, f"The server's URL, or its API's (.../api/v2, .../api/v1); env {ENV_HOST}."),
        ("--profile", {}, f"A profile of the config file ({PROG} profiles list; env {ENV_PROFILE}); flags win."),
        ("--username", {}, "User to log in as (env AIRFLOW_USERNAME)."),
        ("--password", {}, f"Password (prefer env {ENV_PASSWORD}: others see command lines)."),
        ("--token", {}, f"Bearer token instead of a user (env {ENV_ACCESS_TOKEN})."),
        ("--insecure", flag, "Do not verify TLS certificates (env AIRFLOW_VERIFY_SSL=false)."),
        ("--ca-bundle", {}, "CA bundle to verify the server with (env AIRFLOW_CA_BUNDLE)."),
        ("--timeout", {"type": SECONDS}, "Seconds to wait for each answer (default: 10 to connect, 60 to read)."),
        ("--json", flag, "Print JSON (every field the server sent, as the SDK reads it)."),
        ("-o/--output", output, "Output format (default table)."),
        ("-v/--verbose", flag, "Log each request and its status on stderr (never credentials)."),
    ]
    return [
        click.Option([*decls.split("/"), "g_" + decls.split("--")[1].replace("-", "_")], expose_value=False,
                     callback=_remember, hidden=hidden, help=text, **kwargs)
        for decls, kwargs, text in specs
    ]  # fmt: skip


def _configuration(s: Mapping[str, Any], environ: Mapping[str, str]) -> Configuration:
    """The profile's configuration (``--profile``, ``AIRFLOW_PROFILE``, or -- without ``--url`` and
    ``AIRFLOW_API_URL`` -- the default one when the config file exists), else the environment's; the flags
    given over it. ValueError when unusable."""
    profile = s.get("profile") or environ.get(ENV_PROFILE) or None
    if profile is None and not s.get("url") and not environ.get(ENV_HOST) and config_path(environ).is_file():
        profile = ""  # the config file's default profile
    source, url = ("--url", s.get("url")) if s.get("url") or profile is not None else (ENV_HOST, environ.get(ENV_HOST))
    url = str(url or "")
    if not url and profile is None:
        raise ValueError(
            f"no server given: use --url or set {ENV_HOST}, e.g. http://127.0.0.1:8080/api/v1, or --profile NAME "
            f"(a profile of {config_path(environ)}: {PROG} profiles add NAME --url URL --auth KIND)"
        )
    parts = urlsplit(url.strip())
    if url and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValueError(
            f"{source} must be the server's URL, like http://127.0.0.1:8080 (its API is found), or its API's: "
            f".../api/v2 for Airflow 3, .../api/v1 for Airflow 2; not {redact_url(url)!r}"
        )
    overrides: dict[str, Any] = {"host": url} if url else {}  # no url: the profile's (without one, none: refused)
    if s.get("username") is not None:
        overrides.update(username=s["username"], access_token=None)  # a user given wins over a token in the env
    for flag, option in (("password", "password"), ("token", "access_token"), ("ca_bundle", "ssl_ca_cert"),
                         ("timeout", "timeout")):  # fmt: skip
        if s.get(flag) is not None:
            overrides[option] = s[flag]
    if s.get("insecure"):
        overrides["verify_ssl"] = False
    if profile is None:
        config = Configuration.from_env(environ, **overrides)
    else:
        with warnings.catch_warnings(record=True) as caught:  # a secret others can read: said on stderr
            warnings.simplefilter("always")
            config = profile_configuration(profile or None, config_path(environ), **overrides)
        for warning in caught:
            note(f"{PROG}: warning: {warning.message}")
    config.debug = bool(s.get("verbose"))
    return config


def _client() -> ApiClient:
    try:
        return ApiClient(_configuration(_settings(), os.environ))
    except ValueError as exc:  # ApiValueError from a malformed AIRFLOW_VERIFY_SSL included
        raise click.UsageError(_redact(str(exc))) from None


NO_CREDENTIALS_HINT = (
    f"no credentials were sent: use --username and --password (env AIRFLOW_USERNAME, {ENV_PASSWORD}), --token "
    f"(env {ENV_ACCESS_TOKEN}), a token file (env {ENV_TOKEN_FILE}) or --profile NAME (env {ENV_PROFILE}; "
    f"{PROG} profiles add)"
)
"""What a 401 to a request without credentials says on the command line (the SDK's text names keywords)."""


def describe(exc: BaseException) -> str:
    """What went wrong, in one or two lines: the server's title and detail for an error status."""
    if isinstance(exc, sdk.ApiException):
        said = [str(p) if isinstance(p, str) else json.dumps(p) for p in (exc.title, exc.detail) if p]
        said = said or ([" ".join(exc.body.split())[:300]] if exc.body else [])
        reason = (exc.reason or "").replace(NO_CREDENTIALS, NO_CREDENTIALS_HINT)
        return f"{exc.status} {reason}".rstrip() + "".join(f": {p}" for p in said)
    return str(exc)


def _redact(text: str) -> str:
    s = _settings()
    for secret in (s.get("password"), s.get("token"), os.environ.get(ENV_PASSWORD), os.environ.get(ENV_ACCESS_TOKEN)):
        text = text.replace(secret, "***") if secret else text
    return text


def _fail(code: int, message: str) -> NoReturn:
    note(f"{PROG}: {_redact(message)}")
    raise click.exceptions.Exit(code)


class Group(click.Group):
    """A group whose commands end in exit codes: an SDK error is one line on stderr, never a traceback."""

    aliases: Mapping[str, str] = {}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.aliases.get(cmd_name, cmd_name))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Failed as exc:
            _fail(EXIT_API_ERROR, str(exc))
        except sdk.UnsupportedOperationError as exc:
            _fail(EXIT_USAGE, f"{ctx.command_path} {ctx.invoked_subcommand}: {exc}".removeprefix(f"{PROG} "))
        except (sdk.ApiTypeError, sdk.ApiValueError) as exc:  # refused before sending
            _fail(EXIT_USAGE, f"error: {exc}")
        except sdk.WaitTimeoutError as exc:
            _fail(EXIT_TIMED_OUT, f"timed out: {exc}")
        except sdk.OpenApiException as exc:  # an error status, no connection, a timeout, an unreadable answer
            _fail(EXIT_API_ERROR, f"error: {describe(exc)}")
        except KeyboardInterrupt:
            _fail(EXIT_INTERRUPTED, "interrupted")
        except BrokenPipeError:  # stdout closed early, e.g. piped into head
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the final flush must not fail again
            raise click.exceptions.Exit(EXIT_BROKEN_PIPE) from None


def leaves(group: click.Group) -> Iterable[click.Command]:
    """Every command under ``group``, however deep."""
    for cmd in group.commands.values():
        yield from leaves(cmd) if isinstance(cmd, click.Group) else [cmd]
