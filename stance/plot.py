"""Charts a reader takes in at a glance: a timeline per holder and topic, a heatmap of latest
positions, and a swimlane of every shift.

Each function takes an optional `ax=` and returns the Axes (or, for small multiples, the
Figure), as pandas and seaborn do, so notebooks can compose them; the caller saves with
`ax.figure.savefig(...)`. Every chart names its axes, puts dates on x and, where a stance is
shown, the stance scale (ruled out ... support) on y.

Artists carry a `gid` so that tests and notebooks can find what was drawn: `daily-positions`
(one point per day with a position), `shift-markers` (one point per shift) and
`shift-annotation` (a label for each of the most confident shifts) and `shift-note` (how many
shifts are left unlabelled) on a timeline, whose key (legend) is `timeline-key`; `stance-cells`
on the heatmap; `shift-markers`, `shift-label` and `shift-note` on the swimlane.

Holders and topics are shown by name (`names=`, a `stance.config.Names`; a run passes its own),
ids where no name is given.

At scale a chart shows the story, not every detail: a timeline labels its `MAX_TIMELINE_LABELS`
most confident shifts and marks the rest, the heatmap keeps the busiest holders and topics, the
swimlane the holders with most shifts; each chart says what it left out, and `stance shifts` lists
every shift.
"""
from __future__ import annotations

import math
import re
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from .config import Names
from .schema import SCORES, STANCES
from .timeline import build_timeline, position_columns

STANCE_COLOURS = {"ruled_out": "#b2182b", "oppose": "#ef8a62", "neutral": "#999999", "open": "#67a9cf",
                  "support": "#2166ac"}
KIND_MARKERS = {"reversal": "X", "hardening": "^", "softening": "v", "reported": "D"}
# A legend says what each kind of shift means, in a reader's words (see `shifts`).
KIND_WORDS = {"reversal": "reversal (to the other side)", "hardening": "hardening (firmer, same side)",
              "softening": "softening (towards neutral)", "reported": "reported (said to have changed)"}
NO_SHIFTS = "No shifts found: each holder kept one position per topic, or spoke only once"
QUOTE_CHARS = 56
NOTE_COLOUR = "#fffbe6"
# Double quotation marks that may open a quoted span, straight and typographic.
OPENING_MARKS = ("\"", "“", "„", "«", "‟")
DOUBLE_MARKS = {"“": "‘", "”": "’", "„": "‘", "‟": "‘", "«": "‹", "»": "›"}
# A wire dateline that opens a lead, "KYIV/MOSCOW, May 11 (Northbridge Wire) - ": place names in
# capitals, optionally a date or country after a comma, the agency in brackets, then a dash.
RE_DATELINE = re.compile(r"^[A-Z][A-Z/.' -]+(?:, [^()]{1,30})? \([^()]{1,40}\) [-–—] ")
# Where a timeline label may go, in points from its shift marker, best first: beside, then
# further out, above before below when the marker sits low on the scale.
TIMELINE_OFFSETS = [(14, 14), (14, -14), (-14, 14), (-14, -14), (14, 40), (14, -40), (-14, 40), (-14, -40),
                    (14, 66), (14, -66), (-14, 66), (-14, -66), (60, 14), (60, -14), (-60, 14), (-60, -14),
                    (14, 92), (14, -92), (-14, 92), (-14, -92), (120, 40), (120, -40), (-120, 40), (-120, -40)]
# A timeline labels this many of its shifts, the most confident first; past a dozen labels a
# 10-inch chart is a wall of notes (a 5 MB run drew 17 on one chart, half of them overlapping).
MAX_TIMELINE_LABELS = 6
MAX_PANEL_LABELS = 3   # a small-multiples panel is smaller
# Where a swimlane label may go, in points from its marker: right of it on the lane, just above,
# just below, then the same on the left; a label that fits none of them is left out rather than
# drawn over another.
MAX_SWIMLANE_LABELS = 80
MAX_LANE_LABELS = 3   # per holder: a busy lane of 60 markers otherwise reads as a row of words
MAX_LANES = 25        # holders with most shifts; the chart grows 0.55 in a lane, to 15 inches
MAX_HEATMAP_TOPICS = 16
TICK_CHARS = 18       # a holder's tick label is shortened past this and 4 more characters
LANE_TOPIC_CHARS = 32  # a topic's label on a swimlane, shortened past this
HEATMAP_TOPIC_CHARS = 34   # a topic's tick label on the heatmap, shortened past this
TITLE_CHARS = 90      # a longer chart title is wrapped
TITLE_CHARS_PER_INCH = 11   # characters of a medium-size title that fit in an inch, with a margin
HEATMAP_MIN_HEIGHT = 3.4    # inches
SWIMLANE_MIN_HEIGHT = 3.4   # inches
SAME_DAY_STEP = 0.2         # of a lane, between shifts of one holder on one day
# Points kept clear around a label, so neighbours never touch: a swimlane's bare words need more
# than a timeline's boxed notes, whose own frame keeps them apart.
SWIMLANE_LABEL_PAD = 4
TIMELINE_LABEL_PAD = 1.5
SWIMLANE_NOTE = (f"labelled: the most confident shifts, up to {MAX_LANE_LABELS} a holder ({{labelled}} of {{shifts}}); "
                 "the command stance shifts lists all")
