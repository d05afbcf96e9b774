"""Run the per-document stages over many documents: in this process, in N processes, or on dask.

Documents are read and processed in batches and only their statements are kept, so memory
follows the number of statements, not the size of the corpus. Whatever the engine, the rows
come back in input order, so every engine gives the same tables.
"""
from __future__ import annotations

import itertools
import logging
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from .errors import InputError, StanceError
from .extract import Extractor
from .ingest import Document

log = logging.getLogger(__name__)
BATCH_SIZE = 64
ENGINES = ("local", "dask")

# The extractor of a worker process, set once by the pool initializer (each worker has its own).
_worker_extractor: Extractor | None = None


def track(items: Iterable, label: str, enabled: bool, total: int | None = None, unit: str = "doc"):
    """Show progress on stderr when enabled (at a terminal by default); otherwise pass through."""
    if not enabled:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=label, total=total, unit=unit, file=sys.stderr, dynamic_ncols=True, leave=False)


def run_documents(documents: Iterable[Document], extractor: Extractor, jobs: int = 1, engine: str = "local",
                  scheduler: str | None = None, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, list[dict], str]]:
    """Yield (document without its text, its statement rows, error) for every document, in input order."""
    if engine not in ENGINES:
        raise StanceError(f"unknown engine '{engine}'; choose one of {', '.join(ENGINES)}")
    batches = _batches(documents, batch_size)
    if engine == "dask":
        yield from _run_dask(batches, extractor, jobs, scheduler)
    elif jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(extractor,)) as pool:
            for results in pool.map(_extract_in_worker, _window(batches, jobs * 2), chunksize=1):
                yield from results
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
        results.append((_without_text(document), rows, error))
    return results


def _without_text(document: Document) -> Document:
    from dataclasses import replace
    return replace(document, text="")


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _window(batches: Iterator[list[Document]], ahead: int) -> Iterator[list[Document]]:
    """Pass batches on lazily; ProcessPoolExecutor.map reads its input eagerly, so keep it short."""
    yield from batches


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
        raise InputError("the dask engine needs the dask extra: pip install 'stance-shift[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING)
        client = Client(cluster)
    try:
        remote_extractor = client.scatter(extractor, broadcast=True)
        pending = []
        for batch in batches:
            pending.append(client.submit(extract_batch, batch, remote_extractor, pure=False))
            if len(pending) >= max(2, jobs) * 4:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
