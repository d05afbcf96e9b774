"""Score a run against a hand-labelled gold set: statements, holders, speakers, topics, stances,
dates and shifts, overall and per hard case.

A gold statement is found when a statement of the run on the same topic covers at least half
of the gold words' span (or the gold span covers half of it). Holder, speaker, stance and date
are then scored on the statements found. A gold shift is found when the run has a shift of the
same holder on the same topic whose later side is within `SHIFT_DAYS` days of the gold one.
"""
from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from .errors import InputError
from .ingest import read_documents
from .schema import SCORES, STANCES

# `split` may be left out: a user's own labels need no tune/test split, and are scored with --split all.
GOLD_FIELDS = ("doc_id", "text", "holder", "speaker", "attribution", "topic", "stance", "date", "date_precision")
SHIFT_FIELDS = ("holder", "topic", "to_date")
MIN_OVERLAP = 0.5
SHIFT_DAYS = 2
WEEK_DAYS = 3


def load_gold(gold: str | os.PathLike) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Gold statements and shifts from a folder of .jsonl files (shifts*.jsonl hold shifts) or one file."""
    gold = Path(gold)
    files = sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]
    statements, shifts = [], []
    for path in files:
        target = shifts if path.name.startswith("shifts") else statements
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                where = f"{error.msg} column {error.colno}" if error.msg.endswith(" at") else error.msg
                raise InputError(f"invalid JSON ({where})", path, number) from None
            fields = SHIFT_FIELDS if target is shifts else GOLD_FIELDS
            missing = [f for f in fields if f not in record]
            if missing:
                raise InputError(f"gold line lacks {', '.join(missing)}", path, number)
            record.setdefault("split", "")
            record["gold_file"], record["gold_line"] = path.name, number
            target.append(record)
    statement_table = pd.DataFrame(statements)
    if not statement_table.empty:
        statement_table["date"] = pd.to_datetime(statement_table["date"])
        if "tags" not in statement_table:
            statement_table["tags"] = [[] for _ in range(len(statement_table))]
    shift_table = pd.DataFrame(shifts)
    if not shift_table.empty:
        shift_table["to_date"] = pd.to_datetime(shift_table["to_date"])
        shift_table["from_date"] = pd.to_datetime(shift_table.get("from_date"))
        if "reported" not in shift_table:
            shift_table["reported"] = False
    return statement_table, shift_table


def evaluate_gold(gold, out, split: str = "test", articles=None, model=None, actors=None, topics=None) -> dict:
    """Run the tool on the gold articles, score the chosen split, write the run and scores.json.

    The articles, actors and topics default to `articles/`, `actors.yaml` and `topics.yaml` beside
    the gold folder (a gold set of another story brings its own); without the YAML files the
    shipped actors and topics are used.
    """
    import stance
    gold = Path(gold)
    statements, shifts = load_gold(gold)
    _check_split(statements, split, gold)
    home = (gold if gold.is_dir() else gold.parent).parent
    articles = Path(articles) if articles else home / "articles"
    if not articles.is_dir():
        raise InputError("no articles folder beside the gold folder; pass --articles", articles)
    actors = actors or _beside(home, "actors.yaml")
    topics = topics or _beside(home, "topics.yaml")
    run = stance.analyze([articles], model=model, actors=actors, topics=topics)
    out = Path(out)
    run.save(out / "run", force=True)
    texts = {d.doc_id: d.text for d in read_documents([articles]) if d.is_ok}
    scores, errors = score_run(run.statements, run.shifts, statements, shifts, texts, split)
    (out / "scores.json").write_text(json.dumps(scores, indent=2, sort_keys=True))
    errors.to_csv(out / "errors.csv", index=False)
    return scores


def _check_split(statements: pd.DataFrame, split: str, gold: Path) -> None:
    """Refuse, before the run, a split no gold statement is in: scores of nothing read as a
    broken tool. The message counts the lines of each split there is."""
    if statements.empty:
        raise InputError("no gold statements here; each .jsonl line labels one statement (see datasets/README.md)", gold)
    if split == "all" or (statements["split"] == split).any():
        return
    counts = statements["split"].replace("", "no split").value_counts().sort_index()
    present = ", ".join(f"{name} {count}" for name, count in counts.items())
    choices = [name for name in counts.index if name in ("test", "tune")]
    hint = f"pass --split {choices[0]}, or --split all" if choices else "pass --split all"
    raise InputError(f"no gold statement is in the split '{split}' (lines by split: {present}); {hint}", gold)


def _beside(home: Path, name: str) -> Path | None:
    path = home / name
    return path if path.is_file() else None


def score_run(predicted: pd.DataFrame, predicted_shifts: pd.DataFrame, gold: pd.DataFrame, gold_shifts: pd.DataFrame,
              texts: dict[str, str], split: str = "test") -> tuple[dict, pd.DataFrame]:
    """Scores of a run's tables against gold tables, and a table of every miss for inspection."""
    if split != "all":
        gold = gold[gold["split"] == split]
        gold_shifts = gold_shifts[gold_shifts["split"] == split] if not gold_shifts.empty else gold_shifts
    documents = sorted(set(gold["doc_id"]))
    predicted = predicted[predicted["doc_id"].isin(documents) & (predicted["topic"] != "")]
    pairs, misses, unmatched = _match_statements(gold, predicted, texts)
    scores = {"split": split, "documents": len(documents), "gold_statements": int(len(gold)),
              "predicted_statements": int(len(predicted))}
    scores["statements"] = _statement_scores(gold, predicted, pairs)
    scores["per_tag"] = _tag_scores(gold, pairs)
    scores["per_topic"] = _topic_scores(gold, predicted, pairs)
    scores["shifts"] = _shift_scores(gold_shifts, predicted_shifts, documents)
    errors = _error_table(pairs, misses, unmatched)
    return scores, errors


