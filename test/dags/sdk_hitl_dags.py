"""A human-in-the-loop DAG for the HITLDetailApi tests (dag id ``sdk_hitl_choose``; Airflow 3 only).

``choose`` asks which colour, offering three with a form field ``note``, and waits (state
``awaiting_input``) until answered through the REST API; ``after`` then runs. On Airflow 2, which has no
human-in-the-loop operators, this file defines no DAG.
"""

from __future__ import annotations

import datetime

try:  # Airflow (2 or 3) parses only files that name both "airflow" and "dag", as this line does
    from airflow.providers.standard.operators.hitl import HITLOperator
    from airflow.sdk import DAG, Param
    from sdk_compat import EmptyOperator
except ImportError:  # Airflow 2
    HITLOperator = None

if HITLOperator is not None:
    with DAG(
        dag_id="sdk_hitl_choose",
        schedule=None,
        start_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
        catchup=False,
        tags=["sdk"],
    ):
        choose = HITLOperator(
            task_id="choose",
            subject="Which colour for {{ run_id }}?",
            body="Pick **one** colour.",
            options=["red", "green", "blue"],
            defaults=["red"],
            params={"note": Param("none", type="string", description="Why this colour")},
        )
        choose >> EmptyOperator(task_id="after")
