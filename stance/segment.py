"""Split an article into sentences and clauses, with quotes, headings and live-blog entries marked.

News is not clean prose: headlines sit between paragraphs, live blogs repeat whole entries,
quotes run over several sentences or are split around "he said", and page furniture ("Read
more", newsletter pitches) is mixed in. This stage finds the units later stages classify, and
keeps only the first copy of a repeated sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import dates

# Titles and short forms after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr gen sen rep gov lt col sgt capt adm cmdr maj jr sr st no vs etc e.g i.e prof pres
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c a.m p.m approx dept est fig inc ltd co corp
""".split())
# Short forms that stand only before a number ("No. 10", "no. 3"): before a word they are words
# that end a sentence ("Washington has not said no. Here is why.").
NUMBER_SIGNS = frozenset({"no"})
RE_NUMBER_NEXT = re.compile(r"\s+\d")
# Initials, lower-cased, before a full stop: "u.s", "j" of "J. Smith".
RE_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

# A sentence ends at . ! ? (or an ellipsis), optionally followed by closing quotes/brackets,
# then white space, then something that can start a sentence (a capital, digit or opening quote).
RE_SENTENCE_END = re.compile(r"""(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["“‘'(\[]?[A-Z0-9])""")
# (The look-behind starts a match only at the first of a run of stops, so a line of a million
# dots takes linear, not quadratic, time.)
# Words: letters, digits, inner apostrophes, dots and hyphens ("U.S.", "won't", "Nato-led").
RE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z0-9]")
# A live-blog byline that opens a column: "Holly Baxter writes:".
RE_COLUMN_BYLINE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:writes|reports|explains|argues):?$")
BYLINE_VERBS = ("writes", "reports", "explains", "argues")   # every match of RE_COLUMN_BYLINE holds one
# A heading that announces commentary: "ANALYSIS: ...", "Opinion | ...", "COMMENT - ...".
RE_COMMENTARY_HEADING = re.compile(r"^(?:analysis|opinion|comment|commentary|editorial|column|voices|the view)\b\s*[:|\-–—]",
                                   re.IGNORECASE)
# Clause boundaries inside a sentence: a coordinated clause after ", but", a semicolon, a
# contrastive "while/whereas/although", or an "after/before + -ing" clause that dates an earlier act.
RE_CLAUSE_BOUNDARY = re.compile(
    r"(?=[,;:\s])(?:"                           # every boundary opens so: other places fail at once
    r",\s+but\s+(?!also\b|only\b)"              # ", but said ...", not ", but only once ..."
    r"|\s+but\s+(?=(?:declined|refused|rejected|said|insisted|warned|added|ruled|stopped|balked)\b)"
    r"|;\s+"                                    # "...; he added ..."
    r"|,\s+(?=[\"“]and\s)"                      # '"...," he said, "and ...": a quote resumed with a second claim'
    r"|:\s+(?=[^:;“”\"]{0,60}\b(?:said|says|told|announced)\s)"   # "Russia did not take it up: Peskov said ..."
    r"|,\s+and\s+(?=[A-Z])"                    # "..., and Russia won't accept ..."
    r"|,?\s+(?:while|whereas|although|though)\s+(?=[a-z0-9])"   # "..., while 24 per cent ..." too
    r"|\s+(?=(?:after|before)\s+(?:seeming|appearing|saying|suggesting|signalling|signaling|indicating|insisting|"
    r"having|refusing|declining|leaving|floating|calling|promising|pledging|rejecting|ruling|backing)\b))"
)
# A live-blog entry stamp with a time only: "14:05", "2.15pm BST", "10:42 GMT - updated".
RE_TIME_HEADER = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))(?:\s*(?:BST|GMT|CET|CEST|EET|EEST|ET|EST|EDT|MSK|UTC|Kyiv time))?"
                            r"(?:\s*[-–—|]\s*(?:updated|breaking|latest))?$", re.IGNORECASE)
# A sentence that opens with a subordinate clause: "While Trump has ruled out troops, he ...".
RE_LEADING_SUBORDINATE = re.compile(r"^(?:While|Although|Though|Whereas|Even though)\b[^,;:“”\"]{10,200},")
# Markdown decoration to read through: heading hashes, list bullets, emphasis, blockquote marks.
RE_MARKDOWN_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,2}[.)]\s+|>\s*)")

