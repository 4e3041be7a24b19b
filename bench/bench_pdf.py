"""Benchmark: the whole PDF pipeline with kinerja's tables against camelot and pdfplumber ones.

Every contender runs the whole pipeline (parse -> extract -> audit -> write, as pipeline.process_file
chains it) on a Document whose tables come from its engine (pdf_engines.py): kinerja's own
parser, the same with its camelot fallback, camelot lattice on every page, pdfplumber's
extract_tables finder on every page. In one run it prints, side by side:
  - pages/s and peak resident memory on a PDF of >= 100 pages (no gold needed), and the
    speed-up over the camelot contender;
  - fact F1 (all facts, and table-sourced facts) against gold on the PDFs that have gold;
  - the bare engines alone (camelot.read_pdf lattice over all pages, pdfplumber extract_tables
    on every page);
  - the kinerja pipeline's peak memory on growing page prefixes of the speed PDF printed
    --repeat times over (flat = does not grow), with the Document's blocks stored page by page
    as the pipeline runs, beside the same Document held whole.
Each measurement runs in its own freshly spawned process, so peaks do not mix; the peak counts
the process and any child it waited for (tesseract, ghostscript).

Usage: python -m bench.bench_pdf [SPEED_PDF] [--gold-pdf PDF ...]
           [--engines kinerja,camelot,...] [--no-camelot] [--no-bare] [--prefixes 10,40,...] [--repeat 3]
Defaults: speed on ../shared/corpus/pdf/lkip_2016_dinkes_jabar.pdf (110 pages); F1 on
lkjip_2021_dpupr_kab_grobogan.pdf and pk_2021_pengukuran_2020_dkips_sulut.pdf. About 6 minutes
on a busy 2-core machine, most of it camelot. Wall-clock pages/s is what the goal names; CPU
seconds are printed beside it because wall time swings with whatever else the machine runs.
"""

import argparse
import multiprocessing as mp
import resource
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Optional

from rich.console import Console
from rich.table import Table

from bench.paths import REPO

PDFS = REPO.parent / "shared" / "corpus" / "pdf"
GOLD = REPO.parent / "shared" / "corpus" / "gold"
SPEED_PDF = PDFS / "lkip_2016_dinkes_jabar.pdf"
GOLD_PDFS = [PDFS / "lkjip_2021_dpupr_kab_grobogan.pdf",
             PDFS / "pk_2021_pengukuran_2020_dkips_sulut.pdf"]
BARE = ("camelot lattice alone", "pdfplumber extract_tables alone")
GOAL_SPEEDUP = 10.0


@dataclass
class Job:
    what: str  # an engine of pdf_engines.ENGINES, or one of BARE
    path: str
    max_pages: Optional[int] = None
    facts: bool = False  # send back the extraction's facts for scoring
    paged: bool = True  # the Document's blocks stored page by page, as the pipeline reads them


@dataclass
class Run:
    job: Job
    seconds: float = 0.0
    cpu_s: float = 0.0  # user + system time: less swayed than wall time by other load
    pages: int = 0
    tables: int = 0
    records: int = 0  # indicator, budget and definition records extracted
    base_mb: float = 0.0
    peak_mb: float = 0.0
    stages: dict = field(default_factory=dict)
    facts: Optional[list] = None
    error: Optional[str] = None

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def pages_per_cpu_s(self) -> float:
        return self.pages / self.cpu_s if self.cpu_s else 0.0


