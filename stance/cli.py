"""The `stance` command: parse, call one library function, report.

Exit codes: 0 done; 1 unexpected failure; 2 wrong usage; 3 bad actors/topics file;
4 unreadable input (or, with --strict, the first bad document); 5 bad model folder;
6 done, but some documents were skipped or failed (see documents.parquet and the stderr lines);
130 interrupted (Ctrl-C), OUT left as it was.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

import stance
from .errors import FilterError, StanceError
from .plot import plural
from .report import MAX_REPORT_SHIFTS

EXIT_SOME_SKIPPED = 6
EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report it
PLOT_DPI = 120
# A folder of undated articles would otherwise print one line each and bury the summary.
MAX_LISTED_PROBLEMS = 20
EPILOG = ("Exit codes: 0 done; 1 unexpected failure; 2 wrong usage; 3 bad actors/topics file; "
          "4 unreadable input (with --strict: the first bad document); 5 bad model folder; "
          "6 done, but some documents were skipped (listed in documents.parquet); "
          "130 interrupted, OUT left as it was.")


class StanceGroup(click.Group):
    """Catches the tool's own errors once and prints one line: what, where, and the fix."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StanceError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except OSError as error:
            # A folder that cannot be written, a full disk: the system's words and the path, once.
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"Error: {where}{error.strerror or error}", err=True)
            ctx.exit(1)


@click.group(cls=StanceGroup, epilog=EPILOG)
@click.version_option(stance.__version__, prog_name="stance")
def cli():
    """Who said what about which proposition, when, and when a position moved.

    Read articles, attribute each statement to a holder and a speaker, label its topic and
    stance (ruled_out, oppose, neutral, open, support), date it, and find the shifts.

    \b
    Start with:  stance demo --out demo-out
    Your own:    stance analyze articles/ --out results/ --actors actors.yaml --topics topics.yaml
    Then:        stance shifts results/ --holder trump
                 stance plot results/ --kind swimlane --out shifts.png
    """


def _date_range(function):
    function = click.option("--until", "end", help="Last day to show (YYYY-MM-DD).")(function)
    return click.option("--since", "start", help="First day to show (YYYY-MM-DD).")(function)


