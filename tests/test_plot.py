"""Charts: what the image shows, read back from the matplotlib objects (labels, ticks, points,
markers, annotations, cells, lanes, date range), on the seed live blog and on small tables."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import stance  # noqa: E402
from stance import plot, schema  # noqa: E402
from stance.config import Actor, Actors, Names, Topic, Topics  # noqa: E402

STANCE_TICKS = ["ruled out", "oppose", "neutral", "open", "support"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seed_run(seed_path):
    return stance.analyze([seed_path])


def statements_table(*rows) -> pd.DataFrame:
    """Statements from (holder, topic, stance, date, confidence, text) tuples."""
    records = [{"statement_id": f"s{number}", "doc_id": "doc", "holder": holder, "speaker": holder, "topic": topic,
                "stance": stance_, "score": schema.SCORES[stance_], "date": pd.Timestamp(day), "confidence": confidence,
                "text": text, "attribution": "reported", "date_precision": "day", "doc_date": pd.Timestamp(day),
                "start": 0, "end": len(text)}
               for number, (holder, topic, stance_, day, confidence, text) in enumerate(rows)]
    return schema.conform(pd.DataFrame(records), schema.STATEMENT_COLUMNS)


def shifts_table(*rows) -> pd.DataFrame:
    """Shifts from (holder, topic, from_stance, to_stance, from_date, to_date, kind, after_text) tuples."""
    records = [{"holder": holder, "topic": topic, "from_stance": before, "to_stance": after,
                "from_score": schema.SCORES.get(before, np.nan), "to_score": schema.SCORES[after],
                "from_date": pd.Timestamp(start) if start else pd.NaT, "to_date": pd.Timestamp(end), "kind": kind,
                "after_text": text, "before_text": "", "confidence": 0.8, "reported": kind == "reported",
                "speaker": "graham" if kind == "reported" else ""}
               for holder, topic, before, after, start, end, kind, text in rows]
    return schema.conform(pd.DataFrame(records), schema.SHIFT_COLUMNS)


MERZ = statements_table(
    ("merz", "loan", "oppose", "2025-10-01", 0.9, "Merz said he opposed the loan."),
    ("merz", "loan", "oppose", "2025-10-01", 0.5, "Merz repeated that he opposed it."),      # same day: one point
    ("merz", "loan", "open", "2025-10-09", 0.7, "Merz said the loan could work."),
    ("merz", "loan", "support", "2025-10-20", 0.8, '"We back the loan," Merz said.'),
    ("kallas", "loan", "support", "2025-10-02", 0.8, "Kallas backed the loan."),
    ("kallas", "sanctions", "support", "2025-09-15", 0.8, "Kallas wants more sanctions."),
    ("orban", "sanctions", "ruled_out", "2025-09-20", 0.9, "Orban ruled out new sanctions."),
)
MERZ_SHIFTS = shifts_table(
    ("merz", "loan", "oppose", "open", "2025-10-01", "2025-10-09", "reversal", "Merz said the loan could work."),
    ("merz", "loan", "open", "support", "2025-10-09", "2025-10-20", "hardening", '"We back the loan," Merz said.'),
    ("orban", "sanctions", "", "ruled_out", None, "2025-09-20", "reported", "Orban ruled out new sanctions."),
)


# Names and labels as an actors and a topics file give them; the loan's label is long.
NAMES = Names.of(Actors([Actor("merz", "Friedrich Merz"), Actor("kallas", "Kaja Kallas"), Actor("orban", "Viktor Orbán"),
                         Actor("graham", "Lindsey Graham")]),
                 Topics([Topic("loan", "A reparations loan to Ukraine backed by frozen Russian assets"),
                         Topic("sanctions", "New sanctions on Russia")]))


def collection(ax: Axes, gid: str):
    found = [artist for artist in ax.collections if artist.get_gid() == gid]
    return found


def points(ax: Axes, gid: str) -> np.ndarray:
    """The data coordinates of every point drawn by the scatter collections with this gid."""
    offsets = [artist.get_offsets() for artist in collection(ax, gid)]
    return np.concatenate(offsets) if offsets else np.empty((0, 2))


def annotations(ax: Axes, gid: str) -> list[Text]:
    return [text for text in ax.texts if text.get_gid() == gid]


def tick_labels(axis) -> list[str]:
    return [label.get_text() for label in axis.get_ticklabels()]


# -- timeline ------------------------------------------------------------------------------------

def test_timeline_names_its_axes_and_the_stance_scale():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    assert isinstance(ax, Axes)
    assert ax.get_xlabel() == "date the position was expressed" and ax.get_ylabel() == "stance"
    assert tick_labels(ax.yaxis) == STANCE_TICKS
    assert list(ax.get_yticks()) == [-2, -1, 0, 1, 2]
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)


def test_timeline_has_one_point_per_day_at_that_days_stance():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    drawn = points(ax, "daily-positions")
    assert len(drawn) == 3     # four statements, two of them on 1 October
    assert [mdates.num2date(x).strftime("%Y-%m-%d") for x in drawn[:, 0]] == ["2025-10-01", "2025-10-09", "2025-10-20"]
    assert list(drawn[:, 1]) == [-1, 1, 2]


def test_timeline_marks_and_annotates_every_shift_with_date_and_quote():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    markers = points(ax, "shift-markers")
    assert sorted(markers[:, 1]) == [1, 2]
    labels = [label.get_text() for label in sorted(annotations(ax, "shift-annotation"), key=lambda label: label.xy[0])]
    assert len(labels) == 2
    assert labels[0].startswith("9 Oct 2025, reversal: oppose → open\n“Merz said the loan could work.”")
    assert labels[1] == "20 Oct 2025, hardening: open → support\n“We back the loan,” Merz said."


def test_timeline_labels_stay_apart_and_inside_the_axes():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [Text.get_window_extent(label, renderer) for label in annotations(ax, "shift-annotation")]
    frame = ax.get_window_extent(renderer)
    assert not boxes[0].overlaps(boxes[1])
    assert all(frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1 for box in boxes)


def many_shifts(holder: str, topic: str, count: int, start: str = "2025-01-01") -> tuple[pd.DataFrame, pd.DataFrame]:
    """A series that flips between oppose and support every week, `count` times: statements and
    shifts, the shift of week n with confidence n / 100."""
    days = pd.date_range(start, periods=count + 1, freq="7D")
    stances = ["oppose" if week % 2 == 0 else "support" for week in range(count + 1)]
    statements = statements_table(*[(holder, topic, stance_, day, 0.8, f"Week {week}: {stance_}.")
                                    for week, (stance_, day) in enumerate(zip(stances, days))])
    shifts = shifts_table(*[(holder, topic, stances[week - 1], stances[week], days[week - 1], days[week], "reversal",
                             f"Week {week}: {stances[week]}.") for week in range(1, count + 1)])
    return statements, shifts.assign(confidence=[week / 100 for week in range(1, count + 1)])


def test_crowded_timeline_labels_only_its_most_confident_shifts_and_counts_the_rest():
    statements, shifts = many_shifts("zelensky", "guarantees", 20)
    ax = plot.plot_timeline(statements, shifts, "zelensky", "guarantees")
    assert len(points(ax, "shift-markers")) == 20     # every shift is still marked
    labels = annotations(ax, "shift-annotation")
    assert 0 < len(labels) <= plot.MAX_TIMELINE_LABELS
    # The strongest is always labelled; every label is one of the six strongest (weeks 15-20).
    weeks = sorted(int(label.get_text().split("“Week ")[1].split(":")[0]) for label in labels)
    assert weeks[-1] == 20 and weeks[0] >= 15
    [note] = annotations(ax, "shift-note")
    assert note.get_text() == (f"{20 - len(labels)} more shifts marked but not labelled (less confident); "
                               "the command stance shifts lists all")
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [Text.get_window_extent(label, renderer) for label in labels] + [note.get_window_extent(renderer)]
    assert not any(a.overlaps(b) for index, a in enumerate(boxes) for b in boxes[index + 1:])


def test_timeline_with_few_shifts_has_no_note():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    assert annotations(ax, "shift-note") == []


def test_small_multiple_panels_label_fewer_shifts():
    statements, shifts = many_shifts("zelensky", "guarantees", 12)
    figure = plot.plot_timelines(statements, shifts)
    [panel] = [ax for ax in figure.axes if ax.axison]
    assert 0 < len(annotations(panel, "shift-annotation")) <= plot.MAX_PANEL_LABELS
    assert annotations(panel, "shift-note")[0].get_text().endswith("the command stance shifts lists all")


def test_timeline_x_range_covers_every_date():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    left, right = ax.get_xlim()
    assert left < mdates.date2num(pd.Timestamp("2025-10-01")) and right > mdates.date2num(pd.Timestamp("2025-10-20"))


def test_timeline_title_counts_in_singular_and_plural():
    one = shifts_table(("kallas", "loan", "oppose", "support", "2025-09-01", "2025-10-02", "reversal", "Backed."))
    assert plot.plot_timeline(MERZ, one, "kallas", "loan").get_title() == "kallas — loan (1 statement, 1 shift)"
    assert plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan").get_title() == "merz — loan (4 statements, 2 shifts)"


def test_timeline_draws_into_the_axes_it_is_given():
    figure, (left, right) = plt.subplots(1, 2)
    assert plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan", ax=right) is right
    assert len(points(right, "daily-positions")) == 3 and not left.collections


def test_timeline_filters_by_date_range():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan", start="2025-10-05")
    assert len(points(ax, "daily-positions")) == 2 and len(annotations(ax, "shift-annotation")) == 2
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan", end="2025-10-10")
    assert len(points(ax, "daily-positions")) == 2 and len(annotations(ax, "shift-annotation")) == 1


def test_timeline_without_statements_says_so():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "trump", "loan")
    assert [text.get_text() for text in ax.texts] == ["No statement by trump on loan"]
    assert tick_labels(ax.yaxis) == STANCE_TICKS


def test_timeline_shows_a_tie_as_a_ring_at_the_other_stance():
    tied = statements_table(("merz", "loan", "oppose", "2025-10-01", 0.8, "Merz opposed it."),
                            ("merz", "loan", "support", "2025-10-01", 0.8, "Merz backed it."))
    ax = plot.plot_timeline(tied, MERZ_SHIFTS.iloc[:0], "merz", "loan")
    assert len(points(ax, "daily-positions")) == 1
    assert len(points(ax, "tied-positions")) == 1


def test_reported_shift_is_labelled_with_its_reporter():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "orban", "sanctions")
    [label] = annotations(ax, "shift-annotation")
    assert label.get_text().startswith("20 Sep 2025, reported by graham, now ruled out\n")


def test_seed_timeline_shows_the_troops_reversal(seed_run):
    ax = seed_run.plot_timeline("trump", "us_ground_troops")
    days = seed_run.timeline("trump", "us_ground_troops")
    assert len(points(ax, "daily-positions")) == len(days) == 2
    assert list(points(ax, "daily-positions")[:, 1]) == [1, -2]
    assert len(points(ax, "shift-markers")) == 1
    [label] = annotations(ax, "shift-annotation")
    shift = seed_run.shifts[(seed_run.shifts["holder"] == "trump") & (seed_run.shifts["topic"] == "us_ground_troops")]
    text = label.get_text()
    assert text == f"19 Aug 2025, reversal: open → ruled out\n{plot.short_quote(shift['after_text'].iloc[0])}"
    assert "““" not in text and '“"' not in text and text.count("“") == 1
    statements = seed_run.statements
    count = int(((statements["holder"] == "trump") & (statements["topic"] == "us_ground_troops")).sum())
    assert ax.get_title() == f"Donald Trump — US ground troops in Ukraine ({count} statements, 1 shift)"


def test_seed_chart_saves_as_png(seed_run, tmp_path):
    ax = seed_run.plot_timeline("trump", "us_ground_troops")
    ax.figure.savefig(tmp_path / "troops.png")
    assert (tmp_path / "troops.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("text, expected", [
    ('"We need them too."', "“We need them too.”"),
    ("“We need them too,” he said.", "“We need them too,” he said."),
    ("He said “we need them too”.", "“He said ‘we need them too’.”"),
    ("We need them too.", "“We need them too.”"),
    ('“US boots will not be on the ground," she said.', "“US boots will not be on the ground,” she said."),
], ids=["straight-quoted", "curly-quoted-then-said", "quote-inside", "plain", "mixed-marks"])
def test_short_quote_never_doubles_quotation_marks(text, expected):
    assert plot.short_quote(text) == expected


# -- small multiples -----------------------------------------------------------------------------

def test_small_multiples_have_one_panel_per_series_with_a_shift():
    figure = plot.plot_timelines(MERZ, MERZ_SHIFTS)
    assert isinstance(figure, Figure)
    titles = sorted(ax.get_title() for ax in figure.axes if ax.axison)
    assert titles == ["merz — loan (4 statements, 2 shifts)", "orban — sanctions (1 statement, 1 shift)"]


def test_small_multiples_carry_one_key_naming_the_kinds_of_shift_they_show():
    figure = plot.plot_timelines(MERZ, MERZ_SHIFTS)
    keys = [legend for legend in figure.legends if legend.get_gid() == "timelines-key"]
    assert len(keys) == 1
    labels = [text.get_text() for text in keys[0].get_texts()]
    assert labels[:2] == ["a day's position (larger: surer)", "position held"]
    assert {plot.KIND_WORDS[kind] for kind in MERZ_SHIFTS["kind"]} <= set(labels)


def test_past_the_panel_limit_small_multiples_show_the_most_confident_series_and_say_so():
    shifts = pd.concat([many_shifts("trump", "weapons", 2)[1].assign(confidence=0.9),
                        many_shifts("merz", "loan", 2)[1].assign(confidence=0.4),
                        many_shifts("kallas", "loan", 2)[1].assign(confidence=0.7)])
    statements = pd.concat([many_shifts(holder, topic, 2)[0]
                            for holder, topic in [("trump", "weapons"), ("merz", "loan"), ("kallas", "loan")]])
    figure = plot.plot_timelines(statements, shifts, max_panels=2)
    assert [ax.get_title() for ax in figure.axes if ax.axison] == ["kallas — loan (3 statements, 2 shifts)",
                                                                   "trump — weapons (3 statements, 2 shifts)"]
    assert figure.get_suptitle() == ("2 of 3 holder × topic series with shifts: those with the most confident "
                                     "shifts (1 more; choose by holder and topic)")
    assert plot.plot_timelines(statements, shifts).get_suptitle() == ""


def test_small_multiples_draw_into_given_axes_and_refuse_too_few():
    figure, grid = plt.subplots(1, 3)
    assert plot.plot_timelines(MERZ, MERZ_SHIFTS, ax=grid) is figure
    assert [ax.axison for ax in grid] == [True, True, False]
    with pytest.raises(ValueError, match="2 series have a shift but 1 Axes were given"):
        plot.plot_timelines(MERZ, MERZ_SHIFTS, ax=[grid[0]])


# -- heatmap -------------------------------------------------------------------------------------

def test_heatmap_cells_hold_each_latest_stance():
    ax = plot.plot_heatmap(MERZ)
    assert ax.get_xlabel() == "topic" and ax.get_ylabel() == "holder"
    assert tick_labels(ax.yaxis) == ["kallas", "merz", "orban"]
    assert tick_labels(ax.xaxis) == ["loan", "sanctions"]
    [image] = [image for image in ax.get_images() if image.get_gid() == "stance-cells"]
    cells = image.get_array()
    np.testing.assert_array_equal(cells.filled(np.nan), [[2, 2], [2, np.nan], [np.nan, -2]])
    dates = [text.get_text() for text in ax.texts if text.get_gid() == "cell-date"]
    assert dates == ["2 Oct", "15 Sep", "20 Oct", "20 Sep"]


def test_heatmap_colour_scale_names_the_stances():
    ax = plot.plot_heatmap(MERZ)
    [colourbar] = [other for other in ax.figure.axes if other is not ax]
    assert tick_labels(colourbar.yaxis) == STANCE_TICKS


def test_heatmap_filters_holders_and_topics():
    ax = plot.plot_heatmap(MERZ, holders=["merz", "kallas"], topics=["loan"])
    assert tick_labels(ax.yaxis) == ["kallas", "merz"] and tick_labels(ax.xaxis) == ["loan"]


def test_heatmap_of_the_seed_has_a_row_per_holder(seed_run):
    ax = seed_run.plot_heatmap()
    attributed = seed_run.statements[(seed_run.statements["holder"] != "") & (seed_run.statements["topic"] != "")]
    # Each holder by the name in the actors file, in the order of those names.
    names = [stance.Actors.default()[holder].name for holder in attributed["holder"].unique()]
    assert tick_labels(ax.yaxis) == sorted(names, key=str.casefold)
    assert len([text for text in ax.texts if text.get_gid() == "cell-date"]) == \
        len(attributed[["holder", "topic"]].drop_duplicates())


def test_heatmap_keeps_the_busiest_topics_and_names_how_many_are_left_out():
    rows = [("merz", f"topic_{number:02d}", "support", "2025-10-01", 0.8, "Yes.") for number in range(5)]
    rows += [("merz", "topic_00", "oppose", "2025-10-02", 0.8, "No."), ("kallas", "topic_01", "oppose", "2025-10-02", 0.8, "No.")]
    ax = plot.plot_heatmap(statements_table(*rows), max_topics=2)
    assert tick_labels(ax.xaxis) == ["topic_00", "topic_01"]   # no labels given: the ids
    assert ax.get_title().endswith("\n3 topics with fewer positions not shown")
    ax = plot.plot_heatmap(statements_table(*rows), max_topics=2, max_holders=1)
    assert tick_labels(ax.yaxis) == ["merz"]
    assert ax.get_title().endswith("\n1 holder and 3 topics with fewer positions not shown")


def test_heatmap_shortens_long_topics_and_holders():
    table = statements_table(("ukrainian_government_delegation_in_istanbul", "territorial_concessions_in_the_east",
                              "oppose", "2025-10-01", 0.8, "No."))
    ax = plot.plot_heatmap(table)
    assert tick_labels(ax.xaxis) == ["territorial_concessions_in_the_ea…"]
    assert tick_labels(ax.yaxis) == ["ukrainian_government_…"]


# -- swimlane ------------------------------------------------------------------------------------

def test_swimlane_has_a_lane_per_holder_and_a_marker_per_shift():
    ax = plot.plot_swimlane(MERZ_SHIFTS)
    assert tick_labels(ax.yaxis) == ["merz (2)", "orban (1)"]
    assert ax.get_ylabel() == "holder (shifts)" and ax.get_xlabel() == "date of the new position"
    markers = points(ax, "shift-markers")
    assert len(markers) == len(MERZ_SHIFTS)
    lanes = sorted((mdates.num2date(x).strftime("%m-%d"), int(y)) for x, y in markers)
    assert lanes == [("09-20", 1), ("10-09", 0), ("10-20", 0)]
    assert ax.get_title() == "3 shifts of 2 holders (shape: kind of shift; colour: new stance)"


def test_swimlane_x_range_covers_every_shift():
    ax = plot.plot_swimlane(MERZ_SHIFTS)
    left, right = ax.get_xlim()
    assert left < mdates.date2num(pd.Timestamp("2025-09-20")) and right > mdates.date2num(pd.Timestamp("2025-10-20"))


def test_swimlane_labels_never_overlap():
    many = shifts_table(*[("trump", f"topic_{number}", "open", "ruled_out", "2025-08-01", "2025-08-10", "reversal", "x")
                          for number in range(9)])
    ax = plot.plot_swimlane(many)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in annotations(ax, "shift-label")]
    assert 0 < len(boxes) < 9   # crowded labels are left out
    assert not any(a.overlaps(b) for index, a in enumerate(boxes) for b in boxes[index + 1:])


def test_busy_swimlane_labels_a_few_shifts_a_lane_and_says_so():
    _, shifts = many_shifts("trump", "weapons", 30)
    ax = plot.plot_swimlane(shifts)
    labels = annotations(ax, "shift-label")
    assert 0 < len(labels) <= plot.MAX_LANE_LABELS
    [note] = annotations(ax, "shift-note")
    assert f"({len(labels)} of 30)" in note.get_text() and note.get_text().endswith("the command stance shifts lists all")


def test_swimlane_note_of_a_short_chart_stays_clear_of_its_legends_and_axis():
    shifts = pd.concat([many_shifts("trump", "weapons", 6)[1], many_shifts("merz", "loan", 1)[1]])
    ax = plot.plot_swimlane(shifts)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    [note] = annotations(ax, "shift-note")
    box = note.get_window_extent(renderer)
    others = [legend.get_window_extent(renderer) for legend in ax.findobj(matplotlib.legend.Legend)]
    others += [text.get_window_extent(renderer) for text in (ax.xaxis.label, *ax.get_xticklabels()) if text.get_text()]
    assert others and not any(box.overlaps(other) for other in others)
    kinds, stances = others[:2]
    assert not kinds.overlaps(stances)
    assert 0 <= box.x0 and box.x1 <= ax.figure.bbox.width and box.y0 >= 0   # on the figure, not cut off


def test_swimlane_keeps_the_holders_with_most_shifts():
    shifts = pd.concat([many_shifts("trump", "weapons", 3)[1], many_shifts("merz", "loan", 2)[1],
                        many_shifts("orban", "loan", 1)[1], many_shifts("kallas", "loan", 2)[1]])
    ax = plot.plot_swimlane(shifts, max_holders=2)
    assert tick_labels(ax.yaxis) == ["kallas (2)", "trump (3)"]   # merz ties kallas at 2; name order
    assert len(points(ax, "shift-markers")) == 5
    assert ax.get_title() == "5 shifts of 2 holders (shape: kind of shift; colour: new stance)\n" \
                             "2 holders with fewer shifts not shown"


def test_swimlane_without_shifts_says_so():
    ax = plot.plot_swimlane(MERZ_SHIFTS.iloc[:0])
    assert [text.get_text() for text in ax.texts] == [
        "No shifts found: each holder kept one position per topic, or spoke only once"]


def leader_lines(ax: Axes) -> list[tuple[float, float, float, float]]:
    """Each shift label's line in display space: from the middle of its box to its marker."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    lines = []
    for label in annotations(ax, "shift-annotation"):
        box = Text.get_window_extent(label, renderer)
        lines.append(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, *ax.transData.transform(label.xy)))
    return lines


