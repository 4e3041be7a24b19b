"""Harvest every numeric table cell and every amount in prose from the seed corpus.

    python tests/tools/harvest_values.py            # refresh tests/data/values/values.tsv
    python tests/tools/harvest_values.py --pdf      # refresh tests/data/values/values_pdf.tsv

The second table takes the hard forms (lone groups of three, several separators, rupiah,
fractions) from the text layer of the real PDFs in ../shared/corpus/pdf.

Table cells are the tab-separated cells of the text dumps; a run of tab lines is one table,
whose leading rows without figures are its header. Prose amounts are Rp amounts,
percentages, numerals with a separator and "N (number words)" in lines without tabs.

The expected columns (value, kind, unit, ambiguous) are a human's reading of each source
line. value: the number; the label for a qualitative value; "low..high" for a range or
bound; the readings "a|b" when ambiguous (a human could not decide from the value and the
document's evidence either); blank for text and empty cells. Re-running keeps every
expectation already written (keyed by source and raw text); new rows get "?" and fail the
table test until someone reviews them.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
TABLE = REPO / "tests" / "data" / "values" / "values.tsv"
PDF_TABLE = REPO / "tests" / "data" / "values" / "values_pdf.tsv"
PDFS = REPO.parent / "shared" / "corpus" / "pdf"  # real PDFs stay outside the repo
COLUMNS = ["source", "context", "raw", "value", "kind", "unit", "ambiguous", "note"]
UNREVIEWED = "?"

_DIGIT = re.compile(r"\d")
_LABEL_CELL = re.compile(
    r"^(sgt\.? baik|sangat (baik|tinggi|rendah)|tinggi|sedang|rendah|baik|cukup|kurang|memuaskan|"
    r"(menuju |cukup |kurang |tidak )?informatif|wtp|wdp|aa|bb|cc)$", re.I,
)
_EMPTY_CELL = re.compile(r"^(-|–|—|\*)$")
_PROSE_AMOUNT = re.compile(
    r"(?<![\w.,/])\d+(?:,\d+)?\s?[-–]\s?\d+(?:,\d+)?(?![\w.,/])"  # ranges: "80-89,9"
    r"|[<≤]\s?\d+(?:,\d+)?(?![\w.,/])"                               # bounds: "< 39,9"
    r"|\(?Rp\s*\.?\s*\d(?:[\d.,]*\d)?(?:,-)?%?"      # rupiah amounts
    r"|\(\d(?:[\d.,]*\d)?\)\s*%|\d(?:[\d.,]*\d)?\s*%"  # percentages
    r"|(?<![\w.,/])\d+[.,]\d[\d.,]*(?![\w/])"        # numerals with a separator
    r"|\d+ \([a-z ]+\)",                             # "2 (dua)"
    re.I,
)
# "Gambar 1.1", "Versi 4.1", "Nomor 13.a": labels, not amounts
_LABEL_BEFORE = re.compile(r"\b(gambar|tabel|bab|versi|nomor|no\.?|pasal|ayat|lampiran)\s*:?\s*$", re.I)
_OUTLINE = re.compile(r"^\W{0,3}\d+(\.\d+)+\.?\s")  # "1.1 Latar Belakang", "3.1.2. Sasaran"


@dataclass(frozen=True)
class Harvested:
    file: str
    line: int
    col: int  # -1 for prose
    context: str  # the column header, or "prose"
    raw: str
    table: int = -1  # first line of the table block, to group a column's cells

    @property
    def source(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}:c{self.col}" if self.col >= 0 else where


def table_blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) for each run of lines containing a tab."""
    start, block = None, []
    for number, line in enumerate(lines, 1):
        if "\t" in line:
            if start is None:
                start = number
            block.append(line)
        elif start is not None:
            yield start, block
            start, block = None, []
    if start is not None:
        yield start, block


_ROW_LABEL = re.compile(r"^(\(?\d+[.)]?|[A-Z]\.?|\(\d+\))$")


_FIGURE = re.compile(r"^(?!(19|20)\d\d$)[(\-]?(rp\.?\s*)?\d[\d.,]*\)?\s*%?$", re.I)  # not a year


def header_rows(block: list[str]) -> list[list[str]]:
    """The block's leading rows (at most 3) before the first that starts with a row label or holds a figure."""
    rows = []
    for line in block[:3]:
        cells = line.split("\t")
        if _ROW_LABEL.match(cells[0].strip()) or any(_FIGURE.match(c.strip()) for c in cells[1:]):
            break
        rows.append(cells)
    return rows


def column_header(block: list[str], col: int) -> str:
    """The text of the block's header rows in this column (joined top to bottom)."""
    return " ".join(r[col].strip() for r in header_rows(block) if col < len(r) and r[col].strip())


