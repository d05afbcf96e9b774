"""The lexicon's compiled phrase patterns find what case-insensitive matching finds."""
import re

import pytest

from stance.lexicon import FoldedPattern, compile_phrases

PHRASES = ["rule out", "{rule,ruled} {it,this}? out", "won't", "is considering", "stand by"]


@pytest.mark.parametrize("text", [
    "He ruled it out, and WON'T Rule Out more; ruler out.",
    "“We are considering it,” he said — and is considering more.",
    "Stand by: Mr İsmail ruled out talks.",              # "İ" lower-cases to two characters
    "They will ſtand by the plan, he ruled out.",        # "ſ" is an "s" to IGNORECASE
    "ıs considering it",                                  # dotless "ı" is an "i" to IGNORECASE
    "Ruled out. Σ rule out. KELVIN rule out",             # Greek capital, Kelvin sign
    "Nothing here is settled.",                           # none of the phrases' key words
    "The rules stand; ruling out is off the table.",      # key words, but no phrase
    "",
], ids=["ascii", "curly-quotes", "dotted-capital-i", "long-s", "dotless-i", "sigma-kelvin", "no-key-word",
        "key-words-no-phrase", "empty"])
def test_folded_pattern_finds_what_ignoring_case_finds(text):
    pattern = compile_phrases(PHRASES)
    plain = re.compile(pattern.pattern, re.IGNORECASE)
    assert isinstance(pattern, FoldedPattern)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in pattern.finditer(text, 3, len(text) - 2)] == \
        [m.group() for m in plain.finditer(text, 3, len(text) - 2)]
    found, expected = pattern.search(text, 1), plain.search(text, 1)
    assert (found and found.span()) == (expected and expected.span())


def test_a_pattern_sent_to_another_process_finds_the_same():
    import pickle
    pattern = compile_phrases(PHRASES)
    copy = pickle.loads(pickle.dumps(pattern))
    for text in ("He won't rule it out.", "Nothing here is settled."):
        assert [m.span() for m in copy.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_case_sensitive_phrases_stay_a_plain_pattern():
    assert isinstance(compile_phrases(["Trump"], flags=0), re.Pattern)


def test_a_lexicon_loaded_twice_is_equal():
    from stance.lexicon import Lexicon
    assert Lexicon.load() == Lexicon.load()


@pytest.mark.parametrize("text, expected", [
    ("Erdoğan met Sánchez in Łódź.", "Erdogan met Sanchez in Lodz."),
    ("Sørensen and Đoković, “quoted” — ı", "Sorensen and Dokovic, “quoted” — i"),
    ("No marks at all here.", "No marks at all here."),
], ids=["accents", "special-letters-and-quotes", "none"])
def test_folding_accents_keeps_every_offset_and_takes_off_each_mark(text, expected):
    from stance.lexicon import ACCENTS, fold_accents
    folded = fold_accents(text)
    assert folded == expected
    assert folded == text.translate(ACCENTS)   # one character for one, the table's own reading


def test_a_cue_phrase_carries_the_stance_its_pattern_matches_whatever_its_case_and_spacing():
    from stance.lexicon import STANCE_ORDER, Lexicon
    lexicon = Lexicon.load()
    written = ["refused to rule out", "REFUSED  to\trule out", "Ruled it out", "backs", "Backed",
               "welcomed", "does not oppose", "rule outs", " ruled out", "ruled out ", "ſupports", "İs open to"]
    for phrase in written:
        expected = next((stance for stance in STANCE_ORDER if lexicon.stance_patterns[stance].fullmatch(phrase)), "")
        assert lexicon.stance_of_phrase(phrase) == expected, phrase
    assert lexicon.stance_of_phrase("REFUSED  to\trule out") == "open"
    assert lexicon.stance_of_phrase("rule outs") == ""


@pytest.mark.parametrize("text, keys, expected", [
    ("Neither Kyiv nor Moscow commented.", ("neither",), True),
    ("NEITHER side has commented.", ("neither",), True),
    ("Both sides spoke.", ("neither",), False),
    ("Mr İsmail spoke.", ("neither",), True),   # "İ" lower-cases to two characters: no ruling out
], ids=["lower", "capitals", "absent", "unusual-case"])
def test_a_text_without_any_key_is_ruled_out_unless_its_case_folds_unusually(text, keys, expected):
    from stance.lexicon import may_hold
    assert may_hold(text, keys) is expected


def test_a_verb_of_saying_is_known_as_the_pattern_knows_it():
    from stance.lexicon import Lexicon
    lexicon = Lexicon.load()
    for word in ("said", "Said", "SAYS", "told", "backed", "ruled out", "ſaid", "", "said,"):
        assert lexicon.is_speech_verb(word) is (lexicon.speech_verbs.fullmatch(word) is not None), word
    assert lexicon.is_speech_verb("said") and not lexicon.is_speech_verb("backed")
