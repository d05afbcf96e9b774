"""How fast and how lean is `stance analyze`? Build a corpus of a chosen size, run it, report.

The corpus is made from the bundled articles (datasets/articles/*.md): each document takes one
article as its frame and swaps about a third of its body paragraphs for paragraphs of other
articles, swaps the order of a few, moves its date (and the dates in its text) by whole weeks so
that "on Monday" still fits, and varies money and head counts. Every document gets its own id,
so nothing collapses as a repeat, and the text stays real news prose with the same density of
statements as the articles it came from. A corpus is cached by size and seed under --corpus-dir.

Each run happens in a fresh child process (so peak RSS is that of the run alone) through the
real command line (`stance analyze ... --quiet`) or the library (`--via library`). In runs with
one process, the time of each stage is measured by wrapping the stage functions in the child (the
stage modules are not changed); time inside nested stages counts for the innermost one.

    python benchmarks/throughput.py --mb 2,20                  # linearity, one process
    python benchmarks/throughput.py --mb 10 --jobs 1,2         # process scaling
    python benchmarks/throughput.py --mb 5 --engine dask --jobs 2
    python benchmarks/throughput.py --mb 20 --preload candidate.py   # time a monkeypatched faster stage

MB here is 10**6 bytes of input files (front matter included). The results are printed as
Markdown tables: one row per run, the stage split of the one-process runs, and the targets of
issue 8 (>= 1 MB/s per core; 10x input in <= 11x time; < 1 GB peak RSS at 200 MB; --jobs 2
>= 1.7x --jobs 1).
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "datasets" / "articles"
CORPUS_VERSION = 1
FILES_PER_FOLDER = 1000
MB = 1_000_000

# Front matter: a first line of three dashes, YAML, and a closing line of three dashes.
RE_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
RE_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH = "|".join(MONTHS)
# "18 August 2025", "18 August" (day first, as British outlets write it).
RE_DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d) (?P<month>{_MONTH})(?P<year> 20\d\d)?\b")
# "August 18, 2025", "August 18" (month first, as American outlets write it).
RE_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>[0-3]?\d)(?P<year>, 20\d\d)?\b(?!:)")
# "$90bn", "€2.26bn", "£300m", "$50 billion": amounts of money.
RE_AMOUNT = re.compile(r"(?P<currency>[$€£])(?P<number>\d+(?:\.\d+)?)(?P<unit>bn|m| billion| million)\b")
# "10,000 troops", "300 drones": head counts and weapon counts.
RE_COUNT = re.compile(r"\b(?P<number>\d{2,3}(?:,\d{3})*) (?P<unit>troops|soldiers|drones|missiles|people|civilians)\b")

SWAP_SHARE = 0.35       # body paragraphs replaced by paragraphs of other articles
REORDER_SHARE = 0.15    # body paragraphs swapped with their neighbour
WEEKS_SHIFT = 3         # dates move by up to this many whole weeks either way
LATEST_DATE = dt.date(2025, 12, 31)


# -- the corpus ----------------------------------------------------------------------------------

@dataclass
class Article:
    """One bundled article: its front matter, and its body cut into paragraphs."""

    meta: dict
    paragraphs: list[str]

    @property
    def date(self) -> dt.date:
        value = self.meta["date"]
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def read_articles(folder: Path = ARTICLES) -> list[Article]:
    import yaml
    articles = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = RE_FRONT_MATTER.match(text)
        meta = yaml.safe_load(match.group(1)) if match else {}
        body = text[match.end():] if match else text
        meta.setdefault("id", path.stem)
        if "date" not in meta:
            continue
        paragraphs = [p.strip("\n") for p in RE_PARAGRAPH_BREAK.split(body) if p.strip()]
        articles.append(Article(meta, paragraphs))
    if not articles:
        raise SystemExit(f"no dated articles in {folder}")
    return articles


def is_body(paragraph: str) -> bool:
    """A paragraph of running prose (not a headline, timestamp, or list of key points)."""
    return len(paragraph) >= 120 and not paragraph.lstrip().startswith(("-", "#", "*"))


def build_corpus(folder: Path, megabytes: float, seed: int, articles: list[Article]) -> dict:
    """Write documents into `folder`/documents until they add up to `megabytes`; return the manifest."""
    manifest_path = folder / "manifest.json"   # beside the documents, not among them
    documents = folder / "documents"
    wanted = {"version": CORPUS_VERSION, "mb": megabytes, "seed": seed}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if {key: manifest.get(key) for key in wanted} == wanted:
            return manifest
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    pool = [p for article in articles for p in article.paragraphs if is_body(p)]
    latest = min(LATEST_DATE, dt.date.today())
    written, number = 0, 0
    while written < megabytes * MB:
        base = articles[number % len(articles)] if number < len(articles) else rng.choice(articles)
        doc_id = f"{base.meta['id']}-x{number:06d}"
        weeks = rng.randint(-WEEKS_SHIFT, WEEKS_SHIFT)
        date = base.date + dt.timedelta(weeks=weeks)
        while date > latest:
            date -= dt.timedelta(weeks=1)
        shift = date - base.date
        paragraphs = list(base.paragraphs)
        body = [i for i, p in enumerate(paragraphs) if is_body(p)]
        for index in body:
            if rng.random() < SWAP_SHARE:
                paragraphs[index] = rng.choice(pool)
        for index in body[:-1]:
            if rng.random() < REORDER_SHARE and index + 1 in body:
                paragraphs[index], paragraphs[index + 1] = paragraphs[index + 1], paragraphs[index]
        text = "\n\n".join(vary_numbers(move_dates(p, shift, base.date.year), rng) for p in paragraphs)
        meta = {"title": base.meta.get("title", ""), "date": date.isoformat(), "source": base.meta.get("source", ""),
                "url": f"{base.meta.get('url', 'https://example.org/')}?copy={number}", "id": doc_id}
        front = "\n".join(f"{key}: {json.dumps(str(value), ensure_ascii=False)}" for key, value in meta.items())
        content = f"---\n{front}\n---\n\n{text}\n".encode("utf-8")
        part = documents / f"part-{number // FILES_PER_FOLDER:04d}"
        part.mkdir(parents=True, exist_ok=True)
        (part / f"{doc_id}.md").write_bytes(content)
        written += len(content)
        number += 1
    manifest = {**wanted, "documents": number, "bytes": written}
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest


def move_dates(text: str, shift: dt.timedelta, year: int) -> str:
    """Move the calendar dates of a text by `shift` (whole weeks, so weekdays stay right)."""
    if not shift:
        return text

    def moved(match: re.Match, day_first: bool) -> str:
        try:
            day = dt.date(int(match["year"].strip(" ,")) if match["year"] else year,
                          MONTHS.index(match["month"]) + 1, int(match["day"]))
        except ValueError:
            return match.group()
        new = day + shift
        year_part = ""
        if match["year"]:
            year_part = f" {new.year}" if day_first else f", {new.year}"
        if day_first:
            return f"{new.day} {MONTHS[new.month - 1]}{year_part}"
        return f"{MONTHS[new.month - 1]} {new.day}{year_part}"

    text = RE_DAY_MONTH.sub(lambda m: moved(m, True), text)
    return RE_MONTH_DAY.sub(lambda m: moved(m, False), text)


def vary_numbers(text: str, rng: random.Random) -> str:
    """Other amounts of money and other head counts, of the same size."""
    def amount(match: re.Match) -> str:
        number = float(match["number"]) * rng.uniform(0.6, 1.4)
        shown = f"{number:.2f}".rstrip("0").rstrip(".") if "." in match["number"] else str(max(1, round(number)))
        return f"{match['currency']}{shown}{match['unit']}"

    def count(match: re.Match) -> str:
        number = int(match["number"].replace(",", "")) * rng.uniform(0.6, 1.4)
        return f"{max(10, round(number, -1)):,.0f} {match['unit']}"

    return RE_COUNT.sub(count, RE_AMOUNT.sub(amount, text))


# -- one run, in a child process -----------------------------------------------------------------

class StageClock:
    """Exclusive CPU time per stage (this process; CPU, not wall, so that other load on the machine
    does not blur the split): time inside a nested stage counts for the innermost one."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack = ["other (engine, run loop)"]
        self._last = time.process_time()

    def enter(self, stage: str) -> None:
        now = time.process_time()
        self.seconds[self._stack[-1]] += now - self._last
        self._stack.append(stage)
        self.calls[stage] += 1
        self._last = now

    def leave(self) -> None:
        now = time.process_time()
        self.seconds[self._stack.pop()] += now - self._last
        self._last = now

    def stop(self) -> None:
        """Charge the time since the last switch to the stage running now."""
        now = time.process_time()
        self.seconds[self._stack[-1]] += now - self._last
        self._last = now

    def wrap(self, function, stage: str):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self.enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def wrap_generator(self, function, stage: str):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            iterator = function(*args, **kwargs)
            while True:
                self.enter(stage)
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item
        return timed

    def patch(self, owner, name: str, stage: str, generator: bool = False) -> None:
        function = getattr(owner, name)
        setattr(owner, name, (self.wrap_generator if generator else self.wrap)(function, stage))

    def install(self) -> None:
        """Wrap the entry points of every stage where the pipeline looks them up."""
        import stance
        from stance import analysis, attribute, classify, dates, extract, ingest, report, store
        patches = [
            (ingest, "_raw_documents", "ingest", True), (ingest, "_finish", "ingest", False),
            (stance, "documents_frame", "tables (build, sort, type)", False),
            (extract.Extractor, "__post_init__", "setup (actors, topics, lexicon)", False),
            (extract.Extractor, "statements_of", "extract glue (statements_of itself)", False),
            (extract, "normalize", "normalize (lexicon)", False),
            (extract, "split_document", "segment", False), (extract, "split_clauses", "segment", False),
            (attribute.Attributor, "find_mentions", "attribute", False),
            (attribute.Attributor, "quote_speakers", "attribute", False),
            (attribute.Attributor, "attribute", "attribute", False),
            (attribute.Attributor, "with_stance_owner", "attribute", False),
            (classify.TopicMatcher, "find", "classify", False),
            (classify.TopicMatcher, "find_references", "classify", False),
            (extract, "read_stance", "classify", False), (extract, "inherits_topic", "classify", False),
            (dates, "find_dates", "dates", False), (dates, "date_statement", "dates", False),
            (stance, "statements_frame", "tables (build, sort, type)", False),
            (store, "statements_frame", "tables (build, sort, type)", False),
            (store.StatementStore, "finish", "writing tables", False),
            (stance, "detect_shifts", "timeline/shifts", False),
            (analysis.Analysis, "_write_tables", "writing tables", False),
            (analysis, "write_table", "writing tables", False),
            (report, "markdown_report", "writing report", False),
            (report, "write_charts", "writing charts", False),
        ]
        for owner, name, stage, generator in patches:
            if hasattr(owner, name):
                self.patch(owner, name, stage, generator)