def lines_cross(first, second) -> bool:
    def side(a, b, point):
        return np.sign((b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]))
    a, b, c, d = first[:2], first[2:], second[:2], second[2:]
    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


# A summer of U-turns, as the demo's Trump on a ceasefire: four shifts within days of each other
# at both ends of the scale, then one two months on.
U_TURNS = statements_table(*[("trump", "ceasefire", stance_, day, 0.8, f"Trump on {day}: {stance_}.") for stance_, day in [
    ("support", "2025-03-01"), ("support", "2025-05-20"), ("ruled_out", "2025-08-15"), ("support", "2025-08-16"),
    ("oppose", "2025-08-18"), ("support", "2025-09-20"), ("support", "2025-10-18")]])
U_TURN_SHIFTS = shifts_table(*[("trump", "ceasefire", before, after, start, end, "reversal", f"Trump on {end}: {after}.")
                               for before, after, start, end in [
                                   ("support", "ruled_out", "2025-05-20", "2025-08-15"),
                                   ("ruled_out", "support", "2025-08-15", "2025-08-16"),
                                   ("support", "oppose", "2025-08-16", "2025-08-18"),
                                   ("oppose", "support", "2025-08-18", "2025-09-20")]])


@pytest.mark.parametrize("statements, shifts, holder, topic", [
    (U_TURNS, U_TURN_SHIFTS, "trump", "ceasefire"),
    (*many_shifts("zelensky", "guarantees", 8), "zelensky", "guarantees"),
    (MERZ, MERZ_SHIFTS, "merz", "loan"),
], ids=["u-turns", "weekly-flips", "merz"])
def test_timeline_label_lines_never_cross(statements, shifts, holder, topic):
    ax = plot.plot_timeline(statements, shifts, holder, topic)
    lines = leader_lines(ax)
    assert len(lines) >= 2
    assert not any(lines_cross(a, b) for index, a in enumerate(lines) for b in lines[index + 1:])


