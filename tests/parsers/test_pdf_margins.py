"""Running headers, footers and page numbers of real PDFs are not content (parsers/margins.py)."""

import re

import pytest

from kinerja.parsers.pdf.margins import is_page_number
from kinerja.schema import Heading, Paragraph

from .real_pdfs import real_doc

BPBD = "lkip_2016_bpbd_jabar.pdf"  # page numbers "I- 1" ... "IV-5", chapter by chapter
DISNAKER = "lkip_2016_disnakertrans_jabar.pdf"


def _texts(doc, page=None):
    return [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))
            and (page is None or b.provenance.page == page)]


@pytest.mark.parametrize("text", [
    "III-10", "II - 16", "I- 1", "A-3", "IV.2", "3-12", "Hal. 5", "Halaman 3 dari 9",
    "Page 3 of 9", "- 5 -", "iv", "12", "5 | Page", "LKjIP 2016 | 12",
])
def test_page_numbers_of_the_genre_are_recognised(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["1.500", "2015-2016", "Tabel 2.3", "100%", "BAB III", "87,66", "2027"])
def test_amounts_years_and_titles_are_not_page_numbers(text):
    assert not is_page_number(text)


def test_chapter_numbered_page_numbers_are_not_content():
    """A chapter's pages are numbered 'III-1' ... 'III-12': under 30% of the pages each, but one
    kind of text at one height on a run of pages."""
    texts = _texts(real_doc(BPBD))
    assert not [t for t in texts if re.fullmatch(r"[IVX]+\s*-\s*\d+", t.strip())]


def test_running_header_respelled_in_the_last_chapter_is_not_content():
    """'LKIP ... BECANA ...' on most pages, 'LAKIP ... BENCANA ...' on the last five."""
    texts = _texts(real_doc(BPBD))
    assert not [t for t in texts if "BADAN PENANGGULANGAN" in t and t.rstrip().endswith("2016")
                and len(t) < 90]
    assert any(t.startswith("BAB IV") for t in _texts(real_doc(BPBD), 69))


def test_table_caption_recurring_at_one_height_on_scattered_pages_stays_content():
    captions = [t for t in _texts(real_doc(DISNAKER)) if t.startswith("Tabel 2.3")]
    assert captions


def test_a_two_page_report_s_numbered_footer_is_not_content_and_its_table_runs_on(tmp_path):
    # 'LKjIP Dinas ... Tahun 2025    1' closes each page of a generated two-page LKjIP: too few
    # pages to recur, it is still furniture, so the table ending page 1 continues on page 2
    from tests.forms import generate
    from tests.parsing import parse
    doc = parse(generate("lkjip", "unruled_multipage", 0, tmp_path).pdf_path)
    assert not [t for t in _texts(doc) if t.startswith("LKjIP Dinas")]
    tables = doc.tables()
    assert len(tables) == 1 and tables[0].provenance.pages == [1, 2]


def _line(y: float, *cells: tuple[float, float, str]):
    from kinerja.parsers.page.geometry import Box
    from kinerja.parsers.page.lines import Line, Segment
    segments = [Segment(Box(x0, y, x1, y + 9), text) for x0, x1, text in cells]
    return Line(1, Box(cells[0][0], y, cells[-1][1], y + 9), segments)


def test_a_table_row_at_a_page_s_foot_ending_in_the_page_s_number_stays_content():
    # a long document: its footers recur and are found so; a last row whose figure happens
    # to be the page number ('Jumlah pegawai seluruhnya | 12' on page 12) is kept
    from kinerja.parsers.pdf.margins import page_furniture
    row = _line(780, (60, 260, "Jumlah pegawai seluruhnya"), (400, 412, "12"))
    assert page_furniture([_line(100, (60, 300, "BAB III")), row], 12, 842, set()) == set()


def test_a_short_document_s_footer_ending_in_its_page_number_is_furniture():
    from kinerja.parsers.pdf.margins import page_furniture
    foot = _line(800, (60, 420, "LKjIP Dinas Komunikasi dan Informatika Tahun 2025"), (540, 546, "2"))
    assert page_furniture([_line(100, (60, 300, "BAB III")), foot], 2, 842, set(), short=True) == {1}
