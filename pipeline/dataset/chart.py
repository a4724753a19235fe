"""The agreement matrix as a picture: points down, sources across, cells coloured by stance."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

import matplotlib

# Headless and deterministic: the backend is chosen before pyplot is imported.
matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from pipeline.dataset.tables import SILENT

LOGGER = logging.getLogger(__name__)

#: Stance -> (matrix code, colour). Colour-blind-safe pair (Okabe-Ito bluish green and
#: vermillion) with grey for silence, so "agree" and "conflict" differ in lightness too.
STANCE_STYLE: dict[str, tuple[int, str]] = {
    SILENT: (0, "#e6e6e6"),
    "states": (1, "#009e73"),
    "conflicts": (2, "#d55e00"),
}
#: Point status -> row label colour (same palette as the HTML report's badges).
STATUS_COLOURS = {"conflict": "#b34700", "partial": "#946200", "agree": "#00664a", "single": "#1f5f8b"}
#: Rows drawn at most; past this the picture says how many were left out (the HTML
#: report has more, point_sources.csv all). 60 rows keep labels legible at the fixed size.
MAX_ROWS = 60
#: Columns drawn at most, for the same reason.
MAX_COLUMNS = 40
#: Characters of a point's statement shown as its row label.
LABEL_CHARS = 60
#: Values are written inside cells only up to this many columns (beyond, cells get
#: narrower than a short value at the fixed width), cut to VALUE_CHARS characters.
MAX_VALUE_COLUMNS = 8
VALUE_CHARS = 14
#: Characters of a source id shown as its column label.
COLUMN_CHARS = 18
#: Fixed DPI and width so the PNG has the same pixels (and bytes) on every run.
DPI = 100
WIDTH_IN = 10.0
ROW_IN = 0.28
BASE_IN = 2.2


@dataclass(frozen=True, slots=True)
class MatrixView:
    """What to draw: row labels, column labels, one stance (and value) per cell.

    ``statuses`` (one per row) colours the row labels; ``values`` (one per cell)
    are written in the cells when there are few enough columns to read them.
    """

    rows: list[str]
    columns: list[str]
    stances: list[list[str]]
    total_rows: int
    total_columns: int
    statuses: list[str] = field(default_factory=list)
    values: list[list[str]] = field(default_factory=list)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """Cut a label to ``limit`` characters with an ellipsis, as literal text.

    Dollar signs are escaped: matplotlib reads ``$...$`` as mathtext, and a page
    quoting two prices would otherwise fail to draw or render as formulas.
    """
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("$", r"\$")


def draw_cells(ax: Axes, view: MatrixView, n_rows: int, n_cols: int) -> None:
    """Paint one coloured square per cell, with the value inside when it fits."""
    codes = [[STANCE_STYLE[s][0] for s in line[:n_cols]] for line in view.stances[:n_rows]]
    colours = ListedColormap([style[1] for style in sorted(STANCE_STYLE.values())])
    ax.imshow(codes, cmap=colours, vmin=0, vmax=len(STANCE_STYLE) - 1, aspect="auto",
              interpolation="nearest")
    if n_cols > MAX_VALUE_COLUMNS:
        return
    for y, line in enumerate(view.values[:n_rows]):
        for x, value in enumerate(line[:n_cols]):
            if value and view.stances[y][x] != SILENT:
                ax.text(x, y, shorten(value, VALUE_CHARS), ha="center", va="center",
                        fontsize=7, color="white")


def label_axes(ax: Axes, view: MatrixView, n_rows: int, n_cols: int) -> None:
    """Source ids across the top, point statements down the side coloured by status."""
    ax.set_xticks(range(n_cols), [shorten(c, COLUMN_CHARS) for c in view.columns[:n_cols]],
                  rotation=30, ha="left", fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), [shorten(r) for r in view.rows[:n_rows]], fontsize=8)
    for label, status in zip(ax.get_yticklabels(), view.statuses[:n_rows], strict=False):
        label.set_color(STATUS_COLOURS.get(status, "black"))
    ax.set_xticks([x - 0.5 for x in range(1, n_cols)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, n_rows)], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel(caption(view), fontsize=8)


def add_legends(ax: Axes) -> None:
    """Cell colours (stances) and row-label colours (point statuses), right of the matrix."""
    stances = [Patch(color=c, label=name) for name, (_, c) in STANCE_STYLE.items()]
    first = ax.legend(handles=stances, title="source", loc="upper left", bbox_to_anchor=(1.01, 1.0),
                      fontsize=8, title_fontsize=8, frameon=False)
    ax.add_artist(first)
    statuses = [Patch(color=c, label=name) for name, c in STATUS_COLOURS.items()]
    ax.legend(handles=statuses, title="point (label)", loc="lower left", bbox_to_anchor=(1.01, 0.0),
              fontsize=8, title_fontsize=8, frameon=False)


def agreement_png(view: MatrixView) -> bytes:
    """Draw the matrix and return PNG bytes that are identical on every run."""
    n_rows, n_cols = min(len(view.rows), MAX_ROWS), min(len(view.columns), MAX_COLUMNS)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, BASE_IN + ROW_IN * max(n_rows, 1)), dpi=DPI)
    try:
        if n_rows and n_cols:
            draw_cells(ax, view, n_rows, n_cols)
        else:
            ax.text(0.5, 0.5, "No points to compare", ha="center", va="center", transform=ax.transAxes)
        label_axes(ax, view, n_rows, n_cols)
        add_legends(ax)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    finally:
        plt.close(fig)
    return buffer.getvalue()


def caption(view: MatrixView) -> str:
    """Say what the picture shows, and what it leaves out."""
    parts = [f"{view.total_rows} points x {view.total_columns} sources"]
    if view.total_rows > MAX_ROWS:
        parts.append(f"first {MAX_ROWS} points shown")
    if view.total_columns > MAX_COLUMNS:
        parts.append(f"first {MAX_COLUMNS} sources shown")
    return "; ".join(parts)