# -- names ---------------------------------------------------------------------------------------

def test_timeline_title_names_the_holder_and_topic_and_wraps_a_long_label():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan", names=NAMES)
    assert ax.get_title() == ("Friedrich Merz — A reparations loan to Ukraine backed by frozen Russian assets"
                              "\n4 statements, 2 shifts")
    assert "_" not in ax.get_title()


def test_timeline_label_names_the_reporter():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "orban", "sanctions", names=NAMES)
    [label] = annotations(ax, "shift-annotation")
    assert label.get_text().startswith("20 Sep 2025, reported by Lindsey Graham, now ruled out\n")


def test_heatmap_ticks_show_names_in_name_order_and_long_labels_cut_at_a_word():
    ax = plot.plot_heatmap(MERZ, names=NAMES)
    assert tick_labels(ax.yaxis) == ["Friedrich Merz", "Kaja Kallas", "Viktor Orbán"]
    # One line each: turned labels of several lines run into each other.
    assert tick_labels(ax.xaxis) == ["A reparations loan to Ukraine…", "New sanctions on Russia"]


def test_swimlane_lanes_and_labels_show_names_with_long_labels_shortened():
    ax = plot.plot_swimlane(MERZ_SHIFTS, names=NAMES)
    assert tick_labels(ax.yaxis) == ["Friedrich Merz (2)", "Viktor Orbán (1)"]
    labels = sorted(label.get_text() for label in annotations(ax, "shift-label"))
    assert "A reparations loan to Ukraine…: oppose→open" in labels
    assert "New sanctions on Russia: reported move to ruled out" in labels


