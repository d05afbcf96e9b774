"""Label a clause with the user's topics and the holder's stance on each, from the topic file alone.

Topics are found by their keywords and by the concepts of their label and keywords, with
common synonyms ("American soldiers on Ukrainian soil" finds "US ground troops in Ukraine");
failing those, by a paraphrase: a head of the topic with a word of its description close by
("a treaty capping plastic production" finds "Global plastics treaty").
Stance is read as a person reads it: the verb that governs the topic, its negation ("did not
rule out"), modality ("could", "might") and conditions ("if Russia refuses, we will ...").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass

from .config import Topic, Topics
from .lexicon import Lexicon, compile_phrases, folds_plainly, may_hold, normalize, trie_alternation
from .schema import SCORES

# Words of a text with their offsets; "U.S." keeps its dots so it can be told from "us".
RE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.\-]*[A-Za-z0-9]|[A-Za-z0-9]")
# A clause boundary inside a clause: after a verb of saying, a "that", a colon, or "whether".
# (Each pattern opening with "(?=[...])" names the letters its matches start with: a place that
# holds another fails at that test, before the word-boundary test and the case-blind words.)
RE_COMPLEMENT = re.compile(r"(?=[tw:])(?:\b(?:that|whether)\b|:)", re.IGNORECASE)
# "Neither the Pentagon nor Nato has commented": no one's position.
RE_NEITHER_COMMENTED = re.compile(r"\bneither\b[^.;]*\bnor\b[^.;]*\b(?:commented|responded)\b", re.IGNORECASE)
NEITHER_COMMENTED_KEYS = ("neither",)   # every match of RE_NEITHER_COMMENTED holds it
# Questions are not positions unless quoted; a question mark closes them.
# An inverted condition of what did not happen: "Had the mayor backed the levy, ...".
RE_INVERTED_CONDITION = re.compile(r"^\W*(?:had|were)\s+(?:[A-Z][\w'’-]*|the\s+\w+|he|she|they|it|we)\b(?!\s*,)", re.IGNORECASE)
# The topic set apart from what the clause takes a stance on: "opposes the takeover, not the
# dividend cut", "backs bus lanes rather than a charge".
RE_NOT_CONTRAST = re.compile(r"(?:,\s*(?:but\s+)?not|\brather\s+than|\binstead\s+of)\s+(?:(?:the|a|an|any|its|their|his|her)\s+)?$",
                             re.IGNORECASE)
# A claim denied: the stance read inside it is the holder's denial of it.
RE_DENIED_CLAIM = re.compile(r"\b(?:den(?:y|ies|ied|ying)\s+(?:(?:the\s+)?(?:claims?|reports?|suggestions?|accusations?|speculation|rumou?rs?)\s+)?"
                             r"|(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:the\s+)?(?:claims?|reports?|suggestions?|accusations?|"
                             r"speculation|rumou?rs?)\s+)that\b", re.IGNORECASE)   # not "rejected that ruling"
DENIED = {"support": "oppose", "oppose": "support", "ruled_out": "open", "open": "oppose", "neutral": "neutral"}
# An assurance withheld: a refusal or a denial inside it is no refusal of the holder's own
# ("refused to promise that force would not be used", "would not guarantee there will be no
# cuts", "could give no such assurance"): the thing stays possible.
RE_WITHHELD_ASSURANCE = re.compile(r"\b(?:(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing))\s+to\s+(?:promise|guarantee|pledge|commit|vow|say|"
                                   r"give\s+(?:an?|any)\s+(?:assurances?|guarantees?|promises?|commitments?))|"
                                   r"(?:would|will|could|did|does|do)\s*(?:not|n't)\s+(?:promise|guarantee|pledge|commit|vow|"
                                   r"give\s+(?:an?|any)\s+(?:assurances?|guarantees?|promises?|commitments?))|"
                                   r"(?:won't|wouldn't|couldn't|didn't|doesn't|don't|can't|cannot)\s+(?:promise|guarantee|pledge|commit|vow)|"
                                   r"(?:gave|give|gives|giving|offered|offer|could\s+give|would\s+give)\s+no\s+(?:such\s+)?"
                                   r"(?:assurances?|guarantees?|promises?|commitments?|pledges?))\b", re.IGNORECASE)
# A belief denied before the topic's clause is the clause denied ("does not think sanctions are
# needed" is "thinks they are not"): the stance read after the topic is turned around.
RE_NEGATED_BELIEF = re.compile(r"\b(?:(?:do|does|did)\s+not|don't|doesn't|didn't|never)\s+(?:really\s+)?"
                               r"(?:think|believe|expect|see\s+(?:why|how|that)|accept\s+that|agree\s+that)\s+"
                               r"(?:that\s+)?(?:(?:the|a|an|any|this|such|more|further|new)\s+)?$", re.IGNORECASE)
NEGATED_BELIEF = {"support": "oppose", "oppose": "open", "open": "oppose", "ruled_out": "open", "neutral": "neutral"}
# A verb of ruling out split around its object: "has never ruled sanctions out", "has not taken
# force off the table" (the verb, up to four words of the object before the topic, the particle
# right after it).
RE_SPLIT_RULING_VERB = re.compile(r"\b(?:(rul(?:e|es|ed|ing))|(tak(?:e|es|en|ing)|took))\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE)
RE_SPLIT_RULING_OUT = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+out\b", re.IGNORECASE)
RE_SPLIT_OFF_TABLE = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+off\s+the\s+table\b", re.IGNORECASE)
# A subject's relative clause of an earlier position, then the present one: "Brandt, who backed
# the lanes in January, now opposes them", "Adler, who once dismissed the tax, now says ...".
RE_EARLIER_RELATIVE = re.compile(r"^[^,;:]{1,60},\s+(who\s+(?:once\s+|had\s+|has\s+|long\s+|previously\s+|until\s+\w+\s+)?[^,;:]+),\s+"
                                 r"(?:\w+\s+){0,2}?(?:now|today|these days|has since|since)\b", re.IGNORECASE)
EARLIER_RELATIVE_KEYS = ("who",)   # every match of RE_EARLIER_RELATIVE holds it
# A question that expects no answer, or the answer no: "Why would anyone want ...?", "Who in
# their right mind would back ...?"
RE_RHETORICAL = re.compile(r"^\W*(?:why\s+(?:would|should|on\s+earth\s+would)\s+(?:anyone|anybody|we|you|they)|"
                           r"who\s+in\s+(?:their|his|her)\s+right\s+mind|what\s+sane\s+\w+|who\s+(?:on\s+earth\s+)?would\s+(?:ever\s+)?(?:want|back|support|vote\s+for)|"
                           r"who\s+(?:exactly\s+|really\s+|on\s+earth\s+)?(?:is|was|has\s+been)\s+asking\s+for|since\s+when\s+(?:did|does|do|has|have|is|are|was|were)|"
                           r"how\s+(?:is|are|was|were)\s+(?:[\w'’-]+\s+){1,3}supposed\s+to)\b",
                           re.IGNORECASE)
# "would only back it if ...", "only as a last resort": support held back by a condition.
RE_ONLY_IF = re.compile(r"\bonly\s+(?:back|support|accept|agree|endorse|approve|consider|sign|join|vote\s+for|go\s+along\s+with)"
                        r"\w*\b[^,;:]{0,60}?\b(?:if|once|when|after|until|provided)\b|\bonly\s+as\s+a\s+last\s+resort\b",
                        re.IGNORECASE)
RE_QUESTION = re.compile(r"\?\s*[\"”’']?[*_\s]*$")   # "...?", "...?\"", a bold "**...?**"
# Negations that make a denial final ("will not", "never") rather than a mere refusal ("did not").
RE_STRONG_NEGATION = re.compile(r"\b(?:will|would|shall|can|could)\s+not\b|\b(?:won't|wouldn't|can't|cannot|couldn't|never)\b",
                                re.IGNORECASE)
# Words that refer back to a proposal named just before ("the idea", "the possibility", "rule it
# out"), as lexicon phrases (`compile_phrases`: one trie, not an alternation tried word by word).
RE_ANAPHOR = compile_phrases([
    "{the,that,this,such a,such an} {whole,entire}? {idea,possibility,proposal,plan,option,move,prospect,demand,"
    "request,offer,step,suggestion,notion,measure,measures,bill,push,stance,position,scheme,initiative,invitation,"
    "arrangement,decision,suspension,pause,freeze}",
    "{rule,rules,ruled,ruling} {it,them} out",
    "{send,sends,sending,sent,supply,supplying,supplied,approve,approved,approving,back,backs,backed,reject,"
    "rejects,rejected,oppose,opposes,opposed,accept,accepts,accepted,sign,signed,block,blocked,blocking,give,"
    "giving,gave,provide,provided,want,wants,wanted} {it,them}",
])
# The next two words: how far after a determiner its noun may stand.
RE_TWO_WORDS = re.compile(r"\S+(?:\s+\S+)?")
# A determiner that makes the next noun refer back: "the missiles", "such a loan", "those sanctions".
RE_DETERMINER = re.compile(r"(?=[tsia])\b(?:the|those|these|such(?: an?)?|that|this|its|their|any)\s+", re.IGNORECASE)
# A definite determiner right before a word: "the missiles", "those weapons" refer back.
RE_DEFINITE_BEFORE = re.compile(r"\b(?:the|those|these|that|this|such)\s+$", re.IGNORECASE)
# The first preposition of a topic phrase; the head noun stands before it.
RE_FIRST_PREPOSITION = re.compile(r"\s+(?:on|in|for|of|to|from|with|without|against|by|over|into|at|about|between|under|during|after|before|through)\s+", re.IGNORECASE)
# Stems of words that undo a thing ("lift", "suspend", "scrap"). A topic whose label holds one
# ("Lifting sanctions", "Holding the treaty in abeyance") is itself an undoing; for such a topic
# a stance word that undoes ("suspended") is the topic's own act, and one that restores opposes it.
UNDOING_STEMS = r"lift|relax|loosen|scrap|repeal|suspen|paus|freez|halt|abandon|ditch"
RE_UNDOING_LABEL = re.compile(rf"\b(?:(?:{UNDOING_STEMS})\w*|eas(?:e|es|ed|ing)|\A(?:an\s+)?end(?:s|ed|ing)?|roll\w* back|exempt\w*|reprieve|"
                              r"abeyance|relief)\b", re.IGNORECASE)
RE_UNDOING_CUE = re.compile(rf"(?:{UNDOING_STEMS}|eas)\w*|an end (?:to|of)|end(?:s|ed|ing)?(?: \w+)?|ax(?:e|es|ed|ing)", re.IGNORECASE)
RE_RESTORING_CUE = re.compile(r"(?:restor|reinstat|resum|reimpos)\w*", re.IGNORECASE)
# A time or manner set between a verb and its "to": "refused on Tuesday to rule out", "declined
# again to say", "vowed last week to fight".
RE_TIME_BEFORE_TO = re.compile(r"(?<=[a-z])\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today"
                               r"|last\s+(?:night|week|month|year)|this\s+(?:morning|afternoon|week)|again|once\s+more|repeatedly"
                               r"|publicly|privately|flatly|firmly)(?=\s+to\s)", re.IGNORECASE)
# A tag of saying set in commas ("The layoffs, he said on the floor, were ..."), and the words
# that make what comes before it a condition rather than a subject.
RE_SAYING_TAG = re.compile(r"\s*,\s*(?:(?:he|she|they|the\s+[a-z]+(?:\s+[a-z]+)?|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"
                           r"(?:said|says|added|argued|insisted|warned|wrote|told\s+\w+)(?:\s+[^,\s]+){0,4}|"
                           r"in\s+(?:his|her|their|its|[A-Z][\w.-]+(?:'s|’s))\s+(?:own\s+)?(?:view|opinion|judge?ment))\s*,")
RE_CONDITION_WORD = re.compile(r"\b(?:if|unless|once|when|whether|until)\b", re.IGNORECASE)
# A relative clause that leaves its object out: "that fails to extend", "which does not include".
RE_NEGATED_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:(?:fails?|failed)\s+to|(?:does|do|did|would|will)\s+not|"
                                 r"(?:doesn't|don't|didn't|wouldn't|won't)|(?:ignores?|ignored|excludes?|excluded|"
                                 r"omits?|omitted|leaves?\s+out|left\s+out|drops?|dropped))\b", re.IGNORECASE)
NEGATED_RELATIVE_REACH = 60   # characters between such a clause's start and the topic it leaves out
# "back" as a particle of place or time, not the verb of support: "back to the floor", "back home".
RE_BACK_AS_PARTICLE = re.compile(r"\s+(?:to|into|in|on|from|up|out|at|home|where|then|when|again)\b|[.,;:!?]")
# Heads too general to refer back to one topic on their own.
GENERIC_HEADS = frozenset({"ukraine", "russia", "us", "europe", "support", "deal", "peace", "security", "war"})
# Words a description may use that tell no topic apart ("to guarantee a peace deal").
# A capitalised name closing a phrase that has a lower-case word before it: "fire Powell".
RE_TRAILING_OBJECT_NAME = re.compile(r"(?<=[a-z])(\s+[A-Z][a-z][\w'’.-]*)+$")
VAGUE_CONCEPTS = frozenset({"deal", "peace", "war", "part", "full", "future", "current", "new"})
# A noun that undoes its object: "ordered a pause in aid" opposes aid, whatever the verb.
RE_OBJECT_NEGATION = re.compile(r"^(?:a pause|a halt|a freeze|a suspension|an end|a stop)\b", re.IGNORECASE)
# "no" right before the topic: "no American troops would be deployed".
RE_NO_BEFORE = re.compile(r"\b(?:no|not any|never any)\s+$", re.IGNORECASE)
# Words that make a denial final: "no troops, full stop", "no troops under any circumstances".
RE_EMPHATIC = re.compile(r"\b(?:full stop|period|under any circumstances|in any form|ever|at all|whatsoever)\b",
                         re.IGNORECASE)
# "have" and a participle after a modal cue: "would never have started" looks back, not ahead.
# An adverb may stand between ("could have only happened").
RE_COUNTERFACTUAL = re.compile(r"\s+have\s+(?:\w+ly\s+|only\s+)?(?:been\s+)?\w+(?:ed|en|un|wn|ne|t)\b", re.IGNORECASE)
# Quantifiers before a noun: "a number of requests", "a couple of the missiles".
RE_QUANTIFIER = re.compile(r"\b(?:a number of|a series of|a couple of|a handful of|a few|several|some of)\b", re.IGNORECASE)
# An aside of saying inside a clause: ", he said in his evening address,".
RE_SPEECH_ASIDE = re.compile(r",\s*(?:[\w'-]+\s+){1,3}(?:said|says|added|argued|insisted|warned|wrote|told\s+\w+)\b[^,;:]*,",
                             re.IGNORECASE)
# An undoing noun ending an inverter: "the suspension" stands for a carried topic undone.
RE_UNDOING_NOUN = re.compile(r"\b(?:suspension|pause|freeze|halt|exemption|reprieve)$", re.IGNORECASE)
# An inverter that ends in a determiner: the noun after it names what is undone ("easing the pressure").
RE_DETERMINER_END = re.compile(r"\b(?:the|any|all)$", re.IGNORECASE)
# A pronoun standing for a topic named before: "lifting them".
RE_OBJECT_PRONOUN = re.compile(r"\s*(?:it|them)\b", re.IGNORECASE)
# What ends a clause between a topic and a later word: "as", "while", "but", a comma.
# ("the most complicated and least effective option" coordinates two adjectives, no clauses.)
RE_CLAUSE_BREAK = re.compile(r"[,;:—]|\b(?:as|while|but|because|although|whereas|since)\b"
                             r"|\band\b(?!\s+(?:least|most|more|less|very|too)\b)", re.IGNORECASE)
# Double quotes inside a clause: read through, so that 'was "looking at" the request' is "was
# looking at" (replaced by spaces, which keeps every offset).
RE_QUOTE_MARKS = re.compile(r'["“”]')
# A journalist's question put before the answer: "Asked whether he would send them, Trump said
# ...", "... , he said when asked about the missiles". Its words are the question's, not a stance;
# it runs to the next comma or colon.
RE_ASKED_PREAMBLE = re.compile(r"(?:^|[,;—]\s*|\bwhen\s+|\bafter\s+being\s+)asked\b[^,:;]*", re.IGNORECASE)
# The holder asking a question: "asked, rhetorically, whether Moscow wanted the missiles", "Who
# would police a truce ..., he asked." Raising a question weighs a proposal; it does not take it.
RE_ASKING = re.compile(r"\b(?:asked|asks|asking|wondered|wonders|wondering)\b,?(?:\s+\w+ly,?)?\s+"
                       r"(?:whether|if|who|what|why|how|where)\b", re.IGNORECASE)
RE_ASKED_AFTER = re.compile(r"^\W*(?:who|what|why|how|where|whether|would|will|should|could|can|is|are|do|does|did)\b"
                            r".*,\s*(?:\w+\s+){1,3}(?:asked|wondered)\W*$", re.IGNORECASE)
# A condition's own clause: "if Russia won't negotiate", "as long as ..."; its stance words
# describe the condition, not the holder's position. It runs to a comma, or to the main clause's
# subject and modal ("if Russia wanted peace it should ...").
RE_CONDITION_CLAUSE = re.compile(r"\b(?:if|unless|as long as)\b(?:(?!\s(?:then|it|we|they|he|she|i|you)\s+"
                                 r"(?:will|would|should|must|could|can|shall)\b)[^,;:—])*", re.IGNORECASE)
# An embedded question asserts nothing: in "weighing whether to send troops" the stance is
# "weighing whether", not "send" (up to the next comma).
RE_EMBEDDED_QUESTION = re.compile(r"\bwhether\b[^,;:—]*", re.IGNORECASE)
# A second complement of the verb of saying ("said X was unacceptable and that Britain would
# ..."): the first complement's stance words are about something else.
RE_COORDINATED_COMPLEMENT = re.compile(r"(?:\bbut|\band|,)\s+(?:also\s+)?that\s*$", re.IGNORECASE)
# What divides a clause into stretches for the no-stance-word reading: punctuation and "but".
RE_STRETCH_BREAK = re.compile(r"[,;:—]|\bbut\b", re.IGNORECASE)
# A pronoun by which a main clause speaks of what its condition named.
RE_PRONOUN_BACK = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# Support that waits on someone else's yes: "would need the Bundestag's approval", "ready to
# act when the allies had agreed" (a time clause alone, "once the guns fall silent", does not).
RE_WAITS_ON_OTHERS = re.compile(
    r"\b(?:need|needs|needed|require|requires|required)\s+(?:the\s+)?(?:[\w-]+(?:'s)?\s+){0,2}"
    r"(?:approval|consent|sign-off|go-ahead|green light)\b"
    r"|\b(?:when|once|after|until|as soon as)\s+(?:[\w-]+\s+){1,4}?(?:had\s+|have\s+|has\s+)?"
    r"(?:agreed|agree|agrees|joined|join|joins|followed|follow|follows|done the same|do the same|does the same|"
    r"do likewise|does likewise)\b", re.IGNORECASE)
# Every match of RE_WAITS_ON_OTHERS holds one (its verbs of needing and of agreeing): change them together.
WAITS_ON_OTHERS_KEYS = ("need", "requir", "agree", "join", "follow", "same", "likewise")
# The topic offered as the price of something else: "in return for a halt to the fighting".
RE_IN_EXCHANGE = re.compile(r"\bin (?:return|exchange) for\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
# The holder's own saying made hypothetical: "he could tell Putin that ...", "I might say, ...".
RE_HEDGING_MODAL = re.compile(r"\b(?:could|might|may)\b", re.IGNORECASE)
HEDGING_MODAL_KEYS = ("could", "might", "may")   # every match of RE_HEDGING_MODAL holds one
RE_HEDGED_SAYING = re.compile(r"\b(?:could|might|may)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "be provided by" is a verb, not the condition "provided (that)".
RE_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
# The topic's action named as a gerund that opens the subject: "supplying Tomahawks would mark a
# new stage of escalation"; the predicate after the topic carries the stance, not the gerund.
RE_SUBJECT_OPENING = re.compile(r"^(?:\W|and|but|that|then|yet)*$", re.IGNORECASE)
RE_ONLY_DETERMINER = re.compile(r"^\s*(?:(?:the|a|an|any|more|some|its|their)\s+)?$", re.IGNORECASE)
RE_PREDICATE_AFTER = re.compile(r"^[^,;:]{0,40}?\b(?:would|could|will|might|may|is|was|are|were|looks|looked|seems|seemed)\b",
                                re.IGNORECASE)
# Modals of obligation: "must not stop" and "should not slow down" are support, not opposition.
RE_DEONTIC_NEGATION = re.compile(r"^(?:should|must|ought)\b", re.IGNORECASE)
# A clause boundary a hedge after the topic does not cross: "..., after a call that produced no
# agreement on when the war might end" (a comma alone may only set off a list or an aside).
RE_HEDGE_BREAK = re.compile(r"[;:—]|,\s*(?:and\s+)?(?:after|before|while|as|but|because|although|though|whereas|since|when|"
                            r"which|who|where|saying|adding)\b|\bbut\b", re.IGNORECASE)
# An object pronoun right after a stance verb: "would not accept it" is about the topic named before.
RE_POINTS_BACK = re.compile(r"\s+(?:it|them)\b(?!\s+(?:is|was|would|will|to)\b)", re.IGNORECASE)
# Before a noun, not a verb: a genitive ("Ukraine's hopes"), or "will" as will power ("no real will").
RE_GENITIVE_BEFORE = re.compile(r"\w's\s+$")
RE_NOUN_WILL_BEFORE = re.compile(r"\b(?:no|real|political|the|good|any|its|their|his|her|free|ill|own)\s+$", re.IGNORECASE)
# The topic's own participle: "the possibility of Tomahawks being sent".
RE_BEING = re.compile(r"\s+being\s+", re.IGNORECASE)
# A relative clause with a pronoun subject right after a common noun: "the tariffs (that) he had
# ordered", "the truce they signed". Its verb describes the noun; it is not the holder's stance.
RE_RELATIVE_BEFORE = re.compile(r"\b([a-z][\w'-]*)\s+(?:(?:that|which)\s+)?(?:he|she|it|they|we|i|you)\s+"
                                r"(?:had|has|have|'d|would|will|was|were)?\s*$")
# Words never described by a relative clause after them: those that open a clause of their own
# ("what they want") and adverbs of time ("decided last week it would impose ...").
NOT_DESCRIBED = frozenset({"what", "whatever", "who", "whom", "how", "why", "where", "when", "if", "because", "since",
                           "day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
                           "time", "today", "yesterday", "tonight", "now", "again", "too", "also", "instead", "then"})
# A relative pronoun within three words after the topic: what follows describes it.
RE_RELATIVE_AFTER = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+(?:that|which|who|whom|whose)\b", re.IGNORECASE)
# How far back a verb of saying makes "... he had ..." its complement, not a relative clause
# ("said in a statement he had ordered ...").
RE_FIVE_WORDS_BEFORE = re.compile(r"(?:\S+\s+){0,5}$")
# "no" opening the object of the verb just before: "wants | no troops", "demands | no recognition".
RE_NO_OBJECT = re.compile(r"\s+(?:(?:more|further|longer)\s+)?(?:no|zero)\s+(?!longer\b|later\b|sooner\b|more\s+than\b)")
# Words that part a keeping verb from what it keeps: "held talks on rates" keeps no rates.
RE_KEEP_BREAK = re.compile(r"[,;:.]|\b(?:on|of|about|over|for|with|to|that|and|but|after|before|as|by|through|in|at|from|into|against|across)\b", re.IGNORECASE)
RE_TWO_WORDS_AFTER = re.compile(r"(?:\s*\S+){0,2}")
# Intentions and consents that take the stance of the verb they govern when it opposes: "ready to
# veto", "agreed to hold off", "stressed the need to remove".
RE_INTENTION = re.compile(r"(?:is |are |was |were )?(?:prepare|prepares|prepared|preparing|ready to|willing to|"
                          r"threaten|threatens|threatened|threatening|vow|vows|vowed|vowing|want|wants|wanted|wanting|"
                          r"agree|agrees|agreed|agreeing|promise|promises|promised|promising|pledge|pledges|pledged|"
                          r"pledging|need|needs|needed|need to|needs to|needed to|has to|have to|had to|"
                          r"urge|urges|urged|urging|encourage|encourages|encouraged|encouraging)",
                          re.IGNORECASE)
# A hedging modal verb (its clause ends at a comma), not a hedging adverb ("especially, probably,
# ... by air" still hedges what follows).
RE_MODAL_VERB = re.compile(r"could|might|may|can", re.IGNORECASE)
# Modals that carry no stance of their own when a stance verb follows them.
RE_BARE_MODAL = re.compile(r"will|shall|would|should|must", re.IGNORECASE)
RE_GRUDGING = re.compile(r"reluctantly|grudgingly|hesitantly|unwillingly", re.IGNORECASE)   # "reluctantly voted for": a yes
RE_ENDS_IN_PRONOUN = re.compile(r"\s(?:it|them)(?:\s|$)", re.IGNORECASE)
# A refusal limited in time, wherever it stands in the clause: "would not approve them for now",
# "until further notice", "not yet".
RE_TIME_LIMIT = re.compile(r"\b(?:for now|for the time being|for the moment|until further notice|at this stage|"
                           r"at this point|at the moment|not yet)\b", re.IGNORECASE)
# A refusal limited in time by what follows it in its own stretch: "would not sign until ...".
RE_LIMIT_AFTER = re.compile(r"\b(?:until|till|yet|while|as long as|so long as)\b", re.IGNORECASE)
# A restrictive relative clause right after the topic narrows what is refused: "a truce that left
# them in charge", "any exports of equipment that could be used there".
RE_RESTRICTIVE_AFTER = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:that|which|who)\s+(?!is\b|are\b|was\b|were\b)\w+",
                                  re.IGNORECASE)
# Words that make an opposition categorical: "unacceptable in any form", "no part whatsoever".
RE_CATEGORICAL = re.compile(r"\b(?:in any (?:form|format|shape)|under any|of any kind|whatsoever|full stop"
                            r"|(?:and|or|nor)\s+never\s+(?:will|would|shall)"          # "does not accept it and never will"
                            r"|and\s+(?:is|was|are|were)\s+not\s+(?:going|about)\s+to\s+(?:start|change|begin))\b",
                            re.IGNORECASE)
LOOK_BACK = 30        # characters a pattern anchored at a word looks back over ("could tell", "Ukraine's")
NEGATION_REACH = 3    # words between a negator and the cue it turns around
GOVERNED_REACH = 2    # "ruled out sending": a cue this close after another is its object
HEDGE_REACH = 3       # "probably ... by air": a hedge this close before the topic makes it a possibility
# A stance on undoing a topic, as a stance on the topic: backing the lifting of sanctions opposes them.
NO_STANCE_WORD = "(no stance word)"   # the cue of a bare mention by an actor, read as support
INVERTED = {"support": "oppose", "oppose": "support", "ruled_out": "support", "open": "oppose", "neutral": "neutral"}
LABEL_WINDOW = 6      # a label's concepts must all stand within this many words
DESCRIBED_WINDOW = 8   # a paraphrase of a description holds its words within this many words
DESCRIBED_MIN = 3      # ... at least this many of them
PROFILE_WINDOW = 6    # a topic's head and another of its concepts must stand within this many words
RE_NAME_MODIFIER = re.compile(r"\b[A-Z][\w'’.-]*")   # a name among a label's modifiers ("Tomahawk missiles")
RE_CONTRAST = re.compile(r"\b(?:rather than|instead of|as opposed to)\b", re.IGNORECASE)   # a description's "not this"
RE_HEAD_OBJECT = re.compile(r"\s+(?:on|of|over|against|for|with|to)\s+((?:[\w'’-]+\s*){1,4})", re.IGNORECASE)
RE_POSSESSIVE = re.compile(r"['’]s\b")
RE_NAME_AFTER = re.compile(r"\s+[A-Z]")
RE_OBJECT_PREPOSITION = re.compile(r"\b(?:on|against|over|for|from|to)\b", re.IGNORECASE)   # "tariffs on China"
LABEL_OBJECT_REACH = 5   # words from a common head to its object: "tariffs of 25% on Canada"
CONTRAST_REACH = 2    # words before a head that modify it: "quarter-point cut"
US_FORMS = ("US", "U.S.", "U.S")   # keyword words that stand for the country, never for "us"
TOKEN_CACHE_SIZE = 4096  # texts whose concept tokens are kept: "the president" recurs all day


@dataclass(frozen=True)
class TopicHit:
    """A topic found in a text, where, and how surely."""

    topic: str
    start: int
    end: int
    score: float
    how: str  # "keyword" | "keyword_concepts" | "label_concepts" | "label_scattered" | "label_object" | "profile" | "lone_head"


@dataclass(frozen=True)
class StanceReading:
    """The stance a clause gives the holder on a topic, the words it rests on, and how surely."""

    stance: str
    cue: str
    confidence: float

    @property
    def score(self) -> int:
        return SCORES[self.stance]


class TopicMatcher:
    """Finds the user's topics in text; built once per run from a `Topics` collection."""

    def __init__(self, topics: Topics, lexicon: Lexicon):
        self.topics = topics
        self.lexicon = lexicon
        self._word_concepts: dict[str, tuple[str, ...]] = {}   # a word -> its concepts, memoised
        self._token_cache: dict[str, list[tuple[str, int, int]]] = {}
        self._keywords: list[tuple[str, re.Pattern]] = []
        self._keyword_concepts: list[tuple[str, tuple[str, ...], frozenset[str]]] = []
        self._label_concepts: list[tuple[str, frozenset[str]]] = []
        self._concepts_with_synonyms = frozenset(lexicon.synonyms.values())
        concept_topics: dict[str, set[str]] = {}
        for topic in topics:
            for phrase in (topic.label, *topic.keywords, topic.description):
                for concept in self.concepts_of(phrase):
                    concept_topics.setdefault(concept, set()).add(topic.id)
        label_owners: dict[str, set[str]] = {}
        for topic in topics:
            for concept in self.concepts_of(topic.label):
                label_owners.setdefault(concept, set()).add(topic.id)
        # A concept named by a third or more of the topics ("Ukraine") only sets the scene.
        ubiquitous = {c for c, owners in concept_topics.items() if len(owners) > max(2, len(topics) / 3)}
        head_owners: dict[str, set[str]] = {}   # the last concept before a label's preposition
        for topic in topics:
            for concept in self.concepts_of(RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)[0])[-1:]:
                head_owners.setdefault(concept, set()).add(topic.id)
        for topic in topics:
            for keyword in topic.keywords:
                self._keywords.append((topic.id, _keyword_regex(keyword)))
                concepts = tuple(c for c in self.concepts_of(keyword) if c not in ubiquitous)
                # A one-word keyword is found through its synonyms ("ceasefire" ~ "truce") when its
                # concept names this topic's label and no other's ("troops" names two), or heads
                # this label alone ("India-Pakistan ceasefire", not "US credit for the ceasefire").
                if len(concepts) >= 2 or (len(concepts) == 1 and len(keyword.split()) == 1
                                          and concepts[0] in self._concepts_with_synonyms
                                          and concepts[0] not in GENERIC_HEADS
                                          and (label_owners.get(concepts[0]) == {topic.id}
                                               or head_owners.get(concepts[0]) == {topic.id})):
                    self._keyword_concepts.append((topic.id, concepts, frozenset(concepts)))
            label = frozenset(c for c in self.concepts_of(topic.label) if c not in ubiquitous)
            if len(label) >= 2:
                self._label_concepts.append((topic.id, label))
        # Keyword concepts indexed by their first concept: a sentence checks only those it can hold.
        self._keyword_concepts_by_first: dict[str, list[int]] = {}
        for index, (_, concepts, _) in enumerate(self._keyword_concepts):
            self._keyword_concepts_by_first.setdefault(concepts[0], []).append(index)
        # The head of each keyword and label ("missiles" of "Tomahawk missiles"): after the topic
        # is named, "the missiles" refers back to it.
        self._heads: dict[str, set[str]] = {}
        for topic in topics:
            for phrase in (topic.label, *topic.keywords):
                # The head comes before the first preposition: "boots | on the ground"; a name after
                # its verb is the object, not the head ("fire | Powell" is about firing).
                head_part = RE_FIRST_PREPOSITION.split(phrase, maxsplit=1)[0]
                head_part = RE_TRAILING_OBJECT_NAME.sub("", head_part)
                concepts = [c for c in self.concepts_of(head_part) if c not in ubiquitous and c not in GENERIC_HEADS]
                if concepts:
                    self._heads.setdefault(concepts[-1], set()).add(topic.id)
        # What a description says a topic is not ("rather than in quarter-point steps").
        self._contrasts = {topic.id: frozenset(self.concepts_of(_contrast_of(topic.description or "")[1]))
                           - ubiquitous - VAGUE_CONCEPTS
                           - {c for phrase in (topic.label, *topic.keywords) for c in self.concepts_of(phrase)}
                           for topic in topics}
        self._companions = self._read_profiles(topics, ubiquitous)
        self._label_heads: dict[str, str] = {}   # topic -> the head of its label ("meeting")
        for topic in topics:
            concepts = [c for c in self.concepts_of(RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)[0])
                        if c not in ubiquitous and c not in GENERIC_HEADS]
            if concepts:
                self._label_heads[topic.id] = concepts[-1]
        self._lone_heads = self._read_lone_heads(topics, ubiquitous)
        # A description's own words, each named by this topic alone: a paraphrase holding
        # several of them close together ("a daily fee for driving into the city centre").
        words = {topic.id: set(self.concepts_of(_contrast_of(topic.description or "")[0])) | set(self.concepts_of(topic.label))
                 for topic in topics}
        owners: dict[str, set[str]] = {}
        for topic_id, concepts in words.items():
            for concept in concepts:
                owners.setdefault(concept, set()).add(topic_id)
        self._described = {topic_id: frozenset(c for c in concepts
                                               if owners[c] == {topic_id} and c not in ubiquitous
                                               and c not in VAGUE_CONCEPTS and c not in GENERIC_HEADS and not c.isdigit()
                                               and c not in self._heads)   # heads: profiles and references
                           for topic_id, concepts in words.items()}
        self._described_owner = {concept: topic_id for topic_id, own in self._described.items()
                                 if len(own) >= DESCRIBED_MIN for concept in own}
        # A head of one topic alone that its description also names ("shutting the unit" of
        # "Closing the unit") counts beside the description's own words, never alone.
        described_topics = set(self._described_owner.values())
        self._described_heads = {concept: topic_id for concept, owners in self._heads.items() if len(owners) == 1
                                 for topic_id in owners if concept in words[topic_id] and topic_id in described_topics}
        self._described_owner = {**self._described_heads, **self._described_owner}
        self._broader = self._read_broader(topics, ubiquitous)
        # A label that opens with a verb of change ("Cutting interest rates"): keeping the thing it
        # acts on as it is ("held rates") opposes the topic.
        self._undoing = frozenset(topic.id for topic in topics if RE_UNDOING_LABEL.search(topic.label))
        # ... and one whose label keeps nothing ("Holding the treaty in abeyance" holds it).
        self._undoing_changes = frozenset(topic.id for topic in topics if topic.id in self._undoing
                                          and not lexicon.status_quo_before.search(topic.label))
        # A label that opens with an act the lexicon reads as opposition ("A ban on pesticides"):
        # that act, named again, is the topic done, not opposed.
        self._own_acts = {topic.id: act for topic in topics if topic.id not in self._undoing
                          for act in [_own_act(topic.label, lexicon)] if act is not None}
        self._changes = frozenset(topic.id for topic in topics
                                  if topic.label.split() and lexicon.changing.fullmatch(topic.label.split()[0]))
        self._topic_concepts = {topic.id: frozenset(c for phrase in (topic.label, *topic.keywords, topic.description)
                                                    for c in self.concepts_of(phrase or ""))
                                for topic in topics}
        # A label whose head names most topics ("tariffs") is told apart by what follows its
        # preposition: "Higher US tariffs on China" is tariffs, then China ("a 10% levy on all
        # Chinese imports"). The object is a name; each (head, name) pair only if one topic has it.
        object_owners: dict[tuple[str, str], set[str]] = {}
        for topic in topics:
            parts = RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)
            head = [c for c in self.concepts_of(parts[0]) if c not in GENERIC_HEADS][-1:]
            if len(parts) < 2 or not head or head[0] not in ubiquitous:
                continue
            names = " ".join(RE_NAME_MODIFIER.findall(RE_FIRST_PREPOSITION.split(parts[1], maxsplit=1)[0]))
            for concept in set(self.concepts_of(names)) - ubiquitous - {"us"}:   # "on US goods" tells nothing
                object_owners.setdefault((head[0], concept), set()).add(topic.id)
        self._label_objects = [(topic_id, pair) for pair, owners in object_owners.items() if len(owners) == 1
                               for topic_id in owners]
        # "The deal" points back to the one topic whose label is a deal ("ceasefire and hostage
        # deal"), though "deal" is too common a head to find a topic by.
        generic_owners: dict[str, set[str]] = {}
        for topic in topics:
            last = self.concepts_of(RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)[0])[-1:]
            if last and last[0] in GENERIC_HEADS and last[0] not in self._heads:
                generic_owners.setdefault(last[0], set()).add(topic.id)
        self._generic_references = {c: o for c, o in generic_owners.items() if len(o) == 1}
        self._reference_heads = {**self._heads, **self._generic_references}
        # Keywords indexed by their first word, so a sentence is scanned once, word by word.
        self._keywords_by_first: dict[str, list[tuple[re.Pattern, str]]] = {}
        for (topic_id, regex), keyword in zip(self._keywords, [k for t in topics for k in t.keywords]):
            first = _first_word(keyword)
            self._keywords_by_first.setdefault(first, []).append((regex, topic_id))
        for candidates in self._keywords_by_first.values():
            candidates.sort(key=lambda item: -len(item[0].pattern))
        firsts = {_first_token(k) for t in topics for k in t.keywords} - {""}
        # A one-word keyword in -ing ("dredging") names its topic as a verb with an object too
        # ("plans to dredge the estuary"), not as a noun ("the kitchen drain").
        for topic in topics:
            for keyword in topic.keywords:
                forms = _verb_forms(keyword)
                if forms:
                    regex = re.compile(r"(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?=\s+" + OBJECT_START + r")",
                                       re.IGNORECASE)
                    for form in forms:
                        self._keywords_by_first.setdefault(form, []).append((regex, topic.id))
                    firsts |= forms
        self._first_words = _first_words_regex(firsts | {RE_PARTICLE_END.sub(r"\1-\2", f.lower()) for f in firsts})
        self._first_words_lower = _lower_case_twin(self._first_words)

    def _read_profiles(self, topics: Topics, ubiquitous: set[str]):
        """What a paraphrase of each topic must hold: one of its heads (the noun its label or a
        keyword is about: "meeting" of "Putin-Zelensky meeting") and another concept of the topic
        close by ("ready to meet Putin in any format"). The other concept may come from the
        label, keywords or description; for a head shared by several topics ("troops" of US and
        of European troops) it must come from the label or keywords and tell the topics apart."""
        named: dict[str, set[str]] = {}      # topic -> concepts of its label and keywords
        described: dict[str, set[str]] = {}  # topic -> those and the concepts of its description
        for topic in topics:
            label = set(self.concepts_of(topic.label)) - ubiquitous
            named[topic.id] = {c for phrase in (topic.label, *topic.keywords)
                               for c in self.concepts_of(phrase)} - ubiquitous
            description = _contrast_of(topic.description or "")[0]   # not what it is contrasted with
            described[topic.id] = named[topic.id] | (set(self.concepts_of(description)) - ubiquitous - VAGUE_CONCEPTS)
            if len(label) > 2:
                # Part of a longer label is another topic's label ("meet Putin" is a Trump-Putin
                # meeting as often as a Putin-Zelensky one): the label is found whole or not at all.
                named[topic.id] -= label
                described[topic.id] -= label
        companions: dict[tuple[str, str], frozenset[str]] = {}
        for head, owners in self._heads.items():
            for topic_id in owners:
                if len(owners) == 1:
                    wanted = described[topic_id]
                else:
                    wanted = named[topic_id] - set().union(*(described[t] for t in owners if t != topic_id))
                companions[(head, topic_id)] = frozenset(wanted - {head})
        return companions

    def _read_lone_heads(self, topics: Topics, ubiquitous: set[str]) -> dict[str, tuple[str, frozenset[str]]]:
        """Heads that name one topic even alone ("no cut at all"): a head of one topic only, or,
        for a head several topics share, the one topic some phrase of which ("rate cut") lies
        inside every other owner's label and keywords ("a large rate cut"): the general topic,
        which the others only narrow."""
        phrases = {topic.id: [frozenset(self.concepts_of(phrase)) - ubiquitous for phrase in (topic.label, *topic.keywords)]
                   for topic in topics}
        named = {topic_id: frozenset().union(*sets) for topic_id, sets in phrases.items()}
        lone: dict[str, str] = {}
        # Only a label's head, in the label's own word ("cuts" for "cut", not "talks" for
        # "meeting"): a keyword's head is often a modifier ("50", "higher"), and a synonym group
        # is wider than any one topic.
        label_heads: dict[str, set[str]] = {}   # concept -> stems of the label words that name it
        for topic in topics:
            head_part = normalize(RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)[0])
            tokens = [t for t in self._concept_tokens(head_part) if t[0] not in ubiquitous and t[0] not in GENERIC_HEADS]
            if tokens:
                concept, start, end = tokens[-1]
                if RE_NAME_MODIFIER.search(head_part, 1, end) or _opens_with_name(topic):
                    continue   # "Putin-Zelensky meeting": the meeting alone is anyone's; "NATO" is a body
                label_heads.setdefault(concept, set()).add(_surface_form(head_part[start:end]))
        for head, owners in self._heads.items():
            if head not in label_heads or head.isdigit():
                continue
            if len(owners) == 1:
                lone[head] = (next(iter(owners)), frozenset(label_heads[head]))
                continue
            general = [t for t in owners
                       if any(head in phrase and all(phrase <= named[u] for u in owners if u != t)
                              for phrase in phrases[t])]
            if len(general) == 1:
                lone[head] = (general[0], frozenset(label_heads[head]))
        return lone

    def _read_broader(self, topics: Topics, ubiquitous: set[str]) -> dict[str, str]:
        """Topic -> the one topic it narrows: "A large rate cut" is a kind of "Cutting interest
        rates" when a phrase of the latter ("rate cut") lies whole inside the former's label,
        holds that label's head ("cut", not "tariffs" of "counter-measures against US tariffs")
        and names nobody the narrower label leaves out ("Canadian counter-tariffs" is no
        general case of the EU's)."""
        broader: dict[str, set[str]] = {}
        for topic in topics:
            label = frozenset(self.concepts_of(topic.label)) - ubiquitous
            head = [c for c in self.concepts_of(RE_FIRST_PREPOSITION.split(topic.label, maxsplit=1)[0])
                    if c not in ubiquitous and c not in GENERIC_HEADS][-1:]
            names = self._label_names(topic)
            for other in topics:
                if other.id == topic.id or not head:
                    continue
                other_names = self._label_names(other)
                if other_names - names:
                    continue
                for phrase in (other.label, *other.keywords):
                    concepts = frozenset(self.concepts_of(phrase)) - ubiquitous
                    if len(concepts) >= 2 and concepts < label and head[0] in concepts:
                        broader.setdefault(topic.id, set()).add(other.id)
        return {topic_id: next(iter(others)) for topic_id, others in broader.items()
                if len(others) == 1 and topic_id not in broader.get(next(iter(others)), ())}

    def _label_names(self, topic) -> set[str]:
        """The concepts of the names in a label ("Canadian", "US"), its first word only when it is
        a name ("Tomahawk missiles", not "Cutting rates")."""
        first = RE_TOKEN.match(topic.label)
        rest = topic.label[first.end():] if first else topic.label
        words = RE_NAME_MODIFIER.findall(rest) + ([first.group()] if first and _opens_with_name(topic) else [])
        return set(self.concepts_of(" ".join(words)))

    def broader_topic(self, topic_id: str) -> str | None:
        """The topic this one is a kind of, if the topic file shows one ("A large rate cut" of
        "Cutting interest rates now"): backing the narrow thing backs the broad one."""
        return self._broader.get(topic_id)

    def find_lone_heads(self, text: str) -> list[TopicHit]:
        """The topic of a text that names none outright but holds the head of exactly one topic's
        label ("a quarter-point cut"), not as a reference back ("the missiles": `find_references`)."""
        text = normalize(text)
        tokens = self._concept_tokens(text)
        found: dict[str, TopicHit] = {}
        for concept, start, end in tokens:
            topic_id, stems = self._lone_heads.get(concept, (None, ()))
            if topic_id is None or topic_id in found or _surface_form(text[start:end]) not in stems:
                continue
            if RE_DEFINITE_BEFORE.search(text, max(0, start - 12), start) or RE_POSSESSIVE.match(text, end) \
                    or (text[start].isupper() and RE_NAME_AFTER.match(text, end)):
                continue   # "Nato's chief", "Air Force One": the head names something else
            following = RE_HEAD_OBJECT.match(text, end)
            if following and not set(self.concepts_of(following.group(1))) & self._topic_concepts[topic_id]:
                continue   # "a new treaty on nuclear arms": the head has an object, not this topic's
            found[topic_id] = TopicHit(topic_id, start, end, 0.5, "lone_head")
        return list(found.values()) if len(found) == 1 else []

    def _described_hit(self, text: str, tokens: list[tuple[str, int, int]]) -> TopicHit | None:
        """The one topic of which a stretch of `DESCRIBED_WINDOW` words holds at least
        `DESCRIBED_MIN` concepts that only its label and description name, or None. A head after
        "the" points back ("the treaty would cap production") and counts for nothing here."""
        places: dict[str, list[tuple[int, str, int, int]]] = {}
        owner_of = self._described_owner
        for index, (concept, start, end) in enumerate(tokens):
            topic_id = owner_of.get(concept)
            if topic_id is not None and concept in self._described_heads and _points_back(text, start, end):
                continue
            if topic_id is not None:
                places.setdefault(topic_id, []).append((index, concept, start, end))
        found = []
        for topic_id, held in places.items():
            if len({concept for _, concept, _, _ in held}) < DESCRIBED_MIN:
                continue
            for first in range(len(held)):
                window = [h for h in held[first:] if h[0] - held[first][0] < DESCRIBED_WINDOW]
                concepts = {concept for _, concept, _, _ in window}
                if len(concepts) >= DESCRIBED_MIN and concepts - self._described_heads.keys():
                    found.append(TopicHit(topic_id, window[0][2], window[-1][3], 0.5, "described"))
                    break
        return found[0] if len(found) == 1 else None

    def _profile_hits(self, text: str, tokens: list[tuple[str, int, int]],
                      taken: list[TopicHit]) -> list[TopicHit]:
        """Topics paraphrased in a text: a head of a topic and another of its concepts within
        `PROFILE_WINDOW` words, for one topic only (a window that fits two names neither), and
        with no topic found already in between or under them ("assurances that US troops would
        not be sent to defend Ukraine" gives no guarantee: the troops stand between)."""
        hits: dict[str, TopicHit] = {}
        heads = self._heads
        for index in [index for index, token in enumerate(tokens) if token[0] in heads]:
            concept, start, end = tokens[index]
            owners = heads[concept]
            if _points_back(text, start, end):
                continue   # "the missiles": missiles named before, a reference, not a paraphrase
            window = tokens[max(0, index - PROFILE_WINDOW + 1):index + PROFILE_WINDOW]
            present = {c for c, _, _ in window}
            # "Rather than in quarter-point steps": a word the description sets against the topic,
            # modifying the head, makes it the other thing ("two quarter-point cuts").
            modifiers = {c for c, _, _ in tokens[max(0, index - CONTRAST_REACH):index]}
            fitting = [t for t in owners if present & self._companions[(concept, t)]
                       and not modifiers & self._contrasts.get(t, frozenset())]
            if len(fitting) != 1 or fitting[0] in hits or any(h.topic == fitting[0] for h in taken):
                continue
            companions = self._companions[(concept, fitting[0])]
            near = min((t for t in window if t[0] in companions), key=lambda t: abs(t[1] - start))
            stretch = (min(start, near[1]), max(end, near[2]))
            if not any(h.start < stretch[1] and h.end > stretch[0] for h in taken):
                hits[fitting[0]] = TopicHit(fitting[0], start, end, 0.6, "profile")
        return list(hits.values())

    def own_act(self, topic_id: str) -> re.Pattern | None:
        """The forms of the act a topic's label opens with, when the lexicon reads that act as
        opposition ("ban", "banned", "banning" for "A ban on pesticides"), else None."""
        return self._own_acts.get(topic_id)

    def undoes_itself(self, topic_id: str) -> bool:
        """Whether a topic's label is an undoing ("Lifting sanctions", "Holding the treaty in
        abeyance"): then "the suspension of the treaty" names the topic, not its opposite."""
        return topic_id in self._undoing

    def acts_on_object(self, topic_id: str, named: str) -> bool:
        """Whether a topic changes a thing and `named` (the words that found it) names only the
        thing, not the change: "rates" for "Cutting interest rates", not "a rate cut"."""
        # An undoing ("Scrapping the limit") changes the thing too: "kept the limit" opposes it.
        return (topic_id in self._changes and not self.lexicon.changing.search(named)) \
            or (topic_id in self._undoing_changes and not RE_UNDOING_CUE.search(named))

    def concepts_of(self, text: str) -> list[str]:
        """The concepts a text names, in order: synonyms folded, function words dropped.

        >>> from stance.lexicon import Lexicon
        >>> TopicMatcher(Topics([]), Lexicon.load()).concepts_of("American soldiers on Ukrainian soil")
        ['us', 'troops', 'ukraine', 'ground']
        """
        return [concept for concept, _, _ in self._concept_tokens(text)]

    def forget_texts(self) -> None:
        """Drop the texts read so far (kept while one document is read: its sentences are read
        as a whole, clause by clause and as references); the word memo stays."""
        self._token_cache.clear()

    def _concept_tokens(self, text: str) -> list[tuple[str, int, int]]:
        cached = self._token_cache.get(text)
        if cached is None:
            cached = self._read_concept_tokens(text)
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            self._token_cache[text] = cached
        return cached

    def _read_concept_tokens(self, text: str) -> list[tuple[str, int, int]]:
        plain = normalize(text)
        found: list[tuple[str, int, int]] = []
        covered: list[tuple[int, int]] = []
        for match in self.lexicon.synonym_phrases.finditer(plain.lower()):
            found.append((self.lexicon.synonyms[match.group()], match.start(), match.end()))
            covered.append((match.start(), match.end()))
        concepts_of_word = self._word_concepts
        for match in RE_TOKEN.finditer(plain):
            token = match.group()
            concepts = concepts_of_word.get(token)
            if concepts is None:
                concepts = concepts_of_word[token] = self._concepts_of_word(token)
            if not concepts:
                continue   # a function word: two in five
            start, end = match.span()
            if covered and any(s <= start < e for s, e in covered):
                continue
            for concept in concepts:
                found.append((concept, start, end))
        if covered:
            found.sort(key=lambda item: item[1])
        return found

    def _concepts_of_word(self, token: str) -> tuple[str, ...]:
        """The concepts one word names (none for a function word; two for "air-defence")."""
        word = token.lower()
        if word == "us" and token != "US":
            return ()  # the pronoun, not the country
        if word in self.lexicon.stopwords:
            return ()
        if word.endswith("'s"):
            word = word[:-2]
        if "-" in word and word not in self.lexicon.synonyms and RE_PARTICLE_COMPOUND.fullmatch(word):
            word = word.replace("-", "")   # "walk-out" is a walkout, "take-over" a takeover
        if "-" in word and word not in self.lexicon.synonyms:
            return tuple(self.lexicon.synonyms.get(part, part) for part in word.split("-")
                         if part and part not in self.lexicon.stopwords)
        concept = self.lexicon.synonyms.get(word) or self.lexicon.synonyms.get(word.rstrip("."))
        if concept is None and len(word) > 3:
            # "penalties", "truces": the plural of a listed word names its concept
            concept = next((self.lexicon.synonyms[form] for form in _plural_bases(word)
                            if form in self.lexicon.synonyms), None)
        if concept is None:
            # "closure" meets "close", "removal" "remove": the noun of a verb names what it does
            verb = NOMINALISATIONS.get(word) or NOMINALISATIONS.get(word[:-1] if word.endswith("s") else "")
            concept = self.lexicon.synonyms.get(verb) or _stem(verb) if verb else _stem(word)
        return (concept,)

    def find(self, text: str) -> list[TopicHit]:
        """Topics of a text, best evidence per topic, in order of appearance.

        >>> from stance.config import Topic
        >>> from stance.lexicon import Lexicon
        >>> topics = Topics([Topic("troops", "US ground troops in Ukraine", keywords=("US troops",)),
        ...                  Topic("jets", "Fighter jets for Kyiv")])
        >>> [h.topic for h in TopicMatcher(topics, Lexicon.load()).find("No American soldiers on Ukrainian soil.")]
        ['troops']
        """
        best: dict[str, TopicHit] = {}
        plain = normalize(text)
        if self._keywords_by_first:
            for token in self._first_word_matches(plain):
                key = token.group().lower().replace(".", "")
                for regex, topic_id in self._keywords_by_first.get(key, ()) or self._keywords_by_first.get(key.replace("-", ""), ()):
                    if topic_id in best:
                        continue
                    match = regex.match(plain, token.start())
                    if match:
                        _keep(best, TopicHit(topic_id, match.start(), match.end(), 1.0, "keyword"))
        tokens = self._concept_tokens(plain)
        if tokens:
            concepts = [c for c, _, _ in tokens]
            present = set(concepts)
            candidates = sorted({i for concept in present for i in self._keyword_concepts_by_first.get(concept, ())})
            for topic_id, wanted, wanted_set in (self._keyword_concepts[i] for i in candidates):
                if topic_id in best or not wanted_set <= present:
                    continue
                found = _ordered_window(tokens, wanted, reach=len(wanted) + 4) \
                    or (_inverted_window(plain, tokens, wanted, reach=len(wanted) + 1) if len(wanted) > 1 else None)
                if found and not _inside_name(plain, found[0]):
                    # The head stands for the topic: "The U.S. won't send troops" keeps "won't send".
                    head = found[1]
                    _keep(best, TopicHit(topic_id, head[0], head[1], 0.85, "keyword_concepts"))
            labels = [(topic_id, wanted) for topic_id, wanted in self._label_concepts if wanted <= present]
            for topic_id, wanted in labels:
                if topic_id in best:
                    continue
                span = _unordered_window(tokens, wanted, reach=LABEL_WINDOW)
                if span:
                    _keep(best, TopicHit(topic_id, span[0], span[1], 0.75, "label_concepts"))
            for topic_id, wanted in labels:
                head = self._label_heads.get(topic_id)
                if topic_id in best or head is None or len(wanted) < 3:
                    continue
                if any(other in best for other in self._heads.get(head, ()) if other != topic_id):
                    continue   # the head is another topic's, found here: "British troops ... US support"
                # "Zelensky ... said he was prepared to meet Putin": the label's head with one more
                # of its words close by, the rest elsewhere in the sentence (often its subject).
                span = _scattered_label(tokens, head, wanted, reach=LABEL_WINDOW)
                if span:
                    best[topic_id] = TopicHit(topic_id, span[0], span[1], 0.6, "label_scattered")
            for topic_id, pair in self._label_objects:
                if topic_id in best or not set(pair) <= present:
                    continue
                found = _ordered_window(tokens, pair, reach=LABEL_OBJECT_REACH)
                between = plain[found[0][0]:found[1][0]] if found else ""
                if found and RE_OBJECT_PREPOSITION.search(between) and not RE_STRETCH_BREAK.search(between):
                    _keep(best, TopicHit(topic_id, found[0][0], found[0][1], 0.7, "label_object"))
            for hit in self._profile_hits(plain, tokens, list(best.values())):
                best[hit.topic] = hit
            if not best:
                hit = self._described_hit(plain, tokens)
                if hit is not None:
                    best[hit.topic] = hit
        return sorted(best.values(), key=lambda hit: (hit.start, hit.topic))


    def _first_word_matches(self, plain: str):
        """`_first_words.finditer(plain)`, found faster: the pattern's lower-case twin runs on the
        lower-cased text (no case folding at every place) to find where a match may start, and
        the pattern itself matches there, so "us" never passes for "US" (see `FoldedPattern`)."""
        lowered = plain.lower()
        if not folds_plainly(plain, lowered):
            return self._first_words.finditer(plain)
        return (match for found in self._first_words_lower.finditer(lowered)
                if (match := self._first_words.match(plain, found.start())) is not None)

    def find_references(self, text: str, recent: dict[str, int]) -> list[TopicHit]:
        """Topics referred back to by a definite noun ("the missiles", "such a loan"), among the
        topics named recently (topic -> how many sentences ago); the most recent wins a tie.

        >>> from stance.config import Topic
        >>> from stance.lexicon import Lexicon
        >>> matcher = TopicMatcher(Topics([Topic("loan", "Reparations loan", keywords=("reparations loan",))]), Lexicon.load())
        >>> [h.topic for h in matcher.find_references("Belgium still opposes the loan.", {"loan": 2})]
        ['loan']
        """
        if not recent:
            return []
        plain = normalize(text)
        tokens = self._concept_tokens(plain)
        ends = [end for _, _, end in tokens]
        hits: dict[str, TopicHit] = {}
        for determiner in RE_DETERMINER.finditer(plain):
            # The noun itself or after one modifier: "the missiles", "the long-range missiles".
            reach = RE_TWO_WORDS.match(plain, determiner.end())
            if reach is None:
                continue
            first = bisect.bisect_right(ends, determiner.end())   # tokens ending past the determiner
            for concept, start, end in tokens[first:first + 2]:
                if start >= reach.end():
                    break
                if concept in self._generic_references and determiner.group().lower().startswith("any"):
                    break   # "any deal" is a deal yet to be made, not the one named before
                owners = [t for t in self._reference_heads.get(concept, ()) if t in recent]
                if owners:
                    topic_id = min(owners, key=lambda t: (recent[t], t))
                    hits.setdefault(topic_id, TopicHit(topic_id, start, end, 0.6, "reference"))
                    break
        return sorted(hits.values(), key=lambda hit: (hit.start, hit.topic))


