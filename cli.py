"""The `kinerja` command: extract, facts, evaluate, schema, parse."""

import json
import logging
import math
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kinerja.batch.limits import DEFAULT_MEMORY_GB
from kinerja.parsers.errors import InputError

err = Console(stderr=True)
REPO_ROOT = Path(__file__).resolve().parent
DEFAULT_CORPUS = REPO_ROOT / "corpus"


@click.group()
@click.version_option(package_name="kinerja")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """SAKIP performance-accountability documents into validated, comparable data."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _seconds(ctx, param, value: float) -> float:
    # nan passes every comparison and inf never ends: neither is a time limit
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"a time limit is a positive number of seconds, not {value:g}")
    return value


def _gigabytes(ctx, param, value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"a memory limit is a positive number of GB, not {value:g}")
    return value


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("outputs"), type=click.Path(path_type=Path),
              show_default=True, help="Folder for one JSON per input and run-manifest.json.")
@click.option("--workers", "-j", default=1, show_default=True, help="Files processed at once.")
@click.option("--timeout", "timeout_s", default=900.0, show_default=True, callback=_seconds,
              help="Per-file time limit in seconds.")
@click.option("--memory-limit", "memory_gb", default=DEFAULT_MEMORY_GB, show_default=True,
              callback=_gigabytes, help="Per-file memory limit in GB (the worker and its programs).")
@click.option("--force", is_flag=True, help="Re-run files whose output is up to date.")
@click.option("--dask", default=None, metavar="ADDRESS|local",
              help="Run on a Dask cluster (scheduler address, or 'local' to start one here).")
def extract(paths, out_dir, workers, timeout_s, memory_gb, force, dask) -> None:
    """Extract SAKIP records from PDFs and text dumps (files or folders) into OUT."""
    from kinerja.batch.inputs import search
    from kinerja.batch.manifest import MANIFEST
    from kinerja.batch.outdir import OutDirError
    from kinerja.pipeline import RunOptions, run

    options = RunOptions(out_dir=out_dir, workers=workers, timeout_s=timeout_s, memory_gb=memory_gb,
                         force=force, dask=dask)
    found = search(paths)
    n = len(found.files) + len(found.passed)
    failures, results = [], []
    started = time.perf_counter()

    def report(result) -> None:
        results.append(result)
        if result.status == "failed":
            failures.append(result)
            err.print(f"[red]error[/red] {result.reason}", highlight=False, soft_wrap=True)
        elif result.status == "skipped" and result.output is None:  # passed over, never read
            err.print(f"[yellow]skipped[/yellow] {result.reason}", highlight=False, soft_wrap=True)
        if progress:
            progress.advance(task)

    progress = _progress() if n > 1 else None
    try:
        if progress:
            with progress:
                task = progress.add_task("extracting", total=n)
                manifest = run(paths, options, on_result=report)
        else:
            manifest = run(paths, options, on_result=report)
    except OutDirError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    _health_summary(results, time.perf_counter() - started)
    counts = {s: sum(r.status == s for r in manifest.files) for s in ("ok", "degraded", "skipped", "failed")}
    err.print(f"{n} file(s): " + ", ".join(f"{v} {k}" for k, v in counts.items() if v)
              + f"; manifest {out_dir / MANIFEST}", highlight=False)
    sys.exit(1 if failures else 0)


SUMMARY_COLUMNS = ("file", "status", "records", "flagged", "dropped", "findings", "s",
                   "tables read/skipped")
NUMERIC_COLUMNS = {"records", "flagged", "dropped", "findings", "s"}


def _health_summary(results: list, seconds: float) -> None:
    """One line per document of this run (a file skipped as up to date shows the health stored
    in the manifest), then the totals. 'flagged': values kept below confidence 0.7."""
    if not results:
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name in SUMMARY_COLUMNS:
        table.add_column(name, justify="right" if name in NUMERIC_COLUMNS else "left", no_wrap=True,
                         overflow="ellipsis")
    for r in results:
        table.add_row(Path(r.file).name, r.status, *_health_cells(r.health), f"{r.duration_s:.1f}",
                      _tables_cell(r.health))
    # a pipe or a file gets the whole line: the table is meant to be read one line a document
    console = err if err.is_terminal else Console(stderr=True, width=200)
    console.print(table, highlight=False)
    console.print(_totals(results, seconds), highlight=False)


def _health_cells(h) -> list[str]:
    if h is None:
        return ["-"] * 4
    return [str(h.records), str(h.doubtful), str(sum(h.dropped.values())), str(h.findings)]


def _tables_cell(h) -> str:
    if h is None:
        return "-"
    skipped = sum(h.tables_skipped.values())
    why = ", ".join(f"{n} {reason}" for reason, n in h.tables_skipped.items())
    return f"{h.tables_read}/{skipped}" + (f" ({why})" if why else "")


def _totals(results: list, seconds: float) -> str:
    hs = [r.health for r in results if r.health is not None]
    dropped = sum(sum(h.dropped.values()) for h in hs)
    skipped = sum(sum(h.tables_skipped.values()) for h in hs)
    return (f"total: {sum(h.records for h in hs)} records, {sum(h.doubtful for h in hs)} flagged, "
            f"{dropped} dropped, {sum(h.findings for h in hs)} findings, tables "
            f"{sum(h.tables_read for h in hs)} read / {skipped} skipped; {seconds:.1f} s")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def facts(paths) -> None:
    """Print the GOLD.md facts of inputs (documents, or extraction JSON) as JSON lines."""
    from kinerja.evaluate.facts import to_facts

    failed = False
    for path in _inputs(paths):
        try:
            ex = _load_or_extract(path)
        except Exception as exc:  # noqa: BLE001 - report the file, go on with the others
            _print_error(path, exc)
            failed = True
            continue
        for fact in to_facts(ex):
            click.echo(fact.model_dump_json())
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of NAME.facts.jsonl gold files.")
@click.option("--findings", "findings_dir", is_flag=False, flag_value="corpus", default=None, metavar="[DIR]",
              type=click.UNPROCESSED,
              help="Score audit findings instead, against a reference set read by hand "
                   "(corpus/findings, or DIR of NAME.findings.jsonl): recall and precision per document.")
@click.option("--names", "names", is_flag=False, flag_value="labels", default=None, metavar="[FILE]",
              help="Score name matching instead: the labelled sets of corpus/labels, or FILE "
                   "(lines {raw, id}; an agency set when its name says agency).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON instead of a table.")
@click.option("--details", is_flag=True, help="With --json: list missed and spurious facts (or names).")
def evaluate(gold_dir, findings_dir, names, paths, as_json, details) -> None:
    """Score extracted facts against gold, per document, kind and source; or, with --names, the
    catalogue matching of names against a labelled set (precision and recall).

    PATHS are documents or extraction JSON files (or folders of them); the bundled corpus when
    none are given. Each is paired with the gold file of the same name."""
    if names:
        _evaluate_names(names, as_json, details)
        return
    if findings_dir:
        _evaluate_findings(FINDINGS if findings_dir == "corpus" else Path(findings_dir), paths, as_json, details)
        return
    if gold_dir is None:
        raise click.UsageError("give --gold DIR (facts) or --names (name matching)")
    from kinerja.evaluate.facts import to_facts
    from kinerja.evaluate.gold import doc_stem, gold_files, load_gold
    from kinerja.evaluate.metrics import score_document, total
    from kinerja.evaluate.report import doc_json, print_scores

    golds = gold_files(gold_dir)
    docs, seen = [], set()
    for path in (_inputs(paths) if paths else _bundled()):
        stem = doc_stem(path)
        if stem not in golds or stem in seen:
            continue
        seen.add(stem)
        try:
            predicted = [f.model_dump() for f in to_facts(_load_or_extract(path))]
        except Exception as exc:  # noqa: BLE001 - scored as predicting nothing, and said so
            _print_error(path, exc)
            predicted = []
        docs.append(score_document(stem, predicted, load_gold(golds[stem])))
    overall = total(docs)
    skipped = [s for s in golds if s not in seen]
    if as_json:
        click.echo(json.dumps({"documents": [doc_json(d, details) for d in docs],
                               "total": doc_json(overall), "not_scored": skipped}, indent=1))
    else:
        print_scores(docs, overall, skipped, Console(width=200))


LABELS = DEFAULT_CORPUS / "labels"
FINDINGS = DEFAULT_CORPUS / "findings"


def _evaluate_findings(folder: Path, paths, as_json: bool, details: bool) -> None:
    from kinerja.evaluate.findings import DocScore, load_reference, reference_files, score_document
    from kinerja.evaluate.gold import doc_stem

    refs = reference_files(folder)
    scores, seen = [], set()
    for path in (_inputs(paths) if paths else _bundled()):
        stem = doc_stem(path)
        if stem not in refs or stem in seen or path.name == "run-manifest.json":
            continue
        seen.add(stem)
        try:
            findings = _load_or_extract(path).findings
        except Exception as exc:  # noqa: BLE001 - scored as raising nothing, and said so
            _print_error(path, exc)
            findings = []
        scores.append(score_document(stem, load_reference(refs[stem]), findings))
    total = DocScore("ALL", reference=sum(s.reference for s in scores), found=sum(s.found for s in scores),
                     raised=sum(s.raised for s in scores), right=sum(s.right for s in scores))
    if as_json:
        docs = [{"document": s.document, "reference": s.reference, "found": s.found, "raised": s.raised,
                 "right": s.right, "recall": round(s.recall, 4), "precision": round(s.precision, 4),
                 **({"missed": s.missed, "unpaired": s.unpaired} if details else {})} for s in scores]
        totals = {k: getattr(total, k) for k in ("reference", "found", "raised", "right")}
        click.echo(json.dumps({"documents": docs, "total": totals,
                               "not_scored": sorted(set(refs) - seen)}, indent=1, ensure_ascii=False))
        return
    for s in scores:
        click.echo(f"{s.document:<58} reference {s.reference:>3}  found {s.found:>3}  raised {s.raised:>3}  "
                   f"right {s.right:>3}  recall {s.recall:.3f}  precision {s.precision:.3f}")
        for line in (s.missed + s.unpaired) if details else []:
            click.echo(f"    {line}")
    click.echo(f"{'ALL':<58} reference {total.reference:>3}  found {total.found:>3}  raised "
               f"{total.raised:>3}  right {total.right:>3}  recall {total.recall:.3f}  precision {total.precision:.3f}")
    if set(refs) - seen:
        click.echo(f"not scored (no input given): {', '.join(sorted(set(refs) - seen))}")


def _evaluate_names(names: str, as_json: bool, details: bool) -> None:
    from kinerja.evaluate.names import load_pairs, score_pairs

    files = sorted(LABELS.glob("*.jsonl")) if names == "labels" else [Path(names)]
    scores = []
    for path in files:
        try:
            pairs = load_pairs(path)
        except (OSError, ValueError) as exc:
            err.print(f"[red]error[/red] {path}: {exc}", highlight=False, soft_wrap=True)
            sys.exit(1)
        scores.append(score_pairs(pairs, "agency" if "agenc" in path.name else "indicator"))
    if as_json:
        out = [s.as_json() for s in scores]
        if not details:
            for s in out:
                s.pop("misses")
        click.echo(json.dumps(out, indent=1, ensure_ascii=False))
        return
    for s in scores:
        click.echo(f"{s.kind:<10} pairs {s.pairs:>4}  labelled {s.labelled:>4}  matched {s.predicted:>4}  "
                   f"correct {s.correct:>4}  precision {s.precision:.3f}  recall {s.recall:.3f}")
        for m in s.misses if details else []:
            click.echo(f"  {m.raw!r}: expected {m.expected}, got {m.got} ({m.reason})")


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for the JSON Schema files.")
def schema(out_dir) -> None:
    """Write the JSON Schemas of the Document, Extraction, fact and run manifest."""
    from kinerja.schema.export import write_schemas

    for path in write_schemas(out_dir):
        click.echo(str(path))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for documents/indicators/budgets/definitions.parquet and kinerja.duckdb.")
def dataset(paths, to_dir) -> None:
    """Build tidy Parquet tables and a DuckDB file from extraction JSON files (or folders)."""
    from kinerja.batch.outdir import OutDirError, prepare, why
    from kinerja.write.dataset import write_dataset

    files = [p for p in _inputs(paths) if p.suffix == ".json"]
    if not files:
        err.print("[red]error[/red] no extraction JSON files among the given paths", highlight=False)
        sys.exit(1)
    bad: list[Path] = []
    try:
        prepare(to_dir)
        written = write_dataset(_readable_extractions(files, bad), to_dir)
    except (OutDirError, OSError) as exc:
        msg = exc if isinstance(exc, OutDirError) else f"{to_dir}: cannot be written ({why(exc)})"
        err.print(f"[red]error[/red] {msg}", highlight=False, soft_wrap=True)
        sys.exit(1)
    for name, path in written.items():
        click.echo(f"{name}: {path}")
    if bad:
        err.print(f"{len(bad)} of {len(files)} file(s) skipped as unreadable", highlight=False)
    sys.exit(1 if bad else 0)


def _readable_extractions(files: list[Path], bad: list[Path]):
    """Each file's Extraction, one at a time; a file that is none (truncated, another program's
    JSON, unreadable) is named with the reason, added to `bad` and skipped."""
    from pydantic import ValidationError

    from kinerja.batch.outdir import why
    from kinerja.schema import Extraction

    for path in files:
        reason = None
        try:
            ex = Extraction.model_validate_json(path.read_bytes())
        except OSError as exc:
            reason = f"cannot be read ({why(exc)})"
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"]))
            reason = f"not an extraction JSON ({where + ': ' if where else ''}{first['msg']})"
        if reason:
            err.print(f"[red]error[/red] {path}: {reason}; skipped", highlight=False, soft_wrap=True)
            bad.append(path)
        else:
            yield ex


@main.command(name="compare")
@click.argument("dataset_dir", type=click.Path(path_type=Path))
@click.option("--indicator", required=True, metavar="ID", help="A catalogue id, e.g. indeks-spbe.")
@click.option("--measure", default="realisasi", show_default=True,
              type=click.Choice(["baseline", "target", "realisasi", "capaian"]))
@click.option("--year", type=int, default=None, help="Only this year.")
@click.option("--region", default=None, metavar="CODE", help="A Kemendagri code: the region, or a province and its regions.")
@click.option("--out", "out_dir", default=None, type=click.Path(path_type=Path),
              help="Folder for the chart (PNG) and page (HTML); the dataset folder by default.")
def compare_cmd(dataset_dir, indicator, measure, year, region, out_dir) -> None:
    """One catalogued indicator across agencies and years: a table, a chart and an HTML page."""
    from kinerja.write.comparison import ComparisonError, compare, write_chart

    try:
        c = compare(dataset_dir / "kinerja.duckdb", indicator, measure, year, region)
    except ComparisonError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    out_dir = out_dir or dataset_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    png, page = out_dir / f"compare-{indicator}.png", out_dir / f"compare-{indicator}.html"
    write_chart(c, png, page)
    click.echo(f"{c.name} ({c.indicator}), {measure}")
    click.echo(c.wide().to_string(index=False, na_rep="-"))
    click.echo(f"chart: {png}\npage: {page}")


@main.command(name="report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--html", "out", required=True, type=click.Path(path_type=Path),
              help="The report (one JSON file given and a name ending .html), or a folder of "
                   "reports with index.html (a run's folder, or several files).")
def report_cmd(paths, out) -> None:
    """Audit findings to read: each with its figures, confidence and the page crop of its cells."""
    from kinerja.write.report import write_index, write_report

    files = [p for p in _inputs(paths) if p.suffix == ".json" and p.name != "run-manifest.json"]
    if not files:
        err.print("[red]error[/red] no extraction JSON files among the given paths", highlight=False)
        sys.exit(1)
    bad: list[Path] = []
    single = len(files) == 1 and out.suffix.lower() == ".html"
    try:
        (out.parent if single else out).mkdir(parents=True, exist_ok=True)
        if single:
            for ex in _readable_extractions(files, bad):
                click.echo(f"report: {write_report(ex, out)}")
        else:
            reports = [(ex, write_report(ex, out / f"{path.stem}.html"))
                       for path, ex in _readable_pairs(files, bad)]
            click.echo(f"index: {write_index(reports, out / 'index.html')} ({len(reports)} reports)")
    except OSError as exc:
        from kinerja.batch.outdir import why

        err.print(f"[red]error[/red] {out}: cannot be written ({why(exc)})", highlight=False, soft_wrap=True)
        sys.exit(1)
    sys.exit(1 if bad else 0)


def _readable_pairs(files: list[Path], bad: list[Path]):
    """(path, Extraction) of each readable file; the others named and added to `bad`."""
    for path in files:
        for ex in _readable_extractions([path], bad):
            yield path, ex


@main.command(name="show")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--page", "number", required=True, type=click.IntRange(min=1), help="The page (1-based).")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="The picture (PNG).")
def show_cmd(path, number, out) -> None:
    """Draw on a PDF page what the parser saw: rulings, words, tables, cells and header rows."""
    from kinerja.parsers.pdf.inspect import inspect_page, render_page
    from kinerja.pipeline import parse_options
    from kinerja.write.show import SCALE, write_picture

    try:
        view = inspect_page(path, number, parse_options().pdf)
        counts = write_picture(view, render_page(path, number, SCALE), out)
    except InputError as exc:
        _print_error(path, exc)
        sys.exit(1)
    except OSError as exc:
        from kinerja.batch.outdir import why

        err.print(f"[red]error[/red] {out}: cannot be written ({why(exc)})", highlight=False, soft_wrap=True)
        sys.exit(1)
    click.echo(f"page {number} ({view.kind}): {counts.rulings} rulings, {counts.words} words, "
               f"{counts.tables} tables, {counts.cells} cells, {counts.header_cells} header cells")
    for i, t in enumerate(view.tables):
        click.echo(f"  table {i}: {t.method}, quality {t.quality:.2f}, {len(t.cells)} cells, "
                   f"{len(t.header)} in header rows")
    for w in view.warnings:
        click.echo(f"  warning: {w}")
    click.echo(f"picture: {out}")


@main.command(name="parse")
@click.argument("path", type=click.Path(path_type=Path))
def parse_cmd(path) -> None:
    """Print the Document a parser makes of PATH (JSON), to see what extraction sees."""
    from kinerja.parsers import parse
    from kinerja.pipeline import parse_options

    try:
        doc = parse(path, parse_options())
    except InputError as exc:
        _print_error(path, exc)
        sys.exit(1)
    click.echo(doc.model_dump_json(indent=1, exclude_none=True))


def _print_error(path: Path, exc: Exception) -> None:
    stage = getattr(exc, "stage", None)  # pipeline.StageFailed: the stage and the error it raised
    exc = getattr(exc, "error", exc)
    msg = str(exc) if isinstance(exc, InputError) else \
        f"{path}: {stage + ': ' if stage else ''}{type(exc).__name__}: {exc}"
    err.print(f"[red]error[/red] {msg}", highlight=False, soft_wrap=True)


def _bundled() -> list[Path]:
    """The documents of the bundled corpus: those right in corpus/ (its folders hold yardsticks,
    ground truth, labels, findings and table grids read by hand, not documents)."""
    from kinerja.batch.inputs import discover

    top = DEFAULT_CORPUS.resolve()
    return [p for p in discover([DEFAULT_CORPUS]) if p.resolve().parent == top]


def _inputs(paths) -> list[Path]:
    from kinerja.batch.inputs import discover
    from kinerja.batch.manifest import MANIFEST

    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += discover([p]) + sorted(q for q in p.rglob("*.json") if q.name != MANIFEST)
        elif p.name != MANIFEST:  # 'OUT/*.json' names the run's manifest too: no extraction
            out.append(p)
    return out


def _load_or_extract(path: Path):
    """An extraction JSON is loaded; any other input is parsed and extracted now."""
    from kinerja.pipeline import extract_file
    from kinerja.schema import Extraction

    if path.suffix == ".json":
        return Extraction.model_validate_json(path.read_text(encoding="utf-8"))
    return extract_file(path)


if __name__ == "__main__":
    main()
