"""The bar chart of cases per month, as PNG bytes (matplotlib, Agg: no display needed).

Months below the k-anonymity threshold get no bar, only "< 5", so the picture shows no
more than the table does."""

from __future__ import annotations

import io

from bot.statistics import K


def month_bars(per_month: dict[str, int], title: str, hidden_label: str) -> bytes:
    """A PNG: one bar per month; a month with fewer than K cases shows `hidden_label`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [f"{m[5:]}/{m[2:4]}" for m in per_month]
    heights = [n if n >= K else 0 for n in per_month.values()]
    bars = axes.bar(labels, heights, color="#000091")  # the State's blue
    for bar, count in zip(bars, per_month.values(), strict=True):
        text = str(count) if count >= K else hidden_label
        axes.annotate(
            text,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=9,
        )
    axes.set_title(title)
    axes.set_ylim(0, max([K, *heights]) * 1.2)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