def read_stance(clause: str, topic_start: int, topic_end: int, lexicon: Lexicon,
                fallback: bool = False, changes_object: bool = False, undoing_topic: bool = False,
                own_act: re.Pattern | None = None) -> StanceReading | None:
    """The holder's stance on a topic mentioned at [topic_start, topic_end) of a clause.

    None when the clause takes no position (a question, a bare mention, "declined to comment").
    `changes_object`: the topic is a change of the thing named there ("Cutting interest rates",
    named by "rates"), so with no stance word, keeping that thing as it is opposes the topic.
    `undoing_topic`: the topic is itself an undoing ("Holding the treaty in abeyance", "Lifting
    sanctions"), so undoing words before the words that named it ("the suspension of the
    treaty") are the topic's own and turn nothing around. `own_act`: the forms of the act a
    topic is ("ban" of "A ban on pesticides"): as a stance word it does the topic, so it backs it.

    >>> lexicon = Lexicon.load()
    >>> text = "He refused to rule out sending troops."
    >>> read_stance(text, text.index("troops"), len(text) - 1, lexicon).stance
    'open'
    """
    plain = normalize(clause)
    is_question = bool(RE_QUESTION.search(plain))
    if is_question and not plain.lstrip().startswith(("“", '"')):
        return None
    if lexicon.no_comment.search(plain) or (_may_hold(plain, *NEITHER_COMMENTED_KEYS)
                                            and RE_NEITHER_COMMENTED.search(plain)):
        return None
    plain = RE_QUOTE_MARKS.sub(" ", plain)
    if " to " in plain:
        # "refused on Tuesday to rule out": the time set between a verb and its "to" is blanked,
        # so the cue reads whole ("refused to rule out"); offsets stay where they were.
        plain = RE_TIME_BEFORE_TO.sub(lambda m: " " * len(m.group()), plain)
    # "The layoffs, he said on the floor, were cruel": a tag of saying set in commas right after
    # the topic parts no subject from its predicate.
    tag = RE_SAYING_TAG.match(plain, topic_end)
    if tag is not None and not RE_CONDITION_WORD.search(plain, 0, tag.start()):   # "If X were sent, he added, ..."
        plain = plain[:tag.start()] + " " * len(tag.group()) + plain[tag.end():]
    preambles = [m.span() for m in RE_ASKED_PREAMBLE.finditer(plain)] if _may_hold(plain, "asked") else []
    asking = _holder_asks(plain, topic_start, preambles)
    if asking is not None:
        return StanceReading("open", asking, 0.6)
    topic_start, topic_end, masked = _topic_and_masks(plain, topic_start, topic_end, preambles, lexicon)
    protest = RE_PROTEST_IF.search(plain, max(0, topic_start - 90), topic_start) if _may_hold(plain, "if") else None
    if protest is None and _may_hold(plain, "over", "against"):
        protest = RE_PROTEST_OVER.search(plain, max(0, topic_start - 60), topic_start)
        if protest is not None and RE_PROTEST_NOUN.match(protest.group()) \
                and RE_EVENT_LEAD.search(plain, max(0, protest.start() - 8), protest.start()):
            protest = None   # "Protests over the levy drew crowds", "police kept the march over it calm": an event told of
    if protest is not None:
        # "threatened to strike if the site is moved", "a ballot on strike action over the
        # cuts": a protest against the topic
        return StanceReading("oppose", f"{protest.group().strip()} (a protest against it)", 0.6)
    earlier = RE_EARLIER_RELATIVE.match(plain) if _may_hold(plain, *EARLIER_RELATIVE_KEYS) else None
    if earlier is not None and earlier.start(1) <= topic_start < earlier.end(1) \
            and lexicon.all_stances.search(plain, earlier.end()) is not None:
        # "Brandt, who backed the bus lanes in January, now opposes them": the relative clause
        # tells the old position; the holder's present one is the main verb's.
        masked = [*masked, earlier.span(1)]
        topic_start = topic_end = len(plain)
    # "easing the sanctions would be a mistake": the undoing words join the topic, and the stance
    # read on them is turned around at the end.
    inverter = _inverter_before(plain, topic_start, lexicon)
    if inverter is not None:
        topic_start = inverter.start()
        if undoing_topic:
            inverter = None
    # "The bank held rates": a topic that would change the thing named is opposed by keeping it,
    # whatever else is said of the thing ("rates will stay where they are").
    kept = _kept_as_it_is(plain, topic_start, topic_end, lexicon) if changes_object and inverter is None else None
    if kept is not None:
        return _qualified(kept, plain, topic_start, is_question, False, lexicon)
    undone = RE_UNDONE_PASSIVE.match(plain, topic_end) if not undoing_topic and inverter is None else None
    if undone is not None:
        # "the charge would not be reversed" keeps it; "the charge will be scrapped" ends it
        stance = "support" if undone.group("negation") else "oppose"
        return _qualified(StanceReading(stance, undone.group().strip(), 0.7), plain, topic_start, is_question, False, lexicon)
    reading, from_segment = _governing_reading(plain, topic_start, topic_end, lexicon, masked, own_act)
    if reading is not None and reading.stance == "support" and _object_denied(plain, reading.cue, topic_start):
        reading = StanceReading("oppose", f"{reading.cue} no", reading.confidence * 0.9)
    if reading is not None and undoing_topic and reading.stance == "oppose" and RE_UNDOING_CUE.fullmatch(reading.cue):
        # "India suspended the treaty" does what "Holding the treaty in abeyance" names.
        reading = StanceReading("support", f"{reading.cue} (the topic's own act)", reading.confidence)
    elif reading is not None and undoing_topic and reading.stance == "support" and RE_RESTORING_CUE.fullmatch(reading.cue):
        # "demanded that India restore the treaty" undoes it.
        reading = StanceReading("oppose", f"{reading.cue} (undoes the topic)", reading.confidence)
    relative = _negated_relative(plain, topic_start) if reading is not None else None
    if relative is not None and reading.stance in ("support", "oppose", "ruled_out") \
            and 0 <= plain.lower().find(reading.cue.split(" ")[0].lower()) < relative.start():
        # "will not support a bill that fails to extend the credits" asks for the credits
        reading = StanceReading("support" if reading.stance != "support" else "oppose",
                                f"{reading.cue} ... {relative.group().strip()}", reading.confidence * 0.9)
    if (reading is None or RE_BARE_MODAL.fullmatch(reading.cue)) and _mentioned_only(plain, topic_start, lexicon):
        return None   # "The council will vote on the levy", "was asked about the charge": no position
    if RE_INVERTED_CONDITION.match(plain) and topic_start < (plain.find(",") if "," in plain else 0):
        return None   # "Had the mayor backed the levy, ...": what did not happen
    contrast = RE_NOT_CONTRAST.search(plain, max(0, topic_start - LOOK_BACK), topic_start) \
        if _may_hold(plain, "not", "rather", "instead") else None
    if (reading is None or RE_EFFECT_MODAL.fullmatch(reading.cue)) and topic_end < len(plain.rstrip(" .!\"'")):
        # "the levy will hurt builders": the modal is the effect's, not a stance of its own
        reading = _consequence(plain, topic_end, lexicon) or reading
    by_polarity = reading is None and fallback
    if by_polarity:
        reading = _by_polarity(plain, lexicon, masked + _other_stretches(plain, topic_start, topic_end), topic_start, topic_end)
    if reading is None:
        return None
    if contrast is not None and reading.cue not in contrast.group():
        # "opposes the takeover, not the dividend cut": the other thing is set apart from it
        if reading.stance != "support":
            return None
        return StanceReading("oppose", f"{reading.cue} ... {contrast.group().strip()}", reading.confidence * 0.9)
    denial = RE_DENIED_CLAIM.search(plain, 0, topic_start) if _may_hold(plain, "den", "reject", "dismiss") else None
    if denial is not None and plain.lower().find(reading.cue.split(" ")[0].lower(), denial.end()) >= 0:
        # "rejected claims that he opposes the bus lanes", "denied that she had ruled it out"
        return StanceReading(DENIED[reading.stance], f"{denial.group().strip()} ... {reading.cue}", reading.confidence * 0.9)
    withheld = RE_WITHHELD_ASSURANCE.search(plain, 0, max(topic_start, 0)) \
        if reading.stance in ("ruled_out", "oppose") and _may_hold(plain, "promis", "guarant", "pledg", "commit", "vow",
                                                                     "assur", "say") else None
    if withheld is not None and plain.lower().find(reading.cue.split(" ")[-1].lower(), withheld.end()) >= 0:
        # "refused to promise that force would not be used": the refusal keeps it possible
        return StanceReading("open", f"{withheld.group().strip()} ... {reading.cue}", reading.confidence * 0.9)
    belief = RE_NEGATED_BELIEF.search(plain, max(0, topic_start - LOOK_BACK), topic_start) \
        if _may_hold(plain, "think", "believe", "expect", "see", "accept", "agree") else None
    if belief is not None and plain.lower().find(reading.cue.split(" ")[-1].lower(), topic_end) >= 0 \
            and not any(w in reading.cue.lower().split() for w in ("not", "never", "no")) and "n't" not in reading.cue.lower():
        # "does not think sanctions are needed": the belief denied denies what follows
        reading = StanceReading(NEGATED_BELIEF[reading.stance], f"{belief.group().strip()} ... {reading.cue}",
                                reading.confidence * 0.9)
    # "without American weapons, Kyiv could not hold out": a lack deplored is a stance read in
    # reverse; a bare mention of the lack ("a truce without guarantees") asks for the thing, and
    # a lack only weighed ("might bring Moscow to the table without the missiles") says nothing.
    lack_judged = from_segment and reading.stance != "open"
    undone = RE_UNDONE_AFTER.match(plain, topic_end) if inverter is None and not undoing_topic else None
    if undone is not None and reading.cue.split(" ")[0].lower() not in undone.group().lower():
        # "called for the levy to be scrapped", "wants the tariffs lifted": the thing undone
        return _qualified(StanceReading(INVERTED[reading.stance], f"{reading.cue} ... {undone.group().strip()}",
                                        reading.confidence * 0.9), plain, topic_start, is_question, True, lexicon)
    if inverter is not None and not (_is_lack(inverter) and not lack_judged):
        reading = StanceReading(INVERTED[reading.stance], f"{reading.cue} ... {inverter.group().strip()}",
                                reading.confidence * 0.9)
    # A firm conditional ("if Russia refuses, we will impose sanctions") is still support: the
    # gold set's readers took it so; "could ... if" is open through its modal.
    return _qualified(reading, plain, topic_start, is_question, inverter is not None, lexicon)


