from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ClearPartitionsResponse"]


class ClearPartitionsResponse(Model):
    """How many runs and task instances were (or, in a dry run, would be) cleared."""

    dag_runs_cleared: int = Field(default=None, doc="Runs whose partition fields were reset.")
    task_instances_cleared: int = Field(default=None, doc="Task instances cleared with them.")
    dry_run: bool = Field(default=None, doc="Whether nothing was changed.")
