from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["HealthStatus"]


class HealthStatus(OpenEnum):
    """Health of one component (None when unknown); unknown values are kept as values."""

    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
