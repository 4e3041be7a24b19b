"""Benchmark: the PDF parse pipeline against camelot lattice and pdfplumber on every page.

Prints, for one PDF of >= 100 pages, pages/s, wall time, tables found and peak resident memory
of each contender, each run in its own fresh process so the peaks do not mix. The pipeline is
also run on growing page prefixes to show whether its peak memory grows with the page count.

Usage: python tests/benchmarks/bench_pdf.py [PDF] [--no-camelot] [--ocr]
Default PDF: ../shared/corpus/pdf/lkip_2016_dinkes_jabar.pdf (110 pages, text layer).
"""

import argparse
import multiprocessing as mp
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO.parent / "shared" / "corpus" / "pdf" / "lkip_2016_dinkes_jabar.pdf"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def run_pipeline(path: str, max_pages, ocr: bool, out, camelot_fallback: bool = False):
    from kinerja.parsers import parse
    from kinerja.parsers.pdf import PdfOptions

    base = _peak_mb()
    t = time.perf_counter()
    doc = parse(Path(path), PdfOptions(ocr=ocr, max_pages=max_pages, timeout_s=3600,
                                       camelot_fallback=camelot_fallback))
    out.put((time.perf_counter() - t, len(doc.pages), len(doc.tables()), base, _peak_mb()))


def run_pipeline_camelot(path: str, max_pages, ocr: bool, out):
    run_pipeline(path, max_pages, ocr, out, camelot_fallback=True)


def run_camelot(path: str, max_pages, ocr: bool, out):
    import camelot
    import pypdfium2 as pdfium

    n = min(len(pdfium.PdfDocument(path)), max_pages or 10**6)
    base = _peak_mb()
    t = time.perf_counter()
    found = 0
    for page in range(1, n + 1):  # page by page, as a per-page fallback would run it
        try:
            found += len(camelot.read_pdf(path, pages=str(page), flavor="lattice"))
        except Exception:  # count the page as done; a crash is a result too
            pass
    out.put((time.perf_counter() - t, n, found, base, _peak_mb()))


def run_pdfplumber(path: str, max_pages, ocr: bool, out):
    import pdfplumber

    base = _peak_mb()
    t = time.perf_counter()
    found = 0
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages[: max_pages or len(pdf.pages)]
        for page in pages:
            found += len(page.extract_tables())
            page.close()
    out.put((time.perf_counter() - t, len(pages), found, base, _peak_mb()))


def measure(fn, path: Path, max_pages=None, ocr=False):
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=fn, args=(str(path), max_pages, ocr, out))
    proc.start()
    result = out.get()
    proc.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--no-camelot", action="store_true", help="skip the slow camelot run")
    ap.add_argument("--ocr", action="store_true", help="OCR scanned pages in the pipeline run")
    args = ap.parse_args()
    print(f"PDF: {args.pdf.name}")
    print(f"{'contender':<34}{'pages':>6}{'seconds':>9}{'pages/s':>9}{'tables':>8}"
          f"{'base MB':>9}{'peak MB':>9}")
    rows = [("kinerja parse pipeline", run_pipeline),
            ("kinerja + camelot on weak pages", run_pipeline_camelot),
            ("pdfplumber extract_tables", run_pdfplumber)]
    if not args.no_camelot:
        rows.append(("camelot lattice, page by page", run_camelot))
    results = {}
    for name, fn in rows:
        secs, pages, tables, base, peak = measure(fn, args.pdf, ocr=args.ocr)
        results[name] = secs / max(pages, 1)
        print(f"{name:<34}{pages:>6}{secs:>9.2f}{pages / secs:>9.2f}{tables:>8}{base:>9.0f}{peak:>9.0f}")
    ours = results["kinerja parse pipeline"]
    for name, per_page in results.items():
        if not name.startswith("kinerja"):
            print(f"speed-up over {name}: {per_page / ours:.1f}x")
    print("pipeline peak memory by pages read (flat = does not grow with the page count):")
    for n in (10, 40, None):
        secs, pages, tables, base, peak = measure(run_pipeline, args.pdf, n, args.ocr)
        print(f"  first {pages:>4} pages: peak {peak:.0f} MB (base {base:.0f} MB), {secs:.2f} s")


if __name__ == "__main__":
    main()
