"""Every API class, for ``from airflow_python_sdk.apis import AssetApi``."""

from airflow_python_sdk.api.asset_api import AssetApi
from airflow_python_sdk.api.asset_state_store_api import AssetStateStoreApi
from airflow_python_sdk.api.backfill_api import BackfillApi
from airflow_python_sdk.api.config_api import ConfigApi
from airflow_python_sdk.api.connection_api import ConnectionApi
from airflow_python_sdk.api.dag_api import DAGApi
from airflow_python_sdk.api.dag_run_api import DAGRunApi
from airflow_python_sdk.api.dag_stats_api import DagStatsApi
from airflow_python_sdk.api.dag_version_api import DagVersionApi
from airflow_python_sdk.api.dag_warning_api import DagWarningApi
from airflow_python_sdk.api.dataset_api import DatasetApi
from airflow_python_sdk.api.event_log_api import EventLogApi
from airflow_python_sdk.api.hitl_detail_api import HITLDetailApi
from airflow_python_sdk.api.import_error_api import ImportErrorApi
from airflow_python_sdk.api.job_api import JobApi
from airflow_python_sdk.api.monitoring_api import MonitoringApi
from airflow_python_sdk.api.permission_api import PermissionApi
from airflow_python_sdk.api.plugin_api import PluginApi
from airflow_python_sdk.api.pool_api import PoolApi
from airflow_python_sdk.api.provider_api import ProviderApi
from airflow_python_sdk.api.role_api import RoleApi
from airflow_python_sdk.api.task_instance_api import TaskInstanceApi
from airflow_python_sdk.api.task_state_store_api import TaskStateStoreApi
from airflow_python_sdk.api.user_api import UserApi
from airflow_python_sdk.api.variable_api import VariableApi
from airflow_python_sdk.api.x_com_api import XComApi

# fmt: off
__all__ = [
    "AssetApi", "AssetStateStoreApi", "BackfillApi", "ConfigApi", "ConnectionApi", "DAGApi", "DAGRunApi", "DagStatsApi",
    "DagVersionApi", "DagWarningApi", "DatasetApi", "EventLogApi", "HITLDetailApi", "ImportErrorApi", "JobApi",
    "MonitoringApi", "PermissionApi", "PluginApi", "PoolApi", "ProviderApi", "RoleApi", "TaskInstanceApi",
    "TaskStateStoreApi", "UserApi", "VariableApi", "XComApi"
]
# fmt: on
