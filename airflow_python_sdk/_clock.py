"""The clock the SDK's waits read: ``clock.sleep(seconds)`` and ``clock.monotonic()`` (seconds), :mod:`time`'s
unless a test put others in (:class:`airflow_python_sdk.testing.FakeClock`). A module imports it as ``from
airflow_python_sdk._clock import clock as time``, so its ``time.sleep``/``time.monotonic`` follow the clock in place."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["Clock", "clock"]


class Clock:
    """``sleep`` and ``monotonic``, replaced together (for every thread) by :meth:`use`."""

    __slots__ = ("monotonic", "sleep")
    sleep: Callable[[float], None]
    monotonic: Callable[[], float]

    def __init__(self) -> None:
        self.use(time.sleep, time.monotonic)

    def use(self, sleep: Callable[[float], None], monotonic: Callable[[], float]) -> None:
        self.sleep, self.monotonic = sleep, monotonic

    def __repr__(self) -> str:
        return f"Clock(sleep={self.sleep!r}, monotonic={self.monotonic!r})"


clock = Clock()
"""The one clock the SDK's waits read."""
