"""Space-aligned tables of `pdftotext -layout` dumps read as Table blocks.

The dumps are made here, with poppler's pdftotext, from the real PDFs in ../shared/corpus/pdf:
a Perjanjian Kinerja with its measurement table (DKIPS Sulut), an LKjIP (DPUPR Grobogan), and
three 2016 reports without gold (a PK, two LKIPs with justified text in their cells), a Renja
(DPMPTSP Wonosobo) whose tables run over pages with other margins; and from a seed
LKjIP rendered as a ruled PDF (tests/tools/render_pdfs.py), a Word-like report whose tables have
group labels over sub-columns and titles printed right above their headers.
"""

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from kinerja.evaluate.facts import to_facts
from kinerja.evaluate.gold import load_gold
from kinerja.evaluate.metrics import score_document
from tests.parsing import parse
from kinerja.pipeline import extract_file
from kinerja.schema import Document, Paragraph, Table

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PDFS = SHARED / "pdf"
GOLD = SHARED / "gold"
PK = "pk_2021_pengukuran_2020_dkips_sulut"
LKJIP = "lkjip_2021_dpupr_kab_grobogan"
PK_2016 = "pk_2016_kaban_bpmpd_jabar"
LKIP_2016 = "lkip_2016_disnakertrans_jabar"
LKIP_DINKES = "lkip_2016_dinkes_jabar"
SEED_LKJIP = "lkjip-2024-diskominfo-prov-babel"
RENJA = "renja_2019_dpmptsp_kab_wonosobo"


@pytest.fixture(scope="module")
def dumps(tmp_path_factory) -> Path:
    """Layout dumps of the real PDFs, named as their gold files."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    if not PDFS.is_dir():
        pytest.skip(f"real PDF folder not found at {PDFS}")
    out = tmp_path_factory.mktemp("layout")
    for name in (PK, LKJIP, PK_2016, LKIP_2016, LKIP_DINKES, RENJA):
        subprocess.run(["pdftotext", "-layout", str(PDFS / f"{name}.pdf"), str(out / f"{name}.txt")],
                       check=True)
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Layout dump of a seed LKjIP rendered as a ruled PDF."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    pytest.importorskip("reportlab")
    from tests.tools import render_pdfs

    out = tmp_path_factory.mktemp("rendered")
    pdf = render_pdfs.render(render_pdfs.SEEDS / f"{SEED_LKJIP}.txt", out / f"{SEED_LKJIP}.pdf")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out / f"{SEED_LKJIP}.txt")], check=True)
    return out / f"{SEED_LKJIP}.txt"


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


def test_cells_merged_over_sub_rows_stay_whole_in_the_numbered_row(rendered):
    """Row '3' of a monitoring table has sub-rows 'TW 1 ... TW 4' at its right; its text cells,
    merged over them, run past their lines and stay whole in row '3'."""
    table = next(t for t in _parse(rendered).tables()
                 if any(c.text == "TW 4" for row in t.body for c in row))
    k = next(k for k, row in enumerate(table.body) if row[0].text == "3")
    texts = [c.text for c in table.body[k]]
    assert any(t.startswith("Persentase OPD") and t.endswith("Prinsip satu data Indonesia") for t in texts)
    assert any(t.startswith("Presentase perangkat daerah") and "dalam menyusun perencanaan" in t
               for t in texts)
    for row in table.body[k + 1:k + 4]:  # the sub-rows: 'TW n' and figures only
        filled = [c.text for c in row if c.text]
        assert filled[0].startswith("TW ") and all(t.startswith("TW ") or t[0].isdigit() for t in filled)


def _row_anywhere(doc: Document, text: str) -> list:
    return next(row for t in doc.tables() for row in t.body if any(c.text == text for c in row))


def test_justified_text_cells_one_space_apart_are_split_where_the_right_cell_opens(dumps):
    """'Kepegawaian   Perangkat' beside '• Terlaksananya' / 'pengadaan  seragam': the cells
    meet at a different character column on each row; each row's own gutter is used."""
    doc = _parse(dumps / f"{LKJIP}.txt")
    row = _row_anywhere(doc, "d. Kegiatan Administrasi Kepegawaian Perangkat Daerah.")
    assert [c.text for c in row][1:3] == [
        "• Terlaksananya pengadaan seragam dan bimbingan teknis bagi PNS dan Non PNS.", "335 buah"]


