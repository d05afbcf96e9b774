"""The result object a notebook user holds: typed tables, views, plots, its repr, and a save ->
load round trip that gives back identical tables."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from pandas.api import types  # noqa: E402

import stance  # noqa: E402
from stance import schema  # noqa: E402

TABLES = {"documents": schema.DOCUMENT_COLUMNS, "statements": schema.STATEMENT_COLUMNS,
          "shifts": schema.SHIFT_COLUMNS}
KINDS = {"string": types.is_string_dtype, "int64": types.is_integer_dtype, "float64": types.is_float_dtype,
         "bool": types.is_bool_dtype, "datetime64[ns]": types.is_datetime64_any_dtype}

ARTICLES = pd.DataFrame({
    "id": ["monday", "tuesday"],
    "date": ["2025-03-03", "2025-03-05"],
    "title": ["Merz open to German troops", "Merz rules out German troops"],
    "text": ["Friedrich Merz said on Monday that German troops in Ukraine could be an option after a ceasefire.",
             "Merz ruled out sending German troops to Ukraine on Tuesday, saying Germany would not take part."],
})
TOPICS = stance.Topics([stance.Topic("german_troops", "German troops in Ukraine", keywords=("German troops",))])
ACTORS = stance.Actors([stance.Actor("merz", "Friedrich Merz", aliases=("Merz",))])


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seed_run(seed_path):
    return stance.analyze([seed_path])


@pytest.fixture(scope="module")
def merz_run():
    return stance.analyze(ARTICLES, actors=ACTORS, topics=TOPICS)


@pytest.mark.parametrize("table", TABLES)
def test_tables_have_the_spec_columns_with_their_types(seed_run, table):
    frame, columns = getattr(seed_run, table), TABLES[table]
    assert list(frame.columns[:len(columns)]) == list(columns)
    for name, dtype in columns.items():
        assert KINDS[dtype](frame[name]), f"{table}.{name} is {frame[name].dtype}, not {dtype}"


def test_dates_are_datetimes_and_sort_as_dates(seed_run):
    assert seed_run.statements["date"].dtype == "datetime64[ns]"
    assert seed_run.documents.loc[0, "date"] == pd.Timestamp("2025-08-20")
    assert seed_run.statements["date"].between("2025-08-18", "2025-08-20").all()


def test_a_dataframe_of_articles_is_analysed_like_files(merz_run):
    assert list(merz_run.documents["doc_id"]) == ["monday", "tuesday"]
    assert (merz_run.documents["status"] == "ok").all()
    rows = merz_run.statements[["doc_id", "holder", "topic", "stance"]].values.tolist()
    assert rows == [["monday", "merz", "german_troops", "open"], ["tuesday", "merz", "german_troops", "ruled_out"]]
    assert merz_run.shifts[["from_stance", "to_stance"]].values.tolist() == [["open", "ruled_out"]]


def test_timeline_view_has_one_row_per_day(merz_run):
    days = merz_run.timeline("merz", "german_troops")
    assert days["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-03", "2025-03-04"]
    assert days["stance"].tolist() == ["open", "ruled_out"]


def test_tables_built_by_hand_are_typed_on_arrival():
    run = stance.Analysis(pd.DataFrame(), pd.DataFrame(), pd.DataFrame({"holder": ["merz"], "topic": ["loan"],
                                                                        "to_date": ["2025-10-20"]}))
    assert list(run.documents.columns) == list(schema.DOCUMENT_COLUMNS)
    assert run.shifts.loc[0, "to_date"] == pd.Timestamp("2025-10-20") and run.shifts.loc[0, "kind"] == ""


@pytest.mark.parametrize("runs", ["seed_run", "merz_run"])
def test_save_then_load_gives_identical_tables(request, runs, tmp_path):
    run = request.getfixturevalue(runs)
    run.save(tmp_path / "out", charts=False)
    back = stance.load(tmp_path / "out")
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(back, table), getattr(run, table), check_exact=True)


def test_a_damaged_table_in_a_saved_run_is_named(merz_run, tmp_path):
    merz_run.save(tmp_path / "out", charts=False, report=False)
    (tmp_path / "out" / "statements.parquet").write_bytes(b"PAR1 cut short")
    with pytest.raises(stance.InputError) as caught:
        stance.load(tmp_path / "out")
    assert str(caught.value).startswith(f"{tmp_path / 'out' / 'statements.parquet'}: this table of the run is damaged (")
    assert str(caught.value).endswith("); analyse the articles again into this folder")


def test_empty_run_round_trips(tmp_path):
    run = stance.analyze(pd.DataFrame({"text": ["Nothing to see here."], "date": ["2025-01-01"]}),
                         actors=ACTORS, topics=TOPICS)
    run.save(tmp_path / "out", charts=False, report=False)
    back = stance.load(tmp_path / "out")
    assert back.statements.empty and back.shifts.empty
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(back, table), getattr(run, table))


def test_repr_gives_counts_date_range_and_strongest_shifts(seed_run):
    text = repr(seed_run)
    statements, holders = len(seed_run.statements), seed_run.statements.query("holder != ''")["holder"].nunique()
    assert text.splitlines()[0].startswith(f"<stance.Analysis: 1 document (1 ok), {statements} statements by "
                                           f"{holders} holders on ")
    first, last = seed_run.statements["date"].min(), seed_run.statements["date"].max()
    assert f"dated {first:%Y-%m-%d} to {last:%Y-%m-%d}, {len(seed_run.shifts)} shifts>" in text.splitlines()[0]
    assert "  trump on us_ground_troops: open (2025-08-18) -> ruled_out (2025-08-19) [reversal, " in text
    assert "trump on russia_sanctions: ? (?) -> support (2025-08-19) [reported, " in text


def test_repr_of_an_empty_run():
    run = stance.Analysis(pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert repr(run) == "<stance.Analysis: 0 documents (0 ok), 0 statements by 0 holders on 0 topics, 0 shifts>"


def test_html_repr_shows_the_shifts_and_escapes_the_text(merz_run):
    shifts = merz_run.shifts.assign(after_text="<b>Merz</b> ruled it out & more")
    page = stance.Analysis(merz_run.documents, merz_run.statements, shifts)._repr_html_()
    assert page.startswith("<p><b>stance.Analysis</b>: 2 documents (2 ok), 2 statements by 1 holder on 1 topic")
    assert "<td>open → ruled_out</td>" in page and "<td>2025-03-04</td>" in page
    assert "&lt;b&gt;Merz&lt;/b&gt; ruled it out &amp; more" in page


def test_plot_methods_return_axes_and_small_multiples_a_figure(seed_run):
    assert isinstance(seed_run.plot_timeline("trump", "us_ground_troops"), Axes)
    assert isinstance(seed_run.plot_heatmap(), Axes)
    assert isinstance(seed_run.plot_shifts(), Axes)
    figure = seed_run.plot_timeline()
    assert isinstance(figure, Figure)
    assert len([ax for ax in figure.axes if ax.axison]) == len(seed_run.shifts[["holder", "topic"]].drop_duplicates())


def test_plot_methods_draw_into_a_given_axes(merz_run):
    figure, (left, right) = plt.subplots(1, 2)
    assert merz_run.plot_timeline("merz", "german_troops", ax=left) is left
    assert merz_run.plot_shifts(ax=right) is right
    assert left.figure is right.figure is figure


@pytest.mark.parametrize("view, message", [
    (lambda run: run.timeline("mertz", "german_troops"), "no statement in this run has the holder 'mertz'; did you mean 'merz'?"),
    (lambda run: run.plot_timeline("merz", "troops"), "the topic 'troops'; did you mean 'german_troops'?"),
    (lambda run: run.plot_heatmap(holders=["merz", "scholz"]), "the holder 'scholz'; it has merz"),
    (lambda run: run.plot_shifts(start="yesterday"), "'yesterday' is not a day"),
    (lambda run: run.plot_timeline("merz", "german_troops", start="2025-03-05", end="2025-03-03"),
     "the days are the wrong way round: 2025-03-05 is after 2025-03-03; swap them"),
], ids=["misspelt-holder", "part-of-topic", "absent-holder", "vague-day", "reversed-days"])
def test_views_refuse_filters_the_run_cannot_answer(merz_run, view, message):
    with pytest.raises(stance.FilterError) as caught:
        view(merz_run)
    assert message in str(caught.value)


def test_a_holder_and_topic_never_seen_together_name_the_holders_topics():
    articles = pd.DataFrame({"text": ["Merz ruled out sending German troops to Ukraine.",
                                      "Kallas backed the reparations loan for Ukraine."],
                             "date": ["2025-03-03", "2025-03-04"]})
    topics = stance.Topics([*TOPICS, stance.Topic("loan", "Reparations loan", keywords=("reparations loan",))])
    actors = stance.Actors([*ACTORS, stance.Actor("kallas", "Kaja Kallas", aliases=("Kallas",))])
    run = stance.analyze(articles, actors=actors, topics=topics)
    with pytest.raises(stance.FilterError) as caught:
        run.plot_timeline("merz", "loan")
    assert str(caught.value) == ("no statement in this run has the holder 'merz' on the topic 'loan'; "
                                 "merz's topics: german_troops")
    with pytest.raises(stance.FilterError) as caught:
        run.check_filters(holder="kallas", end="2025-03-01")
    assert str(caught.value) == "no statement of 'kallas' in this run is dated up to 2025-03-01; they are dated 2025-03-04"
    with pytest.raises(stance.FilterError) as caught:   # a heatmap of that one cell would be blank
        run.plot_heatmap(holders=["merz"], topics=["loan"])
    assert str(caught.value) == ("no statement in this run has the holder 'merz' on the topic 'loan'; "
                                 "choose another holder or topic")


def test_one_holder_may_be_given_without_a_list(merz_run):
    ax = merz_run.plot_heatmap(holders="merz")
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Friedrich Merz"]


def test_timelines_drawn_by_two_processes_are_the_same_images(seed_run, tmp_path):
    seed_run.save(tmp_path / "one", jobs=1)
    seed_run.save(tmp_path / "two", jobs=2)
    one = {path.name: path.read_bytes() for path in (tmp_path / "one" / "charts").iterdir()}
    two = {path.name: path.read_bytes() for path in (tmp_path / "two" / "charts").iterdir()}
    assert sum(name.startswith("timeline-") for name in one) >= 2   # more than one, so a pool is used
    assert one == two


def test_loading_a_folder_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(stance.InputError) as caught:
        stance.load(tmp_path / "reslts")
    assert str(caught.value) == f"{tmp_path / 'reslts'}: no such folder; give the folder a run was written to (its --out)"
