"""The per-document stages together: whatever the text, statements are never dated after their
document, and the same document always gives the same statements."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from stance.config import Actors, Topics
from stance.extract import Extractor
from stance.ingest import Document

PIECES = ["Trump said", "Leavitt told reporters", "he ruled out US troops", "Putin rejected a ceasefire",
          "on Tuesday", "yesterday", "the day before", "next week", "on 2 June", "in December", "last month",
          "“We will never accept Nato troops,”", "Zelensky said.", "tomorrow", "on Friday", "a day later",
          "Kyiv backed new sanctions", "\n", ", but", "after seeming to leave the door open", "2031"]
EXTRACTOR = Extractor(Actors.default(), Topics.default())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=3, max_size=30),
       st.dates(min_value=dt.date(2000, 1, 3), max_value=dt.date(2030, 12, 28)))
def test_no_statement_is_dated_after_its_document(pieces, published):
    document = Document("doc", "doc.md", " ".join(pieces) + ".", date=published)
    rows = EXTRACTOR.statements_of(document)
    assert all(row["date"] <= published for row in rows)
    assert rows == EXTRACTOR.statements_of(document)
