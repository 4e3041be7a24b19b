"""Ruled tables of a scanned page: rulings painted out before reading, short cells read a
second time. Input: the LKjIP seed rendered with rulings and its budget-table page
rasterised at 300 dpi (codes '1.1.1', a nil '-', blank spanned cells)."""

import re
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from tests.parsing import parse
from kinerja.parsers.ocr.rules import MIN_ERASE_PT, image_to_masks, masks_to_edges, without_rules

from tests.tools import render_pdfs

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

LKJIP = "lkjip-2024-diskominfo-prov-babel"
DPI = 300


@pytest.fixture(scope="module")
def ruled(tmp_path_factory):
    out = tmp_path_factory.mktemp("ocr_tables")
    return render_pdfs.render(render_pdfs.SEEDS / f"{LKJIP}.txt", out / "ruled.pdf")


def _rasterised(ruled: Path, holding: str):
    """The grayscale image of the first rendered page holding `holding`, and a one-page
    image-only PDF of it."""
    pdf = pdfium.PdfDocument(str(ruled))
    page = next(pdf[i] for i in range(len(pdf))
                if holding in pdf[i].get_textpage().get_text_range())
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    scan = ruled.parent / f"scan-{abs(hash(holding))}.pdf"
    image.save(scan, "PDF", resolution=DPI)
    return image, scan


@pytest.fixture(scope="module")
def budget_page(ruled):
    """The first page of the program/kegiatan budget table."""
    return _rasterised(ruled, "Sebelum Perubahan")


@pytest.fixture(scope="module")
def budget_table(budget_page):
    doc = parse(budget_page[1])
    return next(t for t in doc.tables() if any("Sebelum Perubahan" in c.text
                                               for row in t.header_rows for c in row))


def test_rulings_are_painted_out_of_the_image_ocr_reads(budget_page):
    gray = np.asarray(budget_page[0])
    k = 72 / DPI
    clean = without_rules(gray, image_to_masks(gray), k)
    left = masks_to_edges(image_to_masks(clean), k)
    assert not [e for e in left if max(e.x1 - e.x0, e.y1 - e.y0) >= MIN_ERASE_PT]


def test_text_away_from_rulings_is_left_untouched(budget_page):
    gray = np.asarray(budget_page[0])
    masks = image_to_masks(gray)
    clean = without_rules(gray, masks, 72 / DPI)
    changed = clean != gray
    assert changed.any()
    # only ruling ink and its fringe change: nothing a few pixels away from a ruling
    assert not (changed & ~_near(masks)).any()


def _near(masks, pad: int = 6) -> np.ndarray:
    import cv2

    both = masks.horizontal | masks.vertical
    return cv2.dilate(both, np.ones((2 * pad + 1, 2 * pad + 1), np.uint8)).astype(bool)


def test_hierarchical_codes_are_read_with_their_dots(budget_table):
    codes = [c.text for row in budget_table.body for c in row
             if re.fullmatch(r"\d+([.:]\d+)+", c.text.strip())]
    assert len(codes) >= 8
    assert all(re.fullmatch(r"\d+(\.\d+)+", c) for c in codes), codes


def test_a_nil_dash_in_a_money_column_is_read(budget_table):
    row = next(r for r in budget_table.body if any("Pengadaan Barang" in c.text for c in r))
    assert "-" in [c.text.strip() for c in row], [c.text for c in row]


def test_blank_cells_stay_blank(budget_table):
    """Cells left blank under a spanning 'Sasaran' get no text from reading the empty crop."""
    texts = [c.text for row in budget_table.body for c in row]
    assert not [t for t in texts if t and len(t) <= 3 and not re.search(r"[\d\-]", t)], texts


def test_a_small_decimal_keeps_its_point(ruled):
    """'4.11' in the realisation table: tesseract reads '411' at 300 dpi; the enlarged
    second reading restores the point."""
    doc = parse(_rasterised(ruled, "Efisiensi")[1])
    row = next(r for t in doc.tables() for r in t.body if any("Indeks Domain" in c.text for c in r))
    assert "4.11" in [c.text.strip() for c in row], [c.text for c in row]
