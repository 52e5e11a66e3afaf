"""Import errors: DAG files the DAG processor could not import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from airflow_python_sdk.model.import_error import ImportError as ImportErrorModel
from airflow_python_sdk.model.import_error_collection import ImportErrorCollection
from airflow_python_sdk.operation import AIRFLOW_3_ONLY, V2, Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["ImportErrorApi"]


class ImportErrorApi(Api):
    """Operations on DAG import errors."""

    @operation("GET", "/importErrors", errors=(401, 403), v2=V2())
    def get_import_errors(
        self,
        limit: int | None = None,
        offset: int | None = None,
        order_by: str | None = None,
        filename: str | None = AIRFLOW_3_ONLY,
        filename_pattern: str | None = AIRFLOW_3_ONLY,
        filename_prefix_pattern: str | None = AIRFLOW_3_ONLY,
        bundle_name: str | None = AIRFLOW_3_ONLY,
        **kwargs: Unpack[CallOptions],
    ) -> ImportErrorCollection:
        """List import errors.

        :param limit: How many errors to return (server default 100).
        :param offset: How many errors to skip.
        :param order_by: ``import_error_id`` (the server's default), ``timestamp`` or ``filename``;
            prefix with ``-`` for descending.
        :param filename: Only the error of this file (its path within its bundle).
        :param bundle_name: Only errors of files of this DAG bundle.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", "/importErrors/{import_error_id}", errors=(401, 403, 404), v2=V2())
    def get_import_error(self, import_error_id: int, **kwargs: Unpack[CallOptions]) -> ImportErrorModel:
        """Get an import error.

        :param import_error_id: The error's id.
        """
        return self._call(locals())  # type: ignore[no-any-return]