def run_child(config: dict) -> dict:
    """One timed run in this (fresh) process; returns the measurements."""
    started = time.perf_counter()
    import stance
    import stance.cli
    import_seconds = time.perf_counter() - started
    if config.get("preload"):  # a candidate implementation to try, e.g. a faster stage, without editing stance
        import runpy
        runpy.run_path(config["preload"])["install"]()
    clock = StageClock() if config["stages"] else None
    if clock:
        clock.install()
    cpu_before = os.times()
    wall_before = time.perf_counter()
    out = Path(config["out"])
    if config["via"] == "cli":
        args = ["analyze", config["corpus"], "--out", str(out), "--quiet", "--force", "--jobs", str(config["jobs"]),
                "--engine", config["engine"]]
        if not config["charts"]:
            args.append("--no-charts")
        try:
            stance.cli.cli.main(args, prog_name="stance", standalone_mode=False)
        except SystemExit as stop:  # exit 6: some documents skipped; still a finished run
            if stop.code not in (None, 0, 6):
                raise
    else:
        result = stance.analyze([config["corpus"]], jobs=config["jobs"], engine=config["engine"])
        result.save(out, charts=config["charts"], force=True)
    wall = time.perf_counter() - wall_before
    cpu_after = os.times()
    if clock:
        clock.stop()
    import pandas as pd
    statements = len(pd.read_parquet(out / "statements.parquet", columns=["statement_id"]))
    shifts = len(pd.read_parquet(out / "shifts.parquet", columns=["holder"]))
    documents = pd.read_parquet(out / "documents.parquet", columns=["status"])
    return {
        "wall": wall,
        "import": import_seconds,
        "cpu_self": (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system),
        "cpu_children": (cpu_after.children_user - cpu_before.children_user)
                        + (cpu_after.children_system - cpu_before.children_system),
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "statements": statements,
        "shifts": shifts,
        "documents": len(documents),
        "documents_ok": int((documents["status"] == "ok").sum()),
        "stages": dict(clock.seconds) if clock else {},
        "calls": dict(clock.calls) if clock else {},
    }


