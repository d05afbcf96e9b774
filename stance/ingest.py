"""Read articles from files, folders or a DataFrame into documents, accounting for every one.

A broken file is not an exception: it becomes a document with `status` "skipped" or "error"
and a `reason` that names the file and line, and the run goes on. Only inputs that cannot be
read at all (a path that does not exist, a `--date` that is no date, no files anywhere) raise.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import hashlib
import io
import json
import os
import re
import sys
import warnings
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
# What to do with the files people most often have instead.
CONVERSIONS = {".json": "a JSON list of articles: write one object per line as .jsonl",
               ".xlsx": "save the sheet as .csv", ".xls": "save the sheet as .csv", ".ods": "save the sheet as .csv",
               ".docx": "save it as plain text, .txt", ".doc": "save it as plain text, .txt",
               ".rtf": "save it as plain text, .txt", ".odt": "save it as plain text, .txt",
               ".pdf": "copy its text into a .txt file",
               ".html": "save the page's text as .txt; tags left in it are removed", ".htm": "save the page's text as .txt; tags left in it are removed"}
REQUIRED_COLUMNS = ("text", "date")
OPTIONAL_COLUMNS = ("id", "title", "source", "url")
FRONT_MATTER_KEYS = ("id", "title", "date", "source", "url")
# A long live blog is well under 1 MB; ten times that is a scraping accident (a whole site in one
# file), which would take minutes and flood the tables with one day's statements.
MAX_DOCUMENT_SIZE = 10_000_000
# The file a run folder carries (see analysis.MARKER): a run inside an input folder is not input.
RUN_MARKER = ".stance-run.json"
BINARY_SAMPLE = 8192
FUTURE_TOLERANCE = dt.timedelta(days=1)   # an article from a time zone ahead of ours is not "future"

# Front matter: optional blank lines, a line of three dashes, YAML, and a closing line of dashes.
RE_FRONT_MATTER_OPEN = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n")
RE_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*$", re.MULTILINE)
# HTML left in scraped text: tags (a letter right after "<", as in every real tag), comments,
# and the line breaks that block tags stood for.
RE_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]{0,400})?/?>")
RE_HTML_COMMENT = re.compile(r"<!--.*?-->|<![a-zA-Z][^<>]{0,400}>", re.DOTALL)
RE_HTML_BLOCK = re.compile(r"</?(?:br|p|div|li|ul|ol|tr|h[1-6]|blockquote|section|article)\b[^<>]{0,400}>",
                           re.IGNORECASE)
RE_HTML_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,400}>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Dates: an ISO day, optionally with a time ("2025-08-20", "2025-08-20T09:30:00+02:00") ...
RE_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$")
# ... or day and month in digits, whose order is only known when one of them exceeds 12: the two
# numbers, one separator used twice ("03/04", "03-04", "3.4"), the year, and a time if any.
RE_NUMERIC_DAY = re.compile(r"^(\d{1,2})([/.\- ])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,]+\d{1,2}[:.]\d{2}\b.*)?$")
# A front matter line as a writer means it: a key at the margin, a colon, the rest is the value.
RE_FLAT_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
# Columns that scrapers and exports use for the article text.
TEXT_LIKE_COLUMNS = ("body", "content", "article", "full_text", "fulltext", "text_content", "story", "article_text")
# A day written in full near the top of an undated text: "April 9, 2026", "9 April 2026", "2026-04-09".
MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
               r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
RE_OPENING_DAY = re.compile(rf"\b(?:{MONTH_NAMES} \d{{1,2}}, \d{{4}}|\d{{1,2}} {MONTH_NAMES},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
OPENING_CHARS = 300   # the headline and dateline, not the story
RE_NUMBER = re.compile(r"^-?(?:\d{5,}|\d+\.\d+)$")   # a year alone ("2025") is told apart later
# A day written as one number, 20250820 (year, month, day), which is read; other numbers are not.
RE_COMPACT_DAY = re.compile(r"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
# The first line Excel writes to say which separator the file uses: "sep=;" (or "sep=,", "sep=\t").
RE_EXCEL_SEPARATOR = re.compile(r'^\ufeff?"?sep=([,;\t|])"?\s*$', re.IGNORECASE)
# Front matter keys that hold a date under another name ("published:", "pubDate:", "created:").
# ("readingTime:" is no date, so "time" only on its own.)
RE_DATE_LIKE_KEY = re.compile(r"date|publish|created|^\s*(?:time|timestamp)\s*$", re.IGNORECASE)
# A 'date:' line among the first lines of a file that has no front matter block around it.
RE_UNFENCED_DATE = re.compile(r"\A(?:[^\n]*\n){0,8}?[ \t]*date[ \t]*[:=]", re.IGNORECASE)
# Control characters that never occur in text (tab, newlines, form feed and escape do).
CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13, 26, 27})
# A character of two, three or four bytes in UTF-8: evidence a file is UTF-8 even if damaged.
RE_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


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
    checksum: str = ""   # `fingerprint` of the text, kept once the text is let go

    @property
    def is_ok(self) -> bool:
        return self.status == "ok"



def fingerprint(text: str) -> str:
    """A short fingerprint of a document's text ("" for none): `--append` compares it to tell
    an edited file from one it has read.

    >>> fingerprint("Merz ruled out troops.") == fingerprint("Merz ruled out troops.") != fingerprint("Merz backed troops.")
    True
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16] if text else ""


