"""The word lists the rules read, loaded once per run from `stance/data/` and compiled.

Word lists are data, not code: a linguist can extend `cues.yaml` or `synonyms.txt` without
touching a pattern. A `Lexicon` is built by `Lexicon.load()` and handed to each stage, so no
module keeps state of its own.
"""
from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

import yaml

# An alternative group in a lexicon phrase: "{said,says}" or, optional, "{it,this}?".
RE_ALTERNATIVES = re.compile(r"^\{([^{}]+)\}(\?)?$")
# The tokens of a lexicon phrase: a brace group (which may hold spaces) or a plain word.
RE_PHRASE_TOKEN = re.compile(r"\{[^{}]*\}\??|\S+")


def normalize(text: str) -> str:
    """Text as the rules read it: curly apostrophes made straight, the length kept the same.

    >>> normalize("won’t")
    "won't"
    """
    return text.replace("’", "'").replace("‘", "'").replace("‐", "-")


def _accent_table() -> dict[int, str]:
    """Each Latin letter with marks on it, to the bare letter: one character for one, so that
    offsets in a folded text are those of the text."""
    table = {ord(c): b for c, b in (("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"), ("ı", "i"))}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table.setdefault(code, base)
    return table


ACCENTS = _accent_table()
# Any letter `ACCENTS` maps: news text holds a few, so replacing each found beats `str.translate`,
# which looks up every character of a document.
RE_ACCENTED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(ACCENTS)) + "]")


def fold_accents(text: str) -> str:
    """A text with the marks taken off its letters, the length kept the same: names are found
    however a source spells their accents.

    >>> fold_accents("Erdoğan met Sánchez in Łódź")
    'Erdogan met Sanchez in Lodz'
    """
    return RE_ACCENTED.sub(_bare_letter, text)


def _bare_letter(match: re.Match) -> str:
    return ACCENTS[ord(match.group())]


def expand_phrase(phrase: str) -> list[tuple[str, ...]]:
    """Every word sequence a lexicon phrase stands for: `{a,b}` gives alternatives, a trailing
    `?` makes one optional.

    >>> [" ".join(words) for words in expand_phrase("{rule,ruled} {it,this}? out")]
    ['rule it out', 'rule this out', 'rule out', 'ruled it out', 'ruled this out', 'ruled out']
    >>> [" ".join(words) for words in expand_phrase("{will,would}? never {stop,give up}")][-2:]
    ['never stop', 'never give up']
    """
    choices: list[list[tuple[str, ...]]] = []
    for token in RE_PHRASE_TOKEN.findall(phrase):
        match = RE_ALTERNATIVES.match(token)
        if match:
            options = [tuple(option.split()) for option in match.group(1).split(",") if option.strip()]
            choices.append(options + [()] if match.group(2) else options)
        else:
            choices.append([(token,)])
    return [tuple(word for part in combination for word in part) for combination in itertools.product(*choices)]


def compile_phrases(phrases, flags: int = re.IGNORECASE, before: str = r"(?<![\w'-])") -> re.Pattern:
    """One pattern for many phrases, matched as whole words, the longest phrase at a place winning.

    The phrases are folded into a character trie ("rule out", "ruled out" and "rules out" share
    "rule"), so the pattern tries one branch per character instead of every phrase at every
    place in the text: the stance lexicon's thousand phrases cost about what ten do. `before`
    is what may not stand just before a match (by default a word character, "'" or "-").

    >>> pattern = compile_phrases(["rule out", "{rule,ruled} {it,this}? out", "won't"])
    >>> [m.group() for m in pattern.finditer("He ruled it out, and won't rule out more; ruler out.")]
    ['ruled it out', "won't", 'rule out']
    """
    fold = str.lower if flags & re.IGNORECASE else str
    texts = [fold(" ".join(words)) for phrase in dict.fromkeys(phrases) for words in expand_phrase(phrase) if words]
    body = trie_alternation(texts) or r"(?!x)x"
    pattern = re.compile(rf"{before}(?:{body})(?![\w-])", flags)
    if flags & re.IGNORECASE and not RE_CASED_LETTER.search(before):
        # The trie holds lower-case phrases only: see `FoldedPattern`.
        return FoldedPattern(pattern, re.compile(pattern.pattern, flags & ~re.IGNORECASE), key_words(texts))
    return pattern


