"""Tables printed without rulings (a Word table without borders), on PDFs rendered from the
seed texts (tests/tools/render_pdfs.py: whitespace between columns, merged header cells as
text centred or left-aligned over their sub-columns, header not repeated after a page break,
a running footer on every page)."""

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.parsing import parse
from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.grid.refit import aligned, column_map
from kinerja.parsers.page.lines import lines_from_runs
from kinerja.parsers.pdf.reader import PdfOptions
from kinerja.parsers.pdf.rules import page_edges
from kinerja.parsers.pdf.text import page_words
from kinerja.parsers.pdf.triage import triage_page
from kinerja.parsers.unruled.tables import unruled_grids

from tests.tools import render_pdfs

PK = "pk-2023-diskominfo-kota-medan"
LKJIP = "lkjip-2024-diskominfo-prov-babel"
IKU = "iku-2020-diskominfo-kab-bengkulu-selatan"
RENSTRA = "renstra-do-2025-diskominfotik-kota-blitar"
FAST = PdfOptions(ocr=False)


@pytest.fixture(scope="module")
def unruled(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("unruled")
    paths = {}
    for seed in (PK, LKJIP, IKU, RENSTRA):
        paths[seed] = render_pdfs.render(render_pdfs.SEEDS / f"{seed}.txt",
                                         out / f"{seed}.unruled.pdf", ruled=False,
                                         repeat_header=False)
    return paths


@pytest.fixture(scope="module")
def pk_doc(unruled):
    return parse(unruled[PK], FAST)


@pytest.fixture(scope="module")
def lkjip_doc(unruled):
    return parse(unruled[LKJIP], FAST)


def page_reading(path: Path, number: int):
    """The words and drawn rules of one page, as the PDF parser reads them."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        frame = triage_page(page, number).frame
        return page_words(page, frame), page_edges(page, frame)
    finally:
        pdf.close()


def page_tables(path: Path, number: int):
    """The whitespace tables of one page, headers resolved."""
    words, _ = page_reading(path, number)
    return [resolve(g) for g in unruled_grids(lines_from_runs(words, number), number)]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _rows(table) -> list[list[str]]:
    return [[_norm(c.text) for c in row] for row in table.body]


def test_group_label_centred_over_sub_columns_becomes_their_path(lkjip_doc):
    paths = [t.column_paths for t in lkjip_doc.tables()]
    assert any(all(f"TARGET TAHUNAN / {y}" in p for y in (2023, 2024, 2025, 2026)) for p in paths)
    assert any("TAHUN 2024 / TARGET" in p and "TAHUN 2024 / REALISASI" in p for p in paths)


def test_group_label_set_left_over_sub_columns_reaches_the_last_one(pk_doc):
    paths = [t.column_paths for t in pk_doc.tables()]
    assert any("Jadwal Pelaksanaan / Jan" in p and "Jadwal Pelaksanaan / Dec" in p for p in paths)


def test_header_label_left_aligned_over_an_unlabelled_column_covers_it(lkjip_doc):
    table = next(t for t in lkjip_doc.tables() if "Sebelum Perubahan (Rp)" in t.column_paths)
    assert table.column_paths[1:3] == ["Program/Kegiatan", "Program/Kegiatan"]


def test_wrapped_cell_text_stays_in_its_row(pk_doc):
    budget = next(t for t in pk_doc.tables() if "Anggaran" in t.column_paths)
    rows = _rows(budget)
    assert len(rows) == 4
    assert ["4.", "Program Penyelenggaraan Persandian Untuk Pengamanan Informasi",
            "Rp. 530.844.662,-", "-"] in rows


def test_two_tables_set_one_under_the_other_stay_apart(pk_doc):
    paths = [t.column_paths for t in pk_doc.tables()]
    assert ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target"] in paths
    assert ["No.", "Program", "Anggaran", "Keterangan"] in paths


def test_prose_between_tables_is_not_a_table_row(pk_doc):
    cells = [c.text for t in pk_doc.tables() for row in t.body for c in row]
    assert not any("Nilai indeks SPBE, masing masing" in c for c in cells)
    paragraphs = [b.text for b in pk_doc.blocks if b.type == "paragraph"]
    assert any("Nilai indeks SPBE, masing masing" in p for p in paragraphs)


def test_rows_without_a_first_column_continue_the_group_above(lkjip_doc):
    """The quarterly targets under one indicator: its cells span the quarter rows."""
    table = next(t for t in lkjip_doc.tables() if "Target TW" in t.column_paths)
    first = table.body[0]
    indicator = next(c for c in first if c.col == 2)
    assert indicator.text.startswith("Indeks Domain Kebijakan Internal SPBE")
    assert indicator.row_span == 4
    assert [_norm(c.text) for row in table.body[1:4] for c in row if c.col == 5] == \
        ["Triwulan II", "Triwulan III", "Triwulan IV"]


def test_unit_note_under_header_labels_finishes_them(unruled):
    tables = page_tables(unruled[LKJIP], 15)
    paths = [t.column_paths() for t in tables]
    assert any("Sesudah Perubahan (Rp)" in p for p in paths)
    assert not any(_norm(c.text) == "(Rp)" for t in tables for row in t.body for c in row)


def test_characters_wrapped_in_a_very_narrow_column_make_one_word(lkjip_doc):
    cells = {_norm(c.text) for t in lkjip_doc.tables() for row in t.body for c in row}
    assert {"TW1", "0,5"} <= cells
    assert "T W 1" not in cells


def test_page_holding_one_tall_row_gives_a_one_row_table(unruled):
    tables = page_tables(unruled[RENSTRA], 26)
    assert len(tables) == 1 and len(tables[0].body) == 1
    texts = [_norm(c.text) for c in tables[0].body[0]]
    assert "2.21.02.2.02.0002" in texts


def test_continuation_without_header_fits_the_columns_it_continues(unruled):
    """Page 7 of the IKU annex prints no text in the first four columns (merged cells that
    started on page 6): its columns land on those of page 6 by position."""
    start = page_tables(unruled[IKU], 6)[-1]
    more = page_tables(unruled[IKU], 7)[0]
    assert more.n_cols < start.n_cols
    mapping = column_map(start, more)
    assert mapping is not None
    fitted = aligned(start, more)
    paths = start.column_paths()
    target = paths.index("TARGET")
    # its first row, all text, reads as a header on its own; the join keeps it as a body row
    row = next(r for r in fitted.header + fitted.body if any(_norm(c.text) == "Jumlah Instansi Pemerintah yang "
                                             "memiliki Layanan PPID" for c in r))
    assert next(_norm(c.text) for c in row if c.col == target) == "40 OPD"
    assert fitted.n_cols == start.n_cols


SHARED_PDF = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"


def test_rows_printed_without_padding_start_at_each_amount():
    """A real PK (2016): programme names wrap onto a second line spaced like any other line;
    each row starts where an amount is printed."""
    path = SHARED_PDF / "pk_2016_kaban_bpmpd_jabar.pdf"
    if not path.exists():
        pytest.skip(f"real PDF not found at {path}")
    table = next(t for t in page_tables(path, 3) if "Anggaran" in t.column_paths())
    rows = _rows(table)
    assert [r[1] for r in rows] == ["Rp. 900.000.000,-", "Rp. 16.500.250.000,-",
                                    "Rp. 4.150.000.000,-", "Rp. 3.800.000.000,-",
                                    "Rp. 2.750.000.000,-"]
    assert rows[1][0].startswith("2. Program Peningkatan") and \
        rows[1][0].endswith("dan Partisipasi Masyarakat")


@pytest.fixture(scope="module")
def word_margins(tmp_path_factory) -> Path:
    """The PK seed printed as Word sets a borderless table: 9-pt text, cell margins of 0.08
    inch left and right, none above; two cells' texts then stand closer than the gap that
    splits a printed line into segments."""
    from reportlab.lib.styles import ParagraphStyle

    plain = render_pdfs.flowable_table

    def word_table(*args, **kwargs):
        flowable = plain(*args, **kwargs)
        flowable.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 5.4),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 5.4),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
        return flowable

    out = tmp_path_factory.mktemp("word") / f"{PK}.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_pdfs, "CELL", ParagraphStyle(
            "cell", fontName=render_pdfs.FONT, fontSize=9, leading=10.5))
        patch.setattr(render_pdfs, "flowable_table", word_table)
        return render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", out, ruled=False,
                                  repeat_header=False)


def test_cells_whose_texts_nearly_touch_are_read_apart_with_the_words(word_margins):
    words, _ = page_reading(word_margins, 1)
    lines = lines_from_runs(words, 1)
    table = next(resolve(g) for g in unruled_grids(lines, 1, words)
                 if "Target" in resolve(g).column_paths())
    last = {c.col: _norm(c.text) for c in table.body[-1]}
    assert last[2] == "Cakupan Layanan Informasi Pemerintah Daerah yang Terlindungi dan " \
                      "Terjaga dengan Baik"
    assert last[3] == "68%"


@pytest.fixture(scope="module")
def equations(tmp_path_factory) -> Path:
    """The PK seed without rulings, its formulas' fractions printed as Word's equation editor
    prints them (numerator, a short rule, denominator): the only lines drawn on the page."""
    plain = render_pdfs.cell_flowables

    def stacked(*args, **kwargs):
        kwargs["stacked"] = True
        return plain(*args, **kwargs)

    out = tmp_path_factory.mktemp("equations") / f"{PK}.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_pdfs, "cell_flowables", stacked)
        return render_pdfs.render(render_pdfs.SEEDS / f"{PK}.txt", out, ruled=False,
                                  repeat_header=False)


def test_fraction_stacked_over_a_bar_reads_as_one_formula(equations):
    words, rules = page_reading(equations, 2)
    assert any(e.orientation == "h" for e in rules), "the page draws fraction bars"
    tables = [resolve(g) for g in unruled_grids(lines_from_runs(words, 2), 2, words, rules)]
    cells = [_norm(c.text) for t in tables for row in t.body for c in row]
    assert any("Jumlah data yang berpotensi terdigitalisasi pada OPD / Jumlah data digitalisasi"
               in c for c in cells)
