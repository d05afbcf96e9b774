"""The output tables: their columns, in order, and their dtypes, named as in the SPEC.

Each stage declares the columns it `REQUIRES` and `ADDS`; `check_columns` verifies them
before the stage runs so a mistake shows up as a clear message, not a KeyError deep inside.
"""
from __future__ import annotations

import pandas as pd

STANCES = ("ruled_out", "oppose", "neutral", "open", "support")
SCORES = {"ruled_out": -2, "oppose": -1, "neutral": 0, "open": 1, "support": 2}
ATTRIBUTIONS = ("direct_quote", "reported", "paraphrase", "commentary")
DATE_PRECISIONS = ("day", "week", "month", "doc")
DOCUMENT_STATUSES = ("ok", "skipped", "error")
SHIFT_KINDS = ("reversal", "hardening", "softening", "reported")
AUTHOR = "author"

DOCUMENT_COLUMNS = {
    "doc_id": "string",
    "path": "string",
    "title": "string",
    "source": "string",
    "url": "string",
    "date": "datetime64[ns]",
    "status": "string",
    "reason": "string",
    "n_statements": "int64",
    # Added beyond the SPEC minimum: a fingerprint of the text read, so that `--append` knows a
    # file it holds was edited since.
    "checksum": "string",
}

STATEMENT_COLUMNS = {
    "statement_id": "string",
    "doc_id": "string",
    "text": "string",
    "holder": "string",
    "speaker": "string",
    "attribution": "string",
    "topic": "string",
    "stance": "string",
    "score": "int64",
    "date": "datetime64[ns]",
    "date_precision": "string",
    "doc_date": "datetime64[ns]",
    "confidence": "float64",
    # Added beyond the SPEC minimum: where the statement sits in its document, and
    # which words gave its date and stance, so every row can be checked by a reader.
    "start": "int64",
    "end": "int64",
    "sentence": "string",        # the whole sentence when `text` is a clause of it, else ""
    "date_expression": "string",
    "cue": "string",
}

SHIFT_COLUMNS = {
    "holder": "string",
    "topic": "string",
    "from_stance": "string",
    "to_stance": "string",
    "from_score": "float64",
    "to_score": "float64",
    "from_date": "datetime64[ns]",
    "to_date": "datetime64[ns]",
    "kind": "string",
    "before_statement_id": "string",
    "after_statement_id": "string",
    "confidence": "float64",
    "reported": "bool",
    "speaker": "string",
    "before_text": "string",
    "after_text": "string",
    "before_doc_id": "string",
    "after_doc_id": "string",
    "contested": "bool",
}
# Contested blips (A -> B -> A within two weeks, which make no shift), listed apart in the
# shift columns plus the day the held position came back.
CONTESTED_COLUMNS = {**SHIFT_COLUMNS, "back_date": "datetime64[ns]"}


def empty(columns: dict[str, str]) -> pd.DataFrame:
    """An empty table with the given columns and dtypes.

    >>> list(empty({"doc_id": "string"}).columns)
    ['doc_id']
    """
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def conform(frame: pd.DataFrame, columns: dict[str, str], rows=None, consume: bool = False) -> pd.DataFrame:
    """Order and type a table's columns as declared; extra columns are kept at the end.

    `rows` (positions) picks and orders the rows on the way. Built column by column into a new
    frame: a column already of its type is not copied, and with `consume` each column is
    dropped from `frame` once taken, so a large statements table is never held twice.
    """
    out: dict[str, pd.Series] = {}
    index = pd.RangeIndex(len(frame) if rows is None else len(rows))
    for name in [*columns, *(c for c in frame.columns if c not in columns)]:
        dtype = columns.get(name)
        if name in frame.columns:
            column = frame[name] if rows is None else frame[name].take(rows)
            if consume:
                del frame[name]
        else:
            column = pd.Series(dtype=dtype, index=range(len(index)))
        column = column.set_axis(index)
        if dtype is None:
            pass
        elif dtype == "string":
            if str(column.dtype) != "string" or column.hasnans:   # not "str", pandas' other string type
                column = column.astype("string").fillna("")
        elif dtype.startswith("datetime64"):
            column = pd.to_datetime(column).astype(dtype)
        elif dtype == "bool":
            column = column.fillna(False).astype(bool) if column.dtype != bool else column
        else:
            column = column.astype(dtype)
        out[name] = column
    return pd.DataFrame(out, index=index, copy=False)


def check_columns(frame: pd.DataFrame, required: tuple[str, ...], stage: str) -> None:
    """Raise a clear error when a stage is handed a table without the columns it reads."""
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise ValueError(f"{stage} needs columns {missing}; it was given {list(frame.columns)}")