# The topic undone right after it is named: "called for the plan to be scrapped", "wants the
# tariffs lifted", "demanded that the levy be withdrawn".
# Participles that undo a thing, in both patterns below.
UNDONE_PARTICIPLES = (r"scrapped|abandoned|dropped|withdrawn|shelved|lifted|cancell?ed|canceled|halted|ended|repealed|"
                      r"revoked|rescinded|reversed|rolled\s+back|called\s+off|struck\s+down")
RE_UNDONE_AFTER = re.compile(r"(?:\s+(?:plans?|proposals?|scheme|idea|project|bill|policy|measures?|programme|program))?"
                             r"\s+(?:(?:to\s+)?be|being|been)?\s*(?:\w+ly\s+)?"
                             rf"(?:{UNDONE_PARTICIPLES}|suspended|blocked|killed|paused|frozen|removed|gone|axed)\b", re.IGNORECASE)


# The topic undone, or not, in the passive right after it: "the aid figure would not be
# revisited", "the levy will be scrapped", "the ban would not be delayed".
RE_UNDONE_PASSIVE = re.compile(r"(?:\s+(?:plans?|proposals?|scheme|policy|decision|figure|cut|rise|increase))?"
                               r"\s+(?:will|would|shall|should|must|is|was|are|were)(?P<negation>\s+not|n't|\s+never)?"
                               r"\s+(?:(?:now|also|still|soon|then)\s+)?(?:be|being)\s+(?:\w+ly\s+)?"
                               rf"(?:{UNDONE_PARTICIPLES}|revisited|reconsidered|reopened|overturned|watered\s+down|"
                               r"delayed|postponed|put\s+off|unpicked)\b", re.IGNORECASE)


