"""Benchmark: table structure against cell-level ground truth, kinerja beside camelot and
pdfplumber in one run, with seconds.

The tables are the generated SAKIP forms of tests/forms, whose grids (header rows with their
spans, body rows) are known cell by cell: each document is built (tests.forms.build), printed
to PDF (tests.forms.generate) and read by every tool. Only one-page variants are used, so that
a table is one table for every tool (kinerja joins a table over pages, the others do not).
With --real, the tables are those of real PDF pages read by hand (corpus/tables/, bench/real_tables.py):
each page is cut out of its PDF into a one-page PDF that every tool reads.

Scores per tool (bench/table_teds.py): TEDS averaged over the true tables (a table not found
scores 0), row and column accuracy (a found table with the true number of rows / columns, over
the true tables), detection precision / recall / F1 (a found table is a true one when their
TEDS reaches 0.5, one to one), and seconds per document. It asserts nothing.

Usage: python -m bench.bench_table_structure [--n 2] [--variants ruled,unruled,...]
           [--forms pk,iku,...] [--tools kinerja,lattice,stream,pdfplumber] [--out DIR] [--real]
(--tools kinerja-nocheck: kinerja without qpdf's check of the file)
"""

import argparse
import shutil
import subprocess
import tempfile
import time
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.table_teds import TCell, Table, match, n_cols, n_rows
from tests.forms import FORMS, build, generate, sample
from tests.forms.model import TableBlock

ONE_PAGE_VARIANTS = ("ruled", "unruled", "header1", "header3", "landscape", "wrapped", "decimal_point",
                     "years5", "kpair")
TOOLS = ("kinerja", "lattice", "stream", "pdfplumber")


@dataclass
class Tally:
    teds: float = 0.0
    truths: int = 0
    found: int = 0
    matched: int = 0
    rows_right: int = 0
    cols_right: int = 0
    seconds: float = 0.0
    documents: int = 0

    def add(self, truths: list[Table], found: list[Table], seconds: float) -> None:
        pairs = match(truths, found)
        self.truths += len(truths)
        self.found += len(found)
        self.matched += len(pairs)
        self.teds += sum(s for _, _, s in pairs)
        self.rows_right += sum(n_rows(truths[i]) == n_rows(found[j]) for i, j, _ in pairs)
        self.cols_right += sum(n_cols(truths[i]) == n_cols(found[j]) for i, j, _ in pairs)
        self.seconds += seconds
        self.documents += 1

    def line(self) -> str:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.truths if self.truths else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        t = self.truths or 1
        return (f"TEDS {self.teds / t:.3f}  rows {self.rows_right / t:.3f}  cols {self.cols_right / t:.3f}  "
                f"detection P {p:.3f} R {r:.3f} F1 {f1:.3f}  "
                f"{self.seconds / max(self.documents, 1):.3f} s/doc")


def truth_tables(form: str, variant: str, seed: int) -> list[Table]:
    tables = []
    for block in build(form, variant, seed).blocks:
        if isinstance(block, TableBlock):
            rows = [[TCell(c.text.replace("\n", " "), c.rowspan, c.colspan) for c in row if c is not None]
                    for row in [*block.header, *block.body]]
            tables.append([r for r in rows if r])
    return tables


def kinerja_tables(pdf: Path, options=None) -> list[Table]:
    """Each table's header rows, its numbering row ('(1) (2) ...', printed between header and
    body), then its body rows, as the Document holds them."""
    from kinerja.parsers import parse

    out = []
    for t in parse(pdf, options).tables():
        rows = [[TCell(c.text, c.row_span, c.col_span) for c in row] for row in t.header_rows]
        if t.numbering_row:
            rows.append([TCell(text) for text in t.numbering_row])
        rows += [[TCell(c.text, c.row_span, c.col_span) for c in row] for row in t.body]
        out.append([r for r in rows if r])
    return out


def camelot_tables(pdf: Path, flavor: str) -> list[Table]:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
    return [[[TCell(str(x)) for x in row] for row in t.df.values.tolist()] for t in found]


def plumber_tables(pdf: Path) -> list[Table]:
    import pdfplumber

    out = []
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            for rows in page.extract_tables():
                out.append([[TCell(x or "") for x in row if x is not None] for row in rows])
    return out


def kinerja_unchecked(pdf: Path) -> list[Table]:
    """kinerja without qpdf's structural check of the file, which runs beside the page reading
    and on a one-page cut of a file with large embedded fonts is most of the wall time."""
    from kinerja.parsers.pdf.reader import PdfOptions

    return kinerja_tables(pdf, PdfOptions(integrity_check=False))