def test_last_lines_of_a_cell_under_the_last_row_stay_in_it(dumps):
    """'Dharma Tirta dalam' / 'pengelolaan irigasi.' end the indicator cell of a table's last
    row, opening where its lines above open."""
    doc = _parse(dumps / f"{LKJIP}.txt")
    cell = next(c for t in doc.tables() for row in t.body for c in row
                if c.text.startswith("• Meningkatkan suplai air irigasi."))
    assert cell.text.endswith("khususnya P3A/ Dharma Tirta dalam pengelolaan irigasi.")


def test_an_indicator_under_a_numbered_row_with_its_own_figures_is_its_own_row(dumps):
    """'Jumlah wirausaha baru  1.000 orang' under row '2.': its figures fill the row's own
    columns, so it is a sub-row with its own indicator, not part of a merged cell."""
    row = _row_anywhere(_parse(dumps / f"{LKIP_2016}.txt"), "Jumlah wirausaha baru")
    assert any(c.text == "1.000 orang" for c in row)


def test_stretched_spaces_of_one_row_do_not_set_the_gutter_of_a_dense_table(dumps):
    """Rows without blank lines between them: 'hubungan     industrial' stretches the spaces of
    one row; the sasaran of row '1.' stays whole."""
    assert _row_anywhere(_parse(dumps / f"{LKIP_2016}.txt"), "Meningkatnya kualitas tenaga kerja")


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


def test_a_numbered_row_after_a_page_break_is_its_own_row(dumps):
    """Row '5' opens the next page with its indicator's first line above its number: a row of
    its own under row '4', not the rest of it."""
    table = next(t for t in _parse(dumps / f"{LKIP_DINKES}.txt").tables()
                 if any(c.text == "Jumlah Rumah Sakit yang sudah Terakreditasi"
                        for row in t.body for c in row))
    numbers = [c.text for row in table.body for c in row if c.text in ("3", "4", "5", "6")]
    assert numbers == ["3", "4", "5", "6"]


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


def test_group_label_at_the_left_of_its_merged_cell_names_the_sub_columns_beside(rendered):
    """'2023' and '2024' printed over the first of their 'Target  Realisasi  % Capaian'."""
    table = _table_with(_parse(rendered), "Indikator Sasaran")
    assert table.column_paths[2:8] == [f"{year} / {label}" for year in (2023, 2024)
                                       for label in ("Target", "Realisasi", "% Capaian")]


def test_group_label_narrower_than_its_sub_columns_names_them_all(rendered):
    """'TARGET TAHUNAN' over the first of the years 2023 ... 2026 under it."""
    table = _table_with(_parse(rendered), "SASARAN STRATEGIS")
    assert "TARGET TAHUNAN / 2025" in table.column_paths
    assert "Target Akhir Renstra" in table.column_paths


def test_label_centred_around_its_neighbours_label_line_stays_one_label(dumps):
    """'JUMLAH' / 'DESA/KELURAHAN' / 'UCI' over three lines around the line of '%'."""
    doc = _parse(dumps / f"{LKIP_DINKES}.txt")
    assert any(t.column_paths[-2:] == ["JUMLAH DESA/KELURAHAN UCI", "%"] for t in doc.tables())