def _mentioned_only(plain: str, topic_start: int, lexicon: Lexicon) -> bool:
    """Whether the verb right before the topic only brings it up ("vote on", "asked about",
    "met to discuss"), with at most two words (the topic's modifiers) between."""
    window = plain[max(0, topic_start - LOOK_BACK):topic_start]
    return any(len(window[m.end():].split()) <= 2 for m in lexicon.mention_only.finditer(window))


def _negated_relative(plain: str, topic_start: int) -> re.Match | None:
    """A relative clause that leaves the topic out, right before it: "a bill that fails to
    extend", "any deal that does not include", "a plan that ignored" (no clause break between)."""
    window = max(0, topic_start - NEGATED_RELATIVE_REACH)
    found = None
    for found in RE_NEGATED_RELATIVE.finditer(plain, window, topic_start):
        pass
    if found is None or RE_STRETCH_BREAK.search(plain, found.end(), topic_start):
        return None
    return found


def _object_denied(plain: str, cue: str, topic_start: int) -> bool:
    """Whether a verb of support takes "no" as its object's determiner, the topic inside that
    object: "wants no US troops", "demands no recognition of the annexed land"."""
    at = plain.rfind(cue, 0, topic_start) if cue and " " not in cue.strip() else -1
    return at >= 0 and bool(RE_NO_OBJECT.match(plain, at + len(cue), topic_start))


