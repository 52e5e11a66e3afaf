"""A testing kit for code that uses the SDK, in the spirit of botocore's ``Stubber``::

    from airflow_python_sdk.testing import Stubber

    with Stubber(client) as stub:  # nothing reaches a server; leaving with answers unused fails
        stub.add_response("get_dag_run", stub.answer("get_dag_run", state="failed"), expected_params={"dag_id": "etl"})
        stub.add_error("post_dag_run", 409, detail="DAG run already exists")
        my_script(client)

- :class:`Stubber`: answers a client's calls from a queue at the transport (all else of the SDK runs), each
  answer checked against the operation's response model for the generation it plays; :class:`FakeClock`: a
  clock the test moves; :func:`record_calls`: the calls a script made to a real server.
- :mod:`~airflow_python_sdk.testing.pytest_plugin`: fixtures ``airflow_stub`` (Airflow 3), ``airflow2_stub``
  (Airflow 2); :mod:`~airflow_python_sdk.testing.vcr`: credentials scrubbed from vcrpy cassettes.

Names are imported when first used, so loading the pytest plugin costs nothing more than the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from airflow_python_sdk.testing._answers import StubError
    from airflow_python_sdk.testing._stubber import Call, FakeClock, Stubber, answer, operations, record_calls

__all__ = ["Call", "FakeClock", "StubError", "Stubber", "answer", "operations", "record_calls"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module("airflow_python_sdk.testing._stubber"), name)
