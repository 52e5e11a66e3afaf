"""Connections: list, create, read, update, delete and test."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model.connection_collection import ConnectionCollection
from airflow_python_sdk.model.connection_test import ConnectionTest
from airflow_python_sdk.operation import V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["ConnectionApi"]

_ONE = "/connections/{connection_id}"
_ALL = (400, 401, 403, 404)


class ConnectionApi(Api):
    """Operations on connections."""

    @operation("GET", "/connections", errors=(401, 403), v2=V2())
    def get_connections(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> ConnectionCollection:
        """List connections (without passwords or extras).

        :param limit: How many connections to return (server default 100).
        :param offset: How many connections to skip.
        :param order_by: Field to sort by; prefix with ``-`` for descending.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/connections", body="connection", errors=(400, 401, 403), v2=V2())
    def post_connection(self, connection: Connection, **kwargs: Unpack[CallOptions]) -> Connection:
        """Create a connection.

        Ids may hold only letters, digits, ``-``, ``.`` and ``_``; the server refuses others (400).

        :param connection: The connection; ``connection_id`` and ``conn_type`` are required.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=V2())
    def get_connection(self, connection_id: str, **kwargs: Unpack[CallOptions]) -> Connection:
        """Get a connection with its extra (never its password).

        Secret-looking values inside the extra (``password``, ``api_key``, ...) come back as ``***``.

        :param connection_id: The connection id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _ONE, body="connection", joined=("update_mask",), errors=_ALL, v2=V2())
    def patch_connection(
        self,
        connection_id: str,
        connection: Connection,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> Connection:
        """Update a connection.

        Without ``update_mask`` the fields the body sets are changed and the others kept.
        The id cannot change: a different ``connection_id`` in the body is refused (400).

        :param connection_id: The connection id.
        :param connection: The new values.
        :param update_mask: Only change these fields.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v2=V2())
    def delete_connection(self, connection_id: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a connection.

        :param connection_id: The connection id.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/connections/test", body="connection", errors=_ALL, v2=V2())
    def test_connection(self, connection: Connection, **kwargs: Unpack[CallOptions]) -> ConnectionTest:
        """Test a connection without saving it.

        The server must allow it (``[core] test_connection = Enabled``); otherwise it answers 403.

        :param connection: The connection to try.
        """
        return self._call(locals())  # type: ignore[no-any-return]