def key_words(texts: list[str]) -> tuple[str, ...] | None:
    """Words one of which every text holds (the longest word of each; a word holding another
    gives way to it), if there are few enough (`KEY_WORDS_LIMIT`) that looking each up in a
    text costs less than a pass of a pattern; else None.

    >>> key_words(["declined to comment", "no comment", "did not respond", "not responding"])
    ('comment', 'declined', 'respond')
    """
    longest = {max(text.split(" "), key=len) for text in texts}
    keys = {word for word in longest if not any(other != word and other in word for other in longest)}
    return tuple(sorted(keys)) if keys and len(keys) <= KEY_WORDS_LIMIT else None


KEY_WORDS_LIMIT = 12   # each costs about a twentieth of a pass of a short list's pattern over a sentence


# Characters that case-insensitive matching equates with another lower-case one ("ſ" with "s",
# "ı" with "i", Greek and Cyrillic variants): in a text holding one, lower-casing the text is not
# the same as ignoring case.
RE_EXTRA_CASES = re.compile("[\u00b5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc"
                            "\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
                            "\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe"
                            "\u1fd3\u1fe3\ua64b\ufb05\ufb06]")
# A letter written into a pattern outside a trie of lower-case phrases.
RE_CASED_LETTER = re.compile(r"(?<!\\)[A-Z]")


