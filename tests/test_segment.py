"""Sentences and clauses: where one position ends and the next begins."""
from __future__ import annotations

import pytest

from stance.segment import split_clauses, split_document


def sentences_of(text: str) -> list[str]:
    return [sentence.text for sentence in split_document("doc", text)]


def clauses_of(text: str) -> list[str]:
    return [clause.text for sentence in split_document("doc", text) for clause in split_clauses(sentence)]


@pytest.mark.parametrize("text, expected", [
    ("Oslo asked for the jets, and Paris has not said no. The request is still open.",
     ["Oslo asked for the jets, and Paris has not said no.", "The request is still open."]),
    ("The minister lives at No. 4 Harbour Street. She left early.",
     ["The minister lives at No. 4 Harbour Street.", "She left early."]),
], ids=["no-ends-a-sentence", "no-before-a-number"])
def test_no_with_a_full_stop(text, expected):
    assert sentences_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"Accept a truce while it is on offer," she said, "and let the guns fall silent."',
     ['"Accept a truce while it is on offer," she said', '"and let the guns fall silent."']),
    ('"We may not go," he said, "but we could."', ['"We may not go," he said, "but we could."']),
], ids=["resumed-with-and", "resumed-with-but-stays-whole"])
def test_a_quote_resumed_with_a_second_claim_is_a_clause_of_its_own(text, expected):
    assert clauses_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Oslo said it was ready to talk, but only once a truce held.", ["Oslo said it was ready to talk, but only once a truce held."]),
    ("Oslo ruled out a truce, but said talks could go on.", ["Oslo ruled out a truce", "but said talks could go on."]),
], ids=["but-only-qualifies", "but-said-is-a-second-claim"])
def test_a_qualifier_after_but_stays_with_its_clause(text, expected):
    assert clauses_of(text) == expected


def test_a_contrast_opening_with_a_number_is_a_clause_of_its_own():
    assert clauses_of("A poll found that 58 per cent of Danes back the plan, while 30 per cent oppose it.") == [
        "A poll found that 58 per cent of Danes back the plan", "while 30 per cent oppose it."]


@pytest.mark.parametrize("text, expected", [
    ("Lisbon never answered the invitation: on Friday, the mayor said the port would stay shut.",
     ["Lisbon never answered the invitation", "on Friday, the mayor said the port would stay shut."]),
    ("The mayor told the council: the port will stay shut.", ["The mayor told the council: the port will stay shut."]),
], ids=["report-after-a-colon", "words-after-a-colon"])
def test_a_colon_before_a_new_report_opens_a_clause(text, expected):
    assert clauses_of(text) == expected


def test_a_long_sentence_without_full_stops_splits_in_one_pass():
    import random
    import time
    words = ("Putin rejected a ceasefire but said talks could go on while Zelensky backed sanctions and Trump said "
             "US troops were not an option").split()
    text = " ".join(random.Random(7).choice(words) for _ in range(60_000))   # a transcript with no punctuation
    sentence = split_document("doc", text)[0]
    began = time.perf_counter()
    clauses = split_clauses(sentence)
    assert time.perf_counter() - began < 2.0   # counting the words to the end at each 'but' took seconds
    assert len(clauses) > 100 and clauses[-1].end == sentence.end


def test_a_columnist_byline_opens_commentary_and_a_plain_line_does_not():
    from stance.segment import BYLINE_VERBS, RE_COLUMN_BYLINE
    assert RE_COLUMN_BYLINE.match("Holly Baxter writes:") and any(v in "Holly Baxter writes:" for v in BYLINE_VERBS)
    text = "Holly Baxter writes:\n\nThe levy is a mistake, Marsh said.\n\nMarsh said the levy was a mistake."
    sentences = split_document("doc", text)
    assert sentences[0].is_commentary