def test_a_year_group_label_rows_above_its_sub_labels_heads_them_not_the_next_column(dumps):
    """'TAHUN 2016' over 'TARGET  REALISASI  % REALISASI', five lines above 'REALISASI'; 'TARGET
    AKHIR RENSTRA' beside them, a taller label, is no column of that year."""
    table = _table_with(_parse(dumps / f"{LKIP_DINKES}.txt"), "TAHUN 2016 / TARGET")
    assert table.column_paths[4:8] == ["TAHUN 2016 / TARGET", "TAHUN 2016 / REALISASI",
                                       "TAHUN 2016 / % REALISASI", "TARGET AKHIR RENSTRA"]


def test_rows_of_a_table_continued_under_its_repeated_header_are_kept(dumps):
    """The Renstra target table of the Disnakertrans LKIP runs on to the next page under its
    header again: the rows there are read, their years from the header. The part is joined to
    the table only when it maps onto it as the table is built (read with the running header's
    line above it, its header differs; read without, it maps): else its rows would be lost."""
    facts = {(f.measure, f.year): f.value for f in to_facts(extract_file(dumps / f"{LKIP_2016}.txt"))
             if f.kind == "indicator" and f.indicator == "Persentase kenaikan UMK"}
    assert facts[("realisasi", 2015)] == 14.79
    assert facts[("target", 2017)] == facts[("target", 2018)] == 5.0


def test_label_above_and_below_its_neighbours_line_stays_one_label(dumps):
    """'INDIKATOR' / 'TUJUAN' around the line of 'TARGET  REALISASI  %': no group label."""
    table = _table_with(_parse(dumps / f"{LKJIP}.txt"), "INDIKATOR TUJUAN")
    assert table.column_paths[-3:] == ["TARGET", "REALISASI", "%"]


# --- text around tables ----------------------------------------------------------------------

def test_a_title_right_above_a_header_opens_a_new_table(rendered):
    """'Anggaran :' then 'NO  Indikator Kinerja  Program ...' under the rows of a PK table,
    with no blank line between: two tables, the title in neither."""
    doc = _parse(rendered)
    budget = next(t for t in doc.tables()
                  if any(c.text == "Rp. 152.898.264,-" for row in t.body for c in row))
    assert budget.column_paths == ["NO", "Indikator Kinerja", "Program", "Anggaran", "Keterangan"]
    assert all("Anggaran :" not in c.text for t in doc.tables() for row in t.body for c in row)


def test_tables_under_their_own_titles_are_apart(rendered):
    """Two quarterly monitoring tables, the second under 'Lampiran 5. ...' title lines."""
    doc = _parse(rendered)
    monev = [t for t in doc.tables() if "PENANGGUNG JAWAB (BIDANG)" in t.column_paths]
    assert len(monev) >= 2
    assert all(len([row for row in t.body if row[0].text == "1"]) == 1 for t in monev)


def test_the_wrapped_end_of_a_title_is_no_header_label(rendered):
    """'KEPULAUAN BANGKA BELITUNG' ends the title line above the PK table's header."""
    table = _table_with(_parse(rendered), "Formula Penghitungan Target")
    assert table.column_paths[:2] == ["NO.", "Sasaran Strategis"]


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


# --- labels one space apart, parts on pages with other margins ---------------------------------

def test_labels_one_space_apart_each_ending_in_a_unit_name_their_own_columns(dumps):
    """'ANGGARAN (Rp) REALISASI (Rp)' is printed with single spaces over two figure columns."""
    table = _table_with(_parse(dumps / f"{RENJA}.txt"), "ANGGARAN (Rp)")
    row = _row(table, "1. Gaji dan Tunjangan")
    assert _col(table, "REALISASI (Rp)") == 2
    assert (_cell(row, 1).text, _cell(row, 2).text) == ("1.569.147.817", "1.366.607.620")