@cli.command(epilog=EPILOG)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for documents/statements/shifts/contested.parquet, report.md and charts/.")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Actors YAML (replaces the shipped Russia-Ukraine actors).")
@click.option("--topics", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Topics YAML (replaces the shipped Russia-Ukraine topics).")
@click.option("--date", "default_date", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@click.option("--model", help="A model folder written by `stance train`, or 'default' for the shipped one, to read "
                             "stance where no stance word does (without it, such a position counts as support "
                             "unless negated).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 256), help="Processes to use.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the per-document stages here, or on dask (needs `pip install stance-shift[dask]`).")
@click.option("--scheduler", help="With --engine dask: address of a running dask scheduler (default: a local cluster).")
@click.option("--strict", is_flag=True, help="Stop at the first document that cannot be analysed.")
@click.option("--force", is_flag=True,
              help="Write into a folder that holds other files too; they are kept, the run's own files replaced.")
@click.option("--no-charts", is_flag=True, help="Skip the PNG charts (faster on large runs).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--append", is_flag=True,
              help="Add INPUTS to the run in OUT, read with the run's actors, topics and model unless given: "
                   "documents it holds are not analysed again; shifts and report cover all.")
def analyze(inputs, out, actors, topics, default_date, model, jobs, engine, scheduler, strict, force, no_charts, quiet,
            append):
    """Find who took which stance when; write tables, report and charts to OUT.

    INPUTS are .txt/.md files (optional front matter with title, date, source, url, id),
    .jsonl/.csv/.parquet tables with `text` and `date` columns (CSV split by commas,
    semicolons or tabs), or folders of them. Every document is listed in documents.parquet,
    with the reason for any that could not be analysed.

    \b
    Example: stance analyze articles/ --out results/ --topics my-topics.yaml
    Then:    stance analyze new-articles/ --out results/ --append
    """
    result = _interruptible(out, lambda: stance.analyze_into(
        out, list(inputs), actors=actors, topics=topics, date=default_date, model=model, jobs=jobs, engine=engine,
        scheduler=scheduler, strict=strict, progress=not quiet and sys.stderr.isatty(), append=append,
        charts=not no_charts, force=force))
    _finish(result, out)


@cli.command(epilog=EPILOG)
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the results.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 256), help="Processes to use.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def demo(out, jobs, quiet):
    """Run the whole pipeline on the articles bundled with the package.

    Example: stance demo --out demo-out   (then open demo-out/report.md)
    """
    result = _interruptible(out, lambda: stance.analyze_into(out, stance.demo_corpus(), jobs=jobs,
                                                             progress=not quiet and sys.stderr.isatty()))
    _finish(result, out)
    click.echo(f"report: {out / 'report.md'}")
    click.echo(f"charts: {out / 'charts'}")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the run on the gold articles and scores.json.")
@click.option("--split", type=click.Choice(["test", "tune", "all"]), default="test", show_default=True,
              help="Which part of the gold set to score (labels without a 'split' field: all).")
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the gold articles (default: the 'articles' folder beside GOLD).")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path), help="A model folder.")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Actors YAML (default: actors.yaml beside the gold folder, else the shipped actors).")
@click.option("--topics", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Topics YAML (default: topics.yaml beside the gold folder, else the shipped topics).")
def evaluate(gold, out, split, articles, model, actors, topics):
    """Score the tool against a hand-labelled gold set: statements, holders, topics, stances,
    dates and shifts.

    GOLD is a folder of gold .jsonl files (one per article, plus shifts*.jsonl) or one file.
    A gold set of another story keeps its articles/, actors.yaml and topics.yaml beside GOLD.

    Example: stance evaluate datasets/gold --split test --out eval-out
    """
    from . import evaluate as evaluation
    scores = evaluation.evaluate_gold(gold, out, split=split, articles=articles, model=model, actors=actors,
                                      topics=topics)
    click.echo(evaluation.format_scores(scores))
    click.echo(f"scores: {out / 'scores.json'}")


@cli.command()
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Model folder to write.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--target-column", default=None, help="Column naming the topic (default: 'target' or 'topic').")
@click.option("--stance-column", default="stance", show_default=True)
def train(data, out, text_column, target_column, stance_column):
    """Train a stance classifier on a CSV of text, target (or topic) and stance columns.

    Any label set works (FAVOR/AGAINST/NONE, or ruled_out ... support). The model is saved
    without pickle, with a manifest of hashes checked on load.

    Example: stance train semeval-train.csv --out model/
    """
    from .model import train_file
    model = train_file(data, out, text_column=text_column, target_column=target_column, stance_column=stance_column)
    rows = getattr(model, "n_samples_", "the")
    click.echo(f"trained on {rows} rows, labels {', '.join(map(str, model.classes_))} -> {out}")


@cli.command()
@click.argument("model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="CSV to write.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--target-column", default=None, help="Column naming the topic (default: 'target' or 'topic').")
def predict(model_dir, data, out, text_column, target_column):
    """Label a CSV with a trained model: its columns plus `predicted` and `confidence`.

    Example: stance predict model/ tweets.csv --out predicted.csv
    """
    from .model import predict_file
    frame = predict_file(model_dir, data, out, text_column=text_column, target_column=target_column)
    click.echo(f"{len(frame)} rows -> {out}")


@cli.command()
@click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--holder", help="Only this holder (an actor id).")
@click.option("--topic", help="Only this topic (a topic id).")
@_date_range
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "md"]), default="table", show_default=True)
def shifts(run, holder, topic, start, end, fmt):
    """List the shifts of a saved run.

    Example: stance shifts demo-out --holder trump
    """
    from . import report
    result = stance.load(run)
    filters = result.check_filters(holder=holder, topic=topic, start=start, end=end)
    _, selected = report.filter_run(result.statements, result.shifts, **filters)
    click.echo(report.render(report.shifts_view(selected), fmt))


@cli.command()
@click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--holder", required=True, help="An actor id, e.g. trump.")
@click.option("--topic", required=True, help="A topic id, e.g. us_ground_troops.")
@_date_range
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "md"]), default="table", show_default=True)
def timeline(run, holder, topic, start, end, fmt):
    """Show one holder's daily positions on one topic, with the statement behind each.

    Example: stance timeline demo-out --holder trump --topic us_ground_troops
    """
    from . import report
    result = stance.load(run)
    filters = result.check_filters(holder=holder, topic=topic, start=start, end=end)
    statements, _ = report.filter_run(result.statements, result.shifts, **filters)
    from .timeline import build_timeline
    days = build_timeline(statements)
    texts = result.statements.set_index("statement_id")["text"]
    days = days.assign(text=days["statement_id"].map(texts))
    click.echo(report.render(days[["date", "stance", "n_statements", "tied", "confidence", "text"]], fmt))


