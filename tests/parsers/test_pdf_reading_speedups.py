"""The fast paths of the PDF reader give what the slow, plain ones gave, on real pages.

Each speed-up replaces a general tool by a cheaper route to the same result: the ruling chain on
tuples (ruling_cells) for pdfplumber's on dicts, one raw walk of a page's objects for pypdfium2's
get_objects, one text page shared by triage and reading. These tests hold them to that.
"""

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfplumber import table as plumber_table

from kinerja.parsers.pdf.objects import page_objects
from kinerja.parsers.pdf.reader import PdfOptions, parse
from kinerja.parsers.pdf.rules import page_edges
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import triage_page
from kinerja.parsers.ruled import ruling

from tests.tools import render_pdfs

PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"
RULED = "lkjip_2021_dpupr_kab_grobogan.pdf"  # Word export: borders as thousands of thin boxes


def _pdf(name: str) -> pdfium.PdfDocument:
    path = PDFS / name
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    return pdfium.PdfDocument(str(path))


def _plumber_chain(edges, join: float) -> list[list[tuple]]:
    """ruling.edges_to_cell_groups as it was written on pdfplumber's own functions."""
    dicts = [{"orientation": e.orientation, "x0": e.x0, "x1": e.x1, "top": e.y0, "bottom": e.y1,
              "width": e.x1 - e.x0, "height": e.y1 - e.y0, "object_type": "line"} for e in edges]
    if not dicts:
        return []
    merged = [e for e in plumber_table.merge_edges(dicts, ruling.SNAP, ruling.SNAP, join, join)
              if max(e["width"], e["height"]) >= ruling.MIN_EDGE]
    points = plumber_table.edges_to_intersections(merged, ruling.SNAP, ruling.SNAP)
    cells = plumber_table.intersections_to_cells(points)
    return [g for g in plumber_table.cells_to_tables(cells) if len(g) >= 2]


def _ruled_pages(pdf, limit: int = 8):
    for index in range(len(pdf)):
        page = pdf[index]
        tri = triage_page(page, index + 1)
        if tri.ruled and tri.has_text:
            yield page, tri
            limit -= 1
            if not limit:
                return


@pytest.mark.parametrize("join", [ruling.JOIN, 8.0])
def test_cell_groups_equal_pdfplumbers_chain_on_real_rulings(join):
    pdf = _pdf(RULED)
    compared = 0
    for page, tri in _ruled_pages(pdf):
        edges = page_edges(page, tri.frame)
        assert ruling.edges_to_cell_groups(edges, join) == _plumber_chain(edges, join)
        compared += bool(_plumber_chain(edges, join))
    assert compared >= 3  # pages that hold tables, not only empty results


def test_one_object_walk_serves_triage_and_rulings_alike():
    pdf = _pdf(RULED)
    for page, tri in _ruled_pages(pdf, limit=4):
        objects = page_objects(page)
        textpage = page.get_textpage()
        assert triage_page(page, tri.number, textpage, objects) == tri
        assert page_edges(page, tri.frame, objects) == page_edges(page, tri.frame)
        textpage.close()


def test_the_walk_finds_what_pypdfium2_finds():
    pdf = _pdf(RULED)
    page = pdf[2]
    kinds = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
    theirs = [o.get_bounds() for o in page.get_objects(filter=kinds, max_depth=4)]
    assert [o.bounds for o in page_objects(page)] == theirs and theirs


def test_a_shared_text_page_reads_the_same_words():
    pdf = _pdf("pk_2021_pengukuran_2020_dkips_sulut.pdf")
    for index in range(len(pdf)):
        page = pdf[index]
        frame = triage_page(page, index + 1).frame
        textpage = page.get_textpage()
        shared = page_words(page, frame, textpage)
        textpage.close()
        assert shared == page_words(page, frame) and shared


def test_reopening_the_document_between_pages_changes_nothing(monkeypatch):
    """pdfium's caches are dropped by a fresh handle every few pages; the pages read the same."""
    path = PDFS / "pk_2021_pengukuran_2020_dkips_sulut.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    opts = PdfOptions(ocr=False)
    import kinerja.parsers.pdf.reader as pdf_parser

    once = parse(path, opts)
    monkeypatch.setattr(pdf_parser, "REOPEN_EVERY", 1)
    assert parse(path, opts).model_dump() == once.model_dump()


def test_a_glyph_without_a_code_shifts_no_later_letter(tmp_path):
    """The IKU seed's formulas print a sum sign the rendering font lacks: pdfium gives that
    glyph code 0 (and leaves it out of its page text, so reading the text in one call would shift
    every later letter onto the next glyph's box). The words after it read as printed."""
    seed = render_pdfs.SEEDS / "iku-2020-diskominfo-kab-bengkulu-selatan.txt"
    pdf = pdfium.PdfDocument(str(render_pdfs.render(seed, tmp_path / "iku.pdf")))
    words: set[str] = set()  # on the pages holding such a glyph
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        codes = [pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                 for i in range(textpage.count_chars())]
        if 0 in codes:
            words |= {w.text for w in page_words(page, triage_page(page, index + 1).frame)}
        textpage.close()
    assert {"OPD", "yang", "terkoneksi", "jaringan", "Pengembangan", "Informatika"} <= words
