"""Refit the mapping from a statement's raw score to the chance that it is right.

Runs the tool on the gold set's *tune* split (never on test), counts a statement right when a
gold statement on the same topic covers it with the same holder and stance, and fits an
isotonic (monotone) curve from raw score to that rate. The curve is written to
stance/data/calibration.json, which the statements' `confidence` column then uses.

    python benchmarks/calibrate_confidence.py
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression

import stance
from stance.engine import run_documents
from stance.evaluate import _match_statements, load_gold
from stance.extract import Extractor
from stance.ingest import read_documents

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=ROOT / "datasets" / "gold", type=Path)
    parser.add_argument("--articles", default=ROOT / "datasets" / "articles", type=Path)
    parser.add_argument("--out", default=ROOT / "stance" / "data" / "calibration.json", type=Path)
    args = parser.parse_args()
    gold, _ = load_gold(args.gold)
    gold = gold[gold["split"] == "tune"]
    documents = sorted(set(gold["doc_id"]))
    extractor = Extractor(stance.Actors.default(), stance.Topics.default(), calibration=None)
    rows = [row for _, found, _ in run_documents(read_documents([args.articles]), extractor) for row in found]
    statements = stance.statements_frame(rows)
    predicted = statements[statements["doc_id"].isin(documents) & (statements["topic"] != "")]
    texts = {d.doc_id: d.text for d in read_documents([args.articles]) if d.is_ok}
    pairs, _, _ = _match_statements(gold, predicted, texts)
    right = {p["statement_id"] for g, p in pairs if g["holder"] == p["holder"] and g["stance"] == p["stance"]}
    raw = predicted["confidence"].to_numpy(dtype=float)
    outcome = predicted["statement_id"].isin(right).to_numpy(dtype=float)
    curve = IsotonicRegression(y_min=0.02, y_max=0.98, out_of_bounds="clip").fit(raw, outcome)
    grid = np.round(np.linspace(0, 1, 21), 2)
    values = np.round(curve.predict(grid), 4)
    args.out.write_text(json.dumps({"raw": grid.tolist(), "calibrated": values.tolist(),
                                    "fitted_on": f"tune split, {len(predicted)} statements, "
                                                 f"{int(outcome.sum())} right"}) + "\n")
    print(f"{len(predicted)} statements, {outcome.mean():.3f} right; curve -> {args.out}")
    for low, high in ((0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 1.01)):
        band = (raw >= low) & (raw < high)
        if band.any():
            print(f"raw {low:.1f}-{high:.1f}: {band.sum():4d} statements, {outcome[band].mean():.2f} right")


if __name__ == "__main__":
    main()