OPENING_QUOTES = "“«"
CLOSING_QUOTES = "”»"
AMBIGUOUS_QUOTES = '"'
# Any quotation mark: a paragraph is scanned for these, not character by character.
RE_QUOTE_MARK = re.compile("[" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES) + "]")


@dataclass(frozen=True)
class Quote:
    """A direct quote inside a paragraph: offsets in the document, and whether it is still open at
    the paragraph's end (news continues a quote in the next paragraph by opening it again)."""

    start: int
    end: int
    is_open_ended: bool = False


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with its place, its paragraph and its surroundings."""

    doc_id: str
    index: int
    paragraph: int
    entry: int
    start: int
    end: int
    text: str
    is_heading: bool
    is_commentary: bool
    entry_date: dt.date | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Clause:
    """A part of a sentence that can hold a position of its own."""

    sentence: Sentence
    index: int
    start: int
    end: int
    text: str


def split_document(doc_id: str, text: str, doc_date: dt.date | None = None,
                   boilerplate: tuple[re.Pattern, ...] = ()) -> list[Sentence]:
    """Sentences of an article, boilerplate dropped and repeated sentences kept once (the first).

    >>> [s.text for s in split_document("d", "Kallas backed the loan. Merz agreed.\\n\\nKallas backed the loan.")]
    ['Kallas backed the loan.', 'Merz agreed.']
    """
    sentences: list[Sentence] = []
    seen: set[str] = set()
    seen_shingles: set[tuple[str, ...]] = set()
    entry, entry_date, in_commentary, paragraph_index = 0, None, False, -1
    for line_start, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        prefix = RE_MARKDOWN_PREFIX.match(line)
        body_start = line_start + (prefix.end() if prefix else 0)
        body = text[body_start:line_start + len(line)].strip()
        if not body:
            continue
        body_start = text.index(body, body_start)
        if _is_boilerplate(body, boilerplate):
            continue
        header_date = dates.parse_entry_header(body, doc_date) if doc_date else None
        if header_date is not None or RE_TIME_HEADER.match(body):
            entry += 1
            # A time alone ("16:05 BST") keeps the day so far: at first, the publication day.
            entry_date = header_date or entry_date or doc_date
            in_commentary = False
            continue
        is_heading = _looks_like_heading(body)
        if any(verb in body for verb in BYLINE_VERBS) and RE_COLUMN_BYLINE.match(body):
            in_commentary = True
            continue
        if is_heading:
            entry += 1
            in_commentary = bool(RE_COMMENTARY_HEADING.match(body))
        paragraph_index += 1
        quotes = find_quotes(body, body_start)
        for start, end in _sentence_spans(body):
            sentence_text = body[start:end].strip()
            if not sentence_text or not RE_WORD.search(sentence_text):
                continue
            offset = body_start + body.index(sentence_text, start)
            key, shingles = _fingerprint(sentence_text)
            if key in seen or (len(shingles) >= 4 and len(shingles & seen_shingles) >= 0.8 * len(shingles)):
                continue
            seen.add(key)
            seen_shingles.update(shingles)
            in_sentence = tuple(q for q in quotes if q.start < offset + len(sentence_text) and q.end > offset)
            sentences.append(Sentence(doc_id, len(sentences), paragraph_index, entry, offset,
                                      offset + len(sentence_text), sentence_text, is_heading,
                                      in_commentary and not is_heading, entry_date, in_sentence))
    return sentences


def split_clauses(sentence: Sentence) -> list[Clause]:
    """The clauses of a sentence that can each carry a position ("X ruled out A, but said B").

    >>> s = split_document("d", "Merz ruled out troops, but said jets could help.")[0]
    >>> [c.text for c in split_clauses(s)]
    ['Merz ruled out troops', 'but said jets could help.']
    """
    text = sentence.text
    cuts = [0]
    opening = RE_LEADING_SUBORDINATE.match(text)
    if opening and not _inside_quote(sentence, sentence.start + opening.end()):
        cuts.append(opening.end() - 1)
    for match in RE_CLAUSE_BOUNDARY.finditer(text):
        if _inside_quote(sentence, sentence.start + match.start()):
            continue
        left_words = len(RE_WORD.findall(text[cuts[-1]:match.start()]))
        if left_words >= 3 and _has_words(text, match.end(), 3):
            cuts.append(match.start())
    cuts = sorted(set(cuts)) + [len(text)]
    clauses = []
    for index, (start, end) in enumerate(zip(cuts, cuts[1:])):
        piece = text[start:end]
        stripped = piece.strip(" ,;:")
        if not stripped:
            continue
        local = start + piece.index(stripped)
        clauses.append(Clause(sentence, len(clauses), sentence.start + local,
                              sentence.start + local + len(stripped), stripped))
    return clauses


def _has_words(text: str, start: int, count: int) -> bool:
    """Whether `text[start:]` holds `count` words, read in growing windows: counting every word
    to the end at each boundary made a long unpunctuated sentence take hours.

    >>> _has_words("troops, but said jets could help", 6, 3), _has_words("troops, but no", 6, 3)
    (True, False)
    """
    window = 256
    while start + window < len(text):
        # A window's words are the first words of the rest (the last one perhaps cut short).
        if len(RE_WORD.findall(text, start, start + window)) >= count:
            return True
        window *= 4
    return len(RE_WORD.findall(text, start)) >= count


def find_quotes(paragraph: str, offset: int = 0) -> tuple[Quote, ...]:
    """Direct quotes in a paragraph, pairing curly and straight double quotes as writers mix them.

    >>> [paragraph[q.start:q.end] for paragraph in ['He said: “We will not go," and left.'] for q in find_quotes(paragraph)]
    ['“We will not go,"']
    """
    quotes, opened = [], None
    for mark in RE_QUOTE_MARK.finditer(paragraph):
        position, char = mark.start(), mark.group()
        if char in OPENING_QUOTES or (char in AMBIGUOUS_QUOTES and opened is None):
            if opened is None:
                opened = position
        elif char in CLOSING_QUOTES or (char in AMBIGUOUS_QUOTES and opened is not None):
            if opened is not None:
                quotes.append(Quote(offset + opened, offset + position + 1))
                opened = None
    if opened is not None:
        quotes.append(Quote(offset + opened, offset + len(paragraph), is_open_ended=True))
    return tuple(quotes)


def quoted_share(start: int, end: int, quotes: tuple[Quote, ...]) -> float:
    """How much of the span [start, end) lies inside the quotes (0 to 1)."""
    if end <= start:
        return 0.0
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return min(1.0, inside / (end - start))


def words(text: str) -> list[str]:
    """The words of a text, as the stages compare them.

    >>> words("U.S. troops won't go.")
    ['U.S', 'troops', "won't", 'go']
    """
    return RE_WORD.findall(text)


def _lines(text: str):
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in RE_SENTENCE_END.finditer(paragraph):
        words_before = paragraph[start:match.start()].rsplit(None, 1)
        last = words_before[-1] if words_before else ""
        token = last.strip("“”\"'‘’([").lower()
        if match.group().startswith(".") and (token in ABBREVIATIONS or RE_INITIALS.fullmatch(token)) \
                and not (token in NUMBER_SIGNS and not RE_NUMBER_NEXT.match(paragraph, match.end())):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def _looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation reads as a headline or an entry title."""
    if line[-1] in ".!?\"”’:;,)" or line[0] in "“\"":
        return False
    n_words = len(RE_WORD.findall(line))
    return 0 < n_words <= 25


def _fingerprint(sentence: str) -> tuple[str, set[tuple[str, ...]]]:
    """A sentence's words, lower-cased and joined, and its word triples, to spot repeats.
    (Words hold no spaces and only ASCII letters, so the words can be lowered all at once.)"""
    key = " ".join(RE_WORD.findall(sentence)).lower().replace("’", "'")
    tokens = key.split(" ")
    return key, set(zip(tokens, tokens[1:], tokens[2:]))


def _inside_quote(sentence: Sentence, position: int) -> bool:
    return any(q.start <= position < q.end for q in sentence.quotes)


def _is_boilerplate(line: str, patterns: tuple[re.Pattern, ...]) -> bool:
    return len(line) < 200 and any(p.match(line) for p in patterns)