READERS = {"kinerja": kinerja_tables, "kinerja-nocheck": kinerja_unchecked,
           "lattice": lambda p: camelot_tables(p, "lattice"),
           "stream": lambda p: camelot_tables(p, "stream"), "pdfplumber": plumber_tables}


@dataclass
class Run:
    by_tool: dict = field(default_factory=lambda: defaultdict(Tally))
    by_variant: dict = field(default_factory=lambda: defaultdict(Tally))


def run(docs, tools, out: Path) -> Run:
    result = Run()
    for form, variant, seed in docs:
        gen = generate(form, variant, seed, out)
        truths = truth_tables(form, variant, seed)
        for tool in tools:
            start = time.perf_counter()
            try:
                found = READERS[tool](gen.pdf_path)
            except Exception as exc:  # noqa: BLE001 - a tool failing on a document finds nothing there
                print(f"  {tool} failed on {gen.name}: {type(exc).__name__}: {exc}")
                found = []
            seconds = time.perf_counter() - start
            result.by_tool[tool].add(truths, found, seconds)
            result.by_variant[tool, variant].add(truths, found, seconds)
    return result


def one_page_pdf(src: Path, page: int, out: Path) -> Path:
    """The page as a PDF of its own, cut by qpdf, which keeps only the objects the page uses
    (pdfium's copy carries the whole file's fonts along: a 3.4 MB one-page cut of a Renstra page
    that qpdf makes in 126 kB, whose check then dominated the reading time)."""
    import pypdfium2 as pdfium

    qpdf = shutil.which("qpdf")
    if qpdf and subprocess.run([qpdf, "--empty", "--pages", str(src), str(page), "--", str(out)],
                               capture_output=True).returncode in (0, 3):  # 3: done, with warnings
        return out
    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    try:
        new.import_pages(doc, [page - 1])
        new.save(str(out))
    finally:
        new.close()
        doc.close()
    return out


def run_real(pages, tools, out: Path) -> Run:
    """by_variant holds, per tool and ruling ('full', 'partial', 'none'), the tables of that ruling
    against all the page's found tables: its TEDS and row / column accuracy are the ruling's,
    its detection precision is not."""
    result = Run()
    out.mkdir(parents=True, exist_ok=True)
    for truth in pages:
        pdf = one_page_pdf(truth.pdf, truth.page, out / f"{truth.name}.pdf")
        for tool in tools:
            start = time.perf_counter()
            try:
                found = READERS[tool](pdf)
            except Exception as exc:  # noqa: BLE001 - a tool failing on a page finds nothing there
                print(f"  {tool} failed on {truth.name}: {type(exc).__name__}: {exc}")
                found = []
            seconds = time.perf_counter() - start
            result.by_tool[tool].add(truth.tables, found, seconds)
            for ruling in set(truth.ruled):
                subset = [t for t, r in zip(truth.tables, truth.ruled) if r == ruling]
                result.by_variant[tool, ruling].add(subset, found, seconds)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2, help="seeds per form and variant")
    ap.add_argument("--variants", default=",".join(ONE_PAGE_VARIANTS))
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--real", action="store_true", help="the hand-read real tables of corpus/tables")
    args = ap.parse_args()
    tools, variants = args.tools.split(","), args.variants.split(",")
    if args.real:
        main_real(tools, args.out)
        return
    docs = list(sample(args.n, forms=args.forms.split(","), variants=variants))
    with tempfile.TemporaryDirectory() as tmp:
        result = run(docs, tools, args.out or Path(tmp))
    print(f"{len(docs)} generated documents, {result.by_tool[tools[0]].truths} tables with known cells")
    for tool in tools:
        print(f"{tool:<11} {result.by_tool[tool].line()}")
    print("\nper variant")
    for variant in variants:
        for tool in tools:
            if (tool, variant) in result.by_variant:
                print(f"{variant:<14} {tool:<11} {result.by_variant[tool, variant].line()}")


def main_real(tools, out) -> None:
    from bench.real_tables import load_all

    pages = load_all()
    with tempfile.TemporaryDirectory() as tmp:
        result = run_real(pages, tools, out or Path(tmp))
    print(f"{len(pages)} real pages, {result.by_tool[tools[0]].truths} tables read by hand")
    for tool in tools:
        print(f"{tool:<11} {result.by_tool[tool].line()}")
    print("\nper ruling (detection precision here counts the page's other tables as false)")
    for ruling in ("full", "partial", "none"):
        for tool in tools:
            if (tool, ruling) in result.by_variant:
                print(f"{ruling:<8} {tool:<11} {result.by_variant[tool, ruling].line()}")


if __name__ == "__main__":
    main()
