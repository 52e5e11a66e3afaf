from airflow_python_sdk.model_utils import Field, Model

__all__ = ["CronExpression"]


class CronExpression(Model):
    """A schedule written as a cron expression or preset."""

    type_: str | None = Field(default=None, key="__type", doc="Always ``CronExpression``.")
    value: str | None = Field(default=None, doc="The expression, e.g. ``0 6 * * *`` or ``@daily``.")
