"""Topic and stance of a clause, for topics defined only in the topic file."""
from __future__ import annotations

import pytest

from stance.classify import TopicMatcher, inherits_topic, read_stance
from stance.config import Topic, Topics

TROOPS = Topic("us_ground_troops", "US ground troops in Ukraine",
               "Sending American soldiers to Ukraine to enforce a peace deal.", ("US troops",))
JETS = Topic("air_cover", "US air support for Ukraine", keywords=("air support",))


def stance_of(sentence: str, lexicon, topic: Topic = TROOPS) -> str:
    matcher = TopicMatcher(Topics({t.id: t for t in (TROOPS, JETS, topic)}.values()), lexicon)
    hits = [h for h in matcher.find(sentence) if h.topic == topic.id]
    assert hits, f"topic {topic.id} not found in {sentence!r}"
    reading = read_stance(sentence, hits[0].start, hits[0].end, lexicon)
    return reading.stance if reading else "none"


@pytest.mark.parametrize("sentence, expected", [
    ("The senator ruled out US troops for any future mission.", "ruled_out"),
    ("She said US troops would not be deployed under any deal.", "ruled_out"),
    ("He has never favoured sending US troops abroad.", "ruled_out"),
    ("The minister definitively stated US troops will not take part.", "ruled_out"),
    ("He refused to rule out US troops as part of a settlement.", "open"),
    ("The envoy did not rule out sending US troops later.", "open"),
    ("She declined to rule out a role for US troops.", "open"),
    ("US troops could be part of a guarantee package, he said.", "open"),
    ("Officials are considering US troops for a monitoring role.", "open"),
    ("He left the door open to US troops in a support role.", "open"),
    ("The governor no longer wants US troops sent abroad.", "oppose"),
    ("The White House held off on committing US troops.", "oppose"),
    ("Lawmakers rejected the idea of US troops on the front line.", "oppose"),
    ("He does not want US troops anywhere near the conflict.", "oppose"),
    ("The president pledged US troops to help police the ceasefire.", "support"),
    ("She backs sending US troops to guard the new border.", "support"),
    ("If the talks fail, we will send US troops, he warned.", "support"),
    ("If the talks fail, we could send US troops, he warned.", "open"),
    ("The general ordered a pause in sending US troops abroad.", "oppose"),
    ("She was definitive: no US troops would be deployed there.", "ruled_out"),
    ("He answered without ruling it out: US troops might go.", "open"),
    ("The senator backs US troops for the mission, but only once Congress votes.", "open"),
    ("She supported US troops in principle, aides said.", "open"),
    ("He would back US troops on condition that allies pay for them.", "open"),
    ("The Pentagon is looking at US troops for a training role.", "open"),
    ("He backs the removal of US troops from the border.", "oppose"),
    ("A role for US troops was hardly possible, the envoy said.", "oppose"),
    ("No US troops on the ground, full stop.", "ruled_out"),
    ("He called US troops on the border an escalation.", "oppose"),
    ("One option involves sending US troops to the border.", "open"),
    ("Her answer: no US troops for this mission.", "oppose"),
    ("The governor is openly doubtful that US troops would help.", "oppose"),
    ("A role for US troops is possible, the envoy said.", "open"),
    ("She said scrapping US troops for the mission would be a mistake.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_stance_of_modality_and_negation(sentence, expected, lexicon):
    assert stance_of(sentence, lexicon) == expected


def test_the_topic_words_themselves_are_no_stance(lexicon):
    # "support" in "air support" names the topic; the hedge "probably" makes it a possibility.
    assert stance_of("We would help them, probably with air support.", lexicon, JETS) == "open"


def test_questions_and_no_comment_take_no_position(lexicon):
    assert stance_of("Will the president send US troops?", lexicon) == "none"
    assert stance_of("The Pentagon declined to comment on US troops.", lexicon) == "none"
    assert stance_of("Neither the Pentagon nor the embassy has commented on US troops.", lexicon) == "none"
    assert stance_of("The ministry has yet to comment on opposing US troops.", lexicon) == "none"
    # the noun is the object of "prevent", not a verdict on the troops
    assert stance_of("Planners discussed where US troops would stand to prevent escalation.", lexicon) == "none"


@pytest.mark.parametrize("sentence", [
    "No American soldiers will set foot on Ukrainian soil, the minister said.",
    "He would never put American soldiers on Ukrainian ground.",
], ids=["soil", "ground"])
def test_a_paraphrase_of_the_label_finds_the_topic(sentence, lexicon):
    matcher = TopicMatcher(Topics([TROOPS, JETS]), lexicon)
    assert [h.topic for h in matcher.find(sentence)] == ["us_ground_troops"]


@pytest.mark.parametrize("sentence", [
    "Foreign boots on Ukrainian soil would come from ten European countries.",
    "Help us end this war, the mayor pleaded.",
    "The U.S. Air Force general will brief defence chiefs.",
], ids=["foreign-boots", "pronoun-us", "air-force-title"])
def test_related_words_alone_do_not_make_the_topic(sentence, lexicon):
    matcher = TopicMatcher(Topics([TROOPS, JETS]), lexicon)
    assert matcher.find(sentence) == []


def test_two_topics_in_one_sentence(lexicon):
    matcher = TopicMatcher(Topics([TROOPS, JETS]), lexicon)
    found = matcher.find("He ruled out US troops but offered air support.")
    assert [h.topic for h in found] == ["us_ground_troops", "air_cover"]


PLASTICS = Topic("plastics_treaty", "Global plastics treaty",
                 "A binding United Nations agreement to cap the production of new plastic.", ("plastics treaty",))
LEADERS = Topic("lula_milei", "Lula-Milei meeting", "A bilateral or three-way summit where the two presidents meet face to face.")


@pytest.mark.parametrize("sentence", [
    "Norway would back a treaty capping plastic production, the minister said.",
    "Officials in Brasilia are preparing a bilateral meeting for next month.",
    "Both capitals now talk of a trilateral summit with Chile.",
], ids=["head-and-description", "meeting-bilateral", "trilateral"])
def test_a_head_and_a_word_of_the_description_find_the_topic(sentence, lexicon):
    # The label is not there whole; its head ("treaty", "meeting") and a word of the topic's
    # description ("cap", "bilateral") are.
    matcher = TopicMatcher(Topics([PLASTICS, LEADERS, TROOPS]), lexicon)
    found = [h.topic for h in matcher.find(sentence)]
    assert found == ["plastics_treaty" if "treaty" in sentence else "lula_milei"]


@pytest.mark.parametrize("sentence", [
    "Norway would back a new treaty on nuclear arms, the minister said.",
    "Trump said he was ready to meet Lula in Washington.",
    "Ministers discussed how many troops to send to the border.",
], ids=["other-treaty", "half-a-label", "shared-head"])
def test_a_head_with_words_of_no_one_topic_is_no_paraphrase(sentence, lexicon):
    # Half of a three-word label is another topic's label (a Trump-Lula meeting); a head that two
    # topics share ("troops") needs the word that tells them apart ("American", "European").
    european = Topic("european_troops", "European troops in Ukraine", keywords=("European troops",))
    matcher = TopicMatcher(Topics([PLASTICS, LEADERS, TROOPS, european]), lexicon)
    assert matcher.find(sentence) == []


def test_a_definite_head_is_left_to_the_reference(lexicon):
    # "the treaty" points back to a treaty named before: the topic comes from that, not from here.
    matcher = TopicMatcher(Topics([PLASTICS]), lexicon)
    sentence = "Delegates said the treaty would cap production by 2040."
    assert matcher.find(sentence) == []
    assert [h.topic for h in matcher.find_references(sentence, {"plastics_treaty": 1})] == ["plastics_treaty"]


@pytest.mark.parametrize("text, concept", [
    ("recognition", "recognise"), ("recognizing", "recognise"), ("penalties", "sanctions"),
    ("air defence", "weapons"), ("three-way", "trilateral"), ("seizure", "frozen"),
    ("economic punishment", "sanctions"), ("punitive measures", "sanctions"), ("pull out of", "cede"),
    ("frontiers", "territory"),
])
def test_word_forms_and_synonyms_share_a_concept(text, concept, lexicon):
    assert TopicMatcher(Topics([]), lexicon).concepts_of(text) == [concept]


@pytest.mark.parametrize("forms", [("sharing", "share", "shared"), ("deliveries", "delivery"),
                                   ("capping", "cap", "caps"), ("recognised", "recognizes")])
def test_forms_of_a_word_meet(forms, lexicon):
    matcher = TopicMatcher(Topics([]), lexicon)
    assert len({tuple(matcher.concepts_of(form)) for form in forms}) == 1


def test_pulling_out_of_land_is_ceding_it(lexicon):
    ceding = Topic("land_for_peace", "Ceding territory for peace", keywords=("cede territory",))
    matcher = TopicMatcher(Topics([ceding]), lexicon)
    assert [h.topic for h in matcher.find("The envoy asked the army to pull out of the disputed provinces.")] == \
        ["land_for_peace"]


@pytest.mark.parametrize("clause, points_back", [
    ("Ankara called the whole idea a mistake.", True),
    ("The minister defended the suspension on Friday.", True),
    ("She turned down the invitation.", True),
    ("Aides said the decision was final.", True),
    ("Ankara called for a new idea.", False),
    ("The minister spoke on Friday.", False),
], ids=lambda value: str(value)[:30])
def test_a_definite_proposal_noun_points_back(clause, points_back):
    assert inherits_topic(clause) is points_back


def test_a_paraphrase_beside_a_named_topic_is_found_too(lexicon):
    matcher = TopicMatcher(Topics([PLASTICS, TROOPS]), lexicon)
    found = matcher.find("He ruled out US troops but would back a treaty capping plastic production.")
    assert [h.topic for h in found] == ["us_ground_troops", "plastics_treaty"]


def test_a_paraphrase_does_not_reach_across_a_named_topic(lexicon):
    # "assurances ... defend": a guarantee's words, but the troops stand between them.
    guarantees = Topic("guarantees", "Security guarantees for Ukraine",
                       "Binding promises to defend Ukraine against a future attack.", ("security guarantees",))
    matcher = TopicMatcher(Topics([guarantees, TROOPS]), lexicon)
    found = matcher.find("He gave assurances that US troops would not be sent to defend Ukraine.")
    assert [h.topic for h in found] == ["us_ground_troops"]


def test_giving_up_a_border_region_is_ceding_territory(lexicon):
    ceding = Topic("land_for_peace", "Ceding territory for peace", keywords=("cede territory",))
    matcher = TopicMatcher(Topics([ceding]), lexicon)
    assert [h.topic for h in matcher.find("Baku demanded that Yerevan cede the border villages.")] == ["land_for_peace"]


def test_aid_to_a_country_at_war_is_its_weapons(lexicon):
    arms = Topic("taiwan_arms", "American weapons for Taiwan", keywords=("arms sales to Taiwan",))
    matcher = TopicMatcher(Topics([arms]), lexicon)
    assert [h.topic for h in matcher.find("Congress voted to keep American aid to Taiwan flowing.")] == ["taiwan_arms"]


def test_a_label_may_be_spread_over_its_sentence(lexicon):
    # The subject names one party, the clause about meeting the other: the label is all there.
    matcher = TopicMatcher(Topics([LEADERS, TROOPS]), lexicon)
    sentence = "Milei, who spoke to reporters after a long cabinet session in Buenos Aires, said he was ready to meet Lula."
    assert [h.topic for h in matcher.find(sentence)] == ["lula_milei"]


def test_a_spread_label_does_not_take_another_topics_head(lexicon):
    # "troops" here are the British ones; the "US" at the end backs them.
    european = Topic("european_troops", "European troops in Ukraine", keywords=("European troops",))
    matcher = TopicMatcher(Topics([TROOPS, european]), lexicon)
    found = matcher.find("Britain would put troops on the ground in Ukraine once a truce holds, Starmer said, "
                         "adding that he expected strong backing from the US.")
    assert [h.topic for h in found] == ["european_troops"]
