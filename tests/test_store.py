"""The statements store: a run written to parquet while it goes holds the same table as one built
in memory, whatever order documents arrive in and however the parts fall."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

import stance
from stance import schema, store
from stance.config import Actors, Topics
from stance.extract import Extractor
from stance.ingest import read_documents
from stance.store import StatementStore, statements_frame

ARTICLES = sorted(stance.demo_corpus().glob("*.md"))[:9]


@pytest.fixture(scope="module")
def rows_by_document() -> list[list[dict]]:
    """The statement rows of nine bundled articles, documents in an order that is not by id."""
    extractor = Extractor(Actors.default(), Topics.default())
    documents = list(read_documents([str(path) for path in ARTICLES]))
    by_document = [extractor.statements_of(document) for document in documents]
    assert sum(map(len, by_document)) > 30
    return by_document[4:] + by_document[:4][::-1]


def stored(tmp_path, rows_by_document, part_rows: int, label: str = "all") -> tuple[pd.DataFrame, object]:
    folder = tmp_path / f"{label}-{part_rows}"
    folder.mkdir()
    statements = StatementStore(folder, part_rows=part_rows)
    for rows in rows_by_document:
        statements.add(rows)
    return statements.finish(folder / "statements.parquet"), statements


def test_parts_merge_into_the_table_built_in_memory(tmp_path, rows_by_document):
    narrow, statements = stored(tmp_path, rows_by_document, part_rows=7)
    written = schema.conform(pd.read_parquet(statements.path), schema.STATEMENT_COLUMNS)
    expected = statements_frame([row for rows in rows_by_document for row in rows])
    pd.testing.assert_frame_equal(written, expected)
    assert sorted(narrow["statement_id"]) == sorted(expected["statement_id"])
    assert list(tmp_path.glob("**/part-*")) == []   # the parts are gone once merged


def test_the_file_depends_on_its_rows_not_on_how_they_were_gathered(tmp_path, rows_by_document, monkeypatch):
    monkeypatch.setattr(store, "ROW_GROUP_ROWS", 10)
    _, small_parts = stored(tmp_path, rows_by_document, part_rows=3)
    _, one_part = stored(tmp_path, rows_by_document, part_rows=100_000)
    assert pq.ParquetFile(one_part.path).metadata.num_row_groups > 2
    assert small_parts.path.read_bytes() == one_part.path.read_bytes()


def test_an_earlier_runs_statements_merge_with_new_ones(tmp_path, rows_by_document):
    _, everything = stored(tmp_path, rows_by_document, part_rows=5)
    _, earlier = stored(tmp_path, rows_by_document[:4], part_rows=5, label="earlier")
    folder = tmp_path / "appended"
    folder.mkdir()
    statements = StatementStore(folder, part_rows=5)
    for rows in rows_by_document[4:]:
        statements.add(rows)
    narrow = statements.finish(folder / "statements.parquet", earlier=earlier.path)
    assert statements.path.read_bytes() == everything.path.read_bytes()
    assert len(narrow) == pq.ParquetFile(everything.path).metadata.num_rows


def test_memory_keeps_positions_and_quotes_are_read_back(tmp_path, rows_by_document):
    narrow, statements = stored(tmp_path, rows_by_document, part_rows=7)
    assert "text" not in narrow.columns and "sentence" not in narrow.columns
    assert {"holder", "topic", "stance", "date", "confidence"} <= set(narrow.columns)
    wanted = narrow["statement_id"].iloc[[0, -1]].tolist()
    quotes = statements.quotes(wanted).set_index("statement_id")
    by_id = {row["statement_id"]: row for rows in rows_by_document for row in rows}
    assert [quotes.loc[i, "text"] for i in wanted] == [by_id[i]["text"] for i in wanted]


def test_a_run_written_as_it_goes_equals_one_built_in_memory(tmp_path):
    outline = stance.analyze_into(tmp_path / "run", [str(path) for path in ARTICLES], charts=False)
    in_memory = stance.analyze([str(path) for path in ARTICLES])
    written = stance.load(tmp_path / "run")
    for name in ("documents", "statements", "shifts"):
        pd.testing.assert_frame_equal(getattr(written, name), getattr(in_memory, name))
    assert len(outline.statements) == len(in_memory.statements) and "text" not in outline.statements.columns
    assert (tmp_path / "run" / "report.md").read_text() == stance.report.markdown_report(in_memory)


def test_a_run_without_statements_writes_an_empty_table(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    statements = StatementStore(folder)
    narrow = statements.finish(folder / "statements.parquet")
    assert narrow.empty and list(pd.read_parquet(folder / "statements.parquet").columns)[:2] == ["statement_id", "doc_id"]


def test_an_earlier_run_without_statements_leaves_the_merged_file_as_one_run_writes_it(tmp_path, rows_by_document):
    _, everything = stored(tmp_path, rows_by_document, part_rows=5)
    _, earlier = stored(tmp_path, [], part_rows=5, label="earlier")   # its articles were all skipped
    folder = tmp_path / "appended"
    folder.mkdir()
    statements = StatementStore(folder, part_rows=5)
    for rows in rows_by_document:
        statements.add(rows)
    statements.finish(folder / "statements.parquet", earlier=earlier.path)
    assert statements.path.read_bytes() == everything.path.read_bytes()
