from typing import Any

from airflow_python_sdk.model.bulk_action_response import BulkActionResponse
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["BulkResponse"]


class BulkResponse(Model):
    """Per kind of action, what it did; None for a kind the request had none of.

    The request itself answers 200 even when an action failed: check :attr:`errors` (an action with
    an error applied none of its entities on Airflow 3.3.2).
    """

    create: BulkActionResponse | None = Field(default=None, nullable=True, doc="What the creates did.")
    update: BulkActionResponse | None = Field(default=None, nullable=True, doc="What the updates did.")
    delete: BulkActionResponse | None = Field(default=None, nullable=True, doc="What the deletes did.")

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Every refused entity's error, of every action."""
        return [e for part in (self.create, self.update, self.delete) if part is not None for e in part.errors]
