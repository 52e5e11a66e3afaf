"""``airflow-sdk``: DAG runs and DAGs from the shell (also ``python -m airflow_python_sdk``).

::

    export AIRFLOW_API_URL=http://127.0.0.1:8080/api/v1 AIRFLOW_USERNAME=admin AIRFLOW_PASSWORD=admin
    airflow-sdk dag-runs trigger my_dag --conf '{"day": "2024-05-01"}' --wait
    airflow-sdk dag-runs list my_dag --state failed --all --json

Exit codes: 0 done; 1 the API failed (an error status, no connection, a timeout, a run that did not
succeed); 2 the command line or configuration is wrong. Credentials are never printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import airflow_python_sdk as sdk
from airflow_python_sdk._version import __version__
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api_client import ApiClient
from airflow_python_sdk.configuration import ENV_ACCESS_TOKEN, ENV_HOST, ENV_PASSWORD, Configuration
from airflow_python_sdk.exceptions import ApiValueError
from airflow_python_sdk.model.clear_dag_run import ClearDagRun
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.schedule_interval import ScheduleInterval
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState
from airflow_python_sdk.model_utils import Model, Unreadable, format_datetime, json_data, parse_datetime
from airflow_python_sdk.rest import redact_url
from airflow_python_sdk.waiting import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_API_ERROR", "EXIT_USAGE"]

PROG = "airflow-sdk"
EXIT_OK = 0
EXIT_API_ERROR = 1
"""The server answered with an error, could not be reached, timed out, or a run did not succeed."""
EXIT_USAGE = 2
"""Bad arguments or configuration (argparse uses 2 too)."""
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""stdout was closed early (``airflow-sdk ... | head``): what a shell reports for SIGPIPE."""

RUN_COLUMNS = ("dag_run_id", "state", "run_type", "logical_date", "start_date", "end_date")
DAG_COLUMNS = ("dag_id", "is_paused", "schedule", "owners", "tags")
TASK_INSTANCE_COLUMNS = ("task_id", "dag_run_id", "state")
SETTABLE_STATES = ("success", "failed", "queued")
EMPTY = "-"
"""How a table shows a missing value."""

Handler = Callable[[ApiClient, argparse.Namespace], int]


class _Failed(Exception):
    """Ends the command with :data:`EXIT_API_ERROR` after printing its message (a run that failed)."""


# --- output --------------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _print_json(data: Any) -> None:
    print(json.dumps(json_data(data), indent=2, default=_json_default))


def _schedule_text(schedule: ScheduleInterval) -> str:
    if schedule.value is not None:  # CronExpression
        return schedule.value
    if schedule.type_ == "TimeDelta":
        return str(dt.timedelta(days=schedule.days or 0, seconds=schedule.seconds or 0))
    parts = {k: v for k, v in schedule.to_dict().items() if k != "__type" and v}
    return f"{schedule.type_ or 'schedule'}({', '.join(f'{k}={v}' for k, v in parts.items())})"


def _cell(value: Any) -> str:
    """One value as table text: ISO 8601 datetimes to the second, lists joined, ``-`` for nothing."""
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value.replace(microsecond=0))
    if isinstance(value, ScheduleInterval):
        return _schedule_text(value)
    if isinstance(value, Model) and "name" in value:  # a Tag
        return str(value["name"])
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value) or EMPTY
    if isinstance(value, (dict, Model)):
        return json.dumps(value.to_dict() if isinstance(value, Model) else value, default=_json_default)
    text = " ".join(str(value).split())  # one line per row
    return text or EMPTY


def _value(model: Model, name: str) -> Any:
    """A field's value; one that cannot be read is shown as sent, marked (``<unreadable ...>``)."""
    try:
        return model.get(name)
    except ApiValueError:
        return Unreadable(model._raw.get(name))


def _column(model: Model, name: str) -> Any:
    if name == "schedule":  # Airflow 2's schedule_interval, Airflow 3's timetable_summary
        return _value(model, "schedule_interval") or _value(model, "timetable_summary")
    return _value(model, name)


