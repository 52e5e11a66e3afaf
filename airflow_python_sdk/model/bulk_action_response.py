from typing import Any

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkActionResponse"]


class BulkActionResponse(Model):
    """The ids or keys an action applied to, and the errors that stopped it.

    Airflow 3.3.2 applies an action all or nothing: one entity it refuses (a create of a key that
    exists, with ``action_on_existence`` fail) fails the whole action, ``success`` is empty and none
    of its entities were applied; ``errors`` says which entities were refused and why.
    """

    success: list[str] = Field(default=None, doc="Ids or keys of the entities the action applied to.")
    errors: list[dict[str, Any]] = Field(
        default=None, doc="What stopped it: the server's ``error`` text (naming the entities) and ``status_code``."
    )
