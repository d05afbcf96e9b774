"""Shifts: the SPEC example on the seed live blog, kinds, contested moves, reported shifts."""
from __future__ import annotations

import pandas as pd
import pytest

import stance
from stance.shifts import CHANGE_POINT_MIN_DAYS, contested_table, detect_shifts, shift_kind

from conftest import FIXTURES


def _shift(run, holder, topic):
    rows = run.shifts[(run.shifts["holder"] == holder) & (run.shifts["topic"] == topic)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize("ids", ["shipped", "renamed"])
def test_seed_troops_shift_open_to_ruled_out(seed_path, ids):
    if ids == "shipped":
        run = stance.analyze([seed_path])
        trump, troops, air, sanctions = "trump", "us_ground_troops", "us_air_support", "russia_sanctions"
    else:
        run = stance.analyze([seed_path], actors=FIXTURES / "renamed-actors.yaml", topics=FIXTURES / "renamed-topics.yaml")
        trump, troops, air, sanctions = "potus47", "american_boots", "air_cover", "moscow_penalties"
    shift = _shift(run, trump, troops)
    assert (shift["from_stance"], shift["to_stance"]) == ("open", "ruled_out")
    assert (shift["from_date"], shift["to_date"]) == (pd.Timestamp("2025-08-18"), pd.Timestamp("2025-08-19"))
    assert shift["kind"] == "reversal" and not shift["reported"]
    statements = run.statements.set_index("statement_id")
    assert "leave open the possibility" in statements.loc[shift["before_statement_id"], "text"]
    assert "will not" in statements.loc[shift["after_statement_id"], "text"] or \
        "ruled out" in statements.loc[shift["after_statement_id"], "text"]
    air_support = run.statements[(run.statements["holder"] == trump) & (run.statements["topic"] == air)]
    assert set(air_support["stance"]) <= {"open", "support"} and (air_support["stance"] == "open").any()
    assert run.shifts[(run.shifts["holder"] == trump) & (run.shifts["topic"] == air)].empty
    detected = run.shifts[(run.shifts["holder"] == trump) & ~run.shifts["reported"]]
    assert list(detected["topic"]) == [troops]   # exactly the troops shift, nothing else moves
    reported = _shift(run, trump, sanctions)
    assert reported["reported"] and reported["speaker"] in ("graham", "sc_senator")


def test_seed_shift_evidence_is_verbatim_in_the_article(seed_path):
    run = stance.analyze([seed_path])
    body = seed_path.read_text(encoding="utf-8")
    for _, shift in run.shifts.iterrows():
        assert shift["before_text"] in body and shift["after_text"] in body


def test_seed_repeated_paragraphs_give_one_statement_each(seed_path):
    run = stance.analyze([seed_path])
    ruled_out = run.statements[run.statements["text"].str.startswith("Trump ruled out sending US boots")]
    assert len(ruled_out) == 1


@pytest.mark.parametrize("before, after, kind", [
    (1, -2, "reversal"), (-1, 2, "reversal"), (-1, -2, "hardening"), (0, 2, "hardening"),
    (2, 1, "softening"), (-2, 0, "softening"),
])
def test_shift_kinds(before, after, kind):
    assert shift_kind(before, after) == kind


def _statements(*days):
    rows = []
    for number, (day, stance_name, confidence) in enumerate(days):
        rows.append({"statement_id": f"s{number}", "doc_id": f"d{number}", "holder": "merz", "topic": "loan",
                     "stance": stance_name, "score": stance.schema.SCORES[stance_name], "date": pd.Timestamp(day),
                     "confidence": confidence, "text": f"statement {number}", "speaker": "merz"})
    return pd.DataFrame(rows)


def test_first_position_is_not_a_shift():
    assert detect_shifts(_statements(("2025-10-01", "oppose", 0.9))).empty


def test_one_contrary_position_between_two_agreeing_ones_is_contested_not_a_shift():
    shifts = detect_shifts(_statements(("2025-10-01", "oppose", 0.9), ("2025-10-03", "support", 0.4),
                                       ("2025-10-05", "oppose", 0.9)))
    assert shifts.empty
    # the same blip, but the old position returns only a month later: two moves
    shifts = detect_shifts(_statements(("2025-10-01", "oppose", 0.9), ("2025-10-03", "support", 0.9),
                                       ("2025-11-05", "oppose", 0.9)))
    assert shifts["to_stance"].tolist() == ["support", "oppose"]


def test_a_contested_position_is_listed_apart_with_the_day_the_old_one_came_back():
    blips: list[dict] = []
    statements = _statements(("2025-10-01", "oppose", 0.9), ("2025-10-03", "support", 0.4), ("2025-10-05", "oppose", 0.9))
    assert detect_shifts(statements, contested=blips).empty
    table = contested_table(blips)
    assert table[["from_stance", "to_stance", "to_date", "back_date", "after_text"]].values.tolist() == [
        ["oppose", "support", pd.Timestamp("2025-10-03"), pd.Timestamp("2025-10-05"), "statement 1"]]
    # a lasting move is a shift, and nothing is contested
    blips.clear()
    statements = _statements(("2025-10-01", "oppose", 0.9), ("2025-10-03", "support", 0.9), ("2025-11-05", "oppose", 0.9))
    assert len(detect_shifts(statements, contested=blips)) == 2 and contested_table(blips).empty


def test_a_lasting_change_is_one_shift():
    shifts = detect_shifts(_statements(("2025-10-01", "oppose", 0.9), ("2025-10-20", "support", 0.8),
                                       ("2025-10-25", "support", 0.8)))
    assert len(shifts) == 1 and shifts.iloc[0]["kind"] == "reversal" and not shifts.iloc[0]["contested"]


def test_a_weak_change_of_tone_is_not_a_shift_but_a_firm_one_is():
    # support -> open weeks later on the strength of one hedged statement: tone, not position
    weak = detect_shifts(_statements(("2025-09-01", "support", 0.8), ("2025-10-09", "open", 0.4)))
    firm = detect_shifts(_statements(("2025-09-01", "support", 0.8), ("2025-10-09", "open", 0.8)))
    assert weak.empty
    assert len(firm) == 1 and firm.iloc[0]["kind"] == "softening"
    # crossing neutral is a shift whatever the evidence
    assert len(detect_shifts(_statements(("2025-10-01", "support", 0.8), ("2025-10-09", "oppose", 0.4)))) == 1


def test_long_noisy_series_uses_change_points_not_every_blip():
    days = [(f"2025-03-{day:02d}", "oppose", 0.8) for day in range(1, 17)]
    days[6] = ("2025-03-07", "neutral", 0.8)          # one noisy day inside the first regime
    days += [(f"2025-04-{day:02d}", "support", 0.8) for day in range(1, 17)]
    assert len(days) >= CHANGE_POINT_MIN_DAYS
    shifts = detect_shifts(_statements(*days))
    assert len(shifts) == 1
    assert (shifts.iloc[0]["from_stance"], shifts.iloc[0]["to_stance"]) == ("oppose", "support")


def test_every_shift_quotes_its_evidence_verbatim_from_its_documents():
    articles = sorted((FIXTURES.parents[1] / "datasets" / "articles").glob("2025-0[78]-*.md"))
    run = stance.analyze(articles)
    bodies = {path.stem: path.read_text(encoding="utf-8") for path in articles}
    assert len(run.shifts) > 0
    for _, shift in run.shifts.iterrows():
        assert shift["before_text"] in bodies[shift["before_doc_id"]]
        assert shift["after_text"] in bodies[shift["after_doc_id"]]
        assert shift["before_statement_id"] in set(run.statements["statement_id"])
        assert shift["after_statement_id"] in set(run.statements["statement_id"])
        assert shift["from_date"] <= shift["to_date"] or pd.isna(shift["from_date"])


def _said(day, stance_name, confidence, speaker="merz", **extra):
    """One statement about Merz on the loan, by `speaker`, for building series by hand."""
    return {"day": day, "stance": stance_name, "confidence": confidence, "speaker": speaker, **extra}


def _table(*said):
    rows = []
    for number, item in enumerate(said):
        rows.append({"statement_id": f"s{number}", "doc_id": f"d{number}", "holder": "merz", "topic": "loan",
                     "stance": item["stance"], "score": stance.schema.SCORES[item["stance"]],
                     "date": pd.Timestamp(item["day"]), "confidence": item["confidence"],
                     "text": f"statement {number}", "speaker": item["speaker"],
                     "is_shift_report": item.get("is_shift_report", False), "cue": item.get("cue", "backs"),
                     "date_precision": item.get("precision", "day")})
    return pd.DataFrame(rows)


def test_another_actors_claim_about_the_holder_is_not_a_shift():
    # Merz backs the loan; a rival then says Merz is against it: that is the rival's reading
    table = _table(_said("2025-10-01", "support", 0.8), _said("2025-10-08", "oppose", 0.9, speaker="scholz"))
    assert detect_shifts(table).empty
    # Merz's own word against it is a shift
    table = _table(_said("2025-10-01", "support", 0.8), _said("2025-10-08", "oppose", 0.9))
    assert len(detect_shifts(table)) == 1


def test_a_day_of_equally_strong_mixed_statements_does_not_move_the_position():
    # 8 Oct: "we back the loan" and "not in this form", equally strong: no reversal, and no way back
    table = _table(_said("2025-10-01", "support", 0.8), _said("2025-10-08", "support", 0.6),
                   _said("2025-10-08", "oppose", 0.62), _said("2025-10-30", "support", 0.8))
    assert detect_shifts(table).empty
    # the stronger of the two restating the loan: still no move, however far the other one goes
    table.loc[1, "confidence"], table.loc[2, "confidence"] = 0.62, 0.6
    assert detect_shifts(table).empty


def test_a_reported_move_the_series_shows_is_listed_once_dated_by_the_report():
    # Merz opposed, backed the loan on 8 Oct, and on 12 Oct a paper reports his U-turn
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-08", "support", 0.8),
                   _said("2025-10-12", "support", 0.5, speaker="author", is_shift_report=True, cue="U-turn"))
    shifts = detect_shifts(table)
    assert len(shifts) == 1
    shift = shifts.iloc[0]
    assert bool(shift["reported"]) and shift["speaker"] == "author"
    assert (shift["from_stance"], shift["to_stance"]) == ("oppose", "support")
    assert shift["to_date"] == pd.Timestamp("2025-10-12") and shift["after_text"] == "statement 2"