def run_once(corpus: Path, manifest: dict, jobs: int, engine: str, via: str, charts: bool, stages: bool,
             keep: Path | None, preload: Path | None = None) -> dict:
    out = keep or Path(tempfile.mkdtemp(prefix="stance-bench-out-"))
    config = {"corpus": str(corpus), "out": str(out / "run"), "jobs": jobs, "engine": engine, "via": via,
              "charts": charts, "stages": stages, "preload": str(preload.resolve()) if preload else None}
    with tempfile.NamedTemporaryFile("w+", suffix=".json") as handle:
        load = os.getloadavg()[0]
        process = subprocess.run([sys.executable, __file__, "--child", json.dumps(config), "--result", handle.name],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if process.returncode != 0:
            raise SystemExit(f"run failed ({process.returncode}):\n{process.stderr[-4000:]}")
        result = json.loads(Path(handle.name).read_text())
    if keep is None:
        shutil.rmtree(out, ignore_errors=True)
    megabytes = manifest["bytes"] / MB
    result.update({"mb": megabytes, "jobs": jobs, "engine": engine, "via": via, "load_before": load,
                   "mb_per_s": megabytes / result["wall"], "docs_per_s": result["documents"] / result["wall"],
                   "mb_per_cpu_s": megabytes / max(1e-9, result["cpu_self"] + result["cpu_children"])})
    return result


# -- the report ----------------------------------------------------------------------------------

def results_table(results: list[dict]) -> str:
    lines = ["| input MB | docs | engine | jobs | wall s | MB/s | MB/s per core | docs/s | CPU s | MB per CPU s "
             "| peak RSS main MB | peak RSS worker MB | statements | shifts | load avg |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        cpu = r["cpu_self"] + r["cpu_children"]
        lines.append(f"| {r['mb']:.1f} | {r['documents']} | {r['engine']} | {r['jobs']} | {r['wall']:.1f} "
                     f"| {r['mb_per_s']:.3f} | {r['mb_per_s'] / r['jobs']:.3f} | {r['docs_per_s']:.1f} | {cpu:.1f} "
                     f"| {r['mb_per_cpu_s']:.3f} | {r['rss_self_mb']:.0f} | {r['rss_children_mb']:.0f} "
                     f"| {r['statements']} | {r['shifts']} | {r['load_before']:.1f} |")
    return "\n".join(lines)


def stages_table(result: dict) -> str:
    stages = result["stages"]
    total = sum(stages.values()) or 1.0
    lines = [f"Stage split, {result['mb']:.1f} MB, {result['engine']} engine, jobs {result['jobs']} "
             f"(wall {result['wall']:.1f} s, CPU {result['cpu_self']:.1f} s; interpreter start and imports "
             f"{result['import']:.1f} s not included):", "",
             "| stage | CPU s | share | MB per CPU s of the stage alone | calls |", "|---|---:|---:|---:|---:|"]
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        alone = result["mb"] / seconds if seconds > 0 else float("inf")
        lines.append(f"| {stage} | {seconds:.2f} | {seconds / total:.1%} | {alone:.2f} | {result['calls'].get(stage, '')} |")
    return "\n".join(lines)


def targets(results: list[dict]) -> str:
    lines = ["| target | measured | met |", "|---|---|---|"]
    local = [r for r in results if r["engine"] == "local"]
    for r in local:
        per_core = r["mb_per_s"] / r["jobs"]
        lines.append(f"| >= 1 MB/s per core ({r['mb']:.0f} MB, jobs {r['jobs']}) | {per_core:.3f} MB/s per core; "
                     f"{r['mb_per_cpu_s']:.3f} MB per CPU second | {'yes' if per_core >= 1 else 'no'} |")
    ones = sorted((r for r in local if r["jobs"] == 1), key=lambda r: r["mb"])
    if len(ones) >= 2 and ones[-1]["mb"] > ones[0]["mb"]:
        small, large = ones[0], ones[-1]
        size_ratio, time_ratio = large["mb"] / small["mb"], large["wall"] / small["wall"]
        cpu_ratio = (large["cpu_self"] + large["cpu_children"]) / max(1e-9, small["cpu_self"] + small["cpu_children"])
        lines.append(f"| linear: time ratio <= 1.1 x size ratio | {size_ratio:.1f}x input: {time_ratio:.2f}x wall, "
                     f"{cpu_ratio:.2f}x CPU | {'yes' if time_ratio <= 1.1 * size_ratio else 'no'} |")
    for r in results:
        projected = r["rss_self_mb"] + r["rss_children_mb"] * (r["jobs"] > 1)
        label = "peak RSS < 1 GB at 200 MB" + ("" if r["mb"] >= 199 else f" (measured at {r['mb']:.0f} MB)")
        lines.append(f"| {label} | main {r['rss_self_mb']:.0f} MB, largest worker {r['rss_children_mb']:.0f} MB "
                     f"| {'yes' if projected < 1024 else 'no'} |")
    by_size = defaultdict(dict)
    for r in local:
        by_size[round(r["mb"], 1)][r["jobs"]] = r
    for size, runs in sorted(by_size.items()):
        if 1 in runs and 2 in runs:
            speedup = runs[1]["wall"] / runs[2]["wall"]
            lines.append(f"| --jobs 2 >= 1.7x --jobs 1 ({size:.0f} MB) | {speedup:.2f}x | {'yes' if speedup >= 1.7 else 'no'} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", default="5", help="Corpus sizes in MB, comma-separated (default 5).")
    parser.add_argument("--jobs", default="1", help="Process counts, comma-separated (default 1).")
    parser.add_argument("--engine", default="local", help="local, dask, or both comma-separated.")
    parser.add_argument("--via", choices=["cli", "library"], default="cli",
                        help="Run `stance analyze` (the CLI) or `stance.analyze` + `save`.")
    parser.add_argument("--no-charts", action="store_true", help="Skip the PNG charts.")
    parser.add_argument("--no-stages", action="store_true", help="Do not time the stages (no wrapper cost).")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--corpus-dir", type=Path, default=Path(tempfile.gettempdir()) / "stance-bench",
                        help="Where corpora are built and cached.")
    parser.add_argument("--keep", type=Path, help="Keep the output of the (last) run in this folder.")
    parser.add_argument("--json", type=Path, help="Also write the raw measurements here.")
    parser.add_argument("--preload", type=Path, help="A Python file whose install() runs in the child before the "
                        "run: to time a candidate stage implementation (monkeypatched) without editing stance. "
                        "Forked --jobs workers inherit it; dask workers do not.")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        Path(args.result).write_text(json.dumps(run_child(json.loads(args.child))))
        return
    articles = read_articles()
    results = []
    for size in [float(value) for value in args.mb.split(",")]:
        corpus = args.corpus_dir / f"corpus-{size:g}mb-seed{args.seed}"
        print(f"building {size:g} MB corpus in {corpus} ...", file=sys.stderr)
        manifest = build_corpus(corpus, size, args.seed, articles)
        for engine in args.engine.split(","):
            for jobs in [int(value) for value in args.jobs.split(",")]:
                stages = not args.no_stages and jobs == 1 and engine == "local"
                print(f"running {manifest['bytes'] / MB:.1f} MB, {manifest['documents']} documents, engine {engine}, "
                      f"jobs {jobs} ...", file=sys.stderr)
                result = run_once(corpus / "documents", manifest, jobs, engine, args.via, not args.no_charts, stages,
                                  args.keep, args.preload)
                print(f"  {result['wall']:.1f} s, {result['mb_per_s']:.3f} MB/s, peak RSS {result['rss_self_mb']:.0f} MB",
                      file=sys.stderr)
                results.append(result)
    print(f"## stance throughput ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, via {args.via}, "
          f"charts {'off' if args.no_charts else 'on'}{f', preload {args.preload}' if args.preload else ''})\n")
    print(results_table(results))
    for result in results:
        if result["stages"]:
            print()
            print(stages_table(result))
    print()
    print(targets(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
