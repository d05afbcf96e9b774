"""The command line: help that teaches, one clear error line, exit codes, every output file."""
from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from stance.cli import cli

COMMANDS = ["analyze", "demo", "evaluate", "train", "predict", "shifts", "timeline", "report", "plot", "explain"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example: stance" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_examples_stay_whole_lines_to_copy(command):
    import inspect
    docstring = inspect.getdoc(cli.commands[command].callback)
    examples = [line.strip() for line in docstring.splitlines() if line.strip().startswith(("Example:", "Then:"))]
    shown = [line.strip() for line in CliRunner().invoke(cli, [command, "--help"], terminal_width=80).output.splitlines()]
    assert examples and all(example in shown for example in examples)


def test_top_level_help_shows_the_way_from_articles_to_shifts():
    shown = [line.strip() for line in CliRunner().invoke(cli, ["--help"], terminal_width=80).output.splitlines()]
    assert "Your own:    stance analyze articles/ --out results/ --actors actors.yaml --topics topics.yaml" in shown
    assert "Then:        stance shifts results/ --holder trump" in shown


def test_undated_document_is_listed_not_guessed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.md").write_text("Leavitt said the president ruled out US troops.")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert result.exit_code == 6
    assert documents.loc[0, "status"] == "skipped" and "no date" in documents.loc[0, "reason"]


def test_many_bad_documents_are_summed_up_not_all_listed(tmp_path):
    (tmp_path / "in").mkdir()
    for number in range(25):
        (tmp_path / "in" / f"note-{number:02}.txt").write_text("Trump ruled out US troops.")
    (tmp_path / "in" / "feed.jsonl").write_text('{"text": "Trump ruled out US troops.", "date": "2025-08-20"}\n{oops\n')
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-charts"])
    lines = result.stderr.splitlines()
    assert result.exit_code == 6 and len(lines) == 21
    assert lines[0].startswith("error: ") and "feed.jsonl:2: invalid JSON" in lines[0]
    assert lines[-1] == f"... and 6 more not analysed; every document and its reason is in {tmp_path / 'out' / 'documents.parquet'}"
    assert result.stdout.startswith("27 documents (1 analysed, 25 skipped, 1 failed), ")


def test_summary_line_counts_one_of_each_in_the_singular(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.md").write_text("---\ndate: 2025-08-20\n---\nTrump said he ruled out US troops.\n")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-charts"])
    assert result.exit_code == 0
    assert result.stdout.startswith("1 document (1 analysed), 1 statement, 0 shifts -> ")


def test_date_option_dates_undated_documents(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.md").write_text("Trump spoke.\nLeavitt said the president has ruled out US troops.")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--date", "2025-08-20", "--no-charts"])
    assert result.exit_code == 0, result.output
    statements = pd.read_parquet(tmp_path / "out" / "statements.parquet")
    assert statements[["holder", "speaker", "stance"]].values.tolist() == [["trump", "leavitt", "ruled_out"]]


def test_bad_topics_file_is_one_line_with_file_and_line(tmp_path):
    topics = tmp_path / "topics.yaml"
    topics.write_text("topics:\n  - id: air\n")
    (tmp_path / "a.md").write_text("---\ndate: 2025-01-01\n---\nText.")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.md"), "--out", str(tmp_path / "out"),
                                      "--topics", str(topics)])
    assert result.exit_code == 3
    assert result.output.strip() == f"Error: {topics}:2: topic 'air' has no label; add a 'label:' line"


