"""Pictures of runs, as inline SVG (no JavaScript, no network): a notebook, VS Code and exported HTML show them.

- The task instances (or tries) of one DAG run: a Gantt chart (:func:`gantt_svg`), a bar per try coloured by
  state in Airflow's colours (:data:`STATE_COLORS`), queued time apart, mapped tasks grouped.
- DAG runs: a grid (:func:`grid_svg`), a bar per run over time, its height its duration, its colour its state.
- :func:`run_tasks` fetches a run with its task instances and every earlier try of each (a ``RunTasks``:
  its notebook display is the Gantt chart above the run and its task instances).

``page.to_svg()`` gives a page's picture as text; the notebook display puts it above the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.pictures._gantt import gantt_svg
from airflow_python_sdk.pictures._grid import grid_svg
from airflow_python_sdk.pictures._svg import STATE_COLORS, val

if TYPE_CHECKING:
    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.models import DAGRun, TaskInstance, TaskInstanceHistory

__all__ = ["STATE_COLORS", "gantt_svg", "grid_svg", "to_svg", "picture_of", "RunTasks", "run_tasks"]

_GANTT = ("TaskInstanceCollection", "TaskInstanceHistoryCollection")


def picture_of(model: Any) -> str | None:
    """The SVG picture of ``model``, or None when it has none: a page of task instances or tries of one run
    draws a Gantt chart, a page of DAG runs a grid, a :class:`RunTasks` its run's Gantt chart."""
    if isinstance(model, RunTasks):
        return model.to_svg()
    name, listed = type(model).__name__, getattr(type(model), "_items", None)
    items = getattr(model, listed.name, None) if listed is not None else None
    if listed is None or not isinstance(items, list) or not items:
        return None
    if name in _GANTT:
        runs = {(val(i, "dag_id"), val(i, "dag_run_id")) for i in items}
        if len(runs) != 1:
            return None
        ((dag_id, run_id),) = runs
        return gantt_svg(items, title=f"{dag_id} / {run_id}: {len(items)} {listed.name.replace('_', ' ')}")
    if name == "DAGRunCollection":
        dags = sorted({str(val(r, "dag_id")) for r in items})
        return grid_svg(items, title=f"{', '.join(dags[:3])}{' ...' if len(dags) > 3 else ''}: {len(items)} runs")
    return None


def to_svg(model: Any) -> str:
    """:func:`picture_of` ``model``; :class:`TypeError` when it has no picture."""
    if (picture := picture_of(model)) is None:
        raise TypeError(
            f"{type(model).__name__} has no picture: pictures are drawn of a page of task instances (or tries) "
            "of one DAG run, of a page of DAG runs, and of run_tasks(...)"
        )
    return picture


class RunTasks:
    """A DAG run with its task instances and every try of each (see :func:`run_tasks`)."""

    def __init__(
        self, run: DAGRun, task_instances: list[TaskInstance], tries: list[TaskInstance | TaskInstanceHistory]
    ) -> None:
        self.run, self.task_instances, self.tries = run, task_instances, tries

    def __repr__(self) -> str:
        return f"RunTasks({self.run.dag_id}/{self.run.dag_run_id}: {len(self.task_instances)} task instances)"

    def to_svg(self) -> str:
        """The Gantt chart of every try, its time axis the run's span (start to end, to now while running)."""
        run = self.run
        start = run.start_date or val(run, "queued_at")
        title = f"{run.dag_id} / {run.dag_run_id}: {val(run, 'state')}, {len(self.tries)} tries"
        return gantt_svg(self.tries, start=start, end=run.end_date if start else None, title=title)

    def to_pandas(self) -> Any:
        """The task instances, one per row (see :func:`airflow_python_sdk.frames.to_pandas`)."""
        from airflow_python_sdk.frames import to_pandas
        from airflow_python_sdk.models import TaskInstance

        return to_pandas(self.task_instances, item_type=TaskInstance)

    def _repr_html_(self) -> str:
        from airflow_python_sdk._display import html_table, table_html
        from airflow_python_sdk.models import TaskInstanceCollection

        page = TaskInstanceCollection(task_instances=self.task_instances, total_entries=len(self.task_instances))
        return f"<div>{self.to_svg()}</div>{html_table(self.run)}{table_html(page)}"


def run_tasks(api_client: ApiClient, dag_id: str, dag_run_id: str) -> RunTasks:
    """Fetch DAG run ``dag_run_id`` of ``dag_id``, its task instances (every page) and, for each task
    instance past its first try, its tries (the tries endpoint: Airflow 2.10+ and 3). Raises what the
    calls raise (:class:`NotFoundException` for an unknown run)."""
    from airflow_python_sdk.api.dag_run_api import DAGRunApi
    from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
    from airflow_python_sdk.pagination import paginate

    tis = TaskInstanceApi(api_client)
    run = DAGRunApi(api_client).get_dag_run(dag_id, dag_run_id)
    instances = list(paginate(tis.get_task_instances, dag_id, dag_run_id))
    tries: list[TaskInstance | TaskInstanceHistory] = []
    for ti in instances:
        current = ti.try_number or 0
        if current > 1:
            index = ti.map_index if ti.map_index is not None else -1
            page = (tis.get_mapped_task_instance_tries(dag_id, dag_run_id, ti.task_id, index) if index >= 0
                    else tis.get_task_instance_tries(dag_id, dag_run_id, ti.task_id))  # fmt: skip
            earlier = [t for t in page.task_instances_history if (t.get("try_number") or 0) < current]
            tries.extend(sorted(earlier, key=lambda t: int(t.get("try_number") or 0)))
        tries.append(ti)
    return RunTasks(run, instances, tries)
