"""Readable outputs: report.md (shifts first, each with its evidence), charts, and the terminal,
CSV and JSON views of a run.

report.md reads from the top: the run in one line, a table of the shifts (the most confident
`MAX_REPORT_SHIFTS`, newest first, each linked to its evidence), the shifts counted by holder, the
overview charts, then each listed shift with both quotes, their dates and sources, the timelines
and the latest positions. Whatever is left out is counted, with where to find it.
"""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pandas as pd

from .config import Names

FORMATS = ("md", "csv", "json", "table")
MAX_TIMELINE_CHARTS = 12
CHART_DPI = 110
# A run of 5 MB finds ~300 shifts: listed in full, report.md was 2,400 lines, past reading.
MAX_REPORT_SHIFTS = 40
MAX_REPORT_DOCUMENTS = 20   # documents not analysed, listed; the rest are counted
MAX_REPORT_CONTESTED = 20   # contested positions listed, the most confident first
# "Latest positions" is a row per topic, a column per stance. A run of 5 MB holds ~240 holder x
# topic positions, 20 holders to a cell: past this many positions, a cell names its
# MAX_CELL_HOLDERS most evidenced holders and counts the rest, and at most MAX_POSITION_TOPICS
# topics get a row.
MAX_REPORT_POSITIONS = 150
MAX_CELL_HOLDERS = 6
MAX_POSITION_TOPICS = 30
QUOTE_CHARS = 90            # a quote in the summary table; the details give it whole
# `contested` is not shown: a contested blip (A -> B -> A within days) makes no shift row, so the
# column is always false; the blips are listed apart (contested.parquet, "Contested positions").
SHIFT_VIEW = ["holder", "topic", "from_stance", "to_stance", "from_date", "to_date", "kind", "reported", "speaker",
              "confidence"]
MAX_UNFOUND_TOPICS = 12   # topics with no statement named at the top of report.md, the rest counted
FLIP_O_METER = {"reversal": "Full Flop", "hardening": "Half Flip", "softening": "Half Flip"}


def filter_run(statements: pd.DataFrame, shifts: pd.DataFrame, holder=None, topic=None, start=None, end=None):
    """Statements and shifts limited to a holder, topic and date range (each optional)."""
    if holder:
        statements, shifts = statements[statements["holder"] == holder], shifts[shifts["holder"] == holder]
    if topic:
        statements, shifts = statements[statements["topic"] == topic], shifts[shifts["topic"] == topic]
    if start:
        statements = statements[statements["date"] >= pd.Timestamp(start)]
        shifts = shifts[shifts["to_date"] >= pd.Timestamp(start)]
    if end:
        statements = statements[statements["date"] <= pd.Timestamp(end)]
        shifts = shifts[shifts["to_date"] <= pd.Timestamp(end)]
    return statements, shifts


def unattributed_note(statements: pd.DataFrame, settings: dict) -> str:
    """What to do when statements were found but none has a holder: the usual cause is a run of
    one's own topics with the shipped actors, who are not the people one's articles quote.

    >>> unattributed_note(pd.DataFrame({"holder": ["", ""]}), {"actors": "/site/stance/data/actors.yaml"})
    'No statement has a holder: none of the statements found (2) names an actor of the shipped Russia–Ukraine actors. List the people and organisations your articles quote in an actors file and pass it with --actors (actors= in Python).'
    """
    if not len(statements) or (statements["holder"] != "").any():
        return ""
    actors = str(settings.get("actors") or "")
    shipped = actors.replace("\\", "/").endswith("stance/data/actors.yaml")
    named = "the shipped Russia–Ukraine actors" if shipped or not actors else actors
    return (f"No statement has a holder: none of the statements found ({len(statements)}) names an actor of {named}. "
            "List the people and organisations your articles quote in an actors file and pass it with --actors "
            "(actors= in Python).")


