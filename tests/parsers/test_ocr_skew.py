"""A scanned page fed crooked is straightened before its rulings are sought. Input: the PK
seed's first ruled page rendered and rasterised at 300 dpi, then turned by a known angle."""

import shutil

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from tests.parsing import parse
from kinerja.parsers.ocr.skew import Tilt, skew_angle, straightened
from kinerja.parsers.page.geometry import Box

from tests.tools import render_pdfs

PK = "pk-2023-diskominfo-kota-medan"
DPI = 300


@pytest.fixture(scope="module")
def page_image(tmp_path_factory):
    out = tmp_path_factory.mktemp("skew")
    ruled = render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", out / "ruled.pdf")
    page = pdfium.PdfDocument(str(ruled))[0]
    return page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")


def _turned(image, degrees: float):
    return image.rotate(degrees, resample=Image.BICUBIC, fillcolor=255)


def test_a_straight_page_is_left_as_it_is(page_image):
    assert skew_angle(np.asarray(page_image)) == 0.0


@pytest.mark.parametrize("tilt", [1.5, -2.5])
def test_the_tilt_of_a_crooked_page_is_measured(page_image, tilt):
    assert skew_angle(np.asarray(_turned(page_image, tilt))) == pytest.approx(-tilt, abs=0.15)


def test_a_slight_tilt_is_measured_too(page_image):
    """Half a degree is twelve points across a landscape page: a row of small print."""
    assert skew_angle(np.asarray(_turned(page_image, 0.5))) == pytest.approx(-0.5, abs=0.15)


def test_a_slight_tilt_is_sheared_out(page_image):
    turned = _turned(page_image, 0.6)
    assert skew_angle(np.asarray(straightened(turned, skew_angle(np.asarray(turned))))) == 0.0


def test_shearing_moves_pixels_without_resampling_them(page_image):
    """Every grey level of the straightened page was on the turned one (or is the paper's
    white filling the edges): no glyph is blurred by interpolation."""
    turned = np.asarray(_turned(page_image, 0.6))
    levels = set(np.unique(np.asarray(straightened(Image.fromarray(turned), -0.6))))
    assert levels <= set(np.unique(turned)) | {255}


def test_a_word_of_a_slightly_tilted_page_is_placed_where_the_sheared_copy_has_it(page_image):
    """Tesseract reads the page as scanned (changing its pixels garbles small print); its words
    are moved into the frame of the copy whose rulings were sheared straight. A word's ink in
    the turned page, found again in the sheared copy, sits where Tilt.straight puts its box."""
    turned = _turned(page_image, 0.7)
    angle = skew_angle(np.asarray(turned))
    k = 72 / DPI
    tilt = Tilt.of(angle, turned.size, k)
    ink = np.argwhere(np.asarray(turned) < 100)
    y, x = ink[len(ink) // 3]  # a dark pixel of some glyph
    word = Box((x - 1) * k, (y - 1) * k, (x + 2) * k, (y + 2) * k)
    moved = tilt.straight(word)
    sheared = np.asarray(straightened(turned, angle))
    cy, cx = int(round((moved.y0 + moved.y1) / 2 / k)), int(round((moved.x0 + moved.x1) / 2 / k))
    assert sheared[cy - 2:cy + 3, cx - 2:cx + 3].min() < 100
    back = tilt.scanned(moved)
    assert (back.x0, back.y0, back.x1, back.y1) == pytest.approx((word.x0, word.y0, word.x1, word.y1))


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_crooked_scan_still_gives_its_ruled_tables(page_image, tmp_path):
    """Both tables of the page come back with the seed's rows and columns, and each budget
    amount on its program's row (turned 2 degrees unstraightened, they merge into one grid)."""
    scan = tmp_path / "crooked.pdf"
    _turned(page_image, 2.0).save(scan, "PDF", resolution=DPI)
    tables = parse(scan).tables()
    seed = render_pdfs.seed_document(render_pdfs.SEEDS / f"{PK}.txt").tables()[:2]
    assert [(len(t.body), t.n_cols) for t in tables] == [(len(t.body), t.n_cols) for t in seed]
    for want, got in zip(seed[1].body, tables[1].body):
        assert [c.text for c in want][1:3] == [c.text for c in got][1:3]