SWIMLANE_OFFSETS = [(10, 0), (3, 11), (3, -11), (-10, 0), (-3, 11), (-3, -11)]
TIMELINE_SIZE = (10, 4.4)   # inches
BUSY_DAYS = 40              # a timeline with more days than this draws its position changes faint
# The line from a timeline label to its marker. It starts inside the label's opaque box, which
# is drawn over it, so it need not be clipped to the box's outline (a search along the curve
# for every label, a tenth of the time a chart took).
LABEL_ARROW = {"arrowstyle": "-", "color": "#666666", "linewidth": 0.8, "patchA": None, "shrinkA": 0}


# -- shared pieces ---------------------------------------------------------------------------------

def plural(count: int, noun: str) -> str:
    """A count with its noun, singular for one.

    >>> plural(1, "shift"), plural(3, "shift"), plural(0, "statement")
    ('1 shift', '3 shifts', '0 statements')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def short_quote(text: str, width: int = QUOTE_CHARS) -> str:
    """A statement shortened to about `width` characters and shown as a quotation, with no
    doubled quotation marks.

    A text that already opens with a quotation mark is shown in its own marks (closed if the cut
    left them open); any other text is put in “…”, its inner quotation marks made single.

    >>> short_quote('“I cannot imagine that,” the chancellor said.')
    '“I cannot imagine that,” the chancellor said.'
    >>> short_quote('"We need them too."')
    '“We need them too.”'
    >>> short_quote('“The chancellor has said plainly that German soldiers will stay home," he said.', 44)
    '“The chancellor has said plainly that…”'
    >>> short_quote('Trump said "no troops" on Tuesday')
    '“Trump said ‘no troops’ on Tuesday”'
    >>> short_quote("Trump ruled out sending US boots on the ground in Ukraine", 30)
    '“Trump ruled out sending US…”'
    >>> short_quote("KYIV/MOSCOW, May 11 (Northbridge Wire) - Putin proposed talks.")
    '“Putin proposed talks.”'
    >>> short_quote("EU leaders (all 27) - and Kyiv - said no.")
    '“EU leaders (all 27) - and Kyiv - said no.”'
    """
    words = RE_DATELINE.sub("", " ".join(str(text).split()))
    if words[:1] in OPENING_MARKS:
        words = _curly("“" + words[1:])
        shortened = textwrap.shorten(words, width=width, placeholder="…")
        opened = shortened.count("“") > shortened.count("”")
        return shortened + "”" if opened else shortened
    words = "".join(DOUBLE_MARKS.get(character, character) for character in words)
    return f"“{textwrap.shorten(_curly(words, single=True), width=width, placeholder='…')}”"


def _curly(text: str, single: bool = False) -> str:
    """Straight double quotation marks made typographic, opening and closing in turn (or single)."""
    marks = ("‘", "’") if single else ("“", "”")
    opened = not single and text.count("“") > text.count("”")   # apostrophes make single marks uncountable
    out = []
    for character in text:
        if character == '"':
            character = marks[1] if opened else marks[0]
            opened = not opened
        out.append(character)
    return "".join(out)


def topic_label(topic: str) -> str:
    """A topic id as words, for titles and tick labels.

    >>> topic_label("us_ground_troops")
    'us ground troops'
    """
    return str(topic).replace("_", " ")


def _axes(ax, size=TIMELINE_SIZE):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _between(frame: pd.DataFrame, column: str, start=None, end=None) -> pd.DataFrame:
    if start is not None:
        frame = frame[frame[column] >= pd.Timestamp(start)]
    if end is not None:
        frame = frame[frame[column] <= pd.Timestamp(end)]
    return frame


def _stance_axis(ax) -> None:
    ax.set_yticks([SCORES[s] for s in STANCES], [topic_label(s) for s in STANCES])
    for label, stance in zip(ax.get_yticklabels(), STANCES):
        label.set_color(STANCE_COLOURS[stance])   # the scale names the colours the points wear
    ax.set_ylim(-2.8, 2.8)
    ax.set_ylabel("stance")
    ax.axhline(0, color="#cccccc", linewidth=0.8, zorder=0)


class _DayFormatter(mdates.ConciseDateFormatter):
    """Matplotlib's concise dates, but an axis that spans several months names them in its
    corner ("Feb – Apr 2026"): matplotlib's "2026-Apr" under a February-to-April chart reads as
    if the chart were April's. Within one month the corner keeps the month, which no tick names."""

    def get_offset(self) -> str:
        offset = super().get_offset()
        if not offset or self.axis is None:
            return offset
        first, last = (mdates.num2date(value) for value in sorted(self.axis.get_view_interval()))
        if (first.year, first.month) == (last.year, last.month):
            return offset
        return f"{first:%b} – {last:%b %Y}" if first.year == last.year else f"{first:%b %Y} – {last:%b %Y}"


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_DayFormatter(locator))
    ax.set_xlabel("date the position was expressed")
    ax.grid(axis="x", color="#eeeeee")


