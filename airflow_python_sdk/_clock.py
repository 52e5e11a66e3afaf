"""The clock the SDK's waits read: ``clock.sleep(seconds)`` and ``clock.monotonic()`` (seconds), the real
:func:`time.sleep` and :func:`time.monotonic` unless a test put others in (see
:class:`airflow_python_sdk.testing.FakeClock`). A module reads it as ``from airflow_python_sdk._clock import
clock as time``, so that ``time.sleep``/``time.monotonic`` there follow whatever clock is in place."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["Clock", "clock"]


class Clock:
    """``sleep`` and ``monotonic``, replaceable together (:meth:`use`) and put back (:meth:`reset`)."""

    __slots__ = ("monotonic", "sleep")

    def __init__(self) -> None:
        self.sleep: Callable[[float], None] = time.sleep
        self.monotonic: Callable[[], float] = time.monotonic

    def use(self, sleep: Callable[[float], None], monotonic: Callable[[], float]) -> None:
        """Read time from ``monotonic`` and wait with ``sleep`` from now on (for every thread)."""
        self.sleep, self.monotonic = sleep, monotonic

    def reset(self) -> None:
        """The real clock again."""
        self.use(time.sleep, time.monotonic)

    def __repr__(self) -> str:
        return f"Clock(sleep={self.sleep!r}, monotonic={self.monotonic!r})"


clock = Clock()
"""The one clock the SDK's waits read."""
