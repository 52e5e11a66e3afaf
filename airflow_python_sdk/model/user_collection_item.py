from datetime import datetime
from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UserCollectionItem"]


class UserCollectionItem(Model):
    """A user account, without its password."""

    first_name: str | None = Field(default=None, doc="Given name (may be empty).")
    last_name: str | None = Field(default=None, doc="Family name (may be empty).")
    username: str | None = Field(default=None, doc="Login name (not empty).")
    email: str | None = Field(default=None, doc="Email address (not empty).")
    active: bool | None = Field(default=None, nullable=True, read_only=True, doc="Whether the account may log in.")
    last_login: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When the user last logged in."
    )
    login_count: int | None = Field(
        default=None, nullable=True, read_only=True, doc="How many times the user logged in."
    )
    failed_login_count: int | None = Field(
        default=None,
        fallback_keys=("fail_login_count",),
        nullable=True,
        read_only=True,
        doc="Failed login attempts (Airflow 2.11 sends them as `fail_login_count`).",
    )
    roles: list[dict[str, Any]] | None = Field(
        default=None, doc='The user\'s roles, each `{"name": ...}`; settable on create and update.'
    )
    created_on: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When the account was created."
    )
    changed_on: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When the account last changed."
    )
