"""Wait for a DAG run to finish, polling its state::

    run = api.trigger_dag_run_and_wait("my_dag", DAGRun(conf={"day": "2024-05-01"}), timeout=600)
    run = api.wait_for_dag_run("my_dag", "manual__2024-05-01", timeout=600, progress=True)
    print(run.state)  # DagState.SUCCESS or DagState.FAILED

:meth:`DAGRunApi.wait_for_dag_run` and :meth:`DAGRunApi.trigger_dag_run_and_wait` are thin methods over
:func:`wait_until_finished`, which does the polling:

- **Finished** means any state but ``queued`` and ``running`` (:data:`UNFINISHED_STATES`): ``success``
  and ``failed`` in Airflow 2 and 3, and any state a newer server reports that this SDK does not know
  (``run.state.known`` is then False). Waiting on through an unknown state could only end at the timeout.
- **Polling** starts every ``poll_interval`` seconds; while the state stays the same the interval grows by
  :data:`POLL_BACKOFF` up to ``max_poll_interval`` (:data:`MAX_POLL_INTERVAL` unless given; pass
  ``max_poll_interval=poll_interval`` for a steady interval), and a change of state brings it back.
- **Transient errors** (connection failures, 429/502/503/504) are retried by the client's own retry policy
  (``Configuration.retries``) inside each poll; an error that survives those is raised as it is.
- **The timeout** bounds the whole wait: polls stop at the deadline, so the wait lasts at most ``timeout``
  plus one poll, then :class:`~airflow_python_sdk.WaitTimeoutError` carries the run as last seen. The
  run itself goes on: waiting never changes it.
- **Progress**: ``progress=True`` shows a tqdm bar with the state and the time waited (``tqdm.auto``:
  a widget in notebooks), when tqdm is installed (the ``progress`` extra: ``pip install tqdm``);
  without tqdm each change of state is logged at INFO through the ``airflow_python_sdk`` logger, or, where
  logging would not show it (not configured), written as a line on stderr.
  Changes of state are always logged at DEBUG.
"""

from __future__ import annotations

import importlib
import logging
import math
import sys
import time
from collections.abc import Callable
from typing import Any

from airflow_python_sdk.exceptions import ApiValueError, WaitTimeoutError
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_state import DagState

__all__ = [
    "DEFAULT_WAIT_TIMEOUT",
    "DEFAULT_POLL_INTERVAL",
    "MAX_POLL_INTERVAL",
    "POLL_BACKOFF",
    "UNFINISHED_STATES",
    "is_finished",
    "wait_until_finished",
]

DEFAULT_WAIT_TIMEOUT = 3600.0
"""Seconds to wait for a run to finish before raising :class:`WaitTimeoutError`: one hour."""
DEFAULT_POLL_INTERVAL = 5.0
"""Seconds between the first polls: the scheduler's own loop takes about that long to move a run on."""
MAX_POLL_INTERVAL = 30.0
"""The longest interval between polls a long, unchanging wait grows to (unless ``poll_interval`` is longer)."""
POLL_BACKOFF = 1.5
"""Factor by which the interval grows after each poll that sees no change of state."""
UNFINISHED_STATES = frozenset({DagState.QUEUED, DagState.RUNNING})
"""The states a run is waited on through; every other state counts as finished."""

log = logging.getLogger("airflow_python_sdk")


def is_finished(state: DagState | str | None) -> bool:
    """Whether a run in ``state`` is finished: any state but queued and running (None is not a state yet)."""
    return state is not None and state not in UNFINISHED_STATES


def wait_until_finished(
    fetch: Callable[[], DAGRun],
    label: str,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    progress: bool = False,
    max_poll_interval: float | None = None,
) -> DAGRun:
    """Call ``fetch`` (one ``get_dag_run``) until the run it returns is finished; return that run.

    ``label`` names the run in progress output, logs and the timeout's message. See the module
    docstring for what finished means, how the interval grows and what the timeout bounds.
    Raises :class:`WaitTimeoutError` when the run is unfinished at the deadline, and
    :class:`ApiValueError` for a negative timeout or a poll interval that is not positive.
    """
    _check_seconds("timeout", timeout, allow_zero=True)
    _check_seconds("poll_interval", poll_interval, allow_zero=False)
    if max_poll_interval is not None:
        _check_seconds("max_poll_interval", max_poll_interval, allow_zero=False)
    longest = max(poll_interval, MAX_POLL_INTERVAL if max_poll_interval is None else max_poll_interval)
    started = time.monotonic()
    deadline = started + timeout
    interval = poll_interval
    display = _Progress(label, progress)
    state: Any = _NOT_SEEN
    try:
        while True:
            run = fetch()
            elapsed = time.monotonic() - started
            if run.state != state:
                state = run.state
                interval = poll_interval
                display.changed(state, elapsed)
            else:
                interval = min(interval * POLL_BACKOFF, longest)
                display.tick()
            if is_finished(state):
                return run
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(
                    f"{label} is still {_name(state)} after {elapsed:.1f} s (timeout {timeout:g} s)",
                    dag_run=run,
                    state=state,
                    timeout=timeout,
                    elapsed=elapsed,
                )
            time.sleep(min(interval, remaining))
    finally:
        display.close()


_NOT_SEEN = object()


def _name(state: Any) -> str:
    return "without a state" if state is None else str(state)


def _check_seconds(name: str, value: float, allow_zero: bool) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value)
    if not ok or value < 0 or (value == 0 and not allow_zero):
        need = "a number >= 0" if allow_zero else "a number > 0"
        raise ApiValueError(f"{name} must be {need} of seconds, got {value!r}", [name])


class _Progress:
    """A tqdm bar showing the state and the time waited, or INFO log lines (stderr lines where logging would
    not show them) when tqdm is missing."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled
        self.bar: Any = None
        if enabled:
            try:  # imported by name: tqdm is an optional extra, and typed or not
                tqdm = importlib.import_module("tqdm.auto").tqdm
            except ImportError:
                log.debug("tqdm is not installed: progress is logged at INFO instead")
            else:
                self.bar = tqdm(desc=f"{label}: ...", bar_format="{desc} [{elapsed}]")

    def changed(self, state: Any, elapsed: float) -> None:
        level = logging.INFO if self.enabled and self.bar is None else logging.DEBUG
        if level == logging.INFO and not (log.isEnabledFor(level) and log.hasHandlers()):  # it would show nothing
            print(f"DAG run {self.label}: {_name(state)} after {elapsed:.1f} s", file=sys.stderr, flush=True)
        else:
            log.log(level, "DAG run %s: %s after %.1f s", self.label, _name(state), elapsed)
        if self.bar is not None:
            self.bar.set_description_str(f"{self.label}: {_name(state)}")

    def tick(self) -> None:
        if self.bar is not None:
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
