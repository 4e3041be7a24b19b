"""The PK's list of programs and their budgets ('Program | Anggaran | Keterangan'), printed
without rulings after the indicator table: read into its columns on real PDFs, scanned or
with a text layer, however tightly its rows are printed."""

import re
import shutil

import pypdfium2 as pdfium
import pytest

from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.ocr.page import ocr_page
from kinerja.parsers.page.lines import lines_from_runs
from kinerja.parsers.pdf.rules import page_edges
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import triage_page
from kinerja.parsers.unruled.tables import unruled_grids

from .real_pdfs import real_doc, real_path

AMOUNT = re.compile(r"^(Rp\.?\s?)?\d{1,3}([.,]\d{3})+([.,]00)?,?-?$")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract not installed")


def scanned_page(name: str, number: int):
    """One page of a scan read as the PDF parser reads it (OCR, rulings, tables)."""
    pdf = pdfium.PdfDocument(str(real_path(name)))
    try:
        page = pdf[number - 1]
        return ocr_page(page, number, triage_page(page, number))
    finally:
        pdf.close()


def text_page_grids(name: str, number: int):
    """The unruled tables of one text-layer page, from its lines, words and rulings."""
    pdf = pdfium.PdfDocument(str(real_path(name)))
    try:
        page = pdf[number - 1]
        frame = triage_page(page, number).frame
        words = page_words(page, frame)
        return unruled_grids(lines_from_runs(words, number), number, words,
                             page_edges(page, frame))
    finally:
        pdf.close()


def budget_table(grids):
    """The grid headed 'Program ... Anggaran ... Keterangan', resolved."""
    for grid in grids:
        table = resolve(grid)
        paths = " | ".join(table.column_paths())
        if "Program" in paths and "Anggaran" in paths:
            return table
    raise AssertionError("no Program | Anggaran table found")


def amounts(table) -> list[str]:
    column = table.column_paths().index("Anggaran")
    return [c.text for row in table.body for c in row if c.col == column]


@pytest.fixture(scope="module")
def distan():
    return budget_table(scanned_page("pk_2016_kadis_distan_jabar_SCAN.pdf", 3).grids)


@needs_tesseract
def test_a_scanned_budget_list_has_the_columns_its_header_names(distan):
    # the amounts end 10 pt before the notes start: the header's labels keep them apart
    assert [p for p in distan.column_paths() if p][:3] == ["Program", "Anggaran", "Keterangan"]


@needs_tesseract
def test_an_amount_printed_against_the_program_name_is_cut_from_it(distan):
    # '... Sumber Daya Rp. 6.589.645.000,-' and 'Rp.122.318.026.000,- APBN (Tugas' are one
    # OCR line segment each
    assert len(amounts(distan)) == 10
    assert all(AMOUNT.match(a) for a in amounts(distan))
    assert not any("Rp" in c.text for row in distan.body for c in row if c.col == 0)


@needs_tesseract
def test_list_items_without_padding_start_a_row_at_each_hanging_number(distan):
    # items 9 and 10 are set one line apart: the first line of each hangs out left
    programs = [c.text for row in distan.body for c in row if c.col == 0]
    assert sum("Penyediaan dan Pengembangan" in p for p in programs) == 2


@needs_tesseract
def test_a_budget_list_under_a_ruled_table_of_a_scan_is_read():
    table = budget_table(scanned_page("pk_2022_kadis_dpupr_kab_grobogan_SCAN.pdf", 2).grids)
    assert len(table.body) == 6
    # the last item stands a little farther down than the rows above: still the same list
    assert "Bangunan Gedung" in table.body[-1][0].text
    assert "500,000,000.00" in [c.text for c in table.body[-1]]


def test_a_list_framed_by_a_drawn_box_is_read_as_its_columns():
    doc = real_doc("pk_2017_kadis_dispora_jabar.pdf")
    tables = [b for b in doc.blocks if b.type == "table" and b.provenance.page == 4]
    assert len(tables) == 1 and tables[0].method == "whitespace-columns"
    assert len(tables[0].body) == 10
    assert [c.text for c in tables[0].body[6]][1:] == [
        "Program Pembinaan, Pemasyarakatan dan Pengembangan Olah Raga", "Rp",
        "272.969.874.747", "APBD"]


def test_cells_centred_in_their_rows_stay_in_the_numbered_row():
    table = budget_table(text_page_grids("pk_2017_kadis_dispora_jabar.pdf", 4))
    last = [c.text for c in table.body[-1]]
    assert last == ["10", "Program Kepemudaan dan Keolahragaan", "Rp", "5.799.120.000",
                    "APBN (Dekonsentrasi)"]