# What the holder said before the act told: "gave the payment back after a year of saying she
# would not", "agreed to the inquiry after months of refusing one".
RE_EARLIER_ADJUNCT = re.compile(r"\bafter\s+(?:[\w'’-]+\s+){0,4}?(?:saying|insisting|refusing|arguing|promising|vowing|denying|"
                                r"rejecting|ruling|resisting|opposing)\b[^;:.!?]*", re.IGNORECASE)


def _topic_and_masks(plain: str, topic_start: int, topic_end: int, preambles: list[tuple[int, int]],
                     lexicon: Lexicon) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the topic stands for the reading, and the spans whose stance words are not the
    holder's: the journalist's question, conditions, embedded "whether" questions."""
    # A topic named in the journalist's question is answered by the rest of the clause.
    for question_start, question_end in preambles:
        if question_start <= topic_start < question_end:
            trailing = not plain[question_end:].strip(" .!\"'")
            topic_start = topic_end = question_start if trailing else len(plain)
    conditions = [m.span() for m in RE_CONDITION_CLAUSE.finditer(plain)] \
        if _may_hold(plain, "if", "unless", "as long as") else []
    own_condition = next(((start, end) for start, end in conditions if start <= topic_start < end), None)
    if own_condition is not None and _main_cue_after(plain, own_condition[1], lexicon):
        # "If a ceasefire is possible, it should start now": the main clause speaks of the topic.
        topic_start = topic_end = own_condition[1] + 1
    # A condition that names the topic and is all there is ("... if doing so would help secure a
    # ceasefire") is read.
    masked = preambles + [span for span in conditions if not span[0] <= topic_start < span[1]] \
        + ([m.span() for m in RE_EMBEDDED_QUESTION.finditer(plain)] if _may_hold(plain, "whether") else []) \
        + ([m.span() for m in RE_EARLIER_ADJUNCT.finditer(plain) if m.start() > topic_end] if _may_hold(plain, "after") else [])
    if topic_start >= len(plain.rstrip(" .!'")):
        # A topic carried from before may be named here by a pronoun: "Lifting them would ...".
        undone = _undone_reference(plain, lexicon)
        if undone is not None:
            topic_start, topic_end = undone
    return topic_start, topic_end, masked


def _governing_reading(plain: str, topic_start: int, topic_end: int, lexicon: Lexicon,
                       masked: list[tuple[int, int]], own_act: re.Pattern | None = None) -> tuple[StanceReading | None, bool]:
    """The reading of the smallest clause holding the topic, else of the whole clause; and
    whether it came from the smallest clause."""
    segment_start = _segment_start(plain, topic_start, lexicon)
    reading = _reading_in(plain, segment_start, len(plain), topic_start, topic_end, lexicon, masked, own_act)
    from_segment = reading is not None
    if (reading is None or _hedge_only(reading, lexicon)) and segment_start > 0 \
            and not RE_COORDINATED_COMPLEMENT.search(plain[max(0, segment_start - LOOK_BACK):segment_start]):
        # A clause that only hedges ("a steel porcupine that no invader could swallow") leaves
        # the stance to the verb that governs it ("had to be turned into").
        whole = _reading_in(plain, 0, len(plain), topic_start, topic_end, lexicon, masked, own_act)
        if reading is None or (whole is not None and not _hedge_only(whole, lexicon)):
            reading, from_segment = whole, False
    return reading, from_segment


def _qualified(reading: StanceReading, plain: str, topic_start: int, is_question: bool, undone: bool,
               lexicon: Lexicon) -> StanceReading:
    """A reading with what the rest of the clause does to it: a question, a condition, a price,
    a hypothetical saying."""
    confidence = reading.confidence * 0.9
    if reading.stance == "support" and "?" in plain and RE_RHETORICAL.match(plain):
        # "Why would anyone want a winter break?": a question that expects no answer denies it.
        return StanceReading("oppose", f"{RE_RHETORICAL.match(plain).group().strip()} ... {reading.cue} ... ?", confidence)
    if is_question and reading.stance == "support":
        # "Do they want Tomahawks going their way?": a question weighs a move, it does not take it.
        return StanceReading("open", f"{reading.cue} ... ?", confidence)
    if undone and reading.stance in ("oppose", "open"):
        waits = lexicon.qualifiers.search(plain)
        if waits is not None and waits.group().lower().startswith("only"):
            # "would consider lifting sanctions only once Russia withdraws": they stay till then.
            return StanceReading("support", f"{reading.cue} ... {waits.group()}", confidence)
    if reading.stance != "support":
        return reading
    exchange = RE_IN_EXCHANGE.search(plain[max(0, topic_start - LOOK_BACK):topic_start])
    if exchange is not None:
        # "asked Kyiv to pull out of Donetsk in return for a halt to the fighting": a price, not a goal
        return StanceReading("open", f"{reading.cue} ... {exchange.group().strip()}", confidence)
    qualifier = _qualifier(plain, lexicon)
    if qualifier is not None:
        # "prepared to meet Zelensky, but only once ..." / "backed a truce in principle"
        return StanceReading("open", f"{reading.cue} ... {qualifier}", confidence)
    hedge = _hedged_saying(plain, topic_start, lexicon)
    if hedge is not None:
        # "he could tell Putin that Ukraine will get the missiles": a threat held in reserve.
        return StanceReading("open", f"{hedge} ... {reading.cue}", confidence)
    return reading


def _points_back(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) follows a definite determiner and so refers to something
    named before ("the missiles"); in "warned that shutting the plant" the "that" opens a clause."""
    definite = RE_DEFINITE_BEFORE.search(text, max(0, start - 12), start)
    return definite is not None and not (definite.group().strip().lower() == "that" and text.endswith("ing", start, end))


def _may_hold(text: str, *words: str) -> bool:
    """Whether a case-insensitive pattern that cannot match without one of `words` (lower case)
    may match `text`: a substring test, which rules out most clauses for the cost of a fraction
    of a pass of the pattern; exact unless the text's case folds unusually (then always true).

    >>> _may_hold("He was asked about it.", "asked"), _may_hold("He spoke.", "asked")
    (True, False)
    """
    return may_hold(text, words)


def _main_cue_after(plain: str, position: int, lexicon: Lexicon) -> bool:
    """Whether the next stretch of the clause after a condition takes a stance on what the
    condition named, by a pronoun ("if a truce is possible, it should start now"), not on a new
    subject ("as long as there is no truce, concessions should not be discussed")."""
    following = RE_STRETCH_BREAK.search(plain, position + 1)
    end = following.start() if following else len(plain)
    return lexicon.all_stances.search(plain, position + 1, end) is not None \
        and RE_PRONOUN_BACK.search(plain, position + 1, end) is not None


def _hedge_only(reading: StanceReading, lexicon: Lexicon) -> bool:
    """Whether a reading rests on a possibility word alone ("could"), no verb of stance."""
    return bool(lexicon.possibility.fullmatch(reading.cue))


def _holder_asks(plain: str, topic_start: int, preambles: list[tuple[int, int]]) -> str | None:
    """The words by which the holder asks about the topic rather than answers ("asked whether
    ...", "Who would police a truce ..., he asked"), or None. A journalist's "Asked whether ...,"
    before an answer is not the holder asking."""
    if not _may_hold(plain, "ask", "wonder"):
        return None   # most clauses: both patterns need one of these words
    for match in RE_ASKING.finditer(plain, 0, topic_start):
        if not any(start <= match.start() < end for start, end in preambles):
            return match.group()
    if RE_ASKED_AFTER.search(plain) and not preambles:
        return "(question) ... asked"
    return None


def _is_lack(inverter: re.Match) -> bool:
    return inverter.group().lower().startswith("without")


def _qualifier(plain: str, lexicon: Lexicon) -> str | None:
    """Words that make support conditional or in principle ("only once", "in principle")."""
    for match in lexicon.qualifiers.finditer(plain):
        if match.group().lower().startswith("provided") and \
                RE_PASSIVE_BEFORE.search(plain[max(0, match.start() - LOOK_BACK):match.start()]):
            continue   # "should be provided by European troops"
        return match.group()
    only = RE_ONLY_IF.search(plain) if _may_hold(plain, "only") else None
    if only is not None:
        return only.group()   # "would only back it if the state paid for buses"
    waits = RE_WAITS_ON_OTHERS.search(plain) if _may_hold(plain, *WAITS_ON_OTHERS_KEYS) else None
    return waits.group() if waits is not None else None


