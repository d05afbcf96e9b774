"""Turn one document into its statements by running the per-document stages in order.

segment (sentences, clauses, quotes) -> attribute (holder, speaker) -> classify (topic, stance)
-> dates (the day the position was expressed). The stages hold the logic; this module only
passes each one's result to the next, so a document is processed alone and in any process.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from importlib import resources

from collections import Counter
from dataclasses import dataclass, field, replace

from . import dates
from .attribute import Attribution, Attributor
from .classify import INVERTED, NO_STANCE_WORD, RE_QUOTE_MARKS, StanceReading, TopicHit, TopicMatcher, inherits_topic, read_stance
from .config import Actors, Topics
from .ingest import Document
from .lexicon import Lexicon, may_hold, normalize
from .schema import AUTHOR, SCORES
from .segment import Clause, Sentence, split_clauses, split_document

# The word that opened a split-off clause: "after seeming to ...", "but said ...".
RE_OPENING_CONNECTIVE = re.compile(r"^(?:after|before|but|while|whereas|although|though|and|having|;)\s+", re.IGNORECASE)
# A clause opened against its main clause: it tells of another occasion or a contrast.
RE_SET_AGAINST = re.compile(r"^(?:after|before|while|whereas|although|though)\b", re.IGNORECASE)
# A quote taken up again after its tag with a second claim: '"...," he said, "and get it done."'
RE_RESUMED_QUOTE = re.compile(r"^[\"“]and\s")
# A second reported claim: "said A, and that B", "said A but that B".
RE_SECOND_CLAIM = re.compile(r",?\s+(?:and|but)\s+that\s")
# A headline that gives its speaker first: "Kallas: no talks before a truce".
# A headline whose named subject acts in the present: "Okafor scraps congestion charge plan".
RE_HEADLINE_ACT = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:[a-z]+s|[a-z]+es)\b(?<!'s)")
RE_NAME_COLON = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}:\s")
# The writer's open question: "The question is whether ...", "No one has said how many ...".
RE_OPEN_QUESTION = re.compile(r"^(?:but\s+|and\s+)?(?:the\s+(?:\w+\s+)?question\s+(?:is|was|remains)"
                              r"|no\s+one\s+(?:has\s+said|knows|can\s+say|has\s+explained))\s+"
                              r"(?:whether|if|how|what|who|when|where)\b", re.IGNORECASE)
# The other share of a poll, set against the first: "..., while 24 per cent want ...".
RE_SHARE_CONTRAST = re.compile(r"^(?:while|whereas|but|and)\s+(?:(?:only|roughly|about|around|some|just|nearly|almost)\s+)?"
                               r"(?:\d+(?:\.\d+)?\s*(?:per\s*cent|percent|%)|one\s+in\s+\w+|(?:a|one|two)\s+(?:third|quarter|fifth)s?"
                               r"|a\s+(?:minority|majority))\b", re.IGNORECASE)
# An opening "Before meeting X," / "After talks with Y," that sets the scene of the main clause.
RE_SETTING_ADJUNCT = re.compile(r"^(?:Before|After|Ahead of|While|Since|Upon|On|Following)\s+\w+ing\b[^,;:]{0,80},")
# Every match of RE_SETTING_ADJUNCT opens with one: change the two together.
SETTING_OPENINGS = ("Before", "After", "Ahead", "While", "Since", "Upon", "On", "Following")
# A move away from a position, told by a verb with no stance word: "backed down", "climbed down".
# (A noun, "a climbdown", mostly glosses the new position just given: that is kept.)
RE_RETREAT = re.compile(r"\b(?:back(?:s|ed|ing)?\s+down|climb(?:s|ed|ing)?\s+down|retreat(?:s|ed|ing)\b"
                        r"|step(?:s|ped|ping)?\s+back|row(?:s|ed|ing)?\s+back|walk(?:s|ed|ing)?\s+back|backtrack"
                        r"|talk(?:s|ed|ing)?\s+(?:him|her|it|them)sel(?:f|ves)\s+out\s+of)", re.IGNORECASE)
# A position said to stand, with no stance word of its own.
RE_REAFFIRMED = re.compile(r"\b(?:(?:view|position|stance|line|policy|mind|thinking)\s+(?:has|had|have)\s+(?:not|n't)\s+changed"
                           r"|(?:view|position|stance|line|policy)\s+(?:stands|stood|remains\s+unchanged|remained\s+unchanged|is\s+unchanged|was\s+unchanged)"
                           r"|(?:stands?|stood|standing)\s+by\s+(?:every\s+word|(?:his|her|their|its|the|that|those|these)\s+"
                           r"(?:position|comments?|remarks?|words|decision|view|stance|statement|line))"
                           r"|nothing\s+(?:has|had)\s+changed)\b", re.IGNORECASE)
# The model overrides the rules' reading of a clause with no stance word only when it is this sure.
# Scored story by story with models that never saw the story (tune splits), the rules' reading was
# right for 87 of 105 such clauses; of the model's other guesses, those below 0.5 were nearly all
# wrong and those from 0.55 up right. At 0.55 no story's stance score fell (at 0, four or five of seven did).
MODEL_MIN_PROBABILITY = 0.55
CONTEXT_REACH = 3          # sentences over which a paragraph's topic carries to one that names none
CONTEXT_SCORE = 0.5
# A sentence that opens by pointing back: "He said ...", "They also ...", "That, she argued, ...".
RE_PRONOUN_OPENING = re.compile(r"^[“\"]?(?:He|She|They|It|This|That|Such|But he|But she|But they)\b")
# A position stated as standing at the time of writing, not reported from one day. Read outside
# quotes (quotes are present tense whatever day they were spoken), and not in the article's lead
# paragraph, whose present tense and present perfect report the news of the day ("Trump says he
# is ready", "Putin has declared a truce"); see `_is_standing`.
RE_STANDING = re.compile(r"""
    \b(?:has|have)\s+(?:(?:\w+ly|not|never|so\s+far|long|already|also|now|still|yet)\s+){0,2}
    (?:been\s+\w+ing                                          # "has been pressing"
      |(?!been\b|to\b|got\b)(?:[a-z]+ed|said|made|told|held|kept|set|put|sent|shown|given
                                |taken|spoken|written|become|drawn|thrown|cut|won|lost|left
                                |led|sought|fought|brought|spent|paid|built|found|shut|begun
                                |chosen|known|seen|gone|done|come|broken|driven|fallen|risen))\b
                                                              # "has ruled out", "has said"
   |\b(?:has|have)\s+(?:repeatedly|consistently|always|long|so\s+far|still)\b  # "has long opposed"
   |\bno\s+longer\s+[a-z]+s\b                                 # "no longer talks about"
   |\b(?:says|tells|insists|argues|warns|believes|thinks|wants|maintains|contends|hopes|calls(?!\s+for\b)|prefers|rejects|opposes|favours|favors|remains|doubts|fears|considers|regards)\b
                                                              # "says", "insists", "wants"
   |\b(?:officials|diplomats|analysts|sources|critics|allies|aides|experts)\s+say\b
