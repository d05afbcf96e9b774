"""Reading what scrapers leave behind: every document accounted for, with a reason a person
understands, and the good ones analysed exactly as they would be alone."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stance
from stance import ingest
from stance.cli import cli
from stance.errors import InputError
from stance.ingest import read_documents

TODAY = dt.date(2025, 9, 1)
STATUSES = {"ok", "skipped", "error"}
FRONT = "---\ntitle: {title}\ndate: 2025-08-20\nsource: Wire\n---\n"
TROOPS = "Trump ruled out sending US troops to Ukraine, the White House said on Tuesday.\n"
FRANCE = "Macron said France would send troops to Ukraine once a ceasefire held.\n"
FILLER = ("Delegates from {n} countries met in hall {m} and talked about grain, ports and shipping "
          "insurance until late in the evening. ")


def article(title: str = "Troops", body: str = TROOPS + FRANCE) -> str:
    return FRONT.format(title=title) + body


def long_line(size: int) -> str:
    """One line of `size` characters of varied sentences, with no line break in it."""
    parts, length, number = [], 0, 0
    while length < size:
        parts.append(FILLER.format(n=number % 97 + 3, m=number))
        length += len(parts[-1])
        number += 1
    return "".join(parts)


def read(tmp_path: Path, name: str, content: str | bytes, **options) -> list[ingest.Document]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(read_documents([path], today=TODAY, **options))


def only(documents: list[ingest.Document]) -> ingest.Document:
    assert len(documents) == 1, documents
    return documents[0]


# -- the acceptance corpus: good and bad files side by side, through the command line ---------------

GOOD_FILES = {
    "good.md": article().encode(),
    "latin1.md": article(body="In Paris, Macron said France would send troops to Ukraine, près de l'Élysée.\n"
                         ).encode("latin-1"),
    "cp1252.md": article(body="Macron said “France would send troops to Ukraine once a ceasefire held”.\n").encode("cp1252"),
    "bom.md": article().encode("utf-8-sig"),
    "utf16.md": article().encode("utf-16"),
    "crlf.md": article().replace("\n", "\r\n").encode(),
    "html.md": article(body="<html><body><!-- nav --><p>Trump <b>ruled out</b> sending US troops to Ukraine, the "
                            "White House said.</p><script>track();</script><p>Macron said France &amp; Britain would "
                            "send troops to Ukraine.</p></body></html>\n").encode(),
    "long-line.md": article(body=long_line(100_000) + TROOPS).encode(),
    "rows.jsonl": "\n".join([json.dumps({"id": "wire-1", "text": TROOPS, "date": "2025-08-19"}),
                             '{"id": "wire-2", "text": "Merz ruled out German troops.", "date": ',
                             json.dumps({"id": "wire-3", "text": FRANCE, "date": "2025-08-21"}),
                             "[1, 2, 3]"]).encode(),
    "rows.csv": ('id,text,date\ncsv-1,"Trump ruled out sending US troops to Ukraine.\n\nThe White House said so.",'
                 '2025-08-19\ncsv-2,"Macron said, firmly",troops,2025-08-20\ncsv-3,' + FRANCE.strip() +
                 ',2025-08-21\n').encode(),
}

BAD_FILES = {
    "empty.md": b"",
    "blank.txt": b"  \n\t\n   ",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "disguised.md": bytes(range(1, 32)) * 40,
    "malformed.md": b"---\ntitle: [unclosed\nsources:\n  - a\ndate: 2025-08-20\n---\nText.\n",
    "colon-title.md": b"---\ntitle: Trump: no troops\ndate: 2025-08-20\n---\nTrump ruled out troops.\n",
    "unclosed.md": b"---\ntitle: No end\ndate: 2025-08-20\nTrump ruled out troops.\n",
    "bad-date.md": b"---\ndate: 2025-13-45\n---\nTrump ruled out troops.\n",
    "future.md": b"---\ndate: 2099-01-01\n---\nTrump ruled out troops.\n",
    "vague-date.md": b"---\ndate: August 2025\n---\nTrump ruled out troops.\n",
    "undated.md": b"Trump ruled out troops.\n",
    "no-columns.csv": b"body,when\nTrump ruled out troops.,2025-08-20\n",
    "notes.docx": b"PK\x03\x04",
    "copy/good.md": article().encode(),   # the same article saved twice
}


def expected_rows(folder: Path) -> dict[str, tuple[str, str]]:
    """doc_id -> (status, reason) for every document the corpus holds."""
    def at(name: str) -> str:
        return (folder / name).as_posix()
    return {
        "good": ("ok", ""),
        "latin1": ("ok", f"{at('latin1.md')}: not UTF-8; read as Windows-1252"),
        "cp1252": ("ok", f"{at('cp1252.md')}: not UTF-8; read as Windows-1252"),
        "bom": ("ok", ""),
        "utf16": ("ok", f"{at('utf16.md')}: read as UTF-16"),
        "crlf": ("ok", ""),
        "html": ("ok", ""),
        "long-line": ("ok", ""),
        "wire-1": ("ok", ""),
        "rows-2": ("error", f"{at('rows.jsonl')}:2: invalid JSON (Expecting value at column 67, where the line ends); line left out"),
        "wire-3": ("ok", ""),
        "rows-4": ("error", f"{at('rows.jsonl')}:4: each line must be a JSON object {{\"text\": ..., \"date\": ...}}"),
        "csv-1": ("ok", ""),
        "rows-5": ("error", f"{at('rows.csv')}:5: 4 fields where the header has 3 (a stray comma or quote?); "
                            "row left out"),
        "csv-3": ("ok", ""),
        "empty": ("skipped", f"{at('empty.md')}: empty document, no text to analyse"),
        "blank": ("skipped", f"{at('blank.txt')}: empty document, no text to analyse"),
        "image": ("skipped", f"{at('image.txt')}: binary file, not text (it contains control bytes such as NUL)"),
        "disguised": ("skipped", f"{at('disguised.md')}: binary file, not text (it contains control bytes such as NUL)"),
        "malformed": ("error", f"{at('malformed.md')}:3: front matter is not valid YAML (expected ',' or ']', but got ':')"),
        "colon-title": ("ok", f"{at('colon-title.md')}:2: front matter is not valid YAML (mapping values are not "
                              "allowed here); read line by line as 'key: value'"),
        "unclosed": ("error", f"{at('unclosed.md')}:1: front matter opened with '---' is never closed; "
                              "add a '---' line after it"),
        "bad-date": ("skipped", f"{at('bad-date.md')}:2: cannot read the date '2025-13-45' (month must be in 1..12); "
                                "write it as YYYY-MM-DD"),
        "future": ("skipped", f"{at('future.md')}: date 2099-01-01 is in the future"),
        "vague-date": ("skipped", f"{at('vague-date.md')}:2: cannot read the date 'August 2025' (no day of the month); "
                                  "write it as YYYY-MM-DD"),
        "undated": ("skipped", f"{at('undated.md')}: no date; add 'date: YYYY-MM-DD' or pass --date"),
        "no-columns": ("error", f"{at('no-columns.csv')}: missing required column(s) text, date; found: body, when; "
                                "if 'body' holds the articles, name that column 'text'"),
        "notes": ("skipped", f"{at('notes.docx')}: unsupported file type '.docx'; supported: "
                             ".txt, .md, .markdown, .jsonl, .csv, .parquet (save it as plain text, .txt)"),
        "good~2": ("ok", f"{at('good.md')}: id 'good' is also the id of {at('copy/good.md')}; renamed 'good~2'"),
        "huge": ("skipped", f"{at('huge.md')}: 52.4 MB is too long for one article (the limit is 10 MB); "
                            "split it into articles"),
    }


def write_corpus(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """The bad corpus run through `stance analyze`, and the good files run alone."""
    root = tmp_path_factory.mktemp("bad-corpus")
    corpus, alone = root / "corpus", root / "alone"
    write_corpus(corpus, {**GOOD_FILES, **BAD_FILES})
    write_corpus(alone, GOOD_FILES)
    with open(corpus / "huge.md", "wb") as huge:   # 50 MiB: never read, only measured
        huge.write(b"---\ndate: 2025-08-20\n---\n")
        huge.truncate(50 * 2**20)
    (corpus / "loop").mkdir()
    os.symlink("..", corpus / "loop" / "up")       # a folder that contains itself
    results = {}
    for name, folder in (("corpus", corpus), ("alone", alone)):
        started = time.perf_counter()
        result = CliRunner().invoke(cli, ["analyze", str(folder), "--out", str(root / f"{name}-out"),
                                                          "--no-charts", "--quiet"])
        results[name] = (result, time.perf_counter() - started, stance.load(root / f"{name}-out"))
    return corpus, results


def test_bad_corpus_finishes_with_exit_code_6_and_lists_every_bad_document(bad_corpus):
    corpus, results = bad_corpus
    result, seconds, run = results["corpus"]
    assert result.exit_code == 6, result.output + result.stderr
    bad = run.documents[run.documents["status"] != "ok"]
    assert sorted(result.stderr.splitlines()) == sorted(f"{row.status}: {row.reason}" for row in bad.itertuples())
    assert seconds < 20   # the 50 MB file is measured, not read


def test_every_document_of_the_bad_corpus_is_accounted_for(bad_corpus):
    corpus, results = bad_corpus
    documents = results["corpus"][2].documents
    assert sorted(documents["doc_id"]) == sorted(expected_rows(corpus))
    assert documents["doc_id"].is_unique


@pytest.mark.parametrize("doc_id", sorted(expected_rows(Path("corpus"))), ids=str)
def test_each_document_has_its_status_and_reason(bad_corpus, doc_id):
    corpus, results = bad_corpus
    documents = results["corpus"][2].documents.set_index("doc_id")
    assert (documents.loc[doc_id, "status"], documents.loc[doc_id, "reason"]) == expected_rows(corpus)[doc_id]


def test_good_documents_in_a_bad_corpus_are_analysed_as_if_alone(bad_corpus):
    corpus, results = bad_corpus
    alone, in_corpus = results["alone"][2], results["corpus"][2]
    assert results["alone"][0].exit_code == 6   # the broken JSONL and CSV lines travel with the good files
    columns = ["doc_id", "title", "source", "date", "status", "n_statements"]
    good = alone.documents[alone.documents["status"] == "ok"]
    mixed = in_corpus.documents.set_index("doc_id").loc[good["doc_id"]].reset_index()
    pd.testing.assert_frame_equal(mixed[columns], good[columns].reset_index(drop=True))
    statements = in_corpus.statements[in_corpus.statements["doc_id"].isin(good["doc_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(statements, alone.statements)
    assert set(good["doc_id"]) <= set(alone.statements["doc_id"]) | {"long-line"}
    assert good["n_statements"].sum() > 10


def test_text_arrives_clean_whatever_its_encoding_and_line_ends(tmp_path):
    write_corpus(tmp_path, GOOD_FILES)
    texts = {d.doc_id: d.text for d in read_documents([tmp_path], today=TODAY)}
    assert texts["good"] == texts["bom"] == texts["utf16"] == texts["crlf"] == TROOPS + FRANCE
    assert texts["latin1"] == "In Paris, Macron said France would send troops to Ukraine, près de l'Élysée.\n"
    assert texts["cp1252"] == "Macron said “France would send troops to Ukraine once a ceasefire held”.\n"
    assert texts["html"] == ("Trump ruled out sending US troops to Ukraine, the White House said.\n"
                             "Macron said France & Britain would send troops to Ukraine.\n")


def test_mostly_utf8_with_a_stray_byte_keeps_its_utf8(tmp_path):
    content = article(body="Zelensky’s “plan” was welcomed, Macron said.").encode() + b" \x92Merci.\n"
    document = only(read(tmp_path, "pasted.md", content))
    assert document.text == "Zelensky’s “plan” was welcomed, Macron said. \ufffdMerci.\n"
    assert document.reason == f"{(tmp_path / 'pasted.md').as_posix()}: not valid UTF-8 in 1 place, shown as \ufffd"


# -- text files: front matter and dates -------------------------------------------------------------

@pytest.mark.parametrize("front, status, reason", [
    ("date: 2025-08-20", "ok", ""),
    ("date: 2025-08-20T23:30:00-05:00", "ok", ""),
    ("date: 20 August 2025", "ok", ""),
    ("date: Aug 20, 2025", "ok", ""),
    ("date: 20/08/2025", "ok", ""),
    ("date: 2025-09-05", "skipped", "{path}: date 2025-09-05 is in the future"),
    ("date: 03/04/2025", "skipped", "{path}:2: cannot read the date '03/04/2025' (3/4 could be day/month or month/day); "
                                    "write it as YYYY-MM-DD"),
    ("date: 2025", "skipped", "{path}:2: cannot read the date '2025' (no month); write it as YYYY-MM-DD"),
    ("date: today", "skipped", "{path}:2: cannot read the date 'today' (unknown string format); write it as YYYY-MM-DD"),
    ("date: 2025-02-30", "skipped", "{path}:2: cannot read the date '2025-02-30' (day is out of range for month); "
                                    "write it as YYYY-MM-DD"),
    ("date:", "skipped", "{path}: no date; add 'date: YYYY-MM-DD' or pass --date"),
    ("title: Talks\ndate: [2025-08-20]", "error", "{path}:3: front matter 'date' must be a single value, not a list or mapping"),
    ("- just\n- a list", "error", "{path}:2: front matter must be 'key: value' lines"),
    ("title: x\n  bad: indent", "error", "{path}:3: front matter is not valid YAML (mapping values are not allowed here)"),
    ("date: !!python/object/apply:os.system ['echo unsafe']", "error",
     "{path}:2: front matter is not valid YAML (could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object/apply:os.system')"),
    ("x: " + "[" * 5000 + "]" * 5000, "error", "{path}:1: front matter is not valid YAML (nested too deeply)"),
    ("Title: Talks\nDate: 2025-08-20", "ok", ""),
    ("date: 03-04-2025", "skipped", "{path}:2: cannot read the date '03-04-2025' (3/4 could be day/month or month/day); "
                                    "write it as YYYY-MM-DD"),
    ("date: 8/12/2025 10:00 AM", "skipped", "{path}:2: cannot read the date '8/12/2025 10:00 AM' (8/12 could be "
                                            "day/month or month/day); write it as YYYY-MM-DD"),
    ("date: 20.08.25", "skipped", "{path}:2: cannot read the date '20.08.25' (the year '25' has two digits; write it in "
                                  "full); write it as YYYY-MM-DD"),
    ("published: 2025-08-20", "skipped", "{path}: 'published:' is not read as the date; name it 'date:'; "
                                         "{path}: no date; add 'date: YYYY-MM-DD' or pass --date"),
], ids=["iso", "iso-time-zone", "day-month-year", "month-day-year", "day-first-digits", "future", "ambiguous-digits",
        "year-only", "today-is-a-guess", "no-such-day", "empty-date", "date-list", "not-a-mapping", "bad-indent",
        "python-tag-not-run", "nested-too-deeply", "capitalised-keys", "ambiguous-with-dashes", "ambiguous-with-time",
        "two-digit-year", "date-under-another-key"])
def test_front_matter_dates_are_read_never_guessed(tmp_path, front, status, reason):
    document = only(read(tmp_path, "article.md", f"---\n{front}\n---\n{TROOPS}"))
    expected_date = dt.date(2025, 8, 20) if status == "ok" else None
    assert (document.status, document.reason) == (status, reason.format(path=(tmp_path / "article.md").as_posix()))
    if status == "ok":
        assert document.date == expected_date and document.text == TROOPS


@pytest.mark.parametrize("name, advice", [
    ("feed.json", "(a JSON list of articles: write one object per line as .jsonl)"),
    ("sheet.xlsx", "(save the sheet as .csv)"),
], ids=["json", "spreadsheet"])
def test_a_file_of_another_type_says_what_to_save_it_as(tmp_path, name, advice):
    document = only(read(tmp_path, name, b"[]"))
    assert document.status == "skipped" and document.reason.endswith(advice)


@pytest.mark.parametrize("written, title", [
    ("Trump: no US troops for Ukraine", "Trump: no US troops for Ukraine"),
    ("[Live] Trump rules out troops", "[Live] Trump rules out troops"),
    ("@POTUS says no", "@POTUS says no"),
    ('"Trump says "never""', 'Trump says "never"'),
    ("#1 story: troops", "#1 story: troops"),
], ids=["colon", "brackets", "at-sign", "quotes-in-quotes", "hash"])
def test_a_headline_yaml_would_misread_is_kept_as_written(tmp_path, written, title):
    document = only(read(tmp_path, "article.md", f"---\ntitle: {written}\ndate: 2025-08-20\n---\n{TROOPS}"))
    assert (document.status, document.title, document.date) == ("ok", title, dt.date(2025, 8, 20))
    assert document.text == TROOPS


def test_a_date_line_outside_front_matter_is_pointed_out(tmp_path):
    document = only(read(tmp_path, "article.md", f"title: Talks\ndate: 2025-08-20\n\n{TROOPS}"))
    path = (tmp_path / "article.md").as_posix()
    assert document.status == "skipped"
    assert document.reason.startswith(f"{path}: its 'date:' line is not in a front matter block; "
                                       "put a '---' line above and below that block")


def test_one_day_ahead_is_a_time_zone_not_the_future(tmp_path):
    document = only(read(tmp_path, "sydney.md", f"---\ndate: 2025-09-02\n---\n{TROOPS}"))
    assert document.status == "ok" and document.date == dt.date(2025, 9, 2)


def test_blank_lines_before_the_front_matter_are_forgiven(tmp_path):
    document = only(read(tmp_path, "scraped.md", "\n  \n" + article()))
    assert (document.status, document.title, document.date) == ("ok", "Troops", dt.date(2025, 8, 20))


def test_front_matter_id_names_the_document(tmp_path):
    document = only(read(tmp_path, "file-name.md", "---\nid: wire-0820\ndate: 2025-08-20\n---\n" + TROOPS))
    assert document.doc_id == "wire-0820"


def test_date_option_dates_only_the_undated(tmp_path):
    (tmp_path / "undated.md").write_text(TROOPS)
    (tmp_path / "dated.md").write_text(article())
    documents = {d.doc_id: d for d in read_documents([tmp_path], default_date="2025-08-01", today=TODAY)}
    assert documents["undated"].date == dt.date(2025, 8, 1) and documents["undated"].reason == "date from --date"
    assert documents["dated"].date == dt.date(2025, 8, 20)


def test_a_date_option_that_is_no_day_stops_the_run(tmp_path):
    (tmp_path / "a.md").write_text(TROOPS)
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.md"), "--out", str(tmp_path / "out"),
                                                      "--date", "last week"])
    assert result.exit_code == 4
    assert result.stderr == ("Error: --date 'last week' is not a day (unknown string format); "
                             "write it as YYYY-MM-DD\n")
    assert not (tmp_path / "out").exists()


def test_a_huge_document_is_skipped_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "site-dump.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * 2**20)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    document = only(list(read_documents([path], today=TODAY)))
    assert (document.status, document.reason) == (
        "skipped", f"{path.as_posix()}: 52.4 MB is too long for one article (the limit is 10 MB); split it into articles")


def test_a_huge_row_is_skipped_and_the_other_rows_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_SIZE", 1_000)
    rows = [{"id": "dump", "text": "x" * 2_500_000, "date": "2025-08-20"}, {"id": "brief", "text": TROOPS, "date": "2025-08-20"}]
    documents = read(tmp_path, "feed.jsonl", "\n".join(json.dumps(row) for row in rows))
    assert [(d.doc_id, d.status, d.reason) for d in documents] == [
        ("dump", "skipped", f"{(tmp_path / 'feed.jsonl').as_posix()}:1: 2.5 MB is too long for one article "
                            "(the limit is 0 MB); split it into articles"),
        ("brief", "ok", "")]
    assert documents[0].text == ""   # not carried through the run


# -- tables: JSONL, CSV, Parquet --------------------------------------------------------------------

def test_jsonl_line_breaks_inside_strings_do_not_split_a_line(tmp_path):
    record = {"id": "sep", "text": "Trump ruled out troops.\u2028Macron said France would send troops.", "date": "2025-08-20"}
    documents = read(tmp_path, "feed.jsonl", json.dumps(record, ensure_ascii=False) + "\n" + json.dumps(record))
    assert [(d.doc_id, d.status, d.path.rsplit(":", 1)[-1]) for d in documents] == [
        ("sep", "ok", "1"), ("sep~2", "ok", "2")]


@pytest.mark.parametrize("content, reason", [
    ("", "{path}: empty file"),
    ("\n\n  \n", "{path}: empty file"),
    ("[" * 100_000, "{path}:1: invalid JSON (nested too deeply); line left out"),
    ('{"text": "x", "date": 1' + "0" * 5000 + "}", "{path}:1: invalid JSON (Exceeds the limit (4300 digits)"),
    ('{"text": "Trump ruled out troops.", "date": "2025-08-20}',
     "{path}:1: invalid JSON (Unterminated string starting at column 45); line left out"),
], ids=["empty", "blank-lines", "deeply-nested", "huge-number", "unterminated-string"])
def test_jsonl_that_cannot_be_read_is_reported_not_raised(tmp_path, content, reason):
    document = only(read(tmp_path, "feed.jsonl", content))
    assert document.status in {"skipped", "error"}
    assert document.reason.startswith(reason.format(path=(tmp_path / "feed.jsonl").as_posix()))


def test_csv_rows_are_numbered_by_the_line_they_start_on(tmp_path):
    content = ('text,date\n"First line\nsecond line\nthird line",2025-08-20\n'
               'Trump ruled out troops.,2025-08-21\n"open quote,2025-08-22\n')
    documents = read(tmp_path, "feed.csv", content)
    path = (tmp_path / "feed.csv").as_posix()
    assert [(d.doc_id, d.path, d.status) for d in documents] == [
        ("feed-2", f"{path}:2", "ok"), ("feed-5", f"{path}:5", "ok"), ("feed-6", f"{path}:6", "error")]
    assert documents[0].text == "First line\nsecond line\nthird line"
    assert documents[2].reason == f"{path}:6: 1 field where the header has 2 (a stray comma or quote?); row left out"


def test_csv_keeps_articles_longer_than_the_csv_module_default(tmp_path):
    text = long_line(300_000)
    document = only(read(tmp_path, "long.csv", f'text,date\n"{text}",2025-08-20\n'))
    assert document.status == "ok" and document.text == text
    import csv
    assert csv.field_size_limit() == 131072   # the module's limit is left as it was


def test_csv_column_names_are_matched_loosely(tmp_path):
    document = only(read(tmp_path, "export.csv", "ID, Text ,DATE\nx-1,Trump ruled out troops.,2025-08-20\n"))
    assert (document.doc_id, document.status, document.text) == ("x-1", "ok", "Trump ruled out troops.")


@pytest.mark.parametrize("name, content, reason", [
    ("header-only.csv", "text,date\n", "{path}: no rows after the header line"),
    ("no-text.csv", "date,title\n2025-08-20,A\n", "{path}: missing required column(s) text; found: date, title"),
], ids=["header-only", "no-text-column"])
def test_csv_without_usable_rows_is_one_document_with_a_reason(tmp_path, name, content, reason):
    document = only(read(tmp_path, name, content))
    assert document.reason == reason.format(path=(tmp_path / name).as_posix())


@pytest.mark.parametrize("delimiter", [";", "\t"], ids=["semicolons", "tabs"])
def test_csv_split_at_semicolons_or_tabs_is_read(tmp_path, delimiter):
    header = delimiter.join(["id", "text", "date"])
    row = delimiter.join(["x-1", "Merz said, firmly, that German troops would not go.", "2025-08-20"])
    document = only(read(tmp_path, "export.csv", f"{header}\n{row}\n"))
    assert (document.doc_id, document.status) == ("x-1", "ok")
    assert document.text == "Merz said, firmly, that German troops would not go."


@pytest.mark.parametrize("content, status", [
    ("text;date\rTrump ruled out troops.;2025-08-20\r", "ok"),
    ("\r0", "skipped"),
], ids=["old-mac-line-ends", "stray-carriage-return"])
def test_csv_with_carriage_returns_alone_gives_documents(tmp_path, content, status):
    assert only(read(tmp_path, "feed.csv", content)).status == status


def test_a_row_whose_text_is_a_list_is_an_error_not_analysed(tmp_path):
    lines = [json.dumps({"id": "pair", "text": ["Trump spoke.", "Merz spoke."], "date": "2025-08-20"}),
             json.dumps({"id": "one", "text": "Trump spoke.", "date": "2025-08-20"})]
    documents = read(tmp_path, "feed.jsonl", "\n".join(lines))
    path = (tmp_path / "feed.jsonl").as_posix()
    assert [(d.doc_id, d.status) for d in documents] == [("pair", "error"), ("one", "ok")]
    assert documents[0].reason == f"{path}:1: 'text' holds a list, not a string; give each row one text"


def test_a_table_with_its_text_and_date_under_other_names_says_which(tmp_path):
    body = only(read(tmp_path, "scrape.csv", "id,body,date\nb1,Trump ruled out troops.,2025-08-20\n"))
    assert body.reason.endswith("found: id, body, date; if 'body' holds the articles, name that column 'text'")
    published = only(read(tmp_path, "feed.csv", "text,published_at\nTrump ruled out troops.,2025-08-20\n"))
    path = (tmp_path / "feed.csv").as_posix()
    assert (published.status, published.reason) == (
        "skipped", f"{path}: column 'published_at' is not read as the date; name it 'date'; "
                   f"{path}:2: no date; add its day to the 'date' column or pass --date")


def test_an_undated_row_is_told_to_fill_its_date_column(tmp_path):
    document = only(read(tmp_path, "feed.csv", "text,date\nTrump ruled out troops.,\n"))
    path = (tmp_path / "feed.csv").as_posix()
    assert document.reason == f"{path}:2: no date; add its day to the 'date' column or pass --date"


def test_a_sentence_given_as_input_is_told_to_come_in_a_dataframe():
    with pytest.raises(InputError) as caught:
        stance.analyze(["Trump ruled out sending US troops to Ukraine on Tuesday."])
    assert str(caught.value) == ("'Trump ruled out sending US troops to Ukraine on Tuesday.' is no file or folder; "
                                 "to analyse texts, pass a DataFrame with 'text' and 'date' columns")


@pytest.mark.parametrize("inputs, message", [
    (None, "inputs are files, folders or DataFrames, not NoneType"),
    ([], "no inputs; give files, folders or a DataFrame with text and date columns"),
], ids=["none", "empty-list"])
def test_no_inputs_at_all_is_an_input_error(inputs, message):
    with pytest.raises(InputError, match=re.escape(message)):
        stance.analyze(inputs)


def test_csv_without_a_date_column_takes_the_date_option(tmp_path):
    document = only(read(tmp_path, "feed.csv", "text\nTrump ruled out troops.\n", default_date="2025-08-20"))
    assert (document.status, document.date) == ("ok", dt.date(2025, 8, 20))


def test_parquet_missing_columns_damaged_or_empty(tmp_path):
    pd.DataFrame({"body": ["x"], "when": ["2025-08-20"]}).to_parquet(tmp_path / "columns.parquet")
    (tmp_path / "damaged.parquet").write_bytes(b"PAR1 this is not parquet")
    pd.DataFrame({"text": pd.Series([], dtype=str), "date": pd.Series([], dtype=str)}).to_parquet(tmp_path / "empty.parquet")
    pd.DataFrame({"text": [TROOPS, None], "date": [pd.Timestamp("2025-08-20"), pd.NaT]}).to_parquet(tmp_path / "typed.parquet")
    documents = {d.doc_id: d for d in read_documents([tmp_path], today=TODAY)}
    at = (tmp_path / "x").as_posix()[:-1]
    assert documents["columns"].reason == (f"{at}columns.parquet: missing required column(s) text, date; found: body, "
                                           "when; if 'body' holds the articles, name that column 'text'")
    assert documents["damaged"].status == "error"
    assert documents["damaged"].reason.startswith(f"{at}damaged.parquet: not a readable Parquet file (")
    assert (documents["empty"].status, documents["empty"].reason) == ("skipped", f"{at}empty.parquet: no rows")
    assert (documents["typed-1"].status, documents["typed-1"].date) == ("ok", dt.date(2025, 8, 20))
    assert documents["typed-2"].reason == f"{at}typed.parquet[row 2]: no text"


def test_parquet_ids_and_dates_keep_what_was_written(tmp_path):
    frame = pd.DataFrame({"id": [17.0, None], "text": [TROOPS, FRANCE], "date": [b"2025-08-20", b"2025-08-21"]})
    frame.to_parquet(tmp_path / "export.parquet")
    documents = read_documents([tmp_path / "export.parquet"], today=TODAY)
    assert [(d.doc_id, d.status, d.date) for d in documents] == [
        ("17", "ok", dt.date(2025, 8, 20)), ("export-2", "ok", dt.date(2025, 8, 21))]


@pytest.mark.parametrize("index", [["a", "b"], pd.to_datetime(["2025-08-20", "2025-08-21"]), [7, 7],
                                   pd.MultiIndex.from_tuples([("wire", 1), ("wire", 2)])],
                         ids=["urls", "dates", "repeated", "two-levels"])
def test_a_dataframe_indexed_by_other_things_names_rows_by_position(index):
    frame = pd.DataFrame({"text": [TROOPS, FRANCE], "date": ["2025-08-20", "2025-08-21"]}).set_axis(index)
    assert [(d.doc_id, d.path) for d in read_documents(frame, today=TODAY)] == [
        ("row-1", "<DataFrame>[row 1]"), ("row-2", "<DataFrame>[row 2]")]


def test_a_filtered_dataframe_keeps_its_row_numbers():
    frame = pd.DataFrame({"text": [TROOPS, FRANCE, TROOPS], "date": ["2025-08-20", "2025-08-21", "2025-08-22"]})
    assert [d.doc_id for d in read_documents(frame.iloc[1:], today=TODAY)] == ["row-1", "row-2"]


def test_a_dataframe_with_a_column_twice_is_one_error():
    frame = pd.DataFrame([[TROOPS, "2025-08-20", FRANCE]], columns=["text", "date", "text"])
    assert [(d.status, d.reason) for d in read_documents(frame, today=TODAY)] == [
        ("error", "<DataFrame>: column(s) text occur more than once; keep one of each")]


def test_a_dataframe_with_odd_values_gives_a_document_per_row():
    frame = pd.DataFrame({"text": [TROOPS, None, 42, "   "], "date": ["2025-08-20", "2025-08-20", 20250820, None]})
    documents = list(read_documents(frame, today=TODAY))
    assert [(d.doc_id, d.status) for d in documents] == [("row-1", "ok"), ("row-2", "skipped"), ("row-3", "ok"),
                                                         ("row-4", "skipped")]


# -- ids, folders and files that change under us -----------------------------------------------------

def test_duplicate_ids_are_kept_renamed_in_path_order_whatever_the_input_order(tmp_path):
    for folder in ("b", "a", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "brief.md").write_text(article(folder))
    (tmp_path / "c" / "brief~2.md").write_text(article("already taken"))
    orders = [[tmp_path / "c", tmp_path / "a", tmp_path / "b"], [tmp_path / "b", tmp_path / "c", tmp_path / "a"]]
    runs = [[(d.doc_id, d.title) for d in read_documents(order, today=TODAY)] for order in orders]
    assert runs[0] == runs[1] == [("brief", "a"), ("brief~2", "b"), ("brief~3", "c"), ("brief~2~2", "already taken")]


def test_a_file_reached_twice_is_read_once_by_its_own_path(tmp_path):
    (tmp_path / "real.md").write_text(article())
    os.symlink(tmp_path / "real.md", tmp_path / "a-link.md")
    documents = list(read_documents([tmp_path, tmp_path / "real.md"], today=TODAY))
    assert [(d.doc_id, d.path) for d in documents] == [("real", (tmp_path / "real.md").as_posix())]


def test_symlink_loops_are_walked_once(tmp_path):
    (tmp_path / "news" / "deep").mkdir(parents=True)
    (tmp_path / "news" / "deep" / "a.md").write_text(article())
    os.symlink(tmp_path / "news", tmp_path / "news" / "deep" / "back-up")
    os.symlink("..", tmp_path / "news" / "self")
    assert [d.doc_id for d in read_documents([tmp_path / "news"], today=TODAY)] == ["a"]


def test_a_broken_link_is_reported(tmp_path):
    os.symlink(tmp_path / "gone.md", tmp_path / "link.md")
    document = only(list(read_documents([tmp_path], today=TODAY)))
    assert (document.status, document.reason) == (
        "error", f"{(tmp_path / 'link.md').as_posix()}: broken link to {tmp_path / 'gone.md'}; "
                 "the file it points to does not exist")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_skipped_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    document = only(list(read_documents([tmp_path], today=TODAY)))
    assert (document.status, document.reason) == (
        "skipped", f"{(tmp_path / 'pipe.md').as_posix()}: not a regular file (a pipe, socket or device)")


def test_a_file_that_vanishes_mid_run_is_reported_and_the_run_goes_on(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(article(name))
    documents = read_documents([tmp_path], today=TODAY)
    first = next(documents)            # the folder has been listed; b.md is about to be read
    (tmp_path / "b.md").unlink()
    rest = list(documents)
    assert [(d.doc_id, d.status, d.reason) for d in [first, *rest]] == [
        ("a", "ok", ""),
        ("b", "error", f"{(tmp_path / 'b.md').as_posix()}: the file disappeared before it could be read"),
        ("c", "ok", "")]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.md").write_text(article())
    (tmp_path / "open.md").write_text(article())
    scandir = os.scandir

    def refuse(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)
    monkeypatch.setattr(os, "scandir", refuse)
    documents = list(read_documents([tmp_path], today=TODAY))
    assert [(d.doc_id, d.status, d.reason) for d in documents] == [
        ("locked", "error", f"{(tmp_path / 'locked').as_posix()}: folder cannot be read (Permission denied); "
                            "its files are left out"),
        ("open", "ok", "")]


def test_an_earlier_run_inside_the_input_folder_is_not_read_as_articles(tmp_path):
    (tmp_path / "a.md").write_text(article())
    stance.analyze([tmp_path / "a.md"]).save(tmp_path / "results", charts=False, report=False)
    assert [d.doc_id for d in read_documents([tmp_path], today=TODAY)] == ["a"]
    with pytest.raises(InputError, match="holds the output of a stance run, not articles"):
        list(read_documents([tmp_path / "results"]))


def test_a_folder_without_files_is_an_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.md").write_text(article())
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 4
    assert result.stderr == (f"Error: no files to read in {tmp_path / 'empty'}; give .txt, .md, .jsonl, .csv or "
                             ".parquet files or folders of them\n")


# -- the command line: --strict, exit codes, config files --------------------------------------------

def test_strict_stops_at_the_first_bad_document_and_writes_nothing(tmp_path):
    (tmp_path / "a.md").write_text(article())
    (tmp_path / "b.md").write_text("---\ndate: someday\n---\nText.\n")
    (tmp_path / "c.md").write_text("---\ndate: 2099-01-01\n---\nText.\n")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 4
    assert result.stderr == (f"Error: {(tmp_path / 'b.md').as_posix()}:2: cannot read the date 'someday' "
                             "(unknown string format); write it as YYYY-MM-DD\n")
    assert not (tmp_path / "out").exists()


def test_strict_lets_notes_on_good_documents_pass(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "brief.md").write_bytes(article().encode("cp1252"))
    (tmp_path / "b" / "brief.md").write_text(article())
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--strict", "--no-charts"])
    assert result.exit_code == 0, result.output


def test_exit_codes_are_documented_in_help():
    help_text = " ".join(CliRunner().invoke(cli, ["analyze", "--help"]).output.split())
    for code in ("0 done", "2 wrong usage", "3 bad actors/topics file", "4 unreadable input",
                 "6 done, but some documents were skipped", "130 interrupted, OUT left as it was"):
        assert code in help_text


CONFIG_ERRORS = [
    ("actors", "actors:\n  - id: trump\n    name: [Donald\n", "{path}:4: invalid YAML: expected ',' or ']', but got '<stream end>'; "
     "the '[' opened on line 3 is never closed with ']' (a text that starts with '[' must be put in quotes)"),
    ("topics", "topics:\n  - id: troops\n    label: Troops\n    colour: red\n",
     "{path}:4: unknown key(s) ['colour']; allowed: ['description', 'id', 'keywords', 'label']"),
    ("actors", "actors:\n  - id: trump\n  - id: trump\n", "{path}:3: actor id 'trump' is defined twice; give each actor its own id"),
    ("actors", "actors:\n  - id: trump\n    aliases: [the president]\n  - id: macron\n    aliases: [The President]\n",
     "{path}:4: alias 'The President' of actor 'macron' is also an alias of 'trump'; an alias must name one actor"),
    ("actors", "actors:\n  - id: trump\n    name: !!python/object/apply:os.system ['echo unsafe']\n",
     "{path}:3: invalid YAML: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object/apply:os.system'"),
]


@pytest.mark.parametrize("option, content, message", CONFIG_ERRORS,
                         ids=["invalid-yaml", "unknown-key", "duplicate-id", "shared-alias", "python-tag"])
def test_a_bad_config_file_stops_before_any_work(tmp_path, option, content, message):
    config = tmp_path / f"{option}.yaml"
    config.write_text(content)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(article())
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                                      f"--{option}", str(config)])
    assert result.exit_code == 3
    assert result.stderr == f"Error: {message.format(path=config)}\n"
    assert not (tmp_path / "out").exists()


def test_yaml_is_only_ever_read_safely_and_nothing_is_unpickled():
    unsafe = re.compile(r"yaml\.(?:unsafe_load|full_load|load_all)\b|Loader=yaml\.(?:Loader|FullLoader|UnsafeLoader)\b"
                        r"|yaml\.load\((?![^)]*Loader=_(?:Fast)?FrontMatterLoader\))|\bpickle\.loads?\b|joblib\.load|allow_pickle=True")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted(Path(stance.__file__).parent.glob("*.py"))
             for number, line in enumerate(path.read_text().splitlines(), start=1) if unsafe.search(line)]
    assert found == []
    yaml = __import__("yaml")
    assert issubclass(ingest._FrontMatterLoader, yaml.SafeLoader)
    assert issubclass(ingest._FastFrontMatterLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# -- properties: whatever the bytes, every file is accounted for -------------------------------------

FRAGMENTS = st.sampled_from(["---\n", "---", "date: 2025-08-20\n", "date: 2025-13-45\n", "date: [\n", "id: x\n",
                             "title: {a: b}\n", "\r\n", "\n", '"', ",", "text,date\n", '{"text": "a", "date": "2025-08-20"}\n',
                             "{", "}", "<p>", "</b>", "&amp;", "\x00", "\u2028", "\ufeff", "Trump ruled out troops. "])
CONTENTS = st.one_of(st.binary(max_size=400), st.lists(FRAGMENTS, max_size=20).map(lambda parts: "".join(parts).encode()),
                     st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.sampled_from([".md", ".txt", ".jsonl", ".csv", ".parquet", ".markdown"]), CONTENTS),
                      min_size=1, max_size=4))
def test_any_bytes_in_any_supported_file_give_documents_not_exceptions(files):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (suffix, content) in enumerate(files):
            paths.append(Path(folder) / f"file{number}{suffix}")
            paths[-1].write_bytes(content)
        documents = list(read_documents([folder], today=TODAY))
    for path in paths:
        assert any(d.path == path.as_posix() or d.path.startswith(path.as_posix() + ":")
                   or d.path.startswith(path.as_posix() + "[") for d in documents), path
    assert all(d.status in STATUSES for d in documents)
    assert all(d.reason for d in documents if not d.is_ok)
    assert all(d.date is not None and d.date <= TODAY + dt.timedelta(days=1) and d.text.strip()
               for d in documents if d.is_ok)
    assert len({d.doc_id for d in documents}) == len(documents)


VALUES = st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(), st.dates().map(str), st.dates(),
                   st.datetimes().map(pd.Timestamp), st.binary(max_size=20))


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.fixed_dictionaries({"text": VALUES, "date": VALUES}, optional={"id": VALUES, "title": VALUES}),
                     min_size=1, max_size=5))
def test_any_values_in_a_dataframe_give_one_document_per_row(rows):
    documents = list(read_documents(pd.DataFrame(rows), today=TODAY))
    assert len(documents) == len(rows)
    assert all(d.status in STATUSES and (d.is_ok or d.reason) for d in documents)


@pytest.mark.parametrize("opening, hint", [
    ("Council backs stadium\n\nPORT ALDER, April 9, 2026 - The council voted.", "2026-04-09"),
    ("Council backs stadium (9 Apr 2026)\n\nThe council voted.", "2026-04-09"),
    ("Council backs stadium\n\nThe council voted on Tuesday.", None),
    ("Council backs stadium\n\nIn April 2026 the council voted.", None),   # no day: nothing to offer
], ids=["wire-dateline", "day-month-year", "no-day", "month-only"])
def test_an_undated_text_that_opens_with_a_day_is_skipped_with_that_day_offered(tmp_path, opening, hint):
    document = only(read(tmp_path, "note.txt", opening))
    assert document.status == "skipped" and document.date is None   # offered, never taken
    offered = f"(its opening names {hint}: add 'date: {hint}' if it was published that day)"
    assert document.reason.endswith(offered) if hint else "its opening names" not in document.reason


def test_a_date_read_either_way_names_the_order_the_rest_of_its_column_uses(tmp_path):
    content = ("text,date\nThe council voted.,03/02/2025\nThe mayor spoke.,24/02/2025\n"
               "The club replied.,05/03/2025\n")
    documents = read(tmp_path, "feed.csv", content)
    assert [d.status for d in documents] == ["skipped", "ok", "skipped"]   # still never guessed
    path = (tmp_path / "feed.csv").as_posix()
    assert documents[0].reason.endswith(f"; other rows of the column put the day first, as in 24/02/2025 at {path}:3")


def test_a_column_that_mixes_both_orders_offers_neither(tmp_path):
    content = "text,date\nThe council voted.,03/02/2025\nThe mayor spoke.,24/02/2025\nThe club replied.,02/24/2025\n"
    documents = read(tmp_path, "feed.csv", content)
    assert "other rows of the column" not in documents[0].reason


def test_a_csv_saved_by_excel_with_a_separator_line_is_read_by_it(tmp_path):
    content = "sep=;\ntext;date\nMerz said, firmly, no troops.;2025-08-20\nMacron agreed.;2025-08-21\n"
    documents = read(tmp_path, "export.csv", content)
    assert [(d.status, d.text, d.path.rsplit(":", 1)[-1]) for d in documents] == [
        ("ok", "Merz said, firmly, no troops.", "3"), ("ok", "Macron agreed.", "4")]


@pytest.mark.parametrize("value, expected", [
    (20250820, "2025-08-20"), (20250820.0, "2025-08-20"),   # a day as one number; a float from a column with a gap
    (1755648000, "a number, perhaps a timestamp or a spreadsheet's day count; not read as a day"),
    (45889, "a number, perhaps a timestamp or a spreadsheet's day count; not read as a day"),
], ids=["compact-day", "compact-day-float", "epoch-seconds", "spreadsheet-serial"])
def test_a_date_given_as_a_number_is_read_only_when_it_spells_a_day(tmp_path, value, expected):
    frame = pd.DataFrame({"text": ["Merz ruled out German troops."], "date": [value]})
    frame.to_parquet(tmp_path / "feed.parquet")
    document = only(list(read_documents([tmp_path / "feed.parquet"], today=TODAY)))
    assert (document.date.isoformat() if document.is_ok else document.reason.split("(", 1)[1]).startswith(expected)
