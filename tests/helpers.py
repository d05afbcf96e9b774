"""Helpers the tests share: run the per-document stages on a short text, pick one row."""
from __future__ import annotations

from stance.config import Actors, Topics


def extract(text: str, date: str = "2025-08-20", actors: Actors | None = None, topics: Topics | None = None) -> list[dict]:
    """Statements of one short article, as rows (the per-document stages only)."""
    import datetime as dt

    from stance.extract import Extractor
    from stance.ingest import Document
    extractor = Extractor(actors or Actors.default(), topics or Topics.default())
    document = Document("doc", "doc.md", text, date=dt.date.fromisoformat(date))
    return extractor.statements_of(document)


def only(rows: list[dict], **wanted) -> dict:
    """The one row matching all the given column values (fails clearly otherwise)."""
    found = [r for r in rows if all(r[k] == v for k, v in wanted.items())]
    assert len(found) == 1, f"expected one statement with {wanted}, got {[(r['text'], r['topic']) for r in rows]}"
    return found[0]
