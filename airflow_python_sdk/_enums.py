"""Open string enums (values a newer server adds still read) and named string types."""

from __future__ import annotations

import enum
from typing import Any

__all__ = ["OpenEnum", "StringModel"]


class OpenEnum(str, enum.Enum):
    """A string enum that also accepts values it does not list (a newer server's states, say).

    ``DagState("success") is DagState.SUCCESS``; ``DagState("restarting")`` is a value of type
    ``DagState`` too, with ``known`` false. Members compare equal to their plain string.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, enum.Enum):
            value = value.value
        if not isinstance(value, str):
            return None
        known = cls._value2member_map_.get(value)
        if known is not None:
            return known
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        cls._value2member_map_[value] = member  # later lookups of the same value are plain hits
        return member

    @property
    def known(self) -> bool:
        """Whether this value is one the enum declares."""
        return type(self).__members__.get(self._name_) is self

    def __str__(self) -> str:
        return str.__str__(self)

    __hash__ = str.__hash__  # one hash for "success" and DagState.SUCCESS, so both find dict entries


class StringModel(str):
    """A string the API gives a name of its own (a colour, a time zone); any string is a value."""

    __slots__ = ()
