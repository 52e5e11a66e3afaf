"""The extra links of a task instance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.model.extra_link import ExtraLink
from airflow_python_sdk.model_utils import Field, Model

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["ExtraLinkCollection"]


class ExtraLinkCollection(Model):
    """Every extra link of one task instance.

    Airflow 2 answers with a plain ``{link name: URL or null}`` object instead of the ``extra_links``
    list its spec describes; such an answer is read as that list, one :class:`ExtraLink` per entry.
    """

    extra_links: list[ExtraLink] | None = Field(default=None, doc="The links.")

    @classmethod
    def _from_server(cls, data: Any) -> Self:
        flat = isinstance(data, dict) and not isinstance(data.get("extra_links"), list)
        if flat and all(isinstance(url, str | None) for url in data.values()):
            data = {"extra_links": [{"name": name, "href": url} for name, url in data.items()]}
        return super()._from_server(data)
