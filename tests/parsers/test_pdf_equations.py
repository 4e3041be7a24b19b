"""Glyphs that draw ink but carry no text (pdf/unmapped.py): Word equations in an embedded math
font whose ToUnicode map sends their letters to spaces, read back by OCR into their cells.

The real IKU matrix (pp. 3-6) prints its formulas as such equations: the text layer holds only
'( )' where 'f(x) = Δ Laka Ank Umum thn / Σ Laka x 100%' is printed."""

import pypdfium2 as pdfium
import pytest

from tests.conftest import PDFS
from tests.parsing import parse
from kinerja.parsers.ocr import regions
from kinerja.parsers.pdf import unmapped
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import triage_page

IKU = PDFS / "iku_2019_2024_dishub_jatim.pdf"
LKIP = PDFS / "lkip_2016_dinkes_jabar.pdf"
ACCIDENTS = "Persentase kejadian kecelakaan"  # p.3 row 2: the accident-rate indicator


def _real(path):
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    return path


@pytest.fixture(scope="module")
def read():
    """Pages 1-4 with OCR: page 3 holds the first equations, page 4 one over its legend."""
    return parse(_real(IKU), PdfOptions(max_pages=4))


def _formula_cell(doc, indicator=ACCIDENTS):
    """The FORMULASI PERHITUNGAN cell of an indicator (the accident rate's by default)."""
    table = doc.tables()[0]
    col = next(i for i, p in enumerate(table.column_paths) if "FORMULASI" in p.upper())
    row = next(r for r in table.body if any(c.text.startswith(indicator) for c in r))
    return next(c for c in row if c.col == col)


def _pieces(path, number):
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        textpage = page.get_textpage()
        frame = triage_page(page, number, textpage).frame
        blanks: list[int] = []
        words = page_words(page, frame, textpage, blanks)
        return unmapped.find_pieces(page, textpage, frame, blanks, words)
    finally:
        pdf.close()


@pytest.mark.slow
def test_formula_cell_holds_the_equation_instead_of_its_parentheses(read):
    text = _formula_cell(read).text
    assert not text.startswith("( )")
    assert "Laka Ank Umum thn" in text and "Laka x 100%" in text


@pytest.mark.slow
def test_equation_fraction_reads_numerator_over_denominator(read):
    # the numerator and denominator stand over and under a drawn bar (grid/fractions.py)
    assert "Laka Ank Umum thn / " in _formula_cell(read).text


@pytest.mark.slow
def test_an_equation_over_its_legend_is_told_apart_from_it(read):
    # p.4: 'Σ rute pelayanan mudik balik' over 'Jumlah rute ... pada tahun yang dievaluasi'
    cell = _formula_cell(read, "Jumlah rute pelayanan mudik balik")
    assert cell.equation.endswith("rute pelayanan mudik balik")
    assert "dievaluasi" in cell.text and "dievaluasi" not in cell.equation


@pytest.mark.slow
def test_cells_read_by_ocr_are_flagged(read):
    cell, table = _formula_cell(read), read.tables()[0]
    assert cell.confidence is not None and cell.confidence < 1
    assert any("OCR" in n for n in table.notes)
    assert not any("glyphs" in w for w in read.warnings)


def test_only_pages_drawing_glyphs_without_text_have_pieces():
    assert _pieces(_real(IKU), 3)  # the equations
    assert not _pieces(IKU, 2)  # prose only
    assert not _pieces(IKU, 6)  # a plain-text formula
    assert not any(_pieces(_real(LKIP), n) for n in range(1, 11))


def test_pieces_are_lines_of_a_formula():
    # 'f(x) =', numerator, denominator and 'x 100%' of each of the two formulas, two legend lines
    boxes = [p.box for p in _pieces(_real(IKU), 3)]
    assert len(boxes) == 10
    assert all(b.width > b.height and b.height < 15 for b in boxes)


def test_pages_without_such_glyphs_are_not_read_by_ocr(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("OCR of a page region without glyphs lacking text")

    monkeypatch.setattr(regions, "read_regions", refuse)
    doc = parse(_real(LKIP), PdfOptions(max_pages=10))
    assert not any("OCR" in n for b in doc.blocks for n in b.notes)


def test_ocr_off_reads_nothing_and_says_so():
    doc = parse(_real(IKU), PdfOptions(ocr=False, max_pages=3))
    assert _formula_cell(doc).text.startswith("( )")
    assert _formula_cell(doc).confidence is None
    assert any(w.startswith("page 3:") and "OCR is off" in w for w in doc.warnings)


def test_time_limit_leaves_the_text_layer_as_it_is():
    doc = parse(_real(IKU), PdfOptions(timeout_s=1.0, max_pages=3))
    assert any("time limit" in w for w in doc.warnings)
    assert not any("OCR" in n for b in doc.blocks for n in b.notes)
