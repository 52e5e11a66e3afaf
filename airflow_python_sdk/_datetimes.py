"""Timestamps as the server sends them: ISO 8601 read and written, naive taken as UTC."""

from __future__ import annotations

import datetime as dt

__all__ = ["parse_datetime", "format_datetime"]


_fromisoformat = dt.datetime.fromisoformat
_UTC = dt.timezone.utc


def parse_datetime(value: str) -> dt.datetime:
    """Parse an ISO 8601 timestamp as the server sends it (``Z`` or ``+00:00``); naive means UTC."""
    try:
        parsed = _fromisoformat(value)
    except ValueError:  # shapes older Pythons' fromisoformat refuses, e.g. a trailing "Z" before 3.11
        parsed = _parse_other(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _parse_other(value: str) -> dt.datetime:
    if value[-1:] == "Z":  # Python 3.10's fromisoformat refuses it; 3.11 reads it as this
        try:
            return _fromisoformat(value[:-1] + "+00:00")
        except ValueError:
            pass
    from dateutil.parser import isoparse

    return isoparse(value)


def format_datetime(value: dt.datetime) -> str:
    """ISO 8601 with an explicit offset; a naive datetime is taken to be UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat()
