"""Every numeric cell and amount of the seed corpus reads as a human reads it, or is flagged.

The table tests/data/values/values.tsv is harvested by tests/tools/harvest_values.py; its
expected columns were written by hand from each source line. Cells are read as the
extractor reads them: a table column at once (`read_column` with its header and the
document's style), an amount in prose alone (`read_value` with the document's style).

A second table, values_pdf.tsv, holds the hard forms (lone groups of three, broken
groupings, rupiah, fractions) of the real PDFs' text layer, read with the document's style.
"""

from __future__ import annotations

import csv
import math
import shutil
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from kinerja.normalize import ValueContext, document_style, read_column, read_value
from tests.tools.harvest_values import PDF_TABLE, PDFS, TABLE, UNREVIEWED, harvest, pdf_amounts, pdf_text

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HAVE_PDFS = PDFS.is_dir() and shutil.which("pdftotext") is not None


def _expectations(table: Path = TABLE) -> list[dict]:
    with table.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@lru_cache(maxsize=1)
def _readings() -> dict[tuple[str, str], object]:
    """(source, raw) -> Value, reading every harvested cell the way the extractor would."""
    styles = {p.name: document_style(p.read_text(encoding="utf-8").splitlines())
              for p in CORPUS.glob("*.txt")}
    columns: dict[tuple, list] = defaultdict(list)
    read = {}
    for cell in harvest(CORPUS):
        if cell.col < 0:
            prose = ValueContext(style=styles[cell.file], style_source="document")
            read[(cell.source, cell.raw)] = read_value(cell.raw, prose)
        else:
            columns[(cell.file, cell.table, cell.col, cell.context)].append(cell)
    for (file, _, _, header), cells in columns.items():
        values = read_column([c.raw for c in cells], header=header or None, doc_style=styles[file])
        read.update({(c.source, c.raw): v for c, v in zip(cells, values)})
    return read


@lru_cache(maxsize=1)
def _pdf_readings() -> dict[tuple[str, str], object]:
    """The PDFs the table was reviewed on (the shared folder grows; new files need review first)."""
    read = {}
    reviewed = {r["source"].rsplit(":", 1)[0] for r in PDF_ROWS}
    for path in sorted(p for p in PDFS.glob("*.pdf") if p.name in reviewed):
        lines = pdf_text(path)
        context = ValueContext(style=document_style(lines), style_source="document")
        for cell in pdf_amounts(path, lines):
            read[(cell.source, cell.raw)] = read_value(cell.raw, context)
    return read


ROWS = _expectations()
PDF_ROWS = _expectations(PDF_TABLE)


def test_table_has_at_least_300_reviewed_rows():
    assert len(ROWS) >= 300
    assert not [r["source"] for r in ROWS if r["kind"] == UNREVIEWED]


def test_table_covers_every_harvested_cell():
    harvested = {(c.source, c.raw) for c in harvest(CORPUS)}
    assert harvested == {(r["source"], r["raw"]) for r in ROWS}


def _mismatch(row: dict, got) -> str:
    if row["ambiguous"] == "yes":
        if not got.ambiguous or got.value is not None:
            return f"expected ambiguous, got {got.value!r} ({got.read_as})"
        wanted = [float(x) for x in row["value"].split("|") if x]
        have = [r.value for r in got.readings]
        missing = [w for w in wanted if not any(isinstance(h, float) and math.isclose(h, w) for h in have)]
        return f"readings {have} lack {missing}" if missing else ""
    if got.ambiguous:
        return f"flagged ambiguous {[r.value for r in got.readings]} but a human reads {row['value']!r}"
    if got.kind != row["kind"]:
        return f"kind {got.kind} != {row['kind']} ({got.read_as})"
    if (got.unit or "") != row["unit"]:
        return f"unit {got.unit!r} != {row['unit']!r}"
    return _value_mismatch(row, got)


def _value_mismatch(row: dict, got) -> str:
    kind, expected = row["kind"], row["value"]
    if kind in ("text", "empty"):
        return ""
    if kind == "qualitative":
        return "" if got.value == expected else f"label {got.value!r} != {expected!r}"
    if kind == "range":
        low, high = (float(x) if x else None for x in expected.split(".."))
        return "" if (got.low, got.high) == (low, high) else f"range {got.low}..{got.high} != {expected}"
    if isinstance(got.value, float) and math.isclose(got.value, float(expected), rel_tol=1e-9):
        return ""
    return f"value {got.value!r} != {expected}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['raw']}" for r in ROWS])
def test_value_reads_as_a_human_reads_it(row):
    got = _readings()[(row["source"], row["raw"])]
    assert _mismatch(row, got) == ""


@pytest.mark.skipif(not HAVE_PDFS, reason="real PDFs or pdftotext not available")
def test_pdf_table_covers_every_harvested_amount():
    assert set(_pdf_readings()) == {(r["source"], r["raw"]) for r in PDF_ROWS}
    assert not [r["source"] for r in PDF_ROWS if r["kind"] == UNREVIEWED]


@pytest.mark.skipif(not HAVE_PDFS, reason="real PDFs or pdftotext not available")
@pytest.mark.parametrize("row", PDF_ROWS, ids=[f"{r['source']}:{r['raw']}" for r in PDF_ROWS])
def test_pdf_amount_reads_as_a_human_reads_it(row):
    got = _pdf_readings()[(row["source"], row["raw"])]
    assert _mismatch(row, got) == ""
