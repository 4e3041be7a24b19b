"""Extraction from a PagedDocument against the same Document in memory: time and memory; prints figures.

Run: python -m bench.bench_paged_extract [PDF] [--repeats N] [--decoded-pages K]
Default PDF: ../shared/corpus/pdf/lkip_2016_dinkes_jabar.pdf (110 pages). The PDF is parsed once;
the plain Document and a PagedDocument built from it (PagedDocument.from_document) are then each
extracted N times (the paged one after the plain Document is freed, as in a paged pipeline). Printed
per form: the memory the document itself holds (tracemalloc of building it), best and median wall
time of extract_document, CPU time, and extraction's tracemalloc peak (measured in a run of its own:
tracing slows Python several-fold); then the time ratio and whether both give the same Extraction.
"""

import argparse
import gc
import statistics
import time
import tracemalloc
from pathlib import Path

from bench.paths import REPO
from kinerja.extract import extract_document, prose
from kinerja.schema import Document, PagedDocument
from kinerja.schema.paged import DECODED_PAGES
from tests.parsing import parse

DEFAULT_PDF = REPO.parent / "shared" / "corpus" / "pdf" / "lkip_2016_dinkes_jabar.pdf"


def _traced(build):
    """(result, MB allocated and still held, MB peak) of build()."""
    tracemalloc.start()
    try:
        out = build()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out, held / 1e6, peak / 1e6


def _times(doc, repeats: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        extract_document(doc)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return wall, cpu


def _row(name: str, doc, held: float, repeats: int) -> float:
    wall, cpu = _times(doc, repeats)
    _, _, peak = _traced(lambda: extract_document(doc))
    print(f"{name:15s} {held:7.1f} {min(wall):7.3f} {statistics.median(wall):8.3f} "
          f"{min(cpu):7.3f} {peak:8.1f}")
    return min(wall)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--decoded-pages", type=int, default=DECODED_PAGES)
    args = ap.parse_args()

    prose._nlp()  # spaCy's class is built once per process: not extraction's cost
    json = parse(args.pdf).model_dump_json()
    plain, plain_held, _ = _traced(lambda: Document.model_validate_json(json))
    paged, paged_held, _ = _traced(lambda: PagedDocument.from_document(plain, args.decoded_pages))
    print(f"{args.pdf.name}: {len(plain.pages)} pages, {len(plain.blocks)} blocks, "
          f"JSON {len(json) / 1e6:.2f} MB; PagedDocument keeps {args.decoded_pages} pages decoded, "
          f"stores {paged.blocks.stored_bytes() / 1e6:.2f} MB compressed")
    print(f"{'form':15s} {'doc MB':>7s} {'best s':>7s} {'median s':>8s} {'cpu s':>7s} {'peak MB':>8s}")
    plain_s = _row("Document", plain, plain_held, args.repeats)
    expected = extract_document(plain).model_dump()
    del plain  # the paged run holds only the paged store, as a paged pipeline does
    gc.collect()
    paged_s = _row("PagedDocument", paged, paged_held, args.repeats)
    print(f"paged / plain (best wall): {paged_s / plain_s:.2f}; "
          f"same Extraction: {extract_document(paged).model_dump() == expected}")


if __name__ == "__main__":
    main()
