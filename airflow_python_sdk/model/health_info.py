from airflow_python_sdk.model.dag_processor_status import DagProcessorStatus
from airflow_python_sdk.model.metadatabase_status import MetadatabaseStatus
from airflow_python_sdk.model.scheduler_status import SchedulerStatus
from airflow_python_sdk.model.triggerer_status import TriggererStatus
from airflow_python_sdk.model_utils import Field, Model

__all__ = ["HealthInfo"]


class HealthInfo(Model):
    """The health of each Airflow component, as the webserver sees it."""

    metadatabase: MetadatabaseStatus = Field(default=None, doc="The metadata database.")
    scheduler: SchedulerStatus = Field(default=None, doc="The scheduler.")
    triggerer: TriggererStatus = Field(default=None, doc="The triggerer.")
    dag_processor: DagProcessorStatus | None = Field(default=None, doc="The standalone DAG processor.")
