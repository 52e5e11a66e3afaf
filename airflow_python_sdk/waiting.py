"""Wait for a DAG run to finish, polling its state::

    run = api.trigger_dag_run_and_wait("my_dag", DAGRun(conf={"day": "2024-05-01"}), timeout=600)
    run = api.wait_for_dag_run("my_dag", "manual__2024-05-01", timeout=600, progress=True)
    print(run.state)  # DagState.SUCCESS or DagState.FAILED

:meth:`DAGRunApi.wait_for_dag_run` and :meth:`DAGRunApi.trigger_dag_run_and_wait` poll through
:func:`wait_until_finished`:

- **Finished**: any state but ``queued`` and ``running`` (:data:`UNFINISHED_STATES`): ``success`` and ``failed``
  in Airflow 2 and 3, and a state a newer server reports that this SDK does not know (``run.state.known`` is
  False), since waiting on through it could only end at the timeout.
- **Polling** every ``poll_interval`` seconds; while the state stays the same the interval grows by
  :data:`POLL_BACKOFF` up to ``max_poll_interval`` (default :data:`MAX_POLL_INTERVAL`; ``poll_interval`` for a
  steady interval); a change of state brings it back.
- **Transient errors** (connection failures, 429/502/503/504) are retried by ``Configuration.retries`` inside
  each poll; an error that survives those is raised as it is.
- **The timeout** bounds the whole wait, retries included: each poll's request timeout is capped by the time
  left and a poll unanswered at the deadline is given up (its request ends in the background within that
  cap), so a wait lasts at most ``timeout`` + :data:`POLL_GRACE`; then :class:`~airflow_python_sdk.WaitTimeoutError`
  carries the run as last seen. The run goes on: waiting never changes it, nor does Ctrl-C (the
  ``KeyboardInterrupt`` carries a note naming the run).
- **A paused DAG**: a run still queued after :data:`PAUSE_CHECK_AFTER` seconds has its DAG's ``is_paused`` read
  once; a paused DAG raises :class:`DagPausedError` at once (its runs would stay queued until the timeout);
  ``trigger_dag_run_and_wait(unpause=True)`` unpauses the DAG instead.
- **A failed run**, with ``raise_on_failure=True``, raises :class:`DagRunFailedError` holding the failed task
  instances and the last :data:`LOG_TAIL_LINES` lines of each one's log, which its message shows too.
- **Progress**: ``progress=True`` shows a tqdm bar with the state and the time waited (``tqdm.auto``: a
  widget in notebooks with ipywidgets, else one output line updated in place) when tqdm (the ``progress``
  extra) is installed; without it each change of state is logged at INFO through the ``airflow_python_sdk``
  logger, or, where logging would not show it (not configured), written on stderr. Changes are always logged
  at DEBUG.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import logging
import math
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from airflow_python_sdk._clock import clock as time  # a test's FakeClock when one is in
from airflow_python_sdk.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiValueError,
    DagPausedError,
    DagRunFailedError,
    WaitTimeoutError,
)
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_state import DagState

if TYPE_CHECKING:
    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.configuration import Timeout

__all__ = [
    "DEFAULT_WAIT_TIMEOUT", "DEFAULT_POLL_INTERVAL", "MAX_POLL_INTERVAL", "POLL_BACKOFF", "POLL_GRACE",
    "PAUSE_CHECK_AFTER", "LOG_TAIL_LINES", "UNFINISHED_STATES", "DagPausedError", "DagRunFailedError", "is_finished",
    "wait_until_finished", "wait_for_run",
]  # fmt: skip

DEFAULT_WAIT_TIMEOUT = 3600.0
"""Seconds to wait for a run to finish before raising :class:`WaitTimeoutError`: one hour."""
DEFAULT_POLL_INTERVAL = 5.0
"""Seconds between the first polls: the scheduler's own loop takes about that long to move a run on."""
MAX_POLL_INTERVAL = 30.0
"""The longest interval between polls a long, unchanging wait grows to (unless ``poll_interval`` is longer)."""
POLL_BACKOFF = 1.5
"""Factor by which the interval grows after each poll that sees no change of state."""
POLL_GRACE = 0.5
"""Seconds a poll sent at (or just before) the deadline is given at least: a wait lasts at most timeout + this."""
PAUSE_CHECK_AFTER = 5.0
"""Seconds a run may stay queued before the wait reads (once) whether its DAG is paused."""
LOG_TAIL_LINES = 40
"""Lines of each failed task instance's log that :class:`DagRunFailedError` holds."""
UNFINISHED_STATES = frozenset({DagState.QUEUED, DagState.RUNNING})
"""The states a run is waited on through; every other state counts as finished."""

