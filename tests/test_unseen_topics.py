"""Topics and actors that exist only in a user's YAML, worded unlike anything in the code or the
gold set, are found with the right stance (and found through a paraphrase of their label)."""
from __future__ import annotations

import datetime as dt

import pytest

import stance

ACTORS = """
actors:
  - id: grossi
    name: Rafael Grossi
    aliases: [Rafael Grossi, Grossi]
    roles: [the IAEA chief, the agency's director general]
    kind: person
    gender: male
  - id: lavrov
    name: Sergei Lavrov
    aliases: [Sergei Lavrov, Lavrov]
    kind: person
    gender: male
  - id: lubinets
    name: Dmytro Lubinets
    aliases: [Dmytro Lubinets, Lubinets]
    kind: person
    gender: male
"""

TOPICS = """
topics:
  - id: plant_handover
    label: Foreign operators running the Zaporizhzhia nuclear plant
    keywords: [Zaporizhzhia plant, Zaporizhzhia nuclear plant]
  - id: children_return
    label: Return of deported Ukrainian children
    keywords: [deported children, abducted children]
"""

ARTICLE = """---
title: Nuclear plant and deported children on the agenda
date: 2025-11-20
---
Rafael Grossi told reporters in Vienna on Tuesday that the agency was ready to help run the Zaporizhzhia plant if both sides asked.
Sergei Lavrov rejected any foreign management of the Zaporizhzhia nuclear plant on Wednesday.
"Kyiv will never stop demanding that the deported children come home," Dmytro Lubinets said.
He refused to rule out new talks with Moscow on the abducted children.
"""


@pytest.fixture()
def run(tmp_path):
    (tmp_path / "actors.yaml").write_text(ACTORS)
    (tmp_path / "topics.yaml").write_text(TOPICS)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "nuclear.md").write_text(ARTICLE)
    return stance.analyze([tmp_path / "articles"], actors=tmp_path / "actors.yaml", topics=tmp_path / "topics.yaml")


def position(run, holder, topic):
    rows = run.statements[(run.statements["holder"] == holder) & (run.statements["topic"] == topic)]
    return sorted(zip(rows["stance"], rows["date"].dt.date))


def test_user_defined_topics_are_found_with_stance_and_date(run):
    # An offer made on a condition ("if both sides asked") is still an offer: support.
    assert position(run, "grossi", "plant_handover") == [("support", dt.date(2025, 11, 18))]
    assert position(run, "lavrov", "plant_handover") == [("oppose", dt.date(2025, 11, 19))]
    assert ("support", dt.date(2025, 11, 20)) in position(run, "lubinets", "children_return")
    assert ("open", dt.date(2025, 11, 20)) in position(run, "lubinets", "children_return")


def test_a_paraphrase_of_a_user_topic_is_found():
    topics = stance.Topics([stance.Topic("plant_handover", "Foreign operators running the Zaporizhzhia nuclear plant",
                                         keywords=("Zaporizhzhia plant",))])
    actors = stance.Actors([stance.Actor("grossi", "Rafael Grossi", aliases=("Grossi",))])
    frame = __import__("pandas").DataFrame({"text": ["Grossi said international operators could be running the Zaporizhzhia nuclear station."],
                                            "date": ["2025-11-20"]})
    found = stance.analyze(frame, actors=actors, topics=topics).statements
    assert found[["holder", "topic", "stance"]].values.tolist() == [["grossi", "plant_handover", "open"]]


def test_a_topic_is_found_through_its_head_and_its_description():
    # Neither the label nor a keyword is in the text: the head ("treaty", "truce") and a word
    # of the description ("cap", "goods") are, and the stance is read on them.
    topics = stance.Topics([
        stance.Topic("plastics_treaty", "Global plastics treaty",
                     "A binding United Nations agreement to cap the production of new plastic.",
                     keywords=("plastics treaty",)),
        stance.Topic("tariff_truce", "US-China tariff truce",
                     "A pause in the duties Washington and Beijing levy on each other's goods.",
                     keywords=("tariff truce",)),
    ])
    actors = stance.Actors([stance.Actor("eide", "Espen Barth Eide", aliases=("Eide",)),
                            stance.Actor("bessent", "Scott Bessent", aliases=("Bessent",))])
    frame = __import__("pandas").DataFrame({
        "text": ["Eide said on Monday that Norway would back a treaty capping plastic production.",
                 "Bessent said a 90-day truce on imported goods could be extended.",
                 "Eide said Norway would back a new treaty on nuclear arms."],
        "date": ["2025-11-20", "2025-11-20", "2025-11-21"]})
    found = stance.analyze(frame, actors=actors, topics=topics).statements
    assert sorted(found[["holder", "topic", "stance"]].values.tolist()) == [
        ["bessent", "tariff_truce", "open"], ["eide", "plastics_treaty", "support"]]


UNSEEN = """
topics:
  - id: coal_phaseout
    label: Coal phase-out by 2030
    description: Closing all coal-fired power plants by the end of the decade.
    keywords: [coal exit, phase out coal]
  - id: gaza_aid
    label: Humanitarian aid into Gaza
    description: Food, water and medical supplies delivered to civilians in Gaza through open crossings.
    keywords: [aid to Gaza, humanitarian corridor]
  - id: fighter_jets
    label: F-16 jets for Ukraine
    description: Western countries supplying F-16 fighter aircraft to the Ukrainian air force.
    keywords: [F-16s, F-16 jets]
"""


@pytest.mark.parametrize("sentence, expected", [
    ("The minister said Germany would close its last coal plants before 2030.", ["coal_phaseout"]),
    ("Aid trucks carrying food were stopped at the crossing.", ["gaza_aid"]),
    ("The Netherlands pledged more fighter aircraft for Kyiv.", ["fighter_jets"]),
    ("The plant was closed after a fire.", []),
    ("Workers at the car plant went on strike over pay.", []),
    ("The air force said the jets had returned safely.", []),
    ("Water supplies to the city were cut.", []),
], ids=lambda value: str(value)[:30])
def test_paraphrases_of_topics_from_a_yaml_file(sentence, expected, tmp_path):
    from stance.classify import TopicMatcher
    from stance.lexicon import Lexicon
    (tmp_path / "topics.yaml").write_text(UNSEEN)
    matcher = TopicMatcher(stance.Topics.from_yaml(tmp_path / "topics.yaml"), Lexicon.load())
    assert [hit.topic for hit in matcher.find(sentence)] == expected