def test_an_undated_report_stands_on_the_move_its_article_dates():
    # A Friday article: "On Tuesday Merz backed the loan" and, undated, "He no longer opposes it":
    # the report tells of Tuesday's move, not of one on Friday
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-21", "support", 0.8),
                   _said("2025-10-24", "support", 0.5, is_shift_report=True, cue="no longer", precision="doc"))
    table.loc[2, "doc_id"] = table.loc[1, "doc_id"]
    shift = _only(detect_shifts(table))
    assert bool(shift["reported"]) and shift["to_date"] == pd.Timestamp("2025-10-21")


def test_two_reports_of_one_move_are_one_shift():
    # "Merz's U-turn on the loan" and "a clear break with his stance", both by the paper, same day
    table = _table(_said("2025-10-01", "support", 0.8),
                   _said("2025-10-08", "oppose", 0.5, speaker="author", is_shift_report=True, cue="U-turn"),
                   _said("2025-10-08", "oppose", 0.4, speaker="author", is_shift_report=True, cue="a clear break"))
    shift = _only(detect_shifts(table))
    assert (shift["from_stance"], shift["to_stance"], bool(shift["reported"])) == ("support", "oppose", True)


def test_a_late_summary_of_a_position_long_held_adds_no_shift():
    # the move was in October; a December profile says he "no longer" opposes: the same move, told again
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-08", "support", 0.8),
                   _said("2025-12-10", "support", 0.5, speaker="author", is_shift_report=True, cue="no longer"))
    shifts = detect_shifts(table)
    assert len(shifts) == 1 and shifts.iloc[0]["to_date"] == pd.Timestamp("2025-10-08")


