"""Walk every item of a list operation, page by page::

    from airflow_python_sdk import paginate

    for run in paginate(api.get_dag_runs, "my_dag", state=["failed"], page_size=500):
        print(run.dag_run_id)  # typed DAGRun

:func:`paginate` works with any list method of the API classes. It reads how to page from the
method's declared operation (see :mod:`airflow_python_sdk.operation`), not from a table:

- an operation with ``limit`` and ``offset`` query parameters (``get_dag_runs``, ``get_datasets``, ...)
  gets them set on each call;
- an operation whose body is a form with ``page_limit`` and ``page_offset`` fields
  (``get_dag_runs_batch``, ``get_task_instances_batch``) gets a copy of the form with them set; the
  caller's form is never changed.

On an Airflow 3 host, an operation that takes a ``cursor`` (``get_dag_runs``, ``get_task_instances``)
is walked by cursor instead -- ``cursor=""`` first, then each page's ``next_cursor`` -- unless the
caller gives an ``offset`` to start from (and the server has cursors: Airflow 3.2 and later). A list
operation that takes no page on the server (Airflow 3's ``get_task_instance_tries``; Airflow 2.7-2.9's
``get_task_instances_batch``, which answers every match whatever the form's page) is one call.

The items are the one list field of the collection the operation returns (``dag_runs``,
``task_instances``, ...). Only one page is held at a time (with ``prefetch=N``, N more requested ahead), so
memory stays flat however long the walk.
"""

from __future__ import annotations

import copy
import inspect
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from airflow_python_sdk.exceptions import ApiTypeError, ApiValueError
from airflow_python_sdk.model_utils import ItemT, Model, Page
from airflow_python_sdk.operation import BoundMethod, Operation, unexpected_keywords

__all__ = ["paginate", "DEFAULT_PAGE_SIZE", "PageStyle", "page_style"]

DEFAULT_PAGE_SIZE = 100
"""Items asked for per request: Airflow's own default page size, and within its default maximum."""

_QUERY = ("limit", "offset")
_FORM = ("page_limit", "page_offset")
_NOT_WITH_PAGINATE = ("async_req", "_preload_content", "_return_http_data_only")


