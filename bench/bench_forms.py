"""Benchmark: generated SAKIP forms (tests/forms) through the whole pipeline, scored against the
facts each was generated with; prints fact F1 per form, per variant and per input.

Each job generates one document (form, variant, seed), runs each of its inputs through
kinerja.pipeline.extract_file (the PDF; its Markdown export, with tab-separated, HTML and
pipe tables repeating spanned text; and, where the PDF has a text layer, its `pdftotext -layout` and plain `pdftotext`
dumps; a scan's Markdown exports are left out, being the ruled print's), flattens the Extraction to facts (evaluate.facts.to_facts) and
scores them with the GOLD.md scorer (evaluate.metrics.score_document). P, R and F1 are over all
facts of a group (micro); "table F1" over the facts whose source is a table. Seconds are
extraction seconds per input (generation apart). Two worker processes. It asserts nothing: a
low figure is what the benchmark is for. With --examples K it prints, per form, K facts the
pipeline missed and K it made up.

Usage: python -m bench.bench_forms [--n N] [--forms pk,iku,...] [--variants ruled,scan,...]
           [--inputs pdf,markdown,html,pipes,layout,plain] [--seed S] [--out DIR] [--workers 2]
           [--timeout S] [--examples K]
Default --n: enough seeds per form x variant for 2000 documents (13 x 160 pairs). A scanned
document costs seconds of OCR per page: --variants without scan for a quick run.
"""

import argparse
import math
import multiprocessing as mp
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tests.forms import FORMS, VARIANTS, generate, sample

INPUTS = ("pdf", "markdown", "html", "pipes", "layout", "plain")
TARGET_DOCS = 2000


@dataclass
class Result:
    form: str
    variant: str
    seed: int
    input: str
    score: object  # evaluate.metrics.DocScore (its missed / spurious cut to a few)
    seconds: float
    error: Optional[str] = None


@dataclass
class Job:
    form: str
    variant: str
    seed: int
    out: str
    inputs: tuple[str, ...]
    timeout: float
    examples: int = 0


# ---- in a worker ------------------------------------------------------------------------------------

def _warm_up() -> None:
    from kinerja.pipeline import warm_up
    warm_up()


def _run(job: Job) -> list[Result]:
    from kinerja.evaluate.facts import to_facts
    from kinerja.evaluate.metrics import score_document
    from kinerja.pipeline import extract_file, parse_options

    g = generate(job.form, job.variant, job.seed, Path(job.out))
    results = []
    for name in job.inputs:
        path = g.inputs.get(name)
        if path is None or (name in ("markdown", "html", "pipes") and job.variant == "scan"):
            continue
        start, error, pred = time.perf_counter(), None, []
        try:
            ex = extract_file(path, options=parse_options(job.timeout))
            pred = [f.model_dump() for f in to_facts(ex)]
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"[:200]
        score = score_document(g.name, pred, g.facts)
        score.missed, score.spurious = score.missed[:job.examples], score.spurious[:job.examples]
        seconds = time.perf_counter() - start
        results.append(Result(job.form, job.variant, job.seed, name, score, seconds, error))
    return results


# ---- in the parent ----------------------------------------------------------------------------------

@dataclass
class Group:
    docs: int = 0
    errors: int = 0
    seconds: float = 0.0
    scores: list = field(default_factory=list)


def _row(label: str, g: Group) -> str:
    from kinerja.evaluate.metrics import total

    t = total(g.scores)
    table = t.by_source.get("table")
    cells = [t.overall.precision, t.overall.recall, t.overall.f1, table.f1 if table else None]
    figures = " ".join(f"{x:6.3f}" if x is not None else "     -" for x in cells)
    return (f"{label:22s} {g.docs:6d} {t.overall.gold:7d} {t.overall.predicted:7d} {figures} "
            f"{g.seconds / max(1, g.docs):7.2f} {g.errors:5d}")


def _table(title: str, groups: dict[str, Group]) -> None:
    print(f"\n{title:22s} {'inputs':>6s} {'gold':>7s} {'pred':>7s} {'P':>6s} {'R':>6s} {'F1':>6s} "
          f"{'tblF1':>6s} {'s/doc':>7s} {'fail':>5s}")
    for label, g in groups.items():
        print(_row(label, g))