def _cpu_s() -> float:
    """CPU seconds of this process and of the children it waited for."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _peak_mb() -> float:
    """Peak resident memory of this process and of the children it waited for (kB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


# ---- in the spawned child ---------------------------------------------------------------

def _warm_up() -> None:
    """Imports every contender may need and runs the pipeline once on the smallest text seed,
    so the base memory is alike for all and timings leave out one-off import and load costs."""
    import camelot  # noqa: F401
    import pdfplumber  # noqa: F401

    from kinerja.pipeline import extract_file, warm_up

    warm_up()
    extract_file(min((REPO / "corpus").glob("*.txt"), key=lambda p: p.stat().st_size))


def _child(job: Job, conn) -> None:
    try:
        _warm_up()
        run = Run(job, base_mb=_peak_mb())
        cpu = _cpu_s()
        if job.what in BARE:
            _bare(job, run)
        else:
            _pipeline(job, run)
        run.cpu_s, run.peak_mb = _cpu_s() - cpu, _peak_mb()
    except Exception as exc:  # noqa: BLE001 - reported as this row's result
        run = Run(job, error=f"{type(exc).__name__}: {exc}")
    conn.send(run)
    conn.close()


def _pipeline(job: Job, run: Run) -> None:
    """parse -> extract -> audit -> write, as pipeline.process_file chains them."""
    from bench.pdf_engines import extract_with
    from kinerja.evaluate.facts import to_facts
    from kinerja.schema import Extraction
    from kinerja.write.extraction import write_extraction

    t = time.perf_counter()
    doc, ex = extract_with(Path(job.path), job.what, job.max_pages, run.stages, job.paged)
    run.pages, run.tables = len(doc.pages), sum(1 for _ in doc.tables())
    run.records = len(ex.indicators) + len(ex.budgets) + len(ex.definitions)
    del doc
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        w = time.perf_counter()
        write_extraction(ex, out)
        run.stages["write"] = time.perf_counter() - w
        run.seconds = time.perf_counter() - t
        if job.facts:
            run.facts = [f.model_dump() for f in to_facts(Extraction.model_validate_json(out.read_text()))]


def _bare(job: Job, run: Run) -> None:
    """The engine alone, as a user would run it on every page: no text, no extraction."""
    import camelot
    import pdfplumber

    t = time.perf_counter()
    if job.what.startswith("camelot"):
        with pdfplumber.open(job.path) as pdf:
            n = min(len(pdf.pages), job.max_pages or len(pdf.pages))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns on every page without a table
            run.tables = len(camelot.read_pdf(job.path, pages=f"1-{n}", flavor="lattice",
                                              suppress_stdout=True))
    else:
        with pdfplumber.open(job.path) as pdf:
            n = min(len(pdf.pages), job.max_pages or len(pdf.pages))
            for page in pdf.pages[:n]:
                run.tables += len(page.extract_tables())
                page.close()
    run.seconds, run.pages = time.perf_counter() - t, n


# ---- in the parent ----------------------------------------------------------------------

def measure(job: Job) -> Run:
    ctx = mp.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(job, send))
    proc.start()
    send.close()
    wait([recv, proc.sentinel])
    try:
        run = recv.recv()
    except EOFError:
        proc.join()
        run = Run(job, error=f"process died (exit code {proc.exitcode})")
    proc.join()
    return run


def _score(runs: list[Run]):
    """Engine -> DocScore over all its gold PDFs, and engine -> {pdf stem: DocScore}. A failed
    run is scored as predicting nothing, as `kinerja evaluate` does, so totals stay comparable."""
    from kinerja.evaluate.gold import doc_stem, load_gold
    from kinerja.evaluate.metrics import score_document, total

    per_doc: dict[str, dict] = {}
    for r in runs:
        stem = doc_stem(Path(r.job.path))
        gold = load_gold(GOLD / f"{stem}.facts.jsonl")
        per_doc.setdefault(r.job.what, {})[stem] = score_document(stem, r.facts or [], gold)
    return {e: total(d.values()) for e, d in per_doc.items()}, per_doc


def _f1(score) -> str:
    if score is None:
        return "-"
    table = score.by_source.get("table")
    overall = "-" if score.overall.f1 is None else f"{score.overall.f1:.3f}"
    tables = "-" if table is None or table.f1 is None else f"{table.f1:.3f}"
    return f"{overall} / {tables}"


