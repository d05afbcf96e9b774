"""report.md: the shifts lead, in a table linked to each shift's two quotes, dates and sources;
what is left out at scale is counted, with where to find it. Also the views `stance shifts` prints."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import stance
from stance import report, schema
from stance.cli import cli

DOCUMENTS = schema.conform(pd.DataFrame([
    {"doc_id": "wire-1", "path": "wire-1.md", "title": "Merz changes course", "source": "Northbridge Wire",
     "url": "https://example.org/wire-1", "date": pd.Timestamp("2025-10-20"), "status": "ok", "reason": "",
     "n_statements": 3},
    {"doc_id": "blog-2", "path": "blog-2.md", "title": "", "source": "", "url": "", "date": pd.Timestamp("2025-10-21"),
     "status": "ok", "reason": "", "n_statements": 2},
]), schema.DOCUMENT_COLUMNS)
STATEMENTS = schema.conform(pd.DataFrame([
    {"statement_id": f"s{number}", "doc_id": "wire-1", "text": "x", "holder": holder, "speaker": holder, "topic": topic,
     "stance": stance_, "score": schema.SCORES[stance_], "date": pd.Timestamp(day), "confidence": 0.8,
     "start": 0, "end": 1}
    for number, (holder, topic, stance_, day) in enumerate([
        ("merz", "loan", "oppose", "2025-10-01"), ("merz", "loan", "support", "2025-10-20"),
        ("orban", "sanctions", "ruled_out", "2025-09-20")])
]), schema.STATEMENT_COLUMNS)


def shifts_table(*rows) -> pd.DataFrame:
    """Shifts from (holder, topic, from_stance, to_stance, from_date, to_date, kind, confidence) tuples; the
    quotes name the holder and date, the before side from wire-1, the after side from blog-2."""
    records = [{"holder": holder, "topic": topic, "from_stance": before, "to_stance": after,
                "from_score": schema.SCORES.get(before, np.nan), "to_score": schema.SCORES[after],
                "from_date": pd.Timestamp(start), "to_date": pd.Timestamp(end), "kind": kind, "confidence": confidence,
                "before_text": f"{holder} was {before} on {start}.", "after_text": f"{holder} is {after} on {end}.",
                "before_doc_id": "wire-1", "after_doc_id": "blog-2", "reported": False, "speaker": ""}
               for holder, topic, before, after, start, end, kind, confidence in rows]
    return schema.conform(pd.DataFrame(records), schema.SHIFT_COLUMNS)


SHIFTS = shifts_table(
    ("merz", "loan", "oppose", "support", "2025-10-01", "2025-10-20", "reversal", 0.9),
    ("merz", "loan", "support", "open", "2025-10-20", "2025-10-25", "softening", 0.5),
    ("orban", "sanctions", "open", "ruled_out", "2025-09-01", "2025-09-20", "reversal", 0.7),
    ("kallas", "sanctions", "open", "support", "2025-08-01", "2025-08-15", "hardening", 0.6),
    ("merz", "sanctions", "neutral", "support", "2025-07-01", "2025-07-05", "hardening", 0.95),
)


def page(shifts=SHIFTS, documents=DOCUMENTS, **options) -> str:
    return report.markdown_report(stance.Analysis(documents, STATEMENTS, shifts), **options)


def section(text: str, title: str) -> str:
    """The lines of a `## title` section, up to the next `## `."""
    start = text.index(f"## {title}\n")
    following = text.find("\n## ", start + 1)
    return text[start:following if following >= 0 else None]


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in `text`, as cells."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


def test_report_leads_with_a_table_of_the_shifts_newest_first():
    text = page()
    assert text.index("## Shifts at a glance") < text.index("## merz — loan")
    rows = table_rows(section(text, "Shifts at a glance"))
    assert [row[1] for row in rows] == ["2025-10-25", "2025-10-20", "2025-09-20", "2025-08-15", "2025-07-05"]
    assert rows[1] == ["[2](#shift-2)", "2025-10-20", "merz", "loan", "oppose → support", "reversal", "0.90",
                       "“merz is support on 2025-10-20.”"]
    assert text.splitlines()[2].endswith("**5 shifts** by 3 holders on 2 topics.")


def test_each_listed_shift_has_both_quotes_dates_and_sources_under_its_anchor():
    text = page()
    for number in range(1, 6):
        assert f'<a id="shift-{number}"></a>' in text
    details = text[text.index('<a id="shift-2"></a>'):text.index('<a id="shift-3"></a>')]
    assert "## merz — loan: oppose (2025-10-01) → support (2025-10-20)" in details
    assert "Shift 2: *reversal* (Full Flop), confidence 0.90 · [back to the table](#summary)" in details
    assert ("- **Before** — “merz was oppose on 2025-10-01.” (2025-10-01; "
            "[Merz changes course, Northbridge Wire](https://example.org/wire-1))") in details
    assert "- **After** — “merz is support on 2025-10-20.” (2025-10-20; blog-2)" in details   # no title: the id


def test_at_scale_the_most_confident_shifts_are_listed_and_the_rest_counted():
    text = page(max_shifts=2)
    rows = table_rows(section(text, "Shifts at a glance"))
    assert [(row[2], row[3], row[6]) for row in rows] == [("merz", "loan", "0.90"), ("merz", "sanctions", "0.95")]
    assert ("The 2 most confident of 5 shifts, newest first. The other 3 are in shifts.parquet: "
            "`stance shifts RUN --format csv` lists every one") in text
    assert text.count("<a id=\"shift-") == 2 and "## orban — sanctions" not in text


def test_shifts_are_counted_by_holder_busiest_first_with_their_topics():
    rows = table_rows(section(page(max_shifts=1), "Shifts by holder"))
    assert rows == [["merz", "3", "1", "loan (2), sanctions (1)"], ["kallas", "1", "0", "sanctions (1)"],
                    ["orban", "1", "1", "sanctions (1)"]]


def test_a_quote_with_a_bar_keeps_the_table_whole():
    shifts = SHIFTS.iloc[:1].assign(after_text="Merz: yes | no, he said.")
    [row] = table_rows(section(page(shifts), "Shifts at a glance"))
    assert len(row) == 8 and row[7] == "“Merz: yes \\| no, he said.”"


def test_report_without_shifts_says_so_and_has_no_table():
    text = page(SHIFTS.iloc[:0])
    assert "No shifts were found" in text and "## Shifts at a glance" not in text
    assert "## Latest positions" in text


def test_documents_not_analysed_are_listed_up_to_a_cap_and_counted(monkeypatch):
    monkeypatch.setattr(report, "MAX_REPORT_DOCUMENTS", 2)
    broken = pd.DataFrame([{**DOCUMENTS.iloc[0].to_dict(), "doc_id": f"bad-{number}", "status": "skipped",
                            "reason": "no date"} for number in range(5)])
    documents = schema.conform(pd.concat([DOCUMENTS, broken], ignore_index=True), schema.DOCUMENT_COLUMNS)
    listed = section(page(documents=documents), "Documents not analysed")
    assert [row[0] for row in table_rows(listed)] == ["bad-0", "bad-1"]
    assert "3 more documents not analysed: see `status` and `reason` in documents.parquet." in listed


def test_report_command_lists_as_many_shifts_as_asked(tmp_path):
    stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS).save(tmp_path / "run", charts=False, report=False)
    runner = CliRunner()
    capped = runner.invoke(cli, ["report", str(tmp_path / "run"), "--format", "md", "--max-shifts", "1"])
    every = runner.invoke(cli, ["report", str(tmp_path / "run"), "--format", "md", "--max-shifts", "0"])
    default = runner.invoke(cli, ["report", str(tmp_path / "run"), "--format", "md"])
    assert capped.exit_code == every.exit_code == 0, capped.output
    assert capped.output.count('<a id="shift-') == 1 and "The other 4 are in shifts.parquet" in capped.output
    assert every.output.count('<a id="shift-') == default.output.count('<a id="shift-') == 5


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_shift_view_leaves_out_the_always_false_contested_column(fmt):
    text = report.render(report.shifts_view(SHIFTS), fmt)
    assert "contested" not in text and "confidence" in text


def test_a_contested_position_is_shown_apart_from_the_shifts_and_survives_a_reload(tmp_path):
    text = pd.DataFrame({
        "text": ["Merz said Germany opposed the reparations loan.",
                 "Merz said on Tuesday that Germany backed the reparations loan after all.",
                 "Merz said Germany opposed the reparations loan."],
        "date": ["2025-10-01", "2025-10-08", "2025-10-12"]})
    actors = stance.Actors([stance.Actor("merz", "Friedrich Merz", aliases=("Merz",))])
    topics = stance.Topics([stance.Topic("loan", "Reparations loan", keywords=("reparations loan",))])
    run = stance.analyze(text, actors=actors, topics=topics)
    assert run.shifts.empty and len(run.contested) == 1
    page = report.markdown_report(run)
    section = page[page.index("## Contested positions"):]
    assert "| Friedrich Merz | Reparations loan | oppose since 2025-10-01 | support | 2025-10-07 | 2025-10-12 |" in section
    run.save(tmp_path / "out", charts=False)
    assert "## Contested positions" in (tmp_path / "out" / "report.md").read_text()
    pd.testing.assert_frame_equal(stance.load(tmp_path / "out").contested, run.contested)


NAMED = {"names": {"holders": {"merz": "Friedrich Merz", "orban": "Viktor Orbán", "kallas": "Kaja Kallas"},
                   "topics": {"loan": "Reparations loan", "sanctions": "New sanctions on Russia"}}}


def test_report_names_holders_and_topics_as_the_actors_and_topics_files_do():
    text = report.markdown_report(stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS, NAMED))
    rows = table_rows(section(text, "Shifts at a glance"))
    assert rows[2][2:5] == ["Viktor Orbán", "New sanctions on Russia", "open → ruled out"]
    assert "## Friedrich Merz — Reparations loan: oppose (2025-10-01) → support (2025-10-20)" in text
    # The holders table gives each id too, for `stance shifts --holder`.
    assert table_rows(section(text, "Shifts by holder"))[0][:2] == ["Friedrich Merz (`merz`)", "3"]
    assert "_" not in section(text, "Latest positions").split("\n\n")[2]   # "ruled out", not "ruled_out"


def test_latest_positions_are_a_row_per_topic_with_each_side_named():
    text = report.markdown_report(stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS, NAMED))
    positions = section(text, "Latest positions")
    assert "| topic | holders | ruled out | oppose | neutral | open | support |" in positions
    assert table_rows(positions) == [
        ["New sanctions on Russia (`sanctions`)", "1", "Viktor Orbán (20 Sep)", "", "", "", ""],
        ["Reparations loan (`loan`)", "1", "", "", "", "", "Friedrich Merz (20 Oct)"]]
    assert "not named here" not in positions   # a small run is listed whole


def test_at_scale_latest_positions_name_the_most_evidenced_holders_and_count_the_rest(monkeypatch):
    monkeypatch.setattr(report, "MAX_REPORT_POSITIONS", 5)
    monkeypatch.setattr(report, "MAX_CELL_HOLDERS", 2)
    rows = [{"statement_id": f"s{holder}-{repeat}", "doc_id": "wire-1", "text": "x", "holder": f"holder{holder}",
             "speaker": "", "topic": "loan", "stance": "support", "score": 2, "date": pd.Timestamp("2025-10-01"),
             "confidence": 0.8, "start": 0, "end": 1} for holder in range(8) for repeat in range(holder + 1)]   # holder7: 8 statements
    statements = schema.conform(pd.DataFrame(rows), schema.STATEMENT_COLUMNS)
    text = report.markdown_report(stance.Analysis(DOCUMENTS, statements, SHIFTS.iloc[:0]))
    positions = section(text, "Latest positions")
    assert table_rows(positions) == [["loan", "8", "", "", "", "", "holder7 (1 Oct), holder6 (1 Oct), and 6 more"]]
    assert "6 more positions of 8 not named here: every statement" in positions
    assert "statements.parquet" in positions


def test_a_saved_run_keeps_its_names_when_its_files_are_gone(tmp_path):
    actors_file, topics_file = tmp_path / "actors.yaml", tmp_path / "topics.yaml"
    actors_file.write_text("actors:\n  - id: merz\n    name: Friedrich Merz\n    aliases: [Merz]\n")
    topics_file.write_text("topics:\n  - id: loan\n    label: Reparations loan\n    keywords: [reparations loan]\n")
    text = pd.DataFrame({"text": ["Merz said Germany opposed the reparations loan."], "date": ["2025-10-01"]})
    stance.analyze(text, actors=actors_file, topics=topics_file).save(tmp_path / "out", charts=False)
    actors_file.unlink()
    topics_file.unlink()
    page = report.markdown_report(stance.load(tmp_path / "out"))
    assert table_rows(section(page, "Latest positions")) == [
        ["Reparations loan (`loan`)", "1", "", "Friedrich Merz (1 Oct)", "", "", ""]]


def test_each_chart_in_the_report_says_what_it_shows(tmp_path):
    run = stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS, NAMED)
    text = report.markdown_report(run, report.write_charts(run, tmp_path / "charts"))
    assert "![Latest stance of each holder on each topic](charts/heatmap.png)" in text
    assert "![Friedrich Merz — Reparations loan, over time](charts/timeline-merz-loan.png)" in text


def test_the_report_counts_one_document_in_the_singular():
    import pandas as pd
    import stance
    from stance.report import markdown_report
    frame = pd.DataFrame({"text": ["Merz ruled out German troops for Ukraine on Monday."], "date": ["2025-03-04"]})
    assert "1 document read (1 analysed), 1 statement," in markdown_report(stance.analyze(frame))


def test_a_move_known_only_from_a_report_reads_as_such_in_the_report():
    shifts = shifts_table(("merz", "loan", "", "oppose", "2025-10-21", "2025-10-21", "reported", 0.6))
    shifts = shifts.assign(reported=True, speaker="author")
    text = page(shifts)
    assert "(earlier position not in the sources) → oppose" in text
    assert "*reported*," in text and "*reported* (reported)" not in text and "reported, reported by" not in text


def test_the_report_names_the_topics_no_statement_was_found_on():
    settings = {"names": {"holders": {}, "topics": {"loan": "Reparations loan", "sanctions": "New sanctions",
                                                    "whaling": "A whaling ban"}}}
    text = report.markdown_report(stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS, settings))
    assert "No statement was found on 1 topic of the 3: A whaling ban." in text
    assert "No statement was found" not in page()   # no topic list kept: nothing to say


def test_a_report_of_one_holder_says_so_and_blames_no_topic_on_the_keywords(tmp_path):
    settings = {"names": {"holders": {}, "topics": {"loan": "Reparations loan", "sanctions": "New sanctions"}}}
    stance.Analysis(DOCUMENTS, STATEMENTS, SHIFTS, settings).save(tmp_path / "run", charts=False, report=False)
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "run"), "--format", "md", "--holder", "orban"])
    assert result.exit_code == 0, result.output
    assert "Only the statements and shifts of the holder 'orban'." in result.output
    assert "No statement was found" not in result.output   # merz spoke on the loan; orban did not


def test_a_run_whose_statements_name_no_actor_says_to_pass_an_actors_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stadium.md").write_text("---\ndate: 2026-02-03\n---\n"
                                                "Mayor Dana Whitlock said she backed public money for the stadium.\n")
    (tmp_path / "topics.yaml").write_text("topics:\n  - id: stadium_money\n    label: Public money for the stadium\n"
                                          "    keywords: [public money]\n")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-charts",
                                      "--topics", str(tmp_path / "topics.yaml")])
    advice = "none of the statements found (1) names an actor of the shipped Russia–Ukraine actors"
    assert result.exit_code == 0 and advice in result.stderr and "pass it with --actors" in result.stderr
    assert advice in (tmp_path / "out" / "report.md").read_text()
    assert "No statement has a holder" not in page()   # holders found: nothing to say
