from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["UpdateHITLDetailPayload"]


class UpdateHITLDetailPayload(Model):
    """The answer to give a waiting human-in-the-loop task (Airflow 3)."""

    chosen_options: list[str] = Field(
        default=None, doc="Required: the options chosen, at least one, among those offered (one unless it allows many)."
    )
    params_input: dict[str, Any] | None = Field(default=None, doc="Values of the form fields it asks for.")
