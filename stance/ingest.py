"""Read articles from files, folders or a DataFrame into documents, accounting for every one.

A broken file is not an exception: it becomes a document with `status` "skipped" or "error"
and a `reason` that names the file and line, and the run goes on.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import yaml

from . import schema
from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
SUPPORTED = TEXT_SUFFIXES + TABLE_SUFFIXES
REQUIRED_COLUMNS = ("text", "date")
OPTIONAL_COLUMNS = ("id", "title", "source", "url")

# Front matter: a first line of three dashes, YAML, and a closing line of three dashes.
RE_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
RE_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*$", re.MULTILINE)
# HTML left in scraped text: tags, and the line breaks that block tags stood for.
RE_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,400}>")
RE_HTML_BLOCK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|p|li)\b[^<>]{0,400}>", re.IGNORECASE)
RE_HTML_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Document:
    """One article with its publication date; `status` says whether it can be analysed."""

    doc_id: str
    path: str
    text: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    date: dt.date | None = None
    status: str = "ok"
    reason: str = ""

    @property
    def is_ok(self) -> bool:
        return self.status == "ok"


def read_documents(inputs, default_date: dt.date | str | None = None,
                   today: dt.date | None = None) -> Iterator[Document]:
    """Yield every document of the inputs (paths, folders or a DataFrame), in a stable order.

    Ids repeated across inputs are kept and made unique ("id~2") in input order.

    >>> frame = pd.DataFrame({"text": ["Kallas backed the loan."], "date": ["2025-10-23"]})
    >>> [(d.doc_id, d.date.isoformat(), d.status) for d in read_documents(frame)]
    [('row-1', '2025-10-23', 'ok')]
    """
    default = _as_date(default_date) if default_date is not None else None
    today = today or dt.date.today()
    seen: dict[str, int] = {}
    for document in _raw_documents(inputs):
        document = _finish(document, default, today)
        count = seen.get(document.doc_id, 0) + 1
        seen[document.doc_id] = count
        if count > 1:
            note = f"duplicate id '{document.doc_id}', renamed '{document.doc_id}~{count}'"
            document = replace(document, doc_id=f"{document.doc_id}~{count}",
                               reason="; ".join(filter(None, (document.reason, note))))
        yield document


def documents_frame(documents: Iterable[Document], n_statements: dict[str, int] | None = None) -> pd.DataFrame:
    """The documents table of the SPEC (without the text), sorted by doc_id."""
    n_statements = n_statements or {}
    rows = [{"doc_id": d.doc_id, "path": d.path, "title": d.title, "source": d.source, "url": d.url,
             "date": pd.Timestamp(d.date) if d.date else pd.NaT, "status": d.status, "reason": d.reason,
             "n_statements": int(n_statements.get(d.doc_id, 0))} for d in documents]
    frame = pd.DataFrame(rows) if rows else schema.empty(schema.DOCUMENT_COLUMNS)
    return schema.conform(frame.sort_values("doc_id", kind="stable") if rows else frame, schema.DOCUMENT_COLUMNS)


def collect_files(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """All files under the inputs, sorted, hidden files left out, symlink loops visited once."""
    files: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise InputError("no such file or folder", path)
        if path.is_file():
            files.add(path)
            continue
        visited: set[str] = set()
        for root, dirs, names in os.walk(path, followlinks=True):
            real = os.path.realpath(root)
            if real in visited:
                dirs[:] = []
                continue
            visited.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.update(Path(root) / name for name in names if not name.startswith("."))
    return sorted(files, key=lambda p: p.as_posix())


def _raw_documents(inputs) -> Iterator[Document]:
    if isinstance(inputs, pd.DataFrame):
        yield from _rows_documents(inputs, "<DataFrame>", "row")
        return
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    frames = [item for item in inputs if isinstance(item, pd.DataFrame)]
    paths = [item for item in inputs if not isinstance(item, pd.DataFrame)]
    for number, frame in enumerate(frames, start=1):
        yield from _rows_documents(frame, f"<DataFrame {number}>", "row" if len(frames) == 1 else f"frame{number}-row")
    for path in collect_files(paths):
        yield from _file_documents(path)


def _file_documents(path: Path) -> Iterator[Document]:
    suffix = path.suffix.lower()
    name = path.as_posix()
    if suffix not in SUPPORTED:
        yield Document(path.stem or path.name, name, status="skipped",
                       reason=f"{name}: unsupported file type '{suffix or path.name}'; supported: {', '.join(SUPPORTED)}")
        return
    try:
        if suffix in TEXT_SUFFIXES:
            yield _text_document(path)
        elif suffix == ".jsonl":
            yield from _jsonl_documents(path)
        else:
            yield from _table_documents(path, suffix)
    except FileNotFoundError:
        yield Document(path.stem, name, status="error", reason=f"{name}: the file disappeared while it was being read")
    except (OSError, ValueError) as error:
        yield Document(path.stem, name, status="error", reason=f"{name}: cannot be read ({error})")


def _decode(raw: bytes) -> tuple[str | None, str]:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1; None if binary."""
    if b"\x00" in raw[:8192]:
        return None, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "not UTF-8, read as Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "not UTF-8, read as Latin-1"