def _wanted_cell(text: str) -> bool:
    if not text or len(text) > 40:
        return False
    return bool(_DIGIT.search(text) or _LABEL_CELL.match(text) or _EMPTY_CELL.match(text))


def is_numbering_row(cells: list[str]) -> bool:
    """A row of column numbers ("1 2 3 ... 10", "(1) (2) (3)"): table structure, not values."""
    filled = [c.strip().strip("()") for c in cells if c.strip()]
    numbers = [int(c) for c in filled if c.isdigit() and int(c) <= 40]
    return len(filled) >= 4 and len(numbers) >= 0.7 * len(filled) and numbers == sorted(numbers)


def table_cells(path: Path) -> Iterator[Harvested]:
    lines = path.read_text(encoding="utf-8").splitlines()
    for start, block in table_blocks(lines):
        for offset, line in enumerate(block):
            if is_numbering_row(line.split("\t")):
                continue
            for col, cell in enumerate(line.split("\t")):
                text = cell.strip()
                if _wanted_cell(text):
                    yield Harvested(path.name, start + offset, col, column_header(block, col),
                                    text, start)


def prose_amounts(path: Path) -> Iterator[Harvested]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "\t" in line:
            continue
        body = line[_OUTLINE.match(line).end():] if _OUTLINE.match(line) else line
        for match in _PROSE_AMOUNT.finditer(body):
            if _LABEL_BEFORE.search(body, 0, match.start()):
                continue
            raw = match.group().strip().rstrip(".,;")
            if raw:
                yield Harvested(path.name, number, -1, "prose", raw)


# --- real PDFs (text layer) -------------------------------------------------------------
# Only the forms where a reader can go wrong: a lone group of three ("1.000"), several
# separators ("163.305..000"), both marks, rupiah, fractions. Plain decimals are left out.
_PDF_TOKEN = re.compile(
    r"(?<![\w.,/])(?:Rp\.?\s?)?\d(?:[\d.,]*\d)?(?:,-)?"
    r"(?:\s?/\s?\d(?:[\d.,]*\d)?|\s(?:ribu|juta|miliar|milyar|triliun)\b|\s?%)?(?![\w/])"
)
_HARD = re.compile(r"^Rp|/|\d[.,]\d{3}(?!\d)|[.,].*[.,]")


def pdf_text(path: Path) -> list[str]:
    """The PDF's text layer, laid out, via poppler's pdftotext (empty for a scan)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=False)
    return out.stdout.splitlines()


def pdf_amounts(path: Path, lines: Optional[list[str]] = None) -> Iterator[Harvested]:
    for number, line in enumerate(lines if lines is not None else pdf_text(path), 1):
        for match in _PDF_TOKEN.finditer(line):
            raw = match.group().strip()
            if _HARD.search(raw) and not _LABEL_BEFORE.search(line, 0, match.start()):
                yield Harvested(path.name, number, -1, "pdf", raw)


def harvest_pdfs(folder: Path = PDFS) -> list[Harvested]:
    rows: list[Harvested] = []
    for path in sorted(folder.glob("*.pdf")):
        rows += pdf_amounts(path)
    return rows


def harvest(corpus: Path = CORPUS) -> list[Harvested]:
    rows: list[Harvested] = []
    for path in sorted(corpus.glob("*.txt")):
        rows += table_cells(path)
        rows += prose_amounts(path)
    return rows


def read_table(path: Path = TABLE) -> dict[tuple[str, str], dict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["source"], r["raw"]): r for r in csv.DictReader(handle, delimiter="\t")}


def write_table(rows: list[Harvested], path: Path = TABLE) -> tuple[int, int]:
    """Write the table, keeping reviewed expectations; returns (rows, unreviewed rows)."""
    known = read_table(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    unreviewed = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            old = known.get((row.source, row.raw))
            out = {"source": row.source, "context": row.context, "raw": row.raw}
            for key in ("value", "kind", "unit", "ambiguous", "note"):
                out[key] = old[key] if old else (UNREVIEWED if key != "note" else "")
            unreviewed += out["kind"] == UNREVIEWED
            writer.writerow(out)
    return len(rows), unreviewed


if __name__ == "__main__":
    if "--pdf" in sys.argv:
        total, todo = write_table(harvest_pdfs(), PDF_TABLE)
        print(f"{total} rows in {PDF_TABLE.relative_to(REPO)}, {todo} not yet reviewed", file=sys.stderr)
    else:
        total, todo = write_table(harvest())
        print(f"{total} rows in {TABLE.relative_to(REPO)}, {todo} not yet reviewed", file=sys.stderr)
