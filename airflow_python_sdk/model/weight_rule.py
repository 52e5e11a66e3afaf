from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["WeightRule"]


class WeightRule(OpenEnum):
    """How a task's priority weight is computed; a custom strategy's class path is a value too."""

    DOWNSTREAM = "downstream"
    UPSTREAM = "upstream"
    ABSOLUTE = "absolute"