def test_run_charts_name_holders_and_topics_from_its_files(seed_run):
    ax = seed_run.plot_shifts()
    assert [label for label in tick_labels(ax.yaxis) if label.startswith("Donald Trump (")]
    assert not any("_" in label for label in tick_labels(ax.yaxis))


# -- reading aids --------------------------------------------------------------------------------

def test_timeline_key_says_what_each_mark_means():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    key = ax.get_legend()
    assert key.get_gid() == "timeline-key"
    assert [text.get_text() for text in key.get_texts()] == [
        "a day's position (larger: surer)", "position held", "hardening (firmer, same side)",
        "reversal (to the other side)"]
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    # Under the date labels, not over them.
    assert key.get_window_extent(renderer).y1 < ax.xaxis.get_tightbbox(renderer).y0


def test_timeline_key_shows_a_tie_only_when_there_is_one():
    tied = statements_table(("merz", "loan", "oppose", "2025-10-01", 0.8, "No."), ("merz", "loan", "open", "2025-10-01", 0.8, "Maybe."))
    assert "tied evidence" in [text.get_text() for text in plot.plot_timeline(tied, MERZ_SHIFTS, "merz", "loan").get_legend().get_texts()]
    assert "tied evidence" not in [text.get_text() for text in plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan").get_legend().get_texts()]


def test_stance_scale_is_written_in_the_colours_it_names():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "merz", "loan")
    colours = {label.get_text(): matplotlib.colors.to_hex(label.get_color()) for label in ax.get_yticklabels()}
    assert colours["ruled out"] == plot.STANCE_COLOURS["ruled_out"] and colours["support"] == plot.STANCE_COLOURS["support"]


