"""The commands of ``airflow-sdk``, as data: each is an API method and how to show its answer (see :class:`Cmd`).

Most need nothing more; the few that do more than one call have a small ``run``: triggering and waiting
for a run, following a task's log, the health check's exit code. Import and export are in ``_transfer``.
"""

from __future__ import annotations

from typing import Any

import click

from airflow_python_sdk import apis as a
from airflow_python_sdk._version import __version__
from airflow_python_sdk.cli._app import PROG, Call, Cmd, Failed, Group, command, global_options, leaves, note, show
from airflow_python_sdk.cli._profiles import groups as profile_groups
from airflow_python_sdk.cli._transfer import TRANSFERS
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.waiting import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT, DagRunFailedError

__all__ = ["build"]

RUN = "dag_run_id state run_type logical_date start_date end_date"
DAG = "dag_id is_paused schedule owners tags"
TI = "task_id map_index state try_number start_date end_date"
BACKFILL = "id dag_id from_date to_date is_paused completed_at"


def _wait(call: Call, dag_run_id: str) -> DAGRun:
    """Wait for the run (``--wait-timeout``, ``--poll-interval``); :class:`Failed` unless it succeeded."""
    p = call.p
    try:
        run = a.DAGRunApi(call.client).wait_for_dag_run(
            p["dag_id"], dag_run_id, timeout=p["wait_timeout"] or DEFAULT_WAIT_TIMEOUT,
            poll_interval=p["poll_interval"] or DEFAULT_POLL_INTERVAL, raise_on_failure=True,
        )  # fmt: skip
    except DagRunFailedError as exc:  # its failed tasks and the end of their logs
        show(exc.dag_run)
        raise Failed(str(exc)) from None
    if run.state != "success":
        show(run)
        raise Failed(f"DAG run {run.dag_run_id!r} of {run.dag_id!r} finished {run.state}")
    return run


def _trigger(call: Call) -> DAGRun:
    if not call.p["wait"] and (call.p["wait_timeout"], call.p["poll_interval"]) != (None, None):
        raise click.UsageError("--wait-timeout and --poll-interval need --wait")
    run: DAGRun = call()
    if not call.p["wait"]:
        return run
    note(f"triggered {run.dag_run_id!r}; waiting for it to finish")
    return _wait(call, run.dag_run_id)


def _logs(call: Call) -> None:
    """Print a try's log; with ``--follow``, print each new line until the try ends (exit 1 if it failed)."""
    p, api = call.p, a.TaskInstanceApi(call.client)
    where = (p["dag_id"], p["dag_run_id"], p["task_id"])
    mapped = {} if p["map_index"] is None else {"map_index": p["map_index"]}

    def instance() -> Any:
        return api.get_mapped_task_instance(*where, p["map_index"]) if mapped else api.get_task_instance(*where)

    try_number = p["try_number"] or max(instance().try_number or 1, 1)
    if not p["follow"]:
        for line in api.get_log(*where, try_number, full_content=True, **mapped).splitlines():
            click.echo(line)
        return
    for line in api.follow_log(*where, try_number, p["map_index"], p["poll_interval"] or 1.0):
        click.echo(line)
    ti = instance()
    if str(ti.state) not in ("success", "skipped") and (ti.try_number or 0) <= try_number:
        raise Failed(f"task instance {'/'.join(map(str, where))} try {try_number} finished {ti.state}")


def _gantt(call: Call) -> None:
    """Write the Gantt chart of a run (every try of its task instances) as SVG to FILE (``-``: stdout).

    FILE is an argument: ``-o`` is every command's output format."""
    from airflow_python_sdk.pictures import run_tasks

    story = run_tasks(call.client, call.p["dag_id"], call.p["dag_run_id"])
    call.p["out"].write(story.to_svg())
    note(f"wrote the Gantt chart of {story.run.dag_run_id!r}: {len(story.tries)} tries to {call.p['out'].name}")


def _health(call: Call) -> None:
    health = call()
    sick = [row["component"] for row in _health_rows(health) if row["status"] == "unhealthy"]
    show(health, "component status latest_heartbeat", _health_rows)
    if sick:
        raise Failed(f"unhealthy: {', '.join(sick)}")


def _health_rows(health: Any) -> list[dict[str, Any]]:
    rows = []
    for name in ("metadatabase", "scheduler", "triggerer", "dag_processor"):
        fields = health[name].to_dict() if health.get(name) is not None else None
        if fields is not None:
            beat = next((v for k, v in fields.items() if k.endswith("heartbeat")), None)
            rows.append({"component": name, "status": fields.get("status"), "latest_heartbeat": beat})
    return rows


