from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["DagRunTriggeredByType"]


class DagRunTriggeredByType(OpenEnum):
    """What triggered a run (Airflow 3)."""

    CLI = "cli"
    OPERATOR = "operator"
    REST_API = "rest_api"
    UI = "ui"
    TEST = "test"
    TIMETABLE = "timetable"
    ASSET = "asset"
    BACKFILL = "backfill"