log = logging.getLogger("airflow_python_sdk")
T = TypeVar("T")


def is_finished(state: DagState | str | None) -> bool:
    """Whether a run in ``state`` is finished: any state but queued and running (None is not a state yet)."""
    return state is not None and state not in UNFINISHED_STATES


def wait_until_finished(
    fetch: Callable[[float], DAGRun] | Callable[[], DAGRun],
    label: str,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    progress: bool = False,
    max_poll_interval: float | None = None,
    stalled: Callable[[DAGRun, float], None] | None = None,
) -> DAGRun:
    """Call ``fetch(seconds_left)`` (one ``get_dag_run`` whose request timeout is capped by ``seconds_left``;
    a ``fetch`` taking no argument is called as ``fetch()``) until the run it returns is finished; return it.

    ``label`` names the run in progress output, logs, errors and the note a ``KeyboardInterrupt`` gets.
    ``stalled(run, seconds_left)``, when given, is called once when the run is still queued after
    :data:`PAUSE_CHECK_AFTER` seconds, and may raise (:class:`DagPausedError`). The module docstring says what
    finished means, how the interval grows and what the timeout bounds. Raises :class:`WaitTimeoutError` when
    the run is unfinished at the deadline (or no poll answers by then), and :class:`ApiValueError` for a
    negative timeout or a poll interval that is not positive.
    """
    _check_seconds("timeout", timeout, allow_zero=True)
    _check_seconds("poll_interval", poll_interval, allow_zero=False)
    if max_poll_interval is not None:
        _check_seconds("max_poll_interval", max_poll_interval, allow_zero=False)
    longest = max(poll_interval, MAX_POLL_INTERVAL if max_poll_interval is None else max_poll_interval)
    started = time.monotonic()
    deadline, interval, poll = started + timeout, poll_interval, _with_time_left(fetch)
    display = _Progress(label, progress)
    state: Any = _NOT_SEEN
    run: DAGRun | None = None
    checked = stalled is None
    try:
        while True:
            left = max(deadline - time.monotonic(), POLL_GRACE)
            try:
                run = _within(lambda left=left: poll(left), left)  # type: ignore[misc]
            except _NoAnswer:
                raise WaitTimeoutError(
                    f"{label}: the server did not answer a poll within the wait's timeout ({timeout:g} s); "
                    f"last seen {_name(state)}",
                    dag_run=run, state=_seen(state), timeout=timeout, elapsed=time.monotonic() - started,
                ) from None  # fmt: skip
            elapsed = time.monotonic() - started
            if run.state != state:
                state, interval = run.state, poll_interval
                display.changed(state, elapsed)
            else:
                interval = min(interval * POLL_BACKOFF, longest)
                display.tick(elapsed)
            if is_finished(state):
                return run
            if not checked and state == DagState.QUEUED and elapsed >= PAUSE_CHECK_AFTER and stalled is not None:
                checked = True
                stalled(run, max(deadline - time.monotonic(), POLL_GRACE))
            if (remaining := deadline - time.monotonic()) <= 0:
                still = f"{label} is still {_name(state)} after {elapsed:.1f} s (timeout {timeout:g} s)"
                raise WaitTimeoutError(still, dag_run=run, state=state, timeout=timeout, elapsed=elapsed)
            time.sleep(min(interval, remaining))
    except KeyboardInterrupt as exc:
        _add_note(exc, f"interrupted while waiting for DAG run {label} (last seen {_name(state)}): the run goes on; "
                       "wait again with wait_for_dag_run, or set its state to stop it")  # fmt: skip
        raise
    finally:
        display.close()