def _span_of(text: str, body: str) -> tuple[int, int] | None:
    start = body.find(text)
    if start < 0:
        squeezed = " ".join(text.split())
        start = body.find(squeezed)
        if start < 0:
            return None
        text = squeezed
    return start, start + len(text)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(1, min(a[1] - a[0], b[1] - b[0]))


def _match_statements(gold: pd.DataFrame, predicted: pd.DataFrame, texts: dict[str, str]):
    pairs, misses = [], []
    used: set[str] = set()
    by_doc = {doc_id: group for doc_id, group in predicted.groupby("doc_id")}
    for _, row in gold.iterrows():
        body = texts.get(row["doc_id"], "")
        span = _span_of(row["text"], body)
        candidates = by_doc.get(row["doc_id"])
        best, best_overlap = None, 0.0
        if span is not None and candidates is not None:
            for _, guess in candidates[candidates["topic"] == row["topic"]].iterrows():
                if guess["statement_id"] in used:
                    continue
                overlap = _overlap(span, (guess["start"], guess["end"]))
                if overlap >= MIN_OVERLAP and overlap > best_overlap:
                    best, best_overlap = guess, overlap
        if best is None:
            misses.append(row)
        else:
            used.add(best["statement_id"])
            pairs.append((row, best))
    unmatched = predicted[~predicted["statement_id"].isin(used)]
    return pairs, misses, unmatched


