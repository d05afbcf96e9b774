"""Run folders: written whole or not at all, never over someone else's files, and the same bytes
for the same input whatever the order it was given in."""
from __future__ import annotations

import json
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import stance
from stance import analysis
from stance.cli import cli
from stance.errors import InputError

TABLES = ("documents", "statements", "shifts")
LINES = ["Trump ruled out sending US troops to Ukraine, the White House said on day {n}.",
         "Macron said France would send troops to Ukraine once a ceasefire held, aide {n} said.",
         "Merz refused to rule out German troops for a peace force in meeting {n}.",
         "Starmer backed a European reassurance force in speech number {n}.",
         "Kallas said the EU could send air defence systems before winter {n}.",
         "The committee met in room {n} and discussed the agenda at length."]


def article(number: int, sentences: int = 30) -> str:
    """A dated news-style article whose sentences differ from every other article's."""
    body = " ".join(LINES[(number + i) % len(LINES)].format(n=number * 1000 + i) for i in range(sentences))
    return f"---\ntitle: Article {number}\ndate: 2025-08-{1 + number % 28:02d}\n---\n{body}\n"


def write_articles(folder: Path, count: int, first: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        (folder / f"article-{number:03d}.md").write_text(article(number))
    return folder


def table_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


def leftovers(out: Path) -> list[str]:
    """What saves to `out` left beside it."""
    return sorted(entry.name for entry in out.parent.iterdir() if entry.name.startswith(f".{out.name}."))


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture(scope="module")
def run():
    return stance.analyze(pd.DataFrame({"id": ["monday", "tuesday"], "date": ["2025-08-18", "2025-08-19"],
                                        "text": ["Trump seemed to leave open sending US troops to Ukraine.",
                                                 "Trump ruled out sending US troops to Ukraine."]}))


@pytest.fixture
def saved(run, tmp_path):
    """A folder holding a saved run, and the bytes of its tables."""
    out = tmp_path / "results"
    run.save(out, charts=False)
    return out, table_bytes(out)


def test_a_new_run_replaces_the_old_one_whole(run, tmp_path):
    out = tmp_path / "results"
    run.save(out)
    assert (out / "charts").is_dir()
    run.save(out, charts=False)
    assert sorted(entry.name for entry in out.iterdir()) == [
        ".stance-run.json", "contested.parquet", "documents.parquet", "report.md", "shifts.parquet", "statements.parquet"]
    assert leftovers(out) == []


def test_a_folder_of_another_tool_is_refused_and_force_keeps_its_files(run, tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    with pytest.raises(InputError) as refused:
        run.save(out)
    assert str(refused.value) == (f"{out}: the folder is not empty and holds no stance run; choose another --out or "
                                  "pass --force (which keeps its files and adds the run's)")
    run.save(out, force=True)
    assert (out / "thesis.docx").read_text() == "precious" and (out / "charts").is_dir()
    assert stance.load(out).statements.equals(run.statements)
    with pytest.raises(InputError, match=r"holds a stance run and other files \(thesis.docx\); .* pass --force"):
        run.save(out)
    run.save(out, force=True, charts=False)
    assert sorted(entry.name for entry in out.iterdir()) == [
        ".stance-run.json", "contested.parquet", "documents.parquet", "report.md", "shifts.parquet",
        "statements.parquet", "thesis.docx"]
    assert leftovers(out) == []


def test_what_the_system_drops_into_a_run_folder_does_not_make_it_foreign(run, saved):
    out, _ = saved
    (out / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (out / ".report.md.swp").write_bytes(b"b0VIM")
    run.save(out, charts=False)
    assert not (out / ".DS_Store").exists()


def test_a_file_given_as_the_folder_is_refused(run, tmp_path):
    (tmp_path / "results").write_text("not a folder")
    with pytest.raises(InputError, match="--out must be a folder, and this is a file"):
        run.save(tmp_path / "results")


def test_a_run_behind_a_link_is_replaced_where_it_lives(run, saved, tmp_path):
    out, _ = saved
    os.symlink(out, tmp_path / "latest")
    run.save(tmp_path / "latest", charts=False)
    assert (tmp_path / "latest").is_symlink() and stance.load(tmp_path / "latest").statements.equals(run.statements)


def test_a_failure_while_saving_leaves_the_previous_run_as_it_was(run, saved, monkeypatch):
    out, before = saved
    from stance import report

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(report, "write_outputs", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        run.save(out)
    assert table_bytes(out) == before and leftovers(out) == []


def test_the_next_save_clears_what_killed_saves_left(run, saved):
    out, _ = saved
    gone, alive = dead_pid(), os.getppid()
    for name in (f".results.tmp-{gone}-x1", f".results.old-{gone}-x2", f".results.tmp-{alive}-x3"):
        (out.parent / name).mkdir()
        (out.parent / name / "statements.parquet").write_text("half written")
    run.save(out, charts=False)
    assert leftovers(out) == [f".results.tmp-{alive}-x3"]   # another live process may still be writing it


def test_a_run_killed_between_its_two_renames_is_put_back(run, saved):
    out, before = saved
    os.replace(out, out.parent / f".results.old-{dead_pid()}-x1")   # the old run moved aside, the new not in yet
    assert stance.load(out).statements.equals(run.statements)
    assert table_bytes(out) == before and leftovers(out) == []


# -- killing a real run ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupt")
    return write_articles(root / "long", 400), write_articles(root / "short", 8)


def start_run(corpus: Path, out: Path):
    """`stance analyze` in a process of its own, its stderr a terminal so that it shows progress;
    returns the process and the list its stderr is collected into."""
    master, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))   # 0 columns: no progress
    process = subprocess.Popen([sys.executable, "-m", "stance.cli", "analyze", str(corpus), "--out", str(out)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal, cwd=out.parent,
                               # a shell's background job ignores Ctrl-C; this run must not
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(terminal)
    output: list[bytes] = []

    def collect():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:   # the run has ended and closed its end
                break
            if not chunk:
                break
            output.append(chunk)
        os.close(master)
    threading.Thread(target=collect, daemon=True).start()
    return process, output


def wait_until(condition, process, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, f"the run ended before it {what}"
        assert time.monotonic() < deadline, f"the run never {what}"
        time.sleep(0.002)


@pytest.mark.skipif(os.name != "posix", reason="needs signals and a pseudo-terminal")
@pytest.mark.parametrize("signal_number, moment", [
    (signal.SIGKILL, "analysing"), (signal.SIGINT, "analysing"), (signal.SIGKILL, "saving"), (signal.SIGINT, "saving"),
], ids=["kill-while-analysing", "ctrl-c-while-analysing", "kill-while-saving", "ctrl-c-while-saving"])
def test_an_interrupted_run_leaves_the_previous_result_readable_and_complete(run, saved, corpora, signal_number, moment):
    out, before = saved
    previous = stance.load(out)
    process, output = start_run(corpora[0] if moment == "analysing" else corpora[1], out)
    try:
        if moment == "analysing":
            wait_until(lambda: b"analysing" in b"".join(output), process, "began to analyse")
            time.sleep(0.5)
        else:
            wait_until(lambda: any(name.startswith(".results.tmp-") for name in leftovers(out)), process, "began to save")
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signal_number)
        process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    if signal_number == signal.SIGINT:
        time.sleep(0.1)   # the last words on the terminal
        assert process.returncode == 130
        assert f"Error: interrupted; {out} was left as it was" in b"".join(output).decode(errors="replace")
    else:
        assert process.returncode == -signal.SIGKILL
    assert table_bytes(out) == before
    again = stance.load(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(previous, name))
    if signal_number == signal.SIGINT:
        assert leftovers(out) == []          # Ctrl-C cleans up on the way out
    run.save(out, charts=False)              # and after a kill, the next run does
    assert leftovers(out) == []


# -- determinism -----------------------------------------------------------------------------------

def test_same_input_in_any_order_gives_byte_identical_tables(tmp_path):
    write_articles(tmp_path / "folder", 3)
    write_articles(tmp_path / "other", 2, first=3)
    (tmp_path / "other" / "article-000.md").write_text(article(9))   # an id the first folder has too
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps({"id": f"wire-{n}", "text": article(n).split("---\n")[-1],
                                                               "date": "2025-08-20"}) for n in (5, 6)))
    inputs = [tmp_path / "folder", tmp_path / "other", tmp_path / "wire.jsonl"]
    outputs = []
    for number, order in enumerate([inputs, inputs[::-1]]):
        out = tmp_path / f"out{number}"
        options = ["--jobs", "2"] if number else []
        result = CliRunner().invoke(cli, ["analyze", *map(str, order), "--out", str(out), "--no-charts", "--quiet", *options])
        assert result.exit_code == 0, result.output
        outputs.append(table_bytes(out))
    assert outputs[0] == outputs[1]
    documents = pd.read_parquet(tmp_path / "out0" / "documents.parquet")
    assert "article-000~2" in set(documents["doc_id"]) and len(pd.read_parquet(tmp_path / "out0" / "statements.parquet"))


def test_the_marker_lists_what_the_run_wrote(run, saved):
    out, _ = saved
    marker = json.loads((out / analysis.MARKER).read_text())
    assert marker["tool"] == "stance"
    assert marker["files"] == sorted(entry.name for entry in out.iterdir())
    assert "files" not in stance.load(out).settings
