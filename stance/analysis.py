"""The result of a run: three tables, with the views a notebook user reaches for.

`Analysis.documents`, `.statements` and `.shifts` are pandas DataFrames with the SPEC columns
and real datetimes. `.timeline()`, `.plot_timeline()`, `.plot_heatmap()` and `.plot_shifts()`
explore them; `.save(dir)` writes parquet tables, report.md and charts; `load(dir)` reads a run
back.
"""
from __future__ import annotations

import glob
import html
import io
import json
import os
import re
import shutil
import tempfile
import textwrap
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .config import Names
from .errors import FilterError, InputError
from .ingest import parse_day
from .timeline import build_timeline

TABLES = ("documents", "statements", "shifts")
# Runs written before contested blips were kept have no contested.parquet and load with none.
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
    contested: pd.DataFrame | None = None   # blips A -> B -> A that make no shift (`contested_table`)

    def __post_init__(self) -> None:
        # Whoever built the tables, they leave here with the SPEC columns and dtypes.
        self.documents = schema.conform(self.documents, schema.DOCUMENT_COLUMNS)
        self.statements = schema.conform(self.statements, schema.STATEMENT_COLUMNS)
        self.shifts = schema.conform(self.shifts, schema.SHIFT_COLUMNS)
        self.contested = schema.conform(self.contested if self.contested is not None else schema.empty(schema.CONTESTED_COLUMNS),
                                        schema.CONTESTED_COLUMNS)

    # -- views ------------------------------------------------------------------------------------

    def timeline(self, holder: str | None = None, topic: str | None = None) -> pd.DataFrame:
        """Daily positions (one row per holder, topic and day), for one holder and topic or for all."""
        self.check_filters(holder=holder, topic=topic)
        return build_timeline(self.statements, holder, topic)

    def plot_timeline(self, holder: str | None = None, topic: str | None = None, ax=None, **filters):
        """The timeline of a holder on a topic, as an Axes; without both, a Figure of small panels,
        one per series with a shift (or, for a holder or topic that never moved, per series it has;
        `ax` may then be an array of Axes). Filters: `start`, `end`."""
        from . import plot
        filters = self.check_filters(holder=holder, topic=topic, **filters)
        holder, topic = filters.pop("holder"), filters.pop("topic")
        if holder is not None and topic is not None:
            return plot.plot_timeline(self.statements, self.shifts, holder, topic, ax=ax,
                                      **{"names": self.names, **filters})
        return plot.plot_timelines(self.statements, self.shifts, holder=holder, topic=topic, ax=ax,
                                   **{"names": self.names, **filters})

    def plot_heatmap(self, ax=None, **filters):
        """Holders x topics coloured by the latest stance; returns the Axes. Filters: `start`, `end`,
        `holders`, `topics`."""
        from . import plot
        filters = self.check_filters(**filters)
        filters.pop("holder"), filters.pop("topic")
        return plot.plot_heatmap(self.statements, ax=ax, **{"names": self.names, **filters})

    def plot_shifts(self, ax=None, **filters):
        """A swimlane of all shifts, one lane per holder, one marker per shift; returns the Axes.
        Filters: `start`, `end`, `holders`, `topics`."""
        from . import plot
        filters = self.check_filters(**filters)
        filters.pop("holder"), filters.pop("topic")
        return plot.plot_swimlane(self.shifts, ax=ax, **{"names": self.names, **filters})

    @property
    def names(self) -> Names:
        """How charts and the report name holders and topics (from the run's actors and topics)."""
        return Names.from_settings(self.settings)

    def check_filters(self, holder: str | None = None, topic: str | None = None, start=None, end=None,
                      holders=None, topics=None, **others) -> dict:
        """The filters of a view, checked against this run, so that a typo is an error that names
        the close ids rather than an empty table or a blank chart; days come back as Timestamps,
        a single id given as `holders`/`topics` as a list. Other keywords pass through unchanged.

        >>> from stance import analyze
        >>> run = analyze(pd.DataFrame({"text": ["Trump ruled out US troops in Ukraine."], "date": ["2025-08-19"]}))
        >>> run.check_filters(holder="Trump")
        Traceback (most recent call last):
        stance.errors.FilterError: no statement in this run has the holder 'Trump'; did you mean 'trump'?
        >>> run.check_filters(start="2025-09-01", end="2025-03-01")
        Traceback (most recent call last):
        stance.errors.FilterError: the days are the wrong way round: 2025-09-01 is after 2025-03-01; swap them
        """
        holders, topics = _as_list(holders), _as_list(topics)
        for kind, wanted in (("holder", [holder] if holder else holders), ("topic", [topic] if topic else topics)):
            known = set(self.statements[kind]) | set(self.shifts[kind])
            known.discard("")
            for entry_id in wanted or ():
                if entry_id not in known:
                    raise FilterError(f"no statement in this run has the {kind} '{entry_id}'; {_close_ids(entry_id, known)}")
        if holder and topic and not ((self.statements["holder"] == holder) & (self.statements["topic"] == topic)).any():
            spoken = sorted(set(self.statements.loc[self.statements["holder"] == holder, "topic"]) - {""})
            raise FilterError(f"no statement in this run has the holder '{holder}' on the topic '{topic}'; "
                              f"{holder}'s topics: {', '.join(spoken) or 'none'}")
        if not (holder and topic) and holders and topics and not (self.statements["holder"].isin(holders)
                                                                  & self.statements["topic"].isin(topics)).any():
            raise FilterError(f"no statement in this run has the holder {_either(holders)} on the topic "
                              f"{_either(topics)}; choose another holder or topic")
        start, end = _filter_day(start), _filter_day(end)
        if start is not None and end is not None and start > end:
            raise FilterError(f"the days are the wrong way round: {start:%Y-%m-%d} is after {end:%Y-%m-%d}; swap them")
        if start is not None or end is not None:
            self._check_days(start, end, [holder] if holder else holders, [topic] if topic else topics)
        return {"holder": holder, "topic": topic, "start": start, "end": end, **others,
                **({"holders": holders} if holders is not None else {}), **({"topics": topics} if topics is not None else {})}

    def _check_days(self, start, end, holders, topics) -> None:
        """A range of days that holds none of the chosen statements is an error that says which
        days they do cover, not an empty table or a blank chart."""
        chosen = self.statements
        if holders:
            chosen = chosen[chosen["holder"].isin(holders)]
        if topics:
            chosen = chosen[chosen["topic"].isin(topics)]
        dates = chosen["date"].dropna()
        inside = pd.Series(True, index=dates.index)
        if start is not None:
            inside &= dates >= start
        if end is not None:
            inside &= dates <= end
        if inside.any():
            return
        asked = (f"between {start:%Y-%m-%d} and {end:%Y-%m-%d}" if start is not None and end is not None
                 else f"from {start:%Y-%m-%d} on" if start is not None else f"up to {end:%Y-%m-%d}")
        whose = " of " + " on ".join(_either(ids) for ids in (holders, topics) if ids) if holders or topics else ""
        first, last = (f"{day:%Y-%m-%d}" for day in (dates.min(), dates.max())) if len(dates) else ("", "")
        span = "none is dated" if not first else f"they are dated {first}" + (f" to {last}" if last != first else "")
        raise FilterError(f"no statement{whose} in this run is dated {asked}; {span}")

    # -- files ------------------------------------------------------------------------------------

    def save(self, out: str | os.PathLike, charts: bool = True, report: bool = True, force: bool = False,
             jobs: int = 1) -> Path:
        """Write the tables, report.md and charts/ to a folder, atomically.

        Everything is written to a temporary folder beside `out` and swapped in with renames at
        the end, so an interrupted run (Ctrl-C, kill) leaves the previous result whole; what such
        a run leaves behind is cleaned up by the next save. A folder holding anything but a run of
        this tool is refused unless `force`, and then only the run's own files are replaced.
        With `jobs` > 1 the timeline charts are drawn by that many processes (same images).
        """
        def fill(staging: Path) -> None:
            self._write_tables(staging)
            if report or charts:
                from . import report as reporting
                reporting.write_outputs(self, staging, charts=charts, report=report, jobs=jobs)
        return save_run(out, fill, self.settings, force=force)

    write = save

    def _write_tables(self, folder: Path) -> None:
        for name in (*TABLES, "contested"):
            write_table(getattr(self, name), folder / f"{name}.parquet")

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
        holders = self.statements.loc[self.statements["holder"] != "", "holder"].nunique()
        topics = self.statements.loc[self.statements["topic"] != "", "topic"].nunique()
        return (f"{_plural(len(self.documents), 'document')} ({ok} ok), "
                f"{_plural(len(self.statements), 'statement')} by {_plural(holders, 'holder')} on "
                f"{_plural(topics, 'topic')}{self._span()}, {_plural(len(self.shifts), 'shift')}")

    def _top_shifts(self, count: int = 5) -> pd.DataFrame:
        return self.shifts.sort_values(["confidence", "to_date"], ascending=[False, False], kind="stable").head(count)

    def _span(self) -> str:
        dates = self.statements["date"].dropna()
        if dates.empty:
            return ""
        return f", dated {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"


