from __future__ import annotations

from typing import Any

from airflow_python_sdk.model_utils import Field, Model, OpenEnum

__all__ = ["BulkAction", "BulkActionOnExistence", "BulkActionNotOnExistence"]


class BulkActionOnExistence(OpenEnum):
    """What a bulk create does with an entity that already exists."""

    FAIL = "fail"
    SKIP = "skip"
    OVERWRITE = "overwrite"


class BulkActionNotOnExistence(OpenEnum):
    """What a bulk delete does with an entity that does not exist."""

    FAIL = "fail"
    SKIP = "skip"


class BulkAction(Model):
    """One action of a :class:`BulkBody`; build it with :meth:`create`, :meth:`update` or :meth:`delete`.

    ``entities`` are request models of the resource (``Variable``, ``Pool``, ``Connection``, ...), or
    plain dicts; a delete also takes their ids or keys as strings.
    """

    action: str = Field(default=None, doc='"create", "update" or "delete".')
    entities: list[Model | dict[str, Any] | str] = Field(default=None, doc="What the action applies to.")
    action_on_existence: BulkActionOnExistence | None = Field(
        default=None, doc="A create's choice for an entity that exists: fail (the server's default), skip, overwrite."
    )
    action_on_non_existence: BulkActionNotOnExistence | None = Field(
        default=None, doc="A delete's choice for an entity that does not exist: fail (the server's default), skip."
    )
    update_mask: list[str] | None = Field(default=None, doc="An update's fields to apply (all given ones if absent).")

    @classmethod
    def create(cls, entities: list[Any], action_on_existence: BulkActionOnExistence | str | None = None) -> BulkAction:
        """Create ``entities``; ``action_on_existence`` says what to do where one exists."""
        return cls._of("create", entities, action_on_existence=action_on_existence)

    @classmethod
    def update(
        cls,
        entities: list[Any],
        update_mask: list[str] | None = None,
        action_on_non_existence: BulkActionNotOnExistence | str | None = None,
    ) -> BulkAction:
        """Update ``entities`` (only the fields in ``update_mask`` when given)."""
        return cls._of("update", entities, update_mask=update_mask, action_on_non_existence=action_on_non_existence)

    @classmethod
    def delete(
        cls, entities: list[Any], action_on_non_existence: BulkActionNotOnExistence | str | None = None
    ) -> BulkAction:
        """Delete ``entities`` (ids, keys or entity models)."""
        return cls._of("delete", entities, action_on_non_existence=action_on_non_existence)

    @classmethod
    def _of(cls, action: str, entities: list[Any], **options: Any) -> BulkAction:
        """The action with the options that are given (one left out takes the server's default)."""
        return cls(action=action, entities=entities, **{k: v for k, v in options.items() if v is not None})
