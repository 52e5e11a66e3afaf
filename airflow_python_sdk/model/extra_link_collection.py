from __future__ import annotations

from typing import TYPE_CHECKING, Any

from airflow_python_sdk.model.extra_link import ExtraLink
from airflow_python_sdk.model_utils import Field, Model, Page

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["ExtraLinkCollection"]


class ExtraLinkCollection(Model, Page[ExtraLink]):
    """Every extra link of one task instance.

    Airflow 2 answers with a plain ``{link name: URL or null}`` object instead of the ``extra_links``
    list its spec describes, and Airflow 3 puts such an object under ``extra_links``; either is read
    as that list, one :class:`ExtraLink` per entry.
    """

    extra_links: list[ExtraLink] = Field(default=None, doc="The links.")
    total_entries: int | None = Field(default=None, read_only=True, v2_only=True, doc="How many links there are.")

    @classmethod
    def _from_server(cls, data: Any) -> Self:
        links = data.get("extra_links") if isinstance(data, dict) else None
        if isinstance(links, dict):
            data = {**data, "extra_links": _listed(links)}
        elif (
            isinstance(data, dict)
            and not isinstance(links, list)
            and all(isinstance(url, str | None) for url in data.values())
        ):
            data = {"extra_links": _listed(data)}
        return super()._from_server(data)


def _listed(links: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": name, "href": url} for name, url in links.items()]
