"""A Python client for Apache Airflow's stable REST API.

::

    import airflow_python_sdk
    from airflow_python_sdk.api import dag_run_api

    configuration = airflow_python_sdk.Configuration(host="http://127.0.0.1:8080/api/v1",
                                                     username="admin", password="admin")
    with airflow_python_sdk.ApiClient(configuration) as api_client:
        runs = dag_run_api.DAGRunApi(api_client).get_dag_runs("my_dag", limit=100)
"""

from airflow_python_sdk._version import __version__
from airflow_python_sdk.api_client import ApiClient
from airflow_python_sdk.configuration import Configuration
from airflow_python_sdk.exceptions import (
    ApiAttributeError,
    ApiConnectionError,
    ApiException,
    ApiKeyError,
    ApiSSLError,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    ConflictException,
    DagPausedError,
    DagRunFailedError,
    FieldNotInAnswerError,
    ForbiddenException,
    NotFoundException,
    OpenApiException,
    ServiceException,
    UnauthorizedException,
    UnsupportedOperationError,
    WaitTimeoutError,
)
from airflow_python_sdk.frames import to_pandas
from airflow_python_sdk.operation import raw_response, submit, with_http_info
from airflow_python_sdk.pagination import paginate

__all__ = [
    "__version__",
    "ApiClient",
    "Configuration",
    "OpenApiException",
    "ApiTypeError",
    "ApiValueError",
    "ApiAttributeError",
    "FieldNotInAnswerError",
    "ApiKeyError",
    "UnsupportedOperationError",
    "ApiConnectionError",
    "ApiTimeoutError",
    "ApiSSLError",
    "ApiException",
    "BadRequestException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "ServiceException",
    "WaitTimeoutError",
    "DagPausedError",
    "DagRunFailedError",
    "paginate",
    "to_pandas",
    "submit",
    "with_http_info",
    "raw_response",
]
