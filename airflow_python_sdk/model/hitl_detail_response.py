from datetime import datetime
from typing import Any

from airflow_python_sdk.model.hitl_user import HITLUser
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["HITLDetailResponse"]


class HITLDetailResponse(Model):
    """Who answered a human-in-the-loop task, when, and what (Airflow 3)."""

    responded_by: HITLUser = Field(default=None, doc="Who answered.")
    responded_at: datetime = Field(default=None, doc="When.")
    chosen_options: list[str] = Field(default=None, doc="The options chosen.")
    params_input: dict[str, Any] | None = Field(default=None, doc="The form fields as answered.")
