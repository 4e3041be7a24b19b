"""Lines of a real PDF page grouped into paragraphs: wrapped lines join, lines that end early do not."""

from pathlib import Path

import pytest

from tests.parsing import parse
from kinerja.parsers.pdf.reader import PdfOptions

PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"


def _texts(name: str, max_pages=None) -> list[str]:
    path = PDFS / name
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    doc = parse(path, PdfOptions(ocr=False, max_pages=max_pages))
    return [b.text for b in doc.blocks if b.type in ("paragraph", "heading")]


def test_form_lines_spaced_like_paragraph_lines_are_each_their_own_block():
    # "Nama : ... / Jabatan : ... / Selanjutnya disebut ..." at the 1.5 spacing of the text around them
    texts = _texts("pk_2017_kadis_dispora_jabar.pdf")
    assert "Jabatan : GUBERNUR JAWA BARAT" in texts
    assert "Selanjutnya disebut PIHAK KEDUA" in texts


def test_a_justified_paragraph_at_wide_line_spacing_stays_one_block():
    texts = _texts("lkip_2016_bpbd_jabar.pdf", max_pages=6)
    paragraph = next(t for t in texts if t.startswith("Melalui laporan ini diharapkan"))
    assert paragraph.endswith("kami sampaikan penghargaan dan ucapan terima kasih.")


def test_a_paragraph_ending_short_of_the_margin_is_not_joined_to_the_next():
    texts = _texts("pk_2017_kadis_dispora_jabar.pdf")
    promise = next(t for t in texts if t.startswith("PIHAK KESATU berjanji"))
    assert promise.endswith("menjadi tanggung jawab Kami.")