def _hedged_saying(plain: str, topic_start: int, lexicon: Lexicon) -> str | None:
    """A modal on the holder's own verb of saying before the topic ("could tell", "might say")."""
    if not _may_hold(plain, *HEDGING_MODAL_KEYS) or not RE_HEDGING_MODAL.search(plain, 0, topic_start):
        return None   # most clauses: no modal, no verb of saying to look for
    for match in lexicon.speech_verbs.finditer(plain, 0, topic_start):
        modal = RE_HEDGED_SAYING.search(plain[max(0, match.start() - LOOK_BACK):match.start()])
        if modal is not None:
            return f"{modal.group().strip()} {match.group()}"
    return None


def _undone_reference(plain: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where a clause names a topic carried from before as undone, or None: a pronoun or a definite
    noun right after undoing words ("lifting them", "easing the pressure"), or an undoing noun
    that stands for the topic's undoing ("defended the suspension")."""
    for inverter in lexicon.inverters.finditer(plain):
        pronoun = RE_OBJECT_PRONOUN.match(plain, inverter.end())
        if pronoun is not None:
            return pronoun.span()
        if RE_UNDOING_NOUN.search(inverter.group()):
            return inverter.end(), inverter.end()
        if RE_DETERMINER_END.search(inverter.group()):
            noun = RE_TOKEN.match(plain, inverter.end() + 1) if plain[inverter.end():inverter.end() + 1] == " " else None
            if noun is not None:
                return noun.span()
    return None


def _inverter_before(plain: str, topic_start: int, lexicon: Lexicon) -> re.Match | None:
    """The words right before a topic that undo it ("lifting", "the easing of"), or None."""
    found = [m for m in lexicon.inverters.finditer(plain, max(0, topic_start - 30), topic_start)
             if not plain[m.end():topic_start].strip()]
    return found[-1] if found else None


def _kept_as_it_is(plain: str, topic_start: int, topic_end: int, lexicon: Lexicon) -> StanceReading | None:
    """Keeping the thing a topic would change: "held the benchmark rate at 4.5%", "left rates
    unchanged", "rates stayed where they were" oppose cutting them. The keeping verb governs the
    thing directly (no preposition between: "held talks on rates" keeps nothing)."""
    before = RE_FIVE_WORDS_BEFORE.search(plain, 0, topic_start)
    for verb in lexicon.status_quo_before.finditer(plain, before.start() if before else 0, topic_end):
        gap = plain[verb.end():topic_start]   # the topic's own words may hold a preposition ("sanctions on Syria")
        if verb.end() < topic_end and not RE_KEEP_BREAK.search(gap) \
                and not lexicon.changing.search(plain[verb.end():topic_end]):
            return StanceReading("oppose", f"{verb.group()} (as it is)", 0.4)
    after = RE_TWO_WORDS_AFTER.match(plain, topic_end)
    reach = after.end() if after else topic_end
    kept = lexicon.status_quo_after.search(plain, topic_end, reach + 30)
    if kept is not None and not RE_KEEP_BREAK.search(plain, topic_end, kept.start()):
        return StanceReading("oppose", f"{kept.group()} (as it is)", 0.4)
    return None


def _by_polarity(plain: str, lexicon: Lexicon, masked: list[tuple[int, int]] = (), topic_start: int = 0,
                 topic_end: int | None = None) -> StanceReading:
    """No stance word: an actor speaking of a proposition is taken to favour it, unless the
    clause is negated (outside a condition: "if Russia won't talk" negates no one's stance) or
    judges it ("the duty was unfair"). A weak reading, kept low in confidence."""
    carried = topic_start >= len(plain.rstrip(" .!\"'"))
    # "no" is a determiner: it denies the noun after it ("no concessions before a truce"), so it
    # denies a topic named in the clause only when it stands right before it.
    negated = next((m.group() for m in RE_TOKEN.finditer(plain)
                    if lexicon.is_negator(m.group()) and not _inside(m.start(), masked)
                    and (carried or m.group().lower() != "no" or not plain[m.end():topic_start].strip())), "")
    if negated:
        return StanceReading("oppose", f"{negated} (no stance word)", 0.35)
    # A topic carried from before stands at the clause's end: then the whole clause may judge it.
    before_topic = [] if carried else [(0, topic_start)]
    own_words = [(topic_start, topic_end)] if topic_end is not None else []   # "would be banned" names a ban
    judged = _judgement(plain, [*masked, *before_topic, *own_words], lexicon.judgements)
    if judged is not None:
        return judged
    return StanceReading("support", NO_STANCE_WORD, 0.35)


# A protest promised on the condition that the topic happens: "threatened to strike if the
# launch site was moved", "would walk out if the deal was signed". Right before the topic.
RE_PROTEST_IF = re.compile(r"\b(?:threaten(?:s|ed|ing)?\s+to|would|will|'ll|vow(?:s|ed)?\s+to)\s+(?:\w+ly\s+)?"
                           r"(?:strike|walk\s+out|resign|quit|boycott|sue|protest|take\s+(?:legal\s+)?action|go\s+to\s+court"
                           r"|stop\s+work|down\s+tools|leave|pull\s+out)\b[^.;:!?]{0,40}?\bif\s+(?:[\w'’-]+\s+){0,3}$",
                           re.IGNORECASE)


# A protest at the topic, right before it: "strike action over the timetable cuts", "a march
# against the closure", "walked out in protest at the plan".
RE_PROTEST_OVER = re.compile(r"\b(?:strikes?|striking|struck|strike\s+action|industrial\s+action|walk-?outs?|walked\s+out|"
                             r"protests?|protested|protesting|marche[sd]|marching|march|demonstrations?|demonstrated|rall(?:y|ies|ied)|"
                             r"boycotts?|boycotted)\s+(?:in\s+protest\s+)?(?:over|against|at)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


# A protest named as an event, not made: the noun opening the sentence or after a definite
# determiner ("Protests over the levy drew ...", "the march against it passed off calmly").
RE_PROTEST_NOUN = re.compile(r"(?:strikes?|strike\s+action|industrial\s+action|walk-?outs?|protests?|march(?:es)?|"
                             r"demonstrations?|rall(?:y|ies)|boycotts?)\b", re.IGNORECASE)
RE_EVENT_LEAD = re.compile(r"(?:\b(?:the|this|that|these|those)\s+|^\W*)$", re.IGNORECASE)


# The topic as the subject of what it would do: "shutting the plant would devastate the town",
# "the levy will hurt small firms", "a pause would help the players". Between the topic's words
# and the verb only the rest of its noun phrase ("in Dunmore", "over Christmas"), no new clause.
EFFECT_MODALS = r"(?:would|will|could|might|may|can|must)"
RE_CONSEQUENCE = re.compile(r"(?:\s+(?!(?:that|which|who|whom|if|because|while|when|and|but|or|as|he|she|they|it|we)\b)"
                            rf"[\w'’-]+){{0,5}}?\s+({EFFECT_MODALS})\s+(not\s+|never\s+)?"
                            r"(?:(?:only|simply|just|also|further|badly|seriously|severely|gravely|really|surely|certainly)\s+)?"
                            r"[“\"‘]?([a-z]+)\b", re.IGNORECASE)   # a quote may open at the verb: would “finish off”
RE_EFFECT_MODAL = re.compile(rf"{EFFECT_MODALS}(?:\s+(?:not|never))?", re.IGNORECASE)   # the modal alone as a cue
CONSEQUENCE_VALENCE = 1.2   # VADER's valence from which a verb's effect judges its subject
# Verbs of no valence that carry harm in what follows them: "put jobs at risk", "cost lives".
HARM_CARRIERS = frozenset({"put", "place", "leave", "cost", "throw", "drive", "force", "make"})
RE_HARM_AFTER = re.compile(r"(?:\s+[\w'’,“”\"-]+){0,4}?\s+(?:at\s+risk|in\s+danger|in\s+jeopardy|out\s+of\s+(?:work|business|a\s+job|pocket)"
                           r"|jobs|lives|livelihoods|worse\s+off|without|stranded|in\s+the\s+(?:dark|cold)"
                           r"|more\s+than\s+(?:it|they)\s+(?:saves?|brings?|raises?|earns?))\b", re.IGNORECASE)
# Verbs whose "out" excludes someone: "would shut out families", "price out first-time buyers".
SHUTTING_OUT = frozenset({"shut", "price", "lock", "squeeze", "force", "drive", "freeze", "push"})
RE_OUT_AFTER = re.compile(r"[”\"’]?\s+out\b", re.IGNORECASE)
# Harms only with "off": "would finish off small growers", not "will finish the work".
HARMS_WITH_OFF = frozenset({"finish"})
RE_OFF_AFTER = re.compile(r"[”\"’]?\s+off\b", re.IGNORECASE)
# A named party within three words after the verb: "would cripple Russia's economy".
RE_NAMED_OBJECT = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s+[A-Z]")


def _consequence(plain: str, topic_end: int, lexicon: Lexicon) -> StanceReading | None:
    """The stance in what the topic would do, read with VADER's valences: harm ("would
    devastate", "will hurt") opposes it, good ("would help", "benefits") backs it, a
    denied effect the other way ("would not hurt"). Verbs VADER has no valence for are in the
    lexicon's `effects` ("cripple", "spur")."""
    match = RE_CONSEQUENCE.match(plain, topic_end)
    if match is None:
        return None
    verb = match.group(3).lower()
    if verb in HARMS_WITH_OFF and not RE_OFF_AFTER.match(plain, match.end()):
        return None   # "will finish paying for the tram": done, not "finish off"
    value = lexicon.effects.get(verb, 0) * 2 or _valences().get(verb, 0.0)
    if abs(value) < CONSEQUENCE_VALENCE and verb in SHUTTING_OUT and RE_OUT_AFTER.match(plain, match.end()):
        value = -2.0   # "would shut out the families", "would price out the young"
    if abs(value) < CONSEQUENCE_VALENCE and verb in HARM_CARRIERS and RE_HARM_AFTER.match(plain, match.end()):
        value = -2.0   # "would put 600 jobs at risk", "will cost lives"
    if abs(value) < CONSEQUENCE_VALENCE:
        return None
    if RE_NAMED_OBJECT.match(plain, match.end()):
        return None   # "sanctions would cripple Russia's economy": harm to a named target may be the aim
    if match.group(2):
        value = -value
    return StanceReading("oppose" if value < 0 else "support", f"{match.group().strip()} (its effect)", 0.4)


RE_JUDGED = re.compile(r"\b(?:(is|are|was|were|be|been|being|remains?|remained|seemed|seems|looks?|looked)|"
                       r"(called|calling|calls|branded|brands|described(?:\s+as)?|describes(?:\s+as)?|deemed|denounced\s+as))\s+"
                       r"((?:[\w'’-]+,?\s+){0,8}[\w'’-]+)", re.IGNORECASE)
RE_WORD = re.compile(r"[\w'’-]+")
JUDGEMENT_VALENCE = 1.5   # VADER's valence from which a predicated word judges its subject
# Judged words that are also what a thing plainly is: after a copula they judge only as "a tax
# on ..." or "a stealth tax", not in "the charge is a daily tax paid by drivers".
DESCRIBING_JUDGED = frozenset({"tax"})
RE_ON_AFTER = re.compile(r"\s+on\b", re.IGNORECASE)


def _judgement(plain: str, masked: list[tuple[int, int]] = (), judged: dict | None = None) -> StanceReading | None:
    """A judgement passed on the subject with no stance word: "the sanctions were unjust",
    "called the duty unfair" oppose; "the plan was promising" supports. Only a word predicated
    of something counts, read with VADER's valences; "a war" or "an attack" merely told of is
    no judgement of the proposition, nor is a word passed on something said before the topic.
    `judged`: valences of words VADER lacks ("indefensible", "grab"), from the lexicon."""
    valences = _valences()
    judged = judged or {}
    total = 0.0
    words = []
    for match in RE_JUDGED.finditer(plain):
        # A copula judges with the words right after it ("were outrageous", "was a mistake");
        # "called the extra duty unfair" puts the thing judged in between.
        following = list(RE_WORD.finditer(plain, match.start(3), match.end(3)))[:3 if match.group(1) else 9]
        for before, word in zip([None, *following], following):
            if _inside(word.start(), masked) or (before is not None and before.group().lower() == "too"):
                continue   # "too weak to deter" asks for more of it
            if match.group(1) and word.group().lower() in DESCRIBING_JUDGED and not RE_ON_AFTER.match(plain, word.end()) \
                    and not (before is not None and before.group().lower() in ("stealth", "hidden", "backdoor")):
                continue   # "is a daily tax paid by drivers" tells what it is; "is a tax on the poor" judges it
            key = word.group().lower()
            value = judged.get(key) or valences.get(key, 0.0)
            if abs(value) >= JUDGEMENT_VALENCE:
                total += value
                words.append(word.group())
    if not words or total == 0:
        return None
    return StanceReading("oppose" if total < 0 else "support", f"{' '.join(words)} (judged)", 0.4)


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return {}
    return SentimentIntensityAnalyzer().lexicon


def _other_stretches(plain: str, topic_start: int, topic_end: int) -> list[tuple[int, int]]:
    """The parts of a clause outside the topic's stretch between punctuation ("..., after a call
    that produced no agreement"), for a topic inside the clause; none for one at its end."""
    if topic_start >= len(plain.rstrip(" .!\"'")):
        return []
    breaks = [m.start() for m in RE_STRETCH_BREAK.finditer(plain)]
    before = max((b for b in breaks if b < topic_start), default=0)
    after = min((b for b in breaks if b >= topic_end), default=len(plain))
    return [(0, before), (after, len(plain))]


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def _segment_start(plain: str, topic_start: int, lexicon: Lexicon) -> int:
    """Where the smallest clause holding the topic begins: after the last verb of saying or
    "that" before the topic ("Leavitt said | the president has ruled out troops")."""
    start = 0
    for match in lexicon.speech_verbs.finditer(plain[:topic_start]):
        start = match.end()
    for match in RE_COMPLEMENT.finditer(plain[:topic_start]):
        start = max(start, match.end())
    return start


def _reading_in(plain: str, start: int, end: int, topic_start: int, topic_end: int,
                lexicon: Lexicon, masked: list[tuple[int, int]] = (), own_act: re.Pattern | None = None) -> StanceReading | None:
    split = _split_ruling(plain, start, topic_start, topic_end, lexicon) if topic_start > start else None
    if split is not None:
        return split
    cues = []
    for match in lexicon.all_stances.finditer(plain, start, end):
        if match.start() < topic_end and match.end() > topic_start:
            continue  # "air support" names the topic; it is no stance
        if _inside(match.start(), masked):
            continue  # "if Russia won't negotiate": the condition's words, not the holder's
        if own_act is not None and own_act.fullmatch(match.group()) and RE_ACT_NOUN_LINK.fullmatch(plain, match.end(), topic_start):
            continue  # "a ban on thiaclor would finish off growers": the act's noun names the topic
        if lexicon.is_speech_verb(match.group()) and lexicon.stance_of_phrase(match.group()) == "support" \
                and match.group().lower() not in ("insist", "insists", "insisted", "insisting"):
            continue
        if _is_noun_use(plain, match, topic_end) or RE_COUNTERFACTUAL.match(plain, match.end()):
            continue   # "the war would never have started": a counterfactual, no refusal
        if _in_relative_clause(plain, match, lexicon):
            continue   # "held off on the tariffs he had ordered": the tariffs described
        if RE_AXE_NOUN.fullmatch(match.group()) and RE_DETERMINER_BEFORE_NOUN.search(plain, max(0, match.start() - 8), match.start()):
            continue   # "took an axe to the budget", "the axe fell": the tool, no act of axing
        if RE_END_WORD.match(match.group()) and (_ends_a_harm(plain, match.end())
                                                 or not RE_ENDED_OBJECT.fullmatch(plain, match.end(), topic_start)):
            continue   # "to end the war": a harm; "ended the debate on the levy", "the levy ended the day": not the topic ended
        if RE_OBJECT_VERB_CUE.search(match.group()) and match.end() <= topic_start \
                and not RE_ENDED_OBJECT.fullmatch(plain, match.end(), topic_start):
            continue   # "axed her trip over the levy row", "won't put up with delays to the levy": another object
        cues.append(match)
    cues = [m for m in cues if not _is_subject_gerund(plain, start, m, topic_start, topic_end, lexicon, own_act)]
    # The words with their offsets, only for a clause with a cue to weigh (most have none).
    words = [(m.start(), m.end(), m.group().lower()) for m in RE_TOKEN.finditer(plain)] if cues else []
    governing = _drop_governed(cues, words, lexicon.stance_of_phrase)
    # A hedge counts in the topic's own stretch of the clause: not "..., after a call that
    # produced no agreement on when the war might end".
    possibility = [m for m in lexicon.possibility.finditer(plain, start, end)
                   if not (m.start() < topic_end and m.end() > topic_start)
                   and not (m.group() == "May" and m.start() > 0)   # the month, not the modal
                   and not RE_COUNTERFACTUAL.match(plain, m.end())   # "could have happened": looks back
                   and not _inside(m.start(), masked)
                   and (m.end() <= topic_start or not RE_HEDGE_BREAK.search(plain[topic_end:m.start()]))]
    cues = governing
    if not cues:
        denied = RE_NO_BEFORE.search(plain[max(0, topic_start - 12):topic_start])
        if denied and not possibility:
            # "no American soldiers in Ukraine, full stop": the determiner is the stance.
            strong = RE_EMPHATIC.search(plain[topic_end:])
            return StanceReading("ruled_out" if strong else "oppose",
                                 f"{denied.group().strip()} ... {strong.group()}" if strong else denied.group().strip(),
                                 0.6)
        return _possible(plain, possibility, lexicon)
    # A verb governs the object after it ("ruled out the deployment of troops"), so the nearest
    # cue before the topic decides; a cue after it decides only when none stands before
    # ("US troops would not be sent").
    before = [m for m in cues if m.end() <= topic_start]
    # A cue after the topic counts only inside the topic's own clause ("US troops would not be
    # sent"), not across "as", "while" or a comma ("no US troops as Russia rejects ...").
    # A verb whose object points back ("..., and that Russia would not accept it") reaches further.
    # A verb behind a relative pronoun describes the topic ("the truce that Hamas rejected").
    after = [m for m in cues if m.start() >= topic_end and (not RE_CLAUSE_BREAK.search(_without_asides(plain[topic_end:m.end()]))
                                                           or RE_POINTS_BACK.match(plain, m.end())
                                                           or RE_ENDS_IN_PRONOUN.search(m.group()))
             and not _describes_topic(plain, topic_end, m, lexicon)]
    if not before and not after:
        return _possible(plain, possibility, lexicon)
    if before and after and RE_STRETCH_BREAK.search(_without_asides(plain[before[-1].end():topic_start])):
        # "On the day the order was signed, the ministry called the duty unfair": a verb before
        # the topic's own clause gives way to one inside it.
        before = []
    cue = before[-1] if before else min(after, key=lambda m: _words_between(words, topic_end, m.start()))
    phrase = cue.group()
    stance = lexicon.stance_of_phrase(phrase)
    if own_act is not None and stance in ("oppose", "ruled_out") and own_act.fullmatch(phrase):
        stance = "support"   # "banning the sprays" does what "A ban on the sprays" names
    regretted = lexicon.all_stances.match(plain, RE_BEEN.match(plain, cue.end()).end()) if RE_REGRET.fullmatch(phrase) else None
    if regretted is not None and lexicon.stance_of_phrase(regretted.group()) in ("oppose", "ruled_out"):
        # "should never have been scrapped": the act against it regretted backs it
        return StanceReading("support", f"{phrase} ... {regretted.group()}", 0.75)
    phrase = " ".join(phrase.split())   # "refused    to rule out", its time blanked (see read_stance)
    negator = _negator_before(words, cue.start(), lexicon, plain)
    if not negator and RE_NOT_A_THING_BEFORE.search(plain, max(start, cue.start() - 60), cue.start()):
        negator = "not"   # "is not a project we can support", "was not something she would accept"
    if not negator and cue.start() >= topic_end and RE_NO_BEFORE.search(plain[max(0, topic_start - 12):topic_start]):
        negator = "no"   # "no US troops would be sent": the determiner negates what follows
    confidence = 0.9 if len(phrase.split()) > 1 else 0.75
    if negator and not any(w in phrase.lower() for w in ("not", "n't", "never", "no ")):
        strong = bool(RE_STRONG_NEGATION.search(plain[max(0, cue.start() - 25):cue.start()])) or (
            negator == "no" and bool(re.search(r"\b(?:will|would|shall)\b", plain[topic_end:cue.start()])))
        stance = {"support": "ruled_out" if strong else "oppose", "oppose": "open",
                  "open": "ruled_out" if strong else "oppose", "ruled_out": "open",
                  "neutral": "neutral"}[stance]
        phrase = f"{negator} ... {phrase}"
        confidence *= 0.9
    denied = _denied_opposition(cue, stance, lexicon)
    if denied is not None:
        # "work on sanctions should not slow down": an obligation not to oppose is support.
        stance, phrase = "support", f"{phrase} {denied.group()}"
    stance, phrase = _degree(plain, cue, topic_start, topic_end, stance, phrase)
    hedged = any(m.start() < cue.start() and not RE_CLAUSE_BREAK.search(plain[m.end():cue.start()])
                 or (m.start() >= cue.end() and _words_between(words, cue.end(), m.start()) <= 1)
                 or (m.end() <= topic_start and _words_between(words, m.end(), topic_start) <= HEDGE_REACH
                     and not (RE_MODAL_VERB.fullmatch(m.group()) and RE_CLAUSE_BREAK.search(plain[m.end():topic_start])))
                 for m in possibility)
    if stance == "support" and hedged:
        modal = next(m.group() for m in possibility)
        return StanceReading("open", f"{modal} ... {phrase}", confidence * 0.9)
    return StanceReading(stance, phrase, confidence)


# What is ended when "ending" it is no opposition: a harm ("to end the war").
RE_HARM_ENDED = re.compile(r"\s*(?:\w+\s+){0,2}?(?:war|wars|hostilities|killing|bloodshed|occupation|stalemate|gridlock|"
                           r"shutdown|strike|blockade|siege|famine|pollution|delays)\b", re.IGNORECASE)


# A thing denied, then the one who would back it: "is not a project we can support".
RE_NOT_A_THING_BEFORE = re.compile(r"\b(?:is|was|are|were|be)\s+(?:not|never|n't)\s+(?:a|an|the|something|anything|one)\b"
                                   r"(?!\s+(?:first|only|last|second|third|next)\b)"   # "not the first time she would support it"
                                   r"(?:\s+[\w'’-]+){0,3}?\s+(?:that\s+|which\s+)?(?:we|i|you|he|she|they|it|ottawa|the\s+\w+)"
                                   r"(?:\s+(?:can|could|will|would|should|is\s+willing\s+to|are\s+willing\s+to))?\s+$", re.IGNORECASE)


# A regret of what was done ("should never have been brought in"), and the words before the act it regrets.
RE_REGRET = re.compile(r"(?:should|must)(?:\s+(?:never|not)|n't)\s+have", re.IGNORECASE)
RE_BEEN = re.compile(r"\s+(?:been\s+)?")


# "axe" after a determiner is the noun ("took an axe to", "the axe fell"), not the verb "to axe".
RE_AXE_NOUN = re.compile(r"axes?", re.IGNORECASE)
RE_DETERMINER_BEFORE_NOUN = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+$", re.IGNORECASE)


# "end" as the word itself (not "endorse"), and what it ends when that is the topic: at most
# three of its words between, no preposition ("ended the consumer carbon tax", "ending all talks",
# "ended plans for a carbon tax").
RE_END_WORD = re.compile(r"end(?:s|ed|ing)?\b", re.IGNORECASE)
RE_ENDED_OBJECT = re.compile(r"\s*(?:(?:the\s+|a\s+)?(?:plans?|proposals?|idea|scheme|policy|programme|program|bill)\s+(?:for|of|on)\s+)?"
                             r"(?:(?!(?:on|of|in|for|with|about|over|at|to|from|by|into|after|before|and|or)\b)[\w'’-]+\s+){0,3}",
                             re.IGNORECASE)
# Cues whose object must be the topic too ("axed the levy", "could not live with a levy").
RE_OBJECT_VERB_CUE = re.compile(r"^ax(?:e|es|ed|ing)$|\b(?:put\s+up|live)\s+with$", re.IGNORECASE)


def _ends_a_harm(plain: str, position: int) -> bool:
    """Whether the words after "end the" name a harm: a listed one, or one VADER rates bad."""
    if RE_HARM_ENDED.match(plain, position):
        return True
    valences = _valences()
    return any(valences.get(word.lower(), 0.0) <= -1.0 for word in RE_WORD.findall(plain[position:position + 40])[:3])


# Words that make the topic no object of the split verb: a clause of its own after "ruled"
# ("ruled that sanctions were carried out"), a verb between it and "out" ("were handed out").
RE_SPLIT_NOT_OBJECT = re.compile(r"\b(?:that|is|are|was|were|be|been|being|will|would|had|has|have)\b", re.IGNORECASE)
RE_OUT_OF_ORDER = re.compile(r"\s+of\s+order\b", re.IGNORECASE)


def _split_ruling(plain: str, start: int, topic_start: int, topic_end: int, lexicon: Lexicon) -> StanceReading | None:
    """A verb of ruling out with the topic inside it ("ruled sanctions out", "took force off
    the table"): ruled out, or open when negated ("has never ruled sanctions out")."""
    verb = RE_SPLIT_RULING_VERB.search(plain, max(start, topic_start - 60), topic_start)
    if verb is None:
        return None
    particle = (RE_SPLIT_RULING_OUT if verb.group(1) else RE_SPLIT_OFF_TABLE).match(plain, topic_end)
    if particle is None or RE_SPLIT_NOT_OBJECT.search(verb.group()) or RE_SPLIT_NOT_OBJECT.search(particle.group()) \
            or RE_OUT_OF_ORDER.match(plain, particle.end()):
        return None   # "ruled that sanctions were carried out", "ruled the question out of order": no ruling out
    words = [(m.start(), m.end(), m.group().lower()) for m in RE_TOKEN.finditer(plain, start, verb.start())]
    negator = _negator_before(words, verb.start(), lexicon, plain)
    if negator:
        return StanceReading("open", f"{negator} ... {verb.group().split()[0]} ... {particle.group().strip()}", 0.8)
    return StanceReading("ruled_out", f"{verb.group().split()[0]} ... {particle.group().strip()}", 0.8)


def _degree(plain: str, cue: re.Match, topic_start: int, topic_end: int, stance: str, phrase: str) -> tuple[str, str]:
    """A refusal limited in time or scope is opposition, not a final no ("will not approve, for
    now", "would not agree to a truce that left them in charge"); an opposition made categorical
    is one ("unacceptable in any form")."""
    stretch = RE_STRETCH_BREAK.search(plain, max(cue.end(), topic_end))
    stretch_end = stretch.start() if stretch else len(plain)
    if stance == "ruled_out":
        limit = RE_TIME_LIMIT.search(plain) or RE_LIMIT_AFTER.search(plain, cue.end(), stretch_end)
        if limit is None and cue.end() <= topic_start:
            limit = RE_RESTRICTIVE_AFTER.match(plain, topic_end)
        if limit is not None and RE_CATEGORICAL.search(plain) is None:
            return "oppose", f"{phrase} ... {limit.group().strip()}"
    elif stance == "oppose":
        categorical = RE_CATEGORICAL.search(plain, cue.end(), stretch_end)
        if categorical is not None:
            return "ruled_out", f"{phrase} ... {categorical.group()}"
    return stance, phrase


def _without_asides(text: str) -> str:
    """Text with its asides of saying cut out: "US troops, the minister said, would not go"."""
    return RE_SPEECH_ASIDE.sub(" ", text)


def _is_noun_use(plain: str, cue: re.Match, topic_end: int) -> bool:
    """Whether a one-word cue is a noun, a particle or the topic's own participle, not a verb of
    stance: "Ukraine's hopes of joining", "no real will for peace", "Tomahawks being sent",
    "bringing the bill back to the floor"."""
    word = cue.group()
    if " " in word:
        return False
    before = plain[max(0, cue.start() - LOOK_BACK):cue.start()]
    return bool(RE_GENITIVE_BEFORE.search(before)
                or (word.lower() == "will" and RE_NOUN_WILL_BEFORE.search(before))
                or (word.lower() == "back" and RE_BACK_AS_PARTICLE.match(plain, cue.end()))
                or (cue.start() >= topic_end and RE_BEING.fullmatch(plain[topic_end:cue.start()])))


def _describes_topic(plain: str, topic_end: int, cue: re.Match, lexicon: Lexicon) -> bool:
    """Whether a cue after the topic stands in a relative clause describing it ("the truce that
    Hamas rejected"), not in the holder's own predicate. A cue that points back ("and that Russia
    would not accept it") is the holder's."""
    relative = RE_RELATIVE_AFTER.match(plain, topic_end)
    return relative is not None and relative.end() <= cue.start() \
        and lexicon.speech_verbs.search(relative.group()) is None \
        and not (RE_POINTS_BACK.match(plain, cue.end()) or RE_ENDS_IN_PRONOUN.search(cue.group()))


def _in_relative_clause(plain: str, cue: re.Match, lexicon: Lexicon) -> bool:
    """Whether a cue is the verb of a relative clause describing a noun ("the tariffs he had
    ordered"), not of the holder's own clause. A verb of saying just before makes the same words
    a complement instead ("said in a statement he had ordered ...")."""
    relative = RE_RELATIVE_BEFORE.search(plain, max(0, cue.start() - LOOK_BACK - 20), cue.start())
    if relative is None:
        return False
    noun = relative.group(1)
    if noun in lexicon.stopwords or noun in NOT_DESCRIBED or noun.endswith("ly") or lexicon.all_stances.fullmatch(noun):
        return False
    lead = RE_FIVE_WORDS_BEFORE.search(plain, max(0, relative.start() - 60), relative.end())
    return lead is None or lexicon.speech_verbs.search(lead.group()) is None


def _is_subject_gerund(plain: str, start: int, cue: re.Match, topic_start: int, topic_end: int,
                       lexicon: Lexicon, own_act: re.Pattern | None = None) -> bool:
    """Whether a cue is the topic's own action named as the subject ("supplying Tomahawks would
    mark a new stage of escalation"): a one-word "-ing" verb of support that opens its clause
    right before the topic, with a verb after the topic. The predicate then carries the stance.
    The topic's own act counts as support ("banning pesticides would be a disaster")."""
    word = cue.group()
    return (word.lower().endswith("ing") and " " not in word and cue.end() <= topic_start
            and bool(RE_ONLY_DETERMINER.match(plain[cue.end():topic_start]))
            and bool(RE_SUBJECT_OPENING.match(plain[start:cue.start()]))
            and (lexicon.stance_of_phrase(word) == "support" or bool(own_act and own_act.fullmatch(word)))
            and bool(RE_PREDICATE_AFTER.match(plain[topic_end:])))


def _denied_opposition(cue: re.Match, stance: str, lexicon: Lexicon) -> re.Match | None:
    """The opposing verb an obligation denies ("should not slow down", "must not stop"), or None."""
    if stance != "oppose" or not RE_DEONTIC_NEGATION.match(cue.group()):
        return None
    following = lexicon.all_stances.search(cue.string, cue.end(), cue.end() + 30)
    if following is not None and not cue.string[cue.end():following.start()].strip(" ,") \
            and lexicon.stance_of_phrase(following.group()) in ("oppose", "ruled_out"):
        return following
    return None


def _possible(plain: str, possibility: list[re.Match], lexicon: Lexicon) -> StanceReading | None:
    """A clause whose only stance word is a possibility: open, or oppose when the possibility is
    denied ("hardly possible", "not likely")."""
    if not possibility:
        return None
    cue = possibility[0]
    words = [(m.start(), m.end(), m.group().lower()) for m in RE_TOKEN.finditer(plain, 0, cue.start())]
    negator = _negator_before(words, cue.start(), lexicon, plain)
    if negator and cue.group().lower().endswith(("possible", "likely", "possibly")):
        return StanceReading("oppose", f"{negator} ... {cue.group()}", 0.6)
    return StanceReading("open", cue.group(), 0.6)


def _drop_governed(cues: list[re.Match], words, stance_of=lambda phrase: "") -> list[re.Match]:
    """In "ruled out sending troops" or "agreed to send", the first verb decides; drop the second."""
    kept: list[re.Match] = []
    for cue in sorted(cues, key=lambda m: m.start()):
        # "looking at a number of requests": a quantifier is no distance between verb and object
        quantifiers = len(RE_TOKEN.findall(" ".join(RE_QUANTIFIER.findall(cue.string, kept[-1].end(), cue.start())))) \
            if kept else 0
        if kept and _words_between(words, kept[-1].end(), cue.start()) - quantifiers <= GOVERNED_REACH \
                and not _has_boundary(kept[-1], cue) and not RE_OBJECT_NEGATION.match(cue.group()):
            if RE_BARE_MODAL.fullmatch(kept[-1].group()) or RE_GRUDGING.fullmatch(kept[-1].group()) or (
                    RE_INTENTION.fullmatch(kept[-1].group()) and stance_of(cue.group()) in ("oppose", "ruled_out")):
                # "will depend on", "preparing to reject": the verb governed carries the stance
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def _has_boundary(first: re.Match, second: re.Match) -> bool:
    between = first.string[first.end():second.start()]
    return any(mark in between for mark in ",;:") or " and " in between or " but " in between


def _words_between(words, start: int, end: int) -> int:
    return sum(1 for s, e, _ in words if s >= start and e <= end)


def _negator_before(words, position: int, lexicon: Lexicon, text: str = "") -> str:
    """A negator within reach before a cue, in the same stretch of text (no comma between)."""
    before = [(s, w) for s, e, w in words if e <= position][-NEGATION_REACH:]
    for start, word in reversed(before):
        if text and any(mark in text[start:position] for mark in ",;:—"):
            return ""
        if lexicon.is_negator(word):
            return word
    return ""


def _first_word(text: str) -> str:
    """The first word of a keyword or a token as an index key ("U.S." and "US" alike)."""
    match = RE_TOKEN.search(normalize(text))
    return match.group().lower().replace(".", "") if match else ""


# What opens a verb's object: "dredge the estuary", "ban all imports".
OBJECT_START = r"(?:the|a|an|its|their|his|her|our|this|that|these|those|any|all|some|more)\b"


def _verb_forms(keyword: str) -> set[str]:
    """The other forms of the verb of a one-word keyword in -ing, for finding it with an object;
    a few that are no words ("clos", "dredgs") cost nothing, as they never stand in a text.

    >>> sorted(_verb_forms("dredging")), sorted(_verb_forms("planning")), _verb_forms("dredging the river")
    (['dredg', 'dredge', 'dredged', 'dredges', 'dredgs'], ['plan', 'planned', 'plans'], set())
    """
    word = keyword.strip().lower()
    if " " in word or not word.endswith("ing") or len(word) < 7 or not word.isalpha():
        return set()
    if word[-4] == word[-5] and word[-4] not in "aeiouls":
        return {word[:-4], word[:-4] + "s", word[:-3] + "ed"}   # "planning": plan, plans, planned
    base = word[:-3]
    return {base, base + "s", base + "ed", base + "e", base + "es"}   # "closing": close, closes, closed


RE_ACT_NOUN_LINK = re.compile(r"\s+(?:on|of|for|against)\s+(?:(?:the|a|an|any|all|its|their)\s+)?", re.IGNORECASE)
RE_LABEL_ACT = re.compile(r"^(?:(?:a|an|the)\s+)?([a-z]+)\b", re.IGNORECASE)


def _own_act(label: str, lexicon: Lexicon) -> re.Pattern | None:
    """The forms of the word a label opens with, if the lexicon reads it as opposition.

    >>> _own_act("A ban on pesticides", Lexicon.load()).pattern
    '(?:ban|banned|banning|bans)'
    >>> _own_act("Closing the unit", Lexicon.load()) is None, _own_act("A fare rise", Lexicon.load()) is None
    (True, True)
    """
    match = RE_LABEL_ACT.match(label.strip())
    if match is None:
        return None
    word = match.group(1).lower()
    if lexicon.stance_of_phrase(word) not in ("oppose", "ruled_out"):
        return None
    forms = _verb_forms(word) | {word} if word.endswith("ing") else {word, word + "s", word + "ed", word + "d", word + "ing"}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}   # "ban": banned, banning
    forms = {form for form in forms if lexicon.stance_of_phrase(form) in ("oppose", "ruled_out")}
    return re.compile("(?:" + "|".join(sorted(forms)) + ")", re.IGNORECASE) if forms else None


def _first_token(keyword: str) -> str:
    parts = normalize(keyword).split()
    return parts[0] if parts else ""


US_REGEX = r"(?-i:U\.?S\.?)"
US_LOWER_REGEX = r"u\.?s\.?"   # US_REGEX in a lower-cased text, where "us" looks the same


def _token_regex(token: str) -> str:
    """One word of a keyword as a regex; "US" also matches "U.S." (but never "us")."""
    return US_REGEX if token in US_FORMS else re.escape(token)


def _lower_case_twin(pattern: re.Pattern) -> re.Pattern:
    """A case-insensitive pattern of lower-case words (`_first_words_regex`) for lower-cased text,
    without IGNORECASE: it matches wherever the pattern does, and where "us" stands for "US"."""
    return re.compile(pattern.pattern.replace(US_REGEX, US_LOWER_REGEX), pattern.flags & ~re.IGNORECASE)


def _first_words_regex(firsts: set[str]) -> re.Pattern:
    """Where a keyword can start: one pass of a pattern of the keywords' first words, not a
    look-up per word. It starts where a word (`RE_TOKEN`) can start; the words are folded into a
    trie (`trie_alternation`), so a place in the text tries one branch per letter, not each word."""
    literal = trie_alternation(sorted(word.lower() for word in firsts if word not in US_FORMS))
    body = "|".join(part for part in (literal, _token_regex("US") if firsts & set(US_FORMS) else "") if part)
    return re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]['.-])(?:" + body + r")(?![\w'])" if body else r"(?!x)x",
                      re.IGNORECASE)


