from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Pool"]


class Pool(Model):
    """A pool of slots limiting how many tasks run at once, with its current usage."""

    name: str = Field(default=None, doc="The pool's name.")
    slots: int = Field(default=None, doc="How many slots it has; a task takes one or more.")
    occupied_slots: int = Field(default=None, read_only=True, doc="Slots taken now (running and queued).")
    running_slots: int = Field(default=None, read_only=True, doc="Slots taken by running tasks.")
    queued_slots: int = Field(default=None, read_only=True, doc="Slots taken by queued tasks.")
    scheduled_slots: int = Field(default=None, read_only=True, doc="Slots taken by scheduled tasks.")
    deferred_slots: int = Field(default=None, read_only=True, doc="Slots taken by deferred tasks.")
    open_slots: int = Field(default=None, read_only=True, doc="Slots free now.")
    description: str | None = Field(default=None, nullable=True, doc="What the pool is for.")
    include_deferred: bool = Field(default=None, doc="Whether deferred tasks count against the slots.")
    team_name: str | None = Field(
        default=None, nullable=True, v2_only=True, doc="The team that owns it (Airflow 3 multi-team deployments)."
    )
