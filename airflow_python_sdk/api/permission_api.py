"""Permissions: the actions that roles can be granted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.action_collection import ActionCollection
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["PermissionApi"]


class PermissionApi(Api):
    """Operations on permissions."""

    @operation("GET", "/permissions", errors=(401, 403))
    def get_permissions(
        self, limit: int | None = None, offset: int | None = None, **kwargs: Unpack[CallOptions]
    ) -> ActionCollection:
        """List the permission actions (``can_read``, ``can_edit``, ...).

        :param limit: How many actions to return (server default 100).
        :param offset: How many actions to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]
