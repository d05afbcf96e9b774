"""One position per holder, topic and day, built from the dated statements.

Several statements on one day combine by a simple rule a reader can check: the statement with
the strongest evidence (highest confidence) gives the day's position; when statements of equal
strength disagree the day is marked `tied` and lists every stance seen. A position holds until
the next one, and at most `CARRY_DAYS` days: silence is not evidence. A week- or month-dated
statement that repeats a day-dated one in its period is a restatement (`is_restatement`): shift
detection does not take it for a position of its own on the period's representative day. An
undated statement (precision `doc`) in an article that dates a position of the same holder on
the same topic glosses that position and is placed on its day (`place_glosses`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .schema import SCORES, check_columns

REQUIRES = ("statement_id", "holder", "topic", "stance", "score", "date", "confidence")
TIMELINE_COLUMNS = ("holder", "topic", "date", "stance", "score", "confidence", "n_statements",
                    "statement_id", "tied", "stances", "valid_until")
TIE_MARGIN = 0.05   # confidences this close count as equally strong
CARRY_DAYS = 30     # how long a position is assumed to hold without new evidence
PERIODS = ("week", "month")   # date precisions whose date is only a representative day of the period


def position_columns(statements: pd.DataFrame, rows=None) -> pd.DataFrame:
    """The rows (a mask, or all) with only the columns a day's position is made of, so a large
    run's texts are not copied on the way to a timeline."""
    columns = [c for c in (*REQUIRES, "evidence", "doc_id", "date_precision") if c in statements.columns]
    return statements[columns] if rows is None else statements.loc[rows, columns]


def build_timeline(statements: pd.DataFrame, holder: str | None = None, topic: str | None = None) -> pd.DataFrame:
    """Daily positions per holder and topic, sorted by holder, topic and date.

    >>> rows = pd.DataFrame({"statement_id": ["a", "b"], "holder": ["merz", "merz"], "topic": ["loan", "loan"],
    ...     "stance": ["oppose", "support"], "score": [-1, 2], "confidence": [0.9, 0.8],
    ...     "date": pd.to_datetime(["2025-10-01", "2025-10-20"])})
    >>> build_timeline(rows)[["date", "stance"]].astype(str).values.tolist()
    [['2025-10-01', 'oppose'], ['2025-10-20', 'support']]
    """
    check_columns(statements, REQUIRES, "build_timeline")
    statements = position_columns(statements)
    rows = statements[(statements["holder"] != "") & (statements["topic"] != "")]
    if holder is not None:
        rows = rows[rows["holder"] == holder]
    if topic is not None:
        rows = rows[rows["topic"] == topic]
    if rows.empty:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(
            TIMELINE_COLUMNS, ("string", "string", "datetime64[ns]", "string", "int64", "float64", "int64",
                               "string", "bool", "string", "datetime64[ns]"))})
    timeline = _combine_days(rows)
    following = timeline.groupby(["holder", "topic"])["date"].shift(-1)
    horizon = timeline["date"] + pd.Timedelta(days=CARRY_DAYS)
    timeline["valid_until"] = following.where(following.notna() & (following < horizon), horizon)
    timeline["holder"] = timeline["holder"].astype("string")
    timeline["topic"] = timeline["topic"].astype("string")
    return timeline[list(TIMELINE_COLUMNS)]


