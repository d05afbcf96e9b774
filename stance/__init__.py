"""stance: who said what about which proposition, when, and when a position moved.

>>> import stance
>>> run = stance.analyze(stance.demo_corpus())          # doctest: +SKIP
>>> run.shifts[["holder", "topic", "from_stance", "to_stance"]]   # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import schema
from .analysis import Analysis, Outline, load, load_settings, read_run_table, save_run, write_table
from .config import Actor, Actors, Names, Topic, Topics, load_actors, load_topics
from .engine import StatementColumns, run_documents, track
from .errors import ConfigError, FilterError, InputError, ModelError, StanceError
from .explain import explain
from .extract import Extractor
from .ingest import documents_frame, fingerprint, read_documents
from .shifts import contested_table, detect_shifts
from .store import StatementStore, statements_frame

__all__ = ["analyze", "analyze_into", "load", "explain", "Analysis", "Actor", "Actors", "Topic", "Topics", "demo_corpus",
           "StanceError", "ConfigError", "FilterError", "InputError", "ModelError"]
__version__ = "0.1.0"
# Ids that ingest made up or made unique: "row-3" for a DataFrame row without an id, "brief~2".
RE_POSITIONAL_ID = re.compile(r"^(?:row|frame\d+-row)-\d+$")
RE_RENAMED_ID = re.compile(r"~\d+$")
# The documents table's columns that, with the text's checksum, say a held document is unchanged.
HEADING_COLUMNS = ("date", "status", "title", "source", "url")


def analyze(inputs, actors: Actors | str | os.PathLike | None = None, topics: Topics | str | os.PathLike | None = None,
            date: dt.date | str | None = None, model: str | os.PathLike | None = None, jobs: int = 1,
            engine: str = "local", scheduler: str | None = None, progress: bool = False,
            strict: bool = False, previous: Analysis | str | os.PathLike | None = None) -> Analysis:
    """Find who took which stance on which topic when, and where positions shifted.

    `inputs` are files, folders (read recursively) or DataFrames with `text` and `date` columns;
    `actors` / `topics` are YAML paths, `Actors` / `Topics` objects, or None for the shipped
    Russia-Ukraine defaults. `date` dates documents that carry none. With `strict`, the first
    document that cannot be read raises instead of being listed as skipped.

    `previous` is an earlier run (its folder or an `Analysis`) to add the inputs to: its documents
    and statements are kept as they are, inputs it already holds (same doc_id and path) are
    skipped unless their text, date, title, source or url changed since, or they were skipped or
    failed then (then read again in place of the old), and shifts
    are found again over all statements, so the result equals one run over old and new inputs. It must have been made with the same actors, topics and model.

    >>> frame = pd.DataFrame({"text": ["Merz ruled out sending German troops to Ukraine."], "date": ["2025-03-02"]})
    >>> topics = Topics([Topic("german_troops", "German troops in Ukraine", keywords=("German troops",))])
    >>> actors = Actors([Actor("merz", "Friedrich Merz", aliases=("Merz",))])
    >>> analyze(frame, actors=actors, topics=topics).statements[["holder", "topic", "stance"]].values.tolist()
    [['merz', 'german_troops', 'ruled_out']]
    """
    actors, topics = load_actors(actors), load_topics(topics)
    settings = _settings(actors, topics, model)
    earlier = _previous_run(previous, settings)
    extractor = Extractor(actors, topics, model=_load_model(model))
    edited: set[str] = set()
    documents = _documents(inputs, date, earlier.documents if earlier is not None else None, strict, edited)
    columns = StatementColumns()
    seen, counts = _extract_all(documents, extractor, columns.extend, jobs, engine, scheduler, progress, strict)
    documents_table, statements = documents_frame(seen, counts), statements_frame(columns.frame(), consume=True)
    if earlier is not None:
        documents_table = _with_earlier(earlier.documents[~earlier.documents["doc_id"].isin(edited)], documents_table)
        kept = earlier.statements[~earlier.statements["doc_id"].isin(edited)] if edited else earlier.statements
        parts = [table for table in (kept, statements) if len(table)]
        statements = statements_frame(pd.concat(parts), consume=True) if len(parts) > 1 else (parts or [statements])[0]
    blips: list[dict] = []
    shifts = detect_shifts(statements, actors=actors, contested=blips)
    return Analysis(documents_table, statements, shifts, settings, contested_table(blips))


def analyze_into(out: str | os.PathLike, inputs, actors=None, topics=None, date=None, model=None, jobs: int = 1,
                 engine: str = "local", scheduler: str | None = None, progress: bool = False, strict: bool = False,
                 append: bool = False, charts: bool = True, force: bool = False) -> Outline:
    """`analyze`, written straight into the run folder `out` (tables, report.md, charts) as it
    goes: statements are stored to parquet in parts while documents are read, and memory holds
    only their position columns (no texts), so a corpus of any size fits (what `stance analyze`
    runs). With `append`, the run already in `out` is added to, as `previous` does for `analyze`.
    The folder is replaced atomically, as `Analysis.save` does. Returns the run's `Outline`
    (documents, shifts, the statements' position columns); `load(out)` reads all of it.
    """
    if append and Path(out).exists():
        actors, topics, model = _files_of_run(out, actors, topics, model)
    actors, topics = load_actors(actors), load_topics(topics)
    settings = _settings(actors, topics, model)
    earlier = Path(out) if append and Path(out).exists() else None
    earlier_documents = _earlier_documents(earlier, settings) if earlier is not None else None
    extractor = Extractor(actors, topics, model=_load_model(model))
    edited: set[str] = set()
    documents = _documents(inputs, date, earlier_documents, strict, edited)
    outlines = []

    def fill(staging: Path) -> None:
        store = StatementStore(staging)
        seen, counts = _extract_all(documents, extractor, store.add, jobs, engine, scheduler, progress, strict)
        documents_table = documents_frame(seen, counts)
        if earlier_documents is not None:
            documents_table = _with_earlier(earlier_documents[~earlier_documents["doc_id"].isin(edited)], documents_table)
        statements = store.finish(staging / "statements.parquet",
                                  earlier=earlier / "statements.parquet" if earlier is not None else None,
                                  dropped=edited)
        blips: list[dict] = []
        shifts = detect_shifts(statements, quotes=store.quotes, actors=actors, contested=blips)
        contested = contested_table(blips)
        write_table(documents_table, staging / "documents.parquet")
        write_table(shifts, staging / "shifts.parquet")
        write_table(contested, staging / "contested.parquet")
        outline = Outline(documents_table, statements, shifts, settings, contested)
        from . import report as reporting
        reporting.write_outputs(outline, staging, charts=charts, report=True, jobs=jobs)
        outlines.append(outline)

    save_run(out, fill, settings, force=force)
    return outlines[0]


def _files_of_run(out, actors, topics, model) -> tuple:
    """The actors, topics and model files a run was made with, for those not given: appending
    to a run reads new articles as the run read the old ones (`--append` needs no repeat of
    `--actors` and `--topics`). A file that is gone is left to the defaults and the check that
    follows, which names it."""
    settings = load_settings(out)

    def kept(name: str):
        value = settings.get(name) or None
        return value if value and value != "<python>" and Path(value).is_file() else None

    model = model if model is not None else (settings.get("model") or None)
    return (actors if actors is not None else kept("actors"), topics if topics is not None else kept("topics"), model)


def _settings(actors: Actors, topics: Topics, model) -> dict:
    # Absolute, so that `--append` and `explain --run` find the files from any folder.
    return {"actors": os.path.abspath(actors.path) if actors.path else "<python>",
            "topics": os.path.abspath(topics.path) if topics.path else "<python>",
            "model": str(model) if model else "", "fingerprint": _fingerprint(actors, topics, model),
            # Kept with the run, so its report and charts name people and topics after the files
            # are moved or changed.
            "names": Names.of(actors, topics).as_settings()}


def _documents(inputs, date, known: pd.DataFrame | None, strict: bool, edited: set[str] | None = None):
    """The documents to analyse, read lazily: those of `inputs` that `known` does not hold, and
    those it holds that were edited since (their ids go into `edited`)."""
    if isinstance(inputs, (str, os.PathLike, pd.DataFrame)):
        inputs = [inputs]
    documents = read_documents(inputs, default_date=date)
    if known is not None:
        documents = _not_in(documents, known, edited if edited is not None else set())
    if strict:
        documents = _strictly(documents)
    return documents


def _extract_all(documents, extractor: Extractor, sink, jobs: int, engine: str, scheduler: str | None,
                 progress: bool, strict: bool) -> tuple[list, dict]:
    """Run the per-document stages; each document's statement rows go to `sink`. Returns the
    documents seen (with their status) and each one's number of statements."""
    seen, counts = [], {}
    results = run_documents(documents, extractor, jobs=jobs, engine=engine, scheduler=scheduler)
    for document, document_rows, error in track(results, "analysing", progress):
        if error:
            if strict:
                raise InputError(error)
            from dataclasses import replace
            document = replace(document, status="error", reason=error)
        seen.append(document)
        sink(document_rows)
        counts[document.doc_id] = len(document_rows)
    return seen, counts


def _with_earlier(earlier: pd.DataFrame, documents_table: pd.DataFrame) -> pd.DataFrame:
    return schema.conform(pd.concat([earlier, documents_table]).sort_values("doc_id", kind="stable"),
                          schema.DOCUMENT_COLUMNS)


def demo_corpus() -> Path:
    """The folder of articles bundled with the package (the `stance demo` corpus)."""
    return Path(str(resources.files("stance") / "data" / "demo"))


def _strictly(documents: Iterable):
    for document in documents:
        if not document.is_ok:
            raise InputError(document.reason or f"{document.path}: {document.status}")
        yield document


def _previous_run(previous, settings: dict) -> Analysis | None:
    """The run to add to, checked to have been made with the same actors, topics and model
    (otherwise its statements and the new ones would not make one consistent run)."""
    if previous is None:
        return None
    earlier = previous if isinstance(previous, Analysis) else load(previous)
    _check_same_settings(earlier.settings, settings, "" if isinstance(previous, Analysis) else f"{previous}: ")
    return earlier


def _earlier_documents(folder: Path, settings: dict) -> pd.DataFrame:
    """The documents table of the run in `folder`, checked as `_previous_run` does (its
    statements are merged from disk, never read whole)."""
    _check_same_settings(load_settings(folder), settings, f"{folder}: ")
    return schema.conform(read_run_table(folder / "documents.parquet"), schema.DOCUMENT_COLUMNS)


def _check_same_settings(before: dict, settings: dict, where: str) -> None:
    if before.get("fingerprint") and before["fingerprint"] != settings["fingerprint"]:
        raise InputError(f"{where}this run was made with other actors, topics or model (actors "
                         f"{before.get('actors')}, topics {before.get('topics')}); "
                         "append with the same ones, or analyse everything again into a new folder")


def _not_in(documents: Iterable, known: pd.DataFrame, edited: set[str]):
    """The documents a run does not hold yet (by doc_id and path), with ids kept unique across
    both, as one run over everything would: a new 'brief' beside an old one becomes 'brief~2'.
    A document it holds whose text has changed since (its `fingerprint`) is read again under
    its old id, and that id goes into `edited`, so its old rows can be dropped."""
    def base(doc_id: str) -> str:
        return RE_RENAMED_ID.sub("", doc_id)
    checksums = known["checksum"] if "checksum" in known else pd.Series("", index=known.index)
    held = {(base(doc_id), path): (doc_id, checksum, _heading(row))
            for doc_id, path, checksum, row in zip(known["doc_id"], known["path"], checksums,
                                                   known[list(HEADING_COLUMNS)].itertuples(index=False))}
    taken = set(known["doc_id"])
    for document in documents:
        is_positional = RE_POSITIONAL_ID.match(document.doc_id) and document.path.startswith("<DataFrame")
        old = held.get((base(document.doc_id), document.path)) if not is_positional else None
        if old is not None:
            old_id, old_checksum, old_heading = old
            same_text = not old_checksum or not document.text or old_checksum == fingerprint(document.text)
            # A file skipped for want of a date and then given one (in its front matter, which
            # the checksum leaves out, or by --date) changed only here; one dated by an earlier
            # --date and given none this time keeps what it gave.
            if same_text and (old_heading == _heading(document) or not document.is_ok):
                continue   # read before, unchanged (or a run from before fingerprints were kept)
            from dataclasses import replace
            edited.add(old_id)
            yield replace(document, doc_id=old_id)   # as a run over everything would read it
            continue
        if document.doc_id in taken:
            from dataclasses import replace
            stem, number = base(document.doc_id), 2
            while f"{stem}~{number}" in taken:
                number += 1
            note = f"duplicate id '{stem}', renamed '{stem}~{number}'"
            document = replace(document, doc_id=f"{stem}~{number}", reason="; ".join(filter(None, (document.reason, note))))
        taken.add(document.doc_id)
        yield document


def _heading(document) -> tuple:
    """What a run keeps of a document besides its text, as one comparable value: a change to
    any of them (a date added, a title corrected, a skipped file now readable) reads it again."""
    values = [getattr(document, column) for column in HEADING_COLUMNS]
    values[0] = values[0] if values[0] is None or pd.isna(values[0]) else pd.Timestamp(values[0]).strftime("%Y-%m-%d")
    return tuple("" if value is None or pd.isna(value) else str(value) for value in values)


def _fingerprint(actors: Actors, topics: Topics, model) -> str:
    """What a run's statements depend on besides the text: actors, topics and model."""
    import dataclasses
    import hashlib
    entries = [{k: v for k, v in dataclasses.asdict(e).items() if k != "line"} for e in (*actors, *topics)]
    return hashlib.sha1(repr((entries, str(model or ""))).encode("utf-8")).hexdigest()[:16]


def _load_model(model):
    """The model that reads stance where no stance word does: a model folder, or "default" for
    the one shipped (trained on the tune splits of all the gold stories). None: the rules' own
    default (an actor speaking of a topic favours it unless negated), which did as well story by
    story."""
    if model is None:
        return None
    from .model import StanceModel
    if str(model) == "default":
        model = Path(str(resources.files("stance") / "data" / "model"))
    return StanceModel.load(model)
