from airflow_python_sdk.model.connection_collection_item import ConnectionCollectionItem
from airflow_python_sdk.model_utils import Field

__all__ = ["Connection"]


class Connection(ConnectionCollectionItem):
    """A connection in full: the body to create, update or test one, and what reading one answers."""

    extra: str | None = Field(default=None, nullable=True, doc="Further settings, usually a JSON object as text.")
    password: str | None = Field(
        default=None, doc="The password; answers hold ``***`` when one is set (Airflow 3) or leave it out (Airflow 2)."
    )
