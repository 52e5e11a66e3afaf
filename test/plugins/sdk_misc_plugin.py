"""A tiny Airflow plugin so that the SDK's tests see a non-empty ``GET /plugins``: one macro."""

from __future__ import annotations

from typing import Any, ClassVar

from airflow.plugins_manager import AirflowPlugin


def sdk_misc_greeting(name: str) -> str:
    """A template macro: ``{{ macros.sdk_misc_plugin.sdk_misc_greeting("x") }}``."""
    return f"hello {name}"


class SdkMiscPlugin(AirflowPlugin):
    """Adds one macro and nothing else."""

    name = "sdk_misc_plugin"
    macros: ClassVar[list[Any]] = [sdk_misc_greeting]
