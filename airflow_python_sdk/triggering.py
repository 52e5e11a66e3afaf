"""Triggering a DAG run safely when the answer may be lost: a client-chosen run id, read back after an ambiguous
failure, and a 409 for the same run taken as its answer when asked.

A POST is not resent (it is not idempotent), so a connection dropped or timed out after it was sent leaves
the caller not knowing whether the run exists. With a run id the client chose, it can ask:
:meth:`DAGRunApi.post_dag_run` given a ``dag_run_id`` reads that run back before raising such an error
(:func:`read_back`), and returns it when it exists with the conf sent. Triggering again with the same id is
then safe too: :meth:`DAGRunApi.trigger_dag_run_and_wait` with ``if_exists="return"`` takes the 409 of a
run with that id and the same conf as its answer (:func:`existing`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any, Literal

from airflow_python_sdk._clock import clock as time  # a test's FakeClock when one is in
from airflow_python_sdk.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiSSLError,
    ConflictException,
    NotFoundException,
)
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.waiting import _add_note

if TYPE_CHECKING:
    from airflow_python_sdk.api.dag_run_api import DAGRunApi

__all__ = ["IfExists", "READ_BACK_TRIES", "new_run_id", "read_back", "existing"]

IfExists = Literal["error", "return"]
"""What triggering does when a run with its id exists: raise the 409 (``"error"``), or return that run when
its conf is the one sent (``"return"``)."""
READ_BACK_TRIES = 3
"""Reads of the run after an ambiguous failure, one second apart (a server may commit the run a moment later)."""


def new_run_id(now: dt.datetime | None = None) -> str:
    """A run id no other run has: ``sdk__<UTC time>_<8 hex digits>`` (letters Airflow 2 and 3 accept)."""
    when = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    return f"sdk__{when.isoformat(timespec='microseconds')}_{uuid.uuid4().hex[:8]}"


def _same_conf(run: DAGRun, sent: DAGRun) -> bool:
    return (run.get("conf") or {}) == (sent.get("conf") or {})


def read_back(api: DAGRunApi, dag_id: str | int, dag_run: DAGRun, error: ApiConnectionError) -> DAGRun:
    """After ``error`` on the POST that triggers ``dag_run`` (which names its ``dag_run_id``): the run, when the
    server holds it with the conf sent; else ``error`` is raised with a note saying what is known (a TLS failure,
    nothing sent, as it is)."""
    run_id = dag_run.get("dag_run_id")
    if run_id is None or isinstance(error, ApiSSLError):
        raise error
    found: Any = None
    for attempt in range(READ_BACK_TRIES):
        if attempt:
            time.sleep(1.0)
        try:
            found = api.get_dag_run(dag_id, run_id)
            break
        except NotFoundException:
            continue
        except (ApiException, ApiConnectionError) as again:
            _add_note(error, f"whether DAG run {dag_id}/{run_id} was created is unknown (reading it back: {again}); "
                             "trigger again with the same dag_run_id and if_exists='return'")  # fmt: skip
            raise error from None
    if found is None:
        _add_note(error, f"DAG run {dag_id}/{run_id} was not created (read back {READ_BACK_TRIES} times): "
                         "triggering again with the same dag_run_id is safe")  # fmt: skip
        raise error
    if not _same_conf(found, dag_run):
        _add_note(error, f"DAG run {dag_id}/{run_id} exists, with another conf than the one sent")
        raise error
    return found  # type: ignore[no-any-return]


def existing(
    api: DAGRunApi, dag_id: str | int, dag_run: DAGRun, conflict: ConflictException, if_exists: IfExists
) -> DAGRun:
    """For the 409 ``conflict`` of triggering ``dag_run``: with ``if_exists="return"`` the run that has its id,
    when its conf is the one sent; else ``conflict`` is raised (with a note when the conf differs)."""
    run_id = dag_run.get("dag_run_id")
    if if_exists != "return" or run_id is None:
        raise conflict
    try:
        found = api.get_dag_run(dag_id, run_id)
    except NotFoundException:  # a 409 for the logical date (Airflow 2), not the id
        raise conflict from None
    if not _same_conf(found, dag_run):
        _add_note(conflict, f"DAG run {dag_id}/{run_id} exists with another conf ({found.get('conf')!r})")
        raise conflict
    return found
