"""Find where a holder's position on a topic moved, with the evidence for both sides.

Short series (most holder x topic pairs have a handful of days) use a clear rule: consecutive days
with different positions make a shift, except that a lone position between two agreeing ones at
most `CONTESTED_DAYS` apart is contested and makes no shift; such blips are listed apart
(`contested_table`, the run's contested.parquet and the report's "Contested positions"). Series of `CHANGE_POINT_MIN_DAYS` days or more are segmented by exact change-point
detection (ruptures' Pelt with jump=1 on the daily scores), so one noisy day does not split them. A
first position is never a shift, and an undated statement that glosses a position its article dates
stands on that position's day (`place_glosses`). Only the holder's own word is a position: the
holder's, or an official voice's (a person's spokesperson and office, an organisation's members);
another actor's claim about the holder is not. A day whose equally strong statements include the
position held so far does not move it, and one whose statements all leave it takes the furthest of
them; a weak change of tone that does not last is left out unless it comes within days, and a weak
step between the two refusals is left out whatever. Shifts that a source reports ("a U-turn", "no
longer") are kept too, marked `reported`, with the reporter as `speaker`, and a move both reported
and seen in the series, or reported twice, is listed once.

Kinds follow PolitiFact's Flip-O-Meter in spirit: `reversal` crosses neutral (open -> ruled_out
is a reversal, a Full Flop); `hardening` moves away from neutral on the same side (or out of it);
`softening` moves towards neutral (Half Flips).
"""
from __future__ import annotations

import functools
import re
from collections import Counter

import numpy as np
import pandas as pd

from . import schema
from .attribute import RE_LEADER_ROLE, RE_NOT_LEADER
from .schema import SCORES, STANCES, check_columns
from .timeline import build_timeline, is_restatement, place_glosses, position_columns

# A role that speaks for someone else: "the Kremlin spokesman", "the White House press secretary".
RE_SPOKESPERSON_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|press\s+secretary)\b", re.IGNORECASE)
REQUIRES = ("statement_id", "doc_id", "holder", "topic", "stance", "score", "date", "confidence", "speaker")
CONTESTED_DAYS = 14
CHANGE_POINT_MIN_DAYS = 30   # a month of daily positions; shorter series follow the rule (tune: 12 -> 30 took shift recall 0.26 -> 0.39)
CHANGE_POINT_PENALTY = 3.0
# Weak statements stay in the tables but cannot make a shift: a headline (it compresses), and
# a stance read by the model alone. A stance read from no stance word ("declared a three-day
# ceasefire") may: on the tune split 35 of 37 such statements in the holder's own voice had the
# gold stance, as many as the rest (159 of 178), and barring them lost a true shift.
MIN_EVIDENCE = 0.2
REPORT_LOOKBACK_DAYS = 14   # how far back a report of a stance already held may name the move into it
TONE_EVIDENCE = 0.6   # tune: one-step same-side moves are 8 true of 19; with the lasting rule this keeps 7 and 2 false
# A change of tone this soon after the position it departs from answers it: a move, whatever its
# evidence (tune: 2 true moves more, 3 false; 30 days: 2 false more, no true one).
TONE_ANSWER_DAYS = 14


def shift_kind(from_score: float, to_score: float) -> str:
    """Name a move on the five-point scale.

    >>> shift_kind(1, -2), shift_kind(-1, -2), shift_kind(2, 1), shift_kind(0, 2)
    ('reversal', 'hardening', 'softening', 'hardening')
    """
    if from_score * to_score < 0:
        return "reversal"
    return "hardening" if abs(to_score) > abs(from_score) else "softening"


def is_evidence(statements: pd.DataFrame, voices: dict[str, frozenset[str]] | None = None) -> pd.Series:
    """Which statements may stand on either side of a shift (`voices`: see `official_voices`)."""
    score = statements["evidence"] if "evidence" in statements.columns else statements["confidence"]
    strong = score >= MIN_EVIDENCE
    if "cue" in statements.columns:
        cue = statements["cue"]
        if not isinstance(cue.dtype, pd.CategoricalDtype):   # .str works on a categorical's categories
            cue = cue.astype(str)
        strong &= ~cue.str.startswith("(model").astype(bool)
    if "is_heading" in statements.columns:
        strong &= ~statements["is_heading"].astype(bool)
    return strong & is_own_voice(statements, voices) & ~is_restatement(statements)


