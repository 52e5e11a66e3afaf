from airflow_python_sdk.model_utils import Field, Model

__all__ = ["ConnectionCollectionItem"]


class ConnectionCollectionItem(Model):
    """A connection as listed: its id, type and address; Airflow 3 adds its extra and masked password."""

    connection_id: str = Field(default=None, doc="The connection's id.")
    conn_type: str = Field(default=None, doc="The connection type, e.g. `postgres` or `http`.")
    description: str | None = Field(default=None, nullable=True, doc="What the connection is for.")
    host: str | None = Field(default=None, nullable=True, doc="Host name or address.")
    login: str | None = Field(default=None, nullable=True, doc="User name to log in with.")
    schema: str | None = Field(default=None, nullable=True, doc="Schema, database or path, depending on the type.")
    port: int | None = Field(default=None, nullable=True, doc="Port number.")
    extra: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="Further settings (Airflow 3 lists them)."
    )
    password: str | None = Field(
        default=None, nullable=True, read_only=True, v2_only=True, doc="``***`` when one is set (Airflow 3 lists it)."
    )
    team_name: str | None = Field(
        default=None, nullable=True, v2_only=True, doc="The team that owns it (Airflow 3 multi-team deployments)."
    )
