"""A URL of the other generation's API says what to use instead, on the real servers: /api/v2 given for an Airflow 2
server (its POST /auth/token is a 404 page), /api/v1 given for an Airflow 3 server (a bare 405 for writes); no
error text holds a whole HTML page."""

from __future__ import annotations

import pytest

import airflow_python_sdk as sdk
from airflow_python_sdk import ApiClient, Configuration
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.model.variable import Variable

from airflow_server import AirflowServer

pytestmark = pytest.mark.live


def test_an_api_v2_url_for_airflow_2_says_to_use_api_v1(airflow: AirflowServer) -> None:
    config = Configuration(host=airflow.base_url + "/api/v2", username="admin", password="admin", retries=0)
    with ApiClient(config) as client, pytest.raises(sdk.NotFoundException) as error:
        DAGRunApi(client).get_dag_runs("sdk_example")
    text = str(error.value)
    assert f"use {airflow.base_url}/api/v1 or {airflow.base_url}" in text
    assert "<html" not in text.lower() and "<!doctype" not in text.lower() and len(text) < 1500


def test_a_write_to_api_v1_of_airflow_3_says_to_use_api_v2(airflow3: AirflowServer) -> None:
    config = Configuration(host=airflow3.base_url + "/api/v1", username="admin", password="admin", retries=0)
    with ApiClient(config) as client:
        api = VariableApi(client)
        with pytest.raises(sdk.ApiException) as error:
            api.post_variables(Variable(key="sdk-wrong-generation", value="x"))
        assert error.value.status == 405
        assert f"use {airflow3.base_url}/api/v2 or {airflow3.base_url}" in str(error.value)
        with pytest.raises(sdk.ApiException) as read:
            api.get_variable("sdk-wrong-generation")
        assert "/api/v2" in str(read.value)  # the server's own hint, read from its {"error": ...} body