def wait_for_run(
    client: ApiClient,
    dag_id: str | int,
    dag_run_id: str | int,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    progress: bool = False,
    max_poll_interval: float | None = None,
    raise_on_failure: bool = False,
) -> DAGRun:
    """What :meth:`DAGRunApi.wait_for_dag_run` does: poll the run through ``client`` until it is finished, each
    poll's request timeout capped by the time left; raise :class:`DagPausedError` when it stays queued because
    its DAG is paused and, with ``raise_on_failure``, :class:`DagRunFailedError` when it failed."""
    from airflow_python_sdk.api.dag_api import DAGApi
    from airflow_python_sdk.api.dag_run_api import DAGRunApi

    runs, configured, label = DAGRunApi(client), client.configuration.timeout, f"{dag_id}/{dag_run_id}"

    def fetch(left: float) -> DAGRun:
        return runs.get_dag_run(dag_id, dag_run_id, _request_timeout=capped(configured, left))

    def stalled(run: DAGRun, left: float) -> None:
        dag = _within(lambda: DAGApi(client).get_dag(dag_id, _request_timeout=capped(configured, left)), left)
        if dag.get("is_paused"):
            raise DagPausedError(
                f"{label} is still queued: DAG {dag_id!r} is paused, so the run will not start. Unpause it "
                f"(airflow-sdk dags unpause {dag_id}, or DAGApi.patch_dag(dag_id, DAG(is_paused=False))), or "
                "pass unpause=True to trigger_dag_run_and_wait; the run stays queued until then",
                dag_run=run,
            )

    run = wait_until_finished(fetch, label, timeout, poll_interval, progress, max_poll_interval, stalled)
    if raise_on_failure and run.state == DagState.FAILED:
        raise failed_run_error(client, run, dag_id, dag_run_id)
    return run


def capped(configured: Timeout | None, left: float) -> tuple[float, float]:
    """A request timeout ``(connect, read)`` no longer than ``left`` seconds (nor than the configured one)."""
    connect, read = configured if isinstance(configured, tuple) else (configured, configured)
    return (min(connect or left, left), min(read or left, left))


def failed_run_error(client: ApiClient, run: DAGRun, dag_id: str | int, dag_run_id: str | int) -> DagRunFailedError:
    """The :class:`DagRunFailedError` of a failed run: its failed task instances and each one's log tail."""
    from airflow_python_sdk.api.task_instance_api import TaskInstanceApi

    tis_api = TaskInstanceApi(client)
    try:
        listed = tis_api.get_task_instances(dag_id, dag_run_id, state=["failed"]).task_instances or []
    except (ApiException, ApiConnectionError) as exc:
        return DagRunFailedError(f"DAG run {dag_id}/{dag_run_id} failed (its task instances: {_why(exc)})", run)
    logs: dict[str, str] = {}
    parts: list[str] = []
    for ti in listed:
        index: int | None = ti.get("map_index")
        index = index if index is not None and index >= 0 else None
        name = f"{ti.task_id}[{index}]" if index is not None else ti.task_id
        tries = max(ti.get("try_number") or 1, 1)
        try:
            text = tis_api.get_log(dag_id, dag_run_id, ti.task_id, tries, full_content=True, map_index=index)
            logs[name] = "\n".join(_text(text).splitlines()[-LOG_TAIL_LINES:])
        except (ApiException, ApiConnectionError) as exc:
            logs[name] = f"(its log could not be read: {_why(exc)})"
        parts.append(f"--- {name} (try {tries}), the end of its log:\n{logs[name]}")
    names = ", ".join(logs) or "none listed as failed"
    message = f"DAG run {dag_id}/{dag_run_id} failed; failed task instances: {names}"
    return DagRunFailedError("\n".join([message, *parts]), run, listed, logs)


def _text(log_answer: Any) -> str:
    """A log answer as text: Airflow 2's text, or Airflow 3's JSON content (a list of events, or text)."""
    if isinstance(log_answer, str):
        return log_answer
    content = log_answer.get("content") if isinstance(log_answer, dict) else log_answer
    if isinstance(content, list):
        return "\n".join(e.get("event", str(e)) if isinstance(e, dict) else str(e) for e in content)
    return str(content)


def _why(exc: Exception) -> str:
    return f"{exc.status} {exc.reason}" if isinstance(exc, ApiException) else str(exc)


