"""Topic and stance of a clause, for topics defined only in the topic file."""
from __future__ import annotations

import pytest

from stance.classify import TopicMatcher, inherits_topic, read_stance
from stance.config import Topic, Topics

TROOPS = Topic("us_ground_troops", "US ground troops in Ukraine",
               "Sending American soldiers to Ukraine to enforce a peace deal.", ("US troops",))
JETS = Topic("air_cover", "US air support for Ukraine", keywords=("air support",))
CHARGE = Topic("congestion_charge", "A congestion charge", keywords=("congestion charge",))


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


# --- Reading stance cues as a person does: idioms, questions, conditions, hedges, subjects ---

def reading_of(sentence: str, lexicon, topic: Topic = TROOPS) -> str:
    """The stance as the pipeline reads it for a named holder: with the no-stance-word fallback."""
    matcher = TopicMatcher(Topics({t.id: t for t in (TROOPS, JETS, topic)}.values()), lexicon)
    hits = [h for h in matcher.find(sentence) if h.topic == topic.id]
    assert hits, f"topic {topic.id} not found in {sentence!r}"
    reading = read_stance(sentence, hits[0].start, hits[0].end, lexicon, fallback=True,
                          changes_object=matcher.acts_on_object(topic.id, sentence[hits[0].start:hits[0].end]),
                          undoing_topic=matcher.undoes_itself(topic.id), own_act=matcher.own_act(topic.id))
    return reading.stance if reading else "none"