def _config_rows(config: Any) -> list[dict[str, Any]]:
    return [{"section": s.name, "key": o.key, "value": o.value} for s in config.sections for o in s.options]


def _stats_rows(stats: Any) -> list[dict[str, Any]]:
    return [{"dag_id": d.dag_id, "state": s.state, "count": s.count} for d in stats for s in d.stats]


_TRIGGER = Cmd("trigger", a.DAGRunApi.post_dag_run, "dag_id",
               "dag_run_id:--run-id conf logical_date note wait wait_timeout poll_interval", run=_trigger,
               help="Trigger a DAG run, and with --wait wait for it to finish")  # fmt: skip
_WAIT = "wait_timeout poll_interval"
_SINCE = "start_date_gte start_date_lte end_date_gte end_date_lte"
"""A list's date-range options (ISO 8601; both generations): runs and task instances by when they ran."""
_TASK = "dag_id dag_run_id task_id"
_TI = a.TaskInstanceApi

GROUPS: dict[str, tuple[str, list[Cmd]]] = {
    "dags": ("DAGs, their versions, stats, tags and warnings", [
        Cmd("list", a.DAGApi.get_dags, "", "paused:--paused/--active tags:--tag dag_id_pattern:--pattern "
            "owners last_dag_run_state order_by=dag_id", cols=DAG),
        Cmd("get", a.DAGApi.get_dag, "dag_id"),
        Cmd("details", a.DAGApi.get_dag_details, "dag_id"),
        Cmd("pause", a.DAGApi.patch_dag, "dag_id", fixed={"is_paused": True}, help="Pause a DAG"),
        Cmd("unpause", a.DAGApi.patch_dag, "dag_id", fixed={"is_paused": False}, help="Unpause a DAG"),
        _TRIGGER,
        Cmd("delete", a.DAGApi.delete_dag, "dag_id", done="deleted DAG {dag_id}"),
        Cmd("versions", a.DagVersionApi.get_dag_versions, "dag_id", cols="version_number bundle_version created_at"),
        Cmd("stats", a.DagStatsApi.get_dag_stats, "dag_ids", rows=_stats_rows, cols="dag_id state count"),
        Cmd("tags", a.DAGApi.get_dag_tags, "", "tag_name_pattern:--pattern order_by", cols="tag"),
        Cmd("warnings", a.DagWarningApi.get_dag_warnings, "", "dag_id:--dag-id warning_type:--type order_by",
            cols="dag_id warning_type message timestamp"),
        Cmd("import-errors", a.ImportErrorApi.get_import_errors, "", "order_by",
            cols="import_error_id filename timestamp"),
    ]),
    "dag-runs": ("Trigger, wait for, list and change DAG runs", [
        Cmd("list", a.DAGRunApi.get_dag_runs, "dag_id", f"state run_type logical_date_gte logical_date_lte {_SINCE} "
            "run_id_pattern:--pattern order_by",
            cols=f"~dag_id {RUN}", help="List the runs of a DAG (~: of every DAG)"),
        Cmd("get", a.DAGRunApi.get_dag_run, "dag_id dag_run_id"),
        Cmd("gantt", a.DAGRunApi.get_dag_run, "dag_id dag_run_id", "out", run=_gantt,
            help="Write a run's Gantt chart (a bar per task try, by state) as SVG to FILE: ... gantt D R run.svg"),
        _TRIGGER,
        Cmd("wait", a.DAGRunApi.get_dag_run, "dag_id dag_run_id", _WAIT, run=lambda c: _wait(c, c.p["dag_run_id"]),
            help="Wait for a DAG run to finish; exit 1 unless it succeeded, 3 if --wait-timeout passes first"),
        Cmd("set-state", a.DAGRunApi.update_dag_run_state, "dag_id dag_run_id state"),
        Cmd("note", a.DAGRunApi.set_dag_run_note, "dag_id dag_run_id note"),
        Cmd("clear", a.DAGRunApi.clear_dag_run, "dag_id dag_run_id", "dry_run", cols="task_id dag_run_id state"),
        Cmd("delete", a.DAGRunApi.delete_dag_run, "dag_id dag_run_id", done="deleted DAG run {dag_run_id} of {dag_id}"),
    ]),
    "task-instances": ("Task instances and their logs (alias: tasks)", [
        Cmd("list", _TI.get_task_instances, "dag_id dag_run_id", f"state task_id pool queue {_SINCE} duration_gte "
            "duration_lte order_by", cols=f"~dag_id ~dag_run_id {TI}",
            help="List the task instances of a DAG run (~: of every run, or every DAG)"),
        Cmd("get", _TI.get_task_instance, _TASK, "map_index", alt=("map_index", _TI.get_mapped_task_instance)),
        Cmd("clear", a.DAGApi.post_clear_task_instances, "dag_id dag_run_id task_ids",
            "only_failed include_upstream include_downstream reset_dag_runs:--rerun/--no-rerun dry_run",
            cols="task_id dag_run_id map_index state",
            help="Clear task instances of a DAG run (all, or the tasks named) so they run again (--no-rerun: "
            "only clear them, leaving the run as it is)"),
        Cmd("set-state", _TI.patch_task_instance, f"{_TASK} new_state", "map_index dry_run",
            alt=("map_index", _TI.patch_mapped_task_instance), cols=TI),
        Cmd("note", _TI.set_task_instance_note, f"{_TASK} note", "map_index",
            alt=("map_index", _TI.set_mapped_task_instance_note)),
        Cmd("logs", _TI.get_log, _TASK, "try_number map_index follow poll_interval", run=_logs,
            help="Print a task instance's log; --follow streams a running try until it ends"),
    ]),
    "backfills": ("Backfills of a DAG (Airflow 3)", [
        Cmd("create", a.BackfillApi.create_backfill, "dag_id from_date to_date",
            "reprocess_behavior max_active_runs run_backwards dag_run_conf:--conf dry_run",
            alt=("dry_run", a.BackfillApi.create_backfill_dry_run), cols="logical_date partition_key"),
        Cmd("list", a.BackfillApi.list_backfills, "dag_id", "order_by", cols=BACKFILL),
        Cmd("get", a.BackfillApi.get_backfill, "backfill_id"),
        Cmd("pause", a.BackfillApi.pause_backfill, "backfill_id"),
        Cmd("unpause", a.BackfillApi.unpause_backfill, "backfill_id"),
        Cmd("cancel", a.BackfillApi.cancel_backfill, "backfill_id"),
    ]),
    "assets": ("Assets (datasets on Airflow 2) and their events", [
        Cmd("list", a.AssetApi.get_datasets, "", "uri_pattern:--pattern dag_ids:--dag-ids order_by",
            cols="id uri updated_at"),
        Cmd("get", a.AssetApi.get_dataset, "uri"),
        Cmd("events", a.AssetApi.get_dataset_events, "", "source_dag_id:--dag-id source_run_id:--run-id "
            "timestamp_gte timestamp_lte order_by",
            cols="dataset_uri source_dag_id source_run_id timestamp"),
        Cmd("create-event", a.AssetApi.create_dataset_event, "dataset_uri", "extra"),
        Cmd("queued-events", a.AssetApi.get_dataset_queued_events, "uri", cols="uri dag_id created_at"),
        Cmd("aliases", a.AssetApi.get_asset_aliases, "", "name_pattern:--pattern", cols="id name group"),
        Cmd("materialize", a.AssetApi.materialize_asset, "uri"),
    ]),
    "pools": ("Pools; import and export", [
        Cmd("list", a.PoolApi.get_pools, "", "pool_name_pattern:--pattern order_by",
            cols="name slots open_slots occupied_slots include_deferred description"),
        Cmd("get", a.PoolApi.get_pool, "pool_name"),
        Cmd("create", a.PoolApi.post_pool, "name slots", "description include_deferred"),
        Cmd("update", a.PoolApi.patch_pool, "pool_name",
            "slots description include_deferred:--include-deferred/--exclude-deferred", current=a.PoolApi.get_pool,
            help="Update a pool's slots, description or counting of deferred tasks"),
        Cmd("delete", a.PoolApi.delete_pool, "pool_name", done="deleted pool {pool_name}"),
    ]),
    "variables": ("Variables; import and export", [
        Cmd("list", a.VariableApi.get_variables, "", "variable_key_pattern:--pattern order_by",
            cols="key value description"),
        Cmd("get", a.VariableApi.get_variable, "variable_key"),
        Cmd("create", a.VariableApi.post_variables, "key value", "description"),
        Cmd("update", a.VariableApi.patch_variable, "variable_key", "value description",
            current=a.VariableApi.get_variable),
        Cmd("delete", a.VariableApi.delete_variable, "variable_key", done="deleted variable {variable_key}"),
    ]),
    "connections": ("Connections; import and export", [
        Cmd("list", a.ConnectionApi.get_connections, "", "connection_id_pattern:--pattern order_by",
            cols="connection_id conn_type host port login schema"),
        Cmd("get", a.ConnectionApi.get_connection, "connection_id"),
        Cmd("create", a.ConnectionApi.post_connection, "connection_id conn_type",
            "description host port login password:--conn-password schema extra"),
        Cmd("update", a.ConnectionApi.patch_connection, "connection_id",
            "conn_type description host port login password:--conn-password schema extra",
            current=a.ConnectionApi.get_connection),
        Cmd("delete", a.ConnectionApi.delete_connection, "connection_id", done="deleted connection {connection_id}"),
    ]),
    "xcom": ("XCom entries of a task instance", [
        Cmd("list", a.XComApi.get_xcom_entries, _TASK, "map_index xcom_key:--key", cols="key map_index timestamp"),
        Cmd("get", a.XComApi.get_xcom_entry, f"{_TASK} xcom_key", "map_index"),
        Cmd("add", a.XComApi.create_xcom_entry, f"{_TASK} key value", "map_index"),
        Cmd("edit", a.XComApi.update_xcom_entry, f"{_TASK} xcom_key value", "map_index"),
        Cmd("delete", a.XComApi.delete_xcom_entry, f"{_TASK} xcom_key", "map_index",
            done="deleted XCom {xcom_key} of {task_id}"),
    ]),
    "config": ("The server's configuration (if exposed)", [
        Cmd("list", a.ConfigApi.get_config, "", "section", rows=_config_rows, cols="section key value"),
        Cmd("get", a.ConfigApi.get_value, "section option", rows=_config_rows, cols="section key value"),
    ]),
    "jobs": ("Scheduler, triggerer and DAG processor jobs", [
        Cmd("list", a.JobApi.get_jobs, "", "job_type:--type job_state:--state hostname is_alive start_date_gte "
            "start_date_lte order_by",
            cols="id job_type state hostname start_date latest_heartbeat"),
    ]),
    "plugins": ("Plugins the server loaded", [
        Cmd("list", a.PluginApi.get_plugins, cols="name source"),
        Cmd("import-errors", a.PluginApi.get_plugin_import_errors, cols="source error"),
    ]),
    "providers": ("Provider packages the server has", [
        Cmd("list", a.ProviderApi.get_providers, cols="package_name version description"),
    ]),
}  # fmt: skip
"""Each group: its help and its commands."""
TOP = [
    Cmd("health", a.MonitoringApi.get_health, run=_health, help="Show each component's health; exit 1 if one is sick"),
    Cmd("version", a.MonitoringApi.get_version, help="Show the server's Airflow version"),
]  # fmt: skip
ALIASES = {"tasks": "task-instances"}
EPILOG = """\b
examples:
  export AIRFLOW_API_URL=http://127.0.0.1:8080 AIRFLOW_USERNAME=admin AIRFLOW_PASSWORD=admin
  airflow-sdk dags list --tag nightly
  airflow-sdk dag-runs trigger my_dag --conf '{"day": "2024-05-01"}' --wait --wait-timeout 600
  airflow-sdk tasks logs my_dag nightly-42 load --follow
  airflow-sdk --url OLD variables export - | airflow-sdk --url NEW variables import - --on-conflict skip
  eval "$(_AIRFLOW_SDK_COMPLETE=bash_source airflow-sdk)"   # completion (zsh: zsh_source)

\b
exit codes: 0 done, 1 API error or a run that did not succeed,
2 bad usage or configuration, or an operation the server's Airflow lacks (nothing sent),
3 a wait gave up at --wait-timeout (the run goes on)
"""


def build() -> Group:
    """The ``airflow-sdk`` command: every group and command, each taking the global options too."""
    root = Group(PROG, help="Airflow 2 and 3 from the shell, through the REST API.", epilog=EPILOG)
    root.aliases = ALIASES
    root.params += global_options(hidden=False)
    click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")(root)
    for name, (help_text, cmds) in GROUPS.items():
        group = Group(name, help=help_text + ".", short_help=help_text)
        for cmd in cmds + TRANSFERS.get(name, []):
            group.add_command(command(cmd))
        root.add_command(group)
    for cmd in TOP:
        root.add_command(command(cmd))
    for leaf in leaves(root):
        leaf.params += global_options(hidden=True)
    for group in profile_groups():  # after the global options: their --url/--password would shadow add's
        root.add_command(group)
    return root
