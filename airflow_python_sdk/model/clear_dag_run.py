"""The body that clears a DAG run."""

from __future__ import annotations

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClearDagRun"]


class ClearDagRun(Model):
    """Whether to clear the run's task instances or only list them."""

    dry_run: bool | None = Field(
        default=None, doc="True (the server's default) only lists the task instances that would be cleared."
    )
