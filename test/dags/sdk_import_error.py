"""Broken on purpose: parsing this file records the import error the ImportErrorApi tests read.

It names the ``DAG`` class (Airflow parses only files that mention both "airflow" and "dag"), then fails.
"""

from sdk_compat import DAG  # noqa: F401

raise RuntimeError("sdk_import_error.py is broken on purpose")
