from airflow_python_sdk.model.collection_info import CollectionInfo
from airflow_python_sdk.model.import_error import ImportError as ImportErrorModel
from airflow_python_sdk.model_utils import Field, Page

__all__ = ["ImportErrorCollection"]


class ImportErrorCollection(CollectionInfo, Page[ImportErrorModel]):
    """A page of DAG import errors and the total number."""

    import_errors: list[ImportErrorModel] = Field(default=None, doc="The errors on this page.")
