"""One position per holder, topic and day, built from the dated statements.

Several statements on one day combine by a simple rule a reader can check: the statement with
the strongest evidence (highest confidence) gives the day's position; when statements of equal
strength disagree the day is marked `tied` and lists every stance seen. A position holds until
the next one, and at most `CARRY_DAYS` days: silence is not evidence.
"""
from __future__ import annotations

import pandas as pd

from .schema import SCORES, check_columns

REQUIRES = ("statement_id", "holder", "topic", "stance", "score", "date", "confidence")
TIMELINE_COLUMNS = ("holder", "topic", "date", "stance", "score", "confidence", "n_statements",
                    "statement_id", "tied", "stances", "valid_until")
TIE_MARGIN = 0.05   # confidences this close count as equally strong
CARRY_DAYS = 30     # how long a position is assumed to hold without new evidence


def build_timeline(statements: pd.DataFrame, holder: str | None = None, topic: str | None = None) -> pd.DataFrame:
    """Daily positions per holder and topic, sorted by holder, topic and date.

    >>> rows = pd.DataFrame({"statement_id": ["a", "b"], "holder": ["merz", "merz"], "topic": ["loan", "loan"],
    ...     "stance": ["oppose", "support"], "score": [-1, 2], "confidence": [0.9, 0.8],
    ...     "date": pd.to_datetime(["2025-10-01", "2025-10-20"])})
    >>> build_timeline(rows)[["date", "stance"]].astype(str).values.tolist()
    [['2025-10-01', 'oppose'], ['2025-10-20', 'support']]
    """
    check_columns(statements, REQUIRES, "build_timeline")
    rows = statements[(statements["holder"] != "") & (statements["topic"] != "")]
    if holder is not None:
        rows = rows[rows["holder"] == holder]
    if topic is not None:
        rows = rows[rows["topic"] == topic]
    if rows.empty:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(
            TIMELINE_COLUMNS, ("string", "string", "datetime64[ns]", "string", "int64", "float64", "int64",
                               "string", "bool", "string", "datetime64[ns]"))})
    days = []
    for (holder_id, topic_id, day), group in rows.groupby(["holder", "topic", "date"], sort=True):
        days.append(_combine_day(holder_id, topic_id, day, group))
    timeline = pd.DataFrame(days).sort_values(["holder", "topic", "date"], kind="stable").reset_index(drop=True)
    following = timeline.groupby(["holder", "topic"])["date"].shift(-1)
    horizon = timeline["date"] + pd.Timedelta(days=CARRY_DAYS)
    timeline["valid_until"] = following.where(following.notna() & (following < horizon), horizon)
    timeline["holder"] = timeline["holder"].astype("string")
    timeline["topic"] = timeline["topic"].astype("string")
    return timeline[list(TIMELINE_COLUMNS)]


def _combine_day(holder: str, topic: str, day, group: pd.DataFrame) -> dict:
    # Rank by the raw evidence score where there is one: calibration keeps its order but
    # flattens it into ties.
    strength = "evidence" if "evidence" in group.columns else "confidence"
    ordered = group.sort_values([strength, "statement_id"], ascending=[False, True], kind="stable")
    best = ordered.iloc[0]
    strong = ordered[ordered[strength] >= best[strength] - TIE_MARGIN]
    stances = sorted(set(strong["stance"]), key=lambda s: SCORES[s])
    return {"holder": holder, "topic": topic, "date": day, "stance": best["stance"], "score": int(best["score"]),
            "confidence": float(best["confidence"]), "n_statements": int(len(group)),
            "statement_id": best["statement_id"], "tied": len(stances) > 1, "stances": ",".join(stances)}
