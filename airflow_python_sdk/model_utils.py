"""One base for every model: fields declared once, responses read leniently, requests built strictly.

A model lists its fields as annotated class attributes::

    class SetDagRunNote(Model):
        note: str | None = Field(default=None, doc="The note text.")

From that one declaration the base derives the typed constructor (for type checkers, through
``dataclass_transform``), attribute access, ``openapi_types``/``attribute_map``/``read_only_vars``,
``to_dict()``, ``repr()`` and the JSON body of a request.

Responses are read in place, not copied: the server's decoded JSON object becomes the model's
``__dict__``, every value converted there as the answer is read (datetimes, enums, UUIDs, nested models),
so that a field is a plain attribute. Unknown keys are kept, nulls and missing keys read as ``None``,
unknown enum values come back as enum values. A value that cannot be converted at all is set aside:
reading that field raises :class:`ApiValueError` naming the model, the field and the raw value, and
``repr()``/``to_dict()`` show it marked :class:`Unreadable`.

Requests are strict: a wrong type or unknown field raises :class:`ApiTypeError` when the model is
built, read-only fields are left out of request bodies, naive datetimes are sent as UTC.

The implementation lives in private modules, each one job, re-exported here (the name generated
clients import from): ``_datetimes`` (ISO 8601), ``_enums`` (open enums), ``_types`` (type checks and
value readers), ``_fields`` (``Field``, ``FieldInfo``), ``_readers`` (compiled answer readers),
``_model`` (``Model``, ``Page``), ``_json`` (JSON data); notebook tables are ``_display``'s.
"""

from __future__ import annotations

from airflow_python_sdk._datetimes import format_datetime, parse_datetime
from airflow_python_sdk._display import MAX_HTML_CELL, MAX_HTML_ROWS
from airflow_python_sdk._enums import OpenEnum, StringModel
from airflow_python_sdk._fields import Field, FieldInfo, Unreadable
from airflow_python_sdk._json import json_data, to_json
from airflow_python_sdk._model import ItemT, Model, ModelMeta, Page
from airflow_python_sdk._types import check_value, type_name

__all__ = ["Field", "FieldInfo", "Model", "ModelMeta", "OpenEnum", "Page", "ItemT", "StringModel", "parse_datetime",
           "format_datetime", "check_value", "to_json", "json_data", "type_name", "Unreadable", "MAX_HTML_ROWS",
           "MAX_HTML_CELL"]  # fmt: skip
