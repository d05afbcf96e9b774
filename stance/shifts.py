"""Find where a holder's position on a topic moved, with the evidence for both sides.

Short series (most holder x topic pairs have a handful of days) use a clear rule: consecutive
days with different positions make a shift, except that a lone, weaker position between two
agreeing ones within `CONTESTED_DAYS` is reported once as contested rather than as two
reversals. Series of `CHANGE_POINT_MIN_DAYS` days or more are segmented by exact change-point
detection (ruptures' Pelt with jump=1 on the daily scores), so one noisy day does not split
them. A first position is never a shift. Shifts that a source reports ("a U-turn", "no longer")
are kept too, marked `reported`, with the reporter as `speaker`.

Kinds follow PolitiFact's Flip-O-Meter in spirit: `reversal` crosses neutral (open -> ruled_out
is a reversal, a Full Flop); `hardening` moves away from neutral on the same side (or out of it);
`softening` moves towards neutral (Half Flips).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema
from .schema import SCORES, STANCES, check_columns
from .timeline import build_timeline

REQUIRES = ("statement_id", "doc_id", "holder", "topic", "stance", "score", "date", "confidence", "text", "speaker")
CONTESTED_DAYS = 14
CHANGE_POINT_MIN_DAYS = 12
CHANGE_POINT_PENALTY = 3.0
# Weak statements stay in the tables but cannot make a shift: a headline (it compresses), and
# a stance read from no stance word at all. On the tune split most false shifts came from them.
MIN_EVIDENCE = 0.2


def shift_kind(from_score: float, to_score: float) -> str:
    """Name a move on the five-point scale.

    >>> shift_kind(1, -2), shift_kind(-1, -2), shift_kind(2, 1), shift_kind(0, 2)
    ('reversal', 'hardening', 'softening', 'hardening')
    """
    if from_score * to_score < 0:
        return "reversal"
    return "hardening" if abs(to_score) > abs(from_score) else "softening"


def is_evidence(statements: pd.DataFrame) -> pd.Series:
    """Which statements may stand on either side of a shift."""
    score = statements["evidence"] if "evidence" in statements.columns else statements["confidence"]
    strong = score >= MIN_EVIDENCE
    if "cue" in statements.columns:
        cue = statements["cue"].astype(str)
        strong &= ~(cue.str.contains("(no stance word)", regex=False) | cue.str.startswith("(model"))
    if "is_heading" in statements.columns:
        strong &= ~statements["is_heading"].astype(bool)
    return strong


def detect_shifts(statements: pd.DataFrame) -> pd.DataFrame:
    """The shifts table of the SPEC: one row per shift, sorted by holder, topic and date."""
    check_columns(statements, REQUIRES, "detect_shifts")
    by_id = statements.set_index("statement_id", drop=False)
    timeline = build_timeline(statements[is_evidence(statements)])
    rows: list[dict] = []
    for (_, _), series in timeline.groupby(["holder", "topic"], sort=True):
        series = series.reset_index(drop=True)
        if len(series) < 2:
            continue
        if len(series) >= CHANGE_POINT_MIN_DAYS:
            rows.extend(_change_point_shifts(series, by_id))
        else:
            rows.extend(_rule_shifts(series, by_id))
    rows = _merge_reported(rows, _reported_shifts(statements, timeline))
    if not rows:
        return schema.empty(schema.SHIFT_COLUMNS)
    table = pd.DataFrame(rows)
    table = table.sort_values(["holder", "topic", "to_date", "reported", "after_statement_id"], kind="stable")
    return schema.conform(table, schema.SHIFT_COLUMNS)


def _rule_shifts(series: pd.DataFrame, by_id: pd.DataFrame) -> list[dict]:
    rows, skip_next = [], False
    for index in range(1, len(series)):
        before, after = series.iloc[index - 1], series.iloc[index]
        if skip_next:
            skip_next = False
            continue
        if before["stance"] == after["stance"]:
            continue
        contested = _is_contested(series, index)
        rows.append(_shift_row(before, after, by_id, contested=contested))
        skip_next = contested
    return rows


def _is_contested(series: pd.DataFrame, index: int) -> bool:
    """A -> B -> A within days, B resting on one weaker statement: one contested move, not two."""
    if index + 1 >= len(series):
        return False
    before, middle, after = series.iloc[index - 1], series.iloc[index], series.iloc[index + 1]
    return (after["stance"] == before["stance"]
            and (after["date"] - before["date"]).days <= CONTESTED_DAYS
            and middle["n_statements"] == 1
            and middle["confidence"] <= max(before["confidence"], after["confidence"]))


def _change_point_shifts(series: pd.DataFrame, by_id: pd.DataFrame) -> list[dict]:
    """Segment a long daily series with ruptures (exact Pelt, jump=1, real day order)."""
    import ruptures

    signal = series["score"].to_numpy(dtype=float).reshape(-1, 1)
    breaks = ruptures.Pelt(model="l2", min_size=2, jump=1).fit(signal).predict(pen=CHANGE_POINT_PENALTY)
    rows, start = [], 0
    segments = []
    for end in breaks:
        segments.append(series.iloc[start:end])
        start = end
    for left, right in zip(segments, segments[1:]):
        left_stance = _segment_stance(left)
        right_stance = _segment_stance(right)
        if left_stance == right_stance:
            continue
        before = left[left["stance"] == left_stance].iloc[-1]
        after = right[right["stance"] == right_stance].iloc[0]
        rows.append(_shift_row(before, after, by_id, contested=False))
    return rows


def _segment_stance(segment: pd.DataFrame) -> str:
    """The stance nearest the segment's mean score (ties: the more frequent, then the later)."""
    mean = segment["score"].mean()
    nearest = min(STANCES, key=lambda stance: (abs(SCORES[stance] - mean), -int((segment["stance"] == stance).sum())))
    if (segment["stance"] == nearest).any():
        return nearest
    return segment["stance"].mode().iloc[-1]