def save_run(out: str | os.PathLike, fill, settings: dict, force: bool = False) -> Path:
    """Write a run folder atomically: `fill(staging)` writes the run's files into a temporary
    folder beside `out`, which is then swapped in with renames (see `Analysis.save`)."""
    given = Path(out)
    # Absolute, and through a link to where the run lives: the swap renames beside the folder.
    out = given.resolve() if given.is_symlink() else Path(os.path.abspath(given))
    if out.exists() and not out.is_dir():
        raise InputError("--out must be a folder, and this is a file", given)
    _clean_leftovers(out)
    foreign = _foreign_entries(out)
    if foreign and not force:
        if (out / MARKER).exists():
            raise InputError(f"the folder holds a stance run and other files ({', '.join(foreign[:3])}"
                             f"{', ...' if len(foreign) > 3 else ''}); choose another --out or pass --force "
                             "(which keeps the other files)", given)
        raise InputError("the folder is not empty and holds no stance run; choose another --out or pass --force "
                         "(which keeps its files and adds the run's)", given)
    out.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{out.name}{STAGING}{os.getpid()}-"
    try:
        try:
            staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
        except OSError as error:   # named after the folder asked for, not the hidden one beside it
            raise OSError(error.errno, error.strerror, str(given)) from None
        fill(staging)
        files = sorted([entry.name for entry in staging.iterdir()] + [MARKER])
        _write_synced(staging / MARKER, json.dumps({"tool": "stance", "files": files, **_plain(settings)},
                                                   indent=2, sort_keys=True).encode())
        _sync(staging)
        if foreign:
            _merge_in(staging, out)
        else:
            _swap_in(staging, out)
    except BaseException:
        # By prefix, not by name: Ctrl-C may land after the folder is made, before it is named.
        for entry in out.parent.glob(f"{glob.escape(prefix)}*"):
            shutil.rmtree(entry, ignore_errors=True)
        raise
    return given


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """A table as parquet, flushed to disk."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    _write_synced(path, buffer.getvalue())


def load(folder: str | os.PathLike) -> Analysis:
    """Read a saved run back; the tables equal the ones that were saved."""
    folder = Path(folder)
    settings = load_settings(folder)
    tables = {}
    for name, columns in zip(TABLES, (schema.DOCUMENT_COLUMNS, schema.STATEMENT_COLUMNS, schema.SHIFT_COLUMNS)):
        tables[name] = schema.conform(read_run_table(folder / f"{name}.parquet"), columns)
    contested = folder / "contested.parquet"
    return Analysis(tables["documents"], tables["statements"], tables["shifts"], settings,
                    read_run_table(contested) if contested.exists() else None)


def read_run_table(path: Path) -> pd.DataFrame:
    """One table of a saved run; a damaged one (a copy cut short, a file overwritten) is named."""
    try:
        return pd.read_parquet(path)
    except Exception as error:   # pyarrow raises several unrelated types for a damaged file
        raise InputError(f"this table of the run is damaged ({str(error).splitlines()[0][:200]}); "
                         "analyse the articles again into this folder", path) from None


def load_settings(folder: str | os.PathLike) -> dict:
    """The settings a saved run was made with (actors, topics, model, their fingerprint); raises
    when the folder holds no run."""
    folder = Path(folder)
    if not folder.exists():
        _clean_leftovers(folder)   # a run killed between its two renames: put the previous one back
    if not folder.is_dir():
        raise InputError("no such folder; give the folder a run was written to (its --out)", folder)
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").exists()]
    if missing:
        raise InputError(f"not a stance run folder: {', '.join(m + '.parquet' for m in missing)} missing", folder)
    settings = {}
    if (folder / MARKER).exists():
        try:
            settings = json.loads((folder / MARKER).read_text())
            settings.pop("tool", None)
            settings.pop("files", None)
        except ValueError:
            settings = {}
    return settings


@dataclass(eq=False)
class Outline:
    """What `stance.analyze_into` keeps of the run it wrote: the documents and shifts, and of the
    statements only the columns positions are made of (`store.NARROW_COLUMNS`, no texts). The
    report and charts are drawn from it; `load(folder)` reads the whole run."""

    documents: pd.DataFrame
    statements: pd.DataFrame
    shifts: pd.DataFrame
    settings: dict = field(default_factory=dict)
    contested: pd.DataFrame | None = None


# Beside OUT, a save works in ".OUT.tmp-PID-XXXX" and moves the previous run to ".OUT.old-PID-XXXX"
# for the instant of the swap; the PID tells a later save whether their writer is still alive.
STAGING, RETIRED = ".tmp-", ".old-"
# What a run folder holds when its marker does not list its files (runs written before the list).
RUN_FILES = tuple(f"{name}.parquet" for name in TABLES) + ("report.md", "charts", MARKER)
# Files the system or an editor drops into any folder a person looks at: they do not make a run
# folder someone else's (.DS_Store, Thumbs.db, desktop.ini, AppleDouble "._x", vim's ".x.swp").
RE_SYSTEM_LITTER = re.compile(r"^(?:\.DS_Store|Thumbs\.db|desktop\.ini|\._.+|\..+\.sw[a-p])$")


def _foreign_entries(out: Path) -> list[str]:
    """Names in `out` that no run of this tool wrote there (all of them if it holds no run)."""
    if not out.is_dir():
        return []
    names = sorted(entry.name for entry in out.iterdir())
    owned = _run_files(out)
    if not owned:
        return names
    return [name for name in names if name not in owned and not RE_SYSTEM_LITTER.match(name)]


def _run_files(out: Path) -> set[str]:
    try:
        marker = json.loads((out / MARKER).read_text())
    except (OSError, ValueError):
        return set()
    files = marker.get("files") if isinstance(marker, dict) else None
    return set(files) if isinstance(files, list) else set(RUN_FILES)


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames only, so a reader never sees a half-written folder."""
    if not out.exists():
        os.replace(staging, out)
        _sync(out.parent)
        return
    retired = out.parent / f".{out.name}{RETIRED}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)
        raise
    _sync(out.parent)
    shutil.rmtree(retired, ignore_errors=True)


