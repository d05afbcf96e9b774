"""The result of a run: three tables, with the views a notebook user reaches for.

`Analysis.documents`, `.statements` and `.shifts` are pandas DataFrames with the SPEC columns
and real datetimes. `.timeline()`, `.plot_timeline()`, `.plot_heatmap()` and `.plot_shifts()`
explore them; `.save(dir)` writes parquet tables, report.md and charts; `load(dir)` reads a run
back.
"""
from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .errors import InputError
from .timeline import build_timeline

TABLES = ("documents", "statements", "shifts")
MARKER = ".stance-run.json"   # says a folder holds a run of this tool, so it may be replaced


@dataclass(eq=False)   # tables do not compare with ==; compare them with pandas.testing
class Analysis:
    """Documents, statements and shifts of one run (pandas DataFrames, typed as in `schema`).

    In a notebook the run shows itself as a summary with its strongest shifts; the tables are
    ordinary DataFrames (dates are datetime64), and each `plot_*` method returns the matplotlib
    Axes it drew on (a Figure for small multiples), so `ax.figure.savefig("chart.png")` saves it.
    """

    documents: pd.DataFrame
    statements: pd.DataFrame
    shifts: pd.DataFrame
    settings: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Whoever built the tables, they leave here with the SPEC columns and dtypes.
        self.documents = schema.conform(self.documents, schema.DOCUMENT_COLUMNS)
        self.statements = schema.conform(self.statements, schema.STATEMENT_COLUMNS)
        self.shifts = schema.conform(self.shifts, schema.SHIFT_COLUMNS)

    # -- views ------------------------------------------------------------------------------------

    def timeline(self, holder: str | None = None, topic: str | None = None) -> pd.DataFrame:
        """Daily positions (one row per holder, topic and day), for one holder and topic or for all."""
        return build_timeline(self.statements, holder, topic)

    def plot_timeline(self, holder: str | None = None, topic: str | None = None, ax=None, **filters):
        """The timeline of a holder on a topic, as an Axes; without both, a Figure of small panels,
        one per series with a shift (`ax` may then be an array of Axes). Filters: `start`, `end`."""
        from . import plot
        if holder is not None and topic is not None:
            return plot.plot_timeline(self.statements, self.shifts, holder, topic, ax=ax, **filters)
        return plot.plot_timelines(self.statements, self.shifts, holder=holder, topic=topic, ax=ax, **filters)

    def plot_heatmap(self, ax=None, **filters):
        """Holders x topics coloured by the latest stance; returns the Axes. Filters: `start`, `end`,
        `holders`, `topics`."""
        from . import plot
        return plot.plot_heatmap(self.statements, ax=ax, **filters)

    def plot_shifts(self, ax=None, **filters):
        """A swimlane of all shifts, one lane per holder, one marker per shift; returns the Axes.
        Filters: `start`, `end`, `holders`, `topics`."""
        from . import plot
        return plot.plot_swimlane(self.shifts, ax=ax, **filters)

    # -- files ------------------------------------------------------------------------------------

    def save(self, out: str | os.PathLike, charts: bool = True, report: bool = True, force: bool = False) -> Path:
        """Write the tables, report.md and charts/ to a folder, atomically.

        Everything is written to a temporary folder beside `out` and swapped in at the end, so an
        interrupted run leaves the previous result whole. A non-empty folder that is not a run of
        this tool is refused unless `force`.
        """
        out = Path(out)
        if out.exists() and not out.is_dir():
            raise InputError("--out must be a folder, and this is a file", out)
        if out.exists() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
            raise InputError("the folder is not empty and holds no stance run; choose another --out or pass --force",
                             out)
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        try:
            self._write_tables(staging)
            if report or charts:
                from . import report as reporting
                reporting.write_outputs(self, staging, charts=charts, report=report)
            (staging / MARKER).write_text(json.dumps({"tool": "stance", **_plain(self.settings)}, indent=2, sort_keys=True))
            _swap_in(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return out

    write = save

    def _write_tables(self, folder: Path) -> None:
        for name in TABLES:
            frame = getattr(self, name)
            frame.to_parquet(folder / f"{name}.parquet", index=False)

    # -- display ----------------------------------------------------------------------------------

    def __repr__(self) -> str:
        lines = [f"<stance.Analysis: {self._counts()}>"]
        top = self._top_shifts()
        if len(top):
            lines.append("strongest shifts:")
            lines += [f"  {_shift_line(shift)}" for _, shift in top.iterrows()]
            if len(self.shifts) > len(top):
                lines.append(f"  ... {len(self.shifts) - len(top)} more in .shifts")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = f"<p><b>stance.Analysis</b>: {html.escape(self._counts())}</p>"
        top = self._top_shifts(10)
        if top.empty:
            return head
        view = pd.DataFrame({
            "holder": top["holder"], "topic": top["topic"],
            "move": [f"{shift['from_stance'] or '?'} → {shift['to_stance']}" for _, shift in top.iterrows()],
            "from": top["from_date"].dt.strftime("%Y-%m-%d").fillna(""),
            "to": top["to_date"].dt.strftime("%Y-%m-%d").fillna(""),
            "kind": top["kind"], "confidence": top["confidence"].round(2),
            "after": [_shorten(text, 90) for text in top["after_text"]]})
        more = f" (of {len(self.shifts)}; all in <code>.shifts</code>)" if len(self.shifts) > len(top) else ""
        return f"{head}<p>Strongest shifts{more}:</p>{view.to_html(index=False, escape=True)}"

    def _counts(self) -> str:
        """`42 documents (42 ok), 416 statements by 30 holders on 13 topics, dated ..., 72 shifts`."""
        ok = int((self.documents["status"] == "ok").sum())
        attributed = self.statements[self.statements["holder"] != ""]
        holders, topics = attributed["holder"].nunique(), self.statements.loc[self.statements["topic"] != "", "topic"].nunique()
        return (f"{len(self.documents)} documents ({ok} ok), {len(self.statements)} statements by "
                f"{_plural(holders, 'holder')} on {_plural(topics, 'topic')}{self._span()}, "
                f"{_plural(len(self.shifts), 'shift')}")

    def _top_shifts(self, count: int = 5) -> pd.DataFrame:
        return self.shifts.sort_values(["confidence", "to_date"], ascending=[False, False], kind="stable").head(count)

    def _span(self) -> str:
        dates = self.statements["date"].dropna()
        if dates.empty:
            return ""
        return f", dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"


def load(folder: str | os.PathLike) -> Analysis:
    """Read a saved run back; the tables equal the ones that were saved."""
    folder = Path(folder)
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").exists()]
    if missing:
        raise InputError(f"not a stance run folder: {', '.join(m + '.parquet' for m in missing)} missing", folder)
    tables = {}
    for name, columns in zip(TABLES, (schema.DOCUMENT_COLUMNS, schema.STATEMENT_COLUMNS, schema.SHIFT_COLUMNS)):
        tables[name] = schema.conform(pd.read_parquet(folder / f"{name}.parquet"), columns)
    settings = {}
    if (folder / MARKER).exists():
        try:
            settings = json.loads((folder / MARKER).read_text())
            settings.pop("tool", None)
        except ValueError:
            settings = {}
    return Analysis(tables["documents"], tables["statements"], tables["shifts"], settings)


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames only, so a reader never sees a half-written folder."""
    if not out.exists():
        os.replace(staging, out)
        return
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _plain(settings: dict) -> dict:
    return {key: (str(value) if not isinstance(value, (int, float, bool, type(None), list)) else value)
            for key, value in settings.items()}


def _shift_line(shift: pd.Series) -> str:
    """`trump on us_ground_troops: open (2025-08-18) -> ruled_out (2025-08-19) [reversal, 0.47]`."""
    return (f"{shift['holder']} on {shift['topic']}: {shift['from_stance'] or '?'} ({_iso(shift['from_date'])}) -> "
            f"{shift['to_stance']} ({_iso(shift['to_date'])}) [{shift['kind']}, {shift['confidence']:.2f}]")


def _iso(day) -> str:
    return "?" if pd.isna(day) else f"{pd.Timestamp(day):%Y-%m-%d}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _shorten(text, width: int) -> str:
    return textwrap.shorten(" ".join(str(text).split()), width=width, placeholder="…")