def test_part_on_a_page_with_other_margins_keeps_each_figure_in_its_column(dumps):
    """Page 6 continues the table without its header, its columns some characters to the left
    and a bullet column of its own: figures go to the table's figure columns in order."""
    table = _table_with(_parse(dumps / f"{RENJA}.txt"), "ANGGARAN (Rp)")
    row = next(r for r in table.body if r[0].text.startswith("- Penyediaan komponen instalasi"))
    assert [_cell(row, c).text for c in (1, 2, 3)] == ["6.000.000", "5.999.850", "100"]


def test_numbering_row_of_the_kept_columns_of_a_longer_form_counts_the_columns(dumps):
    """The Renja form numbers the columns it kept: (2) (5) (8) (9) ... (19), nine in all."""
    table = _table_with(_parse(dumps / f"{RENJA}.txt"), "Prakiraan Maju")
    assert len(table.column_paths) == 9 and table.column_paths[6] == "Pagu Indikatif (Rp) APBD"
    row = _row(table, "Urusan Pekerjaan Umum dan Penataan Ruang")
    assert (_cell(row, 6).text, _cell(row, 7).text) == ("450.000.000", "400.000.000")


def test_names_wrapping_under_their_figures_stay_in_their_rows_where_every_cell_opens_on_its_row(dumps):
    """The Renja's program rows print name and pagu on the name's first line and wrap the name
    below ('Program Pengendalian' / 'Pemanfaatan Ruang'): every cell opens on its row's line, so
    the rows are top-aligned, though splitting each name at its middle fits as well."""
    table = _table_with(_parse(dumps / f"{RENJA}.txt"), "Prakiraan Maju")
    names = [row[0].text for row in table.body[:4]]
    assert names == ["Urusan Pekerjaan Umum dan Penataan Ruang",
                     "Program Perencanaan Prasarana Wilayah dan Sumber Daya Alam",
                     "Penyusunan Perencanaan Bidang Keciptakaryaan", "Program Pengendalian Pemanfaatan Ruang"]


def test_figures_one_space_before_the_next_columns_text_in_a_headless_part_are_their_own_column(dumps):
    """Page 16 continues the Renja table without its header: the right-aligned Prakiraan Maju
    figures stand one space before the Jenis Kegiatan words ('2.250.000 Sedang'), so pdftotext
    prints them as one column. Cut, the part's columns are the table's and each figure stays in
    its own (before, the pagu was read as the prakiraan maju)."""
    table = _table_with(_parse(dumps / f"{RENJA}.txt"), "Prakiraan Maju")
    row = _row(table, "Penyediaan jasa surat menyurat")
    assert [_cell(row, c).text for c in (6, 7, 8)] == ["2.200.000", "2.250.000", "Sedang Berjalan"]


def _wild_page_dump(tmp_path: Path, name: str, page: int) -> Path:
    """The layout dump of one page of a wild PDF, made here with pdftotext."""
    pdf = SHARED / "wild" / f"{name}.pdf"
    if shutil.which("pdftotext") is None or not pdf.is_file():
        pytest.skip(f"pdftotext or {pdf} is missing")
    dump = tmp_path / f"{name}_p{page}.txt"
    subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), str(dump)], check=True)
    return dump


def test_years_under_a_group_label_keep_their_own_figures_beside_an_empty_remarks_column(tmp_path):
    # a Renstra's 'Tabel Indikator Kinerja Kunci' (DPMD Banyuwangi, page 82): 'TARGET TAHUN' over
    # 2025..2030, then 'KET' over nothing; each year's target is read under its own year
    dump = _wild_page_dump(tmp_path, "renstra_2025_2029_dpmd_kab_banyuwangi", 82)
    kerjasama = {f.year: f.value for f in to_facts(extract_file(dump))
                 if f.kind == "indicator" and "Kerjasama" in f.indicator and f.measure == "target"}
    assert kerjasama == {2025: 30, 2026: 40, 2027: 50, 2028: 60, 2029: 70, 2030: 80}