def _date_right(gold_row, guess) -> bool:
    gold_day, guess_day = pd.Timestamp(gold_row["date"]), pd.Timestamp(guess["date"])
    precision = gold_row["date_precision"]
    if precision == "week":
        return abs((gold_day - guess_day).days) <= WEEK_DAYS
    if precision == "month":
        return (gold_day.year, gold_day.month) == (guess_day.year, guess_day.month)
    return gold_day == guess_day


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _statement_scores(gold: pd.DataFrame, predicted: pd.DataFrame, pairs) -> dict:
    n = len(pairs)
    holder = sum(g["holder"] == p["holder"] for g, p in pairs)
    speaker = sum(_same_speaker(g["speaker"], p["speaker"]) for g, p in pairs)
    exact = sum(g["stance"] == p["stance"] for g, p in pairs)
    within = sum(abs(SCORES[g["stance"]] - SCORES[p["stance"]]) <= 1 for g, p in pairs)
    dates = sum(_date_right(g, p) for g, p in pairs)
    day_pairs = [(g, p) for g, p in pairs if g["date_precision"] == "day"]
    split_pairs = [(g, p) for g, p in pairs if g["holder"] and g["speaker"] not in ("", "author")
                   and g["speaker"] != g["holder"]]
    split_gold = gold[(gold["holder"] != "") & (~gold["speaker"].isin(["", "author"])) & (gold["speaker"] != gold["holder"])]
    return {
        "recall": _ratio(n, len(gold)), "precision": _ratio(n, len(predicted)),
        "f1": round(_f1(n, len(predicted) - n, len(gold) - n), 4),
        "holder_accuracy": _ratio(holder, n), "speaker_accuracy": _ratio(speaker, n),
        "stance_accuracy": _ratio(exact, n), "stance_within_one": _ratio(within, n),
        "stance_macro_f1": _macro_f1([g["stance"] for g, _ in pairs], [p["stance"] for _, p in pairs]),
        "date_accuracy": _ratio(dates, n),
        "date_accuracy_day_precision": _ratio(sum(_date_right(g, p) for g, p in day_pairs), len(day_pairs)),
        "speaker_ne_holder_gold": int(len(split_gold)),
        "speaker_ne_holder_found": len(split_pairs),
        "speaker_ne_holder_accuracy": _ratio(sum(g["holder"] == p["holder"] and _same_speaker(g["speaker"], p["speaker"])
                                                 for g, p in split_pairs), len(split_pairs)),
        "confusion": _confusion(pairs),
    }


def _same_speaker(gold_speaker: str, guess: str) -> bool:
    return gold_speaker == guess or (gold_speaker in ("", "author") and guess in ("", "author"))


def _macro_f1(truth: list[str], guess: list[str]) -> float | None:
    labels = [s for s in STANCES if s in truth or s in guess]
    if not labels:
        return None
    scores = []
    for label in labels:
        tp = sum(t == label and g == label for t, g in zip(truth, guess))
        fp = sum(t != label and g == label for t, g in zip(truth, guess))
        fn = sum(t == label and g != label for t, g in zip(truth, guess))
        scores.append(_f1(tp, fp, fn))
    return round(sum(scores) / len(scores), 4)


def _confusion(pairs) -> dict:
    table = Counter((g["stance"], p["stance"]) for g, p in pairs)
    return {f"{truth}->{guess}": count for (truth, guess), count in sorted(table.items())}


def _tag_scores(gold: pd.DataFrame, pairs) -> dict:
    found = defaultdict(int)
    holder_right = defaultdict(int)
    totals = Counter(tag for tags in gold["tags"] for tag in (tags or []))
    for g, p in pairs:
        for tag in g["tags"] or []:
            found[tag] += 1
            holder_right[tag] += g["holder"] == p["holder"]
    return {tag: {"gold": totals[tag], "recall": _ratio(found[tag], totals[tag]),
                  "holder_accuracy": _ratio(holder_right[tag], found[tag])} for tag in sorted(totals)}


def _topic_scores(gold: pd.DataFrame, predicted: pd.DataFrame, pairs) -> dict:
    matched = Counter(g["topic"] for g, _ in pairs)
    per_topic = {}
    for topic in sorted(set(gold["topic"]) | set(predicted["topic"])):
        tp = matched[topic]
        fp = int((predicted["topic"] == topic).sum()) - tp
        fn = int((gold["topic"] == topic).sum()) - tp
        per_topic[topic] = round(_f1(tp, fp, fn), 4)
    per_topic["macro_f1"] = round(sum(per_topic.values()) / len(per_topic), 4) if per_topic else None
    return per_topic


