"""What one action of a bulk request did."""

from __future__ import annotations

from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkActionResponse"]


class BulkActionResponse(Model):
    """The ids or keys an action applied to, and one error per entity the server refused."""

    success: list[str] = Field(default=None, doc="Ids or keys of the entities the action applied to.")
    errors: list[dict[str, Any]] = Field(
        default=None, doc="One per entity refused: the server's ``error`` text and ``status_code``."
    )
