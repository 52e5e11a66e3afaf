from airflow_python_sdk.model_utils import Field, Model

__all__ = ["VariableCollectionItem"]


class VariableCollectionItem(Model):
    """A variable as listed: key, value and description."""

    key: str = Field(default=None, doc="The variable's key.")
    value: str | None = Field(
        default=None,
        nullable=True,
        read_only=True,
        v2_only=True,
        doc="The value as text (Airflow 2 sends it too, undeclared); ``***`` for keys that look secret.",
    )
    description: str | None = Field(default=None, nullable=True, doc="What the variable is for.")
    is_encrypted: bool | None = Field(
        default=None, read_only=True, v2_only=True, doc="Whether the value is stored encrypted."
    )
    team_name: str | None = Field(
        default=None, nullable=True, v2_only=True, doc="The team that owns it (Airflow 3 multi-team deployments)."
    )
