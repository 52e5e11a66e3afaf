"""Human-in-the-loop details (Airflow 3 only): what waiting tasks ask people, and their answers.

A task of a human-in-the-loop operator (``HITLOperator``, ``ApprovalOperator``, ...) puts a question,
then waits (state ``awaiting_input``); :meth:`HITLDetailApi.update_hitl_detail` answers it and the
task resumes with the answer.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from airflow_python_sdk.model.hitl_detail import HITLDetail
from airflow_python_sdk.model.hitl_detail_collection import HITLDetailCollection
from airflow_python_sdk.model.hitl_detail_history import HITLDetailHistory
from airflow_python_sdk.model.hitl_detail_response import HITLDetailResponse
from airflow_python_sdk.model.update_hitl_detail_payload import UpdateHITLDetailPayload
from airflow_python_sdk.operation import Api, operation

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from airflow_python_sdk.operation import CallOptions

__all__ = ["HITLDetailApi"]

_DETAIL = "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}/hitlDetails"
_READ = (401, 403, 404)


class HITLDetailApi(Api):
    """Reading and answering the questions of human-in-the-loop tasks (Airflow 3 only)."""

    @operation("GET", "/dags/{dag_id}/dagRuns/{dag_run_id}/hitlDetails", v1=False)
    def get_hitl_details(
        self,
        dag_id: str = "~",
        dag_run_id: str = "~",
        limit: int | None = None,
        offset: int | None = None,
        order_by: list[str] | None = None,
        dag_id_pattern: str | None = None,
        dag_id_prefix_pattern: str | None = None,
        task_id: str | None = None,
        task_id_pattern: str | None = None,
        task_id_prefix_pattern: str | None = None,
        map_index: int | None = None,
        state: list[str] | None = None,
        response_received: bool | None = None,
        responded_by_user_id: list[str] | None = None,
        responded_by_user_name: list[str] | None = None,
        subject_search: str | None = None,
        body_search: str | None = None,
        created_at_gte: datetime | None = None,
        created_at_gt: datetime | None = None,
        created_at_lte: datetime | None = None,
        created_at_lt: datetime | None = None,
        **kwargs: Unpack[CallOptions],
    ) -> HITLDetailCollection:
        """List human-in-the-loop details, of one DAG run or (``~``, the default) of all.

        :param dag_id: The DAG, or ``~`` for every DAG.
        :param dag_run_id: The DAG run, or ``~`` for every run.
        :param task_id: Only those of this task.
        :param map_index: Only those of this map index.
        :param state: Only those whose task instance is in one of these states (e.g. ``awaiting_input``).
        :param response_received: Only answered (true) or unanswered (false) ones.
        :param responded_by_user_id: Only those answered by one of these user ids.
        :param responded_by_user_name: Only those answered by one of these user names.
        :param subject_search: Only those whose subject contains this text, any case (``%``, ``_`` wildcards).
        :param body_search: Only those whose body contains this text, any case (``%``, ``_`` wildcards).
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DETAIL, errors=_READ, v1=False)
    def get_hitl_detail(
        self, dag_id: str, dag_run_id: str, task_id: str, map_index: int = -1, **kwargs: Unpack[CallOptions]
    ) -> HITLDetail:
        """Get the human-in-the-loop detail of a task instance (its latest try).

        :param dag_id: The DAG.
        :param dag_run_id: The DAG run.
        :param task_id: The task.
        :param map_index: The map index; -1 (the default) for a task that is not mapped.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("GET", _DETAIL + "/tries/{try_number}", errors=_READ, v1=False)
    def get_hitl_detail_try_detail(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        try_number: int,
        map_index: int = -1,
        **kwargs: Unpack[CallOptions],
    ) -> HITLDetailHistory:
        """Get the human-in-the-loop detail of one try of a task instance.

        :param dag_id: The DAG.
        :param dag_run_id: The DAG run.
        :param task_id: The task.
        :param try_number: The try, from 1 (the current one is found too).
        :param map_index: The map index; -1 (the default) for a task that is not mapped.
        """
        return self._call(locals())  # type: ignore[no-any-return]

    @operation("PATCH", _DETAIL, body="update_hitl_detail_payload", errors=(400, 401, 403, 404, 409), v1=False)
    def update_hitl_detail(
        self,
        dag_id: str,
        dag_run_id: str,
        task_id: str,
        update_hitl_detail_payload: UpdateHITLDetailPayload,
        map_index: int = -1,
        **kwargs: Unpack[CallOptions],
    ) -> HITLDetailResponse:
        """Answer a human-in-the-loop task; a waiting task then resumes with the answer.

        An answer is given once: a second one is refused (409). Options it does not offer, or several
        where it takes one, are refused (400); so is a user it does not name (403).

        :param dag_id: The DAG.
        :param dag_run_id: The DAG run.
        :param task_id: The task.
        :param update_hitl_detail_payload: The options chosen and the form fields' values.
        :param map_index: The map index; -1 (the default) for a task that is not mapped.
        """
        return self._call(locals())  # type: ignore[no-any-return]
