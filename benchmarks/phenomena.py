"""How does `stance` read the hard cases of news English, one short snippet at a time?

`datasets/phenomena/` holds small invented worlds (a city council, a football federation, a
company board, ...), each with its own `actors.yaml`, `topics.yaml` and `cases.jsonl`: one to
three sentences per case, dated, with what a careful reader records from it (holder, speaker,
topic, stance, date; or nothing). Every case names the phenomenon it exercises ("attr:split-quote",
"stance:refused-rule-out", "date:in-May", "topic:paraphrase"), so a failure says which reading
broke. The worlds and their wording were written for this project and never met by the rules
before they were first scored (see datasets/phenomena/README.md for which were used since).

    python benchmarks/phenomena.py                    # every world; pass rate by family
    python benchmarks/phenomena.py --world city -v    # one world, every case with its problems
    python benchmarks/phenomena.py --out failures.csv # the failed cases, for a closer look

A case passes when every expected statement is there with its holder, topic, stance (any of the
`|`-separated ones) and date (a day, `A..B` for a range, or `A|B`), its speaker where one is
given ("=" the holder, "~" nobody listed, "*" any), and no other statement with a listed holder
comes out of it. An expected statement marked `"optional": true` is neither required nor counted
against the case; a holder of "" expects a statement no listed actor holds. Statements with no listed holder (the writer's commentary, unnamed sources on
no listed actor's behalf) are not counted against it.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets" / "phenomena"
sys.path.insert(0, str(ROOT))

import stance  # noqa: E402  (the checkout's own code)


def read_world(folder: Path) -> list[dict]:
    """The cases of one world, in file order."""
    return [json.loads(line) for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def run_world(folder: Path, model: str | None = None) -> pd.DataFrame:
    """The statements `stance` finds in each case of a world (one document per case)."""
    cases = read_world(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            (Path(tmp) / f"{case['id']}.md").write_text(
                f"---\ntitle: {case['id']}\ndate: {case['date']}\nid: {case['id']}\n---\n{case['text']}\n", encoding="utf-8")
        result = stance.analyze(tmp, actors=folder / "actors.yaml", topics=folder / "topics.yaml", model=model)
    statements = result.statements.copy()
    statements["date"] = statements["date"].astype(str).str[:10]
    return statements


def _date_fits(expected: str | None, got: str) -> bool:
    if expected is None:
        return True
    if "|" in expected:
        return got in expected.split("|")
    if ".." in expected:
        low, high = expected.split("..")
        return low <= got <= high
    return got == expected


def score_case(case: dict, got: pd.DataFrame, listed: set[str]) -> list[str]:
    """What is wrong with the statements of one case (empty when it passes)."""
    named = got[got.holder.fillna("").isin(listed)]
    used, problems = set(), []
    for want in case["expected"]:
        holders, stances = want["holder"].split("|"), want["stance"].split("|")
        pool = got if "" in holders else named   # "" expects a statement no listed actor holds
        candidates = pool[pool.holder.fillna("").isin(holders) & (pool.topic == want["topic"])]
        if want.get("optional"):
            used.update(candidates.index)   # neither required nor counted against the case
            continue
        if candidates.empty:
            if "NONE" not in stances:
                problems.append(f"missing {want['holder']}/{want['topic']}/{want['stance']}@{want['date']}")
            continue
        best = None
        for index, row in candidates.iterrows():
            errors = []
            if row.stance not in stances and stances != ["*"]:
                errors.append(f"stance {row.stance} (want {want['stance']})")
            if not _date_fits(want["date"], row.date):
                errors.append(f"date {row.date} (want {want['date']})")
            speaker = row.speaker if isinstance(row.speaker, str) else ""
            wanted = want["speaker"]
            if wanted == "=" and speaker not in holders:
                errors.append(f"speaker {speaker!r} (want the holder)")
            elif wanted == "~" and speaker in listed:
                errors.append(f"speaker {speaker!r} (want no listed speaker)")
            elif wanted not in ("=", "~", "*") and speaker not in wanted.split("|"):
                errors.append(f"speaker {speaker!r} (want {wanted})")
            if best is None or len(errors) < len(best[1]):
                best = (index, errors)
        used.add(best[0])
        problems += [f"{want['holder']}/{want['topic']}: {e}" for e in best[1]]
    for index, row in named.iterrows():
        if index not in used:
            problems.append(f"extra {row.holder}/{row.topic}/{row.stance}@{row.date}")
    return problems


def score_world(folder: Path, model: str | None = None) -> pd.DataFrame:
    """One row per case: world, id, phenomenon, family, passed, problems, text."""
    import yaml
    listed = {a["id"] for a in yaml.safe_load((folder / "actors.yaml").read_text(encoding="utf-8"))["actors"]}
    statements = run_world(folder, model)
    rows = []
    for case in read_world(folder):
        problems = score_case(case, statements[statements.doc_id == case["id"]], listed)
        rows.append({"world": folder.name, "id": case["id"], "phenomenon": case["phenomenon"],
                     "family": case["phenomenon"].split(":")[0], "passed": not problems,
                     "problems": "; ".join(problems), "text": case["text"]})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world", action="append", help="a world's folder name (default: all)")
    parser.add_argument("--model", help="a model folder, or 'default' for the shipped one")
    parser.add_argument("--out", help="write the failed cases to this CSV")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = parser.parse_args(argv)
    folders = sorted(p for p in DATA.iterdir() if (p / "cases.jsonl").exists())
    if args.world:
        folders = [p for p in folders if p.name in args.world]
    results = pd.concat([score_world(folder, args.model) for folder in folders], ignore_index=True)
    if args.verbose:
        for row in results.itertuples():
            print(f"{'PASS' if row.passed else 'FAIL'} {row.world:10} {row.id:5} {row.phenomenon:40} {row.problems}")
    print("| world | cases | passed |\n|---|---|---|")
    for world, group in results.groupby("world"):
        print(f"| {world} | {len(group)} | {group.passed.sum()} ({group.passed.mean():.0%}) |")
    print(f"| **all** | {len(results)} | **{results.passed.sum()} ({results.passed.mean():.0%})** |\n")
    print("| family | cases | passed |\n|---|---|---|")
    for family, group in results.groupby("family"):
        print(f"| {family} | {len(group)} | {group.passed.sum()} ({group.passed.mean():.0%}) |")
    failed = Counter(results[~results.passed].phenomenon)
    if failed:
        print("\nMost failed phenomena: " + ", ".join(f"{p} ({n})" for p, n in failed.most_common(8)))
    if args.out:
        results[~results.passed].to_csv(args.out, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