def _merge_in(staging: Path, out: Path) -> None:
    """Move the run's files into a folder that also holds other files (--force): each file by one
    rename over the old one; files of an earlier run that this run did not write go; all else stays."""
    stale = _run_files(out) - {entry.name for entry in staging.iterdir()}
    aside = out.parent / f".{out.name}{RETIRED}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    aside.mkdir()
    for entry in sorted(staging.iterdir(), key=lambda entry: entry.name == MARKER):   # the marker last
        target = out / entry.name
        if target.exists() and (target.is_dir() or entry.is_dir()):
            os.replace(target, aside / entry.name)   # a folder cannot be renamed over, nor onto a file
        os.replace(entry, target)
    for name in sorted(stale):
        if (out / name).exists() or (out / name).is_symlink():
            os.replace(out / name, aside / name)
    _sync(out)
    shutil.rmtree(aside, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def _clean_leftovers(out: Path) -> None:
    """Tidy what killed saves to `out` left beside it: a previous run moved aside in the instant of
    a swap goes back if `out` is missing, stale temporary folders go."""
    if not out.parent.is_dir():
        return
    prefixes = {f".{out.name}{RETIRED}": "retired", f".{out.name}{STAGING}": "staging"}
    leftovers = []
    for entry in out.parent.iterdir():
        for prefix, kind in prefixes.items():
            if entry.name.startswith(prefix) and entry.is_dir() and _writer_is_gone(entry, prefix):
                leftovers.append((kind != "retired", entry.name, entry, kind))
    for _, _, entry, kind in sorted(leftovers):
        if kind == "retired" and not out.exists() and all((entry / f"{name}.parquet").exists() for name in TABLES):
            os.replace(entry, out)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _writer_is_gone(entry: Path, prefix: str) -> bool:
    """Whether the process that made a temporary folder has ended (its PID is in the name)."""
    pid_text = entry.name[len(prefix):].split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True   # this process is not writing it now: saves of one process do not overlap
    if os.name == "nt":   # os.kill would terminate the process there; go by age instead
        import time
        return time.time() - entry.stat().st_mtime > 24 * 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False   # alive, under another user
    return False


def _write_synced(path: Path, data: bytes) -> None:
    """Write a file and flush it to disk, so a power cut after the swap cannot leave it empty."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _plain(settings: dict) -> dict:
    return {key: (str(value) if not isinstance(value, (int, float, bool, type(None), list, dict)) else value)
            for key, value in settings.items()}


def _shift_line(shift: pd.Series) -> str:
    """`trump on us_ground_troops: open (2025-08-18) -> ruled_out (2025-08-19) [reversal, 0.47]`."""
    return (f"{shift['holder']} on {shift['topic']}: {shift['from_stance'] or '?'} ({_iso(shift['from_date'])}) -> "
            f"{shift['to_stance']} ({_iso(shift['to_date'])}) [{shift['kind']}, {shift['confidence']:.2f}]")


def _iso(day) -> str:
    return "?" if pd.isna(day) else f"{pd.Timestamp(day):%Y-%m-%d}"


def _as_list(ids):
    """`holders="trump"` means the one holder, not five letters."""
    return [ids] if isinstance(ids, str) else (list(ids) if ids is not None else None)


def _close_ids(entry_id: str, known: set[str]) -> str:
    """The fix for an id a run does not hold: the close ones, else the ones it has."""
    import difflib
    by_case = {known_id.casefold(): known_id for known_id in known}
    typed = entry_id.casefold()
    # "troops" for "us_ground_troops": a part of the id is as close as a misspelling of it.
    close = [match for match in sorted(by_case) if len(typed) >= 3 and typed in match][:3]
    close = close or difflib.get_close_matches(typed, sorted(by_case), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{by_case[match]}'" for match in close) + "?"
    if not known:
        return "it has none"
    shown = sorted(known)
    if len(shown) > 15:
        return f"it has {', '.join(shown[:12])} and {len(shown) - 12} more"
    return f"it has {', '.join(shown)}"


def _filter_day(value) -> pd.Timestamp | None:
    """A day to filter by, read as strictly as a publication date: 'yesterday' or '03/04/2025'
    would be a guess."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return pd.Timestamp(parse_day(value))
    except (ValueError, TypeError, OverflowError) as error:
        raise FilterError(f"'{value}' is not a day ({error}); write it as YYYY-MM-DD") from None


def _either(ids) -> str:
    """'merz', or 'merz' or 'kallas', as a filter names them."""
    return " or ".join(f"'{entry_id}'" for entry_id in ids)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _shorten(text, width: int) -> str:
    return textwrap.shorten(" ".join(str(text).split()), width=width, placeholder="…")