def test_a_week_dated_retelling_does_not_date_the_move_early():
    # Wednesday 22 Oct: Merz backs the loan; a Friday explainer's "last week he backed it" is that
    # same position, not one on the week's representative day, Tuesday 21 Oct
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-21", "support", 0.9, precision="week"),
                   _said("2025-10-22", "support", 0.8))
    shifts = detect_shifts(table)
    assert len(shifts) == 1 and shifts.iloc[0]["to_date"] == pd.Timestamp("2025-10-22")
    assert shifts.iloc[0]["after_text"] == "statement 2"


def test_a_change_of_tone_that_lasts_is_a_shift():
    # "could back" -> "will back" on weak evidence, said again a week later: a move, not a blip
    lasting = _table(_said("2025-09-01", "open", 0.8), _said("2025-10-09", "support", 0.4),
                     _said("2025-10-16", "support", 0.4))
    assert len(detect_shifts(lasting)) == 1 and detect_shifts(lasting).iloc[0]["kind"] == "hardening"
    # the same weak step, back to "could" next time: tone
    blip = _table(_said("2025-09-01", "open", 0.8), _said("2025-10-09", "support", 0.4),
                  _said("2025-11-30", "open", 0.8))
    assert detect_shifts(blip).empty


def test_a_step_between_two_refusals_needs_firm_evidence():
    # "Merz rejected the loan"; a week later reports say he "would not accept" it, weakly, twice:
    # the same refusal in other words, though it lasts and comes within days
    weak = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-09", "ruled_out", 0.4),
                  _said("2025-10-16", "ruled_out", 0.4))
    assert detect_shifts(weak).empty
    # "he will never sign it", firmly: a hardening
    firm = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-09", "ruled_out", 0.8))
    assert _only(detect_shifts(firm))["kind"] == "hardening"


def test_a_change_of_tone_within_days_answers_the_position_before_it():
    # Monday "Berlin could back the loan"; Friday "we will back it", once, on weak evidence: a move
    answer = _table(_said("2025-10-06", "open", 0.8), _said("2025-10-10", "support", 0.4),
                    _said("2025-11-30", "open", 0.8))
    shifts = detect_shifts(answer)
    assert shifts["to_date"].tolist()[:1] == [pd.Timestamp("2025-10-10")]