""", re.VERBOSE | re.IGNORECASE)
# A sentence whose main verb, near its start, is in the past perfect: what happened before the
# story's occasion ("Sergei Lavrov had signalled as much"), not "X said Y had agreed".
RE_PAST_PERFECT_OPENING = re.compile(r"""
    ^[^,;:“”"]{0,60}?\bhad\s+(?:(?:\w+ly|not|never|already|also|just)\s+){0,2}
    (?:been|[a-z]+ed|said|made|told|held|kept|set|put|sent|shown|given|taken|spoken|written
      |become|drawn|thrown|cut|won|lost|left|led|sought|fought|brought|spent|paid|built|found
      |shut|begun|chosen|known|seen|gone|done|come|broken|driven|fallen|risen|met|flown)\b
""", re.VERBOSE | re.IGNORECASE)
PAST_PERFECT_KEYS = ("had",)   # every match of RE_PAST_PERFECT_OPENING holds it
RE_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# The present perfect, taken out before looking for a past verb of saying ("has long said").
RE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:said|told|wrote|thought|announced|added|declared"
                        r"|stated|insisted|warned|argued|confirmed|claimed|explained|replied|repeated"
                        r"|stressed|suggested|noted)\b", re.IGNORECASE)
# A verb of saying in the past ("Twenty-six countries have agreed ..., Macron announced"): the
# clause reports a day's words after all.
RE_PAST_SAYING = re.compile(r"\b(?:said|told|wrote|thought|announced|added|declared|stated|insisted|warned|argued|"
                            r"confirmed|claimed|explained|replied|repeated|stressed|suggested|noted)\b", re.IGNORECASE)
# A sentence's closing punctuation, before any closing quote or bracket.
RE_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")
# A turn of a transcript: "BESSENT: No.", "Q: And China?" (not an all-capitals headline).
RE_TRANSCRIPT_TURN = re.compile(r"^(?:Q|A|[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}):\s+(?![A-Z'’\s]+$)")
# A day named as its event's owner ("Wednesday's decision"), and a word that puts an event
# before or after another ("after Friday's talks").
RE_POSSESSIVE_END = re.compile(r"['’]s$")
RE_BACKGROUND_BEFORE = re.compile(r"\b(?:after|since|before|until|following|ahead\s+of|prior\s+to)\s+$", re.IGNORECASE)
# The interviewer's turn of a Q&A ("Q: The president says you should cut. Will you?"): what it
# reports of others' positions is the question's premise, not a statement; its topics still
# carry to the answer.
RE_INTERVIEWER_TURN = re.compile(r"^[*_\s]*(?:Q|Question|QUESTION|Reporter|REPORTER|Interviewer|INTERVIEWER)\s*:")
TURN_MARK = ":"   # every turn (RE_TRANSCRIPT_TURN, RE_INTERVIEWER_TURN) holds one
# A headline that asks ("Q: Could rates fall in July?"): a question put at the story's occasion.
RE_QUESTION_HEADING = re.compile(r"\?[*_\s]*$")
FOCUS_MIN_MENTIONS = 2     # one mention of a day does not make it the day an article is about
LEAD_PARAGRAPHS = 2        # the lead and the paragraph after it name the occasion a story reports
# A noun that names another's act on the topic, so that a verdict on it ("welcomed the decision")
# is read through the act.
RE_ACT_REFERENCE = re.compile(r"\b(?:the|this|that|his|her|their|its)\s+(?:latest\s+|new\s+|surprise\s+)?"
                              r"(?:decision|move|step|announcement|ruling|order|reversal|u-turn|climbdown|"
                              r"about-turn|retreat|turnaround|climb-down)\b", re.IGNORECASE)
BROADER_CONFIDENCE = 0.8  # a stance on a narrow topic, read as one on the topic it narrows
REFERENCE_REACH = 16       # sentences over which "the missiles" can point back to a named topic (a story's section)
HEADING_CONFIDENCE = 0.5   # headlines compress a position ("backs"); the body's wording outranks them


@dataclass
class Extractor:
    """The per-document stages, configured once per run and reusable across processes."""

    actors: Actors
    topics: Topics
    model: object | None = None
    lexicon: Lexicon = field(default_factory=Lexicon.load)
    calibration: tuple | None = field(default_factory=lambda: load_calibration())

    def __post_init__(self):
        self.attributor = Attributor(self.actors, self.lexicon)
        self.matcher = TopicMatcher(self.topics, self.lexicon)
        # As float tuples once, for `_interpolate` (np.interp on one number costs more than the
        # rest of building a statement's row).
        self._calibration_curve = None if self.calibration is None else \
            tuple(tuple(float(value) for value in part) for part in self.calibration)

    def __getstate__(self):
        return {"actors": self.actors, "topics": self.topics, "model": self.model, "lexicon": self.lexicon,
                "calibration": self.calibration}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__post_init__()

    def statements_of(self, document: Document, trace: list | None = None) -> list[dict]:
        """The statements of one document as rows of the statements table (unsorted ids stable).

        `trace`, if given, receives why each sentence, clause and topic gave no statement, as
        (sentence, clause or None, topic, reason) tuples (see `stance.explain`)."""
        if not document.is_ok or document.date is None:
            return []
        note = trace.append if trace is not None else _ignore
        text = document.text
        plain = normalize(text)
        # Texts are remembered within a document only, so a corpus of near-copies is not faster
        # than real news would be.
        self.matcher.forget_texts()
        dates.forget_texts()
        sentences = split_document(document.doc_id, text, document.date, self.lexicon.boilerplate)
        if not sentences:
            return []
        mentions = self.attributor.find_mentions(text, sentences)
        speakers = self.attributor.quote_speakers(text, sentences, mentions)
        story = StoryDates.of(sentences, document.date)
        rows: list[dict] = []
        recent_topics: list[tuple[int, int, str]] = []   # (sentence index, paragraph, topic)
        named: dict[str, int] = {}                        # topic -> last sentence that named it
        asking: set[int] = set()                          # paragraphs that are an interviewer's turn
        opened: set[int] = set()                          # paragraphs whose first sentence was read
        unnamed: tuple[int, Attribution | None] = (-1, None)  # the last unnamed voices, by paragraph
        for sentence in sentences:
            hits = self._topics_of(sentence, named, recent_topics)
            story.read(sentence)
            if TURN_MARK in sentence.text and RE_INTERVIEWER_TURN.match(sentence.text) and sentence.paragraph not in opened:
                asking.add(sentence.paragraph)
            opened.add(sentence.paragraph)
            is_shift_report = bool(self.lexicon.shift_cues.search(normalize(sentence.text)))
            if not hits and not is_shift_report and not inherits_topic(sentence.text):
                note((sentence, None, "", "names no topic"))
                continue
            for hit in hits:
                if hit.how not in ("reference", "context", "lone_head"):   # no chains of guesses
                    recent_topics.append((sentence.index, sentence.paragraph, hit.topic))
            if sentence.paragraph in asking:
                note((sentence, None, "", "an interviewer's question: its topics pass to the answer"))
                continue
            clauses = _second_claims_apart(split_clauses(sentence), hits)
            previous_attribution: Attribution | None = None
            previous_date: tuple[dt.date, str, str] | None = None
            for clause in clauses:
                local = clause.start - sentence.start
                clause_hits = [h for h in hits if h.how == "context"
                               or (h.start < local + len(clause.text) and h.end > local)]
                if not clause_hits and len(clauses) > 1 and hits:
                    # "X asked for an audit, but declined to set up the inquiry": the sentence's
                    # best place for a topic was another clause; this one may name it again.
                    clause_hits = [replace(h, start=h.start + local, end=h.end + local)
                                   for h in self.matcher.find(clause.text) if h.topic in {hit.topic for hit in hits}]
                inherited = False
                if not clause_hits:
                    topic_ids = self._inherited_topics(sentence, clause, hits, recent_topics, is_shift_report)
                    inherited = bool(topic_ids)
                else:
                    topic_ids = [h.topic for h in clause_hits]
                if not topic_ids:
                    note((sentence, clause, "", "this part of the sentence names no topic"))
                    continue
                attribution = self.attributor.attribute(clause, plain, mentions, speakers, previous_attribution)
                if sentence.paragraph == unnamed[0]:
                    attribution = self.attributor.unnamed_continued(attribution, clause, plain, mentions, unnamed[1])
                if attribution.source_kind in ("sources", "unlisted") or (
                        attribution.attribution == "reported" and attribution.holder and not attribution.speaker):
                    unnamed = (sentence.paragraph, attribution)   # "officials said", "Indian officials said"
                previous_attribution = attribution
                reports_shift = is_shift_report and bool(self.lexicon.shift_cues.search(normalize(clause.text)))
                if reports_shift:
                    attribution = self.attributor.with_stance_owner(attribution, clause, plain, mentions)
                voice = attribution.speaker if attribution.speaker not in ("", AUTHOR) else attribution.holder
                when = _date_of(clause, sentence, story, previous_date, voice,
                                is_commentary=attribution.attribution == "commentary" or attribution.speaker == AUTHOR)
                previous_date = when
                story.remember(voice, clause, when)
                clause_attribution = attribution
                for topic_id in dict.fromkeys(topic_ids):
                    hit = next((h for h in clause_hits if h.topic == topic_id), None)
                    if hit is not None and hit.how == "context":
                        topic_start = topic_end = len(clause.text)
                    elif hit is not None:
                        topic_start, topic_end = hit.start - local, hit.end - local
                    else:
                        topic_start = topic_end = len(clause.text)
                    attribution = clause_attribution if hit is None or hit.how == "context" else \
                        self.attributor.for_topic(clause_attribution, clause, plain, mentions, speakers,
                                                  clause.start + topic_start)
                    # Unnamed sources and polls take positions too ("diplomats said new sanctions
                    # would bite"), though no listed actor holds them.
                    speaks = bool(attribution.holder or attribution.source_kind) \
                        and attribution.attribution != "commentary"
                    from_context = hit is not None and hit.how == "context"
                    reading = read_stance(clause.text, max(0, topic_start), max(0, topic_end), self.lexicon,
                                          fallback=speaks and not from_context
                                          and (not sentence.is_heading or RE_NAME_COLON.match(clause.text)
                                               or (bool(attribution.holder) and RE_HEADLINE_ACT.match(clause.text))),
                                          changes_object=not from_context and hit is not None and
                                          self.matcher.acts_on_object(topic_id, clause.text[topic_start:topic_end]),
                                          undoing_topic=self.matcher.undoes_itself(topic_id),
                                          own_act=self.matcher.own_act(topic_id))
                    if sentence.is_heading and reading is not None and reading.cue == NO_STANCE_WORD \
                            and not RE_NAME_COLON.match(clause.text):
                        reading = None   # "Moscow digs in on troops": a headline's verb alone is no support
                    if reading is None and attribution.holder and RE_REAFFIRMED.search(clause.text):
                        # "The prime minister's view has not changed", "she stood by every word":
                        # the position the article last gave that holder on the topic, again.
                        reading = _latest_reading(rows, attribution.holder, topic_id, why="reaffirmed")
                    if from_context and (reading is None or not attribution.holder):
                        note((sentence, clause, topic_id, "topic carried from the sentence before, but "
                              + ("no stance words" if reading is None else "no actor holds it")))
                        continue
                    if self.model is not None and speaks and not from_context and not sentence.is_heading \
                            and reading is not None and reading.cue == NO_STANCE_WORD:
                        # The model speaks only where no word of the lexicon does: a judgement
                        # ("a disaster") or a negation it read stays.
                        reading = self._model_reading(clause.text, topic_id) or reading
                    retreat = RE_RETREAT.search(clause.text) if reports_shift else None
                    if retreat is not None and (reading is None or reading.cue == NO_STANCE_WORD
                                                or reading.cue.split(" ")[0].lower() in retreat.group().lower()):
                        # "By Sunday he had backed down": away from the position last given
                        reading = _retreat_reading(rows, attribution.holder, topic_id) or reading
                    if reading is None and reports_shift:
                        reading = _latest_reading(rows, attribution.holder, topic_id)
                    if inherited and RE_SHARE_CONTRAST.match(clause.text):
                        reading = _other_share(rows, sentence, topic_id) or reading
                    points_back = inherited or from_context or (hit is not None and hit.how == "reference")
                    if points_back and reading is not None and RE_ACT_REFERENCE.search(clause.text):
                        reading = _judged_act(rows, sentence, topic_id, attribution.holder, reading) or reading
                    if reading is None:
                        note((sentence, clause, topic_id, "no stance words" if speaks else
                              "no stance words, and no actor or source speaks"))
                        continue
                    if reading.stance == "neutral" and attribution.attribution == "commentary":
                        note((sentence, clause, topic_id, "the writer's own doubt is no one's position"))
                        continue
                    if RE_OPEN_QUESTION.match(clause.text):
                        note((sentence, clause, topic_id, "a question asked, not answered"))
                        continue  # "The question is whether Trump will give it"
                    if not attribution.holder and attribution.speaker == "" and not attribution.source_kind:
                        note((sentence, clause, topic_id, "no actor or source holds it: narration"))
                        continue
                    confidence = attribution.confidence * reading.confidence * (hit.score if hit else 0.6)
                    if sentence.is_heading:
                        confidence *= HEADING_CONFIDENCE
                    row = _row(document, clause, attribution, topic_id, reading, when, confidence,
                               reports_shift, inherited)
                    row["evidence"] = row["confidence"]
                    if self._calibration_curve is not None:
                        row["confidence"] = round(_interpolate(row["evidence"], *self._calibration_curve), 4)
                    row["topic_how"] = hit.how if hit is not None else "inherited"
                    rows.append(row)
                    for partner, speaker in self.attributor.co_holders(attribution, clause, plain, mentions):
                        # "Starmer and Zelensky signed ...": each holds the position, and speaks
                        # for itself unless a reporter tells it for both.
                        rows.append({**row, "holder": partner, "speaker": speaker,
                                     "statement_id": statement_id(document.doc_id, clause.start, topic_id,
                                                                  clause.text, partner)})
        return self._with_broader_topics(document, rows)

    def _with_broader_topics(self, document: Document, rows: list[dict]) -> list[dict]:
        """Backing a narrow topic backs the topic it narrows ("voted for a half-point cut" backs
        cutting rates); opposing it says nothing of the broad one (a smaller cut may be wanted)."""
        held = {(row["start"], row["holder"], row["topic"]) for row in rows}
        extra = []
        for row in rows:
            broader = self.matcher.broader_topic(row["topic"])
            if broader is None or row["stance"] not in ("support", "open") or (row["start"], row["holder"], broader) in held:
                continue
            held.add((row["start"], row["holder"], broader))
            extra.append({**row, "topic": broader, "topic_how": "broader",
                          "statement_id": statement_id(document.doc_id, row["start"], broader, row["text"], row["holder"]),
                          "confidence": round(row["confidence"] * BROADER_CONFIDENCE, 4),
                          "evidence": round(row["evidence"] * BROADER_CONFIDENCE, 4)})
        return rows + extra

    def _topics_of(self, sentence: Sentence, named: dict[str, int], recent_topics) -> list[TopicHit]:
        """A sentence's topics: named outright; else referred back to ("the missiles"); else
        carried on from its paragraph; else the one topic whose label's head it holds ("a
        quarter-point cut"). `named` records where each topic was last named."""
        hits = self.matcher.find(sentence.text)
        setting = RE_SETTING_ADJUNCT.match(sentence.text) if sentence.text.startswith(SETTING_OPENINGS) else None
        if setting is not None:
            # "Before meeting Zelensky, Trump said peace could come at once": the meeting only sets
            # the scene of what is said.
            hits = [hit for hit in hits if hit.start >= setting.end()]
        if not hits:
            recent = {t: sentence.index - i for t, i in named.items() if sentence.index - i <= REFERENCE_REACH}
            hits = self.matcher.find_references(sentence.text, recent)
        if not hits:
            hits = self._context_topics(sentence, recent_topics)
        if not hits:
            hits = self.matcher.find_lone_heads(sentence.text)
        for hit in hits:
            if hit.how not in ("reference", "context"):
                named[hit.topic] = sentence.index
        return hits

    def _model_reading(self, text: str, topic_id: str) -> StanceReading | None:
        """The learned model's stance for a clause with no stance word (five-point labels only);
        None when it is unsure, so the rules' own reading stands."""
        labels = [str(label) for label in self.model.classes_]
        if not set(labels) <= set(SCORES):
            return None
        topic = self.topics[topic_id]
        probabilities = self.model.predict_proba([text], [f"{topic.label}. {topic.description}".strip()])[0]
        best = int(probabilities.argmax())
        if probabilities[best] < MODEL_MIN_PROBABILITY:
            return None
        return StanceReading(labels[best], f"(model, p={probabilities[best]:.2f})", 0.35 + 0.3 * probabilities[best])

    def _context_topics(self, sentence: Sentence, recent_topics) -> list[TopicHit]:
        """A sentence that names no topic continues its paragraph's: "Putin backed a truce. He
        said Russia would observe it for 30 days." Only a single, recent topic is taken, and only
        from the same paragraph, or from the one before when the sentence opens with a pronoun."""
        if not recent_topics:
            return []
        index, paragraph, _ = recent_topics[-1]
        last = {t for i, _, t in recent_topics if i == index}
        if len(last) != 1 or sentence.index - index > CONTEXT_REACH:
            return []
        continues = paragraph == sentence.paragraph or (
            paragraph == sentence.paragraph - 1 and RE_PRONOUN_OPENING.match(sentence.text))
        if not continues:
            return []
        end = len(sentence.text)
        return [TopicHit(next(iter(last)), end, end, CONTEXT_SCORE, "context")]

    def _inherited_topics(self, sentence: Sentence, clause: Clause, hits, recent_topics,
                          is_shift_report: bool) -> list[str]:
        """A clause with no topic of its own takes its sentence's (one) topic, or, if it points
        back ("the idea", "a U-turn"), the topic of the sentence just before in its entry."""
        own = list(dict.fromkeys(h.topic for h in hits))
        if len(own) == 1 and RE_SHARE_CONTRAST.match(clause.text):
            return own   # a poll's other share answers the same question
        if len(own) == 1 and RE_RESUMED_QUOTE.match(clause.text):
            return own
        points_back = inherits_topic(clause.text) or (is_shift_report and bool(
            self.lexicon.shift_cues.search(normalize(clause.text))))
        if not points_back:
            return []
        if len(own) == 1 and clause.index > 0:
            return own
        if own:
            return []
        for index, paragraph, topic_id in reversed(recent_topics):
            if sentence.index - index <= 3 and paragraph >= sentence.paragraph - 2:
                return [topic_id]
            break
        return []


@dataclass
class StoryDates:
    """The days a story has set so far, read sentence by sentence in text order.

    News is written as an inverted pyramid: the lead names the occasion ("told allies on
    Wednesday"), and later paragraphs that name no day go on reporting it, while background
    names its own days. A live blog or a sectioned piece starts again with each entry, so each
    entry has its own lead. `leads` holds each entry's occasion; `focus` the day the article
    names most, for entries whose lead names none; `paragraph` the last day named in the current
    paragraph, this sentence included (its undated sentences were said then); `anchor` the day
    the current sentence's "the day before" or "hours later" counts from: the last day named
    before it in its entry; `spoke_on` the day each voice's words were last dated.
    """

    doc_date: dt.date
    leads: dict[int, tuple[dt.date, str]]
    focus: dt.date
    lead_paragraphs: frozenset[int] = frozenset()
    headings: dict[int, tuple[dt.date, str]] = field(default_factory=dict)   # sentence index -> day
    transcript_paragraphs: frozenset[int] = frozenset()   # paragraphs that are turns of a Q&A
    anchor: dt.date | None = None
    paragraph: tuple[int, dt.date, str] | None = None
    latest: tuple[int, dt.date] | None = None          # (entry, day): the last day named so far
    names_day: bool = False                            # the current sentence dates something said
    current_paragraph: int = -1
    spoke_on: dict[str, tuple] = field(default_factory=dict)
    events: dict[str, dt.date] = field(default_factory=dict)   # event verb -> the day it was told of
    told: tuple | None = None                                  # the last sentence read, its events not yet noted

    @classmethod
    def of(cls, sentences: list[Sentence], doc_date: dt.date) -> "StoryDates":
        """A reader for one document, its entries' leads and its focus found first."""
        said = {sentence.index: _day_said(sentence, doc_date) for sentence in sentences}
        return cls(doc_date, _lead_dates(sentences, said, doc_date), _focus_date(said.values(), doc_date),
                   _lead_paragraphs(sentences), _heading_dates(sentences, said),
                   frozenset(sentence.paragraph for sentence in sentences
                             if TURN_MARK in sentence.text and RE_TRANSCRIPT_TURN.match(sentence.text)))

    def read(self, sentence: Sentence) -> None:
        """Move on to a sentence (every sentence, stated position or not): note the days it names."""
        if self.latest is not None and self.latest[0] == sentence.entry:
            self.anchor = self.latest[1]
        else:
            lead = self.leads.get(sentence.entry)
            self.anchor = lead[0] if lead else (sentence.entry_date or self.focus)
        self.current_paragraph = sentence.paragraph
        doc_date = sentence.entry_date or self.doc_date
        last, said = _days_named(sentence.text, doc_date, self.anchor)
        if sentence.paragraph in self.transcript_paragraphs:
            last = said = None   # a day named in a Q&A turn is the speaker's, as in a quote
        event = self.event_day(sentence.text, doc_date)
        if event is not None and said is None:   # "On the day the order was signed, ..."
            last, said = event[0], event[::2]
        self.names_day = said is not None
        if self.told is not None:   # events count from the sentence after the one that told them
            self._note_events(*self.told)
        self.told = (sentence.text, doc_date, self.anchor)
        if said is not None:
            self.paragraph = (sentence.paragraph, *said)
        if last is not None:
            self.latest = (sentence.entry, last)

    def event_day(self, text: str, doc_date: dt.date) -> tuple[dt.date, str, str] | None:
        """The day a text names by an event told earlier ("the day before he signed"), if the
        story dated that event: the day a verb was last told of beside a date."""
        for event in dates.find_event_days(text):
            day = self.events.get(event.verb)
            if day is not None and day + dt.timedelta(days=event.offset) <= doc_date:
                return day + dt.timedelta(days=event.offset), "day", event.expression
        return None

    def _note_events(self, text: str, doc_date: dt.date, anchor: dt.date | None) -> None:
        """Remember the day of each event verb beside a day in a text ("on 6 August, he signed
        an order": signed -> 6 August), the date nearest to the verb; not another event's date
        ("who takes office on Monday", "after Friday's talks")."""
        refs = [ref for ref in dates.find_dates(text, doc_date, anchor=anchor)
                if ref.precision == "day" and not ref.is_background]
        if not refs:
            return
        for verb, offset in dates.event_verbs(text):
            nearest = min(refs, key=lambda ref: min(abs(ref.start - offset), abs(ref.end - offset)))
            self.events[verb] = nearest.date

    def in_paragraph(self) -> tuple[dt.date, str] | None:
        """The last day named in the current paragraph so far, and its words, if any."""
        if self.paragraph is not None and self.paragraph[0] == self.current_paragraph:
            return self.paragraph[1], self.paragraph[2]
        return None

    def remember(self, voice: str, clause: Clause, when: tuple[dt.date, str, str]) -> None:
        """Keep the day a voice's words were dated by date words, for its undated words later on;
        not from a clause set against the main one ("..., after seeming to agree the day
        before"), which tells of another occasion."""
        day, precision, words = when
        if clause.sentence.paragraph in self.transcript_paragraphs:
            return   # a day named in a Q&A turn is what the answer speaks of, not when it was said
        if voice and precision == "day" and not words.startswith("(") and not RE_SET_AGAINST.match(clause.text):
            self.spoke_on[voice] = (clause.sentence.entry, clause.sentence.entry_date,
                                    (day, "day", f"(as {voice} earlier: {words})"))

    def spoken(self, voice: str, sentence: Sentence) -> tuple[dt.date, str, str] | None:
        """The day a voice's words were last dated, if in the sentence's own live-blog entry, or in
        an earlier entry of the same blog day that dated them to that day or the day before (a
        later entry's undated words were said at its time, unless the voice's day is that recent:
        a repeated paragraph may have left the dated one in an earlier entry)."""
        entry, entry_date, when = self.spoke_on.get(voice, (None, None, None))
        if when is None or entry_date != sentence.entry_date:
            return None
        if entry == sentence.entry or entry_date is None:
            return when
        return when if when[0] >= entry_date - dt.timedelta(days=1) else None


def _date_of(clause: Clause, sentence: Sentence, story: StoryDates, previous_date, voice: str,
             is_commentary: bool = False) -> tuple[dt.date, str, str]:
    """The day a clause's position was expressed: a day it names by an event the story dated
    ("the day before he signed"); its own date words; else, for a headline, the day the
    paragraph under it names; else the date of the
    clause before it in the sentence, or the date words of its sentence before it; else, for
    the writer's own words or a position stated as standing ("has ruled out", "says"), the day
    of writing (its live-blog entry's day or the publication day), but not for a turn of a Q&A
    transcript, which was said at the exchange; else the day its paragraph
    named; else the day the same voice's earlier words were dated (a story reports one
    occasion per speaker, mostly); else its live-blog entry's day; else the occasion its
    entry's lead names; else the day the article names most, precision `doc`."""
    doc_date = sentence.entry_date or story.doc_date   # a live-blog entry's "today" is its own day
    before = sentence.text[:clause.start - sentence.start]
    # "the day before" counts from the last day named before it, in its sentence or earlier
    anchor = (_days_named(before, doc_date, story.anchor)[0] if before else None) or story.anchor
    event = story.event_day(clause.text, doc_date)
    if event is not None:   # "The day before he signed, ..."
        return event
    own = _dated(clause.text, doc_date, anchor)
    if own is not None and _is_quoted_in(own[2], clause):
        own = None   # "no support for a cut today," he said: the speaker's today, not a date of ours
    if own is not None:
        return own
    if sentence.index in story.headings:
        return story.headings[sentence.index][0], "day", story.headings[sentence.index][1]
    if previous_date is not None:
        return previous_date
    earlier = _dated(before, doc_date, story.anchor) if before else None
    if earlier is not None:   # "Merz said this week that ..., but that ...": its sentence's day
        return earlier
    so_far = Clause(sentence, clause.index, sentence.start, clause.end, sentence.text[:clause.end - sentence.start])
    if (is_commentary or _is_standing(_unquoted(so_far), sentence, story)) \
            and sentence.paragraph not in story.transcript_paragraphs:   # a turn was said at the exchange
        return doc_date, "doc", "(as of writing)"
    same_paragraph = story.in_paragraph()
    if same_paragraph is not None:
        return same_paragraph[0], "day", same_paragraph[1]
    speaker_date = story.spoken(voice, sentence)
    if speaker_date is not None:
        return speaker_date
    if sentence.entry_date is not None:
        return sentence.entry_date, "day", "(entry)"
    lead = story.leads.get(sentence.entry)
    if lead is not None:
        return lead[0], "day", f"(lead: {lead[1]})"
    return story.focus, "doc", ""


def _second_claims_apart(clauses: list[Clause], hits) -> list[Clause]:
    """A clause that reports two claims ("said Netanyahu had decided to overturn the deal and
    that it remained committed to the truce") split at "and that", when each claim names a topic
    of its own: each is then its own statement, with its own holder and stance."""
    if len(hits) < 2 or not any(" that " in clause.text for clause in clauses):
        return clauses   # most sentences: nothing to split, nothing rebuilt
    out: list[Clause] = []
    for clause in clauses:
        local = clause.start - clause.sentence.start
        cut = RE_SECOND_CLAIM.search(clause.text)
        if cut is not None and len(RE_QUOTE_MARKS.findall(clause.text, 0, cut.start())) % 2 == 0:
            left = {h.topic for h in hits if h.how != "context" and local <= h.start < local + cut.start()}
            right = {h.topic for h in hits if h.how != "context" and local + cut.end() <= h.start < local + len(clause.text)}
            if left and right:
                head = clause.text[:cut.start()].rstrip(" ,")
                tail = clause.text[cut.start():].lstrip(" ,")
                tail_start = clause.start + clause.text.index(tail, cut.start())
                out.append(Clause(clause.sentence, len(out), clause.start, clause.start + len(head), head))
                out.append(Clause(clause.sentence, len(out), tail_start, tail_start + len(tail), tail))
                continue
        out.append(Clause(clause.sentence, len(out), clause.start, clause.end, clause.text))
    return out


def _is_standing(words: str, sentence: Sentence, story: "StoryDates") -> bool:
    """Whether the words of a sentence up to a clause's end state a position as standing when
    written ("has ruled out", "has long said", "says"), outside headlines and the article's
    lead paragraph, with no past verb of saying and no day named in the sentence that make it
    a day's report ("While Trump has ruled out troops, he left the door open on Tuesday")."""
    if sentence.is_heading or sentence.paragraph in story.lead_paragraphs or story.names_day:
        return False
    return bool(RE_STANDING.search(words)) and not RE_PAST_SAYING.search(RE_PERFECT.sub(" ", words))


def _days_named(text: str, doc_date: dt.date, anchor: dt.date) -> tuple[dt.date | None, tuple[dt.date, str] | None]:
    """The last day a text says something on: as the day "the day before" or "in the evening"
    later counts from, and with its words. Another event's day ("after Friday's talks", "a U-turn
    from Monday") is neither: what the text reports was not said then, and the story's time has
    not moved to it. "The day before" counts from the day named just before it in the text, else
    from `anchor`."""
    last, said, current = None, None, anchor
    for ref in dates.find_dates(text, doc_date, anchor=anchor):
        if ref.precision != "day":
            continue
        day = current + (ref.date - anchor) if ref.relative_to == "anchor" else ref.date
        if day <= doc_date and not ref.is_background and not ref.is_quoted:
            last = current = day
            said = (day, ref.expression)
    return last, said


def _lead_dates(sentences: list[Sentence], said: dict[int, tuple[dt.date, str] | None],
                story_date: dt.date) -> dict[int, tuple[dt.date, str]]:
    """Each entry's occasion, and its words: the first day its headline and first LEAD_PARAGRAPHS
    paragraphs date a statement by, if the paragraph after goes on with that occasion (names no
    other day). A wire's lead says what happened when and the next paragraph tells more of it;
    a round-up that moves to another day at once has no one occasion. A section under a
    question ("Q: Could the Fed cut in July?") with no occasion of its own goes on with the
    one before it; a section under a title starts anew."""
    paragraphs_of: dict[int, list[list[Sentence]]] = {}
    for sentence in sentences:
        paragraphs = paragraphs_of.setdefault(sentence.entry, [])
        if paragraphs and (paragraphs[-1][-1].paragraph == sentence.paragraph or paragraphs[-1][-1].is_heading):
            paragraphs[-1].append(sentence)   # a headline goes with the paragraph under it
        else:
            paragraphs.append([sentence])
    leads: dict[int, tuple[dt.date, str]] = {}
    for entry, paragraphs in sorted(paragraphs_of.items()):
        days = [None if _is_backfill(paragraph) else next((said[s.index] for s in paragraph if said[s.index]
                                                           and not _opens_in_past_perfect(s.text)
                                                           and not _is_counted_back(s, story_date)), None)
                for paragraph in paragraphs[:LEAD_PARAGRAPHS + 1]]
        if days and days[0] is None and not _is_backfill(paragraphs[0]):
            days[0] = _occasion_named(paragraphs[0], story_date)
        for index, day in enumerate(days[:LEAD_PARAGRAPHS]):
            if day is None:
                continue
            following = days[index + 1] if index + 1 < len(days) else None
            if following is None or following[0] == day[0]:
                leads[entry] = day
            break
        headline = " ".join(sentence.text for sentence in paragraphs[0] if sentence.is_heading)
        if entry not in leads and entry - 1 in leads and RE_QUESTION_HEADING.search(headline):
            leads[entry] = leads[entry - 1]   # "Q: Could the Fed cut in July?" goes on with the story
    return leads


def _heading_dates(sentences: list[Sentence], said: dict[int, tuple[dt.date, str] | None]) -> dict[int, tuple[dt.date, str]]:
    """Each headline's day, by sentence index: the first day the paragraph right under it dates a
    statement by. A headline sums up the paragraph it stands over ("Zelensky: we will not give up
    land" over "Zelensky said on Saturday ..."), so it reports that paragraph's occasion."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    def is_headline(sentence: Sentence) -> bool:   # 'Putin: "no deal"' has no full stop either
        return sentence.is_heading or (len(paragraphs[sentence.paragraph]) == 1
                                       and not RE_SENTENCE_END.search(sentence.text))

    days = {}
    for heading, below in zip(sentences, sentences[1:]):
        if not is_headline(heading) or is_headline(below):
            continue
        day = next((said[sentence.index] for sentence in paragraphs[below.paragraph] if said[sentence.index]), None)
        if day is not None:
            days[heading.index] = (day[0], f"(headline over: {day[1]})")
    return days


def _occasion_named(paragraph: list[Sentence], doc_date: dt.date) -> tuple[dt.date, str] | None:
    """The occasion a lead names as an event of its day, when it dates no statement: "Wednesday's
    decision was almost tidy" reports Wednesday's decision ("after Friday's talks" does not)."""
    for sentence in paragraph:
        for ref in dates.find_dates(sentence.text, sentence.entry_date or doc_date):
            if ref.precision == "day" and RE_POSSESSIVE_END.search(ref.expression) \
                    and not RE_BACKGROUND_BEFORE.search(sentence.text, 0, ref.start):
                return ref.date, ref.expression
    return None


def _is_counted_back(sentence: Sentence, doc_date: dt.date) -> bool:
    """Whether the day a sentence dates its statement by is counted from another event ("Two
    days earlier, he had said"): such a day tells of an earlier occasion, not the story's."""
    ref = dates.date_statement(sentence.text, sentence.entry_date or doc_date, anchor=sentence.entry_date or doc_date)
    return ref is not None and ref.relative_to == "anchor"


def _is_backfill(paragraph: list[Sentence]) -> bool:
    """Whether a paragraph opens in the past perfect ("Lavrov had signalled as much"): it tells
    what came before the story's occasion, so its day is not the occasion."""
    opening = next((sentence for sentence in paragraph if not sentence.is_heading), None)
    return opening is not None and _opens_in_past_perfect(opening.text)


def _opens_in_past_perfect(text: str) -> bool:
    """Whether a sentence's main verb is in the past perfect ("Lavrov had signalled as much"): it
    tells of what came before the story's occasion. Not "Kyiv confirmed that it had agreed",
    whose main verb is the saying."""
    match = RE_PAST_PERFECT_OPENING.search(text) if may_hold(text, PAST_PERFECT_KEYS) else None
    if match is None:
        return False
    before = text[:match.end()].lower().rfind("had")
    return not RE_PAST_SAYING.search(text, 0, before) and not RE_THAT.search(text, 0, before)


def _lead_paragraphs(sentences: list[Sentence]) -> frozenset[int]:
    """The article's lead paragraph (its first body paragraph), by index: a section's or a
    live-blog entry's first paragraph reads like any other ("Diplomats say ...")."""
    first = next((sentence.paragraph for sentence in sentences if not sentence.is_heading), None)
    return frozenset() if first is None else frozenset({first})


def _day_said(sentence: Sentence, doc_date: dt.date) -> tuple[dt.date, str] | None:
    """The day a sentence dates a statement by, and its words, if it names one: "Monday's
    summit" names an event, not the day anything was said."""
    doc_date = sentence.entry_date or doc_date
    ref = dates.date_statement(sentence.text, doc_date)
    if ref is not None and ref.precision == "day" and ref.date <= doc_date:
        return ref.date, ref.expression
    return None


def _is_quoted_in(words: str, clause: Clause) -> bool:
    """Whether date words of a clause stand only inside its quotation marks."""
    return words in clause.text and words not in _unquoted(clause)


def _unquoted(clause: Clause) -> str:
    """A clause's own words, its quoted words blanked out."""
    text = clause.text
    for quote in clause.sentence.quotes:
        start, end = max(quote.start - clause.start, 0), min(quote.end - clause.start, len(text))
        if start < end:
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def load_calibration() -> tuple | None:
    """The curve from a statement's raw evidence score to the share of such statements that were
    right (holder, topic and stance) on the gold set's tune split; None if none is shipped."""
    path = resources.files("stance") / "data" / "calibration.json"
    if not path.is_file():
        return None
    curve = json.loads(path.read_text(encoding="utf-8"))
    return tuple(curve["raw"]), tuple(curve["calibrated"])


def _dated(text: str, doc_date: dt.date, anchor: dt.date):
    """(day, precision, words) from the date words of a clause, or None when it has none.
    A clause split off at "after seeming ..." is dated by its own words, so the connective
    that opened it is dropped first (it would mark its date as another event's)."""
    ref = dates.date_statement(RE_OPENING_CONNECTIVE.sub("", text), doc_date, anchor=anchor)
    if ref is None:
        return None
    return ref.date, ref.precision, ref.expression


def _focus_date(days_said, doc_date: dt.date) -> dt.date:
    """The day an article is mostly about: of the days its sentences date statements by
    (`_day_said`), the one named most often (ties: the latest), if named at least twice; else
    its publication day. News dated Wednesday mostly reports Tuesday's words."""
    counts = Counter(said[0] for said in days_said if said is not None)
    if not counts:
        return doc_date
    day, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return day if count >= FOCUS_MIN_MENTIONS else doc_date


def _other_share(rows: list[dict], sentence: Sentence, topic: str) -> StanceReading | None:
    """The other share of a poll set against the first ("69 per cent favour talks, while 24 per
    cent want to fight on") holds the other view: the first share's stance turned around."""
    for row in reversed(rows):
        if row["topic"] == topic and sentence.start <= row["start"] < sentence.end and row["source_kind"] == "poll":
            return StanceReading(INVERTED[row["stance"]], f"(other share of: {row['cue']})", row["confidence"])
    return None


def _judged_act(rows: list[dict], sentence: Sentence, topic: str, holder: str,
                reading: StanceReading) -> StanceReading | None:
    """A verdict on another's act on the topic ("Pike welcomed the decision", after "Marsh ruled
    out the charge") takes its stance from that act: welcoming a refusal opposes the topic,
    condemning it supports the topic. The act is the latest statement on the topic, by another
    holder, in an earlier sentence."""
    if reading.stance not in ("support", "oppose", "ruled_out"):
        return None
    act = next((row for row in reversed(rows) if row["topic"] == topic and row["start"] < sentence.start
                and row["holder"] != holder and row["stance"] != "neutral"), None)
    if act is None:
        return None
    if reading.stance == "support":   # one who welcomes a refusal opposes, but did not refuse
        stance = "oppose" if act["stance"] == "ruled_out" else act["stance"]
    else:
        stance = INVERTED[act["stance"]]
    return StanceReading(stance, f"{reading.cue} (an act: {act['stance']})", reading.confidence * 0.9)


def _retreat_reading(rows: list[dict], holder: str, topic: str) -> StanceReading | None:
    """A retreat reported by a verb with no stance word ("he had backed down", "Ottawa climbed
    down") moves away from the position the article last gave that holder on the topic."""
    row = _last_position(rows, holder, topic)
    if row is None or row["stance"] == "neutral":
        return None
    return StanceReading(INVERTED[row["stance"]], f"(retreat from: {row['text'][:60]})", row["confidence"] * 0.8)


def _latest_reading(rows: list[dict], holder: str, topic: str, why: str = "shift report; position of") -> StanceReading | None:
    """The position the article last gave that holder on that topic, again: the position a
    reported shift ("a shift in the president's stance") moved to, or one said to stand ("has
    not changed", "stands by every word": `why` "reaffirmed")."""
    row = _last_position(rows, holder, topic)
    if row is None:
        return None
    return StanceReading(row["stance"], f"({why}: {row['text'][:60]})", row["confidence"] * 0.8)


def _last_position(rows: list[dict], holder: str, topic: str) -> dict | None:
    """The statement the article last gave a (listed) holder on a topic, or None."""
    if not holder:
        return None
    return next((row for row in reversed(rows) if row["holder"] == holder and row["topic"] == topic), None)


def statement_id(doc_id: str, start: int, topic: str, text: str, partner: str = "") -> str:
    """A stable id from what the statement is: its document, place, topic and words (and, for a
    second holder of the same words, that holder).

    >>> statement_id("doc", 10, "troops", "He ruled it out.") == statement_id("doc", 10, "troops", "He ruled it out.")
    True
    """
    key = f"{doc_id}\x1f{start}\x1f{topic}\x1f{text}" + (f"\x1f{partner}" if partner else "")
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    return digest[:16]


def _interpolate(x: float, xp: tuple[float, ...], fp: tuple[float, ...]) -> float:
    """`np.interp(x, xp, fp)` for one number (`xp` increasing), computed as numpy computes it,
    so that the result is the same float.

    >>> _interpolate(0.25, (0.0, 0.5, 1.0), (0.0, 0.2, 1.0)), _interpolate(2.0, (0.0, 1.0), (0.1, 0.9))
    (0.1, 0.9)
    """
    if x != x:
        return x   # NaN stays NaN
    if x <= xp[0]:
        return fp[0]
    if x >= xp[-1]:
        return fp[-1]
    j = bisect.bisect_right(xp, x) - 1
    if x == xp[j]:
        return fp[j]
    return (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]) * (x - xp[j]) + fp[j]


