"""Assets, as Airflow 3 calls datasets: every :class:`DatasetApi` method, and what only Airflow 3 has.

The inherited methods keep addressing an asset by its URI (looked up as its id, one extra request)
and answer to Airflow 3's names too: ``get_assets``, ``get_asset``, ``get_asset_events``,
``create_asset_event``, ``get_asset_queued_events`` and the other queued-event operations. So one
client code serves both server generations, and an Airflow 3 user finds the names the server's API
documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.api.dataset_api import DatasetApi, _by_asset_id
from airflow_python_sdk.model.asset_alias import AssetAlias
from airflow_python_sdk.model.asset_alias_collection import AssetAliasCollection
from airflow_python_sdk.model.dag_run import DAGRun
from airflow_python_sdk.model.materialize_asset_body import MaterializeAssetBody
from airflow_python_sdk.operation import V2, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["AssetApi"]


class AssetApi(DatasetApi):
    """Operations on assets, their aliases, events and queued events (those below: Airflow 3 only)."""

    @operation("GET", "/assets/aliases", v1=False)
    def get_asset_aliases(
        self,
        limit: int | None = None,
        offset: int | None = None,
        name_pattern: str | None = None,
        name_prefix_pattern: str | None = None,
        order_by: str | list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> AssetAliasCollection:
        """List asset aliases (sortable by ``id`` and ``name``)."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/assets/aliases/{asset_alias_id}", errors=(401, 403, 404), v1=False)
    def get_asset_alias(self, asset_alias_id: int, **kwargs: Unpack[CallOptions]) -> AssetAlias:
        """Get an asset alias.

        :param asset_alias_id: The alias's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "POST",
        "/assets/{uri}/materialize",
        body="materialize_asset_body",
        errors=(400, 401, 403, 404, 409),
        v1=False,
        v2=V2(resolve=_by_asset_id),
    )
    def materialize_asset(
        self, uri: str, materialize_asset_body: MaterializeAssetBody | None = None, **kwargs: Unpack[CallOptions]
    ) -> DAGRun:
        """Trigger a run of the one DAG whose task updates the asset (queued; the scheduler runs it).

        Answers 404 when no DAG updates it, 409 when more than one does, 400 when that DAG allows
        no materialization runs.

        :param uri: The asset's URI.
        :param materialize_asset_body: The run's id, dates, conf, note or partition (all optional).
        """
        return self._call(locals())  # type: ignore[no-any-return]