def describe_filters(holder=None, topic=None, start=None, end=None, **others) -> str:
    """The filters of a view in words, for a page that holds only part of a run.

    >>> describe_filters(holder="merz", start=pd.Timestamp("2025-03-01"))
    "of the holder 'merz', from 2025-03-01"
    """
    parts = [f"of the holder '{holder}'" if holder else "", f"on the topic '{topic}'" if topic else "",
             f"from {pd.Timestamp(start):%Y-%m-%d}" if start is not None else "",
             f"up to {pd.Timestamp(end):%Y-%m-%d}" if end is not None else ""]
    return ", ".join(part for part in parts if part)


def write_outputs(analysis, folder: Path, charts: bool = True, report: bool = True, jobs: int = 1) -> None:
    """report.md and charts/*.png for a run, in `folder` (the timelines drawn by `jobs` processes)."""
    chart_files: dict = {}
    if charts:
        chart_files = write_charts(analysis, folder / "charts", jobs=jobs)
    if report:
        (folder / "report.md").write_text(markdown_report(analysis, chart_files), encoding="utf-8")


def write_charts(analysis, folder: Path, jobs: int = 1) -> dict:
    """The overview charts, and a timeline for each of the `MAX_TIMELINE_CHARTS` holder x topic
    series with the most confident shifts. Returns their paths (`overview`, `timelines`) and what
    each shows (`captions`, by path)."""
    import matplotlib
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from . import plot
    folder.mkdir(parents=True, exist_ok=True)
    files: dict = {"overview": [], "timelines": [], "captions": {}}
    names = Names.from_settings(analysis.settings)
    # Drawn at the resolution they are saved at: at another, text widths do not scale with the
    # rest, and swimlane labels placed just apart came to touch.
    with matplotlib.rc_context({"figure.dpi": CHART_DPI}):
        ax = plot.plot_heatmap(analysis.statements, names=names)
    ax.figure.savefig(folder / "heatmap.png", dpi=CHART_DPI)
    plt.close(ax.figure)
    files["overview"].append("charts/heatmap.png")
    files["captions"]["charts/heatmap.png"] = "Latest stance of each holder on each topic"
    with matplotlib.rc_context({"figure.dpi": CHART_DPI}):
        ax = plot.plot_swimlane(analysis.shifts, names=names)
    ax.figure.savefig(folder / "swimlane.png", dpi=CHART_DPI, bbox_inches="tight")
    plt.close(ax.figure)
    files["overview"].append("charts/swimlane.png")
    files["captions"]["charts/swimlane.png"] = "Every shift on one time line, a lane per holder"
    # The series whose strongest shift is most confident first (ties: holder, topic); a reader
    # draws any other with `stance plot --kind timeline --holder H --topic T`.
    strongest = analysis.shifts.groupby(["holder", "topic"], as_index=False)["confidence"].max()
    pairs = strongest.sort_values(["confidence", "holder", "topic"], ascending=[False, True, True],
                                  kind="stable")[["holder", "topic"]].head(MAX_TIMELINE_CHARTS)
    statements, shifts = analysis.statements, analysis.shifts
    tasks = []
    for holder, topic in pairs.itertuples(index=False):
        name = f"timeline-{_slug(holder)}-{_slug(topic)}.png"
        # Each chart gets only its own series, so a worker process is sent little.
        tasks.append((statements[(statements["holder"] == holder) & (statements["topic"] == topic)],
                      shifts[(shifts["holder"] == holder) & (shifts["topic"] == topic)], holder, topic, folder / name,
                      names))
        files["timelines"].append(f"charts/{name}")
        files["captions"][f"charts/{name}"] = f"{names.holder(holder)} — {names.topic(topic)}, over time"
    if jobs > 1 and len(tasks) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            list(pool.map(_save_timeline, tasks))
    else:
        for task in tasks:
            _save_timeline(task)
    return files


def _save_timeline(task) -> None:
    """Draw one holder x topic timeline to a PNG (in this process or a worker)."""
    import matplotlib
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from . import plot
    statements, shifts, holder, topic, path, names = task
    # Drawn at the resolution it is saved at: the labels are placed by their measured extents,
    # which saving then reuses instead of measuring every label again at another resolution.
    _, ax = plt.subplots(figsize=plot.TIMELINE_SIZE, layout="constrained", dpi=CHART_DPI)
    ax = plot.plot_timeline(statements, shifts, holder, topic, ax=ax, names=names)
    ax.figure.savefig(path, dpi=CHART_DPI)
    plt.close(ax.figure)


