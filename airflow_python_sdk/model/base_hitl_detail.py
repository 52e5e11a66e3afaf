from datetime import datetime
from typing import Any

from airflow_python_sdk.model.hitl_user import HITLUser
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BaseHITLDetail"]


class BaseHITLDetail(Model):
    """The question a human-in-the-loop task put and its answer, without the task instance (Airflow 3)."""

    options: list[str] = Field(default=None, read_only=True, doc="The options offered (at least one).")
    subject: str = Field(default=None, read_only=True, doc="The headline of the question.")
    body: str | None = Field(default=None, nullable=True, read_only=True, doc="Details of the question (Markdown).")
    defaults: list[str] | None = Field(
        default=None, nullable=True, read_only=True, doc="The options taken when nobody answers in time."
    )
    multiple: bool | None = Field(default=None, read_only=True, doc="Whether several options may be chosen.")
    params: dict[str, Any] | None = Field(
        default=None, read_only=True, doc="Form fields asked for: name -> ``value``, ``description``, ``schema``."
    )
    assigned_users: list[HITLUser] | None = Field(
        default=None, read_only=True, doc="The users who may answer (anyone allowed when empty)."
    )
    created_at: datetime = Field(default=None, read_only=True, doc="When the question was put.")
    responded_by_user: HITLUser | None = Field(default=None, nullable=True, read_only=True, doc="Who answered.")
    responded_at: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it was answered.")
    chosen_options: list[str] | None = Field(default=None, nullable=True, read_only=True, doc="The options chosen.")
    params_input: dict[str, Any] | None = Field(default=None, read_only=True, doc="The form fields as answered.")
    response_received: bool | None = Field(default=None, read_only=True, doc="Whether an answer arrived.")