@pytest.mark.parametrize("sentence, expected", [
    ("The envoy said US troops were not on the table.", "ruled_out"),
    ("The treaty would close the door to US troops for good.", "ruled_out"),
    ("He said he had never ruled out US troops.", "open"),
    ("The governor called US troops on the border unfair to local farmers.", "oppose"),
    ("The senator said US troops should not be sent.", "oppose"),
    ("The minister said US troops at the border were unrealistic.", "oppose"),
    ("He said US troops in the region were the way forward.", "support"),
    ("The general argued for US troops at the border.", "support"),
    ("We're certainly looking at US troops for the mission.", "open"),
    ("A decision on US troops will depend on the talks, the envoy said.", "open"),
    ("The mayor has kept her own counsel on whether US troops should come.", "neutral"),
    ("The cabinet is weighing whether to request US troops.", "neutral"),
    ("The premier wants to know what US troops would cost.", "neutral"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_stance_idioms(sentence, expected, lexicon):
    assert stance_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the journalist's question is not the answer
    ("Asked whether he would send US troops, the senator said he had not decided.", "neutral"),
    ("Asked whether US troops could help, the governor said: I think so.", "open"),
    ("Asked about US troops, she said it was not practical.", "oppose"),
    # the holder asking weighs a proposal
    ("The senator asked whether US troops would really make a difference.", "open"),
    ("Who would pay for US troops in the region, she asked.", "open"),
    ('"Does anyone want US troops there?"', "open"),
    # in capitals too, as in a transcript
    ("ASKED ABOUT US TROOPS, she said it was not practical.", "oppose"),
    ("Who would pay for US troops in the region, she ASKED.", "open"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_questions_are_not_answers(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a condition's own words are not the holder's stance
    ("If Russia rejects the deal, US troops will be deployed, she said.", "support"),
    ('She said the bill on US troops is ready "if Congress won\'t act".', "support"),
    # a hedge in another part of the clause hedges nothing here
    ("The envoy said talks could resume soon, and urged US troops for the border.", "support"),
    ("The president backed US troops for the mission, after a call that might have changed things.", "support"),
    ("Officials said US troops would go to the region, after talks that made no progress.", "support"),
    # a second "that" has its own stance words
    ("She said the plan was unacceptable and that US troops would stay.", "support"),
    # a threat held in reserve
    ("He said he could tell the allies that US troops will come.", "open"),
    # "be provided by" is no condition
    ("Those jobs should be provided by US troops, he said.", "support"),
    # an obligation not to oppose
    ("Officials said work on US troops for the mission must not slow down.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_conditions_hedges_and_complements(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the topic's action as the subject: the predicate carries the stance
    ("Deploying US troops there would mark a new stage of escalation, she said.", "oppose"),
    ("Sending US troops now would mean war, the minister warned.", "ruled_out"),
    # a lack deplored is support for the thing lacked
    ("She said a deal without US troops would not work.", "support"),
    # an object pronoun points back across the clause
    ("He said US troops on the border, in any form, would be a threat, and that Moscow would never accept it.",
     "ruled_out"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_subjects_lacks_and_pronouns(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a noun is no verb of stance
    ("Of the governor's hopes for US troops, she said: you can forget about it.", "ruled_out"),
    ("There is no political will to send US troops, an aide said.", "oppose"),
    ("The embassy said the risk of US troops being sent was a matter of grave concern.", "oppose"),
    # an intention takes the stance of the opposing verb it governs
    ("He accused the senator of preparing to veto US troops.", "oppose"),
    # denying an effect or an automatic yes is opposition, not a final no
    ("Officials said US troops will not make much difference.", "oppose"),
    ("The prime minister will not automatically back US troops.", "oppose"),
    ("She said there was no panacea for the war, whether US troops or anything else.", "oppose"),
    ("US troops looked like the most costly and least effective option.", "oppose"),
    # undoing the topic only on a condition keeps it until then
    ("The alliance would consider the removal of US troops only once the war ends.", "support"),
    ("The minister seemed more inclined towards air support for Kyiv.", "open"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_nouns_intentions_and_effects(sentence, expected, lexicon):
    topic = JETS if "air support" in sentence else TROOPS
    assert reading_of(sentence, lexicon, topic) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a condition naming the topic, answered by a main clause that points back
    ("If US troops are possible at all, they should go now, she said.", "support"),
    # the topic as a price paid for something else
    ("He asked for a new border in return for US troops.", "open"),
    # "raise it with" points back across the clause
    ("He praised US troops, and said he would raise it with the allies.", "open"),
    ("The envoy said Russia would not bow to pressure over US troops.", "oppose"),
    ("None of this means US troops should be sent.", "oppose"),
    ("A truce without US troops would give Russia time to regroup.", "support"),
    ("He said he would do everything to stop the plan for US troops.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_conditions_prices_and_pointing_back(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a hedge inside a relative clause leaves the stance to the verb that governs it
    ("She said Kyiv has to become a fortress that no army could take, with US troops at its heart.", "support"),
    # a lack only weighed, not judged
    ("He argued the talks might succeed without US troops.", "open"),
    # support that waits on someone else's yes
    ("Sending US troops would need the Senate's approval, she said.", "open"),
    ("He said he was ready to send US troops when the allies had agreed.", "open"),
    ("Britain stood ready to send US troops once the fighting stops.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_hedges_lacks_and_approval(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


def test_a_parenthetical_hedge_reaches_across_commas(lexicon):
    assert reading_of("We will help them with things, especially, probably, by air support.", lexicon, JETS) == "open"


def test_a_pronoun_after_undoing_words_stands_for_a_topic_carried_from_before(lexicon):
    # the topic was named in an earlier sentence; "them" is it, and "lifting" undoes it
    text = "Lifting them, the minister said, would undermine the talks."
    reading = read_stance(text, len(text), len(text), lexicon, fallback=True)
    assert reading is not None and reading.stance == "support"


@pytest.mark.parametrize("sentence, expected", [
    ("US troops, the minister said on Friday, would not be sent.", "ruled_out"),
    ("She said Kyiv had to get US troops quickly.", "support"),
], ids=["aside", "had-to"])
def test_asides_and_past_obligation(sentence, expected, lexicon):
    assert stance_of(sentence, lexicon) == expected


def test_a_counterfactual_is_no_refusal(lexicon):
    assert stance_of("He said the war would never have started under US troops.", lexicon) == "none"
    assert stance_of("He said US troops would never go there.", lexicon) == "ruled_out"


def test_a_quantifier_does_not_separate_a_verb_from_its_object(lexicon):
    assert stance_of("The ministry is looking at a number of requests for US troops.", lexicon) == "open"


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
    ("frontiers", "territory"), ("struck", "strike"), ("airstrikes", "strike"),
    ("negotiating", "negotiations"),
    ("air raids", "strike"), ("shelled", "strike"), ("brokered", "mediation"), ("go-between", "mediation"),
    ("reprisals", "retaliation"), ("hit back", "retaliation"), ("borrowing costs", "rate"),
    ("lowered", "cut"), ("hiked", "raise"), ("expelled", "deportation"), ("ousting", "removal"),
    ("in abeyance", "suspension"), ("incursion", "invasion"), ("captives", "hostages"),
    ("continuing resolution", "stopgap"), ("reductions in force", "layoffs"), ("furloughed", "furlough"),
    ("outlawed", "ban"), ("shuttered", "close"), ("buyout", "takeover"), ("divestiture", "sale"),
    ("stepping down", "resign"), ("plebiscite", "referendum"), ("renewal", "extend"), ("abolition", "repeal"),
])
def test_word_forms_and_synonyms_share_a_concept(text, concept, lexicon):
    assert TopicMatcher(Topics([]), lexicon).concepts_of(text) == [concept]


FIREWORKS = Topic("firework_ban", "A ban on private fireworks", keywords=("fireworks ban",))
COLLIERY = Topic("pit_closure", "Closing the Brack colliery", "Ending coal mining at the Brack pit for good.",
                 ("Brack closure",))


@pytest.mark.parametrize("topic, sentence", [
    # Common words of policy news share a concept with their synonyms, for any user's topic.
    (FIREWORKS, "The mayor said she would prohibit private fireworks from next year."),
    (COLLIERY, "Union leaders said shutting the Brack colliery would be a disaster."),
    (COLLIERY, "The minister said the Brack pit would shut down in 2027."),
    # "that" before a verb's -ing form opens a clause; it is no "that closure" pointing back.
    (COLLIERY, "Miners warned that shutting the pit would empty the valley."),
])
def test_a_topic_is_found_by_common_synonyms_of_its_words(topic, sentence, lexicon):
    assert [h.topic for h in TopicMatcher(Topics([topic]), lexicon).find(sentence)] == [topic.id]


def test_a_description_paraphrase_may_hold_the_topics_own_heads(lexicon):
    # "shut" is the label's "closing" and "hospital" its noun: with "Wexley" from the description
    # the three name the topic, though two of them are heads (which alone never do).
    hospital = Topic("hospital_closure", "Closing the Wexley cottage hospital",
                     "The health trust shutting the cottage hospital at Wexley and moving its beds to Dunford.",
                     ("cottage hospital", "hospital closure"))
    parking = Topic("parking_fees", "Parking fees for hospital staff", "Charging nurses and porters to park at work.",
                    ("staff parking fees",))
    matcher = TopicMatcher(Topics([hospital, parking]), lexicon)
    found = matcher.find("Campaigners said the decision to shut hospital wards in Wexley was a disgrace.")
    assert [h.topic for h in found] == ["hospital_closure"]
    assert matcher.find("Campaigners said the decision to shut the hospital was a disgrace.") == []


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


LEVY = Topic("steel_levy", "Levy on imported steel", keywords=("steel levy",))


@pytest.mark.parametrize("sentence, expected", [
    ("The minister said the steel levy was unfair to small importers.", "oppose"),
    ("She called the steel levy reckless and said it would cost jobs.", "oppose"),
    ("The steel levy was a sensible answer to dumping, the senator said.", "support"),
    ("He said the steel levy was promising.", "support"),
    # The judgement is of something else, said before the topic: no stance word, so support.
    ("Calling the talks a disaster, he said a steel levy was on its way.", "support"),
    # "too weak" asks for more of it; the lack is not a judgement against it.
    ("He said a steel levy would be too weak to stop the flood of cheap imports.", "support"),
])
def test_a_judgement_passed_on_the_topic_is_a_stance(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, LEVY) == expected


@pytest.mark.parametrize("sentence, expected", [
    # What the topic would do judges it: harm opposes, good backs, a denied effect the other way.
    ("The union warned that a steel levy on Korean coil would devastate the car plants.", "oppose"),
    ("A steel levy will hurt every builder in the country, the federation said.", "oppose"),
    ("Economists told the committee the steel levy could cripple small fabricators.", "oppose"),
    ("The minister argued the steel levy would help mills in the north recover.", "support"),
    ("She said a steel levy would spur investment in new furnaces.", "support"),
    ("The importers' lobby conceded that the steel levy would not hurt consumers much.", "support"),
    # A verb of no valence says nothing of the levy: still the bare mention.
    ("He said the steel levy would take effect in March.", "support"),
    # Harm to a named party may be the levy's aim: no verdict read from it.
    ("The senator said the steel levy would hurt Beijing's exporters most.", "support"),
])
def test_what_the_topic_would_do_is_a_stance(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, LEVY) == expected


WIND = Topic("wind_farm", "The Skerry offshore wind farm", keywords=("Skerry wind farm",))


@pytest.mark.parametrize("sentence, expected", [
    # Legal and formal opposition in words of its own.
    ("Fishermen said they would challenge the Skerry wind farm in the courts.", "oppose"),
    ("The bird trust will seek a judicial review of the Skerry wind farm.", "oppose"),
    ("Three parishes have filed a formal complaint against the Skerry wind farm.", "oppose"),
    ("The developer said it had pulled out of the consortium behind the Skerry wind farm.", "oppose"),
    # Opposition given up is no longer opposition.
    ("The fishing association no longer objects to the Skerry wind farm.", "open"),
    # Harm carried by the words after a verb of no valence.
    ("The ferry company warned that the Skerry wind farm would put 200 jobs at risk.", "oppose"),
    ("A Skerry wind farm would cost lives at sea, the coastguard union said.", "oppose"),
    ("The engineers said the Skerry wind farm would cost about £2bn.", "support"),
])
def test_opposition_in_legal_and_economic_words(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, WIND) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A protest promised on condition that the topic happens opposes it.
    ("The ferry crews threatened to strike if the Skerry wind farm went ahead.", "oppose"),
    ("Two councillors said they would resign if the Skerry wind farm was approved.", "oppose"),
    ("The union said it would back the Skerry wind farm if local crews were hired.", "support"),
    # "described X as" passes a judgement on X, as "called X" does.
    ("Last year the trust described the Skerry wind farm as a slow poisoning of the bay.", "oppose"),
    ("The report described the Skerry wind farm in detail.", "support"),
])
def test_protests_on_condition_and_descriptions_judge_the_topic(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, WIND) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "plan to" after a possessive is a noun: the judgement on it counts, not the plan itself.
    ("Locals said the council's plan to build the Skerry wind farm was a betrayal.", "oppose"),
    ("The council plans to build the Skerry wind farm next year.", "support"),
])
def test_a_plan_as_a_noun_is_judged_and_as_a_verb_backs(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, WIND) == expected


def test_what_cannot_be_afforded_is_opposed_not_ruled_out(lexicon):
    assert reading_of("The treasury said the country could not afford the Skerry wind farm.", lexicon, WIND) == "oppose"


def test_a_partner_is_found_by_a_partnership(lexicon):
    partnership = Topic("vantor_deal", "A partnership with Vantor", keywords=("commercial partnership",))
    found = TopicMatcher(Topics([partnership]), lexicon).find("Vantor said it was proud to be the agency's commercial partner.")
    assert [h.topic for h in found] == ["vantor_deal"]


@pytest.mark.parametrize("sentence, found", [
    # A one-word keyword in -ing names its topic as a verb with an object too ...
    ("The anglers' club would fight any plan to drain the Moss.", ["moss_drainage"]),
    ("Engineers drained the lower Moss in 1962.", ["moss_drainage"]),
    # ... but not as a noun, nor as a verb with no object.
    ("Plumbers said the kitchen drain was blocked.", []),
    ("The water will drain away by morning.", []),
])
def test_a_one_word_keyword_in_ing_finds_its_verb_with_an_object(sentence, found, lexicon):
    drainage = Topic("moss_drainage", "Draining the Moss wetland", keywords=("draining",))
    assert [h.topic for h in TopicMatcher(Topics([drainage]), lexicon).find(sentence)] == found


def test_keeping_what_a_move_would_move_opposes_the_move(lexicon):
    terminal = Topic("terminal_move", "Moving the ferry terminal to Ardmore", keywords=("ferry terminal",))
    matcher = TopicMatcher(Topics([terminal]), lexicon)
    sentence = "The union welcomed the decision to keep the ferry terminal at Brack."
    hit = matcher.find(sentence)[0]
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True,
                          changes_object=matcher.acts_on_object(hit.topic, sentence[hit.start:hit.end]))
    assert reading.stance == "oppose"


@pytest.mark.parametrize("sentence", [
    'Asked about the Skerry wind farm, the minister said: "That is a question for the council."',
    'Asked whether she backed the Skerry wind farm, she said: "Ask me after the inquiry."',
    'Pressed on the Skerry wind farm, the minister said: "It is not for me to say."',
])
def test_a_deflection_takes_no_position(sentence, lexicon):
    assert reading_of(sentence, lexicon, WIND) == "none"


@pytest.mark.parametrize("sentence", [
    "The minister said Ottawa would remove the steel levy from next month.",
    "Brussels has put the steel levy on hold while talks go on.",
    "The government called off the steel levy after a week of protests.",
    "He said they would withdraw the steel levy once the deal was signed.",
    "The cabinet postponed the steel levy until the autumn.",
])
def test_undoing_a_measure_opposes_it(sentence, lexicon):
    assert reading_of(sentence, lexicon, LEVY) == "oppose"


def test_aid_alone_is_not_arms(lexicon):
    arms = Topic("arms_deliveries", "Weapons deliveries to the coastal republic",
                 "Sending arms and munitions to the coastal republic's army.", ("arms shipments",))
    matcher = TopicMatcher(Topics([arms]), lexicon)
    assert matcher.find("The agency said food aid for the coastal republic would arrive on Friday.") == []
    assert [h.topic for h in matcher.find("He promised more munitions shipments.")] == ["arms_deliveries"]


def test_a_name_in_a_topic_is_its_object_not_its_head(lexicon):
    # "fire Ortega" is about firing: Ortega speaking of anything else is not the topic.
    dismissal = Topic("dismiss_ortega", "Removing Ortega as court president",
                      "Diego Ortega leaving the court before his term ends, by dismissal or resignation.",
                      keywords=("fire Ortega", "remove Ortega"))
    fees = Topic("fee_rise", "Raising court fees", keywords=("fee rise",))
    matcher = TopicMatcher(Topics([dismissal, fees]), lexicon)
    assert matcher.find("Diego Ortega told reporters that the court saw no reason to act quickly.") == []
    assert [h.topic for h in matcher.find("The senator said he would fire Ortega within days.")] == ["dismiss_ortega"]


QUOTA = Topic("fishing_quota", "Fishing quota for the northern fleet", keywords=("fishing quota",))


@pytest.mark.parametrize("sentence, expected", [
    # Undoing verbs and nouns oppose what they undo.
    ("The court overturned the fishing quota on Tuesday.", "oppose"),
    ("Critics called the move a retreat from the fishing quota.", "oppose"),
    ("The ministry deferred the fishing quota to next season.", "oppose"),
    ("Most trawler crews disapproved of the fishing quota, a survey found.", "oppose"),
    ("She said the fishing quota could not work in winter.", "oppose"),
    # Keeping, defending and going ahead support it.
    ("The harbour towns said they would not give up the fishing quota.", "support"),
    ("He spent the hearing defending the fishing quota against its critics.", "support"),
    ("The agency said it would go ahead with the fishing quota in March.", "support"),
    ("The union called on the council to keep the fishing quota.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_undoing_keeping_and_defending_a_measure(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A relative clause describes the noun; the holder's verb is the one outside it.
    ("The mayor shelved the limits he had backed on the fishing quota.", "oppose"),
    ("The council agreed to hold off on the fishing quota it had backed in spring.", "oppose"),
    # A verb before the topic's own clause gives way to one inside it.
    ("On the day the decree was signed, the union called the fishing quota unfair.", "oppose"),
    # Consent and need take the stance of the verb they govern.
    ("The minister stressed the need to scrap the fishing quota.", "oppose"),
    ("The council agreed to suspend the fishing quota for a year.", "oppose"),
    # "could have" looks back at what happened; it hedges no position.
    ("The fishing quota could have only passed with the coastal vote, she said.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_the_verb_that_governs_the_topic_in_its_own_clause(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The council will not approve the fishing quota, its chair said.", "ruled_out"),
    # A refusal limited in time or narrowed to one form of the measure is opposition.
    ("The council will not approve the fishing quota for now, its chair said.", "oppose"),
    ("Until further notice the port will not enforce the fishing quota.", "oppose"),
    ("The minister said the fleet would not accept a fishing quota that ignored small boats.", "oppose"),
    # A categorical word makes the refusal final, narrowed or not.
    ("The fleet would not accept a fishing quota under any circumstances, even one that spared small boats.",
     "ruled_out"),
    ("The union called the fishing quota unacceptable.", "oppose"),
    ("The union called the fishing quota unacceptable in any form.", "ruled_out"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_limited_refusals_and_categorical_opposition(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "no" denies the noun it stands before, not a topic further on.
    ("Harbour chiefs: no new licences before a fishing quota", "support"),
    ("Harbour chiefs: no fishing quota before the election", "oppose"),
    ("The skippers did not think a fishing quota was fair to them.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_a_negation_without_a_stance_word_denies_what_it_governs(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("clause, expected", [
    # the topic was named in an earlier sentence; these clauses speak of it undone
    ("The harbour master defended the freeze at a meeting on Friday.", "oppose"),
    ("She said the exemption was a mistake.", "support"),
    ("Relaxing the rules now would be a mistake, the minister said.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_an_undoing_noun_stands_for_a_topic_carried_from_before(clause, expected, lexicon):
    reading = read_stance(clause, len(clause), len(clause), lexicon, fallback=True)
    assert reading is not None and reading.stance == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The mayor rejected the suspension of the fishing quota.", "support"),
    ("The mayor welcomed a freeze on the fishing quota.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_an_undoing_noun_before_the_topic_turns_the_stance_around(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The opposition leader said the fishing quota would be a gift to foreign trawlers.", "oppose"),
    ("She said a fishing quota would only be a reward for years of overfishing.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_calling_a_measure_a_reward_or_a_gift_opposes_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The council decided last week it would impose the fishing quota.", "support"),
    ("The minister told trawler crews they would get the fishing quota back.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_a_complement_after_a_time_or_a_listener_is_no_relative_clause(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


@pytest.mark.parametrize("sentence, expected", [
    # The relative clause tells what the council did; the mayor judges the quota.
    ("The fishing quota that the council rejected in May was fair, the mayor said.", "support"),
    # "and that ... it" is a second complement pointing back, not a relative clause.
    ("The mayor said the fishing quota was costly, and that the port would not accept it.", "ruled_out"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_a_relative_clause_after_the_topic_describes_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, QUOTA) == expected


def test_a_time_word_elsewhere_in_the_clause_does_not_limit_a_refusal(lexicon):
    sentence = "The minister, who has yet to meet the skippers, said the port would never enforce the fishing quota."
    assert reading_of(sentence, lexicon, QUOTA) == "ruled_out"
    assert reading_of("The port will not enforce the fishing quota until the season ends.", lexicon, QUOTA) == "oppose"


# Two topics share the head "cut": "a tax cut" is a keyword of the general one and lies inside the
# label of the specific one, so the head alone is the general topic's.
TAX_CUT = Topic("tax_cut", "Lowering the sales tax", "The assembly reducing the sales tax this year.",
                keywords=("tax cut", "cut taxes"))
DEEP_CUT = Topic("deep_cut", "A deep tax cut", "Cutting the sales tax by five points or more at once.",
                 keywords=("deep cut", "five-point cut"))
FERRY_TALKS = Topic("ferry_talks", "Harbour-Island ferry meeting", keywords=("ferry talks",))
CONDOR = Topic("condor_drones", "Condor drones for the coastal republic", keywords=("Condor drones",))


@pytest.mark.parametrize("sentence, expected", [
    ("The finance minister said a small cut was still possible in the spring.", ["tax_cut"]),
    ("She expects two cuts before the summer recess.", ["tax_cut"]),
    ("No cut at all, the governor said.", ["tax_cut"]),
    ("The cuts were never on the table, she said.", []),              # "the cuts" points back
    ("The ministers will meet again on Friday.", []),                   # a name narrows the label's meeting
    ("A meeting of the harbour board ended early.", []),
    ("Drones hit the port overnight.", []),                             # "Condor" narrows the drones
], ids=["general-wins", "plural", "no-cut", "definite", "verb", "name-modified", "name-first"])
def test_a_labels_head_alone_names_a_topic_it_makes_unambiguous(sentence, expected, lexicon):
    matcher = TopicMatcher(Topics([TAX_CUT, DEEP_CUT, FERRY_TALKS, CONDOR]), lexicon)
    assert [h.topic for h in matcher.find_lone_heads(sentence)] == expected


def test_a_labels_head_used_as_a_name_or_modifier_is_no_topic(lexicon):
    treaty = Topic("reef_treaty", "A reef protection treaty", keywords=("reef treaty",))
    matcher = TopicMatcher(Topics([treaty]), lexicon)
    assert matcher.find_lone_heads("Reef Treaty Organisation staff met in Suva.") == []
    assert matcher.find_lone_heads("The minister praised the treaty's authors.") == []
    assert [h.topic for h in matcher.find_lone_heads("He said a treaty could be signed by June.")] == ["reef_treaty"]
    assert matcher.find_lone_heads("He backed a treaty on fishing rights.") == []      # another treaty
    assert [h.topic for h in matcher.find_lone_heads("He backed a treaty to protect reefs.")] == ["reef_treaty"]


def test_the_deal_points_back_to_the_one_topic_whose_label_is_a_deal(lexicon):
    pay = Topic("port_pay_deal", "Pay and pension deal at the port", keywords=("pension deal",))
    dredging = Topic("dredging", "Dredging the outer channel", keywords=("dredging",))
    matcher = TopicMatcher(Topics([pay, dredging]), lexicon)
    recent = {"port_pay_deal": 2, "dredging": 1}
    assert [h.topic for h in matcher.find_references("The union said the agreement would hold.", recent)] \
        == ["port_pay_deal"]
    assert matcher.find("The union said a deal would hold.") == []   # too common a word to name it
    rail = Topic("rail_deal", "Rail fares deal", keywords=("fares deal",))
    both = TopicMatcher(Topics([pay, rail]), lexicon)
    assert both.find_references("The union said the agreement would hold.", {"port_pay_deal": 2, "rail_deal": 1}) == []


def test_what_a_description_sets_against_a_topic_keeps_a_paraphrase_out(lexicon):
    steep = Topic("steep_cut", "A steep fare cut", "Lowering bus fares by five points or more at once, "
                  "rather than in one-point steps.", keywords=("steep cut", "five points"))
    fares = Topic("fare_cut", "Cheaper bus fares", keywords=("fare cut",))
    matcher = TopicMatcher(Topics([steep, fares]), lexicon)
    assert matcher.find("The council backed two one-point cuts this year.") == []
    assert [h.topic for h in matcher.find("The council backed cuts of five points this year.")] == ["steep_cut"]


# "Levies" names every topic here; what follows the preposition tells them apart.
LEVY_TOPICS = [Topic("chile_levy", "Higher port levies on Chile", keywords=("Chilean port levy",)),
               Topic("peru_levy", "Port levies on Peru", keywords=("levy on Peru",)),
               Topic("levy_refund", "Refunding port levies to shippers", keywords=("levy refund",))]


@pytest.mark.parametrize("sentence, expected", [
    ("The minister said a 10% duty on Chile's copper would start in May.", ["chile_levy"]),
    ("Officials dropped the duties they had planned for Chile and Peru.", ["chile_levy", "peru_levy"]),
    ("Chile said the levy would hurt its ports.", []),             # the name before the head
    ("The duties rose sharply, Chile said.", []),                   # a clause between them
], ids=["levy-on-chile", "both", "name-first", "clause-break"])
def test_a_common_head_is_told_apart_by_the_name_after_it(sentence, expected, lexicon):
    matcher = TopicMatcher(Topics(LEVY_TOPICS), lexicon)
    assert sorted(h.topic for h in matcher.find(sentence)) == expected


# --- A topic that changes a thing: keeping the thing as it is opposes it ---

FUEL_LEVY = Topic("lower_levy", "Lowering the fuel levy",
             "The treasury reducing the duty charged on petrol and diesel.", ("fuel levy", "fuel duty"))
GOVERNOR = Topic("oust_governor", "Removing the provincial governor",
             "The governor being dismissed or stepping down before the next election.", ("oust the governor",))


def changed_reading(sentence: str, lexicon, topic: Topic = FUEL_LEVY) -> str:
    """The pipeline's reading: the fallback on, and told whether the words found name the change."""
    matcher = TopicMatcher(Topics([FUEL_LEVY, GOVERNOR]), lexicon)
    hit = next(h for h in matcher.find(sentence) if h.topic == topic.id)
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True,
                          changes_object=matcher.acts_on_object(topic.id, sentence[hit.start:hit.end]))
    return reading.stance if reading else "none"


@pytest.mark.parametrize("sentence, expected", [
    ("The treasury kept the fuel levy at 52 pence a litre in Wednesday's budget.", "oppose"),
    ("The chancellor left the fuel duty unchanged for another year.", "oppose"),
    ("The fuel levy will stay where it is, the minister said.", "oppose"),
    ("The treasury held the fuel duty steady.", "oppose"),
    # keeping something else is no keeping of the thing
    ("The chancellor held talks on the fuel levy with hauliers.", "support"),
    # the change itself named: "kept" then speaks of the change
    ("She kept lowering the fuel levy on the agenda.", "support"),
    # "no reason to" and "in no hurry" deny what follows
    ("The minister saw no reason to touch the fuel levy this year.", "oppose"),
    ("The treasury is in no hurry to cut the fuel duty.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_keeping_what_a_topic_would_change(sentence, expected, lexicon):
    assert changed_reading(sentence, lexicon) == expected


def test_a_topic_that_adds_something_is_kept_by_keeping_it(lexicon):
    # "Removing the governor" changes the governor; "Imposing a levy" would not be opposed by keeping one
    matcher = TopicMatcher(Topics([FUEL_LEVY, GOVERNOR]), lexicon)
    assert matcher.acts_on_object("oust_governor", "governor")
    assert not matcher.acts_on_object("oust_governor", "oust the governor")
    added = Topic("new_levy", "Imposing a fuel levy", keywords=("fuel levy",))
    assert not TopicMatcher(Topics([added]), lexicon).acts_on_object("new_levy", "fuel levy")


@pytest.mark.parametrize("sentence, expected", [
    ("We are not open to US troops on our soil, the minister said.", "ruled_out"),
    ("The parliament barred US troops from using its airfields.", "oppose"),
    ("The court banned US troops from the port last year, she recalled.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_closed_doors_and_bans(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


def test_a_keyword_is_found_by_its_synonyms_when_it_heads_only_its_own_label(lexicon):
    # "truce" heads the first label; the second only mentions one, so "a halt to the fighting"
    # and "stop all firing" are the first topic's
    truce = Topic("border_truce", "Border truce", keywords=("truce",))
    credit = Topic("truce_credit", "Credit for brokering the truce", keywords=("brokered the truce",))
    matcher = TopicMatcher(Topics([truce, credit]), lexicon)
    for sentence in ("Both armies agreed to stop all firing at dawn.", "The envoy called for a halt to the fighting."):
        assert [hit.topic for hit in matcher.find(sentence)] == ["border_truce"]


@pytest.mark.parametrize("sentence, expected", [
    ("The senator wants no US troops anywhere near the front.", "oppose"),
    ("Her party's platform promises no US troops for the new mission.", "oppose"),
    # "no" elsewhere denies nothing of the object
    ("The senator backed US troops for the mission, with no delay.", "support"),
    ("He wants no more than a brigade of US troops there.", "support"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_a_supporting_verb_whose_object_is_denied(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The senator does not accept US troops on the border and never will.", "ruled_out"),
    ("She had not backed US troops for the mission and was not going to start now.", "ruled_out"),
    # a refusal for now stays opposition
    ("The senator does not accept US troops on the border for now.", "oppose"),
    ("Officials said US troops would not be sent while the talks go on.", "oppose"),
    ("He said US troops would not go as long as the ceasefire held.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_a_refusal_made_final_by_what_follows(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence, topic", [
    ("The defence minister said the air raids across the border would go on.", "border_strikes"),
    ("Villagers said the shelling of border posts had stopped by dawn.", "border_strikes"),
    ("Both capitals turned down an offer to act as go-between on the border dispute.", "outside_mediation"),
    ("The central bank's governor said borrowing costs would be lowered in spring.", "rate_cuts"),
], ids=lambda value: str(value)[:40])
def test_news_words_for_a_topic_the_file_words_otherwise(sentence, topic, lexicon):
    # topics written for this test only: their keywords name none of the sentence's words
    topics = Topics([
        Topic("border_strikes", "Military strikes across the border", keywords=("strikes on the border",)),
        Topic("outside_mediation", "Outside mediation of the border dispute", keywords=("mediation",)),
        Topic("rate_cuts", "Cutting interest rates", keywords=("rate cut",)),
    ])
    assert [hit.topic for hit in TopicMatcher(topics, lexicon).find(sentence)] == [topic]


@pytest.mark.parametrize("sentence, expected", [
    ("The senator said she would not abandon US troops on the border.", "support"),
    ("The senator abandoned US troops as an option on Friday.", "oppose"),
    ("He warned against ditching US troops before the vote.", "support"),
    ("She called for ditching US troops altogether.", "oppose"),
], ids=lambda value: value if len(str(value)) < 30 else str(value)[:40])
def test_abandoning_a_thing_undoes_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("label, expected", [
    ("Suspending military aid to the region", "support"),   # the suspension is the topic itself
    ("Military aid to the region", "oppose"),                # the suspension undoes the topic
])
def test_an_undoing_before_a_topic_that_is_itself_an_undoing_turns_nothing_around(label, expected, lexicon):
    topic = Topic("aid", label, keywords=("military aid",))
    sentence = "The minister said the suspension of military aid would stay in place."
    hits = TopicMatcher(Topics([topic]), lexicon).find(sentence)
    matcher = TopicMatcher(Topics([topic]), lexicon)
    reading = read_stance(sentence, hits[0].start, hits[0].end, lexicon, fallback=True,
                          undoing_topic=matcher.undoes_itself("aid"))
    assert reading.stance == expected


LIFTING = Topic("lifting", "Lifting sanctions on the junta", keywords=("sanctions on the junta",))
ABEYANCE = Topic("abeyance", "Holding the fishing accord in abeyance", keywords=("fishing accord",))


@pytest.mark.parametrize("topic, sentence, expected", [
    (LIFTING, "The council lifted sanctions on the junta on Friday.", "support"),
    (LIFTING, "The council kept sanctions on the junta in place.", "oppose"),
    (LIFTING, "The council would not lift sanctions on the junta.", "ruled_out"),
    (ABEYANCE, "The ministry suspended the fishing accord after the incident.", "support"),
    (ABEYANCE, "The ministry said the fishing accord would stay suspended.", "support"),
    (ABEYANCE, "The other side demanded that the ministry restore the fishing accord.", "oppose"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 30 else str(value)[:40])
def test_a_topic_that_undoes_a_thing_is_done_by_undoing_it(topic, sentence, expected, lexicon):
    matcher = TopicMatcher(Topics([topic]), lexicon)
    hit = matcher.find(sentence)[0]
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True,
                          changes_object=matcher.acts_on_object(topic.id, sentence[hit.start:hit.end]),
                          undoing_topic=matcher.undoes_itself(topic.id))
    assert reading.stance == expected


@pytest.mark.parametrize("heading", ["**Will US troops go to Ukraine?**", "__Will US troops go to Ukraine?__"])
def test_a_question_set_in_bold_takes_no_position(heading, lexicon):
    hit = TopicMatcher(Topics([TROOPS]), lexicon).find(heading)[0]
    assert read_stance(heading, hit.start, hit.end, lexicon, fallback=True) is None


@pytest.mark.parametrize("sentence, expected", [
    ('US troops, he said on Monday, were "a reckless and dangerous idea".', "oppose"),
    ("US troops, the senator added, would be a wonderful and brave sign of resolve.", "support"),
    # a tag after a condition leaves the condition apart
    ("If US troops were sent, he added, the war would widen.", None),
], ids=lambda value: str(value)[:40])
def test_a_tag_of_saying_between_a_topic_and_its_predicate(sentence, expected, lexicon):
    hit = TopicMatcher(Topics([TROOPS]), lexicon).find(sentence)[0]
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True)
    if expected is None:
        assert reading is None or "judged" not in reading.cue
    else:
        assert reading.stance == expected and "judged" in reading.cue


@pytest.mark.parametrize("sentence, expected", [
    ("The senator will not support a bill that fails to send US troops.", "support"),
    ("She would not accept any plan that does not include US troops.", "support"),
    ("He backed a resolution that fails to mention US troops.", "oppose"),
    ("The caucus rejected a draft that ignored US troops altogether.", "support"),
    # the relative clause must stand between the stance word and the topic
    ("The senator will not support US troops, a plan that does not help.", "ruled_out"),
], ids=lambda value: str(value)[:40])
def test_a_stance_on_something_that_leaves_the_topic_out(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence", [
    "The senator said she would not shy away from sending US troops.",
    "He said he would not hesitate to send US troops.",
    "The president won't flinch from US troops on the border, she said.",
], ids=lambda value: str(value)[:40])
def test_not_shying_away_from_a_thing_is_support(sentence, lexicon):
    assert reading_of(sentence, lexicon) == "support"


@pytest.mark.parametrize("sentence, expected", [
    ("He said he would keep bringing the US troops bill back to the floor.", None),
    ("The senator said she would back US troops for the mission.", "support"),
], ids=lambda value: str(value)[:40])
def test_back_as_a_particle_is_no_support(sentence, expected, lexicon):
    hit = TopicMatcher(Topics([TROOPS]), lexicon).find(sentence)[0]
    reading = read_stance(sentence, hit.start, hit.end, lexicon)
    assert (reading.stance if reading else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three Democrats again voted yes on the reactor bill.", "support"),
    ("The mayor voted for the reactor bill in every round.", "support"),
    ("The council voted to pass the reactor bill.", "support"),
    ("Two senators voted no on the reactor bill.", "oppose"),
    ("He said he would keep voting no on the reactor bill until pensions were fixed.", "oppose"),
    ("The chamber voted down the reactor bill.", "oppose"),
], ids=lambda value: str(value)[:40])
def test_a_vote_is_a_stance(sentence, expected, lexicon):
    bill = Topic("reactor_bill", "Passing the reactor bill", keywords=("reactor bill",))
    assert stance_of(sentence, lexicon, bill) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("She said the reactor bill was the only option on the table.", "support"),
    ("The reactor bill is the best deal available, he said.", "support"),
    ("She said the reactor bill was on the table.", "open"),
], ids=lambda value: str(value)[:40])
def test_the_only_option_left_is_backed(sentence, expected, lexicon):
    bill = Topic("reactor_bill", "Passing the reactor bill", keywords=("reactor bill",))
    assert stance_of(sentence, lexicon, bill) == expected


def test_any_deal_is_not_the_deal_named_before(lexicon):
    pact = Topic("harbour_pact", "The harbour deal with the dockers", keywords=("harbour pact",))
    other = Topic("pensions", "Protecting dockers' pensions", keywords=("dockers' pensions",))
    matcher = TopicMatcher(Topics([pact, other]), lexicon)
    assert [h.topic for h in matcher.find_references("The union said the deal was a betrayal.", {"harbour_pact": 3})] == ["harbour_pact"]
    assert matcher.find_references("The union said any deal must protect jobs.", {"harbour_pact": 3}) == []


def test_a_topic_narrows_another_only_when_its_label_holds_the_others_phrase_and_head(lexicon):
    topics = Topics([Topic("fare_cut", "Cutting bus fares", keywords=("fare cut",)),
                     Topic("free_rides", "A fare cut to nothing for pensioners", keywords=("free rides",)),
                     Topic("rail_levy", "A levy on rail freight", keywords=("freight levy",)),
                     Topic("city_counter", "City counter-measures against the freight levy",
                           keywords=("retaliation",))])
    matcher = TopicMatcher(topics, lexicon)
    assert matcher.broader_topic("free_rides") == "fare_cut"
    assert matcher.broader_topic("fare_cut") is None
    assert matcher.broader_topic("city_counter") is None   # the levy is what it answers, not its kind


def test_a_topic_that_names_someone_is_no_general_case_of_anothers(lexicon):
    topics = Topics([Topic("canada_counter", "Canadian counter-levies on US freight",
                           "Ottawa answering US levies with Canadian counter-levies.", ("retaliatory levies",)),
                     Topic("eu_counter", "EU retaliatory levies against US freight", keywords=("EU response",))])
    assert TopicMatcher(topics, lexicon).broader_topic("eu_counter") is None


TRAM = Topic("tram_line", "A tram line to the harbour", keywords=("tram line",))


@pytest.mark.parametrize("sentence, expected", [
    ("The port authority rebuffed the tram line again.", "oppose"),
    ("The bus company walked away from the tram line in June.", "oppose"),
    ("Residents vowed to fend off the tram line.", "oppose"),
    ("The shopkeepers said they would fight any tram line through the old town.", "oppose"),
    ("She said she would fight for the tram line.", "support"),
    ("The councillor deplored the tram line as a waste.", "oppose"),
    ("He said there were no plans to build a tram line.", "oppose"),
    ("The minister has never opposed the tram line.", "open"),
    ("The minister is keeping her options open on the tram line.", "open"),
    ("The mayor stopped short of backing the tram line.", "neutral"),
    ("The deputy mayor abstained on the tram line.", "neutral"),
    ("The treasurer denied backing the tram line.", "oppose"),
    ("Officials said they would study the tram line over the summer.", "open"),
], ids=lambda value: str(value)[:40])
def test_opposition_and_reserve_in_words_of_their_own(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


@pytest.mark.parametrize("sentence", [
    "The harbour board will vote on the tram line next week.",
    "The minister was asked about the tram line on Monday.",
    "The cabinet met on Tuesday to discuss the tram line.",
    "The ferry operator received the tram line plans on Friday.",
    "The mayor would not be drawn on the tram line.",
], ids=lambda value: str(value)[:40])
def test_bringing_a_topic_up_takes_no_position_on_it(sentence, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == "none"


@pytest.mark.parametrize("sentence, expected", [
    ("The residents' group called for the tram line to be scrapped.", "oppose"),
    ("The traders want the tram line shelved until 2030.", "oppose"),
    ("She demanded that the tram line be built at once.", "support"),
    ("The union welcomed the end of the tram line.", "oppose"),
], ids=lambda value: str(value)[:40])
def test_a_topic_undone_after_it_is_named_turns_the_stance(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The islanders opposed the link for the ferry company.", None),                  # no keyword inverted here
    ("The harbour master opposed the bid for the regatta.", ("regatta_bid", "oppose")),
    ("Shareholders called for the bonus to be scrapped.", ("scrap_bonus", "support")),
    ("The board said the bonus would not be scrapped.", ("scrap_bonus", "ruled_out")),
    ("She backed the regatta-bid campaign.", ("regatta_bid", "support")),
], ids=lambda value: str(value)[:40])
def test_a_keyword_found_with_its_head_first_or_hyphenated(sentence, expected, lexicon):
    topics = Topics([Topic("regatta_bid", "Hosting the 2031 regatta", keywords=("regatta bid",)),
                     Topic("scrap_bonus", "Scrapping the directors' bonus", keywords=("scrap the bonus",))])
    matcher = TopicMatcher(topics, lexicon)
    hits = matcher.find(sentence)
    if expected is None:
        assert hits == []
        return
    hit = next(h for h in hits if h.topic == expected[0])
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True)
    assert reading.stance == expected[1]


@pytest.mark.parametrize("sentence, expected", [
    ('"Why would anyone want a tram line on a street this narrow?" asked the grocer.', "oppose"),
    ('"Who in their right mind would back a tram line here?" the baker asked.', "oppose"),
    ("The councillor would only back a tram line if the state paid for it.", "open"),
    ("She would accept a tram line only as a last resort.", "open"),
    ("The guild backs the bus plan, not the tram line.", "oppose"),
    ("The guild backs buses rather than a tram line.", "oppose"),
    ("The guild opposes the bus plan, not the tram line.", "none"),
    ("The councillor rejected claims that he opposes the tram line.", "support"),
    ("The councillor denied that she had ruled out a tram line.", "open"),
    ("Had the councillor backed the tram line, it would have been built by now.", "none"),
    ("The councillor said nothing had been decided on the tram line.", "neutral"),
    ("The city dropped the tram line in May.", "oppose"),
    # a determiner, not a claim denied: the rejection itself
    ("The guild rejected that tram line outright.", "oppose"),
], ids=lambda value: str(value)[:40])
def test_rhetoric_conditions_contrasts_denials_and_what_did_not_happen(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


def test_a_promise_to_look_at_it_again_is_no_position_yet(lexicon):
    assert reading_of("The ministers left with a promise to look at the tram line again in spring.", lexicon, TRAM) == "neutral"


@pytest.mark.parametrize("sentence, expected", [
    ("The guild dropped its opposition to the tram line.", "support"),
    ("The city dropped the tram line in May.", "oppose"),
    ("The shopkeepers vowed to fight the tram line.", "oppose"),
    ("The guild called for the tram line plan to be scrapped.", "oppose"),
    ("The treasurer said the tram line was far too costly for a town this size.", "oppose"),
], ids=lambda value: str(value)[:40])
def test_dropping_opposition_fighting_and_cost(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


def test_a_closure_is_opposed_by_keeping_the_thing_open(lexicon):
    mill = Topic("mill_closure", "Closing the Tarn paper mill", keywords=("Tarn mill",))
    matcher = TopicMatcher(Topics([mill]), lexicon)
    sentence = "The owner said the Tarn mill would stay open through the winter."
    hit = matcher.find(sentence)[0]
    reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True,
                          changes_object=matcher.acts_on_object("mill_closure", sentence[hit.start:hit.end]))
    assert reading.stance == "oppose"


def test_a_topic_that_ends_something_is_backed_by_its_end(lexicon):
    runoff = Topic("end_runoff", "Ending the bond runoff", keywords=("bond runoff",))
    matcher = TopicMatcher(Topics([runoff]), lexicon)
    assert matcher.undoes_itself("end_runoff")
    for sentence, expected in [("The governor welcomed the end of the bond runoff.", "support"),
                               ("The governor called for an end to the bond runoff.", "support")]:
        hit = matcher.find(sentence)[0]
        reading = read_stance(sentence, hit.start, hit.end, lexicon, fallback=True, undoing_topic=True)
        assert reading.stance == expected, sentence
    # a deal made to end something is no undoing of its own
    assert not TopicMatcher(Topics([Topic("deal", "The May deal to end the strike")]), lexicon).undoes_itself("deal")


def test_a_sentence_naming_no_topic_may_paraphrase_one_description(lexicon):
    toll = Topic("harbour_toll", "A toll on the harbour bridge",
                 "Charging every car a daily fee to cross the harbour bridge into the old town.", ("bridge toll",))
    ferry = Topic("ferry_link", "A ferry link to the islands", keywords=("ferry link",))
    matcher = TopicMatcher(Topics([toll, ferry]), lexicon)
    assert [h.topic for h in matcher.find("She wants a daily fee for every car crossing into the old town.")] == ["harbour_toll"]
    # two of the description's words are not enough, nor words another topic names too
    assert matcher.find("She wants a daily walk into town.") == []


@pytest.mark.parametrize("sentence, found", [
    ("The minister opposes the closure of Tarn mill.", True),
    ("The minister opposes the Tarn mill closure.", True),
    ("The union backed the dockers' walk-out.", True),
    ("The union backed the walkout.", True),
    ("The minister toured Tarn on Monday.", False),
], ids=lambda value: str(value)[:40])
def test_a_keyword_verb_meets_its_noun_and_a_particle_word_its_hyphen(sentence, found, lexicon):
    topics = Topics([Topic("mill_closure", "Closing Tarn mill", keywords=("close Tarn mill",)),
                     Topic("dock_strike", "A dockers' strike", keywords=("walkout",))])
    assert bool(TopicMatcher(topics, lexicon).find(sentence)) is found


@pytest.mark.parametrize("sentence, expected", [
    ("The union leader said he would not call off the tram line.", "support"),
    ('"Nothing is off the table," the mayor said of the tram line.', "open"),
    ("A tram line remained a live option, she said.", "open"),
    ("She said it was too early to say whether a tram line would go ahead.", "neutral"),
    ("The shop owners vowed to fight a tram line.", "oppose"),
    ("She said there were no plans whatsoever to build a tram line.", "oppose"),
    ("The chief executive said he would waive the tram line.", "oppose"),
], ids=lambda value: str(value)[:40])
def test_negated_undoing_open_doors_and_intensified_refusals(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The councillor, who backed the tram line in May, now opposes it.", "oppose"),
    ("The councillor, who once rejected a tram line, now says she could accept one.", "open"),
    # no present verb after the relative clause: its stance is the one read
    ("The councillor, who backed the tram line in May, spoke at noon.", "support"),
], ids=lambda value: str(value)[:40])
def test_a_relative_clause_of_an_earlier_position_gives_way_to_the_present_one(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, TRAM) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The governor has never ruled US troops out.", "open"),
    ("She has not taken US troops off the table.", "open"),
    ("The senator ruled US troops out on Sunday.", "ruled_out"),
    ("He took US troops off the table after the summit.", "ruled_out"),
])
def test_a_ruling_out_split_around_its_object(sentence, expected, lexicon):
    assert stance_of(sentence, lexicon) == expected


@pytest.mark.parametrize("sentence", [
    "The court ruled that US troops were carried out of the zone lawfully.",
    "Judges ruled the US troops were handed out too few rations.",
    "The speaker ruled questions on US troops out of order.",
], ids=["ruled-that", "verb-before-out", "out-of-order"])
def test_a_ruling_with_out_elsewhere_rules_nothing_out(sentence, lexicon):
    assert stance_of(sentence, lexicon) != "ruled_out"


@pytest.mark.parametrize("sentence", [
    "The envoy refused to promise that US troops would not be deployed.",
    "She would not guarantee that there will be no US troops in the region.",
    "He could give no assurance that US troops would stay at home.",
])
def test_an_assurance_withheld_leaves_it_possible(sentence, lexicon):
    assert stance_of(sentence, lexicon) == "open"


@pytest.mark.parametrize("sentence, expected", [
    ("The general does not think US troops are needed there.", "oppose"),
    ("I don't believe US troops will ever be necessary, she said.", "oppose"),
    ("The general thinks US troops are needed there.", "support"),
])
def test_a_belief_denied_denies_the_clause_after_it(sentence, expected, lexicon):
    assert stance_of(sentence, lexicon) == expected


def test_not_taking_no_for_an_answer_insists(lexicon):
    assert stance_of("The mayor says she will not take no for an answer on US troops.", lexicon) == "support"


@pytest.mark.parametrize("sentence, expected", [
    ("The mayor called the congestion charge a cash grab.", "oppose"),
    ("The mayor said the congestion charge was indefensible.", "oppose"),
    ("The mayor said the congestion charge was long overdue.", "support"),
    ("The mayor said the congestion charge would leave shop workers worse off.", "oppose"),
    ("The mayor said the congestion charge would leave “the outer estates without a bus”.", "oppose"),
])
def test_judgements_and_harms_that_vader_does_not_know(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Drivers staged a protest against the congestion charge on Friday.", "oppose"),
    ("The cabbies' union will ballot members on strike action over the congestion charge.", "oppose"),
    ("Traders marched against the congestion charge.", "oppose"),
])
def test_a_protest_at_the_topic_opposes_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The councillor would not commit to the congestion charge.", "open"),
    ("She declined to commit to a congestion charge before the election.", "open"),
    ("The councillor grudgingly voted for the congestion charge.", "support"),
    ("The group wrote to councillors urging them to reject the congestion charge.", "oppose"),
    ("“Who exactly is asking for a congestion charge?” the councillor asked.", "oppose"),
    ("“Since when did this city need a congestion charge?” she asked.", "oppose"),
])
def test_withheld_commitment_grudging_votes_urged_refusals_and_rhetoric(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The minister said glyphosate sprays would be banned from next spring.", "support"),
    ("Growers' groups said banning glyphosate sprays was only the start of it.", "support"),
    ("The minister said she would not ban glyphosate sprays this year.", "ruled_out"),
    ("The farmers vowed to fight any ban on glyphosate sprays.", "oppose"),
])
def test_a_topic_that_is_a_ban_is_backed_by_banning(sentence, expected, lexicon):
    topic = Topic("spray_ban", "A ban on glyphosate sprays", keywords=("glyphosate ban", "glyphosate sprays"))
    assert reading_of(sentence, lexicon, topic) == expected


def test_keeping_what_a_scrapping_topic_would_end_opposes_it(lexicon):
    topic = Topic("scrap_levy", "Scrapping the plastic bag levy", keywords=("plastic bag levy",))
    assert reading_of("The treasurer said the council should keep the plastic bag levy.", lexicon, topic) == "oppose"
    assert reading_of("The treasurer said the council should scrap the plastic bag levy.", lexicon, topic) == "support"


def test_what_was_said_before_the_act_is_not_the_act(lexicon):
    sentence = "The mayor brought in the congestion charge after months of saying she would not."
    assert reading_of(sentence, lexicon, CHARGE) == "support"


def test_a_keyword_with_is_meets_other_tenses(lexicon):
    topic = Topic("sale", "Selling the island", keywords=("the island is for sale",))
    matcher = TopicMatcher(Topics([topic]), lexicon)
    assert [h.topic for h in matcher.find("The owner said the island was for sale at the right price.")] == ["sale"]
    assert [h.topic for h in matcher.find("She said the island will be for sale next year.")] == ["sale"]


@pytest.mark.parametrize("sentence, expected", [
    ("The farmers' leader said a ban on glyphosate sprays would “finish off” small growers.", "oppose"),
    ("The minister said a ban on glyphosate sprays would wreck the vineyards.", "oppose"),
])
def test_the_effect_of_a_ban_judges_the_ban(sentence, expected, lexicon):
    topic = Topic("spray_ban", "A ban on glyphosate sprays", keywords=("glyphosate ban", "glyphosate sprays"))
    assert reading_of(sentence, lexicon, topic) == expected


def test_finishing_without_off_is_no_harm(lexicon):
    assert reading_of("The congestion charge will finish paying for the tram by 2030, she said.", lexicon, CHARGE) != "oppose"


def test_a_cost_above_its_saving_is_a_harm(lexicon):
    assert reading_of("The treasurer said the congestion charge would “cost more than it raises”.", lexicon, CHARGE) == "oppose"


@pytest.mark.parametrize("sentence", [
    "“A congestion charge,” Deputy Mayor Tomas Varga said, “would shut out the poorest drivers.”",
    "The councillor said the congestion charge would price out young families.",
])
def test_shutting_people_out_is_a_harm(sentence, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == "oppose"


@pytest.mark.parametrize("sentence", [
    "The senator refused on Tuesday to rule out US troops for the mission.",
    "She declined again to rule out US troops in a monitoring role.",
])
def test_a_time_between_the_verb_and_its_to_keeps_the_cue_whole(sentence, lexicon):
    assert stance_of(sentence, lexicon) == "open"


@pytest.mark.parametrize("sentence, expected", [
    ("The treasurer said the plastic bag levy should have stayed.", "oppose"),
    ("The council spent a year defending the plastic bag levy.", "oppose"),
])
def test_keeping_and_defending_what_a_scrapping_topic_ends(sentence, expected, lexicon):
    topic = Topic("scrap_levy", "Scrapping the plastic bag levy", keywords=("plastic bag levy",))
    assert reading_of(sentence, lexicon, topic) == expected


def test_asking_someone_to_think_again_on_it_opposes_it(lexicon):
    assert reading_of("Shopkeepers urged the mayor to think again on the congestion charge.", lexicon, CHARGE) == "oppose"


@pytest.mark.parametrize("sentence, expected", [
    ("Cab drivers said they could live with a congestion charge if it started after the holidays.", "open"),
    ("Cab drivers said they would not put up with a congestion charge.", "oppose"),
    ("Cab drivers said they could not live with a congestion charge.", "oppose"),
])
def test_living_with_it_and_putting_up_with_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The mayor said the congestion charge was a mistake.", "oppose"),
    ("The mayor called the congestion charge draconian and half-baked.", "oppose"),
    ("The mayor said the congestion charge was pragmatic and long-awaited.", "support"),
])
def test_judged_words_of_political_speech(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The mayor said the congestion charge would not be revisited.", "support"),
    ("The mayor said the congestion charge would not be delayed.", "support"),
    ("The mayor said the congestion charge would be scrapped in the spring.", "oppose"),
    ("“I can't guarantee a congestion charge,” the mayor said.", "open"),
    ("The mayor said she could not promise that a congestion charge would come in.", "open"),
])
def test_undone_in_the_passive_and_guarantees_that_cannot_be_given(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


@pytest.mark.parametrize("pattern, keys, text", [
    ("RE_NEITHER_COMMENTED", "NEITHER_COMMENTED_KEYS", "Neither the Pentagon nor Nato has commented."),
    ("RE_WAITS_ON_OTHERS", "WAITS_ON_OTHERS_KEYS", "It would need the Bundestag's approval."),
    ("RE_WAITS_ON_OTHERS", "WAITS_ON_OTHERS_KEYS", "He is ready to act once the allies have agreed."),
    ("RE_WAITS_ON_OTHERS", "WAITS_ON_OTHERS_KEYS", "They will move when Paris does likewise."),
    ("RE_HEDGING_MODAL", "HEDGING_MODAL_KEYS", "He MIGHT tell Putin."),
    ("RE_EARLIER_RELATIVE", "EARLIER_RELATIVE_KEYS", "Brandt, who backed the lanes in January, now opposes them."),
], ids=["neither", "needs-approval", "once-agreed", "does-likewise", "modal", "earlier-relative"])
def test_a_clause_the_pattern_matches_passes_its_key_test(pattern, keys, text):
    import stance.classify as classify
    from stance.lexicon import may_hold
    assert getattr(classify, pattern).search(text)
    assert may_hold(text, getattr(classify, keys))
    assert not may_hold("The council voted on the levy.", getattr(classify, keys))


@pytest.mark.parametrize("pattern, text, expected", [
    ("RE_DETERMINER", "SUCH a loan and the missiles", ["SUCH a ", "the "]),
    ("RE_DETERMINER", "Bathe them; asthma", []),
    ("RE_COMPLEMENT", "He said THAT it ended: whether or not", ["THAT", ":", "whether"]),
    ("RE_COMPLEMENT", "Thatcher wethers", []),
], ids=["determiners", "inside-words", "complements", "complement-inside-words"])
def test_a_pattern_opened_by_its_first_letters_finds_whole_words_in_any_case(pattern, text, expected):
    import stance.classify as classify
    assert [m.group() for m in getattr(classify, pattern).finditer(text)] == expected


@pytest.mark.parametrize("text", [
    "The U.S. and US troops told us: TROOPS, Troops, us-led air support.",
    "Mr İsmail backed AIR SUPPORT for us.",     # "İ" lower-cases to two characters
    "Nothing here.",
], ids=["us-forms-and-cases", "unusual-case", "none"])
def test_keyword_first_words_are_found_as_the_case_blind_pattern_finds_them(text, lexicon):
    matcher = TopicMatcher(Topics([TROOPS, JETS]), lexicon)
    assert [m.span() for m in matcher._first_word_matches(text)] == \
        [m.span() for m in matcher._first_words.finditer(text)]


@pytest.mark.parametrize("sentence, expected", [
    ("The new mayor ended the congestion charge on her first day.", "oppose"),
    ("Most drivers wanted the congestion charge gone.", "oppose"),
    ("The opposition leader said the congestion charge should never have been brought in.", "oppose"),
    ("The mayor said the congestion charge would help to end the gridlock.", "support"),
])
def test_ending_it_wanting_it_gone_and_regretting_it(sentence, expected, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == expected


def test_ending_a_harm_is_no_opposition(lexicon):
    truce = Topic("truce", "A ceasefire in the valley", keywords=("ceasefire",))
    assert reading_of("The envoy said a ceasefire was the only way to end the fighting.", lexicon, truce) != "oppose"


@pytest.mark.parametrize("sentence", [
    "“A congestion charge is not a project we can support,” the premier said.",
    "The premier said the congestion charge was not something the council would support.",
])
def test_not_a_thing_we_can_support(sentence, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == "oppose"


@pytest.mark.parametrize("sentence", [
    "The mayor ended the debate on the congestion charge with a vote.",
    "The congestion charge hearing ended the session early.",
    "The mayor said the congestion charge would end the traffic jams downtown.",
], ids=["debate-ended", "topic-as-subject", "topic-ends-a-nuisance"])
def test_ending_something_else_is_no_opposition(sentence, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) != "oppose"


def test_endorse_is_not_end(lexicon):
    sanctions = Topic("sanctions", "Sanctions on Russia", keywords=("sanctions",))
    # "harsh" is a bad word, but "endorsed" ends nothing: the backing stands on its verb
    matcher = TopicMatcher(Topics([sanctions]), lexicon)
    sentence = "The senator endorsed harsh sanctions on Moscow."
    hit = matcher.find(sentence)[0]
    assert read_stance(sentence, hit.start, hit.end, lexicon).cue.lower() == "endorsed"


@pytest.mark.parametrize("sentence, expected", [
    ("The council will axe the congestion charge in May.", "oppose"),
    ("The mayor took an axe to the parks budget before the congestion charge vote.", "not oppose"),
    ("The axe fell on the congestion charge office staff.", "not oppose"),
], ids=["verb", "an-axe", "the-axe"])
def test_axe_the_verb_not_the_noun(sentence, expected, lexicon):
    reading = reading_of(sentence, lexicon, CHARGE)
    assert reading == "oppose" if expected == "oppose" else reading != "oppose"


@pytest.mark.parametrize("sentence", [
    "The mayor said the congestion charge should never have been scrapped.",
    "The congestion charge should not have been abandoned, she said.",
], ids=["never-scrapped", "not-abandoned"])
def test_regretting_an_act_against_it_backs_it(sentence, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == "support"


@pytest.mark.parametrize("sentence, expected", [
    ("Banning pesticides would be a disaster for growers, he said.", "oppose"),
    ("Banning pesticides is long overdue, she said.", "support"),
    ("The ministry banned pesticides near schools.", "support"),
], ids=["subject-judged-bad", "subject-judged-good", "the-act-done"])
def test_a_ban_named_as_subject_is_judged_by_its_predicate(sentence, expected, lexicon):
    topic = Topic("pesticide_ban", "A ban on pesticides", keywords=("pesticides",))
    assert reading_of(sentence, lexicon, topic) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Residents protested over the congestion charge yesterday.", "oppose"),
    ("The drivers' union called a strike over the congestion charge.", "oppose"),
    ("Police kept the protest over the congestion charge peaceful.", "not oppose"),
    ("Protests over the congestion charge drew two hundred people.", "not oppose"),
], ids=["protested", "called-a-strike", "the-protest-policed", "protests-as-subject"])
def test_a_protest_made_not_one_told_of(sentence, expected, lexicon):
    reading = reading_of(sentence, lexicon, CHARGE)
    assert reading == "oppose" if expected == "oppose" else reading != "oppose"


@pytest.mark.parametrize("sentence, expected", [
    ("The new mayor ended the plan for a congestion charge on her first day.", "oppose"),
    ("The council axed plans for a congestion charge.", "oppose"),
    ("The minister axed her trip over the congestion charge row.", "not oppose"),
], ids=["ended-the-plan-for", "axed-plans-for", "axed-something-else"])
def test_axing_or_ending_needs_the_topic_as_its_object(sentence, expected, lexicon):
    reading = reading_of(sentence, lexicon, CHARGE)
    assert reading == "oppose" if expected == "oppose" else reading != "oppose"


def test_keeping_verb_governs_only_the_next_words(lexicon):
    # "defending" keeps nothing of the charge here: another verb and "through" stand between
    scrapping = Topic("scrap_charge", "Scrapping the congestion charge", keywords=("congestion charge",))
    assert reading_of("The defending champion drove through the congestion charge zone.", lexicon, scrapping) != "oppose"


@pytest.mark.parametrize("sentence", [
    "It is not the first time she would support the congestion charge.",
    "This was not the only reason the council would back the congestion charge.",
], ids=["not-the-first-time", "not-the-only-reason"])
def test_not_the_first_time_denies_nothing(sentence, lexicon):
    assert reading_of(sentence, lexicon, CHARGE) == "support"


@pytest.mark.parametrize("sentence, expected", [
    ("The congestion charge is a tax on the poor, the councillor said.", "oppose"),
    ("The mayor called the congestion charge a stealth tax.", "oppose"),
    ("The congestion charge is a daily tax paid by drivers in the centre.", "not oppose"),
], ids=["tax-on", "called-stealth-tax", "plain-description"])
def test_tax_judges_only_as_a_tax_on_something(sentence, expected, lexicon):
    reading = reading_of(sentence, lexicon, CHARGE)
    assert reading == "oppose" if expected == "oppose" else reading != "oppose"
