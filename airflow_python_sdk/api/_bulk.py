"""Reshaping Airflow 3 bulk bodies (``PATCH /connections``, ``/pools``, ``/variables``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["bulk_body"]


def bulk_body(key: str, **update_defaults: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A ``V2.body`` hook: a delete's entities sent as their ``key`` only, for Airflow 3.3.2 answers 500
    to whole entities there; an update's entities given ``update_defaults`` for keys they lack."""

    def reshape(body: dict[str, Any]) -> dict[str, Any]:
        for action in body.get("actions") or []:
            entities = action.get("entities") or []
            if action.get("action") == "delete":
                action["entities"] = [e.get(key, e) if isinstance(e, dict) else e for e in entities]
            elif action.get("action") == "update":
                action["entities"] = [{**update_defaults, **e} if isinstance(e, dict) else e for e in entities]
        return body

    return reshape
