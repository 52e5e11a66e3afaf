from airflow_python_sdk.model_utils import Field, Model

__all__ = ["AssetAlias"]


class AssetAlias(Model):
    """A name tasks update assets through, resolved to assets when they run (Airflow 3)."""

    id: int = Field(default=None, read_only=True, doc="The alias's id.")
    name: str = Field(default=None, read_only=True, doc="The alias's name.")
    group: str = Field(default=None, read_only=True, doc="The alias's group.")
