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


# A wire story published on Thursday 12 June 2025 about Tuesday's meeting: words reported from
# Tuesday take Tuesday; a position stated as standing ("has said", "insists") and the writer's
# own view take the day of writing.
WIRE = ("Merz said on Tuesday that Germany backed new sanctions on Russia. "
        "He also called for a ceasefire within weeks.\n\n"
        "Kallas has said repeatedly that the EU will keep its sanctions until Russia withdraws.\n\n"
        "Macron said on Tuesday that European troops could follow a peace deal.")


def test_reported_words_keep_the_day_they_were_said():
    from helpers import extract, only
    rows = extract(WIRE, date="2025-06-12")
    assert only(rows, holder="merz", topic="russia_sanctions")["date"] == dt.date(2025, 6, 10)
    assert only(rows, holder="merz", topic="ceasefire")["date"] == dt.date(2025, 6, 10)


def test_a_standing_position_is_dated_when_written_not_by_the_story_focus():
    from helpers import extract, only
    rows = extract(WIRE, date="2025-06-12")
    kallas = only(rows, speaker="kallas", topic="russia_sanctions")
    assert (kallas["date"], kallas["date_precision"]) == (dt.date(2025, 6, 12), "doc")


def test_said_in_the_past_is_not_standing_even_with_a_perfect_inside():
    from helpers import extract, only
    text = ("Leaders met in Paris on Tuesday. Starmer arrived on Tuesday morning.\n\n"
            "Twenty countries have agreed to send peacekeepers, Macron announced.")
    # Not the day of writing: the day the story is about (named twice), as for any reported words.
    assert only(extract(text, date="2025-06-12"), topic="european_troops")["date"] == dt.date(2025, 6, 10)


def test_the_whole_idea_points_back_across_a_paragraph():
    from helpers import extract, only
    from stance.config import Actor, Topic
    topics = Topics([Topic("steel_levy", "EU levy on imported steel", keywords=("steel levy",))])
    actors = Actors([Actor("erdogan", "Recep Tayyip Erdogan", aliases=("Erdogan",)),
                     Actor("sefcovic", "Maros Sefcovic", aliases=("Sefcovic",))])
    text = ("Sefcovic said on Monday that Brussels would propose a steel levy next month.\n\n"
            "Erdogan, speaking in Ankara, rejected the whole idea.")
    row = only(extract(text, date="2025-06-12", actors=actors, topics=topics), holder="erdogan")
    assert (row["topic"], row["stance"]) == ("steel_levy", "oppose")
