"""One API class per module; ``airflow_python_sdk.apis`` imports them all."""