def read_documents(inputs, default_date: dt.date | str | None = None,
                   today: dt.date | None = None) -> Iterator[Document]:
    """Yield every document of the inputs (paths, folders or a DataFrame), in a stable order.

    Files are read in sorted path order whatever the order they were given in. Ids repeated
    across inputs are kept and made unique ("id~2") in that order, and the reason says so.

    >>> frame = pd.DataFrame({"text": ["Kallas backed the loan."], "date": ["2025-10-23"]})
    >>> [(d.doc_id, d.date.isoformat(), d.status) for d in read_documents(frame)]
    [('row-1', '2025-10-23', 'ok')]
    """
    default = None
    if default_date is not None:
        try:
            default = _as_date(default_date)
        except (ValueError, TypeError, OverflowError) as error:
            raise InputError(f"--date '{default_date}' is not a day ({error}); write it as YYYY-MM-DD") from None
    today = today or dt.date.today()
    owners: dict[str, str] = {}   # doc_id -> path of the document that has it
    for document in _raw_documents(inputs):
        document = _finish(document, default, today)
        if document.doc_id in owners:
            document = _renamed(document, owners)
        owners[document.doc_id] = document.path
        yield document


def documents_frame(documents: Iterable[Document], n_statements: dict[str, int] | None = None) -> pd.DataFrame:
    """The documents table of the SPEC (without the text), sorted by doc_id."""
    n_statements = n_statements or {}
    rows = [{"doc_id": d.doc_id, "path": d.path, "title": d.title, "source": d.source, "url": d.url,
             "date": pd.Timestamp(d.date) if d.date else pd.NaT, "status": d.status, "reason": d.reason,
             "n_statements": int(n_statements.get(d.doc_id, 0)), "checksum": d.checksum} for d in documents]
    frame = pd.DataFrame(rows) if rows else schema.empty(schema.DOCUMENT_COLUMNS)
    return schema.conform(frame.sort_values("doc_id", kind="stable") if rows else frame, schema.DOCUMENT_COLUMNS)


