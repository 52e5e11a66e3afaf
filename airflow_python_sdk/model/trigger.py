from datetime import datetime

from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Trigger"]


class Trigger(Model):
    """A trigger, run by a triggerer, that resumes a deferred task."""

    id: int | None = Field(default=None, doc="Trigger id.")
    classpath: str | None = Field(default=None, doc="Python path of the trigger class.")
    kwargs: str | None = Field(default=None, doc="The trigger's arguments, serialised.")
    created_date: datetime | None = Field(default=None, doc="When it was created.")
    triggerer_id: int | None = Field(default=None, nullable=True, doc="The triggerer job running it.")
    queue: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The triggerer queue it is assigned to."
    )
