"""Words from the PDF text layer (parsers/pdf_text.py): glyphs that ink less than their advance
still make one word when their advances meet."""

from pathlib import Path

import pikepdf
import pytest

from tests.conftest import PDFS, WILD
from tests.parsing import parse

from .real_pdfs import FAST, real_doc


def _texts(doc) -> str:
    parts = []
    for block in doc.blocks:
        if block.type == "table":
            parts += [c.text for row in block.header_rows + block.body for c in row]
        else:
            parts.append(block.text)
    return "\n".join(parts)


@pytest.mark.parametrize("name, printed", [
    ("pk_2017_kadis_dispora_jabar.pdf", "100 dari 110 Organisasi"),
    ("iku_2017_dinkes_jabar.pdf", "0-11 bulan"),
    ("lkjip_2021_dpupr_kab_grobogan.pdf", "2011"),
])
def test_a_number_printed_with_narrow_ones_is_one_word(name, printed):
    assert printed in _texts(real_doc(name))


def test_words_of_neighbouring_cells_stay_apart():
    """The PK's ruled cells: target and unit columns side by side are not run together."""
    text = _texts(real_doc("pk_2021_pengukuran_2020_dkips_sulut.pdf"))
    assert "201 1" not in text and "Persen100" not in text


def _one_page(src: Path, number: int, out: Path) -> Path:
    """Page `number` of a real PDF as a PDF of its own (the page's content untouched)."""
    with pikepdf.open(src) as pdf:
        single = pikepdf.new()
        single.pages.append(pdf.pages[number - 1])
        single.save(out)
    return out


def _rows(doc) -> list[list[str]]:
    table = next(b for b in doc.blocks if b.type == "table" and b.n_cols >= 5)
    return [[c.text for c in row] for row in table.header_rows + table.body]


def _page_of(folder: Path, name: str, number: int, tmp_path: Path):
    src = folder / name
    if not src.exists():
        pytest.skip(f"real PDF not found at {src}")
    return parse(_one_page(src, number, tmp_path / "page.pdf"), FAST)


def test_text_scaled_down_by_its_matrix_has_the_size_it_is_drawn_at(tmp_path):
    """A writer sets the font at 83 pt and scales the text by 0.12: the words are 10 pt high, so
    the header above a ruling and the row below it stay apart, and words a space apart do not
    run together."""
    rows = _rows(_page_of(WILD, "lkjip_2020_pemprov_sumut.pdf", 26, tmp_path))
    assert rows[0][:3] == ["No.", "Indikator Kinerja Utama", "Satuan"]
    assert ["1", "Indeks Kerukunan umat beragama", "Poin", "80", "76.30", "95,38"] in rows


def test_a_text_line_overflowing_its_ruled_row_stays_in_that_row(tmp_path):
    """A header line drawn across its row's bottom ruling (the row is drawn too short): the
    line's ink, not one word's descender, decides its row, and the row below keeps its text."""
    rows = _rows(_page_of(PDFS, "rencana_aksi_2022_dpupr_kab_grobogan.pdf", 2, tmp_path))
    header = next(r for r in rows if "Uraian" in r)
    assert "Indikator Program" in header
    data = next(r for r in rows if "PROGRAM PENYELENGGARAAN JALAN" in r)
    assert data[data.index("PROGRAM PENYELENGGARAAN JALAN") + 1] == "Persentase Tingkat kemantapan jalan"