def _keyword_regex(keyword: str) -> re.Pattern:
    """A keyword as whole words, case-insensitive; "US" also matches "U.S." (but never "us"),
    and a word ending in a particle matches its hyphenated form ("walkout", "walk-out")."""
    parts = [BE_FORMS if token.lower() in BE_WORDS else RE_PARTICLE_END.sub(r"\1-?\2", _token_regex(token))
             for token in normalize(keyword).split()]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)


# A keyword's "is" stands for any tense of it: "Greenland is not for sale" / "was not for sale".
BE_WORDS = frozenset({"is", "are", "was", "were"})
BE_FORMS = r"(?:is|are|was|were|remains|remained|will\s+be|would\s+be)"


def _ordered_window(tokens: list[tuple[str, int, int]], wanted: tuple[str, ...], reach: int):
    """The first place where the wanted concepts appear in order within `reach` words:
    (start, end) of the whole stretch and (start, end) of its last concept, the head."""
    for index, (concept, start, end) in enumerate(tokens):
        if concept != wanted[0]:
            continue
        position, head = 1, (start, end)
        for concept_after, start_after, end_after in tokens[index + 1:index + reach]:
            if position < len(wanted) and concept_after == wanted[position]:
                position += 1
                head = (start_after, end_after)
        if position == len(wanted):
            return (start, head[1]), head
    return None


