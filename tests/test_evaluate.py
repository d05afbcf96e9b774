"""`stance evaluate` scores a run against hand labels, for the shipped story or a gold set of
another story that brings its own actors and topics."""
from __future__ import annotations

import json

import pytest

from stance.errors import InputError
from stance.evaluate import evaluate_gold

ACTORS = """
actors:
  - id: sheinbaum
    name: Claudia Sheinbaum
    aliases: [Claudia Sheinbaum, Sheinbaum]
    roles: [the Mexican president]
    kind: person
    gender: female
  - id: carney
    name: Mark Carney
    aliases: [Mark Carney, Carney]
    kind: person
    gender: male
"""

TOPICS = """
topics:
  - id: steel_levy
    label: Retaliatory levy on American steel
    keywords: [levy on American steel, steel levy]
"""

ARTICLE = """---
title: Steel quarrel
date: 2025-03-12
id: steel
---
Claudia Sheinbaum said on Monday that Mexico would not impose a steel levy for now.
Mark Carney said the levy on American steel could come within weeks.
"""


def gold_line(text, holder, stance, date, split="test"):
    return json.dumps({"doc_id": "steel", "split": split, "text": text, "holder": holder, "speaker": holder,
                       "attribution": "reported", "topic": "steel_levy", "stance": stance, "date": date,
                       "date_precision": "day"})


@pytest.fixture()
def story(tmp_path):
    home = tmp_path / "steel-story"
    (home / "articles").mkdir(parents=True)
    (home / "gold").mkdir()
    (home / "articles" / "steel.md").write_text(ARTICLE)
    (home / "actors.yaml").write_text(ACTORS)
    (home / "topics.yaml").write_text(TOPICS)
    lines = [gold_line("Mexico would not impose a steel levy for now", "sheinbaum", "oppose", "2025-03-10"),
             gold_line("the levy on American steel could come within weeks", "carney", "open", "2025-03-12")]
    (home / "gold" / "steel.jsonl").write_text("\n".join(lines) + "\n")
    return home


def test_a_gold_set_of_another_story_is_read_with_its_own_actors_and_topics(story, tmp_path):
    scores = evaluate_gold(story / "gold", tmp_path / "eval", split="test")
    found = scores["statements"]
    assert scores["gold_statements"] == 2
    assert found["recall"] == 1.0
    assert found["holder_accuracy"] == 1.0
    assert (tmp_path / "eval" / "scores.json").is_file()


def test_a_split_without_gold_lines_is_refused_naming_the_splits_there_are(story, tmp_path):
    with pytest.raises(InputError) as error:
        evaluate_gold(story / "gold", tmp_path / "eval", split="tune")
    assert "no gold statement is in the split 'tune' (lines by split: test 2); pass --split test" in str(error.value)
    assert not (tmp_path / "eval").exists()


def test_labels_without_a_split_are_scored_with_split_all(story, tmp_path):
    lines = (story / "gold" / "steel.jsonl").read_text().replace('"split": "test", ', "")
    (story / "gold" / "steel.jsonl").write_text(lines)
    with pytest.raises(InputError) as error:
        evaluate_gold(story / "gold", tmp_path / "eval")
    assert "(lines by split: no split 2); pass --split all" in str(error.value)
    assert evaluate_gold(story / "gold", tmp_path / "eval", split="all")["statements"]["recall"] == 1.0


def test_a_broken_gold_line_is_named_by_file_and_line(story, tmp_path):
    with (story / "gold" / "steel.jsonl").open("a") as handle:
        handle.write('{"doc_id": "steel", "text": \n')
    with pytest.raises(InputError) as error:
        evaluate_gold(story / "gold", tmp_path / "eval")
    assert "steel.jsonl" in str(error.value) and ":3" in str(error.value)


def test_a_gold_file_saved_with_a_byte_order_mark_is_read(story, tmp_path):
    path = story / "gold" / "steel.jsonl"
    path.write_text(path.read_text(), encoding="utf-8-sig")
    assert evaluate_gold(story / "gold", tmp_path / "eval", split="test")["gold_statements"] == 2


def test_the_score_summary_counts_one_document_in_the_singular(story, tmp_path):
    from stance.evaluate import format_scores
    summary = format_scores(evaluate_gold(story / "gold", tmp_path / "eval", split="test"))
    assert summary.splitlines()[0] == "split test: 1 document, 2 gold statements, 2 predicted"


def test_a_gold_line_cut_inside_a_string_says_where(story, tmp_path):
    with (story / "gold" / "steel.jsonl").open("a") as handle:
        handle.write('{"doc_id": "steel", "text": "Mexico would\n')
    with pytest.raises(InputError) as error:
        evaluate_gold(story / "gold", tmp_path / "eval")
    assert str(error.value).endswith(":3: invalid JSON (Unterminated string starting at column 29)")
