"""Run the per-document stages over many documents: in this process, in N processes, or on dask.

Documents are read lazily and sent off in small batches, with only a few batches in flight per
worker, so the input is never read ahead of the work; a document's text is dropped as soon as
its statements are found, and the statements are kept column by column (no dict per row), so
memory follows the number of statements, not the size of the corpus. Whatever the engine, the
rows come back in input order, so every engine gives the same tables.
"""
from __future__ import annotations

import logging
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Iterable, Iterator

import pandas as pd

from .errors import StanceError
from .extract import Extractor
from .ingest import Document, fingerprint

log = logging.getLogger(__name__)
ENGINES = ("local", "dask")
# A batch closes at this many documents or characters, whichever comes first. Small batches
# keep both workers busy to the end of a small corpus; a process-pool batch costs well under a
# millisecond to send, a dask task a few milliseconds, so dask gets bigger ones.
BATCH_SIZE = 8
BATCH_CHARS = 64_000
DASK_BATCH_SIZE = 32
DASK_BATCH_CHARS = 256_000
# Batches submitted per worker before the oldest is waited for: enough to hide the round trip,
# few enough that the input is read only just ahead of the work.
IN_FLIGHT_PER_WORKER = 3
# Statement rows kept as Python lists before they are packed into a DataFrame chunk.
CHUNK_ROWS = 20_000

# The extractor of a worker process, set once by the pool initializer (each worker has its own).
_worker_extractor: Extractor | None = None


class EngineError(StanceError):
    """The chosen engine cannot run: dask missing, a scheduler out of reach."""


def track(items: Iterable, label: str, enabled: bool, total: int | None = None, unit: str = "doc"):
    """Show progress on stderr when enabled (at a terminal by default); otherwise pass through.

    >>> list(track([1, 2], "counting", enabled=False))
    [1, 2]
    """
    if not enabled:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=label, total=total, unit=unit, file=sys.stderr, dynamic_ncols=True, leave=False)


def run_documents(documents: Iterable[Document], extractor: Extractor, jobs: int = 1, engine: str = "local",
                  scheduler: str | None = None, batch_size: int | None = None,
                  batch_chars: int | None = None) -> Iterator[tuple[Document, list[dict], str]]:
    """Yield (document without its text, its statement rows, error) for every document, in input order.

    >>> from stance.config import Actors, Topics
    >>> [(d.doc_id, rows, error) for d, rows, error in run_documents([Document("a", "a.md")], Extractor(Actors([]), Topics([])))]
    [('a', [], '')]
    """
    if engine not in ENGINES:
        raise StanceError(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise StanceError("--scheduler names a dask scheduler; add --engine dask")
    if engine == "dask":
        batches = _batches(documents, batch_size or DASK_BATCH_SIZE, batch_chars or DASK_BATCH_CHARS)
        yield from _run_dask(batches, extractor, jobs, scheduler)
        return
    batches = _batches(documents, batch_size or BATCH_SIZE, batch_chars or BATCH_CHARS)
    if jobs > 1:
        yield from _run_pool(batches, extractor, jobs)
    else:
        for batch in batches:
            yield from extract_batch(batch, extractor)


def extract_batch(batch: list[Document], extractor: Extractor) -> list[tuple[Document, list[dict], str]]:
    """Statements of each document of a batch; a document that breaks a stage is reported, not raised."""
    results = []
    for document in batch:
        try:
            rows = extractor.statements_of(document)
            error = ""
        except StanceError:
            raise
        except Exception as failure:  # one odd document must not stop a run of thousands
            log.exception("document %s failed", document.doc_id)
            rows, error = [], f"{document.path}: processing failed ({type(failure).__name__}: {failure})"
        results.append((replace(document, text="", checksum=fingerprint(document.text)), rows, error))
    return results


class StatementColumns:
    """Statement rows gathered column by column, and every `chunk_rows` rows moved into a
    DataFrame chunk (whose strings pandas keeps in compact Arrow buffers): a large run's
    statements take a fraction of the memory of a dict per row.

    >>> columns = StatementColumns()
    >>> columns.extend([{"doc_id": "a", "score": 1}, {"doc_id": "b", "score": -2}])
    >>> columns.frame().values.tolist()
    [['a', 1], ['b', -2]]
    """

    def __init__(self, chunk_rows: int = CHUNK_ROWS):
        self.chunk_rows = chunk_rows
        self._chunks: list[pd.DataFrame] = []
        self._columns: dict[str, list] = {}
        self._length = 0      # rows in self._columns, not yet in a chunk
        self._total = 0

    def __len__(self) -> int:
        return self._total

    def extend(self, rows: list[dict]) -> None:
        for row in rows:
            if row.keys() == self._columns.keys():
                for name, value in row.items():
                    self._columns[name].append(value)
            else:  # a row with other columns than those before it: each side gets the other's, empty
                for name in row:
                    self._columns.setdefault(name, [None] * self._length)
                for name, column in self._columns.items():
                    column.append(row.get(name))
            self._length += 1
            self._total += 1
            if self._length >= self.chunk_rows:
                self._close_chunk()

    def frame(self) -> pd.DataFrame:
        """All rows as a DataFrame, as `pd.DataFrame(rows)` would build it; the gathered rows are
        handed over (the collection is empty afterwards), so they are not held twice."""
        if self._length or not self._chunks:
            self._close_chunk()
        chunks, self._chunks, self._total = self._chunks, [], 0
        if len(chunks) == 1:
            return chunks[0]
        return pd.concat(chunks, ignore_index=True)

    def _close_chunk(self) -> None:
        columns, self._columns, self._length = self._columns, {}, 0
        self._chunks.append(pd.DataFrame(columns))


def _batches(documents: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Lists of at most `size` documents and about `chars` characters, read lazily."""
    batch: list[Document] = []
    length = 0
    for document in documents:
        batch.append(document)
        length += len(document.text)
        if len(batch) >= size or length >= chars:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


def _run_pool(batches: Iterator[list[Document]], extractor: Extractor, jobs: int):
    """Batches through a process pool with a bounded window of futures, results in input order.
    (`ProcessPoolExecutor.map` would read the whole input up front and hold it in memory.)"""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(extractor,))
    pending: deque = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_extract_in_worker, batch))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Also on an error or an abandoned iteration: drop the queued work, do not wait for it.
        pool.shutdown(wait=not pending, cancel_futures=True)


def _init_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _extract_in_worker(batch: list[Document]):
    assert _worker_extractor is not None
    return extract_batch(batch, _worker_extractor)


def _run_dask(batches: Iterator[list[Document]], extractor: Extractor, jobs: int, scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs dask.distributed, which is not installed; "
                          "install it with: pip install 'stance-shift[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.WARNING)
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        where = f"the dask scheduler at {scheduler}" if scheduler else "a local dask cluster"
        raise EngineError(f"cannot reach {where} ({error}); check the address, or leave out --scheduler "
                          "to start a local cluster") from None
    try:
        remote_extractor = client.scatter(extractor, broadcast=True)
        window = max(2, jobs if not scheduler else len(client.scheduler_info().get("workers", ())) or 2)
        pending: deque = deque()
        for batch in batches:
            pending.append(client.submit(extract_batch, batch, remote_extractor, pure=False))
            if len(pending) >= window * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
