from airflow_python_sdk.model_utils import Field, Model

__all__ = ["CollectionInfo", "CursorPage"]


class CollectionInfo(Model):
    """The size of a collection before paging."""

    total_entries: int = Field(default=None, doc="How many items match, before limit and offset apply.")


class CursorPage(Model):
    """A page that Airflow 3 also gives a counting limit and cursors (``None`` from Airflow 2)."""

    total_entries: int | None = Field(
        default=None, nullable=True, doc="How many items match, before paging (Airflow 3 may count only to a limit)."
    )

    total_entries_limit: int | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Where Airflow 3 stopped counting."
    )
    next_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor of the next page."
    )
    previous_cursor: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Cursor of the previous page."
    )