def test_a_stance_read_without_a_stance_word_can_make_a_shift():
    # "Merz has signed the loan agreement": no stance word, but his own act, and a move
    table = _table(_said("2025-10-01", "oppose", 0.8, cue="rejected"),
                   _said("2025-10-20", "support", 0.6, cue="(no stance word)"))
    assert len(detect_shifts(table)) == 1
    # a headline still cannot
    table["is_heading"] = [False, True]
    assert detect_shifts(table).empty


def test_a_journalists_report_of_a_move_has_the_author_as_speaker():
    # "Then, on Monday, Merz reversed course": a paraphrase in Merz's name, the reporter's reading
    table = _table(_said("2025-10-01", "oppose", 0.8),
                   _said("2025-10-20", "support", 0.3, is_shift_report=True, cue="reversed course"))
    shift = _only(detect_shifts(table))
    assert bool(shift["reported"]) and shift["speaker"] == "author"
    # a senator reporting it is the speaker
    table.loc[1, "speaker"] = "graham"
    assert _only(detect_shifts(table))["speaker"] == "graham"


def _only(shifts):
    assert len(shifts) == 1, shifts
    return shifts.iloc[0]


def _government():
    """A chancellor, his spokesman, a minister, and the government they belong to."""
    from stance.config import Actor, Actors
    return Actors([
        Actor("merz", "Friedrich Merz", aliases=("Merz",), roles=("the German chancellor",), member_of=("berlin",)),
        Actor("kornelius", "Stefan Kornelius", aliases=("Kornelius",), roles=("the chancellor's spokesman",
                                                                               "Merz's spokesman"), member_of=("berlin",)),
        Actor("wadephul", "Johann Wadephul", aliases=("Wadephul",), roles=("the foreign minister",), member_of=("berlin",)),
        Actor("berlin", "German government", aliases=("Berlin", "the chancellery"), kind="organization"),
    ])


@pytest.mark.parametrize("speaker, moves", [
    ("kornelius", True),    # "Merz now backs the loan, his spokesman said": the chancellor's own voice
    ("berlin", True),       # "the chancellery said Merz would back it": his office
    ("wadephul", False),    # a minister telling what the chancellor thinks: the minister's reading
], ids=["spokesman", "office", "minister"])
def test_a_persons_spokesperson_and_office_speak_for_them(speaker, moves):
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-20", "support", 0.8, speaker=speaker))
    assert len(detect_shifts(table, actors=_government())) == int(moves)
    assert detect_shifts(table).empty    # without the actor file only the holder's own word counts


def test_an_organisations_members_speak_for_it():
    # "Berlin rejected the loan"; a week later the foreign minister says Germany will back it
    table = _table(_said("2025-10-01", "oppose", 0.8, speaker="berlin"),
                   _said("2025-10-08", "support", 0.8, speaker="wadephul"))
    table["holder"] = "berlin"
    assert len(detect_shifts(table, actors=_government())) == 1


def test_an_undated_gloss_is_read_on_the_day_its_article_dates():
    # A Friday article: "On Tuesday Merz backed the loan" (dated) and "Merz is still weighing the
    # details" (undated): the gloss tells of Tuesday's position, not of a new one on Friday
    table = _table(_said("2025-10-01", "oppose", 0.8), _said("2025-10-21", "support", 0.8),
                   _said("2025-10-24", "open", 0.5, precision="doc"))
    table.loc[2, "doc_id"] = table.loc[1, "doc_id"]
    shifts = detect_shifts(table)
    assert shifts[["from_stance", "to_stance"]].values.tolist() == [["oppose", "support"]]
    assert shifts.iloc[0]["to_date"] == pd.Timestamp("2025-10-21")
    # in an article that dates nothing else of his, it is the publication day's position
    table.loc[2, "doc_id"] = "elsewhere"
    assert detect_shifts(table)["to_date"].tolist() == [pd.Timestamp("2025-10-21"), pd.Timestamp("2025-10-24")]


def test_a_mixed_day_that_leaves_the_held_position_is_read_by_its_furthest_move():
    # Merz backed the loan; on 20 Oct he "would not accept the loan as drafted" but "might agree to
    # a smaller one", equally strong: he moved, and the refusal is the day's position
    table = _table(_said("2025-10-01", "support", 0.8), _said("2025-10-20", "oppose", 0.6),
                   _said("2025-10-20", "open", 0.6), _said("2025-10-27", "open", 0.8))
    shifts = detect_shifts(table)
    assert shifts[["from_stance", "to_stance"]].values.tolist() == [["support", "oppose"], ["oppose", "open"]]
    assert shifts.iloc[0]["after_statement_id"] == "s1"
