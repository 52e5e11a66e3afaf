"""Asset state store (Airflow 3 only): JSON values kept for an asset under keys, which never expire.

Assets are addressed by their numeric id (``DatasetApi.get_datasets`` on Airflow 3 gives it); an id
no asset has is a 404. A key may contain ``/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.asset_state_store import AssetStateStore
from airflow_python_sdk.model.asset_state_store_body import AssetStateStoreBody
from airflow_python_sdk.model.asset_state_store_collection import AssetStateStoreCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["AssetStateStoreApi"]

_STORE = "/assets/{asset_id}/state-store"
_KEY = _STORE + "/{key}"
_ERRORS = (401, 403, 404)


class AssetStateStoreApi(Api):
    """Reading and writing the state store of assets (Airflow 3 only)."""

    @operation("GET", _STORE, errors=_ERRORS, v1=False)
    def list_asset_state_store(
        self,
        asset_id: int,
        limit: int | None = None,
        offset: int | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> AssetStateStoreCollection:
        """List an asset's keys and values, by key.

        :param asset_id: The asset's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _KEY, errors=_ERRORS, v1=False)
    def get_asset_state_store(self, asset_id: int, key: str, **kwargs: Unpack[CallOptions]) -> AssetStateStore:
        """Get one key of an asset's state store.

        :param asset_id: The asset's id.
        :param key: The key.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PUT", _KEY, body="asset_state_store_body", errors=_ERRORS, v1=False)
    def set_asset_state_store(
        self, asset_id: int, key: str, asset_state_store_body: AssetStateStoreBody, **kwargs: Unpack[CallOptions]
    ) -> None:
        """Set a key of an asset's state store, creating or replacing it (recorded as written by ``api``).

        :param asset_id: The asset's id.
        :param key: The key.
        :param asset_state_store_body: The value.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _KEY, errors=_ERRORS, v1=False)
    def delete_asset_state_store(self, asset_id: int, key: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a key of an asset's state store (nothing happens if it has no such key).

        :param asset_id: The asset's id.
        :param key: The key.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _STORE, errors=_ERRORS, v1=False)
    def clear_asset_state_store(self, asset_id: int, **kwargs: Unpack[CallOptions]) -> None:
        """Delete every key of an asset's state store.

        :param asset_id: The asset's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]
