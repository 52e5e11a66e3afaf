from airflow_python_sdk.model.hitl_detail import HITLDetail
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["HITLDetailCollection"]


class HITLDetailCollection(Model, Page[HITLDetail]):
    """A page of human-in-the-loop details and how many match (Airflow 3)."""

    hitl_details: list[HITLDetail] = Field(default=None, doc="The details on this page.")
    total_entries: int = Field(default=None, doc="How many match, before limit and offset apply.")