def _print_table(models: Iterable[Model], columns: Sequence[str]) -> None:
    """Rows of ``columns`` under a header of the same names, padded to line up."""
    rows = [list(columns)] + [[_cell(_column(m, c)) for c in columns] for m in models]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    for row in rows:
        print("  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)).rstrip())


def _print_details(model: Model) -> None:
    """One object as ``field  value`` lines: every field the server sent, in declared order."""
    fields = model.to_dict()
    width = max((len(k) for k in fields), default=0)
    for name in fields:
        print(f"{name.ljust(width)}  {_cell(_value(model, name))}".rstrip())


def _show(args: argparse.Namespace, data: Model | Sequence[Model], columns: Sequence[str] = ()) -> None:
    """``data`` as JSON with ``--json``, else as a table (lists, or ``columns`` given) or field lines."""
    if args.json:
        _print_json(data)
    elif not isinstance(data, Model):
        _print_table(data, columns)
    elif columns:
        _print_table([data], columns)
    else:
        _print_details(data)


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- commands ------------------------------------------------------------------------------------


def _paged(
    args: argparse.Namespace, list_method: Callable[..., Any], items: str, *method_args: Any, **filters: Any
) -> list[Any]:
    """Every item with ``--all``; else one page of ``--limit`` (noting on stderr when there are more)."""
    filters = {k: v for k, v in filters.items() if v is not None}
    if args.all:
        return list(sdk.paginate(list_method, *method_args, **filters))
    page = list_method(*method_args, limit=args.limit, **filters)
    found: list[Any] = page[items]
    total = page.get("total_entries")  # None: not counted (Airflow 3 may say null)
    if not args.json and total is not None and total > len(found):
        _note(f"showing {len(found)} of {total}; --all lists every page")
    return found


def _dag_runs_list(client: ApiClient, args: argparse.Namespace) -> int:
    api = DAGRunApi(client)
    runs = _paged(args, api.get_dag_runs, "dag_runs", args.dag_id, state=args.state, order_by=args.order_by)
    _show(args, runs, RUN_COLUMNS)
    return EXIT_OK


def _dag_runs_get(client: ApiClient, args: argparse.Namespace) -> int:
    _show(args, DAGRunApi(client).get_dag_run(args.dag_id, args.dag_run_id))
    return EXIT_OK


def _wait(api: DAGRunApi, args: argparse.Namespace, dag_run_id: str) -> DAGRun:
    timeout = DEFAULT_WAIT_TIMEOUT if args.wait_timeout is None else args.wait_timeout
    poll_interval = DEFAULT_POLL_INTERVAL if args.poll_interval is None else args.poll_interval
    return api.wait_for_dag_run(args.dag_id, dag_run_id, timeout=timeout, poll_interval=poll_interval)


def _finish(args: argparse.Namespace, run: DAGRun) -> int:
    """Show a finished run; exit 1 unless it succeeded."""
    _show(args, run)
    if run.state != "success":
        raise _Failed(f"DAG run {run.dag_run_id!r} of {run.dag_id!r} finished {_cell(run.state)}")
    return EXIT_OK


def _dag_runs_trigger(client: ApiClient, args: argparse.Namespace) -> int:
    if not args.wait and (args.wait_timeout, args.poll_interval) != (None, None):
        args.parser.error("--timeout and --poll-interval need --wait")
    api = DAGRunApi(client)
    fields = {"dag_run_id": args.run_id, "conf": args.conf, "logical_date": args.logical_date, "note": args.note}
    run = api.post_dag_run(args.dag_id, DAGRun(**{k: v for k, v in fields.items() if v is not None}))
    if not args.wait:
        _show(args, run)
        return EXIT_OK
    _note(f"triggered {run.dag_run_id!r}; waiting for it to finish")
    return _finish(args, _wait(api, args, run.dag_run_id))


def _dag_runs_wait(client: ApiClient, args: argparse.Namespace) -> int:
    return _finish(args, _wait(DAGRunApi(client), args, args.dag_run_id))


def _dag_runs_set_state(client: ApiClient, args: argparse.Namespace) -> int:
    change = UpdateDagRunState(state=args.state)
    _show(args, DAGRunApi(client).update_dag_run_state(args.dag_id, args.dag_run_id, change))
    return EXIT_OK


def _dag_runs_note(client: ApiClient, args: argparse.Namespace) -> int:
    note = SetDagRunNote(note=args.text)
    _show(args, DAGRunApi(client).set_dag_run_note(args.dag_id, args.dag_run_id, note))
    return EXIT_OK


def _dag_runs_clear(client: ApiClient, args: argparse.Namespace) -> int:
    result = DAGRunApi(client).clear_dag_run(args.dag_id, args.dag_run_id, ClearDagRun(dry_run=args.dry_run))
    if isinstance(result, TaskInstanceCollection):  # a dry run: what would be cleared
        _show(args, result.task_instances, TASK_INSTANCE_COLUMNS)
    else:
        _show(args, result)
    return EXIT_OK


def _dag_runs_delete(client: ApiClient, args: argparse.Namespace) -> int:
    DAGRunApi(client).delete_dag_run(args.dag_id, args.dag_run_id)
    if args.json:
        _print_json({"dag_id": args.dag_id, "dag_run_id": args.dag_run_id, "deleted": True})
    else:
        print(f"deleted DAG run {args.dag_run_id} of {args.dag_id}")
    return EXIT_OK


def _dags_list(client: ApiClient, args: argparse.Namespace) -> int:
    api = DAGApi(client)
    dags = _paged(args, api.get_dags, "dags", paused=args.paused, tags=args.tag, order_by="dag_id")
    _show(args, dags, DAG_COLUMNS)
    return EXIT_OK


def _set_paused(paused: bool) -> Handler:
    def handler(client: ApiClient, args: argparse.Namespace) -> int:
        dag = DAGApi(client).patch_dag(args.dag_id, DAG(is_paused=paused), update_mask=["is_paused"])
        _show(args, dag, DAG_COLUMNS)
        return EXIT_OK

    return handler


# --- arguments -----------------------------------------------------------------------------------


def _text(value: str) -> str:
    if not value:
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _json_object(value: str) -> dict[str, Any]:
    try:
        parsed = json.loads(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON ({exc})") from exc
    if not isinstance(parsed, dict):
        raise argparse.ArgumentTypeError('must be a JSON object, like \'{"key": "value"}\'')
    return parsed


def _datetime(value: str) -> dt.datetime:
    try:
        return parse_datetime(value)
    except (ValueError, OverflowError) as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 8601 date-time like 2024-05-01T06:00:00Z") from exc


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")
    return seconds


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return int(value)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def _add_connection_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """The global options; on subcommands too, where only a value given there replaces the global one."""
    group = parser.add_argument_group("connection and output (also accepted before the subcommand)")

    def add(*names: str, **kwargs: Any) -> None:
        if not top:
            kwargs["default"] = argparse.SUPPRESS
        group.add_argument(*names, **kwargs)

    add(
        "--url",
        metavar="URL",
        help=f"the REST API's URL, e.g. http://host:8080/api/v1 (env {ENV_HOST})",
    )
    add("--username", metavar="NAME", help="user for HTTP Basic auth (env AIRFLOW_USERNAME)")
    add(
        "--password",
        metavar="PASSWORD",
        help=f"password (prefer env {ENV_PASSWORD}: command lines are visible to others)",
    )
    add("--token", metavar="TOKEN", help=f"Bearer token instead of a user (env {ENV_ACCESS_TOKEN})")
    add(
        "--insecure",
        action="store_true",
        help="do not verify the server's TLS certificate (env AIRFLOW_VERIFY_SSL=false)",
    )
    add("--ca-bundle", metavar="FILE", help="CA bundle to verify the server with (env AIRFLOW_CA_BUNDLE)")
    if top:  # subcommands that wait have a --timeout of their own
        add(
            "--timeout",
            dest="http_timeout",
            type=_seconds,
            metavar="S",
            help="seconds to wait for each answer (default 10 to connect, 60 to read)",
        )
    add("--json", action="store_true", help="print JSON (ISO 8601 datetimes) instead of a table")
    add("-v", "--verbose", action="store_true", help="log each request and its status on stderr (never credentials)")


_EPILOG_TOP = """\
examples:
  export AIRFLOW_API_URL=http://127.0.0.1:8080/api/v1 AIRFLOW_USERNAME=admin AIRFLOW_PASSWORD=admin
  airflow-sdk dags list --tag nightly
  airflow-sdk dag-runs trigger my_dag --conf '{"day": "2024-05-01"}' --wait --timeout 600
  airflow-sdk dag-runs list my_dag --state failed --all --json

exit codes: 0 done, 1 API error or a run that did not succeed, 2 bad usage or configuration
"""

_EXAMPLES = {
    "dag-runs": "airflow-sdk dag-runs list my_dag --state running --order-by=-start_date\n"
    "airflow-sdk dag-runs get my_dag manual__2024-05-01",
    "dag-runs list": "airflow-sdk dag-runs list my_dag --state queued --state running\n"
    "airflow-sdk dag-runs list my_dag --all --json | jq -r '.[].dag_run_id'",
    "dag-runs get": "airflow-sdk dag-runs get my_dag nightly-42 --json",
    "dag-runs trigger": 'airflow-sdk dag-runs trigger my_dag --run-id nightly-42 --conf \'{"day": "2024-05-01"}\'\n'
    "airflow-sdk dag-runs trigger my_dag --logical-date 2024-05-01T00:00:00Z --wait --timeout 600",
    "dag-runs wait": "airflow-sdk dag-runs wait my_dag nightly-42 --timeout 600 --poll-interval 10",
    "dag-runs set-state": "airflow-sdk dag-runs set-state my_dag nightly-42 failed",
    "dag-runs note": "airflow-sdk dag-runs note my_dag nightly-42 'rerun after the upstream fix'",
    "dag-runs clear": "airflow-sdk dag-runs clear my_dag nightly-42 --dry-run\n"
    "airflow-sdk dag-runs clear my_dag nightly-42",
    "dag-runs delete": "airflow-sdk dag-runs delete my_dag nightly-42",
    "dags": "airflow-sdk dags list --paused\nairflow-sdk dags unpause my_dag",
    "dags list": "airflow-sdk dags list --active --tag nightly --tag finance\nairflow-sdk dags list --all --json",
    "dags pause": "airflow-sdk dags pause my_dag",
    "dags unpause": "airflow-sdk dags unpause my_dag",
}


def _group(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    parser = subparsers.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"examples:\n  {_EXAMPLES[name]}".replace("\n", "\n  "),
        formatter_class=_Formatter,
    )
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)
    return commands


def _command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    group: str,
    name: str,
    help_text: str,
    handler: Handler,
) -> argparse.ArgumentParser:
    examples = _EXAMPLES[f"{group} {name}"].replace("\n", "\n  ")
    parser = subparsers.add_parser(
        name, help=help_text, description=help_text, epilog=f"examples:\n  {examples}", formatter_class=_Formatter
    )
    parser.set_defaults(handler=handler, parser=parser)
    return parser


