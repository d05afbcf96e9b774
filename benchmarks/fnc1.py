"""FNC-1 (Fake News Challenge stage 1): train `stance train`'s model on headline/body pairs and
score the 25,413 competition test pairs with the official weighted score.

Each pair is text = article body, target = headline, stance = agree / disagree / discuss /
unrelated. The model runs with `pair_features=True` (how much of the headline the body repeats,
TF-IDF cosines, the headline's own words) and without per-target copies, since test headlines
are all new. Score: +0.25 when related-vs-unrelated is right, +0.75 more when a related pair's
label is exactly right, as a percentage of the best possible. Reference points on this test set:
official baseline 75.20, best team (SOLAT in the SWEN) 82.02, UCL Machine Reading 81.72, which
caught 6.6% of "disagree". Per-class F1 and their mean (macro-F1) are printed too, since the
weighted score rewards the majority class.

    python benchmarks/fnc1.py [--data DIR] [--out scores.json] [--dev]

The data are read where they are (never copied into the repository): `--data`, else
$STANCE_FNC_DATA, else $STANCE_SHARED/data/fnc-1, else ../shared/data/fnc-1 next to the
repository. Settings were chosen on `--dev`: a held-out part of the training pairs whose
headlines and bodies belong to claims the rest never sees (as in the real test); the test
set is not read in that mode. The word vectors come with the `StanceModel` defaults
(`vectors_weight=0.5`, chosen on SemEval-2016): on `--dev` 79.58 with them, 79.41 without; on
the test, scored once, 81.09 with them, 80.78 without.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from stance.model import StanceModel, predict_file, train_file

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("agree", "disagree", "discuss", "unrelated")
SETTINGS = {"per_target": False, "pair_features": True, "word_ngram_range": (1, 2), "char_ngram_range": (2, 5),
            "text_char_features": False, "max_features": 30000, "split_hashtags": False, "C": 10.0,
            "class_weight": None}
REFERENCE = {"official_baseline": 75.20, "SOLAT_in_the_SWEN_1st": 82.02, "Athene_2nd": 81.97, "UCLMR_3rd": 81.72}


def default_data() -> Path:
    if os.environ.get("STANCE_FNC_DATA"):
        return Path(os.environ["STANCE_FNC_DATA"])
    shared = Path(os.environ.get("STANCE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "fnc-1"


def read_pairs(data: Path, stances: str, bodies: str) -> pd.DataFrame:
    """Headline/body pairs with their stance: columns target (headline), body_id, text (body), stance."""
    pairs = pd.read_csv(data / stances, dtype={"Headline": str, "Stance": str}, keep_default_na=False)
    texts = pd.read_csv(data / bodies, dtype={"articleBody": str}, keep_default_na=False)
    frame = pairs.merge(texts, on="Body ID", how="left", validate="many_to_one")
    return frame.rename(columns={"Headline": "target", "Body ID": "body_id", "articleBody": "text",
                                 "Stance": "stance"})[["target", "body_id", "text", "stance"]]


def fnc_score(gold, predicted) -> float:
    """The official weighted score as a percentage of the maximum (FNC-1 scorer.py)."""
    gold, predicted = np.asarray(gold), np.asarray(predicted)
    gold_related, predicted_related = gold != "unrelated", predicted != "unrelated"
    score = 0.25 * (gold_related == predicted_related).sum() + 0.75 * ((gold == predicted) & gold_related).sum()
    return 100 * score / (0.25 * len(gold) + 0.75 * gold_related.sum())


def scores(gold, predicted) -> dict:
    """Weighted score, per-class precision/recall/F1, macro-F1 and the confusion matrix."""
    gold, predicted = np.asarray(gold), np.asarray(predicted)
    precision, recall, f1, support = precision_recall_fscore_support(gold, predicted, labels=list(LABELS),
                                                                     zero_division=0)
    matrix = confusion_matrix(gold, predicted, labels=list(LABELS))
    return {"fnc_score": round(fnc_score(gold, predicted), 2),
            "macro_f1": round(100 * float(np.mean(f1)), 2),
            "per_class": {label: {"precision": round(100 * p, 2), "recall": round(100 * r, 2),
                                  "f1": round(100 * f, 2), "support": int(s)}
                          for label, p, r, f, s in zip(LABELS, precision, recall, f1, support)},
            "confusion_matrix": {"labels": list(LABELS), "rows_gold_columns_predicted": matrix.tolist()}}


def claim_split(pairs: pd.DataFrame, share: float = 0.2, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split training pairs by claim: headlines and bodies joined by a related pair form one claim;
    a share of claims is held out, and pairs that straddle the two sides are dropped."""
    headlines = {headline: index for index, headline in enumerate(sorted(pairs["target"].unique()))}
    bodies = {body: len(headlines) + index for index, body in enumerate(sorted(pairs["body_id"].unique()))}
    related = pairs[pairs["stance"] != "unrelated"]
    size = len(headlines) + len(bodies)
    edges = (related["target"].map(headlines), related["body_id"].map(bodies))
    graph = sparse.csr_matrix((np.ones(len(related)), edges), shape=(size, size))
    count, claim = connected_components(graph, directed=False)
    held_claims = set(np.random.RandomState(seed).permutation(count)[: int(share * count)])
    headline_held = pairs["target"].map(headlines).map(lambda node: claim[node] in held_claims)
    body_held = pairs["body_id"].map(bodies).map(lambda node: claim[node] in held_claims)
    return pairs[~headline_held & ~body_held], pairs[headline_held & body_held]


