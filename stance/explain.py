"""Why a document gave the statements it gave, sentence by sentence.

An analyst who expected a statement and finds none needs to know which step let it go: no
topic named (add a keyword to the topics file), nobody holding the position (narration), no
stance words, a question. `explain` runs the per-document stages on one document exactly as
`analyze` does and keeps, beside each statement, the reason each other sentence gave none.

>>> from stance.config import Actor, Actors, Topic, Topics
>>> actors = Actors([Actor("merz", "Friedrich Merz", aliases=("Merz",))])
>>> topics = Topics([Topic("german_troops", "German troops in Ukraine", keywords=("German troops",))])
>>> text = "Merz ruled out German troops on Monday.\\n\\nRain fell in Berlin."
>>> trace = explain(text, actors, topics, date="2025-03-04")
>>> trace[["sentence", "topic", "outcome", "holder", "stance"]].values.tolist()
[[0, 'german_troops', 'statement', 'merz', 'ruled_out'], [1, '', 'names no topic', '', '']]
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path

import pandas as pd

from .config import Actors, Topics, load_actors, load_topics
from .errors import InputError
from .extract import Extractor
from .ingest import Document, read_documents

STATEMENT = "statement"
# How the topic of a statement was found, as `render` says it.
FOUND_BY = {"keyword": "a keyword", "keyword_concepts": "a keyword's synonyms", "label_concepts": "the label's words",
            "label_scattered": "the label's words", "label_object": "the label's object", "profile": "a paraphrase",
            "reference": "a reference back (\"the plan\")", "context": "its paragraph",
            "lone_head": "the label's head noun", "inherited": "the sentence's other part or the one before",
            "broader": "a narrower topic it holds", "described": "words of the description"}
FURNITURE = "not read: page furniture (a byline, a link, a sign-up line)"
REPEAT = "not read again: a repeat of sentence"
ENTRY_TIME = "not read as a sentence: a live-blog entry's time, which dates the entry"
RE_ENTRY_TIME = re.compile(r"[#*_\s]*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?[*_\s]*", re.IGNORECASE)
RE_LINE = re.compile(r"[^\n]+")
RE_WORD = re.compile(r"\w+")
MIN_REPEAT_CHARS = 12   # shorter sentences ("He agreed.") recur without being repeats
COLUMNS = ["doc_id", "sentence", "paragraph", "sentence_text", "text", "topic", "outcome", "holder", "speaker", "attribution",
           "stance", "cue", "date", "date_precision", "date_expression", "topic_how", "confidence"]


def explain(source=None, actors: Actors | str | os.PathLike | None = None,
            topics: Topics | str | os.PathLike | None = None, date: dt.date | str | None = None, model=None,
            doc_id: str | None = None, run: str | os.PathLike | None = None) -> pd.DataFrame:
    """One row per statement and per sentence, part of a sentence or topic that gave none, in
    text order, with the reason (`outcome`) for the latter.

    `source` is a `Document`, a file (its first document, or the one named `doc_id`) or a text
    (dated by `date`). `actors`, `topics` and `model` are as for `stance.analyze`. With `run`, a
    saved run's folder, those three default to the files the run was made with, and `source` to
    the file the run read document `doc_id` from. Stretches of the text that were never read as
    sentences (page furniture, repeated paragraphs) are listed with outcome `FURNITURE` or
    `REPEAT`, so every line of the document is accounted for.
    """
    from . import _load_model   # the model loader `analyze` uses (a late import: the package imports this)
    from .segment import split_document
    if run is not None:
        source, actors, topics, model = _from_run(run, source, doc_id, actors, topics, model)
    if source is None:
        raise InputError("nothing to explain: give a file, a text, or a run folder and a document id")
    document, held = _document(source, date, doc_id)
    extractor = Extractor(load_actors(actors), load_topics(topics), model=_load_model(model))
    trace: list[tuple] = []
    statements = extractor.statements_of(document, trace=trace)
    sentences = split_document(document.doc_id, document.text, document.date, extractor.lexicon.boilerplate)
    rows = []
    for row in statements:
        sentence = _sentence_at(sentences, row["start"])
        rows.append({**{name: row.get(name, "") for name in COLUMNS}, "sentence": sentence.index,
                     "paragraph": sentence.paragraph, "sentence_text": sentence.text, "outcome": STATEMENT,
                     "position": row["start"]})
    for sentence, clause, topic, reason in trace:
        part = clause if clause is not None else sentence
        rows.append({"doc_id": document.doc_id, "sentence": sentence.index, "paragraph": sentence.paragraph,
                     "sentence_text": sentence.text, "text": part.text, "topic": topic, "outcome": reason,
                     "position": part.start})
    read = [(_words(sentence.text), sentence.index) for sentence in sentences]
    for start, end in _unread(document.text, sentences):
        words = " ".join(document.text[start:end].split())
        repeated = _repeat_of(_words(words), read)
        outcome = f"{REPEAT} [{repeated}]" if repeated is not None else \
            ENTRY_TIME if RE_ENTRY_TIME.fullmatch(words) else FURNITURE
        rows.append({"doc_id": document.doc_id, "sentence": -1, "paragraph": -1, "sentence_text": words,
                     "text": words, "outcome": outcome, "position": start})
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "position"])
    frame = frame.sort_values(["position", "sentence"], kind="stable").drop(columns="position")
    for name in ("holder", "speaker", "attribution", "stance", "cue", "date_precision", "date_expression",
                 "topic_how", "topic", "sentence_text", "text", "outcome"):
        frame[name] = frame[name].astype(object).where(frame[name].notna(), "").astype(str)
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.reset_index(drop=True)
    # A file of several documents gave its first: how many it holds, for a caller to say so.
    frame.attrs["documents_in_source"] = held
    return frame


def _from_run(run, source, doc_id: str | None, actors, topics, model):
    """A saved run's own actors, topics and model files where none are given, and the file it
    read document `doc_id` from where no source is."""
    from .analysis import load_settings
    settings = load_settings(run)

    def setting(name: str):
        value = settings.get(name) or None
        return value if value and value != "<python>" and Path(value).exists() else None

    actors = actors if actors is not None else setting("actors")
    topics = topics if topics is not None else setting("topics")
    model = model if model is not None else (settings.get("model") or None)
    if source is None and doc_id is not None:
        documents = pd.read_parquet(Path(run) / "documents.parquet", columns=["doc_id", "path"])
        found = documents.loc[documents["doc_id"] == doc_id, "path"]
        if found.empty:
            close = difflib.get_close_matches(doc_id, documents["doc_id"].tolist(), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise InputError(f"{run}: the run holds no document {doc_id!r}{hint}")
        if not found.iloc[0] or not Path(found.iloc[0]).is_file():
            raise InputError(f"{run}: document {doc_id!r} came from {found.iloc[0] or 'a table in memory'}, "
                             "which is not a file here; give the file or the text")
        source = Path(found.iloc[0])
    return source, actors, topics, model


def _document(source, date, doc_id: str | None) -> tuple[Document, int]:
    """The one document to explain, and how many its source holds."""
    held = 1
    if isinstance(source, Document):
        return source, held
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096
                                    and Path(source).is_file()):
        documents = list(read_documents([source], default_date=date))
        wanted = [d for d in documents if doc_id in (None, d.doc_id)]
        if not wanted:
            known = ", ".join(d.doc_id for d in documents[:10])
            raise InputError(f"{source}: no document with id {doc_id!r} (it holds: {known})")
        document, held = wanted[0], len(documents)
    else:
        if not str(source).strip():
            raise InputError("the text to explain is empty; give a sentence or a file")
        if date is None:
            raise InputError("a text to explain needs the day it was published (--date, or date= in Python), e.g. 2025-08-19")
        # The day as --date, so that a bad one is reported as the option it came from.
        document = next(read_documents(pd.DataFrame({"text": [str(source)], "id": [doc_id or "text"]}),
                                       default_date=date))
    if not document.is_ok:   # ingest's reasons start with the file (and line) already
        raise InputError(document.reason or f"{document.path}: {document.status}")
    if document.date is None:
        raise InputError(f"{document.path or document.doc_id}: no date; give one with date=")
    return document, held


def _sentence_at(sentences, position: int):
    """The sentence holding a character position."""
    return next(s for s in reversed(sentences) if s.start <= position)


def _words(text: str) -> str:
    """A text's words, lower-cased, without quote marks or punctuation: how repeats are compared."""
    return " ".join(RE_WORD.findall(text.lower()))