def test_swimlane_key_says_what_each_kind_of_shift_means():
    ax = plot.plot_swimlane(MERZ_SHIFTS)
    keys = [artist for artist in ax.get_children() if isinstance(artist, matplotlib.legend.Legend)]
    kinds = [text.get_text() for text in keys[0].get_texts()]
    assert kinds == ["hardening (firmer, same side)", "reported (said to have changed)", "reversal (to the other side)"]
    # Both keys count when the chart is saved with a tight box (the first is added as an artist).
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    assert ax.figure.get_tightbbox(renderer).x1 * ax.figure.dpi >= keys[0].get_window_extent(renderer).x1 - 1


def test_heatmap_without_positions_says_why():
    ax = plot.plot_heatmap(MERZ.iloc[:0])
    assert [text.get_text() for text in ax.texts] == [
        "No statement names both a holder and a topic: there is no position to show"]


def test_heatmap_cells_give_the_year_when_the_run_spans_two():
    table = statements_table(("merz", "loan", "oppose", "2024-12-20", 0.8, "No."), ("kallas", "loan", "support", "2025-01-03", 0.8, "Yes."))
    dates = [text.get_text() for text in plot.plot_heatmap(table).texts if text.get_gid() == "cell-date"]
    assert dates == ["3 Jan\n2025", "20 Dec\n2024"]