def summary_table(engines, speed: dict[str, Run], totals, n_gold: int) -> Table:
    base = speed.get("camelot")
    t = Table(title=f"Whole pipeline (parse -> extract -> audit -> write) by table engine, speed on "
                    f"{Path(next(iter(speed.values())).job.path).name if speed else '-'}; x camelot "
                    f"= pages/s over the camelot contender's; fact F1 all / table-sourced")
    for col in ("contender", "pages", "seconds", "parse/extract/audit/write", "pages/s", "x camelot",
                "CPU s", "x camelot CPU", "tables", "base MB", "peak MB",
                f"F1 on {n_gold} gold PDFs"):
        t.add_column(col, justify="left" if col == "contender" else "right")
    for name in [*engines, *BARE]:
        r = speed.get(name)
        if r is None:
            continue
        if r.error:
            t.add_row(name, *["-"] * 10, f"failed: {r.error}")
            continue
        ok = base and not base.error and base.pages_per_s and base.pages_per_cpu_s
        x = f"{r.pages_per_s / base.pages_per_s:.1f}" if ok else "-"
        x_cpu = f"{r.pages_per_cpu_s / base.pages_per_cpu_s:.1f}" if ok else "-"
        stages = "/".join(f"{r.stages[k]:.1f}" for k in ("parse", "extract", "audit", "write")
                          if k in r.stages) or "-"
        t.add_row(name, str(r.pages), f"{r.seconds:.1f}", stages, f"{r.pages_per_s:.2f}", x,
                  f"{r.cpu_s:.1f}", x_cpu, str(r.tables), f"{r.base_mb:.0f}", f"{r.peak_mb:.0f}",
                  _f1(totals.get(name)))
    return t


def gold_runs_table(runs: list[Run], per_doc) -> Table:
    from kinerja.evaluate.gold import doc_stem

    t = Table(title="Gold PDFs: the same pipelines (stage seconds; fact F1 all / table-sourced)")
    for col in ("contender", "PDF", "pages", "seconds", "pages/s", "parse", "extract", "audit",
                "write", "tables", "peak MB", "F1"):
        t.add_column(col, justify="left" if col in ("contender", "PDF") else "right")
    for r in runs:
        if r.error:
            t.add_row(r.job.what, Path(r.job.path).name, *["-"] * 9, f"failed: {r.error}")
            continue
        s = r.stages
        t.add_row(r.job.what, Path(r.job.path).name, str(r.pages), f"{r.seconds:.1f}",
                  f"{r.pages_per_s:.2f}", f"{s.get('parse', 0):.2f}", f"{s.get('extract', 0):.2f}",
                  f"{s.get('audit', 0):.2f}", f"{s.get('write', 0):.2f}", str(r.tables),
                  f"{r.peak_mb:.0f}",
                  _f1(per_doc.get(r.job.what, {}).get(doc_stem(Path(r.job.path)))))
    return t


def prefix_table(runs: list[Run]) -> Table:
    t = Table(title="kinerja pipeline peak memory by pages read (flat = does not grow with pages); "
                    "paged: blocks stored page by page, as the pipeline runs; whole: the "
                    "Document held decoded")
    for col in ("Document", "pages", "seconds", "pages/s", "tables", "records", "base MB",
                "peak MB", "peak - base MB"):
        t.add_column(col, justify="right")
    for r in sorted(runs, key=lambda r: (not r.job.paged, r.pages)):
        mode = "paged" if r.job.paged else "whole"
        if r.error:
            t.add_row(mode, *["-"] * 7, f"failed: {r.error}")
            continue
        t.add_row(mode, str(r.pages), f"{r.seconds:.2f}", f"{r.pages_per_s:.2f}", str(r.tables),
                  str(r.records), f"{r.base_mb:.0f}", f"{r.peak_mb:.0f}",
                  f"{r.peak_mb - r.base_mb:.0f}")
    return t


def growth(runs: list[Run]) -> list[str]:
    """Peak over base per 100 pages, from the fewest to the most pages read, per Document mode."""
    lines = []
    for paged in (True, False):
        ok = sorted((r for r in runs if r.job.paged == paged and not r.error), key=lambda r: r.pages)
        if len(ok) >= 2 and ok[-1].pages > ok[0].pages:
            a, b = ok[0], ok[-1]
            grown = (b.peak_mb - b.base_mb) - (a.peak_mb - a.base_mb)
            per_100 = grown * 100 / (b.pages - a.pages)
            per_record = grown * 1024 / (b.records - a.records) if b.records > a.records else 0.0
            lines.append(f"memory ({'paged' if paged else 'whole'}): peak over base "
                         f"{a.peak_mb - a.base_mb:.0f} MB at {a.pages} pages, "
                         f"{b.peak_mb - b.base_mb:.0f} MB at {b.pages}: {per_100:+.1f} MB per 100 "
                         f"pages, {per_record:.1f} kB per record extracted")
    return lines