def _ignore(_) -> None:
    """A trace that keeps nothing: `statements_of` without one."""


def _row(document: Document, clause: Clause, attribution: Attribution, topic_id: str, reading, when,
         confidence: float, is_shift_report: bool, inherited: bool) -> dict:
    day, precision, expression = when
    return {
        "statement_id": statement_id(document.doc_id, clause.start, topic_id, clause.text),
        "doc_id": document.doc_id,
        "text": clause.text,
        "holder": attribution.holder,
        "speaker": attribution.speaker,
        "attribution": attribution.attribution,
        "topic": topic_id,
        "stance": reading.stance,
        "score": SCORES[reading.stance],
        "date": day,
        "date_precision": precision,
        "doc_date": document.date,
        "confidence": round(min(1.0, confidence), 4),
        "start": clause.start,
        "end": clause.end,
        # The whole sentence only where the statement is a part of it (most statements are their
        # whole sentence: repeating it would take a quarter of a large run's memory).
        "sentence": clause.sentence.text if clause.text != clause.sentence.text else "",
        "date_expression": expression,
        "cue": reading.cue,
        "is_heading": clause.sentence.is_heading,
        "is_shift_report": is_shift_report,
        "topic_inherited": inherited,
        "holder_kind": attribution.holder_kind,
        "source_kind": attribution.source_kind,
    }
