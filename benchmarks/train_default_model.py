"""Train the stance model that ships with the package, from the gold set's tune split only.

Each gold statement gives one row: its words, its topic's label and description as the
target, and its five-point stance. The model reads stance where the rules find no stance
word. The test split is never used here.

    python benchmarks/train_default_model.py
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pandas as pd

from stance.config import Topics
from stance.evaluate import load_gold
from stance.model import train_file

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=ROOT / "datasets" / "gold", type=Path)
    parser.add_argument("--out", default=ROOT / "stance" / "data" / "model", type=Path)
    args = parser.parse_args()
    gold, _ = load_gold(args.gold)
    tune = gold[gold["split"] == "tune"]
    topics = Topics.default()
    rows = pd.DataFrame({"text": tune["text"], "target": [topic_words(topics[t]) for t in tune["topic"]],
                         "stance": tune["stance"]})
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "tune.csv"
        rows.to_csv(data, index=False)
        model = train_file(data, args.out)
    print(f"{len(rows)} tune statements, labels {list(model.classes_)} -> {args.out}")


def topic_words(topic) -> str:
    """What the model reads about a topic: its label and description."""
    return f"{topic.label}. {topic.description}".strip()


if __name__ == "__main__":
    main()