@cli.command()
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text", help="Explain this text instead of a file (give --date too).")
@click.option("--date", "default_date", help="Publication date (YYYY-MM-DD) of --text, or of a file that has none.")
@click.option("--doc", "doc_id", help="In a file of several documents (JSONL, CSV, Parquet), or with --run: the one with "
                                     "this id.")
@click.option("--run", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A saved run: its actors, topics and model files by default, and with --doc its document's file.")
@click.option("--actors", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Actors YAML (default: the shipped Russia-Ukraine actors).")
@click.option("--topics", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Topics YAML (default: the shipped Russia-Ukraine topics).")
@click.option("--model", help="A model folder written by `stance train`, or 'default', as for analyze.")
@click.option("--topic", help="Only what concerns this topic id (and sentences that name no topic are left out).")
@click.option("--missed", is_flag=True, help="Only sentences that gave no statement.")
@click.option("--format", "fmt", type=click.Choice(["text", "table", "csv", "json"]), default="text", show_default=True)
def explain(source, text, default_date, doc_id, run, actors, topics, model, topic, missed, fmt):
    """Show, sentence by sentence, the statements one document gave and why the rest gave none.

    Reasons read like "names no topic" (add a keyword or synonym to the topics file), "no actor
    or source holds it: narration", "no stance words", "a question asked, not answered".

    \b
    Example: stance explain article.md --topics topics.yaml --actors actors.yaml --missed

    \b
    Or a line of your own:  stance explain --text "Merz ruled out German troops on Monday." --date 2025-03-04

    \b
    Or a document of a run:  stance explain --run results/ --doc 2025-08-20-live-guarantees-troops
    """
    from .explain import STATEMENT, explain as explain_document, render
    if source is not None and text is not None:
        raise click.UsageError("give a file or --text, not both")
    if source is None and text is None and not (run and doc_id):
        raise click.UsageError("give a file, --text, or --run with --doc")
    trace = explain_document(source if text is None else text, actors=actors, topics=topics,
                             date=default_date, model=model, doc_id=doc_id, run=run)
    held = trace.attrs.get("documents_in_source", 1)
    if held > 1 and doc_id is None and len(trace):
        click.echo(f"note: {source} holds {held} documents; this is the first, {trace['doc_id'].iloc[0]} "
                   "(choose another with --doc ID)", err=True)
    if topic:
        if topic not in set(trace["topic"]):
            from .analysis import _close_ids
            raise FilterError(f"no sentence of this document concerns the topic '{topic}'; "
                                            + _close_ids(topic, set(trace["topic"]) - {""}))
        trace = trace[trace["topic"] == topic]
    if missed:
        found = set(trace.loc[trace["outcome"] == STATEMENT, "sentence"])
        trace = trace[~trace["sentence"].isin(found)]
    if fmt == "text":
        click.echo(render(trace) if len(trace) else "(nothing to show)")
        return
    from . import report
    click.echo(report.render(trace.drop(columns=["doc_id"]), fmt))


@cli.command(name="report")
@click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "table"]), default="table", show_default=True,
              help="md: the full report; csv/json/table: the statements.")
@click.option("--holder", help="Only this holder.")
@click.option("--topic", help="Only this topic.")
@_date_range
@click.option("--max-shifts", type=click.IntRange(0), default=MAX_REPORT_SHIFTS, show_default=True,
              help="With --format md: list this many shifts, the most confident; 0 lists every one.")
def report_command(run, fmt, holder, topic, start, end, max_shifts):
    """Print a saved run: the Markdown report, or its statements as a table, CSV or JSON.

    Example: stance report demo-out --format md --max-shifts 0 > report.md
    """
    from . import report
    result = stance.load(run)
    filters = result.check_filters(holder=holder, topic=topic, start=start, end=end)
    statements, selected = report.filter_run(result.statements, result.shifts, **filters)
    if fmt == "md":
        view = stance.Analysis(result.documents, statements, selected, result.settings)
        click.echo(report.markdown_report(view, max_shifts=max_shifts, scope=report.describe_filters(**filters)))
        return
    columns = ["date", "holder", "speaker", "topic", "stance", "attribution", "confidence", "text", "doc_id"]
    click.echo(report.render(statements.sort_values(["date", "holder", "topic"])[columns], fmt))


