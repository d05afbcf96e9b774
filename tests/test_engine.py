"""The engines: the same tables whatever runs them, input read only just ahead of the work,
and runs that grow by --append without reading their old documents again."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import stance
from stance import engine
from stance.cli import cli
from stance.config import Actors, Topic, Topics
from stance.engine import StatementColumns, run_documents, track
from stance.errors import InputError, StanceError
from stance.extract import Extractor
from stance.ingest import Document

TABLES = ("documents", "statements", "shifts")
ARTICLES = sorted(stance.demo_corpus().glob("*.md"))
TROOPS_NOTE = """---
date: 2025-08-20
id: {id}
---
Leavitt said the president has ruled out sending US troops to Ukraine.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Eight bundled articles, in two folders: the first five and the last three."""
    folder = tmp_path_factory.mktemp("corpus")
    for number, article in enumerate(ARTICLES[10:18]):
        part = folder / ("old" if number < 5 else "new")
        part.mkdir(exist_ok=True)
        shutil.copy(article, part / article.name)
    return folder


@pytest.fixture(scope="module")
def full_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "full"
    analyze(corpus / "old", corpus / "new", "--out", out)
    return out


def analyze(*args) -> None:
    result = CliRunner().invoke(cli, ["analyze", *map(str, args), "--no-charts", "--quiet"])
    assert result.exit_code == 0, result.output


def assert_same_tables(left: Path, right: Path) -> None:
    for name in TABLES:
        assert (left / f"{name}.parquet").read_bytes() == (right / f"{name}.parquet").read_bytes(), name


def documents(count: int, text: str = "Merz ruled out sending German troops.") -> list[Document]:
    import datetime as dt
    return [Document(f"doc-{number:03d}", f"doc-{number:03d}.md", text, date=dt.date(2025, 3, 2))
            for number in range(count)]


# -- same tables whatever runs them ---------------------------------------------------------------

def test_two_processes_write_byte_identical_tables(corpus, full_run, tmp_path):
    analyze(corpus / "old", corpus / "new", "--out", tmp_path / "jobs2", "--jobs", "2")
    assert_same_tables(full_run, tmp_path / "jobs2")


def test_dask_local_cluster_writes_the_same_tables(corpus, full_run, tmp_path):
    pytest.importorskip("dask.distributed")
    analyze(corpus / "old", corpus / "new", "--out", tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    assert_same_tables(full_run, tmp_path / "dask")


def test_results_come_back_in_input_order_without_text():
    extractor = Extractor(Actors.default(), Topics([Topic("german_troops", "German troops", keywords=("German troops",))]))
    results = list(run_documents(documents(40), extractor, jobs=2, batch_size=3))
    assert [document.doc_id for document, _, _ in results] == [f"doc-{number:03d}" for number in range(40)]
    assert all(document.text == "" and rows and not error for document, rows, error in results)


def test_process_pool_reads_its_input_only_just_ahead_of_the_work():
    pulled = []

    def lazily():
        for document in documents(200):
            pulled.append(document.doc_id)
            yield document

    results = run_documents(lazily(), Extractor(Actors([]), Topics([])), jobs=2, batch_size=4)
    next(results)
    assert len(pulled) <= 2 * engine.IN_FLIGHT_PER_WORKER * 4
    results.close()


def test_a_document_that_breaks_a_stage_is_reported_and_the_run_goes_on(monkeypatch):
    extractor = Extractor(Actors([]), Topics([]))

    def statements_of(document):
        if document.doc_id == "doc-001":
            raise ValueError("odd bytes")
        return []

    monkeypatch.setattr(extractor, "statements_of", statements_of)
    errors = [error for _, _, error in run_documents(documents(3), extractor)]
    assert errors == ["", "doc-001.md: processing failed (ValueError: odd bytes)", ""]


# -- engine choices and their errors --------------------------------------------------------------

def test_missing_dask_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(StanceError, match=r"pip install 'stance-shift\[dask\]'"):
        list(run_documents(documents(1), Extractor(Actors([]), Topics([])), engine="dask"))


def test_scheduler_without_the_dask_engine_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(ARTICLES[0]), "--out", str(tmp_path / "out"),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --scheduler names a dask scheduler; add --engine dask"


@pytest.mark.parametrize("rows", [
    [{"doc_id": "a", "score": 1}, {"doc_id": "b", "score": -2}],
    [{"doc_id": "a", "cue": "no"}, {"doc_id": "b", "cue": "ruled out"}, {"cue": "backs", "doc_id": "c"}],
    [{"doc_id": "a"}, {"doc_id": "b", "cue": "ruled out"}, {"cue": "backs", "doc_id": "c"}],
    [],
], ids=["same columns", "keys in another order", "columns come and go", "no rows"])
@pytest.mark.parametrize("chunk_rows", [2, 1000])
def test_statement_columns_build_the_frame_rows_would(rows, chunk_rows):
    columns = StatementColumns(chunk_rows=chunk_rows)
    columns.extend(rows)
    assert len(columns) == len(rows)
    pd.testing.assert_frame_equal(columns.frame(), pd.DataFrame(rows))


def test_progress_is_shown_on_stderr_only_when_asked(capsys):
    items = [1, 2, 3]
    assert track(items, "analysing", enabled=False) is items
    assert list(track(items, "analysing", enabled=True)) == items
    shown = capsys.readouterr()
    assert "analysing" in shown.err and shown.out == ""


# -- --append -------------------------------------------------------------------------------------

def test_append_equals_one_run_over_everything(corpus, full_run, tmp_path):
    out = tmp_path / "out"
    analyze(corpus / "old", "--out", out)
    analyze(corpus / "new", "--out", out, "--append")
    assert_same_tables(full_run, out)
    assert (out / "report.md").exists()


def test_append_skips_documents_the_run_already_holds(corpus, full_run, monkeypatch):
    analysed = []
    original = Extractor.statements_of
    monkeypatch.setattr(Extractor, "statements_of", lambda self, doc: analysed.append(doc.doc_id) or original(self, doc))
    previous = stance.load(full_run)
    again = stance.analyze([corpus / "old", corpus / "new", ARTICLES[0]], previous=full_run)
    assert analysed == [ARTICLES[0].stem]
    assert len(again.documents) == len(previous.documents) + 1
    kept = again.statements[again.statements["doc_id"] != ARTICLES[0].stem].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, previous.statements)


def test_append_to_a_missing_folder_is_a_first_run(corpus, full_run, tmp_path):
    analyze(corpus / "old", corpus / "new", "--out", tmp_path / "fresh", "--append")
    assert_same_tables(full_run, tmp_path / "fresh")


def test_append_gives_a_new_document_with_a_taken_id_its_own(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "note.md").write_text(TROOPS_NOTE.format(id="note"))
    first = stance.analyze(tmp_path / "a")
    both = stance.analyze(tmp_path / "b", previous=first)
    assert both.documents["doc_id"].tolist() == ["note", "note~2"]
    assert both.statements["doc_id"].tolist() == ["note", "note~2"]
    assert "renamed 'note~2'" in both.documents.loc[1, "reason"]


def test_append_with_other_topics_is_refused(corpus, full_run, tmp_path):
    topics = tmp_path / "topics.yaml"
    topics.write_text("topics:\n  - id: loan\n    label: Reparations loan\n")
    out = shutil.copytree(full_run, tmp_path / "out")
    result = CliRunner().invoke(cli, ["analyze", str(corpus / "new"), "--out", str(out), "--append",
                                      "--topics", str(topics)])
    assert result.exit_code == InputError.exit_code
    assert "append with the same ones" in result.output


def test_append_to_a_folder_without_a_run_is_refused(corpus, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("buy milk")
    result = CliRunner().invoke(cli, ["analyze", str(corpus / "new"), "--out", str(tmp_path / "notes"), "--append"])
    assert result.exit_code == InputError.exit_code and "not a stance run folder" in result.output


def test_append_reads_again_a_file_edited_since_and_equals_one_run_over_everything(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.md").write_text(TROOPS_NOTE.format(id="note"))
    (folder / "other.md").write_text(TROOPS_NOTE.format(id="other").replace("Leavitt", "Hegseth"))
    out = tmp_path / "out"
    analyze(folder, "--out", out)
    (folder / "note.md").write_text(TROOPS_NOTE.format(id="note").replace("has ruled out", "has not ruled out"))
    analyze(folder, "--out", out, "--append")
    analyze(folder, "--out", tmp_path / "full")
    assert_same_tables(tmp_path / "full", out)
    assert stance.load(out).statements.set_index("doc_id").loc["note", "stance"] == "open"


def test_append_in_python_drops_the_old_statements_of_an_edited_file(tmp_path):
    (tmp_path / "note.md").write_text(TROOPS_NOTE.format(id="note"))
    first = stance.analyze(tmp_path)
    (tmp_path / "note.md").write_text(TROOPS_NOTE.format(id="note").replace("has ruled out", "has not ruled out"))
    again = stance.analyze(tmp_path, previous=first)
    assert again.documents["doc_id"].tolist() == ["note"]
    assert again.statements["stance"].tolist() == ["open"]


def test_append_reads_again_a_file_skipped_for_want_of_a_date_once_it_has_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    undated = TROOPS_NOTE.format(id="note").replace("date: 2025-08-20\n", "")
    (folder / "note.md").write_text(undated)
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["analyze", str(folder), "--out", str(out), "--no-charts", "--quiet"])
    assert stance.load(out).documents["status"].tolist() == ["skipped"]
    (folder / "note.md").write_text(TROOPS_NOTE.format(id="note"))   # the date the message asked for
    analyze(folder, "--out", out, "--append")
    analyze(folder, "--out", tmp_path / "full")
    assert_same_tables(tmp_path / "full", out)
    assert stance.load(out).documents["status"].tolist() == ["ok"]


def test_append_with_a_date_reads_again_the_files_skipped_without_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("Leavitt said the president has ruled out sending US troops to Ukraine.")
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["analyze", str(folder), "--out", str(out), "--no-charts", "--quiet"])
    analyze(folder, "--out", out, "--append", "--date", "2025-08-20")
    run = stance.load(out)
    assert run.documents["status"].tolist() == ["ok"] and run.statements["stance"].tolist() == ["ruled_out"]


def test_append_reads_again_a_file_whose_date_was_corrected(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.md").write_text(TROOPS_NOTE.format(id="note").replace("2025-08-20", "2025-08-02"))
    out = tmp_path / "out"
    analyze(folder, "--out", out)
    (folder / "note.md").write_text(TROOPS_NOTE.format(id="note"))
    analyze(folder, "--out", out, "--append")
    assert stance.load(out).documents["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-08-20"]


def test_append_without_the_date_an_earlier_run_was_given_keeps_what_it_found(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("Leavitt said the president has ruled out sending US troops to Ukraine.")
    out = tmp_path / "out"
    analyze(folder, "--out", out, "--date", "2025-08-20")
    analyze(folder, "--out", out, "--append")
    run = stance.load(out)
    assert run.documents["status"].tolist() == ["ok"] and run.statements["stance"].tolist() == ["ruled_out"]


def test_append_reads_new_articles_with_the_runs_own_actors_and_topics(tmp_path):
    (tmp_path / "actors.yaml").write_text("actors:\n  - id: whitlock\n    name: Dana Whitlock\n    aliases: [Whitlock]\n")
    (tmp_path / "topics.yaml").write_text("topics:\n  - id: city_bonds\n    label: City bonds for the stadium\n"
                                          "    keywords: [city bonds]\n")
    for folder, day, verb in (("old", "2026-02-03", "backed"), ("new", "2026-03-18", "ruled out")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.md").write_text(f"---\ndate: {day}\n---\nWhitlock {verb} city bonds.\n")
    files = ["--actors", str(tmp_path / "actors.yaml"), "--topics", str(tmp_path / "topics.yaml")]
    analyze(tmp_path / "old", "--out", tmp_path / "out", *files)
    analyze(tmp_path / "new", "--out", tmp_path / "out", "--append")   # as `stance analyze --help` shows it
    analyze(tmp_path / "old", tmp_path / "new", "--out", tmp_path / "full", *files)
    assert_same_tables(tmp_path / "full", tmp_path / "out")
    assert stance.load(tmp_path / "out").statements["holder"].tolist() == ["whitlock", "whitlock"]


def test_append_from_another_folder_finds_the_runs_own_files(tmp_path, monkeypatch):
    (tmp_path / "actors.yaml").write_text("actors:\n  - id: whitlock\n    name: Dana Whitlock\n    aliases: [Whitlock]\n")
    (tmp_path / "topics.yaml").write_text("topics:\n  - id: city_bonds\n    label: City bonds\n    keywords: [city bonds]\n")
    for folder, day in (("old", "2026-02-03"), ("new", "2026-03-18")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.md").write_text(f"---\ndate: {day}\n---\nWhitlock backed city bonds.\n")
    monkeypatch.chdir(tmp_path)
    analyze("old", "--out", "out", "--actors", "actors.yaml", "--topics", "topics.yaml")   # relative paths
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    analyze(tmp_path / "new", "--out", tmp_path / "out", "--append")
    assert stance.load(tmp_path / "out").statements["holder"].tolist() == ["whitlock", "whitlock"]
