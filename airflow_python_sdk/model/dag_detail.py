from datetime import datetime
from typing import Any

from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model.time_delta import TimeDelta
from airflow_python_sdk.model.timezone import Timezone
from airflow_python_sdk.model_utils import Field

__all__ = ["DAGDetail"]


class DAGDetail(DAG):
    """A DAG with the settings its file gives it."""

    timezone: Timezone | None = Field(default=None, nullable=True, doc="The DAG's time zone.")
    catchup: bool = Field(default=None, nullable=True, read_only=True, doc="Whether missed runs are made up.")
    orientation: str | None = Field(default=None, nullable=True, read_only=True, doc="Graph layout: LR, TB, RL or BT.")
    concurrency: float = Field(
        default=None, nullable=True, read_only=True, doc="Deprecated name of `max_active_tasks`."
    )
    start_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="The DAG's start date.")
    dag_run_timeout: TimeDelta | None = Field(
        default=None, nullable=True, doc="How long a run may take before it fails (Airflow 3 sends ISO 8601 text)."
    )
    dataset_expression: dict[str, Any] | None = Field(
        default=None, nullable=True, doc="The dataset condition that triggers it (any/all, nested)."
    )
    doc_md: str | None = Field(default=None, nullable=True, read_only=True, doc="Its documentation, in Markdown.")
    params: dict[str, Any] | None = Field(default=None, read_only=True, doc="Its params, by name.")
    end_date: datetime | None = Field(default=None, nullable=True, read_only=True, doc="The DAG's end date.")
    is_paused_upon_creation: bool | None = Field(
        default=None, nullable=True, read_only=True, doc="Whether it starts out paused."
    )
    last_parsed: datetime | None = Field(
        default=None, nullable=True, read_only=True, doc="When its file was last parsed."
    )
    template_search_path: list[str] | None = Field(
        default=None, fallback_keys=("template_searchpath",), nullable=True, doc="Folders searched for Jinja templates."
    )
    render_template_as_native_obj: bool = Field(
        default=None, nullable=True, read_only=True, doc="Whether templates render to Python objects."
    )
    asset_expression: dict[str, Any] | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="The assets that schedule it, as an expression."
    )
    default_args: dict[str, Any] | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Its default task arguments."
    )
    rerun_with_latest_version: bool | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Whether cleared runs use its latest version."
    )
    owner_links: dict[str, str] | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Links of its owners."
    )
    is_favorite: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether the user marked it as a favourite."
    )
    active_runs_count: int | None = Field(
        default=None, read_only=True, v2_only=True, doc="How many of its runs are active."
    )
    latest_dag_version: DagVersion | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Its latest version."
    )