def is_own_voice(statements: pd.DataFrame, voices: dict[str, frozenset[str]] | None = None) -> pd.Series:
    """Which statements are the holder's own word: said by the holder, or by one of the holder's
    official voices (`voices`, holder -> speakers, from `official_voices`). Another actor's
    claim about the holder ("Trump said Putin did not want a ceasefire") tells what the speaker
    thinks, not where the holder stands, and an anonymous source is nobody's position. (A table
    without speakers: all.) On the tune split a third of the false shifts stood on such claims.

    >>> rows = pd.DataFrame({"holder": ["putin", "putin", "putin"], "speaker": ["putin", "peskov", "trump"]})
    >>> is_own_voice(rows, {"putin": frozenset({"peskov"})}).tolist()
    [True, True, False]
    """
    if "speaker" not in statements.columns:
        return pd.Series(True, index=statements.index)
    holders, speakers = _values(statements["holder"]), _values(statements["speaker"])
    own = holders == speakers
    if voices:
        pairs = [(holder, speaker) for holder, spoken in sorted(voices.items()) for speaker in sorted(spoken)]
        own |= pd.MultiIndex.from_arrays([holders, speakers]).isin(pairs)
    return pd.Series(own, index=statements.index)


def official_voices(actors) -> dict[str, frozenset[str]]:
    """Who speaks for each actor besides the actor itself, read from the actor file: for an
    organisation, its members (the actors whose `member_of` names it: ministers, spokespeople,
    its leader); for a person who leads an organisation (a role such as "the Russian president"),
    that organisation (their office: "the Kremlin said") and its spokespeople for them (a member
    whose role names a spokesperson and the leader or the organisation: "Putin's spokesman", "the
    White House press secretary"). Nobody else: a minister speaking of the president's position
    is another actor's claim.

    >>> from stance.config import Actor, Actors
    >>> actors = Actors([Actor("putin", "Vladimir Putin", aliases=("Putin",), roles=("the Russian president",),
    ...                        member_of=("kremlin",)),
    ...                  Actor("peskov", "Dmitry Peskov", roles=("Putin's spokesman",), member_of=("kremlin",)),
    ...                  Actor("lavrov", "Sergei Lavrov", roles=("the foreign minister",), member_of=("kremlin",)),
    ...                  Actor("kremlin", "Kremlin", kind="organization")])
    >>> {actor: sorted(spoken) for actor, spoken in official_voices(actors).items()}
    {'kremlin': ['lavrov', 'peskov', 'putin'], 'putin': ['kremlin', 'peskov']}
    """
    if actors is None:
        return {}
    actors = list(actors)
    voices: dict[str, set[str]] = {}
    for organisation in (actor for actor in actors if actor.kind == "organization"):
        members = {actor.id for actor in actors if organisation.id in actor.member_of}
        if members:
            voices[organisation.id] = members
    by_id = {actor.id: actor for actor in actors}
    for leader in actors:
        if leader.kind == "organization" or not any(
                RE_LEADER_ROLE.search(role) and not RE_NOT_LEADER.search(role) for role in leader.roles):
            continue
        for organisation_id in leader.member_of:
            names = _names(leader) + (_names(by_id[organisation_id]) if organisation_id in by_id else ())
            spokespeople = {actor.id for actor in actors if organisation_id in actor.member_of and actor.id != leader.id
                            and any(RE_SPOKESPERSON_ROLE.search(role) and _names_any(role, names) for role in actor.roles)}
            voices.setdefault(leader.id, set()).update({organisation_id, *spokespeople})
    return {actor: frozenset(spoken) for actor, spoken in voices.items()}


def _names(actor) -> tuple[str, ...]:
    """An actor's names and roles without a leading "the", lower-cased."""
    return tuple(re.sub(r"^the\s+", "", name.casefold()) for name in (*actor.mentions, *actor.roles))


