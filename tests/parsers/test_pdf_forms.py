"""Tables drawn inside a Form XObject: pdfium gives the objects of a form in the form's own
space, so its rulings are placed through the form's matrix (a shrink-to-fit or n-up print, a
converter that wraps each page's drawing in a scaled form)."""

from pathlib import Path

import pypdfium2 as pdfium

from tests.conftest import PDFS, WILD
from tests.parsing import parse

from .real_pdfs import one_page


def _shrunk(src: Path, out: Path, scale: float) -> Path:
    """The one page of src drawn as a form, scaled and moved, on a page of the same size."""
    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    width, height = doc[0].get_size()
    xobject = doc.page_as_xobject(0, new)
    form = xobject.as_pageobject()
    form.transform(pdfium.PdfMatrix().scale(scale, scale).translate(width * (1 - scale) / 2, height * (1 - scale) / 2))
    page = new.new_page(width, height)
    page.insert_obj(form)
    page.gen_content()
    new.save(str(out))
    return out


def _shape(path: Path) -> list[tuple[int, int]]:
    return [(t.n_rows, t.n_cols) for t in parse(path).tables()]


def test_a_table_ruled_inside_a_scaled_form_is_read(tmp_path):
    # Word's export draws this landscape page's table in a form scaled 10 x 3 (Tabel 2.2:
    # No | Indikator | SPM | IKK | Target Renstra 2013..2015 (6+7) | Realisasi 2013, 2014 | Proyeksi 2015, 2016 | Catatan)
    pdf = one_page(WILD / "renja_2016_dkp_kab_cianjur.pdf", 22, tmp_path / "p22.pdf")
    (table,) = parse(pdf).tables()
    assert (table.n_rows, table.n_cols) == (6, 13)
    assert "Realisasi Capaian / Tahun 2014" in table.column_paths


def test_a_page_shrunk_into_a_form_gives_the_tables_of_the_page(tmp_path):
    page = one_page(PDFS / "pk_2021_pengukuran_2020_dkips_sulut.pdf", 3, tmp_path / "p3.pdf")
    assert _shape(_shrunk(page, tmp_path / "shrunk.pdf", 0.8)) == _shape(page) != []
