"""Pools: list, create, read, update and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.api._bulk import bulk_body
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.pool import Pool
from airflow_python_sdk.model.pool_collection import PoolCollection
from airflow_python_sdk.model_utils import to_json
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, Args, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["PoolApi"]

_ONE = "/pools/{pool_name}"
_ALL = (400, 401, 403, 404)


def _include_deferred_key(body: dict[str, Any]) -> dict[str, Any]:
    """Airflow 3 requires ``include_deferred`` in every patch; unset, it is false as on Airflow 2 without a mask."""
    return {"include_deferred": False, **body}


def _mask_without_description(client: ApiClient, args: Args) -> Args:
    """Airflow 3.0 refuses a patch without ``update_mask`` that has no ``description``: the fields given become one."""
    body = to_json(args["pool"])
    if args.get("update_mask") is not None or not isinstance(body, dict) or "description" in body:
        return args
    if not client.has_quirk("pool_patch_needs_description"):
        return args
    return {**args, "update_mask": [*body, *(["include_deferred"] if "include_deferred" not in body else [])]}


class PoolApi(Api):
    """Operations on pools."""

    @operation("GET", "/pools", errors=(401, 403), v2=V2())
    def get_pools(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        pool_name_pattern: str | None = AIRFLOW_3_ONLY,
        pool_name_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> PoolCollection:
        """List pools with their slot usage.

        :param limit: How many pools to return (server default 100).
        :param offset: How many pools to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/pools", body="pool", errors=(400, 401, 403), v2=V2())
    def post_pool(self, pool: Pool, **kwargs: Unpack[CallOptions]) -> Pool:
        """Create a pool.

        :param pool: The pool; ``name`` and ``slots`` are required.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=V2())
    def get_pool(self, pool_name: str, **kwargs: Unpack[CallOptions]) -> Pool:
        """Get a pool.

        A pool whose name holds ``/`` cannot be reached by name: Airflow 2.11 answers 404 for its path.

        :param pool_name: The pool's name.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation(
        "PATCH",
        _ONE,
        body="pool",
        joined=("update_mask",),
        errors=(*_ALL, 409),
        v2=V2(rename={"name": "pool"}, body=_include_deferred_key, resolve=_mask_without_description),
    )
    def patch_pool(
        self,
        pool_name: str,
        pool: Pool,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> Pool:
        """Update a pool; giving another ``name`` renames it (not on Airflow 3, which refuses that: 400).

        Without ``update_mask`` the body must hold ``name`` and ``slots``, and an unset
        ``include_deferred`` becomes false. Airflow 3 wants ``name`` and ``slots`` even with
        ``update_mask`` (fields outside the mask are not changed).

        :param pool_name: The pool's current name.
        :param pool: The new values.
        :param update_mask: Only change these fields (``name``, ``slots``, ``description``, ``include_deferred``).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", "/pools", body="bulk_body", v1=False, v2=V2(body=bulk_body("name", include_deferred=False)))
    def bulk_pools(self, bulk_body: BulkBody, **kwargs: Unpack[CallOptions]) -> BulkResponse:
        """Create, update and delete pools in one request; see :class:`BulkResponse` for what a refusal does.

        Airflow 3 wants ``include_deferred`` in every update: an entity without it is sent with false,
        as :meth:`patch_pool` does (outside ``update_mask`` it changes nothing). A delete's entities may
        be names or :class:`Pool` models (their names are sent).

        :param bulk_body: The actions, applied in order; entities are :class:`Pool` bodies.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v2=V2())
    def delete_pool(self, pool_name: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a pool (the default pool cannot be deleted).

        :param pool_name: The pool's name.
        """
        return self._call(locals())  # type: ignore[no-any-return]
