"""Follow a task instance's log as it is written::

    for line in TaskInstanceApi(client).follow_log("my_dag", "manual__2024-05-01", "load"):
        print(line)

:func:`follow_log` reads the try's whole log every ``poll_interval`` seconds and yields each line it has not
yielded yet, until the try ends (its task instance reaches a state a try ends in, or a later try starts).
Once the try has ended the log is read until a read adds nothing (at most :data:`SETTLE_READS` reads,
``poll_interval`` apart). The same on Airflow 2 and 3: both serve a running try's log from the worker.
A log not written yet (404) is waited for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from airflow_python_sdk._clock import clock as time  # a test's FakeClock when one is in
from airflow_python_sdk.exceptions import NotFoundException, WaitTimeoutError

if TYPE_CHECKING:
    from airflow_python_sdk.api.task_instance_api import TaskInstanceApi

__all__ = ["SETTLE_READS", "TRY_ENDED", "follow_log"]

TRY_ENDED = frozenset({"success", "failed", "skipped", "upstream_failed", "removed", "up_for_retry"})
"""Task-instance states a try ends in (``up_for_retry``: the next try will have its own log)."""
SETTLE_READS = 4
"""Reads of the log at most once its try has ended: until one adds no line (Airflow 3 writes a failed try's
error a moment after its state), two at least."""


def follow_log(
    api: TaskInstanceApi,
    dag_id: str | int,
    dag_run_id: str | int,
    task_id: str,
    try_number: int | None = None,
    map_index: int | None = None,
    poll_interval: float = 1.0,
    timeout: float | None = None,
) -> Iterator[str]:
    """Yield the lines of a try's log as they come, until the try ends.

    A line the log repeats is yielded as often as the log holds it; a log read again whose head differs
    (Airflow 3 adds its own lines) yields each line once. Stop early by leaving the loop.

    :param try_number: The try, from 1; the task instance's current try by default.
    :param map_index: The map index, for a mapped task.
    :param poll_interval: Seconds between reads of the log.
    :param timeout: Seconds to follow at most (None: until the try ends); then :class:`WaitTimeoutError`.
    :raises NotFoundException: no such task instance.
    """
    mapped: dict[str, Any] = {} if map_index is None else {"map_index": map_index}
    where = (dag_id, dag_run_id, task_id)
    ti_of = (*where, map_index) if map_index is not None else where
    get_ti = api.get_task_instance if map_index is None else api.get_mapped_task_instance
    ti = get_ti(*ti_of)
    tries = try_number or max(ti.get("try_number") or 1, 1)
    deadline = None if timeout is None else time.monotonic() + timeout
    yielded: Counter[str] = Counter()
    ended = _ended(ti, tries)
    after_end = 0  # reads since the try ended: the server may write its last lines a moment after
    while True:
        try:
            lines = api.get_log(*where, tries, full_content=True, **mapped).splitlines()
        except NotFoundException:
            lines = []  # not started yet
        seen: Counter[str] = Counter()
        new = 0  # lines this read added
        for line in lines:
            seen[line] += 1
            if seen[line] > yielded[line]:
                yielded[line] += 1
                new += 1
                yield line
        if ended:
            after_end += 1
            if after_end >= SETTLE_READS or (after_end >= 2 and not new):
                return
        elif deadline is not None and time.monotonic() >= deadline:
            still = f"{'/'.join(map(str, where))} try {tries} is still {ti.get('state')} after {timeout:g} s"
            raise WaitTimeoutError(still, timeout=timeout)
        time.sleep(poll_interval if deadline is None else max(0.0, min(poll_interval, deadline - time.monotonic())))
        if not ended:
            ended = _ended(ti := get_ti(*ti_of), tries)


def _ended(ti: Any, tries: int) -> bool:
    return str(ti.get("state")) in TRY_ENDED or (ti.get("try_number") or 0) > tries