def _names_any(role: str, names: tuple[str, ...]) -> bool:
    role = role.casefold()
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", role) for name in names if name)


def _values(column: pd.Series) -> np.ndarray:
    """A string column's values as an object array; a categorical's share its categories'
    strings (no string made per row)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        values = np.asarray(column.cat.categories, dtype=object).take(codes)
        values[codes < 0] = None
        return values
    return column.astype(str).to_numpy(dtype=object)


def detect_shifts(statements: pd.DataFrame, quotes=None, actors=None, contested: list | None = None) -> pd.DataFrame:
    """The shifts table of the SPEC: one row per shift, sorted by holder, topic and date.

    With a `contested` list, each contested blip (A -> B -> A within `CONTESTED_DAYS`, which makes
    no shift) is appended to it as a shift-like row of the move into B, flagged `contested`, with
    the day the position came back as `back_date` (see `contested_table`).

    With `actors` (the run's `Actors`), a holder's official voices count as the holder's own
    word (`official_voices`): "Peskov said Russia was observing the truce" is Russia's position.

    The quotes of a shift's two sides come from the table's `text` column, or, for a table
    without texts (a large run keeps only the columns positions are made of), from `quotes`: a
    function of statement ids returning a frame of `statement_id`, `text` and `doc_id`."""
    check_columns(statements, REQUIRES, "detect_shifts")
    if "text" not in statements.columns and quotes is None:
        raise ValueError("detect_shifts needs a 'text' column or a quotes lookup")
    positions = place_glosses(position_columns(statements, is_evidence(statements, official_voices(actors))))
    timeline = build_timeline(positions)
    tied = _tied_statements(positions, timeline)
    strength = _day_strength(statements, timeline)
    rows: list[dict] = []
    blips: list[dict] = []
    for days in _series(timeline):
        if len(days) < 2:
            continue
        days = _hold_through_ties(days, tied)
        if len(days) >= CHANGE_POINT_MIN_DAYS:
            rows.extend(_drop_changes_of_tone(_change_point_shifts(days), strength))
        else:
            rows.extend(_rule_shifts(_drop_tone_blips(days, strength), blips))
    rows = _merge_reported(rows, _reported_shifts(statements, timeline, positions))
    _quote(rows + (blips if contested is not None else []), statements, quotes)
    if contested is not None:
        contested.extend(blips)
    if not rows:
        return schema.empty(schema.SHIFT_COLUMNS)
    table = pd.DataFrame(rows)
    table = table.sort_values(["holder", "topic", "to_date", "reported", "after_statement_id"], kind="stable")
    return schema.conform(table, schema.SHIFT_COLUMNS)


def _series(timeline: pd.DataFrame):
    """Each holder x topic series of daily positions as a list of dicts, in holder, topic, date
    order; built one series at a time (a dict per day for the whole timeline of a large run
    would take hundreds of MB)."""
    columns = {name: (list(timeline[name]) if name in ("date", "valid_until") else timeline[name].to_numpy())
               for name in timeline.columns}
    groups = timeline.groupby(["holder", "topic"], sort=True).indices
    for key in sorted(groups):
        yield [{name: values[i] for name, values in columns.items()} for i in groups[key]]


def _hold_through_ties(days: list[dict], tied: dict | None = None) -> list[dict]:
    """Read the days whose equally strong statements disagree against the position held until
    then. One of them restating it: the position holds, as there is no evidence that it moved; the
    day is kept when its best statement is the restatement, else dropped (its best statement says
    the other thing, so it cannot quote the old side either; tune: such days made a reversal and
    its return, 2 false shifts, and no true one; read by their furthest stance instead, days led by
    a restatement made 2 false shifts on five stories, and no true one). None of them restating
    it: the day's position is the one that leaves it furthest, with its strongest statement from
    `tied` ((holder, topic, date, stance) -> statement_id): "did not accept a month-long truce,
    but did not rule out some new ceasefire", the day after a truce, is a refusal qualified, and
    the qualifier is the lesser part of the day's news (tune: 1 true move more, 1 false fewer).

    >>> day = lambda stance, stances, tied: {"holder": "merz", "topic": "loan", "date": None, "statement_id": stance,
    ...                                      "stance": stance, "score": SCORES[stance], "stances": stances, "tied": tied}
    >>> days = [day("support", "support", False), day("oppose", "oppose,support", True), day("oppose", "oppose", False)]
    >>> [day["stance"] for day in _hold_through_ties(days)]
    ['support', 'oppose']
    >>> days[1] = day("open", "oppose,open", True)
    >>> [day["stance"] for day in _hold_through_ties(days)]
    ['support', 'oppose', 'oppose']
    """
    held, kept = None, []
    for day in days:
        stances = str(day["stances"]).split(",")
        if held is not None and day["tied"] and held in stances:
            if day["stance"] != held:
                continue
        elif held is not None and day["tied"]:
            furthest = max(stances, key=lambda stance: (abs(SCORES[stance] - SCORES[held]), stance == day["stance"]))
            if furthest != day["stance"]:
                key = (day["holder"], day["topic"], day["date"], furthest)
                day = {**day, "stance": furthest, "score": SCORES[furthest],
                       "statement_id": (tied or {}).get(key, day["statement_id"])}
        kept.append(day)
        held = day["stance"]
    return kept


def _tied_statements(positions: pd.DataFrame, timeline: pd.DataFrame) -> dict:
    """(holder, topic, date, stance) -> the strongest statement of that stance, for the tied days
    of the timeline only (few: a large run builds no index of every statement)."""
    days = timeline.loc[timeline["tied"].astype(bool), ["holder", "topic", "date"]].astype({"holder": str, "topic": str})
    if days.empty:
        return {}
    strength = "evidence" if "evidence" in positions.columns else "confidence"
    rows = positions[["holder", "topic", "date", "stance", "statement_id", strength]].astype(
        {"holder": str, "topic": str, "stance": str, "statement_id": str}).merge(days, on=["holder", "topic", "date"])
    rows = rows.sort_values([strength, "statement_id"], ascending=[False, True], kind="stable")
    best = rows.drop_duplicates(["holder", "topic", "date", "stance"])
    return {(holder, topic, date, stance): statement_id for holder, topic, date, stance, statement_id in zip(
        best["holder"], best["topic"], best["date"], best["stance"], best["statement_id"])}


def _rule_shifts(days: list[dict], blips: list[dict] | None = None) -> list[dict]:
    rows, skip_next = [], False
    for index in range(1, len(days)):
        before, after = days[index - 1], days[index]
        if skip_next:
            skip_next = False
            continue
        if before["stance"] == after["stance"]:
            continue
        if _is_contested(days, index):
            skip_next = True   # neither the blip nor the way back from it is a move
            if blips is not None:
                blips.append({**_shift_row(before, after), "contested": True, "back_date": days[index + 1]["date"]})
            continue
        rows.append(_shift_row(before, after))
    return rows


def contested_table(blips: list[dict]) -> pd.DataFrame:
    """The contested blips `detect_shifts` collected, as a table of the shift columns plus
    `back_date` (the day the held position returned), sorted by holder, topic and date."""
    if not blips:
        return schema.empty(schema.CONTESTED_COLUMNS)
    table = pd.DataFrame(blips).sort_values(["holder", "topic", "to_date", "after_statement_id"], kind="stable")
    return schema.conform(table, schema.CONTESTED_COLUMNS)


def _is_contested(days: list[dict], index: int) -> bool:
    """A -> B -> A, the two A days at most `CONTESTED_DAYS` apart: B is contested, and neither
    the move into it nor the one back is a shift (Macron's force: open, then "support" in one
    analysis, open again a week later).

    >>> day = lambda date, stance: {"date": pd.Timestamp(date), "stance": stance}
    >>> _is_contested([day("2025-02-19", "open"), day("2025-02-24", "support"), day("2025-03-05", "open")], 1)
    True
    >>> _is_contested([day("2025-02-19", "open"), day("2025-02-24", "support"), day("2025-04-05", "open")], 1)
    False
    """
    if index + 1 >= len(days):
        return False
    before, middle, after = days[index - 1], days[index], days[index + 1]
    return (after["stance"] == before["stance"]
            and (after["date"] - before["date"]).days <= CONTESTED_DAYS)


def _change_point_shifts(days: list[dict]) -> list[dict]:
    """Segment a long daily series with ruptures (exact Pelt, jump=1, real day order)."""
    import ruptures

    signal = np.array([day["score"] for day in days], dtype=float)
    breaks = ruptures.Pelt(custom_cost=_squared_error()(), min_size=2, jump=1).fit(signal).predict(pen=CHANGE_POINT_PENALTY)
    segments, start = [], 0
    for end in breaks:
        segments.append(days[start:end])
        start = end
    rows = []
    for left, right in zip(segments, segments[1:]):
        left_stance = _segment_stance(left)
        right_stance = _segment_stance(right)
        if left_stance == right_stance:
            continue
        before = [day for day in left if day["stance"] == left_stance][-1]
        after = next(day for day in right if day["stance"] == right_stance)
        rows.append(_shift_row(before, after))
    return rows


@functools.lru_cache(maxsize=1)
def _squared_error():
    """ruptures' "l2" cost (squared deviation from the segment mean) from running sums: constant
    time per segment instead of a pass over it, which Pelt asks for about n^2/2 times.
    (Defined on first use: ruptures is imported only when a long series needs it.)"""
    from ruptures.base import BaseCost

    class SquaredError(BaseCost):
        model = "l2-running-sums"
        min_size = 1

        def fit(self, signal: np.ndarray) -> "SquaredError":
            self.signal = signal.reshape(-1, 1)   # Pelt reads its length
            self.sums = np.concatenate([[0.0], np.cumsum(signal)])
            self.squares = np.concatenate([[0.0], np.cumsum(signal * signal)])
            return self

        def error(self, start: int, end: int) -> float:
            # Scores are small whole numbers, so the sums are exact and so is the numerator here.
            n, total = end - start, self.sums[end] - self.sums[start]
            return float((n * (self.squares[end] - self.squares[start]) - total * total) / n)

    return SquaredError


def _segment_stance(segment: list[dict]) -> str:
    """The stance nearest the segment's mean score (ties: the more frequent).

    >>> _segment_stance([{"score": 1, "stance": "open"}, {"score": 2, "stance": "support"},
    ...                  {"score": 2, "stance": "support"}])
    'support'
    """
    counts = Counter(day["stance"] for day in segment)
    mean = sum(day["score"] for day in segment) / len(segment)
    nearest = min(STANCES, key=lambda stance: (abs(SCORES[stance] - mean), -counts[stance]))
    if counts[nearest]:
        return nearest
    # No day holds the nearest stance: the most frequent (a tie goes to the last in name order).
    top = max(counts.values())
    return max(stance for stance, count in counts.items() if count == top)


def _shift_row(before: dict, after: dict) -> dict:
    """A detected shift; its quotes are filled in by `_quote`."""
    confidence = float(np.sqrt(before["confidence"] * after["confidence"]))
    return {
        "holder": before["holder"], "topic": before["topic"],
        "from_stance": before["stance"], "to_stance": after["stance"],
        "from_score": float(before["score"]), "to_score": float(after["score"]),
        "from_date": before["date"], "to_date": after["date"],
        "kind": shift_kind(before["score"], after["score"]),
        "before_statement_id": before["statement_id"], "after_statement_id": after["statement_id"],
        "confidence": round(confidence, 4), "reported": False, "speaker": "",
        "before_text": "", "after_text": "", "before_doc_id": "", "after_doc_id": "", "contested": False,
    }


def is_change_of_tone(from_score: float, to_score: float) -> bool:
    """One step on one side of neutral (support <-> open, oppose <-> ruled_out): more often a
    change of tone ("could", "is possible") than of position.

    >>> is_change_of_tone(2, 1), is_change_of_tone(-1, -2), is_change_of_tone(1, -1), is_change_of_tone(0, 1)
    (True, True, False, False)
    """
    return abs(to_score - from_score) == 1 and to_score * from_score > 0


def _day_strength(statements: pd.DataFrame, timeline: pd.DataFrame) -> dict[str, float]:
    """statement_id -> evidence of each day's best statement (only those: a large run builds no
    index of every statement)."""
    strength = "evidence" if "evidence" in statements.columns else "confidence"
    found = statements[statements["statement_id"].isin(set(timeline["statement_id"]))]
    return dict(zip(found["statement_id"], found[strength]))


def _drop_tone_blips(days: list[dict], strength: dict[str, float]) -> list[dict]:
    """Leave out the days that change only the tone on weak evidence: a change of tone stands as a
    position only when its evidence is strong (at least `TONE_EVIDENCE`), the holder's next
    position keeps it (a blip of tone does not last), or it comes within `TONE_ANSWER_DAYS` of
    the position it departs from ("could" on Monday, "will" on Friday is a move; "will" in May
    after "could" in February is more likely another article's wording). Left out, not just
    unreported, so the way back from a blip is no shift either. (Tune: one true move more, a
    weak "impose" that the next statement repeated.) A step between the two refusals (`oppose`,
    `ruled_out`) stands on strong evidence only: "rejected", "would not accept" and "ruled out"
    are one refusal in the words of different reports, whenever they come (tune, five stories:
    such steps were 1 true move of 5, the one on strong evidence; 3 false shifts fewer)."""
    kept = [days[0]]
    for index, day in enumerate(days[1:], start=1):
        held = kept[-1]
        lasts = index + 1 < len(days) and days[index + 1]["stance"] == day["stance"]
        answers = (day["date"] - held["date"]).days <= TONE_ANSWER_DAYS
        refusal = held["score"] < 0 and day["score"] < 0
        if (day["stance"] != held["stance"] and is_change_of_tone(held["score"], day["score"])
                and strength.get(day["statement_id"], 0.0) < TONE_EVIDENCE
                and (refusal or not (lasts or answers))):
            continue
        kept.append(day)
    return kept


def _drop_changes_of_tone(rows: list[dict], strength: dict[str, float]) -> list[dict]:
    """Change points are on a segment's mean, so their changes of tone are judged by the newer
    side's evidence alone (at least `TONE_EVIDENCE`)."""
    return [row for row in rows if not is_change_of_tone(row["from_score"], row["to_score"])
            or strength.get(row["after_statement_id"], 0.0) >= TONE_EVIDENCE]


def _quote(rows: list[dict], statements: pd.DataFrame, quotes=None) -> None:
    """Give each shift, detected or reported, the text and document of the statements on both
    sides, in one lookup of just those statements (a streamed run reads them back from disk once;
    an in-memory one builds no index of every statement)."""
    ids = {row[f"{side}_statement_id"] for row in rows for side in ("before", "after")}
    if not ids:
        return
    found = statements[statements["statement_id"].isin(ids)] if "text" in statements.columns else quotes(ids)
    texts = dict(zip(found["statement_id"], zip(found["text"], found["doc_id"])))
    for row in rows:
        for side in ("before", "after"):
            row[f"{side}_text"], row[f"{side}_doc_id"] = texts[row[f"{side}_statement_id"]]


def _reported_shifts(statements: pd.DataFrame, timeline: pd.DataFrame, positions: pd.DataFrame | None = None) -> list[dict]:
    """Shifts a source reports ("a shift in the president's stance", "no longer backs"). An
    undated report stands on the day of the position its article dates, as an undated statement
    does (`place_glosses`, over the `positions` the timeline was built from): "He no longer talks
    of giving up land" in an article on what he wrote on Tuesday reports Tuesday's move."""
    if "is_shift_report" not in statements.columns:
        return []
    reports = statements[statements["is_shift_report"].astype(bool) & (statements["holder"] != "")
                         & (statements["topic"] != "")]
    if reports.empty:
        return []
    if positions is not None:
        glossed = place_glosses(pd.concat([positions, position_columns(reports)], ignore_index=True))
        reports = reports.assign(date=glossed["date"].to_numpy()[len(positions):])
    # Each report looks back along its own holder x topic series only.
    series = timeline.groupby(["holder", "topic"], sort=False).indices   # key -> row positions
    days, ids = timeline["date"].to_numpy(), timeline["statement_id"].to_numpy()
    reports = reports.sort_values(["date", "statement_id"]).to_dict("records")
    before_ids = []
    for report in reports:
        rows = series.get((report["holder"], report["topic"]), ())
        earlier = [i for i in rows if days[i] < report["date"].to_datetime64()]
        before_ids.append(ids[earlier[-1]] if earlier else None)
    columns = ["statement_id", "stance", "date"]
    wanted = statements[statements["statement_id"].isin([i for i in before_ids if i is not None])]
    by_id = dict(zip(wanted["statement_id"], wanted[columns].itertuples(index=False)))
    rows = []
    for report, before_id in zip(reports, before_ids):
        before = by_id[before_id] if before_id is not None else None
        to_stance = report["stance"]
        from_stance = before.stance if before is not None else _implied_earlier(report)
        kind = shift_kind(SCORES[from_stance], SCORES[to_stance]) if from_stance and from_stance != to_stance \
            else "reported"
        rows.append({
            "holder": report["holder"], "topic": report["topic"],
            "from_stance": from_stance, "to_stance": to_stance,
            "from_score": float(SCORES[from_stance]) if from_stance else np.nan, "to_score": float(report["score"]),
            "from_date": before.date if before is not None else pd.NaT, "to_date": report["date"],
            "kind": kind,
            "before_statement_id": before.statement_id if before is not None else report["statement_id"],
            "after_statement_id": report["statement_id"],
            "confidence": round(float(report["confidence"]), 4), "reported": True, "speaker": _reporter(report),
            "before_text": "", "after_text": "", "before_doc_id": "", "after_doc_id": "",   # filled by _quote
            "contested": False,
        })
    return rows


def _reporter(report: dict) -> str:
    """Who reports the move: the statement's speaker, or `author` when that is the holder, as in
    "Then, on Monday, Trump reversed course": the move is the journalist's reading."""
    return "author" if report["speaker"] in ("", report["holder"]) else report["speaker"]


def _merge_reported(detected: list[dict], reported: list[dict]) -> list[dict]:
    """Each move once: a reported shift that a detected one already shows marks that one as
    reported. A report of a stance the series already held tells of the move into it, if the
    series shows one shortly before (`REPORT_LOOKBACK_DAYS`): that move becomes the reported
    shift, dated by the report as the gold convention has it; with no such move it reports
    nothing the positions show (tune: 1 false shift, a summary of a months-old move). Two reports
    of one move ("a climbdown", "no longer matching") are one reported shift."""
    merged = list(detected)
    for row in reported:
        same = [d for d in detected if _same_series(d, row) and abs((d["to_date"] - row["to_date"]).days) <= 1]
        if same:
            same[0]["reported"], same[0]["speaker"] = True, row["speaker"]
        elif row["from_stance"] != row["to_stance"]:
            if not any(_same_series(m, row) and m["reported"] and m["to_stance"] == row["to_stance"]
                       and abs((m["to_date"] - row["to_date"]).days) <= 1 for m in merged):
                merged.append(row)
        else:
            into = [d for d in detected if _same_series(d, row) and d["to_stance"] == row["to_stance"]
                    and 0 <= (row["to_date"] - d["to_date"]).days <= REPORT_LOOKBACK_DAYS]
            if into:
                move = max(into, key=lambda d: d["to_date"])
                move.update({key: row[key] for key in ("to_date", "after_statement_id", "after_text", "after_doc_id",
                                                      "speaker")}, reported=True)
    return merged


def _same_series(one: dict, other: dict) -> bool:
    return one["holder"] == other["holder"] and one["topic"] == other["topic"]


def _implied_earlier(report: dict) -> str:
    """"No longer wants X" says that the holder used to want X."""
    cue = str(report.get("cue", "")).lower()
    if "no longer" in cue:
        return {"oppose": "support", "ruled_out": "support", "support": "oppose", "open": "oppose"}.get(report["stance"], "")
    return ""
