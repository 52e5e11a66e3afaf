from airflow_python_sdk.model.provider import Provider
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["ProviderCollection"]


class ProviderCollection(Model, Page[Provider]):
    """The provider packages installed on the server."""

    providers: list[Provider] = Field(default=None, doc="The providers.")
    total_entries: int = Field(
        default=None, read_only=True, v2_only=True, doc="How many there are (Airflow 2 sends it undeclared)."
    )
