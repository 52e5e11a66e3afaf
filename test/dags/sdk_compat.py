"""What the test DAGs import, from Airflow 3's modules or else Airflow 2's: one set of DAG files serves both.

Airflow puts its DAGs folder on ``sys.path``, so the DAG files import this module by name. It defines
no DAG itself.
"""

from __future__ import annotations

try:  # Airflow 3
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator
    from airflow.sdk import DAG, task
    from airflow.sdk import Asset as Dataset
except ImportError:  # Airflow 2
    from airflow import DAG  # type: ignore[assignment,no-redef]
    from airflow.datasets import Dataset  # type: ignore[assignment,no-redef]
    from airflow.decorators import task  # type: ignore[no-redef]
    from airflow.operators.empty import EmptyOperator  # type: ignore[no-redef]
    from airflow.operators.python import PythonOperator  # type: ignore[no-redef]
    from airflow.operators.trigger_dagrun import TriggerDagRunOperator  # type: ignore[no-redef]

__all__ = ["DAG", "Dataset", "EmptyOperator", "PythonOperator", "TriggerDagRunOperator", "task"]
