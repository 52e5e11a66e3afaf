"""Draws decode time against page size, one panel per server (Airflow 3, Airflow 2); run by ``run.py`` with
matplotlib's venv.

``python plot.py DATA.json OUT.png``, DATA holding ``sizes`` and ``panels``: ``{"title": ..., "series": [[label,
client, dashed, ms per size], ...]}``.
"""

from __future__ import annotations

import json
import sys

import matplotlib  # type: ignore[import-not-found]

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # type: ignore[import-not-found]

STYLE = {"official": ("tab:red", "o"), "sdk": ("tab:blue", "s"), "raw": ("tab:gray", "^")}


def main() -> None:
    source, out = sys.argv[1:3]
    with open(source) as f:
        data = json.load(f)
    panels = data["panels"]
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.8), dpi=120, sharey=True, squeeze=False)
    for ax, panel in zip(axes[0], panels, strict=True):
        for label, client, dashed, values in panel["series"]:
            colour, marker = STYLE[client]
            ax.plot(data["sizes"], values, marker=marker, color=colour, label=label,
                    linestyle="--" if dashed else "-", alpha=0.6 if dashed else 1.0)  # fmt: skip
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("DAG runs in the page (get_dag_runs limit)")
        ax.set_title(f"{panel['title']}: a page into models, every field read")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    axes[0][0].set_ylabel("median time per call, ms (HTTP included)")
    fig.tight_layout()
    fig.savefig(out)


if __name__ == "__main__":
    main()
