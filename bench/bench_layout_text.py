"""How long the text-dump parser takes on `pdftotext -layout` dumps of the real PDFs (every one
with a text layer in ../shared/corpus/pdf), and how much of it goes to finding the space-aligned
tables. Prints figures; asserts nothing.

    python -m bench.bench_layout_text
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.paths import PDFS
from kinerja.parsers.textdump import reader as textdump
from kinerja.parsers.textdump.layout import tables as layout_text


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    if shutil.which("pdftotext") is None or not PDFS.is_dir():
        print("needs pdftotext and ../shared/corpus/pdf")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted(PDFS.glob("*.pdf")):
            dump = Path(tmp) / f"{pdf.stem}.txt"
            subprocess.run(["pdftotext", "-layout", str(pdf), str(dump)], check=True)
            lines = dump.read_text(encoding="utf-8").split("\n")
            if not any(line.strip() for line in lines):
                continue  # a scan: no text layer
            parse = best_of(lambda: textdump.parse(dump))
            furniture = textdump.page_furniture(lines)
            regions = best_of(lambda: layout_text.layout_regions(lines, furniture))
            n_tables = len(textdump.parse(dump).tables())
            print(f"{pdf.stem:45s} {len(lines):6d} lines {n_tables:4d} tables  parse "
                  f"{parse * 1000:7.0f} ms  (finding tables {regions * 1000:6.0f} ms)")


if __name__ == "__main__":
    main()