def _empty(ax, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")
    return ax


def _day(value, year: bool = True) -> str:
    """`9 Oct 2025` (or `9 Oct`)."""
    day = pd.Timestamp(value)
    return f"{day.day} {day:%b %Y}" if year else f"{day.day} {day:%b}"


def _lay_out(ax) -> None:
    """Settle the figure's layout now, so labels are placed where they will finally be drawn."""
    engine = ax.figure.get_layout_engine()
    if engine is not None:
        engine.execute(ax.figure)
        # The Axes are where they will stay: saving need not lay the figure out a second time,
        # nor draw it once unseen first, as it does for a figure with any layout engine.
        import matplotlib
        with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            ax.figure.set_layout_engine(None)


class _Boxes:
    """Display-space boxes already taken on a chart, kept as one array (x0, y0, x1, y1 rows) so
    that each new label is checked against all of them at once."""

    def __init__(self, extents: np.ndarray):
        self.extents = np.asarray(extents, dtype=float).reshape(-1, 4)

    def append(self, box) -> None:
        self.extents = np.vstack([self.extents, box.extents])


def _point_boxes(ax, xs, ys, size: float = 6.0) -> _Boxes:
    """Display-space boxes `size` points around data points, so labels do not cover them."""
    size = size * ax.figure.dpi / 72
    points = ax.transData.transform(np.column_stack([mdates.date2num(pd.to_datetime(pd.Series(xs))),
                                                     np.asarray(ys, dtype=float)]))
    return _Boxes(np.column_stack([points - size, points + size]))


class _Leaders:
    """The lines drawn from labels to their markers, and those labels' boxes (display space), so
    that a new label's line crosses no other line nor runs under another label, and its box
    covers no other line: crossed lines make a reader match a quote to the wrong marker."""

    def __init__(self):
        self.lines = np.empty((0, 4))
        self.boxes = np.empty((0, 4))

    def conflicts(self, line: np.ndarray, box) -> int:
        """How many lines and boxes already drawn the label at `box`, with its `line`, would meet."""
        if not len(self.lines):
            return 0
        crossed = _segments_cross(line, self.lines)
        under = _segment_meets_boxes(line, self.boxes)
        covered = np.array([_segment_meets_boxes(other, box.extents.reshape(1, 4))[0] for other in self.lines])
        return int(crossed.sum() + under.sum() + covered.sum())

    def append(self, line: np.ndarray, box) -> None:
        self.lines = np.vstack([self.lines, line])
        self.boxes = np.vstack([self.boxes, box.extents])


def _segments_cross(line: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Whether the segment `line` (x0, y0, x1, y1) properly crosses each row of `others`."""
    def side(ax_, ay, bx, by, px, py):
        return np.sign((bx - ax_) * (py - ay) - (by - ay) * (px - ax_))
    x0, y0, x1, y1 = line
    ox0, oy0, ox1, oy1 = others.T
    return ((side(x0, y0, x1, y1, ox0, oy0) * side(x0, y0, x1, y1, ox1, oy1) < 0)
            & (side(ox0, oy0, ox1, oy1, x0, y0) * side(ox0, oy0, ox1, oy1, x1, y1) < 0))


def _segment_meets_boxes(line: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether the segment `line` runs through each box (rows x0, y0, x1, y1), by clipping it to
    the box (Liang-Barsky): it does when some part of it is left."""
    x0, y0, x1, y1 = line
    dx, dy = x1 - x0, y1 - y0
    low_x, high_x = np.minimum(boxes[:, 0], boxes[:, 2]), np.maximum(boxes[:, 0], boxes[:, 2])
    low_y, high_y = np.minimum(boxes[:, 1], boxes[:, 3]), np.maximum(boxes[:, 1], boxes[:, 3])
    enter, leave = np.zeros(len(boxes)), np.ones(len(boxes))
    meets = np.ones(len(boxes), dtype=bool)
    for step, room in ((-dx, x0 - low_x), (dx, high_x - x0), (-dy, y0 - low_y), (dy, high_y - y0)):
        if step == 0:
            meets &= room >= 0
            continue
        ratio = room / step
        if step < 0:
            enter = np.maximum(enter, ratio)
        else:
            leave = np.minimum(leave, ratio)
    return meets & (enter <= leave)


def _place(ax, text: str, anchor, offsets, taken: _Boxes, keep_crowded: bool, pad: float,
           leaders: _Leaders | None = None, **style):
    """Add `text` at the first offset from `anchor` where it overlaps nothing in `taken` and stays
    inside the Axes (and, given `leaders`, where its line to the anchor meets no other label or
    line); if no offset is free, at the least crowded one (`keep_crowded`) or not at all.
    `pad`: points kept clear around it. Returns the label, or None."""
    from matplotlib.text import Text
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    pad = pad * ax.figure.dpi / 72
    label = ax.annotate(text, anchor, xytext=offsets[0], textcoords="offset points", **style)
    label.set_in_layout(False)   # labels are placed inside the Axes; they must not move it
    best = None
    others = taken.extents
    # An annotation finds its place only when drawn; the transform from its anchor is the same
    # at every offset, so it is set once, and each offset only moves the words.
    label.update_positions(renderer)
    target = ax.transData.transform(anchor)
    for offset in offsets:
        _move(label, offset)
        box = Text.get_window_extent(label, renderer).padded(pad)   # the words, not the arrow
        # The line runs from the middle of the label's box to its marker.
        line = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, *target])
        overlaps = _overlap_count(box, others) + (leaders.conflicts(line, box) if leaders is not None else 0)
        outside = not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1)
        score = overlaps + 3 * outside   # a label cut off at the edge is worse than one overlap
        if best is None or score < best[0]:
            best = (score, offset, box, line)
        if score == 0:
            break
    score, offset, box, line = best
    if score and not keep_crowded:
        label.remove()
        return None
    _move(label, offset)
    taken.append(box)
    if leaders is not None:
        leaders.append(line, box)
    return label


