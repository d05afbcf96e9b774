"""The statements table of a run, written to parquet while the run goes.

Rows arrive document by document, in input order. Every `PART_ROWS` rows (at the end of a
document) they are typed and sorted like the statements table and written to a part file in a
scratch folder; only the columns the cross-document stages read (timelines, shifts, the report:
`NARROW_COLUMNS`, no texts) stay in memory. At the end the parts, and an earlier run's
statements when a run is appended to, are merged into one statements.parquet sorted by
document, place and topic. Each part is sorted and holds whole documents, so the merge reads
every part once, front to back, a few thousand rows at a time. Row groups have a fixed size, so
the file's bytes depend on its rows alone: every engine, any `--jobs` and `--append` write the
same file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import schema
from .engine import StatementColumns

PART_ROWS = 20_000        # statement rows gathered before they are written as a part
ROW_GROUP_ROWS = 16_384   # rows per row group of statements.parquet (the merge holds one)
# Rows read from a part at a time while merging, and so the row groups of a part: a reader
# holds one decoded row group, and a merge may have every part open at once.
READ_ROWS = 2_048
# What timelines, shift detection, the charts and the report read of each statement.
NARROW_COLUMNS = ("statement_id", "doc_id", "start", "holder", "speaker", "topic", "stance", "score", "date",
                  "date_precision", "confidence", "evidence", "cue", "is_heading", "is_shift_report")
QUOTE_COLUMNS = ("statement_id", "text", "doc_id")
# Narrow columns with few distinct values, kept as categoricals.
REPEATED_COLUMNS = ("doc_id", "holder", "speaker", "topic", "stance", "cue", "date_precision")


def statements_frame(rows: list[dict] | pd.DataFrame, consume: bool = False) -> pd.DataFrame:
    """The statements table from extracted rows: typed, sorted by document, place and topic.
    With `consume`, a DataFrame given is emptied column by column as the table is built (for
    large runs: the unsorted rows are let go while the sorted table is made).

    >>> row = {"end": 9, "score": 1, "topic": "x"}
    >>> statements_frame([{**row, "statement_id": "b", "doc_id": "d2", "start": 0},
    ...                   {**row, "statement_id": "a", "doc_id": "d1", "start": 5}])["doc_id"].tolist()
    ['d1', 'd2']
    """
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    del rows
    if frame.empty:
        return schema.empty(schema.STATEMENT_COLUMNS)
    # Sort by small integer codes (not by strings), and drop repeats by position.
    doc_codes = pd.factorize(frame["doc_id"], sort=True)[0]
    topic_codes = pd.factorize(frame["topic"], sort=True)[0]
    order = np.lexsort((topic_codes, frame["start"].to_numpy(dtype="int64"), doc_codes))
    repeated = frame["statement_id"].take(order).duplicated(keep="first").to_numpy()
    return schema.conform(frame, schema.STATEMENT_COLUMNS, rows=order[~repeated], consume=consume)


@dataclass
class _Part:
    """A sorted part file: its path and its documents in order, with their row counts."""
    path: Path
    documents: list[tuple[str, int]] = field(default_factory=list)


class StatementStore:
    """Statement rows written to part files in `scratch` as they come; `finish` merges them.

    >>> import tempfile
    >>> scratch = Path(tempfile.mkdtemp())
    >>> store = StatementStore(scratch)
    >>> row = {"start": 0, "end": 4, "score": 2, "topic": "t"}
    >>> store.add([{**row, "statement_id": "s1", "doc_id": "b", "text": "Yes."}])
    >>> store.add([{**row, "statement_id": "s2", "doc_id": "a", "text": "No."}])
    >>> narrow = store.finish(scratch / "statements.parquet")
    >>> narrow["doc_id"].tolist(), pd.read_parquet(scratch / "statements.parquet")["text"].tolist()
    (['a', 'b'], ['No.', 'Yes.'])
    """

    def __init__(self, scratch: Path, part_rows: int = PART_ROWS):
        self.scratch = Path(scratch)
        self.part_rows = part_rows
        self.path: Path | None = None      # the merged file, once written
        self._pending = StatementColumns(chunk_rows=part_rows)
        self._parts: list[_Part] = []
        self._narrow: list[pa.Table] = []

    def add(self, rows: list[dict]) -> None:
        """The statement rows of one document (a part closes only between documents)."""
        self._pending.extend(rows)
        if len(self._pending) >= self.part_rows:
            self._close_part()

    def finish(self, path: Path, earlier: Path | None = None, dropped: set[str] = frozenset()) -> pd.DataFrame:
        """Write the merged statements table to `path` (the statements of the `earlier` run's
        statements.parquet too, if given, less those of the documents in `dropped`) and return
        its narrow columns, in the order the documents came (every stage that reads them orders
        them itself)."""
        self._close_part()
        parts, narrow = list(self._parts), list(self._narrow)
        copy = self._without(Path(earlier), dropped) if earlier is not None and dropped else None
        earlier = copy or earlier
        if earlier is not None:
            held = pq.read_table(earlier, columns=[c for c in NARROW_COLUMNS if c in pq.read_schema(earlier).names])
            parts.insert(0, _Part(Path(earlier), _runs(held.column("doc_id").to_pylist())))
            narrow.insert(0, _compact(held))
        self._narrow = []
        _write_merged(parts, path)
        for part in self._parts:   # this store's own parts; an earlier run's file stays
            os.remove(part.path)
        if copy is not None:
            os.remove(copy)
        self._parts = []
        self.path = Path(path)
        return _narrow_frame(narrow)

    def _without(self, earlier: Path, dropped: set[str]) -> Path:
        """A copy of an earlier statements file without the rows of some documents, written
        batch by batch into the scratch folder (removed once merged)."""
        source = pq.ParquetFile(earlier)
        path = self.scratch / "earlier-kept.parquet"
        gone = pa.array(sorted(dropped), pa.string())
        with pq.ParquetWriter(path, source.schema_arrow) as writer:
            for batch in source.iter_batches(batch_size=READ_ROWS):
                table = pa.Table.from_batches([batch], schema=source.schema_arrow)
                writer.write_table(table.filter(pc.invert(pc.is_in(table.column("doc_id"), value_set=gone))))
        return path

    def quotes(self, ids: Iterable[str]) -> pd.DataFrame:
        """Text and document of the given statements, read back from the merged file."""
        wanted = sorted(set(ids))
        if self.path is None or not wanted:
            return pd.DataFrame({name: pd.Series(dtype="string") for name in QUOTE_COLUMNS})
        table = pq.read_table(self.path, columns=list(QUOTE_COLUMNS), filters=[("statement_id", "in", wanted)])
        return table.to_pandas()

    def _close_part(self) -> None:
        if not len(self._pending):
            return
        frame = statements_frame(self._pending.frame(), consume=True)
        path = self.scratch / f"part-{len(self._parts):05d}.parquet"
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table, path, row_group_size=READ_ROWS)
        self._parts.append(_Part(path, _runs(frame["doc_id"].tolist())))
        self._narrow.append(_compact(table.select([c for c in NARROW_COLUMNS if c in table.column_names])))


def _runs(doc_ids: list[str]) -> list[tuple[str, int]]:
    """(document, rows) for each run of equal ids in a sorted column."""
    runs: list[tuple[str, int]] = []
    for doc_id in doc_ids:
        if runs and runs[-1][0] == doc_id:
            runs[-1] = (doc_id, runs[-1][1] + 1)
        else:
            runs.append((doc_id, 1))
    return runs


def _write_merged(parts: list[_Part], path: Path) -> None:
    """Merge sorted parts into one file in document order. A part without rows (an earlier run
    whose documents were all skipped) is left out, so its schema does not become the file's."""
    parts = [part for part in parts if part.documents]
    order = sorted((doc_id, index, rows) for index, part in enumerate(parts) for doc_id, rows in part.documents)
    readers = [_PartReader(part.path) for part in parts]
    target = pa.unify_schemas([reader.schema for reader in readers]) if readers else None
    writer = pq.ParquetWriter(path, target) if target is not None else None
    held: list[pa.Table] = []
    count = 0
    try:
        for index, rows in _consecutive(order):
            held.append(readers[index].take(rows).select(target.names).cast(target))
            count += rows
            while count >= ROW_GROUP_ROWS:
                table = pa.concat_tables(held)
                writer.write_table(table.slice(0, ROW_GROUP_ROWS).combine_chunks(), row_group_size=ROW_GROUP_ROWS)
                held, count = [table.slice(ROW_GROUP_ROWS)], count - ROW_GROUP_ROWS
        if count:
            writer.write_table(pa.concat_tables(held).combine_chunks(), row_group_size=ROW_GROUP_ROWS)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        schema.empty(schema.STATEMENT_COLUMNS).to_parquet(path, index=False)


