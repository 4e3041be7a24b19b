"""Scanned pages through Tesseract: the same blocks and table grids as a text layer, with
confidence. Inputs: a rasterised rendering of a seed (expected cells known) and a real scan."""

import json
import re
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions

from tests.tools import render_pdfs

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

PK = "pk-2023-diskominfo-kota-medan"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def scan_doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("scan")
    ruled = render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", out / "ruled.pdf")
    scan = render_pdfs.rasterise(ruled, out / "scan.pdf", max_pages=1)
    return parse(scan)


@pytest.fixture(scope="module")
def real_scan():
    path = SHARED / "pdf" / "pk_2021_dkips_sulut_SCAN.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    return parse(path)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def test_scanned_pages_are_ocred_with_confidence(scan_doc):
    assert scan_doc.source.format == "pdf-scanned"
    page = scan_doc.pages[0]
    assert page.kind == "scanned" and 0.5 < page.ocr_confidence <= 1
    texts = [b for b in scan_doc.blocks if b.type in ("paragraph", "heading")]
    assert texts and all(b.confidence is not None for b in texts)
    assert any("PERJANJIAN KINERJA" in b.text for b in texts)


def test_ocr_blocks_have_boxes_in_page_points(scan_doc):
    page = scan_doc.pages[0]
    for block in scan_doc.blocks:
        if block.type == "page_break":
            continue
        box = block.provenance.bbox
        assert 0 <= box.x0 < box.x1 <= page.width + 1 and 0 <= box.y0 < box.y1 <= page.height + 1


def test_ruled_table_of_a_scan_comes_back_as_rows_of_cells(scan_doc):
    """At least 90% of the seed's body cells of the first page are read (fuzzy, OCR noise;
    row numbers such as '1.' aside, tesseract's weakest spot)."""
    tables = scan_doc.tables()
    assert tables and all(t.method == "ocr-ruled" for t in tables)
    seed = render_pdfs.seed_document(render_pdfs.SEEDS / f"{PK}.txt").tables()[:2]
    expected = [render_pdfs.printable(c.text) for t in seed for row in t.body for c in row
                if len(c.text.strip()) >= 3]
    got = [_norm(c.text) for t in tables for row in t.body for c in row]
    found = sum(1 for e in expected if any(fuzz.ratio(_norm(e), g) >= 85 for g in got))
    assert found >= 0.9 * len(expected), f"{found}/{len(expected)}"


def test_ocr_cells_carry_confidence_and_page(scan_doc):
    cells = [c for t in scan_doc.tables() for row in t.body for c in row if c.text]
    assert cells and all(c.confidence is not None and c.provenance.page == 1 for c in cells)


def test_real_scan_tables_hold_the_gold_indicators_and_budget(real_scan):
    gold = [json.loads(x) for x in (SHARED / "gold" / "pk_2021_dkips_sulut_SCAN.facts.jsonl")
            .read_text().splitlines() if x.strip()]
    cells = [_norm(c.text) for t in real_scan.tables() for row in t.body for c in row]
    names = {f.get("indicator") or f.get("item") for f in gold if f["kind"] in ("indicator", "budget")}
    found = [n for n in names if any(fuzz.partial_ratio(_norm(n), c) >= 90 for c in cells if c)]
    assert len(found) >= 0.8 * len(names), sorted(names - set(found))


def test_real_scan_pages_are_all_scanned_and_read(real_scan):
    assert [p.kind for p in real_scan.pages] == ["scanned"] * 4
    assert all(p.ocr_confidence and p.ocr_confidence > 0.6 for p in real_scan.pages)
    assert not real_scan.degraded, real_scan.warnings


def test_ocr_respects_the_time_limit(tmp_path):
    path = SHARED / "pdf" / "lkip_2016_dpsda_jabar_SCAN.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    doc = parse(path, PdfOptions(timeout_s=3, max_pages=20))
    assert doc.degraded
    assert any("time limit" in w for w in doc.warnings)


def test_a_page_scanned_sideways_is_read_upright(tmp_path):
    """A table page scanned turned a quarter (landscape tables in portrait scans) is detected
    by tesseract's orientation step, read upright, and reported with its turn."""
    import pypdfium2 as pdfium

    ruled = render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", tmp_path / "ruled.pdf")
    page = pdfium.PdfDocument(str(ruled))[0]
    image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L").rotate(90, expand=True)
    turned = tmp_path / "turned.pdf"
    image.save(turned, "PDF", resolution=300)
    doc = parse(turned)
    # turned back clockwise by a quarter: the upright frame is the portrait page it was
    assert doc.pages[0].rotation == 90 and doc.pages[0].width < doc.pages[0].height
    cells = " ".join(c.text for t in doc.tables() for row in t.body for c in row)
    assert "Rp. 26.598.218.467,-" in cells


def test_a_sideways_scan_whose_turn_is_misdetected_is_still_read_upright():
    """A real landscape IKU table scanned sideways: tesseract's orientation step names the
    opposite quarter turn (low confidence, 'Script: Devanagari'); both quarter turns are
    read and the upright one kept."""
    path = SHARED / "pdf" / "sk_iku_2022_dpupr_kab_grobogan_SCAN.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    doc = parse(path)
    rows = [[c.text for c in row] for t in doc.tables() for row in t.body]
    row = next(r for r in rows if any("Persentase kesesuaian tata ruang" in c for c in r))
    assert "91,78" in row and "92,90" in row, row


def test_text_under_a_stamp_and_a_signature_is_read():
    # the approving head's title, printed black under a purple cap and a blue signature
    path = SHARED / "pdf" / "pengukuran_kinerja_tw3_2024_bakesbangpol_kota_bandung_SCAN.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    text = " ".join(b.text for b in parse(path).blocks if b.type != "table")
    assert "Walikota Bandung" in text


def test_a_line_of_a_crooked_scan_drifting_down_word_by_word_stays_one_line():
    # 'PERANGKAT DAERAH : Badan Kesatuan Bangsa dan Politik': the scan's skew lowers each word
    # a little, 'Bangsa' by more than half a line against 'DAERAH'
    path = SHARED / "pdf" / "pengukuran_kinerja_tw3_2024_bakesbangpol_kota_bandung_SCAN.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    texts = [b.text for b in parse(path).blocks if b.type != "table"]
    assert "PERANGKAT DAERAH : Badan Kesatuan Bangsa dan Politik" in texts


def test_dust_on_a_scan_adds_no_words(tmp_path):
    """Tesseract reads specks as ':', '5' or '©' (a 2-pixel box); on a table such a 'word' made
    a header row of its own. The PK seed's first ruled page, rasterised at 300 dpi, read clean and
    with 300 specks alone on its white (a speck beside a glyph, tesseract joins to it): the
    same words."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from kinerja.parsers.ocr.page import read_words

    ruled = render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", tmp_path / "ruled.pdf")
    page = pdfium.PdfDocument(str(ruled))[0]
    clean = np.asarray(page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")).copy()
    dusty = clean.copy()
    rng = np.random.default_rng(7)
    specks = 0
    while specks < 300:
        y, x = rng.integers(40, clean.shape[0] - 40), rng.integers(40, clean.shape[1] - 40)
        if clean[y - 40:y + 41, x - 40:x + 41].min() > 200:  # alone on the white
            dusty[y:y + 2, x:x + 2] = 30
            specks += 1
    words = [sorted(w.text for w in read_words(Image.fromarray(img), 72 / 300, "ind+eng", 60))
             for img in (clean, dusty)]
    assert words[1] == words[0]