def _overlap_count(box, others: np.ndarray) -> int:
    """How many of the boxes (rows of x0, y0, x1, y1) overlap `box` (as `Bbox.overlaps` counts)."""
    if not len(others):
        return 0
    x0, y0, x1, y1 = box.extents
    low_x, high_x = np.minimum(others[:, 0], others[:, 2]), np.maximum(others[:, 0], others[:, 2])
    low_y, high_y = np.minimum(others[:, 1], others[:, 3]), np.maximum(others[:, 1], others[:, 3])
    apart = (high_x < min(x0, x1)) | (low_x > max(x0, x1)) | (high_y < min(y0, y1)) | (low_y > max(y0, y1))
    return int((~apart).sum())


def _move(label, offset) -> None:
    """Put a label at an offset from its anchor, aligned so that it grows away from the anchor."""
    dx, dy = offset
    label.xyann = offset
    label.set_horizontalalignment("left" if dx >= 0 else "right")
    label.set_verticalalignment("center" if dy == 0 else "bottom" if dy > 0 else "top")


# -- timeline --------------------------------------------------------------------------------------

def plot_timeline(statements: pd.DataFrame, shifts: pd.DataFrame, holder: str, topic: str, ax=None,
                  start=None, end=None, annotate: bool = True, max_labels: int = MAX_TIMELINE_LABELS,
                  names: Names | None = None):
    """One holder's stance on one topic over time; returns the Axes.

    A dot per day with a position (its size: the evidence's confidence; its colour: the stance),
    a bar while that position holds (until the next one, at most `timeline.CARRY_DAYS` days),
    rings where equally strong statements of one day disagree, and each shift circled by a
    marker shaped by its kind. The `max_labels` most confident shifts are labelled with their
    date, move and a short quote, where a label covers no other; a note in a corner counts the
    shifts left unlabelled. `names` (a `stance.config.Names`) gives the holder's and topic's
    names for the title and labels; without it, ids are shown.
    """
    ax = _axes(ax)
    days, moved = _draw_timeline(ax, statements, shifts, holder, topic, start, end, names or Names())
    if not days.empty:
        _timeline_legend(ax, days, moved)
    if annotate and not moved.empty:
        _lay_out(ax)
        _label_shifts(ax, moved, days, max_labels, names or Names())
    return ax