def collect_files(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """All files under the inputs, sorted, each once; hidden files, run folders and loops left out.

    Folders that cannot be listed are left out here; `read_documents` reports them as errors.
    """
    return [path for path, problem in _collect(inputs) if not problem]


def _collect(inputs: Iterable[str | os.PathLike]) -> list[tuple[Path, str]]:
    """(path, problem) for every file under the inputs and every folder that cannot be listed,
    sorted by path. A file reached twice (through a symlink, or given twice) is read once, by
    its own path rather than a link's."""
    found: dict[str, tuple[tuple[bool, str], Path, str]] = {}

    def add(path: Path, problem: str = "") -> None:
        real = os.path.realpath(path)
        key = real if not problem else f"{real}\0folder"
        rank = (real != os.path.abspath(path), path.as_posix())
        if key not in found or rank < found[key][0]:
            found[key] = (rank, path, problem)

    def unlistable(error: OSError) -> None:
        # A folder that vanished or cannot be read must not lose its files without a word.
        add(Path(error.filename or "."), f"folder cannot be read ({_describe(error)}); its files are left out")

    for item in inputs:
        path = Path(item)
        if not path.exists() and not path.is_symlink():
            if isinstance(item, str) and " " in item.strip() and not any(mark in item for mark in "/\\"):
                # A sentence passed as if it were an article: what was meant is a table of texts.
                raise InputError(f"'{_shortened(item)}' is no file or folder; to analyse texts, pass a DataFrame "
                                 "with 'text' and 'date' columns")
            raise InputError("no such file or folder", path)
        if not path.is_dir():
            add(path)
            continue
        if (path / RUN_MARKER).exists():
            raise InputError("this folder holds the output of a stance run, not articles; give the articles' folder",
                             path)
        visited: set[str] = set()
        for root, dirs, names in os.walk(path, followlinks=True, onerror=unlistable):
            real = os.path.realpath(root)
            if real in visited or RUN_MARKER in names:
                dirs[:] = []    # a symlink loop, or the output of an earlier run inside the input
                continue
            visited.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in names:
                if not name.startswith("."):
                    add(Path(root) / name)
    return [(path, problem) for _, path, problem in sorted(found.values(), key=lambda item: item[1].as_posix())]


def _shortened(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def _raw_documents(inputs) -> Iterator[Document]:
    if isinstance(inputs, pd.DataFrame):
        yield from _rows_documents(inputs, "<DataFrame>", "row")
        return
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if inputs is None or isinstance(inputs, (bytes, dict)):
        raise InputError(f"inputs are files, folders or DataFrames, not {type(inputs).__name__}")
    inputs = list(inputs)
    if not inputs:
        raise InputError("no inputs; give files, folders or a DataFrame with text and date columns")
    frames = [item for item in inputs if isinstance(item, pd.DataFrame)]
    paths = [item for item in inputs if not isinstance(item, pd.DataFrame)]
    for number, frame in enumerate(frames, start=1):
        yield from _rows_documents(frame, f"<DataFrame {number}>", "row" if len(frames) == 1 else f"frame{number}-row")
    if not paths:
        return
    files = _collect(paths)
    if not files and not frames:
        shown = ", ".join(str(path) for path in paths)
        raise InputError(f"no files to read in {shown}; give .txt, .md, .jsonl, .csv or .parquet files or folders of them")
    for path, problem in files:
        if problem:
            yield Document(path.name or path.as_posix(), path.as_posix(), status="error",
                           reason=f"{path.as_posix()}: {problem}")
        else:
            yield from _file_documents(path)


def _file_documents(path: Path) -> Iterator[Document]:
    """The documents of one file; whatever goes wrong becomes a document with a reason."""
    suffix = path.suffix.lower()
    name = path.as_posix()
    stem = path.stem or path.name
    if suffix not in SUPPORTED:
        yield Document(stem, name, status="skipped",
                       reason=f"{name}: unsupported file type '{suffix or path.name}'; supported: {', '.join(SUPPORTED)}"
                              + (f" ({CONVERSIONS[suffix]})" if suffix in CONVERSIONS else ""))
        return
    try:
        if path.is_symlink() and not path.exists():
            yield Document(stem, name, status="error",
                           reason=f"{name}: broken link to {os.readlink(path)}; the file it points to does not exist")
            return
        if not path.exists():
            raise FileNotFoundError(name)
        if not path.is_file():
            yield Document(stem, name, status="skipped", reason=f"{name}: not a regular file (a pipe, socket or device)")
            return
        if suffix in TEXT_SUFFIXES:
            yield _text_document(path)
        elif suffix == ".jsonl":
            yield from _jsonl_documents(path)
        elif suffix == ".csv":
            yield from _csv_documents(path)
        else:
            yield from _parquet_documents(path)
    except FileNotFoundError:
        yield Document(stem, name, status="error", reason=f"{name}: the file disappeared before it could be read")
    except (OSError, ValueError, yaml.YAMLError) as error:
        yield Document(stem, name, status="error", reason=f"{name}: cannot be read ({_describe(error)})")


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _decode(raw: bytes) -> tuple[str | None, str]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else Windows-1252,
    else Latin-1; None (and why) for a binary file.

    >>> _decode("Zelensky’s".encode("cp1252"))
    ('Zelensky’s', 'not UTF-8; read as Windows-1252')
    >>> _decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (None, 'binary file, not text (it contains control bytes such as NUL)')
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), f"read as {encoding.upper()}"
            except UnicodeDecodeError:
                break
    sample = raw[:BINARY_SAMPLE]
    if b"\x00" in sample or len(sample.translate(None, CONTROL_BYTES)) < 0.95 * len(sample):
        return None, "binary file, not text (it contains control bytes such as NUL)"
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few stray bytes (pasted from elsewhere): keep the UTF-8, mark the strays.
    text = raw.decode("utf-8-sig", errors="replace")
    damaged = text.count("\ufffd") - raw.count("\ufffd".encode())
    if len(RE_UTF8_MULTIBYTE.findall(raw)) > damaged:
        return text, f"not valid UTF-8 in {_plural(damaged, 'place')}, shown as \ufffd"
    try:
        return raw.decode("cp1252"), "not UTF-8; read as Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "not UTF-8; read as Latin-1"


def _read_text(path: Path) -> tuple[str | None, str]:
    """The decoded text of a file (None if binary) and a note on how it was decoded."""
    text, note = _decode(path.read_bytes())
    return text, (f"{path.as_posix()}: {note}" if note else "")


def _too_big(size: int) -> str:
    return (f"{size / 1e6:.1f} MB is too long for one article (the limit is {MAX_DOCUMENT_SIZE / 1e6:.0f} MB); "
            "split it into articles")


def _text_document(path: Path) -> Document:
    name = path.as_posix()
    size = path.stat().st_size
    if size > MAX_DOCUMENT_SIZE:   # decided before reading: a huge file is never loaded
        return Document(path.stem, name, status="skipped", reason=f"{name}: {_too_big(size)}")
    text, note = _read_text(path)
    if text is None:
        return Document(path.stem, name, status="skipped", reason=note)
    text = _newlines(text)
    meta, body, problem, line = _split_front_matter(text)
    if problem and meta:   # read all the same, line by line: the problem is a note
        note = _join(note, f"{name}:{line}: {problem}")
    elif problem:
        return Document(path.stem, name, status="error", reason=f"{name}:{line}: {problem}")
    doc_id = _meta_text(meta, "id") or path.stem
    date, date_problem = _meta_date(meta.get("date"))
    values = {key: _meta_text(meta, key) for key in ("title", "source", "url")}
    if date_problem:
        return Document(doc_id, name, body, **values, status="skipped",
                        reason=_join(note, f"{name}:{_key_line(text, 'date')}: {date_problem}"))
    hint = _undated_hint(meta, text) if date is None else ""
    return Document(doc_id, name, body, **values, date=date, reason=_join(note, f"{name}: {hint}" if hint else ""))


def _newlines(text: str) -> str:
    """Windows and old Mac line ends as "\\n", so lines and offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class _FrontMatterLoader(yaml.SafeLoader):
    """safe_load that keeps dates as written, so '2025-13-45' is our error, not YAML's crash."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


# libyaml's parser, where PyYAML has it, reads a front matter five times faster; what it makes
# of the events (dates kept as written) is the same. A block it cannot read, or that is more
# than flat `key: value` lines (libyaml nests deeper than PyYAML will), is read again by the
# pure-Python loader, so every front matter gets the same result or error either way.
FLAT_VALUES = (str, int, float, bool, type(None))
_FastFrontMatterLoader = type("_FastFrontMatterLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),),
                              {"yaml_implicit_resolvers": _FrontMatterLoader.yaml_implicit_resolvers})


def _load_front_matter(block: str):
    """The YAML of a front matter block, read by libyaml where it can, else by PyYAML itself."""
    try:
        meta = yaml.load(block, Loader=_FastFrontMatterLoader)
    except Exception:   # any failure: the pure-Python loader raises it again, in its own words
        meta = None
    else:
        if isinstance(meta, dict) and all(isinstance(value, FLAT_VALUES) for value in meta.values()):
            return meta
    return yaml.load(block, Loader=_FrontMatterLoader)


def _split_front_matter(text: str) -> tuple[dict, str, str, int | None]:
    """(metadata, body, problem, line); a missing front matter is fine, a broken one is not.
    Metadata and a problem together: YAML could not read the block, its lines could."""
    opening = RE_FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, "", None
    first_line = text.count("\n", 0, opening.end())   # the line of the opening dashes
    closing = RE_FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        return {}, text, "front matter opened with '---' is never closed; add a '---' line after it", first_line
    block = text[opening.end():closing.start()]
    try:
        meta = _load_front_matter(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line + 1 if mark is not None else first_line
        problem = f"front matter is not valid YAML ({getattr(error, 'problem', None) or error})"
        # Titles hold colons, quotes and brackets ("title: Trump: no troops"), which YAML reads as
        # structure; a block of plain one-line values is read as the writer meant it.
        flat = _flat_front_matter(block) if isinstance(error, (yaml.scanner.ScannerError, yaml.parser.ParserError)) else None
        if flat is None:
            return {}, text, problem, line
        body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
        return _lowered_keys(flat), text[body_start:], f"{problem}; read line by line as 'key: value'", line
    except (ValueError, TypeError, OverflowError) as error:   # a value YAML cannot construct
        return {}, text, f"front matter is not valid YAML ({error})", first_line
    except RecursionError:
        return {}, text, "front matter is not valid YAML (nested too deeply)", first_line
    if not isinstance(meta, dict):
        return {}, text, "front matter must be 'key: value' lines", first_line + 1
    if any(value is None for value in meta.values()):
        # 'title: #1 in the polls' is a YAML comment, so an empty title; the line says otherwise.
        flat = _flat_front_matter(block) or {}
        meta = {key: flat.get(key) if value is None and isinstance(key, str) else value for key, value in meta.items()}
    meta = _lowered_keys(meta)
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float, dt.date)):
            return {}, text, f"front matter '{key}' must be a single value, not a list or mapping", _key_line(text, key)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return meta, text[body_start:], "", None


