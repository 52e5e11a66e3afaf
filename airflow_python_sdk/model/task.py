from datetime import datetime
from typing import Any

from airflow_python_sdk.model.class_reference import ClassReference
from airflow_python_sdk.model.color import Color
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.time_delta import TimeDelta
from airflow_python_sdk.model.trigger_rule import TriggerRule
from airflow_python_sdk.model.weight_rule import WeightRule
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["Task"]


class Task(Model):
    """A task as its DAG declares it (an operator and its settings)."""

    class_ref: ClassReference | None = Field(default=None, doc="The operator class.")
    task_id: str | None = Field(default=None, read_only=True, doc="The task id.")
    task_display_name: str | None = Field(default=None, read_only=True, doc="The name shown in the UI.")
    owner: str | None = Field(default=None, read_only=True, doc="The task's owner.")
    start_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it starts being run.")
    end_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="When it stops being run.")
    trigger_rule: TriggerRule | None = Field(default=None, doc="When it runs, given its upstream tasks' states.")
    extra_links: list[dict[str, Any]] | list[str] = Field(
        default=None,
        read_only=True,
        doc="Its extra links: Airflow 2 sends ``{'class_ref': {...}}`` each, Airflow 3 their names.",
    )
    depends_on_past: bool = Field(default=None, read_only=True, doc="Whether it waits for its previous run.")
    is_mapped: bool | None = Field(default=None, read_only=True, doc="Whether it is a mapped task.")
    wait_for_downstream: bool = Field(
        default=None, read_only=True, doc="Whether it waits for the previous run's downstream tasks too."
    )
    retries: float | None = Field(default=None, read_only=True, doc="How many times a failure is retried.")
    queue: str | None = Field(default=None, nullable=True, read_only=True, doc="Executor queue.")
    executor: str | None = Field(default=None, nullable=True, read_only=True, doc="Executor; None for the default.")
    pool: str | None = Field(default=None, read_only=True, doc="Pool it takes slots from.")
    pool_slots: float | None = Field(default=None, read_only=True, doc="Slots it takes.")
    execution_timeout: TimeDelta | None = Field(default=None, nullable=True, doc="How long one try may run.")
    retry_delay: TimeDelta | None = Field(default=None, nullable=True, doc="Wait before a retry.")
    retry_exponential_backoff: bool | float = Field(
        default=None,
        read_only=True,
        doc="Airflow 2: whether the wait grows with each retry; Airflow 3: the factor it grows by (0: it does not).",
    )
    priority_weight: float | None = Field(default=None, read_only=True, doc="Its priority weight.")
    weight_rule: WeightRule | None = Field(default=None, doc="How its effective priority is computed.")
    ui_color: Color | None = Field(default=None, doc="Background colour in the UI.")
    ui_fgcolor: Color | None = Field(default=None, doc="Text colour in the UI.")
    template_fields: list[str] | None = Field(default=None, read_only=True, doc="Its fields rendered by Jinja.")
    sub_dag: DAG | None = Field(default=None, doc="The DAG a SubDagOperator runs.")
    downstream_task_ids: list[str] | None = Field(default=None, read_only=True, doc="Tasks that directly follow it.")
    doc_md: str | None = Field(default=None, nullable=True, read_only=True, doc="Its documentation, in Markdown.")
    operator_name: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The operator's display name."
    )
    params: dict[str, Any] | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The task's params."
    )
