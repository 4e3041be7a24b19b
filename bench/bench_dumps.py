"""Fact F1 of the shared gold PDFs read three ways, side by side in one run: the PDF itself, its
`pdftotext -layout` dump and its plain `pdftotext` dump.

    python -m bench.bench_dumps [--inputs pdf,layout,plain] [--keep DIR]

Text dumps are how many reports reach a harvester (and how unseen documents are measured); the
gold says what each document holds, whatever its form. Only PDFs with a text layer are read (a
scan's dump is empty). Prints, per document and input, precision, recall, F1 and seconds, then
each input over all documents.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.paths import GOLD, PDFS
from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import DocScore, score_document, total
from kinerja.pipeline import extract_file

INPUTS = ("pdf", "layout", "plain")
_PDFTOTEXT = {"layout": ["-layout"], "plain": []}


def gold_pdfs() -> list[Path]:
    """Shared PDFs with a gold file and a text layer (scans, named _SCAN, have none)."""
    return [p for p in sorted(PDFS.glob("*.pdf"))
            if (GOLD / f"{p.stem}.facts.jsonl").is_file() and not p.stem.endswith("_SCAN")]


def dump(pdf: Path, kind: str, out: Path) -> Path:
    """The pdf as `kind` input, named as its gold file (the scorer pairs them by name)."""
    if kind == "pdf":
        return pdf
    target = out / kind / f"{pdf.stem}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftotext", *_PDFTOTEXT[kind], str(pdf), str(target)], check=True)
    return target


def score(path: Path, name: str) -> tuple[DocScore, float]:
    start = time.perf_counter()
    extraction = extract_file(path)
    seconds = time.perf_counter() - start
    pred = [f.model_dump() for f in to_facts(extraction)]
    return score_document(name, pred, load_gold(GOLD / f"{name}.facts.jsonl")), seconds


def _f(x) -> str:
    return f"{x:.3f}" if x is not None else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--keep", type=Path, help="write the dumps here (default: a temporary folder)")
    args = parser.parse_args(argv)
    inputs = [k for k in args.inputs.split(",") if k]
    unknown = [k for k in inputs if k not in INPUTS]
    if unknown:
        parser.error(f"unknown input(s): {', '.join(unknown)}; choose from {', '.join(INPUTS)}")
    if any(k != "pdf" for k in inputs) and shutil.which("pdftotext") is None:
        parser.error("pdftotext (poppler-utils) is needed for text dumps")
    pdfs = gold_pdfs()
    if not pdfs:
        print(f"no gold PDFs with a text layer under {PDFS}", file=sys.stderr)
        return 1
    out = args.keep or Path(tempfile.mkdtemp(prefix="kinerja-dumps-"))
    by_input: dict[str, list[DocScore]] = {k: [] for k in inputs}
    print(f"{'document':40} {'input':7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'s':>6}")
    for pdf in pdfs:
        for kind in inputs:
            doc, seconds = score(dump(pdf, kind, out), pdf.stem)
            by_input[kind].append(doc)
            o = doc.overall
            print(f"{pdf.stem[:40]:40} {kind:7} {o.gold:5} {o.predicted:5} {_f(o.precision):>6} "
                  f"{_f(o.recall):>6} {_f(o.f1):>6} {seconds:6.1f}")
    print()
    for kind, docs in by_input.items():
        o = total(docs).overall
        print(f"{'ALL':40} {kind:7} {o.gold:5} {o.predicted:5} {_f(o.precision):>6} {_f(o.recall):>6} {_f(o.f1):>6}")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
