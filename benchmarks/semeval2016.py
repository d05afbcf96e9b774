"""SemEval-2016 Task 6 subtask A: train with `stance train` on the official train split, predict the
1249 gold test tweets, report the official F_avg (mean F1 of FAVOR and AGAINST, pooled).

    python benchmarks/semeval2016.py [--data ../shared/data/semeval2016-task6] [--out scores.json]

The data are read from the shared folder (never copied into the repository). Settings were
chosen by cross-validation on the train split only.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import pandas as pd

from stance.model import predict_file, train_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("STANCE_SHARED", ROOT.parent / "shared")) / "data" / "semeval2016-task6"


def f_avg(gold: pd.Series, predicted: pd.Series) -> tuple[float, dict]:
    """The official metric: mean of F1(FAVOR) and F1(AGAINST) over all tweets, in percent."""
    per_class = {}
    for label in ("FAVOR", "AGAINST", "NONE"):
        tp = int(((predicted == label) & (gold == label)).sum())
        precision = tp / max(1, int((predicted == label).sum()))
        recall = tp / max(1, int((gold == label).sum()))
        f1 = 0.0 if tp == 0 else 2 * precision * recall / (precision + recall)
        per_class[label] = {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2),
                            "f1": round(100 * f1, 2)}
    return (per_class["FAVOR"]["f1"] + per_class["AGAINST"]["f1"]) / 2, per_class


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    train = pd.read_csv(args.data / "original" / "semeval2016-task6-trainingdata.txt", sep="\t", encoding="cp1252")
    test = pd.read_csv(args.data / "SemEval2016-Task6-subtaskA-testdata-gold.tsv", sep="\t", encoding="cp1252")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        train.rename(columns={"Tweet": "text", "Target": "target", "Stance": "stance"}).to_csv(folder / "train.csv", index=False)
        test.rename(columns={"Tweet": "text", "Target": "target"}).drop(columns=["Stance"]).to_csv(folder / "test.csv", index=False)
        started = time.time()
        train_file(folder / "train.csv", folder / "model")
        trained = time.time() - started
        predicted = predict_file(folder / "model", folder / "test.csv", folder / "predicted.csv")
    score, per_class = f_avg(test["Stance"], predicted["predicted"])
    per_target = {target: round(f_avg(test.loc[rows, "Stance"], predicted.loc[rows, "predicted"])[0], 2)
                  for target, rows in test.groupby("Target").groups.items()}
    result = {"F_avg": round(score, 2), "per_target_F_avg": per_target, "per_class": per_class,
              "train_seconds": round(trained, 1), "reference": {"best_2016_team": 67.82, "svm_ngrams_baseline": 68.98,
                                                                  "tfidf_linearsvc": 68.50}}
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
