"""The per-document stages together: whatever the text, statements are never dated after their
document, and the same document always gives the same statements."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.config import Actor, Actors, Topic, Topics
from stance.extract import Extractor
from stance.ingest import Document
from stance.segment import split_document

PIECES = ["Trump said", "Leavitt told reporters", "he ruled out US troops", "Putin rejected a ceasefire",
          "on Tuesday", "yesterday", "the day before", "next week", "on 2 June", "in December", "last month",
          "“We will never accept Nato troops,”", "Zelensky said.", "tomorrow", "on Friday", "a day later",
          "Kyiv backed new sanctions", "\n", ", but", "after seeming to leave the door open", "2031"]
EXTRACTOR = Extractor(Actors.default(), Topics.default())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=3, max_size=30),
       st.dates(min_value=dt.date(2000, 1, 3), max_value=dt.date(2030, 12, 28)))
def test_no_statement_is_dated_after_its_document(pieces, published):
    document = Document("doc", "doc.md", " ".join(pieces) + ".", date=published)
    rows = EXTRACTOR.statements_of(document)
    assert all(row["date"] <= published for row in rows)
    assert rows == EXTRACTOR.statements_of(document)


# A wire story published on Thursday 12 June 2025 about Tuesday's meeting: words reported from
# Tuesday take Tuesday; a position stated as standing ("has said", "insists") and the writer's
# own view take the day of writing.
WIRE = ("Merz said on Tuesday that Germany backed new sanctions on Russia. "
        "He also called for a ceasefire within weeks.\n\n"
        "Kallas has said repeatedly that the EU will keep its sanctions until Russia withdraws.\n\n"
        "Macron said on Tuesday that European troops could follow a peace deal.")


def test_reported_words_keep_the_day_they_were_said():
    from helpers import extract, only
    rows = extract(WIRE, date="2025-06-12")
    assert only(rows, holder="merz", topic="russia_sanctions")["date"] == dt.date(2025, 6, 10)
    assert only(rows, holder="merz", topic="ceasefire")["date"] == dt.date(2025, 6, 10)


def test_a_standing_position_is_dated_when_written_not_by_the_story_focus():
    from helpers import extract, only
    rows = extract(WIRE, date="2025-06-12")
    kallas = only(rows, speaker="kallas", topic="russia_sanctions")
    assert (kallas["date"], kallas["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_said_in_the_past_is_not_standing_even_with_a_perfect_inside():
    from helpers import extract, only
    text = ("Leaders met in Paris on Tuesday. Starmer arrived on Tuesday morning.\n\n"
            "Twenty countries have agreed to send peacekeepers, Macron announced.")
    # Not the day of writing: the day the story is about (named twice), as for any reported words.
    assert only(extract(text, date="2025-06-12"), topic="european_troops")["date"] == dt.date(2025, 6, 10)


def test_the_whole_idea_points_back_across_a_paragraph():
    from helpers import extract, only
    from stance.config import Actor, Topic
    topics = Topics([Topic("steel_levy", "EU levy on imported steel", keywords=("steel levy",))])
    actors = Actors([Actor("erdogan", "Recep Tayyip Erdogan", aliases=("Erdogan",)),
                     Actor("sefcovic", "Maros Sefcovic", aliases=("Sefcovic",))])
    text = ("Sefcovic said on Monday that Brussels would propose a steel levy next month.\n\n"
            "Erdogan, speaking in Ankara, rejected the whole idea.")
    row = only(extract(text, date="2025-06-12", actors=actors, topics=topics), holder="erdogan")
    assert (row["topic"], row["stance"]) == ("steel_levy", "oppose")


# A wire story published on Thursday 12 June 2025: the lead sets Tuesday's occasion; two
# reactions name Wednesday (more often than the lead names Tuesday); the last paragraph, with no
# date words, still reports the lead's occasion, not Wednesday and not the day of writing.
LEAD_WIRE = ("BERLIN, June 12 (Harbour Wire) - Friedrich Merz told fellow leaders on Tuesday that "
             "Germany would back new sanctions on Russia.\n\n"
             "Speaking after the talks, the chancellor said Europe should also press for a ceasefire.\n\n"
             "Macron said on Wednesday that European troops could follow a peace deal. Kallas said on "
             "Wednesday that the EU would keep its sanctions.\n\n"
             "Starmer said Britain would back a ceasefire once Moscow agreed to one.")


def test_undated_paragraphs_report_the_occasion_the_lead_names():
    from helpers import extract, only
    rows = extract(LEAD_WIRE, date="2025-06-12")
    assert only(rows, holder="merz", topic="ceasefire")["date"] == dt.date(2025, 6, 10)
    assert only(rows, holder="starmer", topic="ceasefire")["date"] == dt.date(2025, 6, 10)
    assert only(rows, holder="macron", topic="european_troops")["date"] == dt.date(2025, 6, 11)


def test_the_dateline_day_is_not_the_occasion():
    from helpers import extract, only
    rows = extract(LEAD_WIRE, date="2025-06-12")
    assert only(rows, holder="merz", topic="russia_sanctions")["date_expression"] == "on Tuesday"


def test_anaphors_count_from_the_day_the_paragraph_before_named():
    from helpers import extract, only
    text = ("Merz and Macron met in Paris on Monday to discuss the ceasefire plan.\n\n"
            "Hours later, Merz said Germany would back new sanctions on Russia.\n\n"
            "A day earlier, in Berlin, Kallas had called for tougher sanctions on Russia.\n\n"
            "She also said a ceasefire should come first.")
    rows = extract(text, date="2025-06-12")
    assert only(rows, holder="merz", topic="russia_sanctions")["date"] == dt.date(2025, 6, 9)
    assert only(rows, speaker="kallas", topic="russia_sanctions")["date"] == dt.date(2025, 6, 8)
    # The next paragraph goes on with her words of that day.
    assert only(rows, speaker="kallas", topic="ceasefire")["date"] == dt.date(2025, 6, 8)


def test_each_section_has_its_own_lead():
    from helpers import extract, only
    text = ("Berlin talks\n\nMerz told reporters on Monday that Germany backed new sanctions on Russia.\n\n"
            "Kyiv responds\n\nZelensky said on Tuesday that Ukraine welcomed the sanctions.\n\n"
            "Sybiha said Kyiv would accept a ceasefire only with guarantees.")
    assert only(extract(text, date="2025-06-12"), speaker="sybiha")["date"] == dt.date(2025, 6, 10)


def test_a_round_up_that_moves_to_another_day_at_once_has_no_lead_occasion():
    from helpers import extract, only
    text = ("Merz told reporters on Tuesday that Germany backed new sanctions on Russia.\n\n"
            "Macron said on Wednesday that European troops could follow a peace deal.\n\n"
            "Starmer said Britain would back a ceasefire once Moscow agreed to one.")
    starmer = only(extract(text, date="2025-06-12"), holder="starmer")
    assert (starmer["date"], starmer["date_precision"]) == (dt.date(2025, 6, 12), "doc")


# A wire published on Thursday 12 June 2025. Its lead is in the present tense, the news of the
# day; further down, a bare present perfect or a present tense states where someone stands as the
# piece is written, not what they said on the lead's day.
STANDING_WIRE = ("Merz says Germany is ready to back new sanctions on Russia.\n\n"
                 "The chancellor set out the offer on Tuesday in a speech in Berlin.\n\n"
                 "Meloni has ruled out sending Italian troops to Ukraine.\n\n"
                 "Orban has long said that Hungary will veto new sanctions on Russia.\n\n"
                 "Diplomats say a ceasefire is still far off.\n\n"
                 "While Macron has backed European troops for Ukraine, he urged caution on Wednesday.")


def test_the_lead_in_the_present_tense_reports_the_occasion():
    from helpers import extract, only
    [merz] = [row for row in extract(STANDING_WIRE, date="2025-06-12") if row["text"].startswith("Merz says")]
    assert (merz["date"], merz["date_precision"]) == (dt.date(2025, 6, 10), "day")


@pytest.mark.parametrize("holder, topic", [("meloni", "european_troops"), ("orban", "russia_sanctions")],
                         ids=["bare-present-perfect", "has-long-said"])
def test_a_perfect_further_down_stands_as_of_writing(holder, topic):
    from helpers import extract, only
    row = only(extract(STANDING_WIRE, date="2025-06-12"), holder=holder, topic=topic)
    assert (row["date"], row["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_a_day_named_in_the_sentence_beats_a_perfect_in_its_other_clause():
    from helpers import extract, only
    macron = only(extract(STANDING_WIRE, date="2025-06-12"), holder="macron")
    assert macron["date"] == dt.date(2025, 6, 11)


def test_a_sections_first_paragraph_is_no_news_lead():
    from helpers import extract, only
    text = ("Merz told reporters on Tuesday that Germany backed new sanctions on Russia.\n\n"
            "He said Europe would act together. Macron spoke on Tuesday too.\n\n"
            "## Rome\n\n"
            "Meloni has ruled out sending Italian troops to Ukraine.")
    meloni = only(extract(text, date="2025-06-12"), holder="meloni")
    assert (meloni["date"], meloni["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_a_clause_takes_the_day_an_earlier_clause_of_its_sentence_names():
    from helpers import extract, only
    text = ("Leaders met in Paris on Tuesday.\n\n"
            "Merz has said this week that Berlin will help, but that German troops in Ukraine "
            "would need a vote in the Bundestag.")
    merz = only(extract(text, date="2025-06-13"), holder="merz")
    assert (merz["date"], merz["date_precision"]) == (dt.date(2025, 6, 9), "week")


def test_an_irregular_perfect_stands_as_of_writing():
    from helpers import extract, only
    text = ("Trump said on Monday that he would impose new sanctions on Russia.\n\n"
            "He went on to attack the Fed.\n\n"
            "The EU has already cut its purchases of Russian oil and is preparing new sanctions.")
    eu = only(extract(text, date="2025-06-12"), holder="eu")
    assert (eu["date"], eu["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_has_gone_further_stands_as_of_writing():
    from helpers import extract, only
    text = ("Trump said on Monday that he would impose new sanctions on Russia.\n\n"
            "He went on to attack the Fed.\n\n"
            "Starmer has gone further than other leaders, saying Britain is ready to send troops to Ukraine.")
    starmer = only(extract(text, date="2025-06-12"), holder="starmer")
    assert (starmer["date"], starmer["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_an_anaphor_counts_from_the_day_named_earlier_in_its_sentence():
    from helpers import extract, only
    text = "Kallas backed new sanctions on Russia on Tuesday, but a day earlier she had called for a ceasefire first."
    assert only(extract(text, date="2025-06-12"), topic="ceasefire")["date"] == dt.date(2025, 6, 9)


# A live blog published on Thursday 12 June 2025 that keeps Tuesday's entries below Thursday's.
MULTI_DAY_BLOG = ("Thursday 12 June 2025 09:00\n\n"
                  "Kallas said this morning that the EU would keep its sanctions on Russia.\n\n"
                  "Tuesday 10 June 2025 18:30\n\n"
                  "Merz said yesterday that Germany backed new sanctions on Russia.\n\n"
                  "Macron told reporters that European troops could follow a peace deal.\n")


@pytest.mark.parametrize("holder, day", [("eu", 12), ("merz", 9), ("macron", 10)],
                         ids=["this-morning-in-thursday-entry", "yesterday-in-tuesday-entry",
                              "undated-in-tuesday-entry"])
def test_a_live_blog_entry_counts_from_its_own_day(holder, day):
    from helpers import extract, only
    assert only(extract(MULTI_DAY_BLOG, date="2025-06-12"), holder=holder)["date"] == dt.date(2025, 6, day)


def test_a_voice_dated_in_one_days_entry_does_not_date_its_words_in_the_next_days():
    from helpers import extract, only
    text = ("Tuesday 10 June 2025 18:30\n\n"
            "Merz said yesterday that Germany backed new sanctions on Russia.\n\n"
            "Thursday 12 June 2025 09:00\n\n"
            "Merz added that Germany would support a ceasefire.\n")
    assert only(extract(text, date="2025-06-12"), topic="ceasefire")["date"] == dt.date(2025, 6, 12)


def test_a_backfill_paragraph_in_the_past_perfect_sets_no_occasion():
    from helpers import extract, only
    text = ("**Moscow's answer**\n\n"
            "Lavrov had hinted at a deal. Russia wanted guarantees, he said on Monday.\n\n"
            "Merz said Germany would back a ceasefire all the same.")
    # Not Monday's backfill: with no occasion of its own, the piece falls back to the day it
    # names most, or (named once) the publication day.
    merz = only(extract(text, date="2025-06-12"), holder="merz")
    assert (merz["date"], merz["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_a_voice_is_remembered_by_its_main_clause_not_by_an_earlier_occasion():
    from helpers import extract, only
    text = ("Trump told Fox News on Tuesday that US troops would not be sent to Ukraine after seeming "
            "to leave open the possibility the day before.\n\n"
            "Merz said on Wednesday that Germany backed new sanctions on Russia.\n\n"
            "Trump also said Washington could offer air support.")
    rows = extract(text, date="2025-06-12")
    assert only(rows, holder="trump", topic="us_air_support")["date"] == dt.date(2025, 6, 10)


def test_a_day_named_by_an_event_takes_the_day_that_event_was_told_of():
    from helpers import extract, only
    text = ("On 3 June Merz signed a decree on new sanctions on Russia. The measures took effect on Tuesday.\n\n"
            "The day before he signed, Merz had said Germany would back a ceasefire.\n\n"
            "On the day the decree was signed, Macron said European troops could follow a peace deal.")
    rows = extract(text, date="2025-06-12")
    assert only(rows, holder="merz", topic="ceasefire")["date"] == dt.date(2025, 6, 2)
    assert only(rows, holder="macron", topic="european_troops")["date"] == dt.date(2025, 6, 3)


def test_a_headline_reports_the_occasion_of_the_paragraph_under_it():
    from helpers import extract
    text = ("## Merz: Germany backs new sanctions on Russia\n\n"
            "Friedrich Merz said on Monday that Germany would back new sanctions on Russia.\n\n"
            "Macron: \"European troops could follow a peace deal\"\n\n"
            "Emmanuel Macron told reporters on Tuesday that European troops could follow a peace deal.")
    rows = extract(text, date="2025-06-12")
    headlines = {row["holder"]: row["date"] for row in rows if row["text"].startswith(("Merz:", "Macron:"))}
    assert headlines == {"merz": dt.date(2025, 6, 9), "macron": dt.date(2025, 6, 10)}


def test_a_participle_naming_a_thing_sets_no_event_day():
    from helpers import extract, only
    text = ("Macron announced the plan for European troops on Monday.\n\n"
            "Kallas said on Wednesday that the EU backed the plan announced by Paris.\n\n"
            "Merz backed new sanctions on Russia as soon as the plan was announced.")
    assert only(extract(text, date="2025-06-12"), holder="merz")["date"] == dt.date(2025, 6, 9)


def test_a_past_perfect_sentence_sets_no_sections_occasion():
    from helpers import extract, only
    text = ("Merz told reporters on Wednesday that Germany backed new sanctions on Russia.\n\n"
            "**How we got here**\n\n"
            "The talks stalled in the spring. Macron had said on 2 June that European troops could follow a peace deal.\n\n"
            "Kallas said the EU would back a ceasefire.")
    # Not the section's flashback day: the story's occasion, named twice, or the day of writing.
    assert only(extract(text, date="2025-06-12"), speaker="kallas")["date"] != dt.date(2025, 6, 2)


def test_a_reported_past_perfect_still_sets_the_occasion():
    from helpers import extract, only
    text = ("**Kyiv's view**\n\n"
            "Kyiv confirmed on Monday that it had asked for new sanctions on Russia.\n\n"
            "Sybiha said Ukraine would accept a ceasefire only with guarantees.")
    assert only(extract(text, date="2025-06-12"), speaker="sybiha")["date"] == dt.date(2025, 6, 9)


def test_a_day_counted_back_from_another_event_sets_no_occasion():
    from helpers import extract, only
    text = ("Merz told reporters on Wednesday that Germany backed new sanctions on Russia.\n\n"
            "**Kyiv's answer**\n\n"
            "Sybiha said Ukraine would accept a ceasefire only with guarantees.\n\n"
            "Three days earlier, in Rome, Zelensky had said European troops could follow a peace deal.")
    assert only(extract(text, date="2025-06-12"), speaker="sybiha")["date"] != dt.date(2025, 6, 9)


@pytest.mark.parametrize("sentence, holder", [
    ("Orban, for his part, rejects new sanctions on Russia.", "orban"),
    ("Meloni still prefers a ceasefire to any talk of troops.", "meloni"),
], ids=["rejects", "still-prefers"])
def test_a_stance_verb_in_the_present_stands_as_of_writing(sentence, holder):
    from helpers import extract, only
    text = ("Merz told reporters on Tuesday that Germany backed new sanctions on Russia. "
            "He said a ceasefire had to come first.\n\n" + sentence)
    row = only(extract(text, date="2025-06-12"), holder=holder)
    assert (row["date"], row["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_a_document_that_calls_for_something_is_not_standing():
    from helpers import extract, only
    text = ("Kyiv handed over its road map on Tuesday. It sets out terms for talks.\n\n"
            "It calls for a full ceasefire of at least 30 days.")
    assert only(extract(text, date="2025-06-12"), topic="ceasefire")["date_precision"] != "doc"


def test_a_transcript_turn_was_said_at_the_exchange_not_when_written():
    from helpers import extract
    text = ("Merz spoke to reporters in Berlin on Tuesday. Excerpts follow.\n\n"
            "Q: What about Russia?\n\n"
            "MERZ: Germany backs new sanctions on Russia. We set this out on 2 June.\n\n"
            "Q: And a truce?\n\n"
            "MERZ: A ceasefire must come first.")
    rows = extract(text, date="2025-06-12")
    assert {row["topic"]: row["date"] for row in rows} == {"russia_sanctions": dt.date(2025, 6, 10),
                                                          "ceasefire": dt.date(2025, 6, 10)}


def test_the_interviewers_turn_states_no_one_s_position_but_sets_the_answers_topic():
    from helpers import extract
    text = ("Leavitt took questions at the White House on Tuesday.\n\n"
            "**Q: Trump says Europe should pay for new sanctions on Russia. Does he still back them?**\n\n"
            "LEAVITT: He backs them fully.\n\n"
            "Reporter: Kallas has called for a ceasefire by May. Will Washington join her?\n\n"
            "LEAVITT: No comment on that.")
    rows = extract(text, date="2025-06-12")
    # the answer alone: "he" is the president the question named, and Leavitt speaks for him
    assert [(row["holder"], row["speaker"], row["topic"], row["stance"]) for row in rows] == \
        [("trump", "leavitt", "russia_sanctions", "support")]


def test_two_claims_reported_in_one_sentence_are_two_statements():
    from helpers import extract
    text = ("Trump spoke to Leavitt on Monday. Leavitt said the president had decided to scrap new sanctions "
            "on Russia, and that he still backed an immediate ceasefire.")
    rows = extract(text, date="2025-03-19")
    read = {row["topic"]: (row["holder"], row["stance"], row["text"].split()[0]) for row in rows}
    assert read == {"russia_sanctions": ("trump", "oppose", "Leavitt"), "ceasefire": ("trump", "support", "and")}


def test_another_events_day_does_not_move_the_storys_time():
    from helpers import extract, only
    text = ("Merz backed new sanctions on Russia on Tuesday, a U-turn from Friday.\n\n"
            "In the evening, Macron said European troops could follow a peace deal.")
    assert only(extract(text, date="2025-06-12"), holder="macron")["date"] == dt.date(2025, 6, 10)


def test_unnamed_sources_take_a_position_without_a_stance_word():
    from helpers import extract, only
    rows = extract("Two European diplomats said new sanctions on Russia would bite far harder with American help.")
    row = only(rows, topic="russia_sanctions")
    assert (row["holder"], row["speaker"], row["source_kind"]) == ("", "", "sources")


def test_the_writer_mentioning_a_topic_takes_no_position():
    from helpers import extract
    assert extract("New sanctions on Russia would bite far harder with American help.") == []


def test_each_claim_of_a_quote_split_around_its_tag_is_a_statement():
    from helpers import extract
    rows = extract('"Accept a ceasefire while it is on offer," Kallas said, "and let the guns fall silent."')
    assert [(row["text"], row["holder"]) for row in rows if row["topic"] == "ceasefire"] == [
        ('"Accept a ceasefire while it is on offer," Kallas said', "kallas"),
        ('"and let the guns fall silent."', "kallas")]


@pytest.mark.parametrize("text, expected", [
    ("Sybiha: a ceasefire first, then talks\n\nThe foreign minister spoke in Kyiv on Monday.",
     [("sybiha", "support")]),
    ("A ceasefire first, then talks\n\nThe foreign minister spoke in Kyiv on Monday.", []),
], ids=["speaker-first", "no-speaker"])
def test_a_headline_that_names_its_speaker_first_states_their_position(text, expected):
    from helpers import extract
    rows = extract(text)
    assert [(row["holder"], row["stance"]) for row in rows if row["topic"] == "ceasefire"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The big question is whether Merz will back new sanctions on Russia.", []),
    ("No one has said how many troops a European force would need.", []),
    ("Merz will back new sanctions on Russia, the chancellor's office said.", ["russia_sanctions"]),
], ids=["question-is-whether", "no-one-has-said-how", "an-answer"])
def test_the_writers_open_question_takes_no_position(text, expected):
    from helpers import extract
    assert [row["topic"] for row in extract(text)] == expected


def test_a_condition_after_but_only_makes_the_position_open():
    from helpers import extract, only
    row = only(extract("Merz backed new sanctions on Russia, but only if the US joined in."), topic="russia_sanctions")
    assert (row["stance"], row["text"]) == ("open", "Merz backed new sanctions on Russia, but only if the US joined in.")


@pytest.mark.parametrize("text, expected", [
    ("A poll published on Friday found that 58 per cent of Germans back new sanctions on Russia, "
     "while 30 per cent are against.", [("", "support"), ("", "oppose")]),
    ("A survey found that most Italians want new sanctions on Russia, while one in five would rather "
     "see trade resume.", [("", "support"), ("", "oppose")]),
], ids=["per-cent", "one-in-five"])
def test_the_other_share_of_a_poll_holds_the_other_view(text, expected):
    from helpers import extract
    rows = [row for row in extract(text) if row["topic"] == "russia_sanctions"]
    assert [(row["speaker"], row["stance"]) for row in rows] == expected
    assert all(row["source_kind"] == "poll" for row in rows)


def test_a_share_set_against_a_named_actor_is_read_on_its_own_words():
    from helpers import extract
    rows = extract("Merz backed new sanctions on Russia, while 30 per cent of voters were undecided.")
    assert [row["stance"] for row in rows if row["topic"] == "russia_sanctions"] == ["support", "open"]


def test_a_quoted_today_is_the_speakers_day_not_the_day_of_writing():
    from helpers import extract, only
    text = ("Merz told reporters on Tuesday that Germany backed new sanctions on Russia.\n\n"
            "\"There is no support for a ceasefire today,\" he said.")
    assert only(extract(text, date="2025-06-12"), topic="ceasefire")["date"] == dt.date(2025, 6, 10)


@pytest.mark.parametrize("lead, expected", [
    ("By any measure, Wednesday's vote in Brussels was close.", dt.date(2025, 6, 11)),
    ("After Wednesday's vote in Brussels, the mood was calm.", None),
], ids=["event-of-the-day", "after-an-event"])
def test_a_lead_that_names_its_event_by_day_sets_the_occasion(lead, expected):
    from helpers import extract, only
    text = lead + "\n\nMerz said Germany would back new sanctions on Russia."
    row = only(extract(text, date="2025-06-12"), holder="merz")
    assert row["date"] == expected if expected else row["date_precision"] == "doc"


@pytest.mark.parametrize("heading, expected", [
    ("**Q: And what does Brussels think?**", dt.date(2025, 6, 10)),
    ("**Brussels' view**", None),
], ids=["question-goes-on-with-the-story", "section-title-starts-anew"])
def test_a_question_heading_goes_on_with_the_storys_occasion(heading, expected):
    from helpers import extract, only
    text = ("Friedrich Merz told reporters on Tuesday that Germany would back new sanctions on Russia.\n\n"
            "Excerpts from the exchange follow.\n\n"
            f"{heading}\n\n"
            "Kallas said a ceasefire had to come first.")
    row = only(extract(text, date="2025-06-12"), topic="ceasefire")
    assert row["date"] == expected if expected else row["date_precision"] == "doc"
@pytest.mark.parametrize("text, expected", [
    ("Oslo still says no. Erik Lund has said the ban is staying.", 2),
    ("The letter went to No. 10 on Friday. Lund replied the same day.", 2),
], ids=["no-ends-a-sentence", "no-before-a-number"])
def test_no_with_a_full_stop_ends_a_sentence_unless_a_number_follows(text, expected):
    assert len(split_document("doc", text)) == expected


def test_a_labels_head_alone_gives_a_topic_but_no_paragraph_to_carry():
    from helpers import extract
    from stance.config import Actor, Topic
    topics = Topics([Topic("tax_cut", "Lowering the sales tax", keywords=("tax cut",)),
                     Topic("deep_cut", "A deep tax cut", keywords=("deep cut",))])
    actors = Actors([Actor("okafor", "Ada Okafor", aliases=("Okafor",))])
    text = ("Okafor said on Monday that she would back a cut in the spring. "
            "She said households needed relief.")
    rows = extract(text, date="2025-06-12", actors=actors, topics=topics)
    assert [(row["topic"], row["stance"]) for row in rows] == [("tax_cut", "support")]


def test_a_topic_in_an_opening_scene_setting_clause_is_not_what_is_said():
    from helpers import extract
    rows = extract("Before meeting Zelensky at the White House, Trump told reporters that peace could come "
                   "almost at once if Kyiv gave up Crimea.", date="2025-08-18")
    assert "leaders_summit" not in {row["topic"] for row in rows}
    rows = extract("Trump said he was ready to meet Zelensky and Putin together.", date="2025-08-18")
    assert "leaders_summit" in {row["topic"] for row in rows}


@pytest.mark.parametrize("act, verdict, expected", [
    ("ruled out a congestion charge", "welcomed the decision", "oppose"),
    ("ruled out a congestion charge", "condemned the decision", "support"),
    ("backed a congestion charge", "welcomed the move", "support"),
    ("backed a congestion charge", "criticised the move", "oppose"),
])
def test_a_verdict_on_anothers_act_takes_its_stance_from_the_act(act, verdict, expected):
    actors = Actors([Actor("marsh", "Lena Marsh", aliases=("Marsh",)), Actor("pike", "Owen Pike", aliases=("Pike",))])
    topics = Topics([Topic("charge", "Congestion charge for the old town", keywords=("congestion charge",))])
    rows = Extractor(actors, topics).statements_of(
        Document("d", "d.md", f"Marsh {act} on Tuesday.\n\nPike {verdict}.", date=dt.date(2025, 5, 21)))
    assert [(r["holder"], r["stance"]) for r in rows if r["holder"] == "pike"] == [("pike", expected)]


def test_a_definite_noun_points_back_to_a_topic_named_a_dozen_sentences_before():
    actors = Actors([Actor("marsh", "Lena Marsh", aliases=("Marsh",), gender="female")])
    topics = Topics([Topic("tram", "The harbour tram line", keywords=("harbour tram line",)),
                     Topic("charge", "Congestion charge", keywords=("congestion charge",))])
    filler = " ".join(f"Traffic on route {n} was light in the morning." for n in range(11))
    text = f"The council debated the harbour tram line on Monday.\n\n{filler}\n\nMarsh said the line would never be built."
    rows = Extractor(actors, topics).statements_of(Document("d", "d.md", text, date=dt.date(2025, 5, 21)))
    assert [(r["holder"], r["topic"], r["stance"]) for r in rows] == [("marsh", "tram", "ruled_out")]


@pytest.mark.parametrize("sentence, expected", [
    ("Okafor voted for a five-point reduction on Monday.", {("deep_cut", "support"), ("tax_cut", "support")}),
    ("Okafor said on Monday she was open to a five-point reduction.", {("deep_cut", "open"), ("tax_cut", "open")}),
    # opposing the large version says nothing of the smaller one
    ("Okafor rejected a five-point reduction on Monday.", {("deep_cut", "oppose")}),
], ids=["backs", "open", "opposes"])
def test_backing_a_narrow_topic_backs_the_topic_it_narrows(sentence, expected):
    from helpers import extract
    from stance.config import Actor, Topic
    topics = Topics([Topic("tax_cut", "Lowering the sales tax", keywords=("tax cut",)),
                     Topic("deep_cut", "A deep tax cut", keywords=("five-point reduction",))])
    actors = Actors([Actor("okafor", "Ada Okafor", aliases=("Okafor",))])
    rows = extract(sentence, date="2025-06-12", actors=actors, topics=topics)
    assert {(row["topic"], row["stance"]) for row in rows} == expected
    assert len({row["statement_id"] for row in rows}) == len(rows)


def test_a_model_reads_only_where_no_word_of_the_lexicon_does():
    import datetime as dt
    from stance import _load_model
    from stance.config import Actor, Topic
    actors = Actors([Actor("ibsen", "Kari Ibsen", aliases=("Ibsen",), gender="female")])
    topics = Topics([Topic("ferry_link", "A ferry link to the islands", keywords=("ferry link",))])
    extractor = Extractor(actors, topics, model=_load_model("default"))
    # a judgement and a negation the lexicon reads stay as read, whatever the model would guess
    for text, expected in [("Ibsen said on Monday the ferry link was a disaster for the bay.", "oppose"),
                           ("Ibsen said on Monday that no ferry link was needed.", "oppose")]:
        rows = extractor.statements_of(Document("d", "d.md", text, date=dt.date(2025, 6, 12)))
        assert [(r["holder"], r["stance"]) for r in rows] == [("ibsen", expected)], text


class _SureOfOneStance:
    """A stand-in model that gives one stance a fixed probability and shares the rest out."""
    classes_ = ["neutral", "open", "oppose", "ruled_out", "support"]

    def __init__(self, stance, probability):
        self.stance, self.probability = stance, probability

    def predict_proba(self, texts, targets):
        rest = (1 - self.probability) / (len(self.classes_) - 1)
        return np.array([[self.probability if label == self.stance else rest for label in self.classes_]
                         for _ in texts])


@pytest.mark.parametrize("probability, expected", [(0.9, "oppose"), (0.4, "support")], ids=["sure", "unsure"])
def test_a_model_overrides_a_bare_mention_only_when_it_is_sure(probability, expected):
    import datetime as dt
    from stance.config import Actor, Topic
    actors = Actors([Actor("ibsen", "Kari Ibsen", aliases=("Ibsen",), gender="female")])
    topics = Topics([Topic("ferry_link", "A ferry link to the islands", keywords=("ferry link",))])
    extractor = Extractor(actors, topics, model=_SureOfOneStance("oppose", probability))
    rows = extractor.statements_of(Document("d", "d.md", "Ibsen spoke of the ferry link on Monday.",
                                            date=dt.date(2025, 6, 12)))
    assert [(row["holder"], row["stance"]) for row in rows] == [("ibsen", expected)]
    assert ("(model" in rows[0]["cue"]) == (expected == "oppose")


@pytest.mark.parametrize("headline, expected", [
    ("Ibsen scraps ferry link plan", [("ibsen", "oppose")]),
    ("Ibsen backs ferry link", [("ibsen", "support")]),
    ("Ibsen's ferry link in doubt", []),          # no subject acting: a label, not a position
], ids=["scraps", "backs", "possessive"])
def test_a_headline_whose_named_subject_acts_states_a_position(headline, expected):
    from helpers import extract
    from stance.config import Actor, Topic
    actors = Actors([Actor("ibsen", "Kari Ibsen", aliases=("Ibsen",), gender="female")])
    topics = Topics([Topic("ferry_link", "A ferry link to the islands", keywords=("ferry link",))])
    rows = extract(f"{headline}\n\nThe council met in Bergen on Monday.", date="2025-06-12", actors=actors, topics=topics)
    assert [(r["holder"], r["stance"]) for r in rows] == expected


def test_a_voice_dated_in_one_entry_does_not_date_its_undated_words_in_a_later_entry_of_the_day():
    from helpers import extract, only
    text = ("Thursday 12 June 2025\n\n11:00\n\n"
            "Merz said on Monday that Germany backed new sanctions on Russia.\n\n"
            "15:30\n\n"
            "Merz told reporters that Germany would support a ceasefire.\n")
    assert only(extract(text, date="2025-06-12"), topic="ceasefire")["date"] == dt.date(2025, 6, 12)


def test_a_headlines_bare_verb_is_no_support():
    from helpers import extract
    rows = extract("Moscow digs in on European troops\n\nTalks resumed in Geneva on Monday.", date="2025-06-12")
    assert [(r["holder"], r["stance"]) for r in rows if r["topic"] == "european_troops"] in ([], [("russian_government", "oppose")])


@pytest.mark.parametrize("retreat", ["By Friday he had backed down.", "Two days later he rowed back.",
                                     "On Friday he stepped back from it.", "By Friday he had talked himself out of it."])
def test_a_reported_retreat_moves_away_from_the_last_position(retreat):
    from helpers import extract
    rows = extract("Merz backed new sanctions on Russia on Tuesday.\n\n" + retreat, date="2025-06-13")
    moved = [row for row in rows if row["holder"] == "merz" and row["is_shift_report"]]
    assert [(row["topic"], row["stance"]) for row in moved] == [("russia_sanctions", "oppose")]


@pytest.mark.parametrize("text", [
    "Merz's turnaround on new sanctions against Russia surprised his own party.",
    "In a sharp turn, Merz now wants new sanctions on Russia.",
    "Merz has come round to new sanctions on Russia.",
])
def test_a_move_told_in_other_words_is_a_shift_report(text):
    from helpers import extract
    rows = extract(text, date="2025-06-13")
    assert any(row["holder"] == "merz" and row["topic"] == "russia_sanctions" and row["is_shift_report"] for row in rows)


def test_the_calibrated_confidence_is_numpys_interpolation_to_the_last_bit():
    import random

    import numpy as np

    from stance.extract import _interpolate, load_calibration
    raw, calibrated = load_calibration()
    rng = random.Random(8)
    points = [rng.uniform(-0.1, 1.1) for _ in range(2000)] + list(raw) + [0.6 * 0.75 * 0.85, 0.5 * 0.9]
    for x in points:
        assert _interpolate(x, raw, calibrated) == float(np.interp(x, raw, calibrated))


def test_a_topic_named_again_in_a_second_clause_gives_its_own_statement():
    from helpers import extract
    actors = Actors([Actor("okoro", "Ada Okoro", ("Ada Okoro", "Okoro"), roles=("the mayor",), gender="female")])
    topics = Topics([Topic("tram_line", "A new tram line", keywords=("tram line", "light rail"))])
    text = ("Ada Okoro on Monday asked engineers to cost a light rail route to the airport, "
            "but the mayor again declined to approve the tram line that business groups want.")
    rows = extract(text, date="2026-03-04", actors=actors, topics=topics)
    stances = sorted(row["stance"] for row in rows if row["holder"] == "okoro" and row["topic"] == "tram_line")
    assert stances == ["oppose", "support"]


@pytest.mark.parametrize("again", ["Her position has not changed, Okoro said on Tuesday.",
                                   "On Tuesday Okoro said she stood by every word."])
def test_a_position_said_to_stand_repeats_the_last_one(again):
    from helpers import extract
    actors = Actors([Actor("okoro", "Ada Okoro", ("Ada Okoro", "Okoro"), gender="female")])
    topics = Topics([Topic("tram_line", "A new tram line", keywords=("tram line",))])
    text = f"Ada Okoro ruled out a tram line on Monday. {again}"
    rows = [r for r in extract(text, date="2026-03-05", actors=actors, topics=topics) if r["holder"] == "okoro"]
    assert [(r["stance"], r["date"]) for r in rows] == [("ruled_out", dt.date(2026, 3, 2)), ("ruled_out", dt.date(2026, 3, 3))]


def test_a_live_blog_of_times_alone_dates_its_entries_on_its_own_day():
    from helpers import extract
    actors = Actors([Actor("okoro", "Ada Okoro", ("Ada Okoro", "Okoro"), gender="female")])
    topics = Topics([Topic("tram_line", "A new tram line", keywords=("tram line",))])
    text = ("16:05\n\nOkoro said the tram line was now the council's first priority.\n\n"
            "Labour's losses in the council elections on 1 March made transport the issue raised most often.")
    row = [r for r in extract(text, date="2026-03-18", actors=actors, topics=topics) if r["holder"] == "okoro"][0]
    assert (row["date"], row["stance"]) == (dt.date(2026, 3, 18), "support")


@pytest.mark.parametrize("text, pattern", [
    ("Q: Will you cut rates?", "RE_INTERVIEWER_TURN"),
    ("BESSENT: No.", "RE_TRANSCRIPT_TURN"),
    ("Before meeting Zelensky, Trump said peace could come.", "RE_SETTING_ADJUNCT"),
    ("Lavrov had signalled as much.", "RE_PAST_PERFECT_OPENING"),
], ids=["interviewer", "transcript", "setting", "past-perfect"])
def test_a_sentence_the_pattern_matches_passes_its_cheap_test(text, pattern):
    import stance.extract as extract
    from stance.lexicon import may_hold
    assert getattr(extract, pattern).search(text)
    cheap = {"RE_INTERVIEWER_TURN": extract.TURN_MARK in text, "RE_TRANSCRIPT_TURN": extract.TURN_MARK in text,
             "RE_SETTING_ADJUNCT": text.startswith(extract.SETTING_OPENINGS),
             "RE_PAST_PERFECT_OPENING": may_hold(text, extract.PAST_PERFECT_KEYS)}
    assert cheap[pattern]