def test_analyze_writes_every_spec_output(seed_path, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(seed_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("documents.parquet", "statements.parquet", "shifts.parquet", "report.md"):
        assert (out / name).exists()
    assert list((out / "charts").glob("*.png"))
    report = (out / "report.md").read_text()
    assert report.index("## Donald Trump — US ground troops in Ukraine") < report.index("## Latest positions")


def test_view_commands_read_a_saved_run(seed_path, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(cli, ["analyze", str(seed_path), "--out", str(out), "--no-charts"])
    shifts = runner.invoke(cli, ["shifts", str(out), "--holder", "trump", "--format", "csv"])
    assert "us_ground_troops,open,ruled_out,2025-08-18,2025-08-19,reversal" in shifts.output
    days = runner.invoke(cli, ["timeline", str(out), "--holder", "trump", "--topic", "us_ground_troops"])
    assert "2025-08-18" in days.output and "ruled_out" in days.output
    report = runner.invoke(cli, ["report", str(out), "--format", "json", "--topic", "us_air_support"])
    assert '"topic": "us_air_support"' in report.output and "us_ground_troops" not in report.output
    chart = runner.invoke(cli, ["plot", str(out), "--kind", "swimlane", "--out", str(tmp_path / "s.png")])
    assert chart.exit_code == 0 and (tmp_path / "s.png").stat().st_size > 1000


def test_output_folder_of_another_tool_is_refused(tmp_path, seed_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    result = CliRunner().invoke(cli, ["analyze", str(seed_path), "--out", str(out)])
    assert result.exit_code == 4 and "pass --force" in result.output
    assert (out / "thesis.docx").read_text() == "precious"


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    (folder / "in").mkdir()
    (folder / "in" / "monday.md").write_text("---\ndate: 2025-08-18\n---\nTrump said US troops could be an option.")
    (folder / "in" / "tuesday.md").write_text("---\ndate: 2025-08-19\n---\nTrump ruled out sending US troops.")
    result = CliRunner().invoke(cli, ["analyze", str(folder / "in"), "--out", str(folder / "out"), "--no-charts"])
    assert result.exit_code == 0, result.output
    return folder / "out"


@pytest.mark.parametrize("arguments, message", [
    (["shifts", "--holder", "trumpp"], "no statement in this run has the holder 'trumpp'; did you mean 'trump'?"),
    (["timeline", "--holder", "trump", "--topic", "troops"],
     "no statement in this run has the topic 'troops'; did you mean 'us_ground_troops'?"),
    (["report", "--since", "yesterday"], "'yesterday' is not a day (unknown string format); write it as YYYY-MM-DD"),
    (["shifts", "--since", "2025-09-01", "--until", "2025-03-01"],
     "the days are the wrong way round: 2025-09-01 is after 2025-03-01; swap them"),
    (["shifts", "--since", "2026-01-01"],
     "no statement in this run is dated from 2026-01-01 on; they are dated 2025-08-18 to 2025-08-19"),
    (["timeline", "--holder", "trump", "--topic", "us_ground_troops", "--since", "2025-07-01", "--until", "2025-07-31"],
     "no statement of 'trump' on 'us_ground_troops' in this run is dated between 2025-07-01 and 2025-07-31; "
     "they are dated 2025-08-18 to 2025-08-19"),
    (["plot", "--kind", "swimlane", "--out", "never.png", "--until", "2025-01-01"],
     "no statement in this run is dated up to 2025-01-01; they are dated 2025-08-18 to 2025-08-19"),
], ids=["misspelt-holder", "part-of-topic", "vague-day", "reversed-days", "days-after-the-run", "days-before-a-series",
        "chart-of-no-days"])
def test_view_filters_that_cannot_match_say_why(small_run, arguments, message):
    result = CliRunner().invoke(cli, [arguments[0], str(small_run), *arguments[1:]])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {message}"


def test_plot_makes_the_folder_it_is_told_to_write_into(small_run, tmp_path):
    chart = tmp_path / "charts" / "2025" / "heatmap.png"
    result = CliRunner().invoke(cli, ["plot", str(small_run), "--kind", "heatmap", "--out", str(chart)])
    assert result.exit_code == 0, result.output
    assert chart.stat().st_size > 1000


def test_a_chart_that_cannot_be_written_is_one_line_not_a_traceback(small_run, tmp_path):
    (tmp_path / "taken").write_text("a file where a folder should be")
    result = CliRunner().invoke(cli, ["plot", str(small_run), "--kind", "heatmap", "--out",
                                      str(tmp_path / "taken" / "chart.png")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'taken'}") and "Traceback" not in result.output


def test_an_out_folder_that_cannot_be_made_is_named_as_given(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".results.tmp-1-abcd"))
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.md").write_text("---\ndate: 2025-08-20\n---\nTrump ruled out US troops.\n")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "results")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'results'}: Permission denied\n"


@pytest.mark.parametrize("command", [["demo"], ["analyze", "."]], ids=["demo", "analyze"])
def test_ctrl_c_says_the_output_was_left_as_it_was(tmp_path, monkeypatch, command):
    import stance

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(stance, "analyze_into", interrupted)
    result = CliRunner().invoke(cli, [*command, "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert result.stderr.strip() == f"Error: interrupted; {tmp_path / 'out'} was left as it was"


def test_plot_names_the_file_it_wrote_and_refuses_a_type_it_cannot_write(small_run, tmp_path):
    bare = CliRunner().invoke(cli, ["plot", str(small_run), "--kind", "heatmap", "--out", str(tmp_path / "chart")])
    assert bare.exit_code == 0 and bare.stdout == f"heatmap -> {tmp_path / 'chart.png'}\n"
    assert (tmp_path / "chart.png").stat().st_size > 1000
    odd = CliRunner().invoke(cli, ["plot", str(small_run), "--kind", "heatmap", "--out", str(tmp_path / "chart.xyz")])
    assert odd.exit_code == 2 and "Traceback" not in odd.output
    assert "Invalid value for '--out': '.xyz' is no image type a chart can be saved as; use .png" in odd.output