def paginate(
    list_method: BoundMethod[..., Page[ItemT]],
    /,
    *args: Any,
    page_size: int = DEFAULT_PAGE_SIZE,
    prefetch: int = 0,
    **kwargs: Any,
) -> Iterator[ItemT]:
    """Yield every item of a list operation, requesting ``page_size`` items at a time.

    ``list_method`` is a bound list method of an API class (``api.get_dag_runs``); ``args`` and
    ``kwargs`` are its arguments -- filters, order, call options such as ``_request_timeout`` --
    exactly as for one call. Nothing is requested until the first item is asked for; wrong
    arguments raise here, before that.

    Paging:

    - ``offset`` (or a form's ``page_offset``) is where the walk **starts**: items before it are
      skipped, as in one call. Handy to resume a walk.
    - ``limit`` (or a form's ``page_limit``) raises :class:`ApiValueError`: the page size is
      ``page_size``, and to stop after *n* items take them with ``itertools.islice(paginate(...), n)``.
    - The walk ends at ``total_entries``, or at an empty page, or at a page shorter than expected
      (some endpoints count ``total_entries`` before their filters, e.g. ``get_datasets``). A page
      shorter than ``page_size`` while ``total_entries`` says more remain may be the server's
      maximum page size (``[api] maximum_page_limit``, 100 by default): the walk asks once more, and
      goes on with that size if the next page is as long. A total that reached the server's
      ``total_entries_limit`` (Airflow 3 caps some counts) is taken to mean "at least", not the end.
    - Offset paging over a list that changes during the walk can skip or repeat items; give an
      ``order_by`` on a stable key, or a time window that no longer changes, when that matters.
    - ``prefetch=N`` (opt-in; an int >= 0, else :class:`ApiValueError`) keeps up to N more pages
      requested while the items of one are read, on the client's thread pool (the one behind
      ``async_req``) and connection pool: against a server slow to answer, a walk then takes about 1/N
      of the time. Items still come in order; at most N+1 pages are held; a page's error
      (:class:`ApiException` and the rest) raises where its items would have come. It needs offset
      paging and a ``total_entries`` to know which pages remain; a walk by cursor (Airflow 3's default
      for ``get_dag_runs`` and ``get_task_instances``) cannot ask ahead, each cursor coming from the
      page before, and stays one page at a time: give ``offset=0`` to page by offset instead. Keep N
      within the client's ``connection_pool_maxsize`` (10 by default).

    Raises :class:`ApiTypeError` when ``list_method`` is not a list operation (a method returning
    one object) or a call option makes paging impossible (``async_req``,
    ``_preload_content``, ``_return_http_data_only``); during the walk, the method's own errors
    (:class:`ApiException` and the rest) as a single call would raise them.
    """
    op, items_field = _describe(list_method)
    version = list_method.__self__.api_client.api_version  # type: ignore[attr-defined]
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise ApiValueError(f"paginate(): page_size must be a positive int, got {page_size!r}", ["page_size"])
    if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 0:
        raise ApiValueError(f"paginate(): prefetch must be an int >= 0, got {prefetch!r}", ["prefetch"])
    try:
        bound = inspect.signature(list_method).bind(*args, **kwargs)
    except TypeError as exc:
        raise ApiTypeError(f"paginate({op.id}): {exc}") from exc
    options = bound.arguments.get("kwargs") or {}
    if (unknown := unexpected_keywords(f"paginate({op.id})", op, options)) is not None:
        raise unknown
    if refused := [name for name in _NOT_WITH_PAGINATE if name in options]:
        raise ApiTypeError(f"paginate({op.id}): cannot page with {', '.join(refused)}; call {op.id}() directly")
    pages = _Pages(list_method, bound, items_field, page_size)
    style = page_style(op, version)
    if style is None:  # the server answers every item at once
        return _one_call(pages)
    target: dict[str, Any] | Model = bound.arguments
    if style.form is not None:
        form = bound.arguments[style.form]
        if not isinstance(form, Model):
            raise ApiTypeError(f"paginate({op.id}): {style.form} must be a model, got {form!r}", [op.id, style.form])
        target = bound.arguments[style.form] = copy.deepcopy(form)  # the caller's form stays as it is
    if target.get(style.limit) is not None:
        raise ApiValueError(
            f"paginate({op.id}): {style.limit} is what paginate sets; use page_size=... for the page size "
            "and itertools.islice(paginate(...), n) to stop after n items",
            [op.id, style.limit],
        )
    offset = target.get(style.offset) or 0
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise ApiValueError(
            f"paginate({op.id}): {style.offset} must be an int >= 0, got {offset!r}", [op.id, style.offset]
        )
    cursor = version == "v2" and "cursor" in {p.name for p in op.params} and style.offset not in bound.arguments
    return _by_release(pages, target, style, offset, cursor, prefetch)


class _Pages(NamedTuple):
    """One walk's list method, its bound arguments (set in place for each page), the items' field, the page size."""

    list_method: Callable[..., Any]
    bound: inspect.BoundArguments
    items_field: str
    page_size: int

    def __call__(self, **more: Any) -> Any:
        return self.list_method(*self.bound.args, **self.bound.kwargs, **more)


def _by_release(
    pages: _Pages, target: dict[str, Any] | Model, style: PageStyle, offset: int, cursor: bool, prefetch: int
) -> Iterator[Any]:
    """The walk the server's release allows, decided at the first item (the version is asked then, and only
    when not every release pages so): by cursor where it has cursors (Airflow 3.2+), else by offset; one
    call where a form's page is ignored (Airflow 2.7-2.9's ``get_task_instances_batch`` answers every match
    at once)."""
    client, op = pages.list_method.__self__.api_client, pages.list_method.operation  # type: ignore[attr-defined]
    if cursor and client.has(op, "cursor"):
        yield from _walk_cursors(pages)
    elif not cursor and not client.has(op, style.limit):
        yield from _one_call(pages)
    else:
        yield from _walk(pages, target, style, offset, prefetch)


def _one_call(pages: _Pages) -> Iterator[Any]:
    yield from pages()[pages.items_field]