def run(train: pd.DataFrame, test: pd.DataFrame, scratch: Path) -> tuple[pd.DataFrame, dict]:
    """Train through `train_file`, label through `predict_file`; returns predictions and timings."""
    train[["text", "target", "stance"]].to_csv(scratch / "train.csv", index=False)
    test[["text", "target"]].to_csv(scratch / "test.csv", index=False)
    started = time.perf_counter()
    train_file(scratch / "train.csv", scratch / "model", **SETTINGS)
    train_seconds = time.perf_counter() - started
    started = time.perf_counter()
    StanceModel.load(scratch / "model")
    load_seconds = time.perf_counter() - started
    model_bytes = sum(path.stat().st_size for path in (scratch / "model").iterdir())
    started = time.perf_counter()
    predicted = predict_file(scratch / "model", scratch / "test.csv", scratch / "predicted.csv")
    return predicted, {"train_seconds": round(train_seconds, 1), "load_seconds": round(load_seconds, 3),
                       "predict_file_seconds": round(time.perf_counter() - started, 1),
                       "model_megabytes": round(model_bytes / 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the fnc-1 folder")
    parser.add_argument("--out", type=Path, default=None, help="write the scores here as JSON")
    parser.add_argument("--dev", action="store_true",
                        help="score a claim-disjoint held-out part of train instead (the test is not read)")
    args = parser.parse_args()
    data = args.data or default_data()
    if not (data / "train_stances.csv").is_file():
        parser.error(f"no FNC-1 data at {data}; give --data or set STANCE_FNC_DATA")
    train = read_pairs(data, "train_stances.csv", "train_bodies.csv")
    if args.dev:
        train, test = claim_split(train)
        name = "claim-disjoint dev split of train"
    else:
        test = read_pairs(data, "competition_test_stances.csv", "competition_test_bodies.csv")
        name = "competition test set"
    with tempfile.TemporaryDirectory() as scratch:
        predicted, timings = run(train, test, Path(scratch))
    result = {"evaluated_on": name, "data": str(data), "train_pairs": len(train), "test_pairs": len(test),
              "settings": {key: list(value) if isinstance(value, tuple) else value for key, value in SETTINGS.items()},
              **scores(test["stance"], predicted["predicted"]), **timings, "reference_fnc_score": REFERENCE}
    print(f"FNC-1, {name} ({len(test)} pairs): weighted score {result['fnc_score']:.2f}, macro-F1 "
          f"{result['macro_f1']:.2f} (baseline {REFERENCE['official_baseline']}, "
          f"best {REFERENCE['SOLAT_in_the_SWEN_1st']})")
    for label, row in result["per_class"].items():
        print(f"  {label:<10} P {row['precision']:6.2f}  R {row['recall']:6.2f}  F1 {row['f1']:6.2f}  "
              f"(n={row['support']})")
    print(f"  train {timings['train_seconds']} s, load {timings['load_seconds']} s, "
          f"model {timings['model_megabytes']} MB")
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
