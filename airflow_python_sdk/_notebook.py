"""What every model offers in a notebook besides its HTML table: ``to_pandas()`` and ``to_svg()``.

A mixin of :class:`~airflow_python_sdk._model.Model` (kept out of the core: the work is in
:mod:`airflow_python_sdk.frames` and :mod:`airflow_python_sdk.pictures`, imported on first use).
"""

from __future__ import annotations

from typing import Any

__all__ = ["NotebookMixin"]


class NotebookMixin:
    """``to_pandas()`` and ``to_svg()`` of every model."""

    __slots__ = ()

    def to_pandas(self) -> Any:
        """A pandas DataFrame: a collection's items one per row, any other model one row (see
        :func:`airflow_python_sdk.frames.to_pandas`). :class:`ImportError` without the pandas extra."""
        from airflow_python_sdk.frames import to_pandas

        return to_pandas(self)  # type: ignore[arg-type]

    def to_svg(self) -> str:
        """The picture the notebook shows, as SVG text: a Gantt chart of a page of task instances (or
        tries), a grid of a page of DAG runs. :class:`TypeError` for a model that has no picture."""
        from airflow_python_sdk.pictures import to_svg

        return to_svg(self)