def _consecutive(order: list[tuple[str, int, int]]):
    """(part, rows) for each stretch of documents in `order` that come from the same part."""
    current, rows = None, 0
    for _, index, count in order:
        if index != current and rows:
            yield current, rows
            rows = 0
        current, rows = index, rows + count
    if rows:
        yield current, rows


class _PartReader:
    """Reads a part front to back, handing out the next `rows` rows on each `take`."""

    def __init__(self, path: Path):
        self._file = pq.ParquetFile(path)
        self.schema = self._file.schema_arrow
        self._batches = self._file.iter_batches(batch_size=READ_ROWS)
        self._buffer: pa.Table | None = None

    def take(self, rows: int) -> pa.Table:
        pieces = []
        while rows:
            if self._buffer is None or self._buffer.num_rows == 0:
                self._buffer = pa.Table.from_batches([next(self._batches)])
            piece = self._buffer.slice(0, rows)
            self._buffer = self._buffer.slice(piece.num_rows)
            pieces.append(piece)
            rows -= piece.num_rows
        return pa.concat_tables(pieces)


def _compact(table: pa.Table) -> pa.Table:
    """Narrow columns with few distinct values dictionary-encoded: a part's holders, topics and
    cues take an integer a row, not a string."""
    for name in REPEATED_COLUMNS:
        if name in table.column_names:
            table = table.set_column(table.column_names.index(name), name,
                                     pa.chunked_array([chunk.dictionary_encode() for chunk in table.column(name).chunks],
                                                      type=pa.dictionary(pa.int32(), table.schema.field(name).type)))
    return table


def _narrow_frame(tables: list[pa.Table]) -> pd.DataFrame:
    """The narrow columns of all parts as one frame. The repeated strings become categoricals
    with their categories in sorted order, so sorting and grouping them works on small integer
    codes, as it would on the strings."""
    if not tables:
        return schema.empty({name: schema.STATEMENT_COLUMNS.get(name, "string") for name in NARROW_COLUMNS})
    table = pa.concat_tables(tables, promote_options="default")
    tables.clear()
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow"),
                                          pa.large_string(): pd.StringDtype("pyarrow")}.get)
    del table
    for name in REPEATED_COLUMNS:
        if name in frame.columns:
            column = frame[name]
            if not isinstance(column.dtype, pd.CategoricalDtype):
                column = column.astype("category")
            frame[name] = column.cat.set_categories(sorted(column.cat.categories))
    return frame