def test_a_group_label_spread_over_a_neighbour_groups_years_keeps_to_its_own(tmp_path):
    # a Renstra's 'Anggaran dan Realisasi Pendanaan' (Disbudpar Banyuwangi, page 26): 'ANGGARAN
    # 2020..2024 | REALISASI 2020..2024'; the dump sets the realisasi label over anggaran 2023 and
    # 2024 too. Those two stay anggaran; realisasi is read under its own five years, in rupiah
    # (the header prints juta rupiah)
    dump = _wild_page_dump(tmp_path, "renstra_2025_2029_disbudpar_kab_banyuwangi", 26)
    budget = [f for f in to_facts(extract_file(dump)) if f.kind == "budget"]
    by = {(f.measure, f.year): f.value for f in budget if "KEBUDAYAAN" in f.item}
    assert by[("anggaran", 2023)] == 17_011_400_000 and by[("anggaran", 2024)] == 16_367_300_000
    assert by[("realisasi", 2020)] == 17_393_000_000 and by[("realisasi", 2024)] == 13_626_700_000


def test_item_numbers_of_a_text_column_set_under_the_last_year_are_no_targets(tmp_path):
    # a Renstra's target matrix (Dishub Jatim 2009-2014, page 113): the Kebijakan column numbers
    # its items '1  dermaga sungai ...', '2', '3' a few characters right of the 2014 targets; each
    # year keeps the one target its row prints
    dump = _wild_page_dump(tmp_path, "renstra_2009_2014_dishub_jatim", 113)
    targets = {}
    for f in to_facts(extract_file(dump)):
        if f.kind == "indicator" and f.indicator.startswith("Presentase ketersediaan dermaga"):
            targets.setdefault((f.measure, f.year), []).append(f.value)
    assert targets[("target", 2014)] == [27.0]
    assert targets[("target", 2010)] == [25.0] and targets[("baseline", 2009)] == [25.0]


def test_a_section_letter_in_the_first_column_is_no_grade_that_shifts_its_row(tmp_path):
    # a Renstra's 'Pencapaian Kinerja Pelayanan' (Bakesbangpol Bandung, page 31): 'A  Urusan
    # Kesatuan Bangsa dan Politik ...' is a section row; its 'A' is a label, not a grade whose
    # column the row's cells should be shifted to fit (which made 'dan' an indicator)
    dump = _wild_page_dump(tmp_path, "renstra_perubahan_2018_2023_bakesbangpol_kota_bandung", 31)
    names = {f.indicator for f in to_facts(extract_file(dump)) if f.kind == "indicator"}
    assert "dan" not in names


def _pages_dump(tmp_path: Path, pdf: Path, first: int, last: int) -> Path:
    """The layout dump of pages first..last of a shared PDF, made here with pdftotext."""
    if shutil.which("pdftotext") is None or not pdf.is_file():
        pytest.skip(f"pdftotext or {pdf} is missing")
    dump = tmp_path / f"{pdf.stem}_p{first}-{last}.txt"
    subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), str(dump)], check=True)
    return dump


