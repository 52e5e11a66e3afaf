"""A DAG file that failed to import.

The class is named ``ImportError`` after the API's schema; it shadows the builtin in this module only.
Import it under another name where the builtin is needed.
"""

from __future__ import annotations

from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ImportError"]


class ImportError(Model):
    """The error the DAG processor met when it last parsed a DAG file."""

    import_error_id: int | None = Field(default=None, read_only=True, doc="The error's id.")
    timestamp: datetime | None = Field(default=None, read_only=True, doc="When the error was recorded.")
    filename: str | None = Field(default=None, read_only=True, doc="Path of the file on the server.")
    stack_trace: str | None = Field(default=None, read_only=True, doc="The traceback.")
    bundle_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The DAG bundle the file belongs to."
    )
