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
