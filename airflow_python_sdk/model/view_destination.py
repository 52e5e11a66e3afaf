from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["ViewDestination"]


class ViewDestination(OpenEnum):
    """The UI page a plugin's view or React app is shown on (``nav``: the navigation bar)."""

    NAV = "nav"
    DAG = "dag"
    DAG_RUN = "dag_run"
    TASK = "task"
    TASK_INSTANCE = "task_instance"
    BASE = "base"
    DASHBOARD = "dashboard"
