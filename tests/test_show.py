"""`kinerja show FILE.pdf --page N --out PNG`: what the parser saw, drawn on the page."""

import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from kinerja.parsers.errors import InputError
from kinerja.parsers.pdf.inspect import inspect_page

from .conftest import PDFS, SHARED

RULED = PDFS / "lkjip_2021_dpupr_kab_grobogan.pdf"  # p. 3: the Ikhtisar's ruled table
SCAN = PDFS / "pk_2021_dkips_sulut_SCAN.pdf"

pytestmark = pytest.mark.skipif(not RULED.is_file(), reason="shared corpus not found")


def _show(path, page, out):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", "show", str(path), "--page", str(page),
                           "--out", str(out)], capture_output=True, text=True)


def _pixels(png, colour) -> int:
    a = np.asarray(Image.open(png).convert("RGB")).astype(int)
    return int((np.abs(a - np.array(colour)).sum(axis=2) < 30).sum())


@pytest.fixture(scope="module")
def ruled_picture(tmp_path_factory):
    out = tmp_path_factory.mktemp("show") / "p3.png"
    return _show(RULED, 3, out), out


def test_the_picture_is_the_page_at_twice_its_size(ruled_picture):
    r, out = ruled_picture
    assert r.returncode == 0, r.stderr
    assert Image.open(out).size == (1224, 2016)  # 612 x 1008 points


def test_rulings_cells_and_header_rows_are_drawn_in_their_colours(ruled_picture):
    from kinerja.write.show import CELL, RULING, TABLE

    _, out = ruled_picture
    assert _pixels(out, RULING) > 500 and _pixels(out, CELL) > 5000 and _pixels(out, TABLE) > 2000


def test_the_command_names_what_it_drew(ruled_picture):
    r, _ = ruled_picture
    assert "1 tables, 42 cells, 6 header cells" in r.stdout and "pdfium-rules" in r.stdout


def test_the_view_holds_the_header_row_of_the_table():
    (table,) = inspect_page(RULED, 3).tables
    assert len(table.header) == 6 and len(table.cells) == 42


def test_a_scanned_page_shows_its_ocr_lines_and_table():
    if not SCAN.is_file():
        pytest.skip("scan not found")
    view = inspect_page(SCAN, 2)
    assert view.kind == "scanned" and len(view.tables) == 1 and view.words


def test_a_page_the_file_does_not_have_is_a_clear_error(tmp_path):
    r = _show(RULED, 999, tmp_path / "x.png")
    assert r.returncode == 1 and "no page 999 (the file has 75)" in r.stderr and str(RULED) in r.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_file_that_is_no_pdf_is_a_clear_error():
    with pytest.raises(InputError, match="not a PDF"):
        inspect_page(SHARED / "corpus" / "seeds" / "pk-2023-diskominfo-kota-medan.txt", 1)