def markdown_report(analysis, chart_files: dict | None = None,
                    max_shifts: int = MAX_REPORT_SHIFTS, scope: str = "") -> str:
    """The run as a Markdown page: shifts first, each with both quotes, dates and sources.

    The `max_shifts` most confident shifts (0: all) are listed (ties: the newer), newest first, in a
    table that links each to its evidence below; a line counts the others, which the shifts
    table holds (`stance shifts RUN`). `scope` says what a filtered page holds (`describe_filters`);
    such a page does not list the topics it holds no statement on as topics the run missed."""
    chart_files = chart_files or {}
    documents, statements, shifts = analysis.documents, analysis.statements, analysis.shifts
    names = Names.from_settings(getattr(analysis, "settings", None) or {})
    sources = documents.set_index("doc_id")[["title", "source", "url"]] if len(documents) else pd.DataFrame()
    ok = int((documents["status"] == "ok").sum())
    lines = ["# Stance shifts", ""]
    span = "" if statements.empty else f", dated {statements['date'].min():%Y-%m-%d} to {statements['date'].max():%Y-%m-%d}"
    held = f" by {_plural(shifts['holder'].nunique(), 'holder')} on {_plural(shifts['topic'].nunique(), 'topic')}" \
        if len(shifts) else ""
    lines.append(f"{_plural(len(documents), 'document')} read ({ok} analysed), {_plural(len(statements), 'statement')}"
                 f"{span}, **{_plural(len(shifts), 'shift')}**{held}.")
    lines.append("")
    if scope:
        lines += [f"Only the statements and shifts {scope}.", ""]
    nobody = unattributed_note(statements, getattr(analysis, "settings", None) or {}) if not scope else ""
    if nobody:
        lines += [nobody, ""]
    unfound = [label for topic_id, label in names.topics if topic_id not in set(statements["topic"])]
    if unfound and len(statements) and not scope:
        # A topic no sentence was found on is most often one whose keywords the sources never use.
        lines += [f"No statement was found on {_plural(len(unfound), 'topic')} of the {len(names.topics)}: "
                  + "; ".join(unfound[:MAX_UNFOUND_TOPICS]) + ("; ..." if len(unfound) > MAX_UNFOUND_TOPICS else "")
                  + ". If the sources speak of them, `stance explain ARTICLE --missed` shows what their sentences "
                    "gave; add the words they use to the topic's keywords.", ""]
    listed = _listed_shifts(shifts, max_shifts or len(shifts))
    if shifts.empty:
        lines += ["No shifts were found: each holder kept one position per topic, or spoke only once.", ""]
    else:
        lines += _summary_section(listed, len(shifts), names)
        lines += _holders_section(shifts, names)
    captions = chart_files.get("captions", {})   # what each chart shows, said for those who cannot see it
    for path in chart_files.get("overview", []):
        lines += [f"![{captions.get(path, Path(path).stem)}]({path})", ""]
    for number, (_, shift) in enumerate(listed.iterrows(), start=1):
        lines += _shift_section(shift, number, sources, names)
    lines += _contested_section(getattr(analysis, "contested", None), names)
    if chart_files.get("timelines"):
        lines += ["## Timelines", ""]
        lines += [f"![{captions.get(path, Path(path).stem)}]({path})" for path in chart_files["timelines"]] + [""]
    lines += _positions_section(statements, names)
    skipped = documents[documents["status"] != "ok"]
    if len(skipped):
        lines += ["## Documents not analysed", "", "| document | status | reason |", "|---|---|---|"]
        lines += [f"| {row.doc_id} | {row.status} | {_cell(row.reason)} |"
                  for row in skipped.head(MAX_REPORT_DOCUMENTS).itertuples()] + [""]
        if len(skipped) > MAX_REPORT_DOCUMENTS:
            lines += [f"{_plural(len(skipped) - MAX_REPORT_DOCUMENTS, 'more document')} not analysed: "
                      "see `status` and `reason` in documents.parquet.", ""]
    return "\n".join(lines)


