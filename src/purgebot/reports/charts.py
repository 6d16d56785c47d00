"""A `Chart` drawn as a PNG with matplotlib's Agg backend (no display, no pyplot state).

matplotlib is imported on the first drawing, not at import time, so starting the bot does not
pay for it. Axes are placed by hand (no layout engine): that keeps a chart near 100 ms. Callers
on the event loop run `render_png` in a thread (`asyncio.to_thread`); one lock keeps drawing to
one chart at a time, as matplotlib does not promise thread safety.
"""

from __future__ import annotations

import io
import threading
from typing import TYPE_CHECKING

from purgebot.reports.figures import Chart, Kind, Panel

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH_IN = 8.0
DPI = 100
TITLE_IN = 0.55  # the chart's title
HEAD_IN = 0.4  # above each panel: its title
FOOT_IN = 0.55  # below each panel: tick labels
BAR_IN = 0.28  # per horizontal bar
PLOT_IN = 1.9  # a vertical bar or line panel
LABELS_IN = 4.0  # left of horizontal bars: their labels
COLOUR = "#2b6cb0"
MISSED = "#c05621"

_LOCK = threading.Lock()


def _height(panel: Panel) -> float:
    body = max(1, len(panel.bars)) * BAR_IN if panel.kind is Kind.SHARE else PLOT_IN
    return HEAD_IN + body + FOOT_IN


def _draw(ax: Axes, panel: Panel) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_title(panel.title, fontsize=10, loc="left")
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    if not panel.bars:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "nothing yet", ha="center", va="center", transform=ax.transAxes)
        return
    labels = [b.label for b in panel.bars]
    if panel.kind is Kind.SHARE:
        shares = [100 * b.value for b in panel.bars]
        rows = list(range(len(labels)))
        colours = [COLOUR if s >= 50 else MISSED for s in shares]
        ax.barh(rows, shares, color=colours)
        # the figures sit in the labels: one text per bar, not two
        notes = [
            f"{b.label} · {s:.0f}% of {b.answered}" for b, s in zip(panel.bars, shares, strict=True)
        ]
        # labels as plain texts beside the axis: a Tick per bar costs more than the bar
        ax.set_yticks([])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        beside = ax.get_yaxis_transform()
        for row, note in zip(rows, notes, strict=True):
            ax.text(-0.01, row, note, transform=beside, ha="right", va="center", fontsize=8)
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 50, 100], ["0%", "50%", "100%"], fontsize=8)
        return
    xs = list(range(len(labels)))
    if panel.kind is Kind.COUNT:
        ax.bar(xs, [b.value for b in panel.bars], color=COLOUR)
        ax.set_ylabel(panel.axis, fontsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        ax.plot(xs, [100 * b.value for b in panel.bars], marker="o", color=COLOUR)
        ax.set_ylim(0, 105)
        ax.set_ylabel("% right", fontsize=8)
    ax.set_xticks(xs, labels, fontsize=8, rotation=30 if len(labels) > 6 else 0)
    ax.tick_params(axis="y", labelsize=8)


def render_png(chart: Chart) -> bytes:
    """The chart as PNG bytes (8 inches wide at 100 dpi: 800 pixels)."""
    from matplotlib.figure import Figure  # heavy: loaded on first use

    heights = [_height(p) for p in chart.panels]
    total = TITLE_IN + sum(heights)
    with _LOCK:
        figure = Figure(figsize=(WIDTH_IN, total), dpi=DPI)
        figure.text(0.02, 1 - 0.35 / total, chart.title, fontsize=12, weight="bold")
        top = total - TITLE_IN
        for panel, height in zip(chart.panels, heights, strict=True):
            left = LABELS_IN if panel.kind is Kind.SHARE else 0.8
            right = 0.3
            body = height - HEAD_IN - FOOT_IN
            rect = (
                left / WIDTH_IN,
                (top - HEAD_IN - body) / total,
                (WIDTH_IN - left - right) / WIDTH_IN,
                body / total,
            )
            _draw(figure.add_axes(rect), panel)
            top -= height
        out = io.BytesIO()
        # zlib level 1: a third of the encoding time for a slightly bigger file (flat colours)
        figure.savefig(out, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return out.getvalue()
