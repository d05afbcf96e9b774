"""The result of a run: three tables, with the views a notebook user reaches for.

`Analysis.documents`, `.statements` and `.shifts` are pandas DataFrames with the SPEC columns
and real datetimes. `.timeline()`, `.plot_timeline()`, `.plot_heatmap()` and `.plot_shifts()`
explore them; `.save(dir)` writes parquet tables, report.md and charts; `load(dir)` reads a run
back.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .errors import InputError
from .timeline import build_timeline

TABLES = ("documents", "statements", "shifts")
MARKER = ".stance-run.json"   # says a folder holds a run of this tool, so it may be replaced


@dataclass
class Analysis:
    """Documents, statements and shifts of one run (pandas DataFrames)."""

    documents: pd.DataFrame
    statements: pd.DataFrame
    shifts: pd.DataFrame
    settings: dict = field(default_factory=dict)

    # -- views ------------------------------------------------------------------------------------

    def timeline(self, holder: str | None = None, topic: str | None = None) -> pd.DataFrame:
        """Daily positions, for one holder and topic or for all."""
        return build_timeline(self.statements, holder, topic)

    def plot_timeline(self, holder: str | None = None, topic: str | None = None, ax=None, **filters):
        """The timeline of a holder on a topic; without both, small panels of every series with a shift."""
        from . import plot
        if holder is not None and topic is not None:
            return plot.plot_timeline(self.statements, self.shifts, holder, topic, ax=ax, **filters)
        return plot.plot_timelines(self.statements, self.shifts, holder=holder, topic=topic, **filters)

    def plot_heatmap(self, ax=None, **filters):
        """Holders x topics, coloured by the latest stance."""
        from . import plot
        return plot.plot_heatmap(self.statements, ax=ax, **filters)

    def plot_shifts(self, ax=None, **filters):
        """A swimlane of all shifts: one lane per holder, one arrow per shift."""
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
        ok = int((self.documents["status"] == "ok").sum()) if len(self.documents) else 0
        lines = [f"<stance.Analysis: {len(self.documents)} documents ({ok} ok), "
                 f"{len(self.statements)} statements, {len(self.shifts)} shifts{self._span()}>"]
        for _, shift in self.shifts.head(5).iterrows():
            lines.append(f"  {_shift_line(shift)}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = f"<p><b>stance run</b>: {len(self.documents)} documents, {len(self.statements)} statements, " \
               f"{len(self.shifts)} shifts{self._span()}</p>"
        if self.shifts.empty:
            return head
        columns = ["holder", "topic", "from_stance", "to_stance", "from_date", "to_date", "kind", "confidence"]
        return head + self.shifts[columns].head(10).to_html(index=False)

    def _span(self) -> str:
        if self.statements.empty:
            return ""
        first, last = self.statements["date"].min(), self.statements["date"].max()
        return f", {first:%Y-%m-%d} to {last:%Y-%m-%d}"


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
    when = f"{shift['from_date']:%Y-%m-%d}" if pd.notna(shift["from_date"]) else "?"
    return (f"{shift['holder']} on {shift['topic']}: {shift['from_stance'] or '?'} ({when}) -> "
            f"{shift['to_stance']} ({shift['to_date']:%Y-%m-%d}) [{shift['kind']}]")