def _text_document(path: Path) -> Document:
    name = path.as_posix()
    text, note = _decode(path.read_bytes())
    if text is None:
        return Document(path.stem, name, status="skipped", reason=f"{name}: {note}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, problem, line = _split_front_matter(text)
    if problem:
        return Document(path.stem, name, status="error", reason=f"{name}:{line}: {problem}")
    doc_id = str(meta.get("id") or path.stem).strip() or path.stem
    date, date_problem = _meta_date(meta.get("date"))
    reason = note
    if date_problem:
        date_line = _key_line(text, "date")
        return Document(doc_id, name, body, _meta_text(meta, "title"), _meta_text(meta, "source"),
                        _meta_text(meta, "url"), None, "skipped", f"{name}:{date_line}: {date_problem}")
    return Document(doc_id, name, body, _meta_text(meta, "title"), _meta_text(meta, "source"),
                    _meta_text(meta, "url"), date, "ok", reason)


def _split_front_matter(text: str) -> tuple[dict, str, str, int | None]:
    """(metadata, body, problem, line); a missing front matter is fine, a broken one is not."""
    opening = RE_FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, "", None
    closing = RE_FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        return {}, text, "front matter opened with '---' is never closed; add a '---' line after it", 1
    block = text[opening.end():closing.start()]
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return {}, text, f"front matter is not valid YAML ({getattr(error, 'problem', None) or error})", line
    if not isinstance(meta, dict):
        return {}, text, "front matter must be 'key: value' lines", 2
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return meta, text[body_start:], "", None


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number
    return 1


def _meta_text(meta: dict, key: str) -> str:
    value = meta.get(key)
    return "" if value is None else str(value).strip()


def _meta_date(value) -> tuple[dt.date | None, str]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    try:
        return _as_date(value), ""
    except (ValueError, TypeError, OverflowError):
        return None, f"unparseable date '{value}'; write it as YYYY-MM-DD"


def _as_date(value) -> dt.date:
    """A day from a date, a datetime, a timestamp or an ISO-like string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError("missing date")
        return value.date()
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null"}:
        raise ValueError("missing date")
    stamp = pd.Timestamp(text)
    if pd.isna(stamp):
        raise ValueError(f"unparseable date {text!r}")
    return stamp.date()


def _jsonl_documents(path: Path) -> Iterator[Document]:
    name = path.as_posix()
    text, note = _decode(path.read_bytes())
    if text is None:
        yield Document(path.stem, name, status="skipped", reason=f"{name}: {note}")
        return
    rows, broken = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            broken.append(Document(f"{path.stem}-{number}", f"{name}:{number}", status="error",
                                   reason=f"{name}:{number}: invalid JSON ({error.msg}); line left out"))
            continue
        if not isinstance(record, dict):
            broken.append(Document(f"{path.stem}-{number}", f"{name}:{number}", status="error",
                                   reason=f"{name}:{number}: each line must be a JSON object"))
            continue
        rows.append((number, record))
    frame = pd.DataFrame([record for _, record in rows], index=[number for number, _ in rows])
    if not rows:
        yield from broken
        if not broken:
            yield Document(path.stem, name, status="skipped", reason=f"{name}: empty file")
        return
    yield from _rows_documents(frame, name, path.stem, line_numbers=True)
    yield from broken


def _table_documents(path: Path, suffix: str) -> Iterator[Document]:
    name = path.as_posix()
    if suffix == ".csv":
        raw = path.read_bytes()
        text, note = _decode(raw)
        if text is None:
            yield Document(path.stem, name, status="skipped", reason=f"{name}: {note}")
            return
        if not text.strip():
            yield Document(path.stem, name, status="skipped", reason=f"{name}: empty file")
            return
        import io
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        # Row 1 of the data is line 2 of the file (after the header).
        frame.index = range(2, len(frame) + 2)
    else:
        try:
            frame = pd.read_parquet(path)
        except Exception as error:  # pyarrow raises several unrelated types for a damaged file
            yield Document(path.stem, name, status="error", reason=f"{name}: not a readable Parquet file ({error})")
            return
        frame.index = range(1, len(frame) + 1)
    yield from _rows_documents(frame, name, path.stem, line_numbers=suffix == ".csv")


def _rows_documents(frame: pd.DataFrame, name: str, stem: str, line_numbers: bool = False) -> Iterator[Document]:
    missing = [column for column in REQUIRED_COLUMNS if column not in frame.columns]
    if missing and not (missing == ["date"] and "text" in frame.columns):
        yield Document(stem, name, status="error",
                       reason=f"{name}: missing required column(s) {', '.join(missing)}; found: {', '.join(map(str, frame.columns))}")
        return
    if isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0:
        frame = frame.set_axis(range(1, len(frame) + 1))
    for number, row in frame.iterrows():
        where = f"{name}:{number}" if line_numbers else f"{name}[row {number}]"
        raw_id = row.get("id")
        doc_id = str(raw_id).strip() if _present(raw_id) else f"{stem}-{number}"
        text = row.get("text")
        if not _present(text):
            yield Document(doc_id, where, status="skipped", reason=f"{where}: no text")
            continue
        date, problem = _meta_date(row.get("date") if _present(row.get("date")) else None)
        values = {key: str(row.get(key)).strip() if _present(row.get(key)) else "" for key in ("title", "source", "url")}
        if problem:
            yield Document(doc_id, where, str(text), status="skipped", reason=f"{where}: {problem}", **values)
            continue
        yield Document(doc_id, where, str(text).replace("\r\n", "\n"), date=date, **values)


def _present(value) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    if value is pd.NaT or value is pd.NA:
        return False
    return not (isinstance(value, str) and not value.strip())


def _finish(document: Document, default: dt.date | None, today: dt.date) -> Document:
    """Apply the shared checks: HTML, emptiness, the default date, dates in the future."""
    if not document.is_ok and document.status != "skipped":
        return document
    if document.status == "skipped" and document.reason and "date" not in document.reason:
        return document
    text = document.text
    if "<" in text and RE_HTML_TAG.search(text):
        text = RE_HTML_SCRIPT.sub(" ", text)
        text = RE_HTML_BLOCK.sub("\n", text)
        text = html.unescape(RE_HTML_TAG.sub("", text))
    elif "&" in text:
        text = html.unescape(text)
    document = replace(document, text=text)
    if document.status == "skipped":
        return document
    if not text.strip():
        return replace(document, status="skipped", reason=_join(document.reason, f"{document.path}: empty document"))
    if document.date is None:
        if default is None:
            return replace(document, status="skipped",
                           reason=_join(document.reason, f"{document.path}: no date; add 'date: YYYY-MM-DD' or pass --date"))
        document = replace(document, date=default, reason=_join(document.reason, "date from --date"))
    if document.date > today:
        return replace(document, status="skipped",
                       reason=_join(document.reason, f"{document.path}: date {document.date.isoformat()} is in the future"))
    return document


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
