"""Every model, for ``from airflow_python_sdk.models import BasicDAGRun``."""

from airflow_python_sdk.model.basic_dag_run import BasicDAGRun
from airflow_python_sdk.model.clear_dag_run import ClearDagRun
from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.dag_run_collection import DAGRunCollection
from airflow_python_sdk.model.dag_state import DagState
from airflow_python_sdk.model.dataset_event import DatasetEvent
from airflow_python_sdk.model.dataset_event_collection import DatasetEventCollection
from airflow_python_sdk.model.error import Error
from airflow_python_sdk.model.job import Job
from airflow_python_sdk.model.list_dag_runs_form import ListDagRunsForm
from airflow_python_sdk.model.set_dag_run_note import SetDagRunNote
from airflow_python_sdk.model.sla_miss import SLAMiss
from airflow_python_sdk.model.task_instance import TaskInstance
from airflow_python_sdk.model.task_instance_collection import TaskInstanceCollection
from airflow_python_sdk.model.task_state import TaskState
from airflow_python_sdk.model.trigger import Trigger
from airflow_python_sdk.model.update_dag_run_state import UpdateDagRunState

__all__ = [
    "BasicDAGRun",
    "ClearDagRun",
    "CollectionInfo",
    "DAGRun",
    "DAGRunCollection",
    "DagState",
    "DatasetEvent",
    "DatasetEventCollection",
    "Error",
    "Job",
    "ListDagRunsForm",
    "SLAMiss",
    "SetDagRunNote",
    "TaskInstance",
    "TaskInstanceCollection",
    "TaskState",
    "Trigger",
    "UpdateDagRunState",
]
