"""Every model, for ``from airflow_python_sdk.models import Action``."""

from airflow_python_sdk.model.action import Action
from airflow_python_sdk.model.action_collection import ActionCollection
from airflow_python_sdk.model.action_resource import ActionResource
from airflow_python_sdk.model.asset_alias import AssetAlias
from airflow_python_sdk.model.asset_alias_collection import AssetAliasCollection
from airflow_python_sdk.model.asset_event_access_control import AssetEventAccessControl
from airflow_python_sdk.model.asset_state_store import AssetStateStore
from airflow_python_sdk.model.asset_state_store_body import AssetStateStoreBody
from airflow_python_sdk.model.asset_state_store_collection import AssetStateStoreCollection
from airflow_python_sdk.model.asset_state_store_last_updated_by import AssetStateStoreLastUpdatedBy
from airflow_python_sdk.model.asset_state_store_writer_kind import AssetStateStoreWriterKind
from airflow_python_sdk.model.asset_watcher import AssetWatcher
from airflow_python_sdk.model.async_connection_test import AsyncConnectionTest
from airflow_python_sdk.model.backfill import Backfill
from airflow_python_sdk.model.backfill_collection import BackfillCollection
from airflow_python_sdk.model.backfill_post_body import BackfillPostBody
from airflow_python_sdk.model.base_hitl_detail import BaseHITLDetail
from airflow_python_sdk.model.basic_dag_run import BasicDAGRun
from airflow_python_sdk.model.bulk_action import BulkAction, BulkActionNotOnExistence, BulkActionOnExistence
from airflow_python_sdk.model.bulk_action_response import BulkActionResponse
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_dag_run_body import BulkDAGRunBody
from airflow_python_sdk.model.bulk_dag_run_clear_body import BulkDAGRunClearBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.bulk_task_instance_body import BulkTaskInstanceBody
from airflow_python_sdk.model.class_reference import ClassReference
from airflow_python_sdk.model.clear_dag_run import ClearDagRun
from airflow_python_sdk.model.clear_partitions_body import ClearPartitionsBody
from airflow_python_sdk.model.clear_partitions_response import ClearPartitionsResponse
from airflow_python_sdk.model.clear_task_instances import ClearTaskInstances
from airflow_python_sdk.model.collection_info import CollectionInfo, CursorPage
from airflow_python_sdk.model.color import Color
from airflow_python_sdk.model.config import Config
from airflow_python_sdk.model.config_option import ConfigOption
from airflow_python_sdk.model.config_section import ConfigSection
from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model.connection_collection import ConnectionCollection
from airflow_python_sdk.model.connection_collection_item import ConnectionCollectionItem
from airflow_python_sdk.model.connection_test import ConnectionTest
from airflow_python_sdk.model.connection_test_queued import ConnectionTestQueued
from airflow_python_sdk.model.connection_test_request_body import ConnectionTestRequestBody
from airflow_python_sdk.model.connection_test_state import ConnectionTestState
from airflow_python_sdk.model.create_dataset_event import CreateDatasetEvent
from airflow_python_sdk.model.cron_expression import CronExpression
from airflow_python_sdk.model.dag import DAG
from airflow_python_sdk.model.dag_collection import DAGCollection
from airflow_python_sdk.model.dag_detail import DAGDetail
from airflow_python_sdk.model.dag_processor_status import DagProcessorStatus
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_run_collection import DAGRunCollection
from airflow_python_sdk.model.dag_run_patch_body import DAGRunPatchBody
from airflow_python_sdk.model.dag_run_triggered_by_type import DagRunTriggeredByType
from airflow_python_sdk.model.dag_run_type import DagRunType
from airflow_python_sdk.model.dag_run_wait_result import DagRunWaitResult
from airflow_python_sdk.model.dag_schedule_dataset_reference import DagScheduleDatasetReference
from airflow_python_sdk.model.dag_source import DAGSource
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.dag_stats_collection_item import DagStatsCollectionItem
from airflow_python_sdk.model.dag_stats_collection_schema import DagStatsCollectionSchema
from airflow_python_sdk.model.dag_stats_state_collection_item import DagStatsStateCollectionItem
from airflow_python_sdk.model.dag_tag_collection import DAGTagCollection
from airflow_python_sdk.model.dag_version import DagVersion
from airflow_python_sdk.model.dag_version_collection import DagVersionCollection
from airflow_python_sdk.model.dag_warning import DagWarning
from airflow_python_sdk.model.dag_warning_collection import DagWarningCollection
from airflow_python_sdk.model.dag_warning_type import DagWarningType
from airflow_python_sdk.model.dataset import Dataset
from airflow_python_sdk.model.dataset_collection import DatasetCollection
from airflow_python_sdk.model.dataset_event import DatasetEvent
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.dry_run_backfill import DryRunBackfill
from airflow_python_sdk.model.dry_run_backfill_collection import DryRunBackfillCollection
from airflow_python_sdk.model.error import Error
from airflow_python_sdk.model.event_log import EventLog
from airflow_python_sdk.model.event_log_collection import EventLogCollection
from airflow_python_sdk.model.external_log_url import ExternalLogUrl
from airflow_python_sdk.model.external_view import ExternalView, PluginView
from airflow_python_sdk.model.extra_link import ExtraLink
from airflow_python_sdk.model.extra_link_collection import ExtraLinkCollection
from airflow_python_sdk.model.fast_api_app import FastAPIApp
from airflow_python_sdk.model.fast_api_root_middleware import FastAPIRootMiddleware
from airflow_python_sdk.model.health_info import HealthInfo
from airflow_python_sdk.model.health_status import HealthStatus
from airflow_python_sdk.model.hitl_detail import HITLDetail
from airflow_python_sdk.model.hitl_detail_collection import HITLDetailCollection
from airflow_python_sdk.model.hitl_detail_history import HITLDetailHistory
from airflow_python_sdk.model.hitl_detail_response import HITLDetailResponse
from airflow_python_sdk.model.hitl_user import HITLUser
from airflow_python_sdk.model.import_error import ImportError
from airflow_python_sdk.model.import_error_collection import ImportErrorCollection
from airflow_python_sdk.model.job import Job
from airflow_python_sdk.model.job_collection import JobCollection
from airflow_python_sdk.model.last_asset_event import LastAssetEvent
from airflow_python_sdk.model.list_dag_runs_form import ListDagRunsForm
from airflow_python_sdk.model.list_task_instance_form import ListTaskInstanceForm
from airflow_python_sdk.model.materialize_asset_body import MaterializeAssetBody
from airflow_python_sdk.model.metadatabase_status import MetadatabaseStatus
from airflow_python_sdk.model.plugin_collection import PluginCollection
from airflow_python_sdk.model.plugin_collection_item import PluginCollectionItem
from airflow_python_sdk.model.plugin_import_error import PluginImportError
from airflow_python_sdk.model.plugin_import_error_collection import PluginImportErrorCollection
from airflow_python_sdk.model.pool import Pool
from airflow_python_sdk.model.pool_collection import PoolCollection
from airflow_python_sdk.model.provider import Provider
from airflow_python_sdk.model.provider_collection import ProviderCollection
from airflow_python_sdk.model.queued_event import QueuedEvent
from airflow_python_sdk.model.queued_event_collection import QueuedEventCollection
from airflow_python_sdk.model.react_app import ReactApp
from airflow_python_sdk.model.relative_delta import RelativeDelta
from airflow_python_sdk.model.reprocess_behavior import ReprocessBehavior
from airflow_python_sdk.model.resource import Resource
from airflow_python_sdk.model.role import Role
from airflow_python_sdk.model.role_collection import RoleCollection
from airflow_python_sdk.model.schedule_interval import ScheduleInterval
from airflow_python_sdk.model.scheduler_status import SchedulerStatus
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.set_task_instance_note import SetTaskInstanceNote
from airflow_python_sdk.model.sla_miss import SLAMiss
from airflow_python_sdk.model.tag import Tag
from airflow_python_sdk.model.task import Task
from airflow_python_sdk.model.task_collection import TaskCollection
from airflow_python_sdk.model.task_failed_dependency import TaskFailedDependency
from airflow_python_sdk.model.task_inlet_asset_reference import TaskInletAssetReference
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.task_instance_dependency_collection import TaskInstanceDependencyCollection
from airflow_python_sdk.model.task_instance_history import TaskInstanceHistory
from airflow_python_sdk.model.task_instance_history_collection import TaskInstanceHistoryCollection
from airflow_python_sdk.model.task_instance_reference import TaskInstanceReference
from airflow_python_sdk.model.task_instance_reference_collection import TaskInstanceReferenceCollection
from airflow_python_sdk.model.task_outlet_dataset_reference import TaskOutletDatasetReference
from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model.task_state_store import TaskStateStore
from airflow_python_sdk.model.task_state_store_body import TaskStateStoreBody
from airflow_python_sdk.model.task_state_store_collection import TaskStateStoreCollection
from airflow_python_sdk.model.task_state_store_patch_body import TaskStateStorePatchBody
from airflow_python_sdk.model.time_delta import TimeDelta
from airflow_python_sdk.model.timezone import Timezone
from airflow_python_sdk.model.trigger import Trigger
from airflow_python_sdk.model.trigger_rule import TriggerRule
from airflow_python_sdk.model.triggerer_status import TriggererStatus
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState
from airflow_python_sdk.model.update_hitl_detail_payload import UpdateHITLDetailPayload
from airflow_python_sdk.model.update_task_instance import UpdateTaskInstance
from airflow_python_sdk.model.update_task_instances_state import UpdateTaskInstancesState
from airflow_python_sdk.model.update_task_state import UpdateTaskState
from airflow_python_sdk.model.user import User
from airflow_python_sdk.model.user_collection import UserCollection
from airflow_python_sdk.model.user_collection_item import UserCollectionItem
from airflow_python_sdk.model.variable import Variable
from airflow_python_sdk.model.variable_collection import VariableCollection
from airflow_python_sdk.model.variable_collection_item import VariableCollectionItem
from airflow_python_sdk.model.version_info import VersionInfo
from airflow_python_sdk.model.view_destination import ViewDestination
from airflow_python_sdk.model.weight_rule import WeightRule
from airflow_python_sdk.model.x_com import XCom
from airflow_python_sdk.model.x_com_collection import XComCollection
from airflow_python_sdk.model.x_com_collection_item import XComCollectionItem
from airflow_python_sdk.model.x_com_create_body import XComCreateBody
from airflow_python_sdk.model.x_com_update_body import XComUpdateBody