def _with_time_left(fetch: Callable[[float], DAGRun] | Callable[[], DAGRun]) -> Callable[[float], DAGRun]:
    """``fetch`` as a call taking the seconds left (dropped for a ``fetch`` that takes no argument)."""
    try:
        if not inspect.signature(fetch).parameters:
            return lambda left: fetch()  # type: ignore[call-arg]
    except (TypeError, ValueError):  # a callable without a signature: given the time left
        pass
    return fetch  # type: ignore[return-value]


def _add_note(exc: BaseException, note: str) -> None:
    """``exc.add_note(note)``; on Python 3.10, which shows no notes, the note becomes its message."""
    add = getattr(exc, "add_note", None)
    if add is not None:
        add(note)
    else:
        exc.args = (*exc.args, note)


class _NoAnswer(Exception):
    """A call that did not return within its time."""


def _within(call: Callable[[], T], seconds: float) -> T:
    """``call()``'s result or error, or :class:`_NoAnswer` when it takes longer than ``seconds``; it runs in a
    daemon thread, left to end on its own (its request's timeout is capped by the same time)."""
    box: list[tuple[bool, Any]] = []

    def target() -> None:
        try:
            box.append((True, call()))
        except BaseException as exc:  # handed to the waiting thread
            box.append((False, exc))

    worker = threading.Thread(target=target, name="airflow-sdk-wait-poll", daemon=True)
    worker.start()
    worker.join(seconds)
    if not box:
        raise _NoAnswer
    ok, value = box[0]
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


_NOT_SEEN = object()


def _seen(state: Any) -> Any:
    return None if state is _NOT_SEEN else state


def _name(state: Any) -> str:
    return "without a state" if _seen(state) is None else str(state)


def _check_seconds(name: str, value: float, allow_zero: bool) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value)
    if not ok or value < 0 or (value == 0 and not allow_zero):
        need = "a number >= 0" if allow_zero else "a number > 0"
        raise ApiValueError(f"{name} must be {need} of seconds, got {value!r}", [name])


def _notebook_without_widgets() -> bool:
    """Whether this runs in a Jupyter kernel where ``tqdm.auto`` would fall back to text (no ipywidgets)."""
    ipython = sys.modules.get("IPython")
    shell = getattr(ipython, "get_ipython", lambda: None)() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell" and importlib.util.find_spec("ipywidgets") is None


class _Progress:
    """A tqdm bar showing the state and the time waited; in a notebook without ipywidgets one output line
    updated in place; INFO log lines (stderr lines where logging would not show them) when tqdm is missing."""

    bar: Any = None
    line: Any = None
    state: Any = None

    def __init__(self, label: str, enabled: bool) -> None:
        self.label, self.enabled = label, enabled
        if not enabled:
            return
        try:  # imported by name: tqdm is an optional extra, and typed or not
            tqdm = importlib.import_module("tqdm.auto").tqdm if not _notebook_without_widgets() else None
        except ImportError:
            log.debug("tqdm is not installed: progress is logged at INFO instead")
            return
        if tqdm is not None:
            self.bar = tqdm(desc=f"{label}: ...", bar_format="{desc} [{elapsed}]")
        elif importlib.util.find_spec("tqdm") is not None:
            display = importlib.import_module("IPython.display")
            self.line = display.display(display.Pretty(f"{label}: ..."), display_id=True)

    def changed(self, state: Any, elapsed: float) -> None:
        self.state = state
        shown = self.bar is not None or self.line is not None
        level = logging.INFO if self.enabled and not shown else logging.DEBUG
        if level == logging.INFO and not (log.isEnabledFor(level) and log.hasHandlers()):  # it would show nothing
            print(f"DAG run {self.label}: {_name(state)} after {elapsed:.1f} s", file=sys.stderr, flush=True)
        else:
            log.log(level, "DAG run %s: %s after %.1f s", self.label, _name(state), elapsed)
        if self.bar is not None:
            self.bar.set_description_str(f"{self.label}: {_name(state)}")
        self.tick(elapsed)

    def tick(self, elapsed: float) -> None:
        if self.bar is not None:
            self.bar.refresh()
        if self.line is not None:
            display = importlib.import_module("IPython.display")
            self.line.update(display.Pretty(f"{self.label}: {_name(self.state)} [{elapsed:.0f} s]"))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