class FoldedPattern:
    """A case-insensitive pattern of lower-case phrases that finds its matches faster: the same
    pattern without IGNORECASE, run on the lower-cased text, finds where each match starts about
    twice as fast (case-insensitive matching folds every character it compares), and the
    case-insensitive pattern then matches at that place only, so the match is the one it would
    have found, on the text as written (a search or a scan costs about two thirds of before). Texts whose lower case is not what ignoring case means
    (a changed length: "İ"; see `RE_EXTRA_CASES`) are searched the slow way. A lower-cased text
    holding none of `keys` (see `key_words`) is not searched at all. Anything else is the plain
    pattern's.

    >>> pattern = compile_phrases(["rule out", "won't"])
    >>> [m.group() for m in pattern.finditer("He WON'T Rule Out more.")]
    ["WON'T", 'Rule Out']
    """

    def __init__(self, pattern: re.Pattern, folded: re.Pattern, keys: tuple[str, ...] | None = None):
        self.plain, self.folded, self.keys = pattern, folded, keys

    def __getattr__(self, name):
        return getattr(self.plain, name)

    def __reduce__(self):
        return FoldedPattern, (self.plain, self.folded, self.keys)

    def _holds_no_key(self, lowered: str) -> bool:
        # Most texts hold no phrase of a short list ("declined to comment"): a few substring
        # tests rule them out for a fraction of a pass of the pattern.
        if self.keys is None:
            return False
        for key in self.keys:   # a loop, not any() over a generator: this runs for every clause
            if key in lowered:
                return False
        return True

    def __eq__(self, other) -> bool:   # as compiled patterns compare: by pattern and flags
        return isinstance(other, FoldedPattern) and self.plain == other.plain

    def __hash__(self) -> int:
        return hash(self.plain)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        lowered = string.lower()
        if not folds_plainly(string, lowered):
            return self.plain.search(string, pos, endpos)
        if self._holds_no_key(lowered):
            return None
        found = self.folded.search(lowered, pos, endpos)
        return None if found is None else self.plain.match(string, found.start(), endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        lowered = string.lower()
        if not folds_plainly(string, lowered):
            return self.plain.finditer(string, pos, endpos)
        if self._holds_no_key(lowered):
            return iter(())
        return (self.plain.match(string, found.start(), endpos) for found in self.folded.finditer(lowered, pos, endpos))


def may_hold(text: str, keys: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern every match of which holds one of `keys` (lower case)
    may match `text`: a few substring tests rule out most texts for a fraction of a pass of the
    pattern; exact unless the text's case folds unusually (then always true).

    >>> may_hold("Neither side commented.", ("neither",)), may_hold("Both sides spoke.", ("neither",))
    (True, False)
    """
    lowered = text.lower()
    if not folds_plainly(text, lowered):
        return True
    for key in keys:   # a loop, not any() over a generator: this runs for most clauses
        if key in lowered:
            return True
    return False


def folds_plainly(string: str, lowered: str) -> bool:
    """Whether `lowered` (the string lower-cased) equates the characters case-insensitive
    matching does: always for ASCII; else if no character changed length or folds specially."""
    return string.isascii() or (len(lowered) == len(string) and RE_EXTRA_CASES.search(lowered) is None)


def trie_alternation(texts) -> str:
    """A regex for any of some literal texts, folded into a character trie (see `compile_phrases`);
    where one text extends another, the longer is tried first. A space matches any white space.
    Empty for no texts.

    >>> trie_alternation(["rule", "ruled", "run"])
    'ru(?:le(?:d)?|n)'
    """
    trie: dict = {}
    for text in texts:
        node = trie
        for symbol in _symbols(text):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    return _trie_pattern(trie) if trie else ""


_END = ""          # the trie key that marks the end of a phrase
_GAP = " "         # the trie key of the space between words; matches any run of white space


def _symbols(text: str) -> list[str]:
    return [_GAP if char == " " else char for char in text]


def _trie_pattern(node: dict) -> str:
    """The regex for the phrases below a trie node; longer continuations are tried first."""
    branches = [(r"\s+" if symbol == _GAP else re.escape(symbol)) + _trie_pattern(child)
                for symbol, child in sorted(node.items()) if symbol != _END]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{group})?"
    return group


@dataclass(frozen=True)
class Lexicon:
    """Compiled word lists: stance cues, speech verbs, negators, synonyms and page furniture."""

    stance_patterns: dict = field(repr=False)        # stance -> compiled pattern of its phrases
    all_stances: re.Pattern = field(repr=False)      # any stance phrase, longest first
    possibility: re.Pattern = field(repr=False)
    negators: frozenset = field(repr=False)
    conditionals: re.Pattern = field(repr=False)
    qualifiers: re.Pattern = field(repr=False)
    inverters: re.Pattern = field(repr=False)
    speech_verbs: re.Pattern = field(repr=False)
    shift_cues: re.Pattern = field(repr=False)
    no_comment: re.Pattern = field(repr=False)
    mention_only: re.Pattern = field(repr=False)
    anonymous_sources: re.Pattern = field(repr=False)
    polls: re.Pattern = field(repr=False)
    changing: re.Pattern = field(repr=False)
    status_quo_before: re.Pattern = field(repr=False)
    status_quo_after: re.Pattern = field(repr=False)
    effects: dict = field(repr=False)                # verb of an effect -> +1 (good) or -1 (harm)
    judgements: dict = field(repr=False)             # judged word VADER lacks -> +2.0 (good) or -2.0 (bad)
    synonyms: dict = field(repr=False)               # word or phrase (lower case) -> concept
    synonym_phrases: re.Pattern = field(repr=False)  # multi-word synonyms, longest first
    boilerplate: tuple = field(repr=False)
    stopwords: frozenset = field(repr=False)
    # Cue phrase as matched -> its stance: the same few hundred phrases are looked up again and again.
    _stance_of_phrase: dict = field(default_factory=dict, repr=False, compare=False)
    # Each stance phrase's words (lower case, one space between) -> its stance, the first of
    # `STANCE_ORDER` that lists it; None if a phrase is not ASCII (see `stance_of_phrase`).
    stance_texts: dict | None = field(default=None, repr=False, compare=False)
    # Word or phrase as written -> whether it is a verb of saying, whole: asked of every cue found.
    _is_speech_verb: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls) -> "Lexicon":
        """Read and compile the shipped word lists."""
        data = resources.files("stance") / "data"
        cues = yaml.safe_load((data / "cues.yaml").read_text(encoding="utf-8"))
        stance_patterns = _PhrasePatterns(cues["stances"])
        every = [p for phrases in cues["stances"].values() for p in phrases]
        synonyms, phrases = {}, []
        for line in (data / "synonyms.txt").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            group = [w.strip().lower() for w in line.split(",") if w.strip()]
            concept = group[0]
            for word in group:
                synonyms[word] = concept
                if " " in word or "-" in word:
                    phrases.append(word)
        return cls(
            stance_patterns=stance_patterns,
            all_stances=compile_phrases(every),
            possibility=compile_phrases(cues["possibility"]),
            negators=frozenset(w.lower() for w in cues["negators"]),
            conditionals=compile_phrases(cues["conditionals"]),
            qualifiers=compile_phrases(cues["qualifiers"]),
            inverters=compile_phrases(cues["inverters"]),
            speech_verbs=compile_phrases(cues["speech_verbs"]),
            shift_cues=compile_phrases(cues["shift_cues"]),
            no_comment=compile_phrases(cues["no_comment"]),
            mention_only=compile_phrases(cues["mention_only"]),
            anonymous_sources=compile_phrases(cues["anonymous_sources"]),
            polls=compile_phrases(cues["polls"]),
            changing=compile_phrases(cues["changing"]),
            status_quo_before=compile_phrases(cues["status_quo_before"]),
            status_quo_after=compile_phrases(cues["status_quo_after"]),
            effects={**{w: -1 for w in cues["effects"]["harm"]}, **{w: 1 for w in cues["effects"]["good"]}},
            judgements={**{w: -2.0 for w in cues["judgements"]["bad"]}, **{w: 2.0 for w in cues["judgements"]["good"]}},
            synonyms=synonyms,
            synonym_phrases=compile_phrases(phrases),
            boilerplate=_boilerplate((data / "boilerplate.txt").read_text(encoding="utf-8")),
            stopwords=frozenset(w for line in (data / "stopwords.txt").read_text(encoding="utf-8").splitlines()
                                if not line.startswith("#") for w in line.split()),
            stance_texts=_stance_texts(cues["stances"]),
        )

    def stance_of_phrase(self, phrase: str) -> str:
        """Which stance a matched cue phrase carries (the longest listing wins).

        >>> Lexicon.load().stance_of_phrase("refused to rule out")
        'open'
        """
        known = self._stance_of_phrase.get(phrase)
        if known is None:
            if self.stance_texts is not None and phrase.isascii() and phrase == phrase.strip():
                # What a stance pattern fullmatches in an ASCII text: a phrase's words, in any
                # case, with any run of white space between them.
                known = self.stance_texts.get(" ".join(phrase.lower().split()), "")
            else:
                known = next((stance for stance in STANCE_ORDER if self.stance_patterns[stance].fullmatch(phrase)), "")
            self._stance_of_phrase[phrase] = known
        return known

    def is_speech_verb(self, phrase: str) -> bool:
        """Whether a word or phrase, whole, is a verb of saying (`speech_verbs.fullmatch`).

        >>> Lexicon.load().is_speech_verb("Said"), Lexicon.load().is_speech_verb("backed")
        (True, False)
        """
        known = self._is_speech_verb.get(phrase)
        if known is None:
            if len(self._is_speech_verb) >= PHRASE_MEMO_LIMIT:
                self._is_speech_verb.clear()
            known = self._is_speech_verb[phrase] = self.speech_verbs.fullmatch(phrase) is not None
        return known

    def is_negator(self, word: str) -> bool:
        word = word.lower()
        return word in self.negators or word.endswith("n't")


STANCE_ORDER = ("open", "neutral", "ruled_out", "oppose", "support")   # the first that lists a phrase wins
PHRASE_MEMO_LIMIT = 4096   # words and phrases whose answers are kept (a run's cues are a few hundred)


class _PhrasePatterns(dict):
    """Stance -> the compiled pattern of its phrases, compiled when first asked for: the lexicon
    reads stances from `stance_texts`, and compiling every list twice (here and in
    `all_stances`) took a third of loading the lexicon."""

    def __init__(self, phrases: dict):
        super().__init__()
        self.phrases = phrases

    def __missing__(self, stance: str):
        pattern = self[stance] = compile_phrases(self.phrases[stance])
        return pattern


def _stance_texts(stances: dict) -> dict | None:
    """Each stance phrase's words as `compile_phrases` folds them -> the first stance of
    `STANCE_ORDER` listing it; None when a phrase is not ASCII (its case rules are the pattern's)."""
    texts: dict[str, str] = {}
    for stance in STANCE_ORDER:
        for phrase in dict.fromkeys(stances.get(stance, ())):
            if not phrase.isascii():
                return None
            for words in expand_phrase(phrase):
                if words:
                    texts.setdefault(" ".join(words).lower(), stance)
    return texts


def _boilerplate(text: str) -> tuple[re.Pattern, ...]:
    """The page-furniture lines as one pattern (in a tuple, as `split_document` takes them):
    every line of an article is tried, and one pattern of alternatives is one call, not forty."""
    bodies = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        body = re.escape(line.rstrip("*"))
        bodies.append(body + (r".*" if line.endswith("*") else r"[.:!]?") + r"$")
    return (re.compile("(?:" + "|".join(bodies) + ")", re.IGNORECASE),) if bodies else ()