def _shift_scores(gold_shifts: pd.DataFrame, predicted: pd.DataFrame, documents: list[str]) -> dict:
    predicted = predicted[predicted["after_doc_id"].isin(documents)]
    if gold_shifts.empty:
        return {"gold": 0, "predicted": int(len(predicted)), "recall": None, "false_rate": None}
    used: set[int] = set()
    found = 0
    for _, shift in gold_shifts.iterrows():
        for index, guess in predicted.iterrows():
            if index in used or guess["holder"] != shift["holder"] or guess["topic"] != shift["topic"]:
                continue
            if abs((guess["to_date"] - shift["to_date"]).days) <= SHIFT_DAYS:
                used.add(index)
                found += 1
                break
    false = len(predicted) - len(used)
    return {"gold": int(len(gold_shifts)), "predicted": int(len(predicted)), "found": found,
            "recall": _ratio(found, len(gold_shifts)), "false_rate": _ratio(false, len(predicted))}


def _error_table(pairs, misses, unmatched: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for g, p in pairs:
        wrong = [f for f in ("holder", "speaker", "stance") if g[f] != p[f] and not (f == "speaker" and _same_speaker(g[f], p[f]))]
        if not _date_right(g, p):
            wrong.append("date")
        if wrong:
            rows.append({"kind": "wrong " + ",".join(wrong), "doc_id": g["doc_id"], "text": g["text"],
                         "topic": g["topic"], "gold": _summary(g), "predicted": _summary(p)})
    for g in misses:
        rows.append({"kind": "missed", "doc_id": g["doc_id"], "text": g["text"], "topic": g["topic"],
                     "gold": _summary(g), "predicted": ""})
    for _, p in unmatched.iterrows():
        rows.append({"kind": "false alarm", "doc_id": p["doc_id"], "text": p["text"], "topic": p["topic"],
                     "gold": "", "predicted": _summary(p)})
    return pd.DataFrame(rows, columns=["kind", "doc_id", "text", "topic", "gold", "predicted"])


def _summary(row) -> str:
    return f"{row['holder'] or '-'}/{row['speaker'] or '-'} {row['stance']} {pd.Timestamp(row['date']):%Y-%m-%d}"


def format_scores(scores: dict) -> str:
    """The scores as a short table for the terminal."""
    s = scores["statements"]
    sh = scores["shifts"]

    def show(value):
        return "n/a" if value is None else f"{value:.3f}"

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

    lines = [f"split {scores['split']}: {count(scores['documents'], 'document')}, "
             f"{count(scores['gold_statements'], 'gold statement')}, "
             f"{scores['predicted_statements']} predicted",
             f"  statement recall      {show(s['recall'])}   precision {show(s['precision'])}   F1 {show(s['f1'])}",
             f"  holder accuracy       {show(s['holder_accuracy'])}   speaker accuracy {show(s['speaker_accuracy'])}",
             f"  speaker != holder     {show(s['speaker_ne_holder_accuracy'])}  ({s['speaker_ne_holder_found']} of "
             f"{s['speaker_ne_holder_gold']} found)",
             f"  topic macro-F1        {show(scores['per_topic'].get('macro_f1'))}",
             f"  stance exact          {show(s['stance_accuracy'])}   within one step {show(s['stance_within_one'])}   "
             f"macro-F1 {show(s['stance_macro_f1'])}",
             f"  date accuracy         {show(s['date_accuracy'])}   (day precision {show(s['date_accuracy_day_precision'])})",
             f"  shifts                recall {show(sh.get('recall'))}   false {show(sh.get('false_rate'))}   "
             f"({sh.get('found', 0)} of {sh['gold']} gold, {sh['predicted']} predicted)"]
    return "\n".join(lines)