def _matrix(results: list[Result], inputs: tuple[str, ...]) -> None:
    from kinerja.evaluate.metrics import total

    cells: dict = defaultdict(list)
    for r in results:
        cells[(r.form, r.input)].append(r.score)
    print(f"\n{'F1 form x input':22s} " + " ".join(f"{i:>9s}" for i in inputs))
    for form in dict.fromkeys(r.form for r in results):
        row = []
        for i in inputs:
            f1 = total(cells[(form, i)]).overall.f1 if cells.get((form, i)) else None
            row.append(f"{f1:9.3f}" if f1 is not None else f"{'-':>9s}")
        print(f"{form:22s} " + " ".join(row))


def report(results: list[Result], inputs: tuple[str, ...], examples: int) -> None:
    by: dict[str, dict[str, Group]] = {"form": {}, "variant": {}, "input": {}}
    everything = Group()
    for r in results:
        for key, label in (("form", r.form), ("variant", r.variant), ("input", r.input)):
            _add(by[key].setdefault(label, Group()), r)
        _add(everything, r)
    _table("per form", by["form"])
    _table("per variant", by["variant"])
    _table("per input", by["input"])
    _matrix(results, inputs)
    print()
    print(_row("ALL", everything))
    if examples:
        _examples(results, examples)


def _add(g: Group, r: Result) -> None:
    g.docs += 1
    g.errors += r.error is not None
    g.seconds += r.seconds
    g.scores.append(r.score)


def _examples(results: list[Result], k: int) -> None:
    print(f"\nexamples ({k} missed and {k} made up per form, from its first documents)")
    for form in dict.fromkeys(r.form for r in results):
        mine = [r for r in results if r.form == form]
        missed = [(r, f) for r in mine for f in r.score.missed][:k]
        spurious = [(r, f) for r in mine for f in r.score.spurious][:k]
        errors = [r for r in mine if r.error][:1]
        for tag, pairs in (("missed", missed), ("made up", spurious)):
            for r, f in pairs:
                print(f"  {form:18s} {tag:8s} {r.variant}/{r.input}#{r.seed}: {_brief(f)}")
        for r in errors:
            print(f"  {form:18s} {'failed':8s} {r.variant}/{r.input}#{r.seed}: {r.error}")


def _brief(f: dict) -> str:
    name = f.get("indicator") or f.get("item") or f.get("field")
    what = f.get("measure") or f["kind"]
    extra = f" unit={f.get('unit')!r}" if f["kind"] == "indicator" else ""
    if f["kind"] == "definition":
        return f"definition {name!r} unit={f.get('unit')!r} formula={f.get('formula')!r}"
    return f"{what} {name!r} {f.get('year')} {f.get('period', 'annual')} = {f['value']!r}{extra}"


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=None, help="seeds per form x variant (default: 2000 documents)")
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--inputs", default=",".join(INPUTS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="keep the generated files here")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=300.0, help="per-file parse time limit, seconds")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args(argv)
    forms, variants = args.forms.split(","), args.variants.split(",")
    inputs = tuple(i for i in args.inputs.split(",") if i)
    unknown = (set(forms) - set(FORMS)) | (set(variants) - set(VARIANTS)) | (set(inputs) - set(INPUTS))
    if unknown:
        sys.exit(f"unknown: {', '.join(sorted(unknown))}")
    pairs = len(list(sample(1, forms=forms, variants=variants)))
    n = args.n or math.ceil(TARGET_DOCS / max(1, pairs))
    with tempfile.TemporaryDirectory() as tmp:
        out = str(args.out or tmp)
        jobs = [Job(f, v, s, out, inputs, args.timeout, args.examples)
                for f, v, s in sample(n, args.seed, forms, variants)]
        print(f"{len(jobs)} documents ({pairs} form x variant pairs x {n} seeds), "
              f"inputs {', '.join(inputs)}, {args.workers} workers", flush=True)
        start = time.perf_counter()
        results: list[Result] = []
        spawn = mp.get_context("spawn")  # fresh workers: no state shared with this process
        with ProcessPoolExecutor(args.workers, mp_context=spawn, initializer=_warm_up) as pool:
            for done, batch in enumerate(pool.map(_run, jobs, chunksize=4), 1):
                results += batch
                if done % 100 == 0:
                    print(f"  {done}/{len(jobs)} documents, {time.perf_counter() - start:.0f} s",
                          file=sys.stderr, flush=True)
    report(results, inputs, args.examples)
    print(f"\n{len(jobs)} documents, {len(results)} inputs in {time.perf_counter() - start:.0f} s wall")


if __name__ == "__main__":
    main()
