"""stance: who said what about which proposition, when, and when a position moved.

>>> import stance
>>> run = stance.analyze(stance.demo_corpus())          # doctest: +SKIP
>>> run.shifts[["holder", "topic", "from_stance", "to_stance"]]   # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import schema
from .analysis import Analysis, load
from .config import Actor, Actors, Topic, Topics, load_actors, load_topics
from .engine import run_documents, track
from .errors import ConfigError, InputError, ModelError, StanceError
from .extract import Extractor
from .ingest import documents_frame, read_documents
from .shifts import detect_shifts

__all__ = ["analyze", "load", "Analysis", "Actor", "Actors", "Topic", "Topics", "demo_corpus",
           "StanceError", "ConfigError", "InputError", "ModelError"]
__version__ = "0.1.0"


def analyze(inputs, actors: Actors | str | os.PathLike | None = None, topics: Topics | str | os.PathLike | None = None,
            date: dt.date | str | None = None, model: str | os.PathLike | None = None, jobs: int = 1,
            engine: str = "local", scheduler: str | None = None, progress: bool = False,
            strict: bool = False) -> Analysis:
    """Find who took which stance on which topic when, and where positions shifted.

    `inputs` are files, folders (read recursively) or DataFrames with `text` and `date` columns;
    `actors` / `topics` are YAML paths, `Actors` / `Topics` objects, or None for the shipped
    Russia-Ukraine defaults. `date` dates documents that carry none. With `strict`, the first
    document that cannot be read raises instead of being listed as skipped.

    >>> frame = pd.DataFrame({"text": ["Merz ruled out sending German troops to Ukraine."], "date": ["2025-03-02"]})
    >>> topics = Topics([Topic("german_troops", "German troops in Ukraine", keywords=("German troops",))])
    >>> actors = Actors([Actor("merz", "Friedrich Merz", aliases=("Merz",))])
    >>> analyze(frame, actors=actors, topics=topics).statements[["holder", "topic", "stance"]].values.tolist()
    [['merz', 'german_troops', 'ruled_out']]
    """
    actors, topics = load_actors(actors), load_topics(topics)
    extractor = Extractor(actors, topics, model=_load_model(model))
    if isinstance(inputs, (str, os.PathLike, pd.DataFrame)):
        inputs = [inputs]
    documents = read_documents(list(inputs), default_date=date)
    if strict:
        documents = _strictly(documents)
    seen, rows, counts = [], [], {}
    results = run_documents(documents, extractor, jobs=jobs, engine=engine, scheduler=scheduler)
    for document, document_rows, error in track(results, "analysing", progress):
        if error:
            if strict:
                raise InputError(error)
            from dataclasses import replace
            document = replace(document, status="error", reason=error)
        seen.append(document)
        rows.extend(document_rows)
        counts[document.doc_id] = len(document_rows)
    statements = statements_frame(rows)
    return Analysis(documents_frame(seen, counts), statements, detect_shifts(statements),
                    {"actors": actors.path or "<python>", "topics": topics.path or "<python>",
                     "model": str(model) if model else ""})


def statements_frame(rows: list[dict]) -> pd.DataFrame:
    """The statements table from extracted rows: typed, sorted by document, place and topic."""
    if not rows:
        return schema.empty(schema.STATEMENT_COLUMNS)
    frame = pd.DataFrame(rows).sort_values(["doc_id", "start", "topic"], kind="stable")
    frame = frame.drop_duplicates("statement_id", keep="first")
    return schema.conform(frame, schema.STATEMENT_COLUMNS)


def demo_corpus() -> Path:
    """The folder of articles bundled with the package (the `stance demo` corpus)."""
    return Path(str(resources.files("stance") / "data" / "demo"))


def _strictly(documents: Iterable):
    for document in documents:
        if not document.is_ok:
            raise InputError(document.reason or f"{document.path}: {document.status}")
        yield document


def _load_model(model):
    if model is None:
        return None
    from .model import StanceModel
    return StanceModel.load(model)