def _add_wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        dest="wait_timeout",
        type=_seconds,
        metavar="S",
        help=f"give up after S seconds and exit 1 (default {DEFAULT_WAIT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--poll-interval",
        type=_seconds,
        metavar="S",
        help=f"seconds between first checks of the state (default {DEFAULT_POLL_INTERVAL:g}; grows while unchanged)",
    )


def _add_page_options(parser: argparse.ArgumentParser, what: str) -> None:
    pages = parser.add_mutually_exclusive_group()
    default = "server default: 100 on Airflow 2, 50 on Airflow 3"
    pages.add_argument("--limit", type=_positive, metavar="N", help=f"at most N {what} ({default})")
    pages.add_argument("--all", action="store_true", help=f"every {what[:-1]}, walking through all pages")


def _add_ids(parser: argparse.ArgumentParser, run: bool = False) -> None:
    parser.add_argument("dag_id", type=_text, metavar="DAG_ID", help="the DAG id")
    if run:
        parser.add_argument("dag_run_id", type=_text, metavar="RUN_ID", help="the DAG run id")


def build_parser() -> argparse.ArgumentParser:
    """The ``airflow-sdk`` argument parser."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Trigger, watch and manage Apache Airflow DAG runs and DAGs through the REST API.",
        epilog=_EPILOG_TOP,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_connection_options(parser, top=True)
    resources = parser.add_subparsers(title="resources", dest="resource", metavar="RESOURCE", required=True)

    runs = _group(resources, "dag-runs", "list, trigger, wait for and change DAG runs")

    cmd = _command(runs, "dag-runs", "list", "List the runs of a DAG.", _dag_runs_list)
    _add_ids(cmd)
    cmd.add_argument("--state", action="extend", nargs="+", metavar="S", help="only runs in these states (repeatable)")
    cmd.add_argument("--order-by", metavar="FIELD", help="sort by FIELD; --order-by=-start_date for newest first")
    _add_page_options(cmd, "runs")

    cmd = _command(runs, "dag-runs", "get", "Show one DAG run.", _dag_runs_get)
    _add_ids(cmd, run=True)

    cmd = _command(
        runs, "dag-runs", "trigger", "Trigger a DAG run, and with --wait wait for it to finish.", _dag_runs_trigger
    )
    _add_ids(cmd)
    cmd.add_argument("--run-id", type=_text, metavar="ID", help="the new run's id (the server makes one up otherwise)")
    cmd.add_argument("--conf", type=_json_object, metavar="JSON", help="the run's parameters, a JSON object")
    cmd.add_argument("--logical-date", type=_datetime, metavar="ISO", help="ISO 8601 date-time; no offset means UTC")
    cmd.add_argument("--note", metavar="TEXT", help="a note on the run")
    cmd.add_argument("--wait", action="store_true", help="wait until the run finishes; exit 1 unless it succeeded")
    _add_wait_options(cmd)

    cmd = _command(
        runs, "dag-runs", "wait", "Wait for a DAG run to finish; exit 1 unless it succeeded.", _dag_runs_wait
    )
    _add_ids(cmd, run=True)
    _add_wait_options(cmd)

    cmd = _command(
        runs, "dag-runs", "set-state", "Mark a DAG run success or failed, or queue it again.", _dag_runs_set_state
    )
    _add_ids(cmd, run=True)
    cmd.add_argument("state", choices=SETTABLE_STATES, metavar="STATE", help=f"one of {', '.join(SETTABLE_STATES)}")

    cmd = _command(runs, "dag-runs", "note", "Set the note of a DAG run.", _dag_runs_note)
    _add_ids(cmd, run=True)
    cmd.add_argument("text", metavar="TEXT", help="the note")

    cmd = _command(runs, "dag-runs", "clear", "Clear a DAG run so its tasks run again.", _dag_runs_clear)
    _add_ids(cmd, run=True)
    cmd.add_argument("--dry-run", action="store_true", help="only list the task instances that would be cleared")

    cmd = _command(runs, "dag-runs", "delete", "Delete a DAG run.", _dag_runs_delete)
    _add_ids(cmd, run=True)

    dags = _group(resources, "dags", "list, pause and unpause DAGs")
    cmd = _command(dags, "dags", "list", "List DAGs.", _dags_list)
    paused = cmd.add_mutually_exclusive_group()
    paused.add_argument("--paused", dest="paused", action="store_const", const=True, help="only paused DAGs")
    paused.add_argument("--active", dest="paused", action="store_const", const=False, help="only unpaused DAGs")
    cmd.add_argument(
        "--tag", action="extend", nargs="+", metavar="T", help="only DAGs with any of these tags (repeatable)"
    )
    _add_page_options(cmd, "DAGs")
    for name, pause in (("pause", True), ("unpause", False)):
        cmd = _command(dags, "dags", name, f"{name.capitalize()} a DAG.", _set_paused(pause))
        _add_ids(cmd)

    for leaf in _leaves(parser):
        _add_connection_options(leaf, top=False)
    return parser


def _leaves(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found.extend(_leaves(child) or [child])
    return found


# --- configuration and errors --------------------------------------------------------------------


def _api_url(url: str, source: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"{source} must be the server's URL, like http://127.0.0.1:8080 (its API is found), or its API's: "
            f".../api/v2 for Airflow 3, .../api/v1 for Airflow 2; not {redact_url(url)!r}"
        )
    return url


def _configuration(args: argparse.Namespace, environ: Mapping[str, str]) -> Configuration:
    """The environment's configuration with the flags given applied over it; ValueError when unusable."""
    overrides: dict[str, Any] = {}
    if args.url:
        overrides["host"] = _api_url(args.url, "--url")
    elif environ.get(ENV_HOST):
        overrides["host"] = _api_url(environ[ENV_HOST], ENV_HOST)
    else:
        raise ValueError(f"no server given: use --url or set {ENV_HOST}, e.g. http://127.0.0.1:8080/api/v1")
    if args.username is not None:
        overrides["username"] = args.username
        overrides["access_token"] = None  # a user given on the command line wins over a token in the environment
    for flag, option in (("password", "password"), ("token", "access_token"), ("ca_bundle", "ssl_ca_cert")):
        if getattr(args, flag) is not None:
            overrides[option] = getattr(args, flag)
    if args.insecure:
        overrides["verify_ssl"] = False
    if args.http_timeout is not None:
        overrides["timeout"] = args.http_timeout
    config = Configuration.from_env(environ, **overrides)
    config.debug = args.verbose
    return config