def _flat_front_matter(block: str) -> dict | None:
    """Each line of a front matter block as a key and the rest of the line, outer quotes
    removed; None unless every line (comments and blank lines aside) has that form.

    >>> _flat_front_matter('title: Trump: "never" on troops\\ndate: 2025-08-20')
    {'title': 'Trump: "never" on troops', 'date': '2025-08-20'}
    """
    meta: dict = {}
    for line in block.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        match = RE_FLAT_LINE.match(line)
        if not match or match.group(1) in meta:
            return None
        value = (match.group(2) or "").strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[match.group(1)] = value or None
    return meta or None


def _lowered_keys(meta: dict) -> dict:
    """'Date:' and 'Title:', as some exporters write them, are the keys 'date:' and 'title:'
    (where both are given, the lower-case one counts)."""
    lowered: dict = {}
    for key, value in meta.items():
        name = str(key).strip().lower()
        if name not in lowered or str(key) == name:
            lowered[name] = value
    return lowered


def _undated_hint(meta: dict, text: str) -> str:
    """Why a file that seems to carry a date has none: the date under another key, or a date
    line with no front matter block around it."""
    others = [str(key) for key in meta if key != "date" and RE_DATE_LIKE_KEY.search(str(key))]
    if others:
        return f"'{others[0]}:' is not read as the date; name it 'date:'"
    if not meta and RE_UNFENCED_DATE.match(text):
        return "its 'date:' line is not in a front matter block; put a '---' line above and below that block"
    return ""


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().lower().startswith(f"{key}:"):
            return number
    return 1


