from airflow_python_sdk.model.task_instance import TaskInstance

__all__ = ["TaskInstanceReference"]


class TaskInstanceReference(TaskInstance):
    """Which task instance an action touched (or would touch, in a dry run).

    Airflow 2 sends its four identifying fields (``task_id``, ``dag_id``, ``execution_date``,
    ``dag_run_id``; the others read None); Airflow 3 sends the whole task instance.
    """
