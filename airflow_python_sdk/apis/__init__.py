"""Every API class, for ``from airflow_python_sdk.apis import ConfigApi``."""

from airflow_python_sdk.api.config_api import ConfigApi
from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.dag_warning_api import DagWarningApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.event_log_api import EventLogApi
from airflow_python_sdk.api.import_error_api import ImportErrorApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.api.permission_api import PermissionApi
from airflow_python_sdk.api.plugin_api import PluginApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.provider_api import ProviderApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.user_api import UserApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.api.x_com_api import XComApi

__all__ = [
    "ConfigApi",
    "ConnectionApi",
    "DAGApi",
    "DAGRunApi",
    "DagStatsApi",
    "DagWarningApi",
    "DatasetApi",
    "EventLogApi",
    "ImportErrorApi",
    "MonitoringApi",
    "PermissionApi",
    "PluginApi",
    "PoolApi",
    "ProviderApi",
    "RoleApi",
    "TaskInstanceApi",
    "UserApi",
    "VariableApi",
    "XComApi",
]