def _draw_timeline(ax, statements, shifts, holder, topic, start, end, names: Names) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Everything of a timeline but the shift labels; returns the daily positions and the shifts."""
    rows = statements[(statements["holder"] == holder) & (statements["topic"] == topic)]
    rows = _between(rows, "date", start, end)
    days = build_timeline(rows)
    moved = shifts[(shifts["holder"] == holder) & (shifts["topic"] == topic)]
    moved = _between(moved, "to_date", start, end).sort_values("to_date", kind="stable")
    ax.set_title(_title(f"{names.holder(holder)} — {names.topic(topic)}",
                        f"{plural(len(rows), 'statement')}, {plural(len(moved), 'shift')}"))
    _stance_axis(ax)
    _date_axis(ax)
    if days.empty:
        _empty(ax, f"No statement by {names.holder(holder)} on {names.topic(topic)}"
                   + (" in these dates" if start is not None or end is not None else ""))
        return days, moved.iloc[:0]
    _draw_positions(ax, days)
    _set_date_range(ax, pd.concat([days["date"], moved["to_date"]]))
    for kind, group in moved.groupby("kind", sort=True):
        ax.scatter(group["to_date"], group["to_score"], marker=KIND_MARKERS.get(kind, "o"), s=170,
                   facecolors="none", edgecolors="black", linewidths=1.4, zorder=4, gid="shift-markers",
                   label=f"shift: {KIND_WORDS.get(kind, kind)}")
    return days, moved


def _timeline_legend(ax, days: pd.DataFrame, moved: pd.DataFrame) -> None:
    """A key under the chart, one row: what a dot, a bar, a ring and each shift marker mean."""
    from matplotlib.transforms import ScaledTranslation
    handles = _key_handles(bool(days["tied"].any()), moved["kind"].unique())
    # Below the date labels, whatever the chart's size: an offset in points, not in Axes units.
    below = ax.transAxes + ScaledTranslation(0, -36 / 72, ax.figure.dpi_scale_trans)
    legend = ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=below,
                       ncols=len(handles), fontsize=7.5, frameon=False, handletextpad=0.5, columnspacing=1.5)
    legend.set_gid("timeline-key")


def _key_handles(tied: bool, kinds) -> list:
    """The key's entries: a day's position, a position held, tied evidence (if any), each kind of shift."""
    from matplotlib.lines import Line2D
    shade = STANCE_COLOURS["support"]
    handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=shade, markeredgecolor="white", markersize=8,
                      label="a day's position (larger: surer)"),
               Line2D([], [], color=shade, alpha=0.35, linewidth=3, label="position held")]
    if tied:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor="#666666",
                              markersize=7, label="tied evidence"))
    handles += [Line2D([], [], marker=KIND_MARKERS.get(kind, "o"), linestyle="", markerfacecolor="none",
                       markeredgecolor="black", markersize=9, label=KIND_WORDS.get(kind, kind))
                for kind in sorted(kinds)]
    return handles


def _draw_positions(ax, days: pd.DataFrame) -> None:
    from matplotlib.collections import LineCollection
    held, joins = [], []
    rows = list(days.itertuples(index=False))
    for day, following in zip(rows, rows[1:] + [None]):
        start, until = mdates.date2num(day.date), mdates.date2num(day.valid_until)
        held.append([(start, day.score), (until, day.score)])
        if following is not None and following.date <= day.valid_until:
            at = mdates.date2num(following.date)
            joins.append([(at, day.score), (at, following.score)])
    ax.add_collection(LineCollection(held, colors=[STANCE_COLOURS[s] for s in days["stance"]], linewidths=3,
                                     alpha=0.35, zorder=1, gid="positions-held", label="position held"))
    if joins:
        # Past a few dozen days the joins are a wall of verticals: drawn faint, they keep the path.
        faint = len(days) > BUSY_DAYS
        ax.add_collection(LineCollection(joins, colors="#888888", linewidths=0.7 if faint else 1, linestyles="dotted",
                                         alpha=0.35 if faint else 1, zorder=1, gid="position-changes"))
    ax.scatter(days["date"], days["score"], s=25 + 90 * days["confidence"].clip(0, 1),
               c=[STANCE_COLOURS[s] for s in days["stance"]], edgecolors="white", linewidths=0.8, zorder=3,
               gid="daily-positions", label="daily position")
    tied = [(day.date, SCORES[other]) for day in days[days["tied"]].itertuples(index=False)
            for other in str(day.stances).split(",") if other and other != day.stance]
    if tied:
        ax.scatter([when for when, _ in tied], [score for _, score in tied], s=45, facecolors="none",
                   edgecolors="#666666", linewidths=1, linestyles="dashed", zorder=2, gid="tied-positions",
                   label="tied: equally strong evidence")


def _set_date_range(ax, dates: pd.Series, room: float = 0.3) -> None:
    """Show every date, with `room` (a share of the span) on the right for labels."""
    first, last = dates.min(), dates.max()
    span = max(last - first, pd.Timedelta(days=6))
    ax.set_xlim(first - span * 0.04 - pd.Timedelta(days=1), last + span * room + pd.Timedelta(days=1))


def _label_shifts(ax, moved: pd.DataFrame, days: pd.DataFrame, max_labels: int = MAX_TIMELINE_LABELS,
                  names: Names | None = None) -> None:
    """Label the `max_labels` most confident shifts with their date, move and a short quote: the
    strongest wherever it goes best, the others only where they cover no other label. A note
    counts the shifts left as bare markers."""
    taken = _point_boxes(ax, days["date"], days["score"])
    leaders = _Leaders()
    ranked = moved.sort_values(["confidence", "to_date"], ascending=[False, False], kind="stable")
    labelled = 0
    for shift in ranked.itertuples(index=False):
        if labelled >= max_labels:
            break
        low = shift.to_score <= 0
        offsets = sorted(TIMELINE_OFFSETS, key=lambda offset: (offset[1] < 0) if low else (offset[1] > 0))
        if shift.reported:
            reporter = (names or Names()).holder(shift.speaker) if shift.speaker not in ("", "author") else "the author"
            move = f"reported by {reporter}, now {topic_label(shift.to_stance)}"
        else:
            move = f"{shift.kind}: {topic_label(shift.from_stance) or '?'} → {topic_label(shift.to_stance)}"
        text = f"{_day(shift.to_date)}, {move}\n{short_quote(shift.after_text)}"
        label = _place(ax, text, (mdates.date2num(shift.to_date), shift.to_score), offsets, taken,
                       keep_crowded=labelled == 0, pad=TIMELINE_LABEL_PAD, leaders=leaders, fontsize=7.5,
                       arrowprops=LABEL_ARROW,
                       bbox={"boxstyle": "round,pad=0.3", "fc": NOTE_COLOUR, "ec": "#cccccc"}, zorder=5)
        if label is not None:
            label.set_gid("shift-annotation")
            labelled += 1
    if labelled < len(moved):
        left = len(moved) - labelled
        _corner_note(ax, f"{plural(left, 'more shift')} marked but not labelled (less confident); "
                         "the command stance shifts lists all", taken)


def _corner_note(ax, text: str, taken: _Boxes):
    """A one-line note in the corner of the Axes that covers the fewest points and labels."""
    renderer = ax.figure.canvas.get_renderer()
    note = ax.text(0, 0, text, transform=ax.transAxes, fontsize=7.5, color="#555555", style="italic", zorder=6,
                   gid="shift-note", bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})
    note.set_in_layout(False)
    best = None
    for x, y, ha, va in ((0.99, 0.02, "right", "bottom"), (0.01, 0.02, "left", "bottom"),
                         (0.99, 0.98, "right", "top"), (0.01, 0.98, "left", "top")):
        note.set_position((x, y))
        note.set_horizontalalignment(ha)
        note.set_verticalalignment(va)
        count = _overlap_count(note.get_window_extent(renderer), taken.extents)
        if best is None or count < best[0]:
            best = (count, x, y, ha, va)
        if count == 0:
            break
    _, x, y, ha, va = best
    note.set_position((x, y))
    note.set_horizontalalignment(ha)
    note.set_verticalalignment(va)
    taken.append(note.get_window_extent(renderer))
    return note


def plot_timelines(statements: pd.DataFrame, shifts: pd.DataFrame, holder: str | None = None,
                   topic: str | None = None, start=None, end=None, max_panels: int = 12, ax=None,
                   names: Names | None = None):
    """Small multiples: every holder x topic series that has a shift, one panel each, in holder and
    topic order; returns the Figure. Past `max_panels` series, those whose strongest shift is most
    confident are drawn, and the figure's title says how many are not. A `holder` or `topic` with
    no shift gets a panel per series it has, shifts or not, and a title that says so.

    `ax` may be an array of Axes to draw the panels into (as many as there are series, or more).
    """
    import matplotlib.pyplot as plt
    selected = _between(shifts, "to_date", start, end)
    if holder is not None:
        selected = selected[selected["holder"] == holder]
    if topic is not None:
        selected = selected[selected["topic"] == topic]
    strongest = selected.groupby(["holder", "topic"], as_index=False)["confidence"].max()
    unmoved = strongest.empty and (holder is not None or topic is not None)
    if unmoved:   # a holder or topic asked for that never moved: its steady positions, not a blank
        strongest = _steady_series(statements, holder, topic, start, end)
    chosen = strongest.sort_values(["confidence", "holder", "topic"], ascending=[False, True, True],
                                   kind="stable").head(max_panels)
    pairs = list(chosen.sort_values(["holder", "topic"])[["holder", "topic"]].itertuples(index=False))
    left_out = len(strongest) - len(pairs)
    if ax is not None:
        panels = list(np.ravel(ax))
        if len(panels) < len(pairs):
            raise ValueError(f"{len(pairs)} series have a shift but {len(panels)} Axes were given; "
                             "pass more Axes, or choose a holder or topic")
        figure = panels[0].figure
    elif not pairs:
        figure, only = plt.subplots(figsize=(8, 3), layout="constrained")
        panels = [only]
    else:
        columns = 1 if len(pairs) == 1 else 2
        rows = math.ceil(len(pairs) / columns)
        figure, grid = plt.subplots(rows, columns, figsize=(8 * columns, 3.6 * rows), squeeze=False,
                                    layout="constrained")
        panels = list(grid.flat)
        if unmoved:
            asked = " ".join(f"{word} '{name}'" for word, name in (("of", holder), ("on", topic)) if name is not None)
            figure.suptitle(f"No shift {asked}: the positions held, a panel per holder and topic"
                            + (f" (the {len(pairs)} with most statements; {left_out} more)" if left_out else ""))
        elif left_out:
            figure.suptitle(f"{len(pairs)} of {len(strongest)} holder × topic series with shifts: those with the "
                            f"most confident shifts ({left_out} more; choose by holder and topic)")
    if not pairs:
        _empty(panels[0], NO_SHIFTS)
        panels[0].set_axis_off()
        return figure
    names = names or Names()
    drawn = [(panel, *_draw_timeline(panel, statements, shifts, pair_holder, pair_topic, start, end, names))
             for panel, (pair_holder, pair_topic) in zip(panels, pairs)]
    for panel in panels[len(pairs):]:
        panel.set_axis_off()
    if ax is None:   # one key for the figure, under its panels
        tied = any(bool(days["tied"].any()) for _, days, _ in drawn if not days.empty)
        kinds = {kind for _, _, moved in drawn for kind in moved["kind"]}
        handles = _key_handles(tied, kinds)
        key = figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8,
                            frameon=False)
        key.set_gid("timelines-key")
    _lay_out(panels[0])   # once for the whole figure: labels go where the panels end up
    for panel, days, moved in drawn:
        if not moved.empty:
            _label_shifts(panel, moved, days, MAX_PANEL_LABELS, names)
    return figure


def _steady_series(statements: pd.DataFrame, holder, topic, start, end) -> pd.DataFrame:
    """The holder x topic series of a holder (or topic) without shifts, each ranked by its number
    of statements, in the `confidence` column small multiples rank series by."""
    chosen = _between(statements, "date", start, end)
    chosen = chosen[(chosen["holder"] != "") & (chosen["topic"] != "")]
    if holder is not None:
        chosen = chosen[chosen["holder"] == holder]
    if topic is not None:
        chosen = chosen[chosen["topic"] == topic]
    counts = chosen.groupby(["holder", "topic"], as_index=False, observed=True).size()
    return counts.rename(columns={"size": "confidence"})


# -- heatmap ---------------------------------------------------------------------------------------

def plot_heatmap(statements: pd.DataFrame, ax=None, start=None, end=None, holders=None, topics=None,
                 max_holders: int = 20, max_topics: int = MAX_HEATMAP_TOPICS, names: Names | None = None):
    """Holders x topics, each cell coloured by the holder's latest stance on the topic and labelled
    with its date (blank: no statement); returns the Axes. The `max_holders` holders and the
    `max_topics` topics with the most positions are shown; the title names how many are not.
    Ticks show `names` (a `stance.config.Names`), ids without it."""
    from matplotlib.colors import BoundaryNorm, ListedColormap
    names = names or Names()
    named = (statements["holder"] != "") & (statements["topic"] != "")
    if holders is not None:
        named &= statements["holder"].isin(holders)
    if topics is not None:
        named &= statements["topic"].isin(topics)
    days = build_timeline(_between(position_columns(statements, named), "date", start, end))
    if days.empty:
        ax = _axes(ax)
        _empty(ax, "No statement names both a holder and a topic: there is no position to show")
        ax.set_axis_off()
        return ax
    latest = days.sort_values("date", kind="stable").groupby(["holder", "topic"]).tail(1)
    busiest_holders = _busiest(days["holder"], max_holders)
    busiest_topics = _busiest(days["topic"], max_topics)
    left_out = {"holder": days["holder"].nunique() - len(busiest_holders),
                "topic": days["topic"].nunique() - len(busiest_topics)}
    latest = latest[latest["holder"].isin(busiest_holders) & latest["topic"].isin(busiest_topics)]
    grid = latest.pivot(index="holder", columns="topic", values="score")
    # In the order a reader looks names up: by the name shown, not by id.
    grid = grid.loc[sorted(grid.index, key=lambda holder: (names.holder(holder).casefold(), holder)),
                    sorted(grid.columns, key=lambda topic: (names.topic(topic).casefold(), topic))]
    dates = latest.pivot(index="holder", columns="topic", values="date").reindex_like(grid)
    # At least tall enough for the colour scale's five names to stand apart.
    ax = _axes(ax, size=(min(16.0, 3.2 + 0.85 * grid.shape[1]), min(14.0, max(HEATMAP_MIN_HEIGHT, 2.0 + 0.42 * grid.shape[0]))))
    cmap = ListedColormap([STANCE_COLOURS[s] for s in STANCES])
    norm = BoundaryNorm(np.arange(-2.5, 3.0, 1.0), cmap.N)
    image = ax.imshow(np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap, norm=norm, aspect="auto")
    image.set_gid("stance-cells")
    # Without the year, "1 Oct" of a run over two years could be either.
    one_year = latest["date"].dt.year.nunique() == 1
    for (row, column), score in np.ndenumerate(grid.to_numpy(dtype=float)):
        if not np.isnan(score):
            day = pd.Timestamp(dates.iat[row, column])
            ax.text(column, row, _day(day, year=False) if one_year else f"{_day(day, year=False)}\n{day.year}",
                    ha="center", va="center", fontsize=7,
                    color="white" if abs(score) == 2 else "black", gid="cell-date")
    # One line each: wrapped labels, turned, run into their neighbours.
    ax.set_xticks(range(grid.shape[1]), [_short(names.topic(topic), HEATMAP_TOPIC_CHARS) for topic in grid.columns],
                  rotation=35, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(grid.shape[0]), [_short(names.holder(holder)) for holder in grid.index])
    ax.set_xticks(np.arange(-0.5, grid.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, grid.shape[0]), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("topic")
    ax.set_ylabel("holder")
    lines = ["Latest stance of each holder on each topic", "(in a cell: the date of that stance; blank: no statement)"]
    hidden = [f"{plural(count, name)}" for name, count in left_out.items() if count > 0]
    if hidden:
        lines.append(f"{' and '.join(hidden)} with fewer positions not shown")
    # A heatmap of few topics is narrow: its title is wrapped to the figure, not cut at its edges.
    width = max(30, int(ax.figure.get_figwidth() * TITLE_CHARS_PER_INCH))
    ax.set_title("\n".join(textwrap.fill(line, width) for line in lines), fontsize="medium")
    colourbar = ax.figure.colorbar(image, ax=ax, ticks=[SCORES[s] for s in STANCES], fraction=0.035, pad=0.02)
    colourbar.ax.set_yticklabels([topic_label(s) for s in STANCES])
    colourbar.set_label("stance")
    return ax


def _busiest(names: pd.Series, count: int) -> list[str]:
    """The `count` names that occur most often (ties: in name order)."""
    counts = names.astype(str).value_counts(sort=False).rename_axis("name").reset_index()
    return list(counts.sort_values(["count", "name"], ascending=[False, True], kind="stable")["name"].head(count))


# -- swimlane --------------------------------------------------------------------------------------

def plot_swimlane(shifts: pd.DataFrame, ax=None, start=None, end=None, holders=None, topics=None,
                  max_holders: int = MAX_LANES, names: Names | None = None):
    """Every shift on one time axis, a lane per holder (named with its count of shifts); returns
    the Axes.

    Each shift is a marker shaped by its kind and coloured by the new stance. The most confident
    shifts of each lane (up to `MAX_LANE_LABELS`) are labelled with the topic and the move where
    there is room (crowded labels are left out, never overlapped). The `max_holders` holders
    with most shifts get a lane; the title names how many are left out. Lanes and labels show
    `names` (a `stance.config.Names`), ids without it.
    """
    from matplotlib.lines import Line2D
    names = names or Names()
    rows = _between(shifts, "to_date", start, end)
    if holders is not None:
        rows = rows[rows["holder"].isin(holders)]
    if topics is not None:
        rows = rows[rows["topic"].isin(topics)]
    counts = rows["holder"].value_counts(sort=False)
    busiest = counts.reset_index().sort_values(["count", "holder"], ascending=[False, True], kind="stable")
    lanes = sorted(busiest["holder"].head(max_holders), key=lambda holder: (names.holder(holder).casefold(), holder))
    left_out = len(counts) - len(lanes)
    rows = rows[rows["holder"].isin(lanes)].sort_values(["to_date", "holder", "topic"], kind="stable")
    # At least tall enough for the two keys on the right to stand one above the other.
    ax = _axes(ax, size=(13, min(15.0, max(SWIMLANE_MIN_HEIGHT, 1.4 + 0.55 * max(1, len(lanes))))))
    if rows.empty:
        _empty(ax, NO_SHIFTS)
        ax.set_axis_off()
        return ax
    lane_of = {holder: index for index, holder in enumerate(lanes)}
    # Shifts of one holder on one day (two topics moved at once) are stacked across the lane,
    # not drawn on one spot where the second hides the first.
    same_day = rows.groupby(["holder", "to_date"], sort=False)
    place = same_day.cumcount() - (same_day["topic"].transform("size") - 1) / 2
    rows = rows.assign(lane_y=rows["holder"].map(lane_of) + place.clip(-2, 2) * SAME_DAY_STEP)
    for index in range(len(lanes)):
        if index % 2 == 0:
            ax.axhspan(index - 0.5, index + 0.5, color="#f5f5f5", zorder=0)
    for kind, group in rows.groupby("kind", sort=True):
        ax.scatter(group["to_date"], group["lane_y"], marker=KIND_MARKERS.get(kind, "o"), s=80,
                   c=[STANCE_COLOURS.get(s, "#999999") for s in group["to_stance"]], edgecolors="black",
                   linewidths=0.7, zorder=3, gid="shift-markers", label=kind)
    ax.set_yticks(range(len(lanes)), [f"{_short(names.holder(holder))} ({counts[holder]})" for holder in lanes])
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.set_ylabel("holder (shifts)")
    _date_axis(ax)
    ax.set_xlabel("date of the new position")
    _set_date_range(ax, rows["to_date"], room=0.15)
    title = f"{plural(len(rows), 'shift')} of {plural(len(lanes), 'holder')} (shape: kind of shift; colour: new stance)"
    if left_out:
        title += f"\n{plural(left_out, 'holder')} with fewer shifts not shown"
    ax.set_title(title)
    kinds = [Line2D([], [], marker=KIND_MARKERS.get(kind, "o"), linestyle="", markerfacecolor="white",
                    markeredgecolor="black", markersize=8, label=KIND_WORDS.get(kind, kind))
             for kind in sorted(rows["kind"].unique())]
    stances = [Line2D([], [], marker="s", linestyle="", markerfacecolor=STANCE_COLOURS[s], markeredgecolor="none",
                      markersize=9, label=topic_label(s)) for s in reversed(STANCES)]
    legend = ax.legend(handles=kinds, title="kind", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
                       frameon=False)
    ax.add_artist(legend)
    legend.set_clip_on(False)   # added as an artist, it is clipped to the Axes and left out of a tight save
    ax.legend(handles=stances, title="new stance", loc="lower left", bbox_to_anchor=(1.01, 0.0), fontsize=8,
              frameon=False)
    # Which shifts carry a label is known only once they are placed, after the layout: the note
    # saying so gets its line under the date axis now (beside the legends it ran into them on a
    # chart of one or two lanes) and its words, or none, then.
    note = ax.annotate(SWIMLANE_NOTE.format(labelled=len(rows), shifts=len(rows)), xy=(0, 0),
                       xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -4), textcoords="offset points",
                       ha="left", va="top", fontsize=7.5, color="#555555", style="italic", gid="shift-note")
    _lay_out(ax)
    taken = _point_boxes(ax, rows["to_date"], rows["lane_y"], size=4.5)
    # The most confident shifts are labelled first, a few a lane; the other markers speak alone.
    ranked = rows.sort_values(["confidence", "to_date"], ascending=[False, False], kind="stable")
    per_lane = dict.fromkeys(lanes, 0)
    for shift in ranked.head(MAX_SWIMLANE_LABELS).itertuples(index=False):
        if per_lane[shift.holder] >= MAX_LANE_LABELS:
            continue
        topic = _short(names.topic(shift.topic), LANE_TOPIC_CHARS)
        text = f"{topic}: {topic_label(shift.from_stance) or '?'}→{topic_label(shift.to_stance)}"
        if shift.reported:
            text = f"{topic}: reported move to {topic_label(shift.to_stance)}"
        label = _place(ax, text, (mdates.date2num(shift.to_date), shift.lane_y), SWIMLANE_OFFSETS, taken,
                       keep_crowded=False, pad=SWIMLANE_LABEL_PAD, fontsize=7, color="#333333", zorder=4)
        if label is not None:
            label.set_gid("shift-label")
            per_lane[shift.holder] += 1
    labelled = sum(per_lane.values())
    if labelled < len(rows):
        note.set_text(SWIMLANE_NOTE.format(labelled=labelled, shifts=len(rows)))
    else:
        note.remove()
    return ax


def _short(name: str, width: int = TICK_CHARS + 4) -> str:
    """A long name cut to about `width` characters, at a word where there is one, for a label.

    >>> _short("trump"), _short("ukrainian_government_delegation_in_istanbul")
    ('trump', 'ukrainian_government_…')
    >>> _short("Secondary tariffs on buyers of Russian oil", 28)
    'Secondary tariffs on buyers…'
    """
    name = str(name)
    if len(name) <= width:
        return name
    cut = name[:width - 1]
    if " " in cut and not name[width - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]   # whole words read better than a word cut in two
    return cut.rstrip(" ,;:-") + "…"


def _title(text: str, detail: str) -> str:
    """A chart title with its detail in brackets, or, when that is too long for one line, the
    title wrapped and the detail on a line of its own."""
    whole = f"{text} ({detail})"
    return whole if len(whole) <= TITLE_CHARS else f"{textwrap.fill(text, TITLE_CHARS)}\n{detail}"
