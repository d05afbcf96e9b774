"""`stance explain`: every sentence of a document accounted for, with the reason it gave no statement."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import stance
from stance.cli import cli
from stance.config import Actor, Actors, Topic, Topics
from stance.errors import InputError
from stance.explain import STATEMENT, explain, render

ACTORS = Actors([Actor("tanaka", "Mei Tanaka", aliases=("Tanaka", "the trade minister"))])
TOPICS = Topics([Topic("rice_quota", "Raising the rice import quota", keywords=("rice quota", "rice imports"))])
ARTICLE = """Quota talks drag on

Tanaka on Thursday ruled out a larger rice quota this year.

The rice quota was last changed in 2019.

Would the ministry lift rice imports in spring?

Harvest figures arrive next week.

Sign up for our morning briefing

Tanaka on Thursday ruled out a larger rice quota this year."""


def outcomes(trace):
    return {(row.text[:30], row.outcome) for row in trace.itertuples()}


def test_each_sentence_gets_its_statement_or_the_reason_it_has_none():
    trace = explain(ARTICLE, ACTORS, TOPICS, date="2025-06-13")
    found = trace[trace["outcome"] == STATEMENT]
    assert found[["holder", "topic", "stance"]].values.tolist() == [["tanaka", "rice_quota", "ruled_out"]]
    assert str(found["date"].iloc[0].date()) == "2025-06-12"
    reasons = dict(zip(trace["text"].str[:20], trace["outcome"]))
    assert reasons["Harvest figures arri"] == "names no topic"
    assert "no actor" in reasons["The rice quota was l"]
    assert reasons["Would the ministry l"] != STATEMENT


def test_lines_never_read_are_listed_as_furniture_or_repeats():
    trace = explain(ARTICLE, ACTORS, TOPICS, date="2025-06-13")
    unread = trace[trace["sentence"] < 0]
    assert unread["text"].tolist() == ["Sign up for our morning briefing",
                                       "Tanaka on Thursday ruled out a larger rice quota this year."]
    assert unread["outcome"].iloc[0].startswith("not read: page furniture")
    first = trace.loc[trace["outcome"] == STATEMENT, "sentence"].iloc[0]
    assert unread["outcome"].iloc[1].endswith(f"[{first}]")


def test_explain_finds_what_analyze_finds():
    frame = stance.ingest.pd.DataFrame({"text": [ARTICLE], "date": ["2025-06-13"], "doc_id": ["quota"]})
    run = stance.analyze(frame, actors=ACTORS, topics=TOPICS)
    trace = explain(ARTICLE, ACTORS, TOPICS, date="2025-06-13", doc_id="quota")
    found = trace[trace["outcome"] == STATEMENT]
    assert sorted(found["text"]) == sorted(run.statements["text"])


def test_a_file_of_several_documents_explains_the_one_asked_for(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [{"id": "a", "date": "2025-06-13", "text": "Harvest figures arrive next week."},
             {"id": "b", "date": "2025-06-13", "text": "Tanaka ruled out a larger rice quota."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    trace = explain(path, ACTORS, TOPICS, doc_id="b")
    assert trace["outcome"].tolist() == [STATEMENT]
    with pytest.raises(InputError, match=r"wire\.jsonl: no document with id 'c'"):
        explain(path, ACTORS, TOPICS, doc_id="c")


def test_a_file_of_several_documents_explained_without_an_id_says_which_one_it_shows(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [{"id": "a", "date": "2025-06-13", "text": "Harvest figures arrive next week."},
             {"id": "b", "date": "2025-06-13", "text": "Tanaka ruled out a larger rice quota."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = CliRunner().invoke(cli, ["explain", str(path)])
    assert result.exit_code == 0 and "Harvest figures" in result.stdout
    assert result.stderr == f"note: {path} holds 2 documents; this is the first, a (choose another with --doc ID)\n"
    assert CliRunner().invoke(cli, ["explain", str(path), "--doc", "b"]).stderr == ""


def test_an_empty_text_is_refused_as_such():
    result = CliRunner().invoke(cli, ["explain", "--text", "  ", "--date", "2025-06-13"])
    assert result.exit_code == 4 and result.stderr == "Error: the text to explain is empty; give a sentence or a file\n"


def test_a_text_without_a_date_is_refused_with_the_fix():
    with pytest.raises(InputError, match="--date"):
        explain("Tanaka ruled out a larger rice quota.", ACTORS, TOPICS)


def test_render_shows_a_part_of_a_sentence_apart_from_the_whole():
    trace = explain("Tanaka ruled out a larger rice quota, though the harvest was poor.",
                    ACTORS, TOPICS, date="2025-06-13")
    notes = render(trace)
    assert notes.splitlines()[0].startswith("[0] Tanaka ruled out")
    assert "+ rice_quota: tanaka ruled_out" in notes


def test_command_lists_only_the_missed_sentences(tmp_path):
    actors, topics = tmp_path / "actors.yaml", tmp_path / "topics.yaml"
    actors.write_text("actors:\n  - id: tanaka\n    name: Mei Tanaka\n    aliases: [Tanaka]\n")
    topics.write_text("topics:\n  - id: rice_quota\n    label: Raising the rice import quota\n"
                      "    keywords: [rice quota]\n")
    article = tmp_path / "quota.md"
    article.write_text("---\ndate: 2025-06-13\n---\n" + ARTICLE)
    result = CliRunner().invoke(cli, ["explain", str(article), "--actors", str(actors), "--topics", str(topics),
                                      "--missed"])
    assert result.exit_code == 0, result.output
    assert "Harvest figures arrive next week." in result.output
    assert "+ rice_quota" not in result.output


def test_command_wants_a_file_or_a_text():
    result = CliRunner().invoke(cli, ["explain"])
    assert result.exit_code == 2 and "--text" in result.output


def test_a_pull_quote_repeating_part_of_a_paragraph_is_a_repeat():
    text = ('Tanaka said the quota was fixed. "We will not open the market to more rice imports. '
            'The farmers have our word."\n\n"We will not open the market to more rice imports."')
    trace = explain(text, ACTORS, TOPICS, date="2025-06-13")
    unread = trace[trace["sentence"] < 0]
    assert len(unread) == 1 and unread["outcome"].iloc[0].startswith("not read again")


def test_a_document_of_a_saved_run_is_explained_with_the_runs_own_files(tmp_path):
    actors, topics = tmp_path / "actors.yaml", tmp_path / "topics.yaml"
    actors.write_text("actors:\n  - id: tanaka\n    name: Mei Tanaka\n    aliases: [Tanaka]\n")
    topics.write_text("topics:\n  - id: rice_quota\n    label: Raising the rice import quota\n"
                      "    keywords: [rice quota]\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quota.md").write_text("---\ndate: 2025-06-13\n---\n" + ARTICLE)
    stance.analyze_into(tmp_path / "run", [tmp_path / "in"], actors=actors, topics=topics, charts=False)
    trace = explain(run=tmp_path / "run", doc_id="quota")
    assert trace.loc[trace["outcome"] == STATEMENT, "holder"].tolist() == ["tanaka"]
    with pytest.raises(InputError, match="did you mean quota"):
        explain(run=tmp_path / "run", doc_id="quotas")


def test_a_live_blog_entry_time_is_named_as_such():
    trace = explain("14:05 BST\n\nTanaka ruled out a larger rice quota.", ACTORS, TOPICS, date="2025-06-13")
    assert trace.loc[trace["sentence"] < 0, "outcome"].tolist() == [
        "not read as a sentence: a live-blog entry's time, which dates the entry"]


@pytest.mark.parametrize("arguments, message", [
    (["--text", "Merz ruled out German troops.", "--date", "yesterday"],
     "Error: --date 'yesterday' is not a day (unknown string format); write it as YYYY-MM-DD"),
    (["{folder}/undated.md"], "Error: {folder}/undated.md: no date; add 'date: YYYY-MM-DD' or pass --date"),
], ids=["vague-date", "undated-file"])
def test_a_document_that_cannot_be_explained_is_one_plain_line(tmp_path, arguments, message):
    (tmp_path / "undated.md").write_text("Merz ruled out German troops.")
    folder = tmp_path.as_posix()
    result = CliRunner().invoke(cli, ["explain", *(argument.format(folder=folder) for argument in arguments)])
    assert result.exit_code == 4
    assert result.output.strip() == message.format(folder=folder)


def test_command_names_the_close_topic_for_one_the_document_does_not_concern():
    result = CliRunner().invoke(cli, ["explain", "--text", "Merz ruled out German troops on Monday.",
                                      "--date", "2025-03-04", "--topic", "troops"])
    assert result.exit_code == 2 and "european_troops" in result.output
