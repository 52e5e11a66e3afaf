"""Connections: list, create, read, update, delete and test."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.api._bulk import bulk_body
from airflow_python_sdk.model.async_connection_test import AsyncConnectionTest
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.connection import Connection
from airflow_python_sdk.model.connection_collection import ConnectionCollection
from airflow_python_sdk.model.connection_test import ConnectionTest
from airflow_python_sdk.model.connection_test_queued import ConnectionTestQueued
from airflow_python_sdk.model.connection_test_request_body import ConnectionTestRequestBody
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

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
        connection_id_pattern: str | None = AIRFLOW_3_ONLY,
        connection_id_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> ConnectionCollection:
        """List connections (Airflow 3 with their extras and masked passwords, Airflow 2 without).

        :param limit: How many connections to return (server default 100).
        :param offset: How many connections to skip.
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

    @operation("PATCH", "/connections", body="bulk_body", v1=False, v2=V2(body=bulk_body("connection_id")))
    def bulk_connections(self, bulk_body: BulkBody, **kwargs: Unpack[CallOptions]) -> BulkResponse:
        """Create, update and delete connections in one request; see :class:`BulkResponse` for what a refusal does.

        A delete's entities may be ids or :class:`Connection` models (their ids are sent).

        :param bulk_body: The actions, applied in order; entities are :class:`Connection` bodies.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/connections/defaults", v1=False)
    def create_default_connections(self, **kwargs: Unpack[CallOptions]) -> None:
        """Create Airflow's default connections (``aws_default``, ``postgres_default``, ...); existing ids are kept."""
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/connections/enqueue-test", body="connection_test_request_body", errors=(400, 401, 403, 409),
               status=202, v1=False)  # fmt: skip
    def enqueue_connection_test(
        self, connection_test_request_body: ConnectionTestRequestBody, **kwargs: Unpack[CallOptions]
    ) -> ConnectionTestQueued:
        """Queue a connection test to run on a worker; follow it with :meth:`get_connection_test`.

        The server must allow tests (``[core] test_connection = Enabled``, else 403), and only a running
        scheduler whose executor tests connections (LocalExecutor does) moves the test on from ``pending``.
        One connection id has one active test at a time (409).

        :param connection_test_request_body: The connection, and optionally the executor and queue to test it on.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/connections/enqueue-test", errors=(401, 403, 404), v1=False,
               headers={"token": "Airflow-Connection-Test-Token"})  # fmt: skip
    def get_connection_test(self, token: str, **kwargs: Unpack[CallOptions]) -> AsyncConnectionTest:
        """Get the state of a queued connection test, and its message once it ran.

        :param token: The token :meth:`enqueue_connection_test` answered (sent as a header).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/connections/test", body="connection", errors=_ALL, v2=V2())
    def test_connection(self, connection: Connection, **kwargs: Unpack[CallOptions]) -> ConnectionTest:
        """Test a connection without saving it.

        The server must allow it (``[core] test_connection = Enabled``); otherwise it answers 403.

        :param connection: The connection to try.
        """
        return self._call(locals())  # type: ignore[no-any-return]