def _meta_text(meta: dict, key: str) -> str:
    value = meta.get(key)
    return "" if value is None else str(value).strip()


def _meta_date(value) -> tuple[dt.date | None, str]:
    """(day, problem): None and no problem when there is no date at all."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    try:
        return _as_date(value), ""
    except (ValueError, TypeError, OverflowError) as error:
        shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "..."
        return None, f"cannot read the date '{shown}' ({error}); write it as YYYY-MM-DD"


def parse_day(value) -> dt.date:
    """A day as a user writes it (ISO, "20 August 2025", a Timestamp), read strictly: a value
    that leaves the day, month or year to a guess raises ValueError.

    >>> parse_day("2025-08-20T23:10:00+02:00")
    datetime.date(2025, 8, 20)
    """
    return _as_date(value)


def _as_date(value) -> dt.date:
    """A day from a date, a datetime, a timestamp or a written date; never a guess.

    >>> _as_date("20 August 2025"), _as_date("2025-08-20T23:10:00+02:00")
    (datetime.date(2025, 8, 20), datetime.date(2025, 8, 20))
    >>> _as_date("August 2025")
    Traceback (most recent call last):
    ValueError: no day of the month
    """
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError("missing date")
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        raise ValueError("missing date")
    if isinstance(value, bytes):   # a Parquet column of binary strings
        value = value.decode("utf-8", errors="replace")

    if hasattr(value, "dtype") and str(getattr(value, "dtype", "")).startswith("datetime64"):
        return _as_date(pd.Timestamp(value))
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null"}:
        raise ValueError("missing date")
    if len(text) > 60:
        raise ValueError("too long for a date")
    if text.endswith(".0") and text[:-2].isdigit():   # 20250820 from a column of numbers with a gap
        text = text[:-2]
    if RE_NUMBER.match(text) and not RE_COMPACT_DAY.match(text):
        # Seconds or milliseconds since 1970, or a spreadsheet's count of days: which, is a guess.
        raise ValueError("a number, perhaps a timestamp or a spreadsheet's day count; not read as a day")
    iso = RE_ISO_DAY.match(text)
    if iso:
        return dt.date.fromisoformat(iso.group(1))
    numeric = RE_NUMERIC_DAY.match(text)
    if numeric:
        first, _, second, year = numeric.groups()
        if len(year) == 2:
            raise ValueError(f"the year '{year}' has two digits; write it in full")
        first, second, year = int(first), int(second), int(year)
        if first <= 12 and second <= 12 and first != second:
            raise ValueError(f"{first}/{second} could be day/month or month/day")
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return dt.date(year, month, day)
    return _written_date(text)


def _written_date(text: str) -> dt.date:
    """'20 August 2025', 'Aug 20, 2025': parsed twice with different defaults, so that a missing
    year, month or day shows up as a difference instead of being silently filled in."""
    from dateutil import parser
    try:
        with warnings.catch_warnings():   # "BST" and other unknown zones: the day is still right
            warnings.simplefilter("ignore")
            first = parser.parse(text, default=dt.datetime(2000, 1, 1))
            second = parser.parse(text, default=dt.datetime(2004, 2, 2))
    except (parser.ParserError, OverflowError) as error:
        raise ValueError(str(error).split(":")[0].lower() or "not a date") from None
    if first.year != second.year:
        raise ValueError("no year")
    if first.month != second.month:
        raise ValueError("no month")
    if first.day != second.day:
        raise ValueError("no day of the month")
    return first.date()


def _jsonl_documents(path: Path) -> Iterator[Document]:
    name = path.as_posix()
    text, note = _read_text(path)
    if text is None:
        yield Document(path.stem, name, status="skipped", reason=note)
        return
    rows, broken = [], []
    # Only "\n" ends a JSON line: str.splitlines would also cut at U+2028, valid inside a string.
    for number, line in enumerate(_newlines(text).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:   # RecursionError: "[[[[..." nested too deeply
            problem = "nested too deeply" if isinstance(error, RecursionError) else _json_problem(error)
            broken.append(Document(f"{path.stem}-{number}", f"{name}:{number}", status="error",
                                   reason=f"{name}:{number}: invalid JSON ({problem}); line left out"))
            continue
        if not isinstance(record, dict):
            broken.append(Document(f"{path.stem}-{number}", f"{name}:{number}", status="error",
                                   reason=f"{name}:{number}: each line must be a JSON object {{\"text\": ..., \"date\": ...}}"))
            continue
        rows.append((number, record))
    if not rows:
        yield from broken
        if not broken:
            yield Document(path.stem, name, status="skipped", reason=f"{name}: empty file")
        return
    frame = pd.DataFrame([record for _, record in rows], index=[number for number, _ in rows])
    yield from _merged(_rows_documents(frame, name, path.stem, line_numbers=True, note=note), broken)


def _json_problem(error: ValueError) -> str:
    """What is wrong with a JSON line and where in it: "Unterminated string starting at column 10"
    (the decoder's own message stops at "starting at", its position given apart)."""
    if not isinstance(error, json.JSONDecodeError):
        return str(error)
    where = f"{error.msg} column {error.colno}" if error.msg.endswith(" at") else f"{error.msg} at column {error.colno}"
    return f"{where}, where the line ends" if error.pos >= len(error.doc.rstrip()) else where


def _merged(documents: Iterable[Document], broken: list[Document]) -> Iterator[Document]:
    """The documents of a table and its broken lines, in line order."""
    def line_of(document: Document) -> int:
        tail = document.path.rsplit(":", 1)[-1]
        return int(tail) if tail.isdigit() else 0
    yield from sorted([*documents, *broken], key=line_of)


def _csv_documents(path: Path) -> Iterator[Document]:
    name = path.as_posix()
    text, note = _read_text(path)
    if text is None:
        yield Document(path.stem, name, status="skipped", reason=note)
        return
    if not text.strip():
        yield Document(path.stem, name, status="skipped", reason=f"{name}: empty file")
        return
    header, records, broken = _csv_records(text, name, path.stem)
    if header is None or not records:
        if not broken:
            yield Document(path.stem, name, status="skipped", reason=f"{name}: no rows after the header line")
        yield from broken
        return
    frame = pd.DataFrame([record for _, record in records], index=[line for line, _ in records], columns=header)
    yield from _merged(_rows_documents(frame, name, path.stem, line_numbers=True, note=note), broken)


def _csv_records(text: str, name: str, stem: str) -> tuple[list[str] | None, list[tuple[int, dict]], list[Document]]:
    """(header, [(line, record)], broken rows) of a CSV; a quoted field may span several lines,
    so each record is numbered by the line it starts on."""
    header, records, broken = None, [], []
    limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))   # an article is longer than csv's 128 kB default
    first = next((line for line in text.splitlines() if line.strip()), "")
    declared = RE_EXCEL_SEPARATOR.match(first)   # Excel's "sep=;" line names the separator
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=declared.group(1) if declared else _csv_delimiter(text))
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(field.strip() for field in row):
                continue
            if declared:   # the first line with anything on it: the separator, not the header
                declared = None
                continue
            if header is None:
                header = _unique_names([field.strip() for field in row])
                continue
            if len(row) != len(header):
                broken.append(Document(f"{stem}-{line}", f"{name}:{line}", status="error",
                                       reason=f"{name}:{line}: {_plural(len(row), 'field')} where the header has {len(header)} "
                                              "(a stray comma or quote?); row left out"))
                continue
            records.append((line, dict(zip(header, row))))
    except csv.Error as error:
        broken.append(Document(f"{stem}-{start}", f"{name}:{start}", status="error",
                               reason=f"{name}:{start}: not valid CSV ({error}); this row and the rest are left out"))
    finally:
        csv.field_size_limit(limit)
    return header, records, broken


