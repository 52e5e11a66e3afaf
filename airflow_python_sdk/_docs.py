"""Docs of API methods, for ``help()``, the generated docs and the CLI: a docstring's summary, description and
``:param name:`` texts, and the conventional texts of parameters named as Airflow names them (``*_gte``,
``limit``, ...) that a docstring leaves out. Presentation, not dispatch: nothing here changes a request."""

from __future__ import annotations

import inspect
import re

__all__ = ["ERROR_TEXT", "param_doc", "split_doc"]

ERROR_TEXT = {
    400: "Client specified an invalid argument.",
    401: "Request not authenticated due to missing, invalid, authentication info.",
    403: "Client does not have sufficient permission.",
    404: "A specified resource is not found.",
    409: "An existing resource conflicts with the request.",
}
"""What the docs say of each error status an operation declares."""

_CONVENTIONS = (
    (re.compile(r"(\w+)_gte$"), "Only those whose {} is at or after (at least) this."),
    (re.compile(r"(\w+)_gt$"), "Only those whose {} is after (more than) this."),
    (re.compile(r"(\w+)_lte$"), "Only those whose {} is at or before (at most) this."),
    (re.compile(r"(\w+)_lt$"), "Only those whose {} is before (less than) this."),
    (
        re.compile(r"(\w+)_prefix_pattern$"),
        "Only those whose {} starts with this text (case-sensitive; trailing punctuation is ignored).",
    ),
    (
        re.compile(r"(\w+)_pattern$"),
        "Only those whose {} contains this text, any case (``%``, ``_`` wildcards; ``|``: or).",
    ),
    (re.compile(r"^(dag_id)$"), "The DAG id."),
    (re.compile(r"^(dag_run_id)$"), "The DAG run id."),
    (re.compile(r"^(task_id)$"), "The task id."),
    (re.compile(r"^(fields)$"), "Only return these fields."),
    (re.compile(r"^(limit)$"), "How many to return at most (the server's default and maximum apply)."),
    (re.compile(r"^(offset)$"), "How many to skip."),
    (re.compile(r"^(order_by)$"), "Field(s) to sort by; prefix one with ``-`` for descending."),
    (re.compile(r"^(cursor)$"), 'Keyset paging: ``""`` for the first page, then a page\'s ``next_cursor``.'),
    (re.compile(r"^(team_name)$"), "Only those of this team (multi-team deployments)."),
)
"""Docs of parameters named by Airflow's conventions, for those a method's docstring leaves out."""


def param_doc(name: str) -> str:
    """The conventional doc of a parameter such as ``dag_id``, ``start_date_gte`` or ``dag_id_pattern`` ("" if
    none)."""
    for pattern, text in _CONVENTIONS:
        match = pattern.search(name)
        if match:
            return text.format(f"``{match[1]}``")
    return ""


_PARAM_DOC = re.compile(r"^\s*:param (\w+):\s*(.*(?:\n(?!\s*:)\s+\S.*)*)", re.MULTILINE)


def split_doc(doc: str) -> tuple[str, str, dict[str, str]]:
    """Summary line, description and ``:param name:`` texts of a docstring."""
    doc = inspect.cleandoc(doc or "")
    params = {m[1]: " ".join(m[2].split()) for m in _PARAM_DOC.finditer(doc)}
    prose = _PARAM_DOC.sub("", doc).strip()
    summary, _, description = prose.partition("\n")
    return summary.strip(), description.strip(), params
