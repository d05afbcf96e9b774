"""Decide whose position a statement is (the holder) and who put it into words (the speaker).

Works from the actor file alone: aliases are found as whole phrases, roles ("the president")
stand for an actor already named in the article, pronouns go to the person most recently in
subject position, and quotes go to the speaker named by the cue before or after them, or to
the speaker of the quote they continue. "Leavitt said the president has ruled out troops" has
speaker leavitt and holder trump; the writer's own analysis has speaker `author` and no holder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Actors
from .lexicon import Lexicon, normalize
from .schema import AUTHOR
from .segment import Clause, Quote, Sentence, quoted_share

# Personal pronouns that can stand for a person actor, with the gender they point to.
PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}
# A pronoun as a whole word; "US" in capitals is the country, so case matters for "us".
RE_PRONOUN = re.compile(r"(?<![\w'-])(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|us)(?![\w'-])")
# Between a subject and its verb: an appositive in commas ("Leavitt, the press secretary,"),
# then auxiliaries and adverbs ("has also publicly").
RE_SUBJECT_GAP = re.compile(
    r"^(?:\s*,[^,.;:“”\"]{1,80},)?"                                   # ", the press secretary,"
    r"(?:\s+and\s+(?:[\w.'’-]+\s+){0,4}?[A-Z][\w.'’-]+)?"              # "and trade envoy Jamieson Greer"
    r"(?:\s+(?:has|have|had|was|is|were|are|would|will|could|may|might|also|further|again|then|now|already|"
    r"reportedly|publicly|repeatedly|previously|earlier|later|once|still|even|since|himself|herself|itself|"
    r"themselves|both|all|too|first|just|apparently|privately|separately|quickly|long|so far|yet|never|"
    r"yesterday|today|tonight|last\s+\w+|this\s+(?:week|month|morning|afternoon|evening)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\w+ly))*\s*$",
    re.IGNORECASE)
# Words before a name that make it an object, not a subject ("met with Putin", "in Moscow").
RE_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:in|to|with|from|on|at|for|against|by|of|between|about|over|under|toward|towards|into|than|"
    r"across|around|through|after|before|like|unlike|via|per|among|urged|pressed|pushed|asked|told|met|"
    r"meet|meets|meeting|called|call|visit|visited|visiting)\s+(?:the\s+)?)$",
    re.IGNORECASE)
# "according to Peskov", "in the words of Lavrov": the speaker follows.
RE_ACCORDING_TO = re.compile(r"\b(?:according to|in the words of|per)\s+$", re.IGNORECASE)
# After a name in subject position comes a verb, not a possessive or a noun.
RE_VERB_AFTER = re.compile(r"^(?:\s*,[^,.;:]{1,80},)?\s+(?:[a-z]+(?:-[a-z]+)?(?:ed|s)\b|has|had|have|was|is|were|are|would|will|"
                           r"could|can|may|might|must|should|did|does|do|won't|wouldn't|can't|cannot|didn't|doesn't|"
                           r"never|also|not|no|now|again|still|already|first|just|only|[a-z]+ly|ruled|told|said|"
                           r"says|wants|backs|sent|made|gave|took|put|set|held|left|kept|met|spoke|saw|thought|"
                           r"knew|felt|got|became|sought|brought|went|came|stood|wrote|rejected|offered)\b")
# A position named as someone's: "the president's stance", "Putin's willingness to".
RE_STANCE_NOUN_AFTER = re.compile(r"^'s\s+(?:\w+\s+)?(?:stance|position|view|views|thinking|tone|approach|policy|line|stand|"
                                  r"posture|rhetoric|attitude|calculus|willingness|readiness|refusal|opposition|"
                                  r"support|insistence|demand|demands|offer|proposal|plan|objection|reluctance|"
                                  r"eagerness|determination|pledge|promise|threat|call)\b", re.IGNORECASE)
# Words between a verb of saying and the subject of what was said: "said on Friday that the ...".
RE_COMPLEMENT_FILLER = re.compile(
    r"\b(?:the|that|also|again|later|earlier|repeatedly|yesterday|today|tonight|on\s+\w+day|last\s+\w+|"
    r"this\s+(?:week|month|morning|afternoon|evening)|the\s+next\s+day|the\s+day\s+before|"
    r"on\s+\d{1,2}\s+\w+|on\s+\w+\s+\d{1,2}(?:st|nd|rd|th)?|in\s+(?:a|an|his|her|its|their)\s+\w+(?:\s+\w+)?)\b",
    re.IGNORECASE)
# Anonymous people doing the saying: "sources told", "officials said", "a diplomat, speaking anonymously, said".
RE_SOURCES_SPEAK = re.compile(
    r"\b(?:sources?|officials?|diplomats?|aides?|insiders?|people familiar with[\w\s]{0,30}?)"
    r"(?:\s*,[^,]{1,60},)?\s+(?:\w+\s+){0,2}(?:said|say|says|told|tell|confirmed|suggested|indicated|expected|believe)\b"
    r"|\baccording to (?:\w+\s+){0,3}(?:sources?|officials?|diplomats?|people)\b"
    r"|\bspeaking (?:anonymously|on condition of anonymity)\b", re.IGNORECASE)
# A condition opening just before a name: "If Russia says no", "unless Moscow agrees".
RE_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|should|once|until|when)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# Someone whose orders or request made an act: "halted on Trump's orders", "at Kyiv's request".
RE_AGENT_AFTER = re.compile(r"^'s\s+(?:orders?|instructions?|request|direction|behest|command|decision)\b", re.IGNORECASE)
# The agent of a passive: "was halted by the White House".
RE_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
# What stands between a name and a pronoun that may point back to it within one sentence.
RE_SEPARATES = re.compile(r"\b(?:and|but|that|while|after|before|when|because|who|which|as|since|said|says|told|"
                          r"added)\b|[;“”\":]", re.IGNORECASE)
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class Mention:
    """A place where an actor is named, described by role, or referred to by a pronoun."""

    start: int
    end: int
    actor: str
    kind: str  # "alias" | "role" | "pronoun" | "first_person"
    text: str


@dataclass(frozen=True)
class Attribution:
    """Who holds the position of a clause and who said it, with how it was said."""

    holder: str
    speaker: str
    attribution: str
    confidence: float
    holder_kind: str = ""       # how the holder was named: alias, role, pronoun, first_person
    source_kind: str = ""       # "sources" or "poll" when the position is not a named actor's


class Attributor:
    """Finds actors in a document and attributes its clauses; built once per run."""

    def __init__(self, actors: Actors, lexicon: Lexicon):
        self.actors = actors
        self.lexicon = lexicon
        self._alias_owner: dict[str, str] = {}
        self._role_owners: dict[str, list[str]] = {}
        sensitive, insensitive = [], []
        for actor in actors:
            for alias in actor.mentions:
                self._alias_owner[normalize(alias).casefold()] = actor.id
                (sensitive if alias[:1].isupper() else insensitive).append(alias)
            for role in actor.roles:
                self._role_owners.setdefault(normalize(role).casefold(), []).append(actor.id)
                insensitive.append(role)
        self._sensitive = _phrase_regex(sensitive, 0)
        self._insensitive = _phrase_regex(insensitive, re.IGNORECASE)
        self._gender = {actor.id: actor.gender for actor in actors}
        self._kind = {actor.id: actor.kind for actor in actors}
        self._members = {actor.id: set(actor.member_of) for actor in actors}

    # -- mentions ---------------------------------------------------------------------------------

    def find_mentions(self, text: str, sentences: list[Sentence]) -> list[Mention]:
        """Every actor mention in a document, in order; roles and pronouns already resolved."""
        plain = normalize(text)
        raw: list[tuple[int, int, str, str]] = []
        for regex in (self._sensitive, self._insensitive):
            if regex is None:
                continue
            for match in regex.finditer(plain):
                raw.append((match.start(), match.end(), match.group(), "named"))
        for match in RE_PRONOUN.finditer(plain):
            raw.append((match.start(), match.end(), match.group(), "pronoun"))
        raw.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        mentions: list[Mention] = []
        taken_until = -1
        quotes = [q for s in sentences for q in s.quotes]
        for start, end, phrase, kind in raw:
            if start < taken_until:
                continue
            key = phrase.casefold()
            actor, how = "", ""
            if kind == "named" and key in self._alias_owner:
                actor, how = self._alias_owner[key], "alias"
            elif kind == "named" and key in self._role_owners:
                actor, how = self._resolve_role(self._role_owners[key], mentions), "role"
            elif kind == "pronoun" and phrase.lower() in FIRST_PERSON:
                actor, how = "", "first_person"
            elif kind == "pronoun":
                actor, how = self._resolve_pronoun(PRONOUNS[phrase.lower()], start, mentions, sentences), "pronoun"
            if how == "first_person" and not any(q.start <= start < q.end for q in quotes):
                continue
            if not actor and how != "first_person":
                continue
            mentions.append(Mention(start, end, actor, how, text[start:end]))
            taken_until = end
        return mentions

    def _resolve_role(self, owners: list[str], earlier: list[Mention]) -> str:
        """A role names an actor already in the article (the most recent if several fit)."""
        for mention in reversed(earlier):
            if mention.actor in owners and mention.kind in ("alias", "role"):
                return mention.actor
        return ""

    def _resolve_pronoun(self, gender: str, position: int, earlier: list[Mention],
                         sentences: list[Sentence]) -> str:
        """He/she: the nearest person before it in its sentence, else the first (subject-like)
        fitting person of the closest earlier sentence."""
        fitting = [m for m in earlier if m.kind in ("alias", "role", "pronoun") and m.actor
                   and self._kind.get(m.actor) == "person" and self._gender.get(m.actor, "") in (gender, "")]
        if not fitting:
            return ""
        sentence = _sentence_at(sentences, position)
        if sentence is not None:
            same = [m for m in fitting if sentence.start <= m.start < position
                    and RE_SEPARATES.search(sentences_text(sentences, m.end, position))]
            if same:
                return same[-1].actor
            for previous in reversed(sentences[:sentence.index]):
                inside = [m for m in fitting if previous.start <= m.start < previous.end]
                if inside:
                    subjects = [m for m in inside if self._is_subject_like(m, previous)]
                    return (subjects or inside)[0].actor
        return fitting[-1].actor

    def _is_subject_like(self, mention: Mention, sentence: Sentence) -> bool:
        return mention.start - sentence.start < 40 or bool(RE_VERB_AFTER.match(normalize(sentence.text[mention.end - sentence.start:][:60])))

    # -- attribution -----------------------------------------------------------------------------

    def quote_speakers(self, text: str, sentences: list[Sentence], mentions: list[Mention]) -> dict[Quote, str]:
        """The speaker of each direct quote: named by the cue after or before it, else the speaker
        of the quote it continues (news reopens a quote in each paragraph it runs over)."""
        speakers: dict[Quote, str] = {}
        plain = normalize(text)
        previous_speaker, previous_open = "", False
        seen: set[Quote] = set()
        for sentence in sentences:
            for quote in sentence.quotes:
                if quote in seen:
                    continue
                seen.add(quote)
                speaker = self._cue_after(plain, quote, mentions) or self._cue_before(plain, quote, mentions)
                if not speaker and (previous_open or _starts_paragraph(plain, quote)):
                    speaker = previous_speaker
                speakers[quote] = speaker
                if speaker:
                    previous_speaker = speaker
                previous_open = quote.is_open_ended
        # A quote left open at a paragraph's end continues in the next one, whose cue names the speaker.
        following = ""
        for quote in sorted(speakers, key=lambda q: q.start, reverse=True):
            if quote.is_open_ended and not speakers[quote]:
                speakers[quote] = following
            following = speakers[quote] or following if not quote.is_open_ended else speakers[quote]
        return speakers

    def _cue_after(self, plain: str, quote: Quote, mentions: list[Mention]) -> str:
        tail_end = plain.find("\n", quote.end)
        tail = plain[quote.end:tail_end if tail_end >= 0 else len(plain)][:120]
        tail = re.split(r"[.!?;“\"]", tail, maxsplit=1)[0]
        verb = self.lexicon.speech_verbs.search(tail)
        if not verb or verb.start() > 60:
            return ""
        nearby = [m for m in mentions if quote.end <= m.start <= quote.end + len(tail) and m.actor]
        for mention in nearby:
            local = mention.start - quote.end
            if local < verb.start() and RE_SUBJECT_GAP.match(tail[mention.end - quote.end:verb.start()]):
                return mention.actor
            if local >= verb.end() and not tail[verb.end():local].strip(" ,"):
                return mention.actor
        return ""

    def _cue_before(self, plain: str, quote: Quote, mentions: list[Mention]) -> str:
        head_start = plain.rfind("\n", 0, quote.start) + 1
        head = plain[head_start:quote.start]
        cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("” "), head.rfind('" '))
        if cut >= 0:
            head_start, head = head_start + cut + 2, head[cut + 2:]
        if not head.strip():
            return ""
        verbs = list(self.lexicon.speech_verbs.finditer(head))
        stance_verbs = list(self.lexicon.all_stances.finditer(head))
        if not verbs and not head.rstrip().endswith(":"):
            if not stance_verbs:
                return ""
        anchor = (verbs or stance_verbs)[-1] if (verbs or stance_verbs) else None
        candidates = [m for m in mentions if head_start <= m.start < quote.start and m.actor]
        if anchor is None:
            return candidates[0].actor if candidates else ""
        for mention in reversed(candidates):
            local = mention.start - head_start
            if local < anchor.start() and RE_SUBJECT_GAP.match(head[mention.end - head_start:anchor.start()]):
                return mention.actor
            if local >= anchor.end() and not head[anchor.end():local].strip(" ,"):
                return mention.actor
        return ""

    def attribute(self, clause: Clause, plain: str, mentions: list[Mention],
                  speakers: dict[Quote, str], previous: "Attribution | None" = None) -> Attribution:
        """Holder, speaker and kind of attribution for one clause of a sentence."""
        sentence = clause.sentence
        in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
        quotes = [q for q in sentence.quotes if _quote_words(plain, q) >= MIN_QUOTE_WORDS]
        share = quoted_share(clause.start, clause.end, tuple(quotes))
        segment = plain[clause.start:clause.end]
        if share >= 0.5:
            quote = max(quotes, key=lambda q: min(clause.end, q.end) - max(clause.start, q.start))
            speaker = speakers.get(quote, "")
            inner = [m for m in in_clause if quote.start <= m.start < quote.end]
            holder, how = self._holder_in(inner, plain, quote, speaker)
            if not speaker:
                return Attribution(holder, AUTHOR if not holder else "", "direct_quote", 0.4, how)
            return Attribution(holder or speaker, speaker, "direct_quote", 0.85 if speaker else 0.4, how or "speaker")
        outside = [m for m in in_clause if not any(q.start <= m.start < q.end for q in quotes)]
        source_kind = self._unnamed_source(segment)
        if source_kind == "sources" and RE_SOURCES_SPEAK.search(segment):
            return Attribution("", "", "reported", 0.6, "", source_kind)
        said = self._speech(plain, clause, outside)
        if said is not None:
            speaker, verb_end, how = said
            after = [m for m in outside if m.start >= verb_end]
            holder, holder_how = self._complement_subject(plain, verb_end, after, speaker)
            return Attribution(holder or speaker, speaker, "reported", 0.8, holder_how or how)
        subject = self._position_subject(plain, clause, outside)
        if subject is not None:
            return Attribution(subject.actor, subject.actor, "paraphrase", 0.7, subject.kind)
        if source_kind:
            return Attribution("", "", "reported", 0.6, "", source_kind)
        if sentence.is_commentary:
            return Attribution("", AUTHOR, "commentary", 0.6)
        if previous is not None and previous.holder and clause.index > 0:
            return Attribution(previous.holder, previous.speaker, previous.attribution, previous.confidence * 0.9,
                               previous.holder_kind)
        agent = self._agent(plain, outside)
        if agent is not None:
            return Attribution(agent.actor, agent.actor, "paraphrase", 0.6, agent.kind)
        subject = self._leading_subject(plain, sentence, in_clause)
        if subject is not None:
            return Attribution(subject.actor, subject.actor, "paraphrase", 0.55, subject.kind)
        return Attribution("", AUTHOR, "commentary", 0.5)

    def with_stance_owner(self, attribution: Attribution, clause: Clause, plain: str,
                          mentions: list[Mention]) -> Attribution:
        """In "Graham suggested a shift in the president's stance" the stance is the president's."""
        for mention in mentions:
            if clause.start <= mention.start < clause.end and mention.actor and \
                    RE_STANCE_NOUN_AFTER.match(plain[mention.end:mention.end + 40]):
                return Attribution(mention.actor, attribution.speaker or AUTHOR, attribution.attribution,
                                   attribution.confidence, mention.kind, attribution.source_kind)
        return attribution

    def _holder_in(self, inner: list[Mention], plain: str, quote: Quote, speaker: str = "") -> tuple[str, str]:
        """Inside a quote the holder is the speaker, unless a named actor is the subject of a
        position or of saying ("The president has definitively stated ..."). A subject inside
        a condition ("If Russia says no, ...") holds nothing; nor does the speaker's own state."""
        named = [m for m in inner if m.actor and m.kind != "first_person"
                 and not RE_CONDITION_BEFORE.search(plain[max(quote.start, m.start - 30):m.start])]
        if not named:
            return "", ""
        segment = plain[quote.start:quote.end]
        for pattern in (self.lexicon.all_stances, self.lexicon.speech_verbs):
            for cue in pattern.finditer(segment):
                subject = self._subject_of(plain, quote.start + cue.start(), quote.start + cue.end(), named,
                                           inverted=False)
                if subject is not None:
                    if subject.actor in self._members.get(speaker, set()):
                        return "", ""
                    return subject.actor, subject.kind
        return "", ""

    def _speech(self, plain: str, clause: Clause, mentions: list[Mention]) -> tuple[str, int, str] | None:
        """A verb of saying in the clause and its subject: (speaker, end of verb, how named)."""
        segment = plain[clause.start:clause.end]
        for verb in self.lexicon.speech_verbs.finditer(segment):
            start, end = clause.start + verb.start(), clause.start + verb.end()
            subject = self._subject_of(plain, start, end, mentions)
            if subject is not None:
                return subject.actor, end, subject.kind
        for mention in mentions:
            if RE_ACCORDING_TO.search(plain[max(clause.start, mention.start - 20):mention.start]):
                return mention.actor, clause.start, mention.kind
        return None

    def _subject_of(self, plain: str, verb_start: int, verb_end: int, mentions: list[Mention],
                    inverted: bool = True) -> Mention | None:
        before = [m for m in mentions if m.end <= verb_start and m.actor]
        for mention in reversed(before):
            gap = plain[mention.end:verb_start]
            if gap.startswith("'s") or gap.startswith("’s"):
                continue
            if RE_SUBJECT_GAP.match(gap) and not RE_PREPOSITION_BEFORE.search(plain[max(0, mention.start - 20):mention.start]):
                return mention
            break
        after = [m for m in mentions if m.start >= verb_end and m.actor]
        if inverted and after and not plain[verb_end:after[0].start].strip():
            return after[0]
        return None

    def _complement_subject(self, plain: str, verb_end: int, after: list[Mention], speaker: str) -> tuple[str, str]:
        """"X said Y has ruled out ...": Y holds the position when Y is the subject of a stance
        word, or owns it ("Y's willingness to ..."); otherwise the speaker holds it."""
        for mention in after[:1]:
            lead = plain[verb_end:mention.start]
            if re.search(r"\bthat\s*$", lead, re.IGNORECASE):
                lead = ""   # "told reporters at the briefing that ...": the addressee comes first
            lead = RE_COMPLEMENT_FILLER.sub(" ", lead)
            if lead.strip(" ,") or not mention.actor or mention.kind == "first_person":
                return "", ""
            if RE_STANCE_NOUN_AFTER.match(plain[mention.end:mention.end + 40]) or self._governs_cue(plain, mention):
                return mention.actor, mention.kind
        return "", ""

    def _governs_cue(self, plain: str, mention: Mention) -> bool:
        """Whether a stance word or a verb of saying follows the mention as its predicate."""
        window = plain[mention.end:mention.end + 90]
        for pattern in (self.lexicon.all_stances, self.lexicon.speech_verbs, self.lexicon.possibility):
            cue = pattern.search(window)
            if cue and RE_SUBJECT_GAP.match(window[:cue.start()]):
                return True
        return False

    def _position_subject(self, plain: str, clause: Clause, mentions: list[Mention]) -> Mention | None:
        segment = plain[clause.start:clause.end]
        for cue in self.lexicon.all_stances.finditer(segment):
            subject = self._subject_of(plain, clause.start + cue.start(), clause.start + cue.end(), mentions)
            if subject is not None and subject.start >= clause.start:
                return subject
        return None

    def _leading_subject(self, plain: str, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
        """The actor that opens a sentence and is followed by a verb ("Trump continues to ...")."""
        for mention in mentions[:1]:
            if mention.actor and mention.start - sentence.start <= 30 and \
                    RE_VERB_AFTER.match(plain[mention.end:mention.end + 60]) and \
                    not RE_PREPOSITION_BEFORE.search(plain[max(0, mention.start - 20):mention.start]):
                return mention
        return None

    def _agent(self, plain: str, mentions: list[Mention]) -> Mention | None:
        """The actor behind an act named without a subject: "on Trump's orders", "by Moscow"."""
        for mention in mentions:
            if not mention.actor:
                continue
            if RE_AGENT_AFTER.match(plain[mention.end:mention.end + 30]) or \
                    RE_PASSIVE_BEFORE.search(plain[max(0, mention.start - 40):mention.start]):
                return mention
        return None

    def _unnamed_source(self, segment: str) -> str:
        if self.lexicon.polls.search(segment):
            return "poll"
        if self.lexicon.anonymous_sources.search(segment):
            return "sources"
        return ""


def _phrase_regex(phrases: list[str], flags: int) -> re.Pattern | None:
    phrases = sorted({normalize(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    body = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def sentences_text(sentences: list[Sentence], start: int, end: int) -> str:
    """The document text between two offsets, rebuilt from the sentences that cover it."""
    parts = []
    for sentence in sentences:
        if sentence.end <= start or sentence.start >= end:
            continue
        parts.append(sentence.text[max(0, start - sentence.start):max(0, end - sentence.start)])
    return " ".join(parts)


def _sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        sentence = sentences[middle]
        if position < sentence.start:
            high = middle - 1
        elif position >= sentence.end:
            low = middle + 1
        else:
            return sentence
    return None


def _starts_paragraph(plain: str, quote: Quote) -> bool:
    line_start = plain.rfind("\n", 0, quote.start) + 1
    return not plain[line_start:quote.start].strip()


def _quote_words(plain: str, quote: Quote) -> int:
    return len(plain[quote.start:quote.end].split())