@cli.command()
@click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["timeline", "heatmap", "swimlane"]), default="timeline", show_default=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="PNG file to write.")
@click.option("--holder", help="Only this holder (with --topic: one timeline).")
@click.option("--topic", help="Only this topic.")
@_date_range
def plot(run, kind, out, holder, topic, start, end):
    """Draw a chart of a saved run as a PNG.

    timeline: one holder x topic (with --holder and --topic), else every series with a shift;
    heatmap: latest stance of each holder on each topic; swimlane: every shift on one axis.

    \b
    Example: stance plot demo-out --kind timeline --holder trump --topic us_ground_troops --out troops.png
    """
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.backend_bases import FigureCanvasBase
    out = out if out.suffix else out.with_suffix(".png")   # as matplotlib would save it, and said so
    if out.suffix[1:].lower() not in FigureCanvasBase.get_supported_filetypes():
        raise click.BadParameter(f"'{out.suffix}' is no image type a chart can be saved as; use .png (or .svg, .pdf)",
                                 param_hint="'--out'")
    result = stance.load(run)
    filters = {"start": start, "end": end}
    # Drawn at the resolution it is saved at: labels are kept apart by their measured sizes.
    with matplotlib.rc_context({"figure.dpi": PLOT_DPI}):
        if kind == "timeline":
            drawn = result.plot_timeline(holder, topic, **filters)
        elif kind == "heatmap":
            drawn = result.plot_heatmap(holders=[holder] if holder else None, topics=[topic] if topic else None,
                                        **filters)
        else:
            drawn = result.plot_shifts(holders=[holder] if holder else None, topics=[topic] if topic else None,
                                       **filters)
    figure = getattr(drawn, "figure", drawn)
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi="figure", bbox_inches="tight")
    click.echo(f"{kind} -> {out}")


def _interruptible(out: Path, run):
    """`run()`, with Ctrl-C reported as the one line and exit code that say OUT was left as it was."""
    try:
        return run()
    except KeyboardInterrupt:
        click.echo(f"\nError: interrupted; {out} was left as it was", err=True)
        sys.exit(EXIT_INTERRUPTED)


def _finish(result, out: Path) -> None:
    documents = result.documents
    bad = documents[documents["status"] != "ok"].sort_values("status", kind="stable")   # errors first
    for row in bad.head(MAX_LISTED_PROBLEMS).itertuples():
        click.echo(f"{row.status}: {row.reason or row.doc_id}", err=True)
    if len(bad) > MAX_LISTED_PROBLEMS:
        click.echo(f"... and {len(bad) - MAX_LISTED_PROBLEMS} more not analysed; every document and its reason is in "
                   f"{out / 'documents.parquet'}", err=True)
    counts = bad["status"].value_counts()
    not_analysed = "".join(f", {counts[status]} {word}" for status, word in (("skipped", "skipped"), ("error", "failed"))
                           if status in counts)
    click.echo(f"{plural(len(documents), 'document')} ({len(documents) - len(bad)} analysed{not_analysed}), "
               f"{plural(len(result.statements), 'statement')}, {plural(len(result.shifts), 'shift')} -> {out}")
    from .report import unattributed_note
    nobody = unattributed_note(result.statements, result.settings)
    if nobody:
        click.echo(f"note: {nobody}", err=True)
    if len(bad):
        sys.exit(EXIT_SOME_SKIPPED)


M_MMAP_THRESHOLD = -3   # glibc's mallopt parameter number


def main():
    _return_freed_memory()
    cli(prog_name="stance")


def _return_freed_memory() -> None:
    """Arrow's default allocator keeps freed blocks for reuse; a command-line run builds its
    statement table once and then frees the pieces, so the system allocator, which gives them
    back, keeps the peak lower (about 100 MB less at 50 MB of input). On glibc, blocks of 1 MB
    and more are also always mapped on their own (glibc otherwise raises that threshold as
    blocks are freed, and later ones stay in its heap): 200 MB of input peaked ~70 MB lower."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, 1 << 20)
    except (OSError, AttributeError):   # not glibc: leave the allocator as it is
        pass


if __name__ == "__main__":
    main()
