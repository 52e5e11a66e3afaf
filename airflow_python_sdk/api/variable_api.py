"""Variables: list, create, read, update and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.api._bulk import bulk_body
from airflow_python_sdk.model.bulk_body import BulkBody
from airflow_python_sdk.model.bulk_response import BulkResponse
from airflow_python_sdk.model.variable import Variable
from airflow_python_sdk.model.variable_collection import VariableCollection
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["VariableApi"]

_ONE = "/variables/{variable_key}"
_ALL = (400, 401, 403, 404)


class VariableApi(Api):
    """Operations on variables."""

    @operation("GET", "/variables", errors=(401, 403), v2=V2())
    def get_variables(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        variable_key_pattern: str | None = AIRFLOW_3_ONLY,
        variable_key_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> VariableCollection:
        """List variables with their values (which Airflow 2's spec leaves out, though it sends them).

        :param limit: How many variables to return (server default 100).
        :param offset: How many variables to skip.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("POST", "/variables", body="variable", errors=(400, 401, 403), v2=V2())
    def post_variables(self, variable: Variable, **kwargs: Unpack[CallOptions]) -> Variable:
        """Create a variable; Airflow 2 overwrites one with the same key, Airflow 3 refuses it (409).

        :param variable: The variable; ``key`` and ``value`` are required.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _ONE, errors=(401, 403, 404), v2=V2())
    def get_variable(self, variable_key: str, **kwargs: Unpack[CallOptions]) -> Variable:
        """Get a variable with its value.

        :param variable_key: The variable's key.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _ONE, body="variable", joined=("update_mask",), errors=_ALL, v2=V2())
    def patch_variable(
        self,
        variable_key: str,
        variable: Variable,
        update_mask: list[str] | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> Variable:
        """Update a variable.

        The body must hold the same ``key`` and a ``value``, even when ``update_mask`` leaves the value alone.

        :param variable_key: The variable's key.
        :param variable: The new values.
        :param update_mask: Only change these fields (``value``, ``description``); Airflow 2 calls the
            value ``val`` in a mask, and gets it so.
        """
        if isinstance(update_mask, list) and self.api_client.api_version == "v1":
            update_mask = ["val" if name == "value" else name for name in update_mask]
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", "/variables", body="bulk_body", v1=False, v2=V2(body=bulk_body("key")))
    def bulk_variables(self, bulk_body: BulkBody, **kwargs: Unpack[CallOptions]) -> BulkResponse:
        """Create, update and delete variables in one request; see :class:`BulkResponse` for what a refusal does.

        A delete's entities may be keys or :class:`Variable` models (their keys are sent).

        :param bulk_body: The actions, applied in order; entities are :class:`Variable` bodies.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("DELETE", _ONE, errors=_ALL, v2=V2())
    def delete_variable(self, variable_key: str, **kwargs: Unpack[CallOptions]) -> None:
        """Delete a variable.

        :param variable_key: The variable's key.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    # Airflow 3's names (operationIds) of these operations
    post_variable = post_variables
