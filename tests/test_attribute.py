"""Holders and speakers: quotes, reported speech, pronouns, roles, organisations, and the
cases that must not be pinned on a named actor."""
from __future__ import annotations

import datetime as dt

import pytest

from stance.config import Actor, Actors, Topic, Topics

from helpers import extract, only


def who(rows, topic):
    row = only(rows, topic=topic)
    return row["holder"], row["speaker"], row["attribution"]


def test_quote_with_cue_after():
    rows = extract("“We will never accept Nato troops in Ukraine,” Lavrov said.")
    assert who(rows, "european_troops") == ("lavrov", "lavrov", "direct_quote")


def test_quote_with_cue_before():
    rows = extract("Zakharova told reporters: “Sending European troops would be a grave mistake for everyone.”")
    assert who(rows, "european_troops") == ("zakharova", "zakharova", "direct_quote")


def test_quote_split_around_the_cue():
    text = ("Donald Trump spoke to the press on the lawn.\n"
            "“We are not sending US troops, not now,” the president said, “but we will probably give air support.”")
    rows = extract(text)
    assert who(rows, "us_ground_troops")[:2] == ("trump", "trump")
    assert who(rows, "us_air_support")[:2] == ("trump", "trump")


def test_quote_running_over_two_paragraphs_takes_the_later_cue():
    text = ("Lindsey Graham spent the morning on the phone with allies.\n"
            "“We will pass the sanctions bill this month, and it will hurt.\n"
            "“Nobody should doubt that we mean it,” Graham said.")
    rows = extract(text)
    assert who(rows, "russia_sanctions")[:2] == ("graham", "graham")


def test_reported_speech_by_an_organisation():
    rows = extract("Russia's Foreign Ministry said it would not accept European troops in Ukraine.")
    assert who(rows, "european_troops") == ("russian_government", "russian_government", "reported")
    assert only(rows, topic="european_troops")["stance"] == "ruled_out"


def test_speaker_reports_another_holders_position():
    text = ("Trump met his advisers on Monday.\n"
            "Leavitt said the president has ruled out sending US troops to Ukraine.")
    row = only(extract(text), topic="us_ground_troops")
    assert (row["holder"], row["speaker"], row["stance"]) == ("trump", "leavitt", "ruled_out")


def test_spokesman_reports_his_leaders_position():
    rows = extract("Peskov said Putin was open to a meeting with Zelensky in Moscow.")
    assert who(rows, "leaders_summit")[:2] == ("putin", "peskov")


def test_pronoun_goes_to_the_last_person_in_subject_position():
    text = ("Volodymyr Zelensky arrived in Washington after a night train from Kyiv.\n"
            "He said he would never give up territory to Russia.")
    assert who(extract(text), "territorial_concessions")[:2] == ("zelensky", "zelensky")


def test_role_stands_for_an_actor_already_named():
    text = ("Putin hosted Witkoff at the Kremlin for five hours.\n"
            "The Russian leader rejected an immediate ceasefire.")
    assert who(extract(text), "ceasefire")[0] == "putin"


def test_role_alone_names_no_one():
    assert who(extract("The Russian leader rejected an immediate ceasefire."), "ceasefire")[0] == ""


def test_metonym_for_a_government():
    assert who(extract("The Kremlin has rejected a ceasefire along the front."), "ceasefire")[0] == "russian_government"


def test_analysis_paragraph_is_the_authors_and_attributes_no_one():
    text = ("ANALYSIS: Why the truce talk rings hollow\n"
            "Jane Doe writes:\n"
            "Pushing for a ceasefire now would be a mistake that rewards the invader.")
    holder, speaker, attribution = who(extract(text), "ceasefire")
    assert (holder, speaker, attribution) == ("", "author", "commentary")


def test_anonymous_sources_attribute_no_one():
    text = "Sources told the newspaper that the White House was weighing new sanctions on Russia."
    holder, speaker, _ = who(extract(text), "russia_sanctions")
    assert (holder, speaker) == ("", "")


def test_poll_attributes_no_one():
    row = only(extract("A poll found that 60 percent of Americans back new sanctions on Russia."), topic="russia_sanctions")
    assert row["holder"] == "" and row["source_kind"] == "poll"


def test_repeated_paragraph_gives_one_statement():
    paragraph = "Merz said Germany backs a European reassurance force in Ukraine."
    rows = extract(f"{paragraph}\n\nOther news followed.\n\n{paragraph}")
    assert len([r for r in rows if r["topic"] == "european_troops"]) == 1


def test_an_actor_and_topic_only_the_user_defined_are_found():
    actors = Actors([Actor("stubb", "Alexander Stubb", aliases=("Stubb",), gender="male")])
    topics = Topics([Topic("asset_loan", "Loan from immobilised central bank reserves",
                           keywords=("reparations loan",))])
    text = ("Finnish President Alexander Stubb met EU leaders in Brussels.\n"
            "On Friday he said Helsinki fully backs the reparations loan.")
    row = only(extract(text, "2025-10-25", actors, topics), topic="asset_loan")
    assert (row["holder"], row["stance"], row["date"]) == ("stubb", "support", dt.date(2025, 10, 24))