def _listed_shifts(shifts: pd.DataFrame, count: int) -> pd.DataFrame:
    """The `count` most confident shifts (ties: the newer, then holder and topic), newest first."""
    ranked = shifts.sort_values(["confidence", "to_date", "holder", "topic"], ascending=[False, False, True, True],
                                kind="stable", na_position="last").head(count)
    return ranked.sort_values(["to_date", "holder", "topic"], ascending=[False, True, True], kind="stable",
                              na_position="last")


def _summary_section(listed: pd.DataFrame, total: int, names: Names) -> list[str]:
    """One table row a shift: when, who, on what, the move, and the new position in their words."""
    from .plot import short_quote
    lines = ['<a id="summary"></a>', "", "## Shifts at a glance", ""]
    if total > len(listed):
        lines += [f"The {len(listed)} most confident of {total} shifts, newest first. The other "
                  f"{total - len(listed)} are in shifts.parquet: `stance shifts RUN --format csv` lists every one "
                  "(`--holder` and `--topic` pick some), `stance report RUN --format md --max-shifts 0` quotes "
                  "every one.", ""]
    else:
        lines += [f"{_plural(total, 'shift')}, newest first.", ""]
    lines += ["| # | date | holder | topic | move | kind | confidence | new position, in their words |",
              "|---:|---|---|---|---|---|---:|---|"]
    for number, (_, shift) in enumerate(listed.iterrows(), start=1):
        move = f"{_words(shift['from_stance']) or '(earlier position not in the sources)'} → {_words(shift['to_stance'])}"
        # a move known only from a report has the kind "reported" itself: said once
        kind = (f"reported by {_reporter(shift, names)}" if shift["kind"] == "reported"
                else shift["kind"] + (f", reported by {_reporter(shift, names)}" if shift["reported"] else ""))
        quote = short_quote(shift["after_text"], QUOTE_CHARS).replace("|", "\\|")
        lines.append(f"| [{number}](#shift-{number}) | {_day(shift['to_date'])} | {_cell(names.holder(shift['holder']))} | "
                     f"{_cell(names.topic(shift['topic']))} | {move} | {kind} | {shift['confidence']:.2f} | {quote} |")
    return lines + [""]


def _holders_section(shifts: pd.DataFrame, names: Names) -> list[str]:
    """Shifts counted by holder, busiest first, with the topics that moved most; each holder's id
    is given, to pick their shifts with `stance shifts RUN --holder ID`."""
    lines = ["## Shifts by holder", "", "| holder (id) | shifts | reversals | topics (shifts) |", "|---|---:|---:|---|"]
    counts = shifts.groupby(["holder", "topic"]).size().rename("count").reset_index()
    totals = counts.groupby("holder")["count"].sum()
    reversals = shifts[shifts["kind"] == "reversal"].groupby("holder").size()
    for holder in sorted(totals.index, key=lambda name: (-totals[name], name)):
        topics = counts[counts["holder"] == holder].sort_values(["count", "topic"], ascending=[False, True])
        named = ", ".join(f"{names.topic(row.topic)} ({row.count})" for row in topics.itertuples())
        name = names.holder(holder)
        shown = _cell(name) if name == holder else f"{_cell(name)} (`{holder}`)"
        lines.append(f"| {shown} | {totals[holder]} | {reversals.get(holder, 0)} | "
                     f"{_cell(named, 400)} |")
    return lines + ["", "`stance shifts RUN --holder ID` lists one holder's shifts, each with its dates and kind.", ""]