def _describe(exc: BaseException) -> str:
    """What went wrong, in one or two lines: the server's title and detail for an error status."""
    if isinstance(exc, sdk.ApiException):
        said = [str(p) if isinstance(p, str) else json.dumps(p) for p in (exc.title, exc.detail) if p]
        if not said and exc.body:
            said = [" ".join(exc.body.split())[:300]]
        return f"{exc.status} {exc.reason or ''}".rstrip() + "".join(f": {p}" for p in said)
    return str(exc)


def _redact(text: str, secrets: Iterable[str | None]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``airflow-sdk`` with ``argv`` (default: the command line); returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    environ = os.environ
    secrets = (args.password, args.token, environ.get(ENV_PASSWORD), environ.get(ENV_ACCESS_TOKEN))
    try:
        config = _configuration(args, environ)
    except ValueError as exc:  # ApiValueError from a malformed AIRFLOW_VERIFY_SSL included
        args.parser.error(_redact(str(exc), secrets))  # exits 2
    try:
        with ApiClient(config) as client:
            return int(args.handler(client, args))
    except _Failed as exc:
        _note(f"{PROG}: {exc}")
    except sdk.WaitTimeoutError as exc:
        _note(f"{PROG}: timed out: {_redact(str(exc), secrets)}")
    except sdk.OpenApiException as exc:  # an error status, no connection, a timeout, an unreadable answer
        _note(f"{PROG}: error: {_redact(_describe(exc), secrets)}")
    except KeyboardInterrupt:
        _note(f"{PROG}: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # stdout closed early, e.g. piped into head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the interpreter's final flush does not fail again
        return EXIT_BROKEN_PIPE
    return EXIT_API_ERROR


if __name__ == "__main__":
    sys.exit(main())