# What joins a keyword's head to its modifiers when the head comes first: a preposition ("bid
# for the World Cup" for "World Cup bid").
RE_INVERTED_LINK = re.compile(r"\s+(?:for|of|on|in|to|against|over|with|from|at)\b", re.IGNORECASE)
# What joins a verb's object to the verb in the passive: "the dividend (would not) be cut" for
# "cut the dividend".
RE_PASSIVE_LINK = re.compile(r"\s+(?:(?:will|would|should|must|could|can|may|might|shall|has|have|had)\s+"
                             r"(?:(?:not|never|now|also|soon)\s+)?)?(?:to\s+)?(?:be|being|been|was|were|is|are)\s+"
                             r"(?:\w+ly\s+)?$", re.IGNORECASE)


def _inverted_window(plain: str, tokens: list[tuple[str, int, int]], wanted: tuple[str, ...], reach: int):
    """A keyword found in another order: its head first, joined to the rest by a preposition
    ("stopped shipments of Patriot missiles" for "Patriot shipments": the words after the
    preposition stand for the topic, so that "stopped shipments" reads as its stance), or a verb
    and its object in the passive ("the dividend would not be cut" for "cut the dividend": the
    verb stands for the topic, so that "would not" reads as its stance). As `_ordered_window`."""
    found = _ordered_window(tokens, (wanted[-1], *wanted[:-1]), reach)
    if found is not None:
        index = next(i for i, (_, start, _) in enumerate(tokens) if start == found[0][0])
        if RE_INVERTED_LINK.match(plain, tokens[index][2]) and index + 1 < len(tokens):
            return found[0], (tokens[index + 1][1], found[0][1])
    found = _ordered_window(tokens, (*wanted[1:], wanted[0]), reach)
    if found is not None:
        verb = found[1]
        before = next((end for _, _, end in reversed(tokens) if end <= verb[0]), None)
        if before is not None and RE_PASSIVE_LINK.match(plain[before:verb[0]]):
            return found[0], verb
        noun = plain[verb[0]:verb[1]].lower()
        if before is not None and not plain[before:verb[0]].strip() and (noun in NOMINALISATIONS or noun[:-1] in NOMINALISATIONS):
            return found[0], found[0]   # "the Harwick closure" for "close Harwick"
    return None


def _unordered_window(tokens: list[tuple[str, int, int]], wanted: frozenset[str], reach: int) -> tuple[int, int] | None:
    """The first span of at most `reach` words holding every wanted concept, in any order."""
    for index in range(len(tokens)):
        if tokens[index][0] not in wanted:
            continue
        seen, end = set(), None
        for concept, _, token_end in tokens[index:index + reach]:
            if concept in wanted:
                seen.add(concept)
                end = token_end
                if seen == wanted:
                    # The first concept stands for the topic: the words between may be the stance.
                    return tokens[index][1], tokens[index][2]
    return None


def _scattered_label(tokens: list[tuple[str, int, int]], head: str, wanted: frozenset[str], reach: int):
    """(start, end) of a label's head with another of the label's concepts within `reach` words."""
    for index, (concept, start, end) in enumerate(tokens):
        if concept == head and any(c in wanted and c != head
                                   for c, _, _ in tokens[max(0, index - reach + 1):index + reach]):
            return start, end
    return None


def _inside_name(text: str, span: tuple[int, int]) -> bool:
    """Whether a span is part of a proper name ("U.S. Air Force General"), not a description:
    every word capitalised, and a capitalised word right after it."""
    words_in = RE_TOKEN.findall(text[span[0]:span[1]])
    after = RE_TOKEN.match(text[span[1]:].lstrip())
    return bool(words_in) and all(w[0].isupper() for w in words_in) and after is not None \
        and after.group()[0].isupper() and len(words_in) >= 2


def _contrast_of(description: str) -> tuple[str, str]:
    """A description without its "rather than" parts, and those parts: "Cutting by half a point,
    rather than in quarter-point steps" -> ("Cutting by half a point, ", "in quarter-point steps")."""
    kept, contrasts = [], []
    for sentence in re.split(r"(?<=[.;])\s+", description):
        parts = RE_CONTRAST.split(sentence, maxsplit=1)
        kept.append(parts[0])
        contrasts.extend(parts[1:])
    return " ".join(kept), " ".join(contrasts)


def _opens_with_name(topic) -> bool:
    """Whether a label opens with a name ("Tomahawk missiles", "European troops"): its first word
    is written capitalised in a keyword, or inside a sentence of the description."""
    first = RE_TOKEN.match(topic.label)
    if first is None:
        return False
    word = first.group()
    in_keywords = any(re.search(rf"\b{re.escape(word)}\b", keyword) for keyword in topic.keywords)
    return in_keywords or bool(re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(word)}\b", topic.description or ""))


def _surface_form(word: str) -> str:
    """A word as written, its plural and possessive folded ("Cuts" is "cut") and no more: a
    label's "meeting" is not the verb "meet"."""
    word = word.lower().removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# Nouns made from verbs, for the verb they name: "the closure of the campus" is closing it.
NOMINALISATIONS = {
    "closure": "close", "removal": "remove", "suspension": "suspend", "extension": "extend",
    "reduction": "reduce", "withdrawal": "withdraw", "approval": "approve", "refusal": "refuse",
    "cancellation": "cancel", "imposition": "impose", "abolition": "abolish", "introduction": "introduce",
    "dismissal": "dismiss", "renewal": "renew", "expansion": "expand", "rejection": "reject",
    "acceptance": "accept", "deployment": "deploy", "recognition": "recognise",
    "ratification": "ratify", "termination": "terminate", "resignation": "resign", "nomination": "nominate",
    "deportation": "deport", "annexation": "annex", "privatisation": "privatise", "privatization": "privatize",
    "nationalisation": "nationalise", "nationalization": "nationalize", "repeal": "repeal",
    "expulsion": "expel", "exclusion": "exclude", "inclusion": "include", "admission": "admit",
    "ban": "ban", "sale": "sell", "purchase": "buy", "merger": "merge", "acquisition": "acquire",
    "demolition": "demolish", "construction": "construct", "relocation": "relocate", "restoration": "restore",
    "reopening": "reopen", "shutdown": "shut",
}
# A hyphenated word whose second part is a particle: one word, "walk-out" as "walkout".
RE_PARTICLE_END = re.compile(r"^([a-z]{3,})(out|off|over|back|away)$")
RE_PARTICLE_COMPOUND = re.compile(r"[a-z]+-(?:out|in|off|up|down|over|back|away)")


def _stem(word: str) -> str:
    """A light stem so that the forms of a word meet: "sharing", "shared" and "share"; "supplies"
    and "supply"; "recognising" and "recognize". Both sides of a comparison are stemmed alike,
    so a stem need not be a word.

    >>> [_stem(w) for w in ("running", "operators", "deported", "truss", "sharing", "share")]
    ['run', 'operator', 'deport', 'truss', 'shar', 'shar']
    >>> [_stem(w) for w in ("deliveries", "delivery", "recognized", "recognising", "taxes")]
    ['delivery', 'delivery', 'recognis', 'recognis', 'tax']
    >>> [_stem(w) for w in ("partnership", "partners", "hardship", "worship", "spaceships")]
    ['partner', 'partner', 'hardship', 'worship', 'spaceship']
    """
    if len(word) > 8 and word.endswith(("ership", "erships", "orship", "orships", "anship", "anships")):
        word = word[:word.rindex("ship")]   # "partnership" meets "partner", "sponsorship" "sponsor"
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    elif word.endswith(("sses", "xes", "zes", "ches", "shes")) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if word.endswith(("iz", "yz")):
        word = word[:-1] + "s"
    return word


def _plural_bases(word: str) -> tuple[str, ...]:
    """The singular a plural may have in a word list: "penalties" -> "penalty", "taxes" ->
    "tax", "truces" -> "truce". (Verb endings are left to `_stem`: "planned" is no "plan".)"""
    if not word.endswith("s") or word.endswith("ss"):
        return ()
    forms = [word[:-1], word[:-2]]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return tuple(f for f in forms if len(f) > 2)


def _keep(best: dict[str, TopicHit], hit: TopicHit) -> None:
    if hit.topic not in best or hit.score > best[hit.topic].score:
        best[hit.topic] = hit


def inherits_topic(clause: str) -> bool:
    """Whether a clause without a topic of its own points back to one ("the idea", "it")."""
    return bool(RE_ANAPHOR.search(clause))
