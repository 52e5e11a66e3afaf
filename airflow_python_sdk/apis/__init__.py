"""Every API class, for ``from airflow_python_sdk.apis import DAGRunApi``."""

from airflow_python_sdk.api.dag_run_api import DAGRunApi

__all__ = [
    "DAGRunApi",
]
