"""Word tables ruled by their columns only, or with frames drawn around each cell's text lines:
records split from word positions, headers read from framed lines, thin slices merged."""

from .real_pdfs import real_doc

BUDGET = "lkip_2016_disnakertrans_jabar.pdf"  # Tabel 3.6: column rulings, no row rulings
FRAMED = "lkip_2016_dinkes_jabar.pdf"  # p82: every text line framed inside its cell
IKU = "sk_iku_2021_dkips_sulut.pdf"


def _table(name: str, page: int, path_word: str):
    return next(t for t in real_doc(name).tables() if t.provenance.page == page
                and any(path_word in p for p in t.column_paths))


def _texts(table) -> list[list[str]]:
    return [[c.text for c in sorted(row, key=lambda c: c.col)] for row in table.body]


def test_a_page_of_stacked_records_becomes_one_row_per_record():
    table = _table(BUDGET, 47, "ANGGARAN")
    codes = [row[0] for row in _texts(table)]
    assert codes[:8] == ["", "51", "", "", "29", "29.01", "29.02", "29.03"]
    assert all(len(row) == 7 for row in _texts(table))


def test_a_wrapped_name_and_the_amount_printed_under_it_stay_one_record():
    rows = _texts(_table(BUDGET, 47, "ANGGARAN"))
    row = next(r for r in rows if r[0] == "29.01")
    assert row == ["29.01", "Penyebaran Informasi Ketenagakerjaan Dan Ketransmigrasian",
                   "Jawa Barat", "360,032,000", "356,928,000", "99.14", "100.00"]


def test_a_header_set_in_framed_lines_gives_the_column_paths():
    # 'REALISASI' is shaded over 'KEUANGAN (Rp)' and '%' (each cell tiled with a box per line and
    # per padding, in one colour: the tiles' own edges do not show)
    paths = _table(BUDGET, 47, "ANGGARAN").column_paths
    assert paths[1:6] == ["PROGRAM/KEGIATAN", "LOKASI", "ANGGARAN", "REALISASI / KEUANGAN (Rp)", "REALISASI / %"]


def test_the_table_still_continues_over_its_pages_with_each_record_once():
    table = _table(BUDGET, 47, "ANGGARAN")
    assert table.provenance.pages == [47, 48, 49, 50, 51, 52]
    codes = [row[0] for row in _texts(table) if row[0]]
    assert len(codes) == len(set(codes))
    assert {"39.06", "41.13", "62.01", "101.06"} <= set(codes)
    assert _texts(table)[-1][1:5] == ["JUMLAH", "", "67,811,725,837", "64,507,779,475"]


def test_a_framed_name_keeps_its_words_and_its_amounts_on_one_row():
    rows = _texts(_table(FRAMED, 82, "Alokasi Anggaran"))
    row = next(r for r in rows if any("Perilaku Hidup Bersih" in t for t in r))
    assert "Peningkatan Perilaku Hidup Bersih dan Sehat (PHBS)" in row
    assert row[-4:] == ["3.102.512.000,-", "2.754.412.685,-", "88,78%", "96,80%"]


def test_a_percentage_framed_a_line_above_its_name_stays_on_the_names_row():
    rows = _texts(_table(FRAMED, 82, "Alokasi Anggaran"))
    row = next(r for r in rows if "Kegiatan Promosi Kesehatan RS Pameungpeuk" in r)
    assert row[-4:] == ["714.632.875,-", "675.432.575,-", "94,51%", "97,70%"]


def test_a_cell_of_two_paragraphs_beside_one_line_cells_is_not_split_into_records():
    rows = _texts(_table(IKU, 5, "INDIKATOR KINERJA UTAMA"))
    assert any(r[1] == "Terjaminnya Keamanan Sistem Pemerintahan Berbasis Elektronik" for r in rows)
