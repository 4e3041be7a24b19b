"""How long the whitespace-table finder takes on pages without rulings: the seeds rendered
without borders (tests/tools/render_pdfs.py), per document, finder alone (text already read)
and whole parse. Prints figures; asserts nothing.

    python -m bench.bench_unruled
"""

import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from kinerja.parsers.page.lines import lines_from_runs
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import triage_page
from kinerja.parsers.unruled.tables import unruled_grids
from tests.parsing import parse
from tests.tools import render_pdfs


def page_lines(path: Path) -> list:
    pdf = pdfium.PdfDocument(str(path))
    out = []
    for i in range(len(pdf)):
        page = pdf[i]
        out.append(lines_from_runs(page_words(page, triage_page(page, i + 1).frame), i + 1))
        page.close()
    pdf.close()
    return out


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for seed in sorted(render_pdfs.SEEDS.glob("*.txt")):
            pdf = render_pdfs.render(seed, Path(tmp) / f"{seed.stem}.pdf", ruled=False,
                                     repeat_header=False)
            pages = page_lines(pdf)
            finder = best(lambda: [unruled_grids(lines, i + 1) for i, lines in enumerate(pages)])
            whole = best(lambda: parse(pdf, PdfOptions(ocr=False)), repeat=1)
            grids = sum(len(unruled_grids(lines, i + 1)) for i, lines in enumerate(pages))
            print(f"{seed.stem:45s} {len(pages):3d} pages {grids:3d} grids  finder "
                  f"{finder * 1000 / len(pages):6.1f} ms/page  parse {whole:5.2f} s")


if __name__ == "__main__":
    main()