def _shift_row(before: pd.Series, after: pd.Series, by_id: pd.DataFrame, contested: bool) -> dict:
    first, second = by_id.loc[before["statement_id"]], by_id.loc[after["statement_id"]]
    confidence = float(np.sqrt(before["confidence"] * after["confidence"]))
    if contested:
        confidence *= 0.5
    return {
        "holder": before["holder"], "topic": before["topic"],
        "from_stance": before["stance"], "to_stance": after["stance"],
        "from_score": float(before["score"]), "to_score": float(after["score"]),
        "from_date": before["date"], "to_date": after["date"],
        "kind": shift_kind(before["score"], after["score"]),
        "before_statement_id": before["statement_id"], "after_statement_id": after["statement_id"],
        "confidence": round(confidence, 4), "reported": False, "speaker": "",
        "before_text": first["text"], "after_text": second["text"],
        "before_doc_id": first["doc_id"], "after_doc_id": second["doc_id"], "contested": contested,
    }


def _reported_shifts(statements: pd.DataFrame, timeline: pd.DataFrame) -> list[dict]:
    """Shifts a source reports ("a shift in the president's stance", "no longer backs")."""
    if "is_shift_report" not in statements.columns:
        return []
    reports = statements[statements["is_shift_report"].astype(bool) & (statements["holder"] != "")
                         & (statements["topic"] != "")]
    rows = []
    for _, report in reports.sort_values(["date", "statement_id"]).iterrows():
        earlier = timeline[(timeline["holder"] == report["holder"]) & (timeline["topic"] == report["topic"])
                           & (timeline["date"] < report["date"])]
        before = statements.loc[statements["statement_id"] == earlier.iloc[-1]["statement_id"]].iloc[0] \
            if not earlier.empty else None
        to_stance = report["stance"]
        from_stance = before["stance"] if before is not None else _implied_earlier(report)
        kind = shift_kind(SCORES[from_stance], SCORES[to_stance]) if from_stance and from_stance != to_stance \
            else "reported"
        rows.append({
            "holder": report["holder"], "topic": report["topic"],
            "from_stance": from_stance, "to_stance": to_stance,
            "from_score": float(SCORES[from_stance]) if from_stance else np.nan, "to_score": float(report["score"]),
            "from_date": before["date"] if before is not None else pd.NaT, "to_date": report["date"],
            "kind": kind,
            "before_statement_id": before["statement_id"] if before is not None else report["statement_id"],
            "after_statement_id": report["statement_id"],
            "confidence": round(float(report["confidence"]), 4), "reported": True, "speaker": report["speaker"],
            "before_text": before["text"] if before is not None else report["text"], "after_text": report["text"],
            "before_doc_id": before["doc_id"] if before is not None else report["doc_id"],
            "after_doc_id": report["doc_id"], "contested": False,
        })
    return rows


def _merge_reported(detected: list[dict], reported: list[dict]) -> list[dict]:
    """A reported shift that a detected one already shows marks that one as reported."""
    merged = list(detected)
    for row in reported:
        same = [d for d in detected if d["holder"] == row["holder"] and d["topic"] == row["topic"]
                and abs((d["to_date"] - row["to_date"]).days) <= 1]
        if same:
            same[0]["reported"], same[0]["speaker"] = True, row["speaker"]
        else:
            merged.append(row)
    return merged


def _implied_earlier(report: pd.Series) -> str:
    """"No longer wants X" says that the holder used to want X."""
    cue = str(report.get("cue", "")).lower()
    if "no longer" in cue:
        return {"oppose": "support", "ruled_out": "support", "support": "oppose", "open": "oppose"}.get(report["stance"], "")
    return ""