def _contested_section(contested: pd.DataFrame | None, names: Names) -> list[str]:
    """Positions that came and went: A, then B, then A again within two weeks. Each is one
    statement against the positions on both sides of it, so it is listed here, not as two shifts."""
    if contested is None or contested.empty:
        return []
    ranked = contested.sort_values(["confidence", "to_date"], ascending=[False, False], kind="stable")
    lines = ["## Contested positions", "",
             "A position that differed from the ones just before and after it, when those two agree and "
             "stand at most 14 days apart: no shift is counted, and the odd one out is shown here to check.", "",
             "| holder | topic | held | contested | on | held again | statement |", "|---|---|---|---|---|---|---|"]
    for row in ranked.head(MAX_REPORT_CONTESTED).itertuples():
        lines.append(f"| {_cell(names.holder(row.holder))} | {_cell(names.topic(row.topic))} | "
                     f"{_words(row.from_stance)} since {_day(row.from_date)} | {_words(row.to_stance)} | {_day(row.to_date)} | "
                     f"{_day(row.back_date)} | {_cell(_curly_quote(row.after_text))} |")
    if len(contested) > MAX_REPORT_CONTESTED:
        lines.append("")
        lines.append(f"{_plural(len(contested) - MAX_REPORT_CONTESTED, 'more contested position')} in contested.parquet.")
    return lines + [""]


def _curly_quote(text: str) -> str:
    return f"“{' '.join(str(text).split())}”" if text else ""


def _shift_section(shift: pd.Series, number: int, sources: pd.DataFrame, names: Names) -> list[str]:
    before = f"{_words(shift['from_stance']) or 'unknown'} ({_day(shift['from_date'])})"
    after = f"{_words(shift['to_stance'])} ({_day(shift['to_date'])})"
    flags = []
    if shift["reported"]:
        flags.append(f"reported by {_reporter(shift, names)}")
    title = f"## {names.holder(shift['holder'])} — {names.topic(shift['topic'])}: {before} → {after}"
    meter = FLIP_O_METER.get(shift["kind"])
    lines = [f'<a id="shift-{number}"></a>', "", title, "",
             f"Shift {number}: *{shift['kind']}*" + (f" ({meter})" if meter else "")
             + f", confidence {shift['confidence']:.2f}" + (f"; {'; '.join(flags)}" if flags else "")
             + " · [back to the table](#summary)", ""]
    lines.append(f"- **Before** — {_evidence(shift['before_text'], shift['before_doc_id'], shift['from_date'], sources)}")
    lines.append(f"- **After** — {_evidence(shift['after_text'], shift['after_doc_id'], shift['to_date'], sources)}")
    return lines + [""]


def _evidence(text: str, doc_id: str, day, sources: pd.DataFrame) -> str:
    where = doc_id
    if doc_id in sources.index:
        row = sources.loc[doc_id]
        label = row["title"] or doc_id
        if row["source"]:
            label = f"{label}, {row['source']}"
        where = f"[{label}]({row['url']})" if row["url"] else label
    return f"“{' '.join(str(text).split())}” ({_day(day)}; {where})"


