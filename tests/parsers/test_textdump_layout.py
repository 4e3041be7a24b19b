"""Space-aligned tables of `pdftotext -layout` dumps read as Table blocks.

The dumps are made here, with poppler's pdftotext, from the real PDFs in ../shared/corpus/pdf:
a Perjanjian Kinerja with its measurement table (DKIPS Sulut), an LKjIP (DPUPR Grobogan), and
two 2016 reports without gold (a PK, an LKIP with justified text in its cells).
"""

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import score_document
from kinerja.parsers.textdump import parse
from kinerja.pipeline import extract_file
from kinerja.schema import Document, Paragraph, Table

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PDFS = SHARED / "pdf"
GOLD = SHARED / "gold"
PK = "pk_2021_pengukuran_2020_dkips_sulut"
LKJIP = "lkjip_2021_dpupr_kab_grobogan"
PK_2016 = "pk_2016_kaban_bpmpd_jabar"
LKIP_2016 = "lkip_2016_disnakertrans_jabar"


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> Path:
    """Layout dumps of the real PDFs, named as their gold files."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    if not PDFS.is_dir():
        pytest.skip(f"real PDF folder not found at {PDFS}")
    out = tmp_path_factory.mktemp("layout")
    for name in (PK, LKJIP, PK_2016, LKIP_2016):
        subprocess.run(["pdftotext", "-layout", str(PDFS / f"{name}.pdf"), str(out / f"{name}.txt")],
                       check=True)
    return out


@lru_cache(maxsize=None)
def _parse(path: Path) -> Document:
    return parse(path)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _table_with(doc: Document, path_text: str) -> Table:
    return next(t for t in doc.tables() if path_text in t.column_paths)


def _row(table: Table, first_cell: str) -> list:
    return next(row for row in table.body if row and row[0].text == first_cell)


def _cell(row: list, col: int):
    return next(c for c in row if c.col == col)


def _row_with(table: Table, text: str) -> list:
    return next(row for row in table.body if any(c.text == text for c in row))


def _col(table: Table, path: str) -> int:
    return table.column_paths.index(path)


# --- tables found ----------------------------------------------------------------------------

def test_pk_tables_are_read_with_their_column_labels(dumps):
    doc = _parse(dumps / f"{PK}.txt")
    paths = [t.column_paths for t in doc.tables()]
    assert ["NO.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"] in paths
    assert ["NO.", "PROGRAM", "ANGGARAN"] in paths


def test_tables_are_marked_as_read_from_layout_text(dumps):
    doc = _parse(dumps / f"{PK}.txt")
    assert doc.tables() and all(t.method == "layout-text" for t in doc.tables())


def test_each_numbered_row_is_one_body_row(dumps):
    table = _table_with(_parse(dumps / f"{PK}.txt"), "SASARAN STRATEGIS")
    assert [row[0].text for row in table.body] == ["1", "2"]


# --- cells -----------------------------------------------------------------------------------

def test_cell_text_wrapped_above_and_below_the_row_figures_stays_in_its_row(dumps):
    """The indicator is centred on its row: its lines start above the target '100 %'."""
    table = _table_with(_parse(dumps / f"{PK}.txt"), "INDIKATOR KINERJA")
    row = _row(table, "1")
    assert _cell(row, 2).text == ("Persentase Integrasi Penyelenggaraan Sistem E-Government "
                                  "Berbasis Teknologi Informasi dan Komunikasi")
    assert _cell(row, 3).text == "100 %"


def test_cell_provenance_gives_the_lines_and_column_it_was_read_from(dumps):
    path = dumps / f"{PK}.txt"
    table = _table_with(_parse(path), "INDIKATOR KINERJA")
    cell = _cell(_row(table, "1"), 2)
    lines = _lines(path)[cell.provenance.line_start - 1:cell.provenance.line_end]
    assert cell.provenance.col == 2 and cell.provenance.table == table.index
    assert "Persentase Integrasi" in lines[0] and "Komunikasi" in lines[-1]


def test_currency_mark_in_its_own_column_joins_the_amount(dumps):
    table = _table_with(_parse(dumps / f"{PK}.txt"), "ANGGARAN")
    assert _cell(_row(table, "1"), 2).text == "Rp. 7.838.434.333,-"


def test_total_row_without_a_number_is_its_own_row(dumps):
    table = _table_with(_parse(dumps / f"{PK}.txt"), "ANGGARAN")
    assert any(_cell(row, 1).text == "Jumlah" for row in table.body if any(c.col == 1 for c in row))


def test_signature_block_under_a_table_is_not_part_of_it(dumps):
    path = dumps / f"{PK}.txt"
    table = _table_with(_parse(path), "ANGGARAN")
    last = _lines(path)[table.provenance.line_end - 1]
    assert "Jumlah" in last


def test_figure_and_unit_of_a_cell_stay_together(dumps):
    table = _table_with(_parse(dumps / f"{LKJIP}.txt"), "INDIKATOR TUJUAN")
    row = _row_with(table, "Ketersediaan air embung untuk irigasi dan pertanian")
    assert _cell(row, _col(table, "TARGET")).text == "2 buah"


def test_centred_figures_of_narrow_columns_go_to_the_label_they_sit_under(dumps):
    """'85,12 % 100 %': the realisation and the achievement one space apart."""
    table = _table_with(_parse(dumps / f"{LKJIP}.txt"), "INDIKATOR TUJUAN")
    row = _row_with(table, "Luas irigasi Kabupaten dalam kondisi baik")
    assert _cell(row, _col(table, "REALISASI")).text == "85,12 %"
    assert _cell(row, _col(table, "%")).text == "100 %"


def test_row_number_a_line_above_its_figures_is_one_row(dumps):
    """'8.' is printed a line above its amounts; the name around both stays whole."""
    table = _table_with(_parse(dumps / f"{LKJIP}.txt"), "REALISASI (RP)")
    row = _row(table, "8.")
    assert _cell(row, 1).text == "Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"
    assert _cell(row, _col(table, "ANGGARAN (Rp.)")).text == "1.837.932.600"


def test_stretched_spaces_of_a_justified_cell_line_make_no_column(dumps):
    """'Jumlah      LPK' is one justified line of the cell 'Jumlah LPK yang terakreditasi'."""
    table = _table_with(_parse(dumps / f"{LKIP_2016}.txt"), "Kategori Penilaian")
    row = _row_with(table, "Jumlah LPK yang terakreditasi")
    assert _cell(row, _col(table, "Target")).text == "30 LPK"


# --- tables over page breaks -----------------------------------------------------------------

def test_table_continued_after_a_page_break_is_one_table(dumps):
    table = _table_with(_parse(dumps / f"{LKJIP}.txt"), "SUMBER DANA")
    assert [row[0].text for row in table.body] == [f"{k}." for k in range(1, 15)]
    assert table.provenance.pages == [47, 48]


def test_cell_text_cut_by_a_page_break_joins_its_row(dumps):
    """'Ketersediaan air embung' ends a page; 'untuk irigasi dan pertanian' opens the next."""
    path = dumps / f"{LKJIP}.txt"
    table = _table_with(_parse(path), "INDIKATOR TUJUAN")
    cell = next(c for c in _row_with(table, "Ketersediaan air embung untuk irigasi dan pertanian")
                if c.text == "Ketersediaan air embung untuk irigasi dan pertanian")
    lines = _lines(path)[cell.provenance.line_start - 1:cell.provenance.line_end]
    assert any("\f" in line for line in lines)


# --- headers ---------------------------------------------------------------------------------

def test_label_lines_of_a_column_join_and_a_word_broken_by_the_column_is_mended(dumps):
    """'PERSENTASE / HASIL / CAPAI (%)' over three lines; 'TARGE' / 'T' in a narrow column."""
    table = _table_with(_parse(dumps / f"{PK}.txt"), "REALISASI")
    assert table.column_paths[3:] == ["TARGET", "REALISASI", "PERSENTASE HASIL CAPAI (%)"]


def test_numbering_row_under_the_header_is_kept_apart(dumps):
    table = _table_with(_parse(dumps / f"{PK}.txt"), "REALISASI")
    assert table.numbering_row == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert all(row[0].text != "(1)" for row in table.body)


def test_header_of_mixed_case_labels_closed_by_a_blank_line(dumps):
    """'Program   Anggaran   Keterangan' with no number column: still the header."""
    table = _table_with(_parse(dumps / f"{PK_2016}.txt"), "Anggaran")
    assert table.column_paths == ["Program", "Anggaran", "Keterangan"]
    assert _cell(table.body[0], 1).text == "Rp. 900.000.000,-"


def test_year_under_a_label_joins_the_column_path(dumps):
    doc = _parse(dumps / f"{LKJIP}.txt")
    assert any(t.column_paths[-2:] == ["REALISASI 2021", "REALISASI 2020"] for t in doc.tables())


# --- text around tables ----------------------------------------------------------------------

def test_justified_prose_is_not_read_as_a_table(dumps):
    """Pages of justified paragraphs (wide gaps between words) stay paragraphs."""
    path = dumps / f"{LKJIP}.txt"
    doc = _parse(path)
    line = next(no for no, text in enumerate(_lines(path), start=1) if "Kepala       Bidang" in text)
    assert not any(t.provenance.line_start <= line <= t.provenance.line_end for t in doc.tables())
    assert any(not isinstance(b, Table) and b.provenance.line_start <= line <= b.provenance.line_end
               for b in doc.blocks)


def test_tab_separated_seeds_get_no_layout_tables():
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    for seed in sorted(corpus.glob("*.txt")):
        assert all(t.method != "layout-text" for t in _parse(seed).tables()), seed.name


def test_table_cells_leave_no_copy_in_paragraphs(dumps):
    doc = _parse(dumps / f"{PK}.txt")
    assert not any("7.838.434.333" in b.text for b in doc.blocks if isinstance(b, Paragraph))


# --- facts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, floor", [(PK, 0.9), (LKJIP, 0.6)])
def test_table_facts_of_the_layout_dump_match_the_gold(dumps, name, floor):
    gold_path = GOLD / f"{name}.facts.jsonl"
    if not gold_path.exists():
        pytest.skip(f"gold not found at {gold_path}")
    gold = [f for f in load_gold(gold_path) if f.get("source", "table") == "table" and f["kind"] != "meta"]
    predicted = [f.model_dump() for f in to_facts(extract_file(dumps / f"{name}.txt"))]
    predicted = [f for f in predicted if f["kind"] != "meta"]
    assert score_document(name, predicted, gold).overall.f1 >= floor
