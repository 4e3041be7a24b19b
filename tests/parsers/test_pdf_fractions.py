"""Word equations in the table cells of a real PDF (an IKU decree): their letters and fractions."""

from pathlib import Path

import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions

SK_IKU = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf" / "sk_iku_2021_dkips_sulut.pdf"


@pytest.fixture(scope="module")
def cells() -> list[str]:
    if not SK_IKU.exists():
        pytest.skip(f"real PDF not found at {SK_IKU}")
    doc = parse(SK_IKU, PdfOptions(ocr=False))
    return [c.text for t in doc.tables() for row in t.body for c in row]


def test_equation_letters_are_read_as_plain_letters(cells):
    # Word sets equations in mathematical italic (U+1D400..), which pdfium gives as UTF-16 halves
    assert not any("\ud835" in c for c in cells)
    assert any(c.startswith("Jumlah SPBE yang sudah di assessment") for c in cells)


def test_a_fraction_drawn_in_a_cell_reads_numerator_over_denominator(cells):
    assert "SKPD Prov. SULUT Terintegrasi SPBE / SKPD Prov. SULUT x 100" in cells


def test_an_approval_box_drawn_white_on_white_is_no_table(cells):
    # the paraf box is painted white on the white page (its text too), every line of its cells
    # boxed again in white: no edge shows, so no table and no fraction bar is made of it
    assert not any("Ditandatangani" in c or "PARAF" in c for c in cells)
