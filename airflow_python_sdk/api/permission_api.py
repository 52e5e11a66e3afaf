"""Permissions: the actions that roles can be granted."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from airflow_python_sdk.model.action_collection import ActionCollection
from airflow_python_sdk.operation import FAB, Api, Args, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.api_client import ApiClient
    from airflow_python_sdk.operation import CallOptions

__all__ = ["PermissionApi"]


def _actions(client: ApiClient, args: Args, data: Any) -> Any:
    """Airflow 3 lists action-resource pairs: each reads as its action, with its resource as ``["resource"]``."""
    pairs = data.get("actions") if isinstance(data, dict) else None
    if not isinstance(pairs, list):
        return data
    actions = [
        {**p["action"], "resource": (p.get("resource") or {}).get("name")}
        if isinstance(p, dict) and isinstance(p.get("action"), dict) and isinstance(p.get("resource") or {}, dict)
        else p
        for p in pairs
    ]
    return {**data, "actions": actions}


class PermissionApi(Api):
    """Operations on permissions."""

    @operation("GET", "/permissions", errors=(401, 403), v2=dataclasses.replace(FAB, answer=_actions))
    def get_permissions(
        self, limit: int | None = None, offset: int | None = None, **kwargs: Unpack[CallOptions]
    ) -> ActionCollection:
        """List the permission actions (``can_read``, ``can_edit``, ...).

        :param limit: How many actions to return (server default 100).
        :param offset: How many actions to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]