def _combine_days(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per holder, topic and day: the strongest statement's stance; `tied` where a
    statement of near-equal strength (within TIE_MARGIN) says otherwise."""
    keys = ["holder", "topic", "date"]
    # Rank by the raw evidence score where there is one: calibration keeps its order but
    # flattens it into ties.
    strength = "evidence" if "evidence" in rows.columns else "confidence"
    ordered = rows.sort_values(keys + [strength, "statement_id"], ascending=[True, True, True, False, True],
                               kind="stable")
    best = ordered.drop_duplicates(keys, keep="first").set_index(keys)
    top = ordered.groupby(keys, sort=False)[strength].transform("max")
    strong = ordered[ordered[strength] >= top - TIE_MARGIN]
    stances = _stances_seen(strong, keys)
    counts = ordered.groupby(keys).size()
    timeline = pd.DataFrame({
        "stance": best["stance"], "score": best["score"].astype(int), "confidence": best["confidence"].astype(float),
        "n_statements": counts.reindex(best.index).astype(int), "statement_id": best["statement_id"],
        "stances": stances.reindex(best.index)})
    timeline["tied"] = timeline["stances"].str.contains(",", regex=False)
    return timeline.reset_index().sort_values(keys, kind="stable").reset_index(drop=True)


# Each stance as one bit, in the order of the scale, and every set of stances as its words:
# a day's stances are then one sum of distinct bits, not a Python call per day.
STANCE_BITS = {stance: 1 << rank for rank, stance in enumerate(sorted(SCORES, key=SCORES.get))}
STANCE_SETS = {bits: ",".join(stance for stance, bit in STANCE_BITS.items() if bits & bit)
               for bits in range(1, 1 << len(STANCE_BITS))}


def _stances_seen(strong: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Per holder, topic and day, the distinct stances of its strong statements, comma-joined
    in the order of the scale ("oppose,support"), as the join of each group's sorted set would be."""
    stance = strong["stance"]
    if not stance.isin(list(STANCE_BITS)).all():   # a stance off the scale: the plain way
        return strong.groupby(keys)["stance"].agg(lambda found: ",".join(sorted(set(found), key=SCORES.get)))
    distinct = strong[keys + ["stance"]].drop_duplicates()
    bits = distinct["stance"].astype(str).map(STANCE_BITS).astype("int64")
    sets = bits.groupby([distinct[key] for key in keys]).sum()
    found = sets.map(STANCE_SETS).rename("stance")
    # The dtype pandas gives a Python aggregation: the column's own where every result is one
    # of its values (a categorical's categories), else plain strings.
    if isinstance(stance.dtype, pd.StringDtype):
        return found.astype(stance.dtype)
    if isinstance(stance.dtype, pd.CategoricalDtype) and found.isin(stance.cat.categories).all():
        return found.astype(stance.dtype)
    return found.astype("str")


def is_restatement(statements: pd.DataFrame) -> pd.Series:
    """Which week- or month-dated statements repeat a day-dated one of the same holder, topic and
    stance in that week or month: "last week Trump threatened sanctions" in a later explainer
    retells the threat a wire dated to the day, and placed again on the week's representative
    day it would make a position of its own, a day or weeks off. (No `date_precision`: none.)

    >>> rows = pd.DataFrame({"holder": ["merz"] * 3, "topic": ["loan"] * 3, "stance": ["support"] * 3,
    ...     "date": pd.to_datetime(["2025-10-22", "2025-10-21", "2025-10-01"]),
    ...     "date_precision": ["day", "week", "month"]})
    >>> is_restatement(rows).tolist()
    [False, True, True]
    """
    found = np.zeros(len(statements), dtype=bool)
    if "date_precision" in statements.columns and len(statements):
        precision = statements["date_precision"].astype(str).to_numpy()
        days = statements.loc[precision == "day", ["holder", "topic", "stance", "date"]]
        for period in PERIODS:
            retold = precision == period
            if retold.any():   # keys are built for the few statements that need them only
                dated = pd.MultiIndex.from_frame(_period_keys(days, period).drop_duplicates())
                found[retold] = pd.MultiIndex.from_frame(_period_keys(statements[retold], period)).isin(dated)
    return pd.Series(found, index=statements.index)


def _period_keys(statements: pd.DataFrame, period: str) -> pd.DataFrame:
    """holder, topic, stance and the week (ISO year and week) or month of each statement's date."""
    dates = pd.to_datetime(statements["date"])
    if period == "week":
        calendar = dates.dt.isocalendar()
        key = calendar["year"].astype("int64") * 100 + calendar["week"].astype("int64")
    else:
        key = dates.dt.year * 100 + dates.dt.month
    return pd.DataFrame({"holder": statements["holder"].astype(str), "topic": statements["topic"].astype(str),
                         "stance": statements["stance"].astype(str), "period": key.astype("int64")})


def place_glosses(statements: pd.DataFrame) -> pd.DataFrame:
    """Put each doc-dated statement of a document that also dates a position of the same holder on
    the same topic on that position's day: "Putin has kept his options open" in an article about
    what he said on Tuesday glosses Tuesday's position, it is no position of the publication day.
    The day is that of the latest dated statement with the same stance, else of the latest dated
    one. Returns a new frame; without `doc_id` and `date_precision`, the input.

    >>> rows = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "holder": ["merz"] * 4, "topic": ["loan"] * 4,
    ...     "stance": ["support", "oppose", "support", "support"], "date_precision": ["day", "day", "doc", "doc"],
    ...     "date": pd.to_datetime(["2025-10-20", "2025-10-21", "2025-10-23", "2025-10-23"])})
    >>> place_glosses(rows)["date"].dt.day.tolist()
    [20, 21, 20, 23]
    """
    if not {"doc_id", "date_precision"} <= set(statements.columns) or statements.empty:
        return statements
    glosses = (statements["date_precision"].astype(str) == "doc").to_numpy()
    if not glosses.any() or glosses.all():
        return statements
    keys = ["doc_id", "holder", "topic"]
    plain = statements[[*keys, "stance"]].astype(str)
    dated = plain[~glosses].assign(date=statements.loc[~glosses, "date"].to_numpy())
    latest = dated.groupby(keys)["date"].max()
    latest_same = dated.groupby([*keys, "stance"])["date"].max()
    glossed = plain[glosses]
    same_day = glossed.merge(latest_same.rename("day").reset_index(), on=[*keys, "stance"], how="left")["day"]
    any_day = glossed.merge(latest.rename("day").reset_index(), on=keys, how="left")["day"]
    days = same_day.fillna(any_day).to_numpy()
    found = ~pd.isna(days)
    if not found.any():
        return statements
    dates = statements["date"].to_numpy().copy()
    dates[np.flatnonzero(glosses)[found]] = days[found]
    return statements.assign(date=dates)
