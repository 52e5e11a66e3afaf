"""Defaults the two API generations disagree on, as data: what a server does with a key the caller leaves out.

``DEFAULTS[operation][key]`` is ``(Airflow 2's default, Airflow 3's default)`` for every body key and query
parameter that both generations take but whose specs state different defaults (or one states none), named
as the SDK's method names them (Airflow 2's names). Where a spec states none, the value is what that
generation's server applies (read from Airflow 2.11.2's code; :data:`REQUIRED`: it refuses the request
without the key). ``test/test_ops_defaults.py`` derives the keys from the specs of every supported release
and checks this table against them.

Most differ only on paper (``offset``: 0 on both). Those that change what happens:

- ``post_clear_task_instances``' ``reset_dag_runs``: Airflow 2 leaves the cleared task's run ``failed``
  (its downstream tasks ``upstream_failed``), Airflow 3 sets the run back to queued so the task re-runs.
  The SDK sends ``true`` when the caller leaves it unset (:data:`EVENED`): a cleared task re-runs on both.
- ``post_set_task_instances_state``' ``include_*``: required by Airflow 2, ``false`` on Airflow 3; the SDK
  sends ``false`` for each one left unset.
- a page's ``limit``: 100 on Airflow 2, 50 on Airflow 3 (:func:`~airflow_python_sdk.paginate` walks either).
- ``get_dag_warnings``' order: by timestamp on Airflow 2, by DAG id on Airflow 3.
- ``get_xcom_entry``'s ``stringify``: Airflow 2 answers ``str(value)`` unless told ``false``, Airflow 3 the
  JSON value unless told ``true``.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from airflow_python_sdk.model_utils import Model

__all__ = ["DEFAULTS", "EVENED", "REQUIRED", "differs", "evened"]

M = TypeVar("M")

REQUIRED = "required"
"""The server refuses the request without the key (a 400)."""

_PAGE = {"limit": (100, 50), "offset": (0, 0)}

DEFAULTS: dict[str, dict[str, tuple[Any, Any]]] = {
    # request bodies
    "post_clear_task_instances": {"reset_dag_runs": (False, True)},
    "post_set_task_instances_state": {
        "include_upstream": (REQUIRED, False), "include_downstream": (REQUIRED, False),
        "include_future": (REQUIRED, False), "include_past": (REQUIRED, False),
    },
    "get_dag_runs_batch": {"page_offset": (0, 0)},
    "get_task_instances_batch": {"page_offset": (0, 0)},
    "post_pool": {"include_deferred": (False, False)},
    # query parameters
    "get_connections": {**_PAGE, "order_by": ("id", ["id"])},
    "get_dags": {**_PAGE, "order_by": ("dag_id", ["dag_id"])},
    "patch_dags": _PAGE,
    "get_tasks": {"order_by": ("task_id", "task_id")},
    "get_dag_runs": {**_PAGE, "order_by": ("id", ["id"])},
    "get_dag_warnings": {**_PAGE, "order_by": ("timestamp", ["dag_id"])},
    "get_datasets": {**_PAGE, "order_by": ("id", ["id"])},
    "get_event_logs": {**_PAGE, "order_by": ("event_log_id", ["id"])},
    "get_import_errors": {**_PAGE, "order_by": ("import_error_id", ["id"])},
    "get_plugins": _PAGE,
    "get_pools": {**_PAGE, "order_by": ("id", ["id"])},
    "get_task_instances": _PAGE,
    "get_variables": {**_PAGE, "order_by": ("id", ["id"])},
    "get_dataset_events": {**_PAGE, "order_by": ("timestamp", ["timestamp"])},
    "get_mapped_task_instances": {**_PAGE, "order_by": ("map_index", ["map_index"])},
    "get_xcom_entries": _PAGE,
    "get_extra_links": {"map_index": (-1, -1)},
    "get_log": {"full_content": (False, False), "map_index": (-1, -1)},
    "get_xcom_entry": {"map_index": (-1, -1), "stringify": (True, False)},
}  # fmt: skip
"""Operation -> key -> (Airflow 2's default, Airflow 3's default)."""

EVENED: dict[str, dict[str, Any]] = {
    "post_clear_task_instances": {"reset_dag_runs": True},
    "post_set_task_instances_state": dict.fromkeys(DEFAULTS["post_set_task_instances_state"], False),
}
"""Operation -> key -> the value the SDK sends when the caller leaves the key unset, so that both generations
do the same (a caller's own value, ``False`` included, is sent as given)."""

_SAME_COLUMN = {("event_log_id", "id"), ("import_error_id", "id")}


def differs(op: str, key: str) -> bool:
    """Whether leaving ``key`` out of ``op`` makes Airflow 2 and 3 do different things (not just name them so)."""
    v1, v2 = DEFAULTS.get(op, {}).get(key, (None, None))
    v2 = v2[0] if isinstance(v2, list) and len(v2) == 1 else v2
    return v1 != v2 and (v1, v2) not in _SAME_COLUMN


def evened(op: str, body: M) -> M:
    """``body`` (a model of ``op``'s request body) with the keys of :data:`EVENED` it leaves unset filled in;
    a copy when anything is filled, else ``body`` itself."""
    fill = {k: v for k, v in EVENED.get(op, {}).items() if isinstance(body, Model) and body.get(k) is None}
    if not fill:
        return body
    out = copy.copy(body)
    for key, value in fill.items():
        out[key] = value  # type: ignore[index]
    return out