def _csv_delimiter(text: str, column: str = "text") -> str:
    """The comma, unless the header line names the `column` (`text`) only when split at
    semicolons (the CSV that spreadsheets write where the comma is the decimal mark) or at tabs.

    >>> _csv_delimiter("id;text;date\\nx;Merz said, firmly, no;2025-08-20\\n")
    ';'
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in (",", ";", "\t"):
        try:
            names = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:   # a stray quote or NUL: the reader proper reports it, with its line
            return ","
        if column.lower() in (name.strip().lower() for name in names):
            return delimiter
    return ","


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return unique


def _parquet_documents(path: Path) -> Iterator[Document]:
    name = path.as_posix()
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise
    except Exception as error:  # pyarrow raises several unrelated types for a damaged file
        yield Document(path.stem, name, status="error", reason=f"{name}: not a readable Parquet file ({error})")
        return
    if frame.empty:
        yield Document(path.stem, name, status="skipped", reason=f"{name}: no rows")
        return
    frame.index = range(1, len(frame) + 1)
    yield from _rows_documents(frame, name, path.stem)


def _rows_documents(frame: pd.DataFrame, name: str, stem: str, line_numbers: bool = False,
                    note: str = "") -> Iterator[Document]:
    """One document per row; `text` is required, `date` may come from --date."""
    columns = _find_columns(frame)
    doubled = [key for key in REQUIRED_COLUMNS if list(frame.columns).count(key) > 1]
    if doubled:
        yield Document(stem, name, status="error",
                       reason=f"{name}: column(s) {', '.join(doubled)} occur more than once; keep one of each")
        return
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if "text" in missing:
        found = ", ".join(map(str, frame.columns)) or "none"
        texts = [column for column in frame.columns if str(column).strip().lower() in TEXT_LIKE_COLUMNS]
        hint = f"; if '{texts[0]}' holds the articles, name that column 'text'" if len(texts) == 1 else ""
        yield Document(stem, name, status="error",
                       reason=f"{name}: missing required column(s) {', '.join(missing)}; found: {found}{hint}")
        return
    dates = [column for column in frame.columns if RE_DATE_LIKE_KEY.search(str(column))] if "date" in missing else []
    if dates:   # each undated row says which column was probably meant
        note = _join(note, f"{name}: column '{dates[0]}' is not read as the date; name it 'date'")
    labels = frame.index
    # Rows are named by their index when it is one number per row (a frame filtered from a larger
    # one keeps its row numbers); a default index counts from 1, and any other index (dates,
    # urls, repeats, several levels) gives way to positions, which make plain ids.
    if (isinstance(labels, pd.RangeIndex) and labels.start == 0) or isinstance(labels, pd.MultiIndex) \
            or not pd.api.types.is_integer_dtype(labels) or not labels.is_unique:
        frame = frame.set_axis(range(1, len(frame) + 1))
    # Column by column, not iterrows: each value keeps its own type (a Timestamp stays one).
    values = [frame[columns[key]].tolist() if key in columns else [None] * len(frame)
              for key in ("id", "text", "date", "title", "source", "url")]
    order = _column_day_order(values[2], frame.index, name, line_numbers)
    for number, raw_id, text, date, *extra in zip(frame.index, *values):
        where = f"{name}:{number}" if line_numbers else f"{name}[row {number}]"
        doc_id = _id_text(raw_id) if _present(raw_id) else f"{stem}-{number}"
        fields = {key: str(value).strip() if _present(value) else ""
                  for key, value in zip(("title", "source", "url"), extra)}
        if isinstance(text, bytes):
            text = _decode(text)[0]
        if isinstance(text, (list, tuple, dict)) or hasattr(text, "shape"):
            kind = "mapping" if isinstance(text, dict) else "list"
            yield Document(doc_id, where, status="error", **fields,
                           reason=f"{where}: 'text' holds a {kind}, not a string; give each row one text")
            continue
        if not _present(text):
            yield Document(doc_id, where, status="skipped", reason=f"{where}: no text", **fields)
            continue
        day, problem = _meta_date(date if _present(date) else None)
        if problem:
            if order and "could be day/month or month/day" in problem:
                problem += f"; other rows of the column put the {order}"
            yield Document(doc_id, where, status="skipped", reason=f"{where}: {problem}", **fields)
            continue
        yield Document(doc_id, where, _newlines(str(text)), date=day, reason=note, **fields)


def _column_day_order(dates: list, labels, name: str, line_numbers: bool) -> str:
    """How the column's unambiguous dates order day and month ("day first, as in 24/02/2026 at
    feed.csv:18"), when they all agree: a hint for the rows that could be read either way, which
    are still skipped (a column of dates from several sources may mix both)."""
    orders: dict[str, str] = {}
    for label, value in zip(labels, dates):
        numeric = RE_NUMERIC_DAY.match(str(value).strip()) if isinstance(value, str) else None
        if numeric is None:
            continue
        first, second = int(numeric.group(1)), int(numeric.group(3))
        if (first > 12) == (second > 12):
            continue
        where = f"{name}:{label}" if line_numbers else f"{name}[row {label}]"
        orders.setdefault("day first" if first > 12 else "month first", f"{value.strip()} at {where}")
    if len(orders) != 1:
        return ""
    [(order, example)] = orders.items()
    return f"{order}, as in {example}"


def _id_text(value) -> str:
    """An id as written: 17, not the 17.0 a column of numbers with a gap turns it into."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _find_columns(frame: pd.DataFrame) -> dict[str, object]:
    """Column of each known field: the exact name, else the one spelled with other case or spaces
    (a name that occurs twice is ambiguous, and not used)."""
    found = {}
    for key in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        if list(frame.columns).count(key) == 1:
            found[key] = key
            continue
        loose = [column for column in frame.columns if str(column).strip().lower() == key]
        if len(loose) == 1:
            found[key] = loose[0]
    return found