def _repeat_of(words: str, read: list[tuple[str, int]]) -> int | None:
    """The first sentence read that a line repeats, whole or in part ("a pull quote"), if any."""
    for sentence_words, index in read:
        if len(sentence_words) >= MIN_REPEAT_CHARS and (sentence_words in words or words in sentence_words):
            return index
    return None


def _unread(text: str, sentences) -> list[tuple[int, int]]:
    """Stretches of the text, with words in them, that no sentence covers."""
    gaps, at = [], 0
    for sentence in sorted(sentences, key=lambda s: s.start):
        if sentence.start > at:
            gaps.append((at, sentence.start))
        at = max(at, sentence.end)
    gaps.append((at, len(text)))
    pieces = []   # each line of a gap on its own: a link line is not the repeat below it
    for start, end in gaps:
        for line in RE_LINE.finditer(text, start, end):
            if any(c.isalnum() for c in line.group()):
                pieces.append(line.span())
    return pieces


def render(trace: pd.DataFrame, width: int = 100) -> str:
    """The trace as a reader's notes: each sentence once, then what it gave.

    >>> from stance.config import Actor, Actors, Topic, Topics
    >>> actors = Actors([Actor("merz", "Friedrich Merz", aliases=("Merz",))])
    >>> topics = Topics([Topic("german_troops", "German troops in Ukraine", keywords=("German troops",))])
    >>> print(render(explain("Merz ruled out German troops on Monday.", actors, topics, date="2025-03-04")))
    [0] Merz ruled out German troops on Monday.
        + german_troops: merz ruled_out, 2025-03-03 (day, "on Monday"); cue "ruled out"; topic from a keyword
    """
    lines: list[str] = []
    shown = None
    for row in trace.itertuples(index=False):
        key = (row.sentence, row.paragraph) if row.sentence >= 0 else ("unread", row.text)
        if key != shown:
            shown = key
            label = f"[{row.sentence}]" if row.sentence >= 0 else "[-]"
            lines.append(f"{label} {_shorten(row.sentence_text, width)}")
        if row.sentence < 0:
            lines.append(f"    - {row.outcome}")
        elif row.outcome == STATEMENT:
            holder = row.holder or "(no listed actor)"
            speaker = f" (said by {row.speaker})" if row.speaker and row.speaker != row.holder else ""
            words = f', "{row.date_expression}"' if row.date_expression else ""
            lines.append(f"    + {row.topic}: {holder}{speaker} {row.stance}, {row.date:%Y-%m-%d} "
                         f"({row.date_precision}{words}); cue \"{row.cue}\"; topic from {FOUND_BY.get(row.topic_how, row.topic_how)}")
        else:
            part = "" if row.sentence_text == row.text else f' "{_shorten(row.text, 50)}"'
            topic = f"{row.topic}: " if row.topic else ""
            lines.append(f"    - {topic}{row.outcome}{part}")
    return "\n".join(lines)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
