"""DAGs for the BackfillApi and AssetApi tests on Airflow 3 (dag ids ``sdk_h5_*``); none on Airflow 2.

Backfills (test/test_backfill_live.py), daily DAGs paused at creation so no scheduler runs them:
``sdk_h5_bf_life``, ``sdk_h5_bf_dry`` and ``sdk_h5_bf_busy`` are plain; ``sdk_h5_bf_past`` has a
task that depends on its past; ``sdk_h5_bf_refused`` allows no backfill runs; ``sdk_h5_bf_parts``
makes partitioned runs.

Assets (test/test_assets_v3_live.py): ``sdk_h5_asset_producer.make`` updates NAMED (a name other
than its URI, a group, extra data), TWICE, and NAMED again through the alias ALIAS; its task
``read`` reads NAMED (an inlet). ``sdk_h5_asset_producer_2`` updates TWICE too, so no single DAG materializes it.
``sdk_h5_asset_watched`` is scheduled on WATCHED, which a trigger watches (for a file that is never
made). ``sdk_h5_asset_refused`` produces REFUSED but allows no materialization runs.
"""

from __future__ import annotations

import datetime
from typing import Any

try:  # Airflow 3 only: Airflow 2 has neither backfills through the API nor assets
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.providers.standard.triggers.file import FileDeleteTrigger
    from airflow.sdk import DAG, Asset, AssetAlias, AssetWatcher, CronPartitionTimetable, task
except ImportError:
    DAG = None  # type: ignore[assignment,misc]

_START = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
_TAGS = ["sdk_h5"]

if DAG is not None:
    NAMED = Asset(name="sdk_h5_named", uri="x-sdk-h5://named/one", group="sdk_h5_group", extra={"team": "h5"})
    TWICE = Asset("x-sdk-h5://twice")
    ALIAS = AssetAlias("sdk_h5_alias")
    WATCHED = Asset(
        "x-sdk-h5://watched",
        watchers=[AssetWatcher(name="sdk_h5_watcher", trigger=FileDeleteTrigger(filepath="/nonexistent/sdk-h5"))],
    )
    REFUSED = Asset("x-sdk-h5://refused")

    for _name in ("sdk_h5_bf_life", "sdk_h5_bf_dry", "sdk_h5_bf_busy"):
        with DAG(dag_id=_name, schedule="@daily", start_date=_START, catchup=False, is_paused_upon_creation=True,
                 tags=_TAGS):  # fmt: skip
            EmptyOperator(task_id="only")

    with DAG(dag_id="sdk_h5_bf_past", schedule="@daily", start_date=_START, catchup=False,
             is_paused_upon_creation=True, tags=_TAGS):  # fmt: skip
        EmptyOperator(task_id="only", depends_on_past=True)

    with DAG(dag_id="sdk_h5_bf_refused", schedule="@daily", start_date=_START, catchup=False,
             is_paused_upon_creation=True, allowed_run_types=["manual", "scheduled"], tags=_TAGS):  # fmt: skip
        EmptyOperator(task_id="only")

    with DAG(dag_id="sdk_h5_bf_parts", schedule=CronPartitionTimetable("0 0 * * *", timezone="UTC"),
             start_date=_START, catchup=False, is_paused_upon_creation=True, tags=_TAGS):  # fmt: skip
        EmptyOperator(task_id="only")

    @task(outlets=[NAMED, TWICE, ALIAS])
    def make(*, outlet_events: Any) -> None:
        outlet_events[ALIAS].add(NAMED, extra={"via": "alias"})

    with DAG(dag_id="sdk_h5_asset_producer", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
        make() >> EmptyOperator(task_id="read", inlets=[NAMED])

    with DAG(dag_id="sdk_h5_asset_producer_2", schedule=None, start_date=_START, catchup=False, tags=_TAGS):
        EmptyOperator(task_id="make", outlets=[TWICE])

    with DAG(dag_id="sdk_h5_asset_watched", schedule=[WATCHED], start_date=_START, catchup=False, tags=_TAGS):
        EmptyOperator(task_id="only")

    with DAG(dag_id="sdk_h5_asset_refused", schedule=None, start_date=_START, catchup=False,
             allowed_run_types=["manual"], tags=_TAGS):  # fmt: skip
        EmptyOperator(task_id="make", outlets=[REFUSED])