def _present(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def _finish(document: Document, default: dt.date | None, today: dt.date) -> Document:
    """Apply the shared checks: size, HTML, emptiness, the default date, dates in the future."""
    if not document.is_ok:
        return document
    if len(document.text) > MAX_DOCUMENT_SIZE:
        return replace(document, text="", status="skipped", reason=f"{document.path}: {_too_big(len(document.text))}")
    text = _without_html(document.text)
    document = replace(document, text=text)
    if not text.strip():
        return replace(document, status="skipped",
                       reason=_join(document.reason, f"{document.path}: empty document, no text to analyse"))
    if document.date is None:
        if default is None:
            where = "'date: YYYY-MM-DD'" if document.path.lower().endswith(TEXT_SUFFIXES) \
                else "its day to the 'date' column"
            return replace(document, status="skipped",
                           reason=_join(document.reason, f"{document.path}: no date; add {where} or pass --date"
                                                         f"{_opening_date_hint(text)}"))
        document = replace(document, date=default, reason=_join(document.reason, "date from --date"))
    if document.date > today + FUTURE_TOLERANCE:
        return replace(document, status="skipped",
                       reason=_join(document.reason, f"{document.path}: date {document.date.isoformat()} is in the future"))
    return document


def _opening_date_hint(text: str) -> str:
    """A day written in full in an undated text's first lines (a wire dateline, "PORT ALDER,
    April 9, 2026 -"), offered as the likely date, never taken as it: it may be an event's.

    >>> _opening_date_hint("PORT ALDER, April 9, 2026 - A new poll ...")
    " (its opening names 2026-04-09: add 'date: 2026-04-09' if it was published that day)"
    """
    found = RE_OPENING_DAY.search(text[:OPENING_CHARS])
    if found is None:
        return ""
    try:
        day = _as_date(found.group(0)).isoformat()
    except (ValueError, TypeError, OverflowError):
        return ""
    return f" (its opening names {day}: add 'date: {day}' if it was published that day)"


def _without_html(text: str) -> str:
    """Scraped text without the HTML it still carries; plain text is returned as it is.

    >>> _without_html("<p>Trump <b>ruled out</b> troops &amp; jets.</p><script>x()</script>")
    'Trump ruled out troops & jets.\\n'
    """
    if "<" in text and (RE_HTML_TAG.search(text) or RE_HTML_COMMENT.search(text)):
        text = RE_HTML_COMMENT.sub("", RE_HTML_SCRIPT.sub(" ", text))
        text = RE_HTML_TAG.sub("", RE_HTML_BLOCK.sub("\n", text))
        # One paragraph a line, as in the plain-text articles.
        return html.unescape("".join(f"{line.strip()}\n" for line in text.split("\n") if line.strip()))
    if "&" in text:
        return html.unescape(text)
    return text


def _renamed(document: Document, owners: dict[str, str]) -> Document:
    """A document whose id is taken gets the first free "id~N", and a reason saying so."""
    number = 2
    while f"{document.doc_id}~{number}" in owners:
        number += 1
    new_id = f"{document.doc_id}~{number}"
    note = f"id '{document.doc_id}' is also the id of {owners[document.doc_id]}; renamed '{new_id}'"
    return replace(document, doc_id=new_id,
                   reason=_join(document.reason, note) if document.reason else f"{document.path}: {note}")


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
