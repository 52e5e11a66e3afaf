"""Roles: list, create, read, update and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.role import Role
from airflow_python_sdk.model.role_collection import RoleCollection
from airflow_python_sdk.operation import FAB, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["RoleApi"]

_ONE = "/roles/{role_name}"
_ALL = (400, 401, 403, 404)


class RoleApi(Api):
    """Operations on roles."""

    @operation("GET", "/roles", errors=(401, 403), v2=FAB)
    def get_roles(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> RoleCollection:
        """List roles with their permissions.

        :param limit: How many roles to return (server default 100).
        :param offset: How many roles to skip.
        :param order_by: Field to sort by, ascending (Airflow 2.11 refuses a ``-`` prefix).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/roles", body="role", errors=(400, 401, 403), v2=FAB)
    def post_role(self, role: Role, **kwargs: Unpack[CallOptions]) -> Role:
        """Create a role.

        Airflow 2.11 answers an empty :class:`Role`; read the new role back with :meth:`get_role`.

        :param role: The role: its ``name`` and the ``actions`` (permissions) it grants.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=FAB)
    def get_role(self, role_name: str, **kwargs: Unpack[CallOptions]) -> Role:
        """Get a role with its permissions.

        :param role_name: The role's name.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _ONE, body="role", joined=("update_mask",), errors=_ALL, v2=FAB)
    def patch_role(
        self,
        role_name: str,
        role: Role,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> Role:
        """Update a role: rename it or grant it more permissions.

        The ``actions`` given are added to the role's; none are taken away.

        :param role_name: The role's current name.
        :param role: The new values.
        :param update_mask: Only change these fields (``name``, ``actions``).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v2=FAB)
    def delete_role(self, role_name: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a role.

        :param role_name: The role's name.
        """
        return self._call(locals())  # type: ignore[no-any-return]