def _walk_cursors(pages: _Pages) -> Iterator[Any]:
    """Airflow 3's keyset paging: ``cursor=""`` first, then each page's ``next_cursor`` until there is none."""
    arguments = pages.bound.arguments
    arguments["limit"], arguments["cursor"] = pages.page_size, ""
    while True:
        page = pages()
        items, cursor = page[pages.items_field], page.get("next_cursor")
        del page
        yield from items
        if not items or not cursor:
            return
        del items
        arguments["cursor"] = cursor


def _walk(pages: _Pages, target: dict[str, Any] | Model, style: PageStyle, offset: int, prefetch: int) -> Iterator[Any]:
    """The generator behind :func:`paginate`: one page held at a time, and up to ``prefetch`` more asked for
    ahead (the client's ``AsyncResult`` of each, by its offset) once ``total_entries`` tells where they are."""
    expected, lowered = pages.page_size, False
    ahead: deque[tuple[int, Any]] = deque()
    while True:
        if ahead and ahead[0][0] == offset:
            page = ahead.popleft()[1].get()  # its error raises here, at its place in the walk
        else:
            ahead.clear()  # none, or asked for at offsets a shorter page than expected made wrong
            page = _page(pages, target, style, offset, False)
        items = page[pages.items_field] or []
        total = page.get("total_entries")
        capped = page.get("total_entries_limit")  # Airflow 3 counts cursor-paged lists only up to this
        if isinstance(capped, int) and isinstance(total, int) and total >= capped:
            total = None
        del page
        count = len(items)
        offset += count
        end = count == 0 or (isinstance(total, int) and offset >= total)
        if not end and count < expected:
            end = lowered or total is None
            expected, lowered = count, True  # the server's maximum page size, or the end: one more page tells
        if prefetch and not end and isinstance(total, int):
            at = ahead[-1][0] + expected if ahead else offset
            while len(ahead) < prefetch and at < total:
                ahead.append((at, _page(pages, target, style, at, True)))
                at += expected
        yield from items
        del items  # before the next request, so two pages are never held at once (but those asked ahead)
        if end:
            return


def _page(pages: _Pages, target: dict[str, Any] | Model, style: PageStyle, offset: int, ahead: bool) -> Any:
    """The page of ``page_size`` items at ``offset``; with ``ahead``, its ``AsyncResult`` (the request built here)."""
    target[style.limit], target[style.offset] = pages.page_size, offset
    return pages(async_req=True) if ahead else pages()


class PageStyle(NamedTuple):
    """How an operation pages: the names of its limit and offset, and the body form carrying them, if any."""

    limit: str
    offset: str
    form: str | None = None


def page_style(op: Operation, api_version: str = "v1") -> PageStyle | None:
    """How ``op`` pages on a server of ``api_version`` ("v1" or "v2"), read from its declaration; None
    when it does not.

    Query paging is taken only from GET operations: paging a change (``patch_dags``) would change
    what the later pages hold.
    """
    names = {p.name for p in op.params if p.where == "query" and p.only in (None, api_version)}
    if op.method == "GET" and set(_QUERY) <= names:
        return PageStyle(*_QUERY)
    form = op.body.type if op.body is not None else None
    if op.body and isinstance(form, type) and issubclass(form, Model) and set(_FORM) <= form._fields.keys():
        return PageStyle(*_FORM, form=op.body.name)
    return None


def _items_field(model: Any) -> str | None:
    """The name of a collection model's list of items, or None."""
    listed = model._items if isinstance(model, type) and issubclass(model, Model) else None
    return listed.name if listed is not None else None


def _describe(list_method: Any) -> tuple[Operation, str]:
    op = getattr(list_method, "operation", None)
    if not isinstance(op, Operation) or not inspect.ismethod(list_method):
        raise ApiTypeError(
            f"paginate() takes a bound list method of an API class, such as api.get_dag_runs; got {list_method!r}"
        )
    items_field = _items_field(op.returns)
    if items_field is None or (page_style(op, "v1") is None and page_style(op, "v2") is None and op.method != "GET"):
        raise ApiTypeError(f"paginate(): {op.api}.{op.id} is not a list operation that pages; call it directly")
    return op, items_field