def _positions_section(statements: pd.DataFrame, names: Names) -> list[str]:
    """Where every holder stands now, a row per topic and a column per stance, so a reader sees
    who is on which side; past `MAX_REPORT_POSITIONS` positions each cell names its most
    evidenced holders and counts the rest."""
    from .schema import STANCES
    named = (statements["holder"] != "") & (statements["topic"] != "")
    attributed = statements.loc[named, ["holder", "topic", "stance", "date", "confidence", "statement_id"]]
    if attributed.empty:
        return []
    # The latest day's most confident statement; ties by id, so any order of rows gives one answer
    # (only the rows of each series' last day are sorted: a large run's ids stay unsorted).
    last_day = attributed.groupby(["holder", "topic"], observed=True)["date"].transform("max")
    latest = attributed[attributed["date"] == last_day].sort_values(
        ["confidence", "statement_id"], kind="stable").groupby(["holder", "topic"], observed=True).tail(1)
    counts = attributed.groupby(["holder", "topic"], observed=True).size().rename("statements")
    latest = latest.join(counts, on=["holder", "topic"])
    # Plain text: a run written as it goes keeps these columns as categoricals, which sort by
    # their codes, not their words.
    latest = latest.astype({"holder": str, "topic": str, "stance": str})
    latest = latest.assign(name=latest["holder"].map(names.holder))
    capped = len(latest) > MAX_REPORT_POSITIONS
    per_cell = MAX_CELL_HOLDERS if capped else len(latest)
    held = latest.groupby("topic", observed=True).size()
    topics = sorted(held.index, key=lambda topic: (-held[topic], names.topic(topic), topic))
    shown_topics = topics[:MAX_POSITION_TOPICS]
    lines = ["## Latest positions", "",
             "Each holder's stance in their latest statement on each topic, with that statement's date: a row per "
             "topic, "
             "those with most holders first" + ("; in each cell, the holders with most statements first." if capped
                                                 else "."), "",
             "| topic | holders | " + " | ".join(_words(stance) for stance in STANCES) + " |",
             "|---|---:|" + "---|" * len(STANCES)]
    one_year = latest["date"].dt.year.nunique() == 1   # then "19 Nov" says enough, and cells stay short
    hidden = 0
    for topic in shown_topics:
        rows = latest[latest["topic"] == topic].sort_values(["statements", "name", "holder"],
                                                              ascending=[False, True, True], kind="stable")
        cells = []
        for stance in STANCES:
            side = rows[rows["stance"] == stance]
            entries = [f"{row.name} ({_short_day(row.date, year=not one_year)})" for row in side.head(per_cell).itertuples()]
            if len(side) > per_cell:
                entries.append(f"and {len(side) - per_cell} more")
                hidden += len(side) - per_cell
            cells.append(_cell(", ".join(entries), 2000))
        label = names.topic(topic)
        shown = _cell(label) if label == topic else f"{_cell(label)} (`{topic}`)"   # the id, for --topic
        lines.append(f"| {shown} | {held[topic]} | " + " | ".join(cells) + " |")
    left_topics = topics[len(shown_topics):]
    hidden += int(held[left_topics].sum()) if left_topics else 0
    lines.append("")
    if hidden:
        lines += [f"{_plural(hidden, 'more position')} of {len(latest)} not named here"
                  + (f" ({_plural(len(left_topics), 'topic')} with fewest holders left out)" if left_topics else "")
                  + ": every statement, with its holder, topic, stance and date, is in statements.parquet; "
                  "`stance report RUN --format csv --topic ID` lists one topic's, "
                  "`stance timeline RUN --holder ID --topic ID` one holder's days on it.", ""]
    return lines


def shifts_view(shifts: pd.DataFrame) -> pd.DataFrame:
    """The shift columns a reader scans first, dates as ISO days."""
    view = shifts[SHIFT_VIEW].copy()
    for column in ("from_date", "to_date"):
        view[column] = view[column].dt.strftime("%Y-%m-%d").fillna("")
    return view


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A table as text for the terminal (`table`), or as `csv`, `json` or `md`."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d").fillna("")
    if fmt == "csv":
        return frame.to_csv(index=False)
    if fmt == "json":
        return json.dumps(frame.to_dict(orient="records"), indent=2, ensure_ascii=False, default=str)
    if fmt == "md":
        header = "| " + " | ".join(frame.columns) + " |"
        rule = "|" + "---|" * len(frame.columns)
        body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
        return "\n".join([header, rule, *body])
    if frame.empty:
        return "(none)"
    return frame.to_string(index=False, max_colwidth=60)


def _cell(value, width: int = 120) -> str:
    return textwrap.shorten(" ".join(str(value).split()), width, placeholder="…").replace("|", "\\|")


def _short_day(value, year: bool = True) -> str:
    """`19 Nov` or, when `year`, `19 Nov 2025`."""
    if pd.isna(value):
        return "undated"
    day = pd.Timestamp(value)
    return f"{day.day} {day:%b}" if not year else f"{day.day} {day:%b %Y}"


def _words(stance: str) -> str:
    """A stance as a reader says it: `ruled out`, not `ruled_out`."""
    return str(stance).replace("_", " ")


def _reporter(shift: pd.Series, names: Names) -> str:
    return names.holder(shift["speaker"]) if shift["speaker"] and shift["speaker"] != "author" else "the author"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _day(value) -> str:
    return "undated" if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"
