from airflow_python_sdk.model.asset_alias import AssetAlias
from airflow_python_sdk.model_utils import Field, Model, Page

__all__ = ["AssetAliasCollection"]


class AssetAliasCollection(Model, Page[AssetAlias]):
    """A page of asset aliases and how many match."""

    asset_aliases: list[AssetAlias] = Field(default=None, doc="The aliases on this page.")
    total_entries: int = Field(default=None, doc="How many match, before limit and offset apply.")