def _table_on_page_holding(tmp_path: Path, wild: str, text: str, pages: range, label: str) -> Table:
    """The table headed by `label` on the first of `pages` of a wild PDF that prints `text`."""
    pdf = SHARED / "wild" / f"{wild}.pdf"
    if shutil.which("pdftotext") is None or not pdf.is_file():
        pytest.skip(f"pdftotext or {pdf} is missing")
    page = next(p for p in pages if text in subprocess.run(
        ["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True).stdout)
    return next(t for t in parse(_pages_dump(tmp_path, pdf, page, page)).tables()
                if any(label in p for p in t.column_paths))


def test_a_page_opening_with_a_programs_row_continues_the_budget_table_before(tmp_path):
    # an LKjIP's 'No | PROGRAM / KEGIATAN | Alokasi Anggaran | Realisasi Anggaran | % Keuangan | %
    # Fisik', printed over pages with its header once; the next page opens with a program's row
    # ('PROGRAM PENGENDALIAN PENYAKIT' / its pagu / 'MENULAR DAN TIDAK MENULAR'), which the region
    # finder left out and whose last line looked like a header
    dump = _pages_dump(tmp_path, PDFS / "lkip_2016_dinkes_jabar.pdf", 82, 83)
    budgets = {(f.item, f.measure): f.value for f in to_facts(extract_file(dump)) if f.kind == "budget"}
    assert budgets[("Pencegahan dan Pengendalian Penyakit Menular Langsung", "anggaran")] == 640582600
    assert budgets[("Pencegahan dan Pengendalian Penyakit Menular Langsung", "realisasi")] == 522204200



def test_an_amount_wrapped_inside_its_last_group_of_digits_is_one_amount(tmp_path):
    # a Renja's review of the RKPD draft: a narrow 'Pagu Indikatif' cell prints '24.201.795.' and,
    # two lines down, past the item's name, '620'; the tail is no amount of a row of its own
    dump = _pages_dump(tmp_path, SHARED / "wild" / "renja_2024_bakesbangpol_kota_bandung.pdf", 35, 35)
    table = next(t for t in parse(dump).tables() if any("Pagu" in p for p in t.column_paths))
    texts = {c.text for row in table.body for c in row}
    assert {"24.201.795.620", "20.266.183.940", "9.992.176.720"} <= texts
    assert not texts & {"24.201.795.", "620", "940"}


def test_year_groups_centred_over_their_labels_head_each_of_them(tmp_path):
    # a Renja's 'Rencana Tahun 2024 | Perkiraan Maju Rencana Tahun 2025' over 'Capaian Target
    # Kinerja | Kebutuhan Dana/Pagu Indikatif' each: pdftotext sets the words of a group over
    # different sub-columns, and each sub-column keeps the whole group's year
    table = _table_on_page_holding(tmp_path, "renja_2024_bakesbangpol_kota_bandung", "Perkiraan Maju Rencana",
                                   range(45, 60), "Perkiraan Maju")
    assert "Rencana Tahun 2024 / Capaian Target Kinerja" in table.column_paths
    assert "Perkiraan Maju Rencana Tahun 2025 / Capaian Target Kinerja" in table.column_paths


def test_a_tall_name_on_its_rows_first_line_keeps_its_lines_and_lends_none_to_the_next(tmp_path):
    # an LKjIP's 'Perbandingan Realisasi Kinerja': each indicator's name wraps over five to eight
    # lines under its number and figures; split at their middles, each name had taken the tail of
    # the one above ('yang melibatkan Angkutan Umum Persentase pemenuhan SDM ...')
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lkjip_2019_dishub_jatim.pdf", 30, 30)
    names = {c.text for t in parse(dump).tables() for row in t.body for c in row}
    assert "Persentase pemenuhan SDM Penguji Kendaraan Bermotor dibandingkan kebutuhan" in names
    assert "Jumlah rute pelayanan mudik balik gratis laut" in names


def test_a_header_wrapped_over_ten_lines_keeps_its_row_of_years(tmp_path):
    # a Renstra's 'Pencapaian Kinerja Pelayanan': narrow 'INDIKATOR / SPM / NSPK' and 'TARGET /
    # IKK/IK / U' labels wrap over eleven lines; the row of years stands on the tenth, beside 'U'
    table = _table_on_page_holding(tmp_path, "renstra_2025_2029_disbudpar_kab_banyuwangi", "TABEL. 2.1.3.1",
                                   range(20, 30), "REALISASI CAPAIAN")
    assert "REALISASI CAPAIAN TAHUN KE- / 2023" in table.column_paths
    assert not any(c.text == "2020" for c in table.body[0])


@pytest.fixture(scope="module")
def one_year_renstra(tmp_path_factory) -> Table:
    """A generated Renstra table with one plan year: 'Target Kinerja dan Kerangka' (title case)
    over 'Pendanaan', '2017', then 'K' and 'Rp', right above the header's first line."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    from tests.forms import generate

    g = generate("renstra_target", "years1", 0, tmp_path_factory.mktemp("years1"))
    return _table_with(_parse(g.inputs["layout"]), "Program dan Kegiatan")


def test_a_title_case_group_label_right_above_the_header_heads_its_sub_columns(one_year_renstra):
    heads = [p for p in one_year_renstra.column_paths if p.startswith("Target Kinerja dan Kerangka")]
    assert [p.split(" / ")[-1] for p in heads] == ["K", "Rp"]


def test_a_figure_and_its_unit_under_a_lone_header_letter_stay_one_cell(one_year_renstra):
    # '52 Dokumen' one space apart; 'K' over the unit alone shares no line with the figure
    k = one_year_renstra.column_paths.index(next(p for p in one_year_renstra.column_paths if p.endswith("/ K")))
    row = _row_with(one_year_renstra, "Jumlah Dokumen Kajian")
    assert _cell(row, k).text.endswith("Dokumen") and _cell(row, k).text[:1].isdigit()


def test_a_running_header_of_four_lines_is_no_content_between_a_table_and_its_next_page(dumps):
    """'29' / 'LAPORAN KINERJA' / 'Dinas ...' / 'Tahun 2016' atop each page: the Disnakertrans
    plan for 2017 ('RENCANA TINDAKLANJUT PROGRAM/KEGIATAN TAHUN 2017') runs on over three pages
    as one table, so the rows on its later pages keep the caption's year."""
    facts = {(f.period, f.year): f.value for f in to_facts(extract_file(dumps / f"{LKIP_2016}.txt"))
             if f.kind == "indicator" and f.indicator == "Jumlah wirausaha baru" and f.period != "annual"}
    assert facts == {("TW1", 2017): 250, ("TW2", 2017): 500, ("TW3", 2017): 750, ("TW4", 2017): 1000}


def test_a_page_number_at_the_end_of_a_tables_last_row_is_no_cell(tmp_path):
    """The Cianjur LAKIP's RKT table runs to its page's foot, where pdftotext sets the page
    number '20' at the end of the last row's line; pages 19 and 21 number themselves on lines
    of their own."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lakip_2015_dkp_kab_cianjur.pdf", 24, 26)
    doc = _parse(dump)
    assert not any(c.text == "20" for t in doc.tables() for row in t.body for c in row)
    assert any("page number" in w for w in doc.warnings)


def test_a_band_across_the_body_under_the_row_of_years_is_no_header_label(tmp_path):
    """Sumut's Indeks Infrastruktur table: 'DINAS BINA MARGA DAN BINA KONTRUKSI' centred on
    its own line under '2019 ... 2022', over the agency's rows; the years keep their measures."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lkjip_2022_pemprov_sumut.pdf", 31, 31)
    table = _table_with(_parse(dump), "Indikator Kinerja")
    assert "Target / 2019" in table.column_paths and "Realisasi / 2021" in table.column_paths
    assert not any("BINA MARGA" in p for p in table.column_paths)


def test_labels_broken_one_word_a_line_down_to_their_years_are_one_header(tmp_path):
    """Cianjur's 'Hasil' / 'Th' / '2012' (and 'Targ' / 'et Th' / '2015') stacked one word a line
    in narrow columns: the row of years is the header's, so 2.8, 0 and 1.7 are the realisasi of
    2012, 2013 and 2014, not three of 2015."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lakip_2015_dkp_kab_cianjur.pdf", 43, 43)
    facts = {(f.measure, f.year): f.value for f in to_facts(extract_file(dump))
             if f.kind == "indicator" and f.indicator.startswith("Penatan Pemakaman")}
    assert facts[("realisasi", 2012)] == 2.8 and facts[("realisasi", 2014)] == 1.7
    assert ("realisasi", 2015) not in facts


def test_a_row_of_years_as_many_as_the_columns_left_names_them_in_order(tmp_path):
    """Muncar's Tabel 2.5 (p. 28): '2020 2021 2022 2023 2024' under 'Realisasi' and again under 'Rasio',
    some a space apart ('2021 2022' ran together over one column): one year a column, in order,
    so each realisasi keeps its year and no rasio is read as one."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "renstra_2025_2029_kec_muncar_kab_banyuwangi.pdf", 28, 28)
    facts = {(f.measure, f.year): f.value for f in to_facts(extract_file(dump))
             if f.kind == "indicator" and f.indicator.startswith("Nilai SAKIP Kecamatan")}
    assert [facts[("realisasi", y)] for y in range(2020, 2025)] == [81.03, 85.46, 86.14, 87.92, 82.32]
    assert facts[("capaian", 2020)] == 100.62


def test_a_range_broken_after_its_dash_is_one_value_of_its_row(tmp_path):
    """Sumut's IKU targets '68,65-' over '69,15' in narrow year columns: one range, whose end
    is no target of a row named 'Pendidikan' (the name's second line beside it)."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lkjip_2022_pemprov_sumut.pdf", 19, 19)
    targets = {(f.indicator, f.year): f.value for f in to_facts(extract_file(dump))
               if f.kind == "indicator" and f.measure == "target"}
    assert targets[("Indeks Kesehatan", 2021)] == "75,65-76,15"
    assert not any(v in (69.15, 76.15) for v in targets.values())


def test_figures_drifted_past_an_empty_labelled_column_go_one_per_label(tmp_path):
    """Bandung's Tabel II.1: '3.80   4.00   4.05' printed wider than '2024 2025 2026' above
    them; '4.00 4.05' had landed together under 2026 with 2025 left empty."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "lakip_2024_bakesbangpol_kota_bandung.pdf", 25, 25)
    targets = {f.year: f.value for f in to_facts(extract_file(dump))
               if f.kind == "indicator" and f.measure == "target" and f.indicator == "Indeks Kepuasan Masyarakat"}
    assert targets == {2024: 89.55, 2025: 89.8, 2026: 89.81}


def test_a_group_label_stacked_on_a_line_of_group_labels_heads_its_columns(tmp_path):
    """Muncar's Tabel 2.5: 'Target Renstra Kecamatan Muncar' right on top of 'Realisasi Capaian
    Tahun ke-   Rasio Capaian ...', standing in the table's middle like a title: the targets of
    2020-2024 under it are targets."""
    dump = _pages_dump(tmp_path, SHARED / "wild" / "renstra_2025_2029_kec_muncar_kab_banyuwangi.pdf", 28, 28)
    targets = {f.year: f.value for f in to_facts(extract_file(dump))
               if f.kind == "indicator" and f.measure == "target" and f.indicator.startswith("Nilai SAKIP Kecamatan")}
    assert targets == {2020: 80.53, 2021: 81.03, 2022: 81.53, 2023: 82.03, 2024: 82.53}


def test_a_page_without_its_header_keeps_each_years_pagu_under_its_year(tmp_path):
    # a Renstra's 'Target dan Pagu Indikatif Tahun 2026..2030' (Disbudpar Banyuwangi, pages 48-50),
    # its header printed once: the next page's TARGET and PAGU columns are the table's in order,
    # so 2029's pagu is not read as 2028's
    dump = _pages_dump(tmp_path, SHARED / "wild" / "renstra_2025_2029_disbudpar_kab_banyuwangi.pdf", 48, 50)
    pagu = {f.year: f.value for f in to_facts(extract_file(dump))
            if f.kind == "budget" and f.item == "Tersedianya dokumen strategis bidang ekonomi kreatif daerah"}
    assert pagu[2029] == 110_883_300 and pagu[2030] == 113_854_400
