"""``python -m airflow_python_sdk``: the ``airflow-sdk`` command line."""

import sys

from airflow_python_sdk.cli import main

if __name__ == "__main__":
    sys.exit(main())
