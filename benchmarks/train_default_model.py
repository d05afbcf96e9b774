"""Train the stance model that ships with the package, from the tune splits of the gold sets.

Each gold statement gives one row: its words, its topic's label and description as the
target, and its five-point stance. A gold set of another story (datasets/<story>/gold) brings
its own topics.yaml; the main set (datasets/gold) uses the shipped topics. By default every
gold set under datasets/ is read, so the model learns how stance is worded in several stories
and not in one only; `--gold datasets/gold --min-df 1` trains the earlier main-set-only model. The model
reads stance where the rules find no stance word. Test splits are never used here.

    python benchmarks/train_default_model.py                     # all gold sets
    python benchmarks/train_default_model.py --gold datasets/gold --min-df 1  # as before: main set only
    python benchmarks/train_default_model.py --leave-out trade --out /tmp/model-without-trade
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
DATASETS = ROOT / "datasets"
# Each story's topics get their own copy of every n-gram feature, so with seven stories the
# weights grow sevenfold; n-grams seen in one statement only are dropped, which kept the
# leave-one-story-out scores and cut the loaded weights from about 100 MB to 40 MB.
MIN_DF = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", type=Path,
                        help="A gold folder to train from (repeatable; default: every gold set under datasets/).")
    parser.add_argument("--leave-out", action="append", default=[], metavar="STORY",
                        help="Leave out a story's gold set ('gold' for the main set, else its folder name, "
                             "e.g. 'trade'); repeatable. For scoring a model on a story it never saw.")
    parser.add_argument("--min-df", default=MIN_DF, type=int,
                        help=f"Keep n-grams seen in at least this many statements (default {MIN_DF}; the main-set-only "
                             "model was trained with 1).")
    parser.add_argument("--out", default=ROOT / "stance" / "data" / "model", type=Path)
    args = parser.parse_args()
    folders = [folder for folder in (args.gold or gold_folders()) if story_name(folder) not in args.leave_out]
    rows = pd.concat([tune_rows(folder) for folder in folders], ignore_index=True)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "tune.csv"
        rows.to_csv(data, index=False)
        model = train_file(data, args.out, min_df=args.min_df)
    counts = rows["story"].value_counts()
    stories = ", ".join(f"{story_name(folder)} {counts.get(story_name(folder), 0)}" for folder in folders)
    print(f"{len(rows)} tune statements ({stories}), labels {[str(label) for label in model.classes_]} -> {args.out}")


def gold_folders() -> list[Path]:
    """The main gold set, then every other story's gold set, in name order."""
    return [DATASETS / "gold", *sorted(path for path in DATASETS.glob("*/gold") if path.is_dir())]


def story_name(gold: Path) -> str:
    """'gold' for the main set (datasets/gold), else the story's folder (datasets/trade/gold: 'trade')."""
    gold = Path(gold).resolve()
    return "gold" if gold.parent == DATASETS.resolve() else gold.parent.name


def tune_rows(gold: Path) -> pd.DataFrame:
    """One training row per tune statement of a gold set: text, target words, stance, story."""
    gold = Path(gold)
    statements, _ = load_gold(gold)
    tune = statements[statements["split"] == "tune"]
    beside = gold.parent / "topics.yaml"
    topics = Topics.from_yaml(beside) if beside.is_file() else Topics.default()
    return pd.DataFrame({"text": tune["text"].to_numpy(),
                         "target": [topic_words(topics[topic]) for topic in tune["topic"]],
                         "stance": tune["stance"].to_numpy(), "story": story_name(gold)})


def topic_words(topic) -> str:
    """What the model reads about a topic: its label and description."""
    return f"{topic.label}. {topic.description}".strip()


if __name__ == "__main__":
    main()
