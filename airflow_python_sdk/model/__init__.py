"""One model per module; ``airflow_python_sdk.models`` imports them all."""