def test_heatmap_of_one_holder_keeps_its_title_and_colour_scale_readable():
    figure = plot.plot_heatmap(MERZ, holders=["orban"]).figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    ax, colourbar = figure.axes
    title = ax.title.get_window_extent(renderer)
    assert title.x0 >= 0 and title.x1 <= figure.bbox.width    # not cut at the figure's edges
    names = [label.get_window_extent(renderer) for label in colourbar.get_yticklabels()]
    assert all(lower.y1 <= upper.y0 for lower, upper in zip(names, names[1:]))   # five names, none on another


def test_swimlane_shows_two_shifts_of_one_holder_on_one_day_apart_within_the_lane():
    shifts = shifts_table(
        ("menon", "funding", "support", "oppose", "2026-03-17", "2026-04-01", "reversal", "x"),
        ("menon", "referendum", "support", "oppose", "2026-03-17", "2026-04-01", "reversal", "x"),
        ("whitlock", "funding", "oppose", "ruled_out", "2026-02-23", "2026-03-17", "hardening", "x"))
    ax = plot.plot_swimlane(shifts)
    drawn = points(ax, "shift-markers")
    menon = drawn[np.isclose(drawn[:, 1].round(), 0)]
    assert len(menon) == 2 and len({tuple(point) for point in menon}) == 2   # neither hides the other
    assert all(abs(y) < 0.5 for y in menon[:, 1])                              # both inside menon's lane
    assert drawn[np.isclose(drawn[:, 1], 1)].shape[0] == 1                     # a lone shift stays on its lane


def test_timelines_of_a_holder_who_never_moved_show_the_positions_held():
    figure = plot.plot_timelines(MERZ, MERZ_SHIFTS, holder="kallas")
    drawn = [panel for panel in figure.axes if panel.axison]
    assert figure.get_suptitle() == "No shift of 'kallas': the positions held, a panel per holder and topic"
    assert sorted(panel.get_title() for panel in drawn) == ["kallas — loan (1 statement, 0 shifts)",
                                                            "kallas — sanctions (1 statement, 0 shifts)"]


def test_a_date_axis_over_several_months_names_them_in_its_corner_not_the_last_alone():
    ax = plot.plot_timeline(MERZ, MERZ_SHIFTS, "kallas", "sanctions")
    ax.set_xlim(pd.Timestamp("2025-08-10"), pd.Timestamp("2025-11-20"))
    ax.figure.canvas.draw()
    assert ax.xaxis.get_major_formatter().get_offset() == "Aug – Nov 2025"
    ax.set_xlim(pd.Timestamp("2025-09-12"), pd.Timestamp("2025-09-20"))   # days of one month: the month stays
    ax.figure.canvas.draw()
    assert ax.xaxis.get_major_formatter().get_offset() == "2025-Sep"