# fmt: off
__all__ = [
    "Action", "ActionCollection", "ActionResource", "AssetAlias", "AssetAliasCollection", "AssetEventAccessControl",
    "AssetStateStore", "AssetStateStoreBody", "AssetStateStoreCollection", "AssetStateStoreLastUpdatedBy",
    "AssetStateStoreWriterKind", "AssetWatcher", "AsyncConnectionTest", "Backfill", "BackfillCollection",
    "BackfillPostBody", "BaseHITLDetail", "BasicDAGRun", "BulkAction", "BulkActionNotOnExistence",
    "BulkActionOnExistence", "BulkActionResponse", "BulkBody", "BulkDAGRunBody", "BulkDAGRunClearBody", "BulkResponse",
    "BulkTaskInstanceBody", "ClassReference", "ClearDagRun", "ClearPartitionsBody", "ClearPartitionsResponse",
    "ClearTaskInstances", "CollectionInfo", "Color", "Config", "ConfigOption", "ConfigSection", "Connection",
    "ConnectionCollection", "ConnectionCollectionItem", "ConnectionTest", "ConnectionTestQueued",
    "ConnectionTestRequestBody", "ConnectionTestState", "CreateDatasetEvent", "CronExpression", "CursorPage", "DAG",
    "DAGCollection", "DAGDetail", "DAGRun", "DAGRunCollection", "DAGRunPatchBody", "DAGSource", "DAGTagCollection",
    "DagProcessorStatus", "DagRunTriggeredByType", "DagRunType", "DagRunWaitResult", "DagScheduleDatasetReference",
    "DagState", "DagStatsCollectionItem", "DagStatsCollectionSchema", "DagStatsStateCollectionItem", "DagVersion",
    "DagVersionCollection", "DagWarning", "DagWarningCollection", "DagWarningType", "Dataset", "DatasetCollection",
    "DatasetEvent", "DatasetEventCollection", "DryRunBackfill", "DryRunBackfillCollection", "Error", "EventLog",
    "EventLogCollection", "ExternalLogUrl", "ExternalView", "ExtraLink", "ExtraLinkCollection", "FastAPIApp",
    "FastAPIRootMiddleware", "HITLDetail", "HITLDetailCollection", "HITLDetailHistory", "HITLDetailResponse",
    "HITLUser", "HealthInfo", "HealthStatus", "ImportError", "ImportErrorCollection", "Job", "JobCollection",
    "LastAssetEvent", "ListDagRunsForm", "ListTaskInstanceForm", "MaterializeAssetBody", "MetadatabaseStatus",
    "PluginCollection", "PluginCollectionItem", "PluginImportError", "PluginImportErrorCollection", "PluginView",
    "Pool", "PoolCollection", "Provider", "ProviderCollection", "QueuedEvent", "QueuedEventCollection", "ReactApp",
    "RelativeDelta", "ReprocessBehavior", "Resource", "Role", "RoleCollection", "SLAMiss", "ScheduleInterval",
    "SchedulerStatus", "SetDagRunNote", "SetTaskInstanceNote", "Tag", "Task", "TaskCollection", "TaskFailedDependency",
    "TaskInletAssetReference", "TaskInstance", "TaskInstanceCollection", "TaskInstanceDependencyCollection",
    "TaskInstanceHistory", "TaskInstanceHistoryCollection", "TaskInstanceReference", "TaskInstanceReferenceCollection",
    "TaskOutletDatasetReference", "TaskState", "TaskStateStore", "TaskStateStoreBody", "TaskStateStoreCollection",
    "TaskStateStorePatchBody", "TimeDelta", "Timezone", "Trigger", "TriggerRule", "TriggererStatus",
    "UpdateDagRunState", "UpdateHITLDetailPayload", "UpdateTaskInstance", "UpdateTaskInstancesState", "UpdateTaskState",
    "User", "UserCollection", "UserCollectionItem", "Variable", "VariableCollection", "VariableCollectionItem",
    "VersionInfo", "ViewDestination", "WeightRule", "XCom", "XComCollection", "XComCollectionItem", "XComCreateBody",
    "XComUpdateBody"
]
# fmt: on
