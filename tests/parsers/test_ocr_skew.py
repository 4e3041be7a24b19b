"""A scanned page fed crooked is straightened before its rulings are sought. Input: the PK
seed's first ruled page rendered and rasterised at 300 dpi, then turned by a known angle."""

import shutil

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from tests.parsing import parse
from kinerja.parsers.ocr.skew import skew_angle

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
