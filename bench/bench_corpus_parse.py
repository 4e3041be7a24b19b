"""Every real PDF parsed whole, scanned pages through OCR: seconds, pages per second, the share of
scanned pages OCR read words on, and what the parser warned of. Prints figures; asserts nothing
(the suite reads a few pages of each: tests/parsers/test_pdf_real.py).

    python -m bench.bench_corpus_parse [--wild] [--timeout S]
"""

import argparse
import time

from bench.paths import PDFS, WILD
from kinerja.parsers import parse
from kinerja.parsers.pdf import PdfOptions


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wild", action="store_true", help="the wild PDFs too")
    ap.add_argument("--timeout", type=float, default=1200.0, help="per-file parser time limit (s)")
    args = ap.parse_args()
    files = sorted(PDFS.glob("*.pdf")) + (sorted(WILD.glob("*.pdf")) if args.wild else [])
    print(f"{'file':60s} {'pages':>5s} {'scanned':>7s} {'read':>5s} {'s':>7s} {'pages/s':>7s}  warnings")
    total_s = total_pages = 0
    for path in files:
        t = time.perf_counter()
        doc = parse(path, PdfOptions(timeout_s=args.timeout))
        s = time.perf_counter() - t
        scanned = [p for p in doc.pages if p.kind == "scanned"]
        read = sum(p.ocr_confidence is not None for p in scanned)
        total_s, total_pages = total_s + s, total_pages + len(doc.pages)
        warn = "; ".join(w[:60] for w in doc.warnings if "time limit" in w or "OCR" in w)
        print(f"{path.name[:60]:60s} {len(doc.pages):5d} {len(scanned):7d} {read:5d} {s:7.1f} "
              f"{len(doc.pages) / s:7.1f}  {warn}")
    print(f"{'all':60s} {total_pages:5d} {'':7s} {'':5s} {total_s:7.1f} {total_pages / total_s:7.1f}")


if __name__ == "__main__":
    main()
