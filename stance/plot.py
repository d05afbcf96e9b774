"""Charts a reader takes in at a glance: a timeline per holder and topic, a heatmap of latest
positions, and a swimlane of every shift.

Each function takes an optional `ax=` and returns the Axes (or, for small multiples, the
Figure), as pandas and seaborn do, so notebooks can compose them; the caller saves.
"""
from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from .schema import SCORES, STANCES
from .timeline import build_timeline

STANCE_COLOURS = {"ruled_out": "#b2182b", "oppose": "#ef8a62", "neutral": "#999999", "open": "#67a9cf",
                  "support": "#2166ac"}
KIND_MARKERS = {"reversal": "X", "hardening": "^", "softening": "v", "reported": "D"}
QUOTE_CHARS = 60


def _axes(ax, size=(9, 4)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt
    _, ax = plt.subplots(figsize=size, constrained_layout=True)
    return ax


def _between(frame: pd.DataFrame, column: str, start=None, end=None) -> pd.DataFrame:
    if start is not None:
        frame = frame[frame[column] >= pd.Timestamp(start)]
    if end is not None:
        frame = frame[frame[column] <= pd.Timestamp(end)]
    return frame


def _short(text: str, width: int = QUOTE_CHARS) -> str:
    return textwrap.shorten(" ".join(str(text).split()), width=width, placeholder="…")


def _stance_axis(ax) -> None:
    ax.set_yticks([SCORES[s] for s in STANCES], [s.replace("_", " ") for s in STANCES])
    ax.set_ylim(-2.7, 2.9)
    ax.set_ylabel("stance")
    ax.axhline(0, color="#cccccc", linewidth=0.8, zorder=0)


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("date the position was expressed")


def plot_timeline(statements: pd.DataFrame, shifts: pd.DataFrame, holder: str, topic: str, ax=None,
                  start=None, end=None, annotate: bool = True):
    """One holder's stance on one topic over time: a dot per statement, a line through the daily
    positions, and each shift marked with its date and a short quote."""
    ax = _axes(ax)
    rows = statements[(statements["holder"] == holder) & (statements["topic"] == topic)]
    rows = _between(rows, "date", start, end)
    days = build_timeline(rows)
    if days.empty:
        ax.text(0.5, 0.5, f"no statements by {holder} on {topic}", ha="center", va="center", transform=ax.transAxes)
        _stance_axis(ax)
        ax.set_title(f"{holder} on {topic.replace('_', ' ')}")
        return ax
    ax.step(days["date"], days["score"], where="post", color="#444444", linewidth=1.2, alpha=0.6, label="position")
    ax.scatter(days["date"], days["score"], s=20 + 80 * days["confidence"],
               c=[STANCE_COLOURS[s] for s in days["stance"]], edgecolors="white", linewidths=0.8, zorder=3,
               label="daily position")
    moved = shifts[(shifts["holder"] == holder) & (shifts["topic"] == topic)]
    moved = _between(moved, "to_date", start, end)
    for number, (_, shift) in enumerate(moved.iterrows()):
        marker = KIND_MARKERS.get(shift["kind"], "o")
        ax.scatter([shift["to_date"]], [shift["to_score"]], marker=marker, s=140, facecolors="none",
                   edgecolors="black", linewidths=1.4, zorder=4)
        if annotate:
            label = f"{shift['to_date']:%d %b}: {shift['kind']}\n“{_short(shift['after_text'], 48)}”"
            ax.annotate(label, (shift["to_date"], shift["to_score"]), xytext=(12, 18 - 30 * (number % 2)),
                        textcoords="offset points", fontsize=7.5, arrowprops={"arrowstyle": "-", "color": "#666666"},
                        bbox={"boxstyle": "round,pad=0.3", "fc": "#fffbe6", "ec": "#cccccc"})
    _stance_axis(ax)
    _date_axis(ax)
    if len(days) == 1:
        day = days["date"].iloc[0]
        ax.set_xlim(day - pd.Timedelta(days=3), day + pd.Timedelta(days=3))
    else:
        span = days["date"].max() - days["date"].min()
        ax.set_xlim(days["date"].min() - span * 0.05 - pd.Timedelta(days=1),
                    days["date"].max() + span * 0.25 + pd.Timedelta(days=1))
    ax.set_title(f"{holder} on {topic.replace('_', ' ')}: {len(rows)} statements, {len(moved)} shifts")
    ax.grid(axis="x", color="#eeeeee")
    return ax


def plot_timelines(statements: pd.DataFrame, shifts: pd.DataFrame, holder: str | None = None,
                   topic: str | None = None, start=None, end=None, max_panels: int = 12):
    """Small multiples: every holder x topic series that has a shift, one panel each. Returns the Figure."""
    import matplotlib.pyplot as plt
    pairs = shifts[["holder", "topic"]].drop_duplicates()
    if holder is not None:
        pairs = pairs[pairs["holder"] == holder]
    if topic is not None:
        pairs = pairs[pairs["topic"] == topic]
    pairs = list(pairs.itertuples(index=False))[:max_panels]
    if not pairs:
        figure, ax = plt.subplots(figsize=(8, 3), constrained_layout=True)
        ax.text(0.5, 0.5, "no shifts found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return figure
    columns = 1 if len(pairs) == 1 else 2
    rows = math.ceil(len(pairs) / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(7 * columns, 3.2 * rows), squeeze=False,
                                constrained_layout=True)
    for ax, (pair_holder, pair_topic) in zip(axes.flat, pairs):
        plot_timeline(statements, shifts, pair_holder, pair_topic, ax=ax, start=start, end=end)
    for ax in list(axes.flat)[len(pairs):]:
        ax.set_axis_off()
    return figure


def plot_heatmap(statements: pd.DataFrame, ax=None, start=None, end=None, holders=None, topics=None,
                 max_holders: int = 20):
    """Holders x topics coloured by each holder's latest stance on each topic (blank: none)."""
    from matplotlib.colors import BoundaryNorm, ListedColormap
    rows = _between(statements[(statements["holder"] != "") & (statements["topic"] != "")], "date", start, end)
    if holders is not None:
        rows = rows[rows["holder"].isin(holders)]
    if topics is not None:
        rows = rows[rows["topic"].isin(topics)]
    days = build_timeline(rows)
    if days.empty:
        ax = _axes(ax)
        ax.text(0.5, 0.5, "no attributed statements", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    latest = days.sort_values("date").groupby(["holder", "topic"]).tail(1)
    busiest = latest["holder"].value_counts().index[:max_holders]
    latest = latest[latest["holder"].isin(busiest)]
    grid = latest.pivot(index="holder", columns="topic", values="score").sort_index().sort_index(axis=1)
    ax = _axes(ax, size=(1.0 + 0.75 * grid.shape[1], 1.2 + 0.42 * grid.shape[0]))
    cmap = ListedColormap([STANCE_COLOURS[s] for s in STANCES])
    norm = BoundaryNorm(np.arange(-2.5, 3.0, 1.0), cmap.N)
    image = ax.imshow(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap, norm=norm, aspect="auto")
    ax.set_xticks(range(grid.shape[1]), [t.replace("_", " ") for t in grid.columns], rotation=40, ha="right")
    ax.set_yticks(range(grid.shape[0]), grid.index)
    ax.set_xlabel("topic")
    ax.set_ylabel("holder")
    ax.set_title("Latest stance of each holder on each topic")
    colourbar = ax.figure.colorbar(image, ax=ax, ticks=[SCORES[s] for s in STANCES], fraction=0.04)
    colourbar.ax.set_yticklabels([s.replace("_", " ") for s in STANCES])
    return ax


def plot_swimlane(shifts: pd.DataFrame, ax=None, start=None, end=None, holders=None, topics=None):
    """Every shift on one time axis: a lane per holder, a marker per shift shaped by its kind,
    labelled with the topic and the move."""
    rows = _between(shifts, "to_date", start, end)
    if holders is not None:
        rows = rows[rows["holder"].isin(holders)]
    if topics is not None:
        rows = rows[rows["topic"].isin(topics)]
    lanes = sorted(rows["holder"].unique())
    ax = _axes(ax, size=(10, 1.5 + 0.6 * max(1, len(lanes))))
    if rows.empty:
        ax.text(0.5, 0.5, "no shifts found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    lane_of = {holder: index for index, holder in enumerate(lanes)}
    for kind, group in rows.groupby("kind"):
        ax.scatter(group["to_date"], group["holder"].map(lane_of), marker=KIND_MARKERS.get(kind, "o"), s=90,
                   c=[STANCE_COLOURS.get(s, "#999999") for s in group["to_stance"]], edgecolors="black",
                   linewidths=0.7, label=kind, zorder=3)
    for _, shift in rows.iterrows():
        ax.annotate(f"{shift['topic'].replace('_', ' ')}: {shift['from_stance'] or '?'}→{shift['to_stance']}",
                    (shift["to_date"], lane_of[shift["holder"]]), xytext=(6, 7), textcoords="offset points",
                    fontsize=7)
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_ylabel("holder")
    _date_axis(ax)
    ax.set_title(f"{len(rows)} shifts (colour: new stance; shape: kind)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, title="kind")
    ax.grid(axis="x", color="#eeeeee")
    return ax