def verdict(speed: dict[str, Run], totals) -> list[str]:
    ours, cam = speed.get("kinerja"), speed.get("camelot")
    if not ours or not cam or ours.error or cam.error or not cam.pages_per_s:
        return ["goal not checked: the kinerja and camelot contenders must both run"]
    x = ours.pages_per_s / cam.pages_per_s
    x_cpu = ours.pages_per_cpu_s / cam.pages_per_cpu_s if cam.pages_per_cpu_s else 0.0
    lines = [f"speed: kinerja {x:.1f}x the pages/s of the camelot contender "
             f"(goal >= {GOAL_SPEEDUP:g}x): {'met' if x >= GOAL_SPEEDUP else 'NOT met'}; "
             f"{x_cpu:.1f}x by CPU time"]
    bare = speed.get(BARE[0])
    if bare and not bare.error and bare.pages_per_s:
        lines.append(f"       kinerja whole pipeline {ours.pages_per_s / bare.pages_per_s:.1f}x "
                     f"the pages/s of bare camelot lattice")
    if "kinerja" in totals and "camelot" in totals:
        a, b = totals["kinerja"].overall.f1 or 0.0, totals["camelot"].overall.f1 or 0.0
        lines.append(f"fact F1 on the gold PDFs: kinerja {a:.3f} vs camelot {b:.3f}: "
                     f"{'equal or better' if a >= b else 'WORSE'}")
    return lines


def repeated(pdf: Path, times: int, dest: Path) -> Path:
    """`pdf` with its pages printed `times` over: a long report of the same genre."""
    import pikepdf

    with pikepdf.open(pdf) as src, pikepdf.new() as out:
        for _ in range(times):
            out.pages.extend(src.pages)
        out.save(dest)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("speed_pdf", nargs="?", type=Path, default=SPEED_PDF,
                    help="the PDF of >= 100 pages timed for pages/s and memory")
    ap.add_argument("--gold-pdf", type=Path, action="append",
                    help="a PDF with NAME.facts.jsonl in the gold folder (repeatable)")
    ap.add_argument("--engines", default=None, help="comma-separated subset of the contenders")
    ap.add_argument("--no-camelot", action="store_true", help="skip the slow camelot contenders")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare-engine rows")
    ap.add_argument("--prefixes", default="10,40,70,110,220",
                    help="page prefixes for the memory rows (and all pages)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="the memory rows read the speed PDF printed this many times over")
    args = ap.parse_args()
    from bench.pdf_engines import ENGINES

    engines = args.engines.split(",") if args.engines else list(ENGINES)
    if args.no_camelot:
        engines = [e for e in engines if "camelot" not in e]
    bare = [] if args.no_bare else [b for b in BARE if not (args.no_camelot and "camelot" in b)]
    gold_pdfs = args.gold_pdf or GOLD_PDFS
    console = Console(width=200)
    started = time.perf_counter()

    speed = {}
    for what in [*engines, *bare]:
        speed[what] = run = measure(Job(what, str(args.speed_pdf)))
        console.print(f"[dim]{what} on {args.speed_pdf.name}: {run.seconds:.1f} s"
                      f"{' ' + run.error if run.error else ''}[/dim]")
    gold_runs = []
    for pdf in gold_pdfs:
        for what in engines:
            gold_runs.append(run := measure(Job(what, str(pdf), facts=True)))
            console.print(f"[dim]{what} on {pdf.name}: {run.seconds:.1f} s"
                          f"{' ' + run.error if run.error else ''}[/dim]")
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = repeated(args.speed_pdf, args.repeat, Path(tmp) / "long.pdf")
        prefixes = [measure(Job("kinerja", str(long_pdf), n, paged=paged))
                    for paged in (True, False)
                    for n in [*(int(n) for n in args.prefixes.split(",") if n), None]]

    totals, per_doc = _score(gold_runs)
    console.print(summary_table(engines, speed, totals, len(gold_pdfs)))
    console.print(gold_runs_table(gold_runs, per_doc))
    console.print(prefix_table(prefixes))
    for line in [*verdict(speed, totals), *growth(prefixes)]:
        console.print(line)
    console.print(f"benchmark wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
