"""Users: list, create, read, update and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.user import User
from airflow_python_sdk.model.user_collection import UserCollection
from airflow_python_sdk.model.user_collection_item import UserCollectionItem
from airflow_python_sdk.operation import FAB, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["UserApi"]

_ONE = "/users/{username}"
_ALL = (400, 401, 403, 404)


class UserApi(Api):
    """Operations on user accounts."""

    @operation("GET", "/users", errors=(401, 403), v2=FAB)
    def get_users(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> UserCollection:
        """List users.

        :param limit: How many users to return (server default 100).
        :param offset: How many users to skip.
        :param order_by: Field to sort by, ascending (Airflow 2.11 refuses a ``-`` prefix).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/users", body="user", errors=(400, 401, 403, 409), v2=FAB)
    def post_user(self, user: User, **kwargs: Unpack[CallOptions]) -> User:
        """Create a user.

        Without ``roles`` the server gives the self-registration role; if that is unset it fails (500).

        :param user: The account; ``username``, ``email``, ``first_name``, ``last_name`` and ``password`` are required.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=FAB)
    def get_user(self, username: str, **kwargs: Unpack[CallOptions]) -> UserCollectionItem:
        """Get a user.

        :param username: The user's login name.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _ONE, body="user", joined=("update_mask",), errors=_ALL, v2=FAB)
    def patch_user(
        self,
        username: str,
        user: User,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> UserCollectionItem:
        """Update a user.

        The body must hold ``username``, ``email`` and ``first_name`` even with an ``update_mask``.

        :param username: The user's login name.
        :param user: The new values.
        :param update_mask: Only change these fields (e.g. ``first_name``, ``roles``, ``password``).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v2=FAB)
    def delete_user(self, username: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a user.

        :param username: The user's login name.
        """
        return self._call(locals())  # type: ignore[no-any-return]
