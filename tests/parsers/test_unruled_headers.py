"""Standard SAKIP forms printed without rulings (tests/forms, variant 'unruled'): the header's
labels centred in cells of different heights, figures right-aligned under centred labels, a
kegiatan's rupiah on the second line of its row. Each test reads one generated page the way
the PDF parser does and checks one structural property of the table it finds."""

from pathlib import Path

import pytest

from kinerja.parsers.grid.headers import resolve
from kinerja.parsers.page.lines import lines_from_runs
from kinerja.parsers.unruled.tables import unruled_grids
from tests.forms import generate
from tests.parsers.test_unruled import page_reading


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("unruled_forms")


def tables(out_dir: Path, form: str, seed: int, variant: str = "unruled", page: int = 1):
    """The whitespace tables of a generated form's page, read with its words and rulings as
    pdf/reader.py reads them, headers resolved."""
    pdf = generate(form, variant, seed, out_dir).pdf_path
    words, edges = page_reading(pdf, page)
    grids = unruled_grids(lines_from_runs(words, page), page, words, edges)
    return [resolve(g) for g in grids]


def widest(found):
    return max(found, key=lambda t: t.n_cols)


def test_a_group_label_ending_inside_a_gutter_does_not_close_it(out_dir):
    # 'Target Kinerja Program dan Kerangka Pendanaan' ends past 'Tahun-3' figures, in the
    # gutter before 'Tahun-4': both years keep their own column
    paths = widest(tables(out_dir, "renstra_target", 0)).column_paths()
    assert [p.split(" / ")[-1] for p in paths if "Tahun-" in p] == \
        ["Tahun-1", "Tahun-2", "Tahun-3", "Tahun-4"]


def test_labels_centred_in_a_two_row_header_make_two_header_rows(out_dir):
    table = widest(tables(out_dir, "renstra_target", 0))
    assert len(table.header) == 2
    assert table.column_paths()[0] == "Kode"
    assert "Indikator Kinerja Program (outcome) dan Kegiatan (output)" in table.column_paths()


def test_a_column_number_centred_in_a_wide_column_does_not_cut_it(out_dir):
    # '4' under 'Lokasi Kegiatan', centred among place names set at the cell's left
    table = widest(tables(out_dir, "dpa", 0))
    assert table.column_paths().count("Lokasi Kegiatan") == 1
    lokasi = table.column_paths().index("Lokasi Kegiatan")
    assert {row[lokasi].text for row in table.body} >= {"Kantor Dinas", "Sekretariat"}


def test_a_label_centred_apart_from_its_left_aligned_codes_is_their_column(out_dir):
    # 'Program' centred over codes '01', '02' set at the cell's left: one column, not two
    table = widest(tables(out_dir, "dpa", 0))
    first = [row[0].text for row in table.body if row[0].text]
    assert table.column_paths()[0].endswith("Program") and first[:2] == ["01", "01"]


def test_right_aligned_figures_of_unequal_width_stay_in_their_year_column(out_dir):
    table = widest(tables(out_dir, "renstra_eval", 0))
    years = [p.split(" / ")[-1] for p in table.column_paths() if p.split(" / ")[-1].isdigit()]
    # the Target and Realisasi groups; under 'Rasio Capaian', whose label ends inside a
    # gutter it does not cross, 2019 and 2020 still run together
    assert years[:10] == ["2017", "2018", "2019", "2020", "2021"] * 2


def test_a_header_spanning_the_columns_below_stays_with_its_body(out_dir):
    # 'Indikator Kinerja' over 'Tolok Ukur | Target', 'Pagu Indikatif (Rp)' over 'APBD'
    found = tables(out_dir, "renja_program", 0)
    assert len(found) == 1
    assert "INDIKATOR KINERJA / KELUARAN KEGIATAN (OUTPUT) / TARGET" in found[0].column_paths()
    assert len(found[0].body) >= 10


def test_totals_printed_under_their_label_are_the_label_s_row(out_dir):
    table = widest(tables(out_dir, "renja_eval", 0))
    jumlah = [row for row in table.body if any(c.text == "Jumlah" for c in row)]
    assert len(jumlah) == 1 and "5.970.454.376" in [c.text for c in jumlah[0]]


def test_rupiah_on_the_second_line_of_a_row_in_its_own_column_is_that_row_s(out_dir):
    table = widest(tables(out_dir, "renja_eval", 1))
    first = table.body[0]
    assert {"45 Laporan", "1.502.140.736"} <= {c.text for c in first}


def test_header_lines_half_a_line_apart_keep_their_words_in_order(out_dir):
    # labels of three, four and five lines centred in one header row: each label's lines
    # read whole, not interleaved into one line with its neighbours'
    paths = widest(tables(out_dir, "renja_eval", 1)).column_paths()
    assert "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan" in paths
    assert any(p.startswith("Realisasi Capaian Kinerja Renstra Perangkat Daerah s/d Renja")
               for p in paths)


def test_a_word_on_two_overlapping_lines_is_read_once(out_dir):
    paths = widest(tables(out_dir, "renja_eval", 0, "unruled_multipage")).column_paths()
    assert "Realisasi Capaian s/d Renja Tahun Lalu (2017) / K" in paths


def test_a_label_centred_between_its_two_sub_columns_heads_both(out_dir):
    # 'I' over 'K | Rp', set in the gutter between them: no column of its own
    paths = widest(tables(out_dir, "renja_eval", 0, "unruled_multipage")).column_paths()
    assert {"Realisasi Kinerja Pada Triwulan / I / K",
            "Realisasi Kinerja Pada Triwulan / I / Rp"} <= set(paths)
    assert not any(p.split(" / ")[-1] in ("I", "II", "III", "IV") for p in paths)


def test_a_sub_label_never_widens_under_another_group_s_label(out_dir):
    # 'I' widened over 'K | Rp' stops where 'Target Renstra pada Tahun 2020' heads the columns
    paths = widest(tables(out_dir, "renja_eval", 0, "unruled_multipage")).column_paths()
    assert "Target Renstra pada Tahun 2020 / K" in paths
    assert not any(p.startswith("Target Renstra") and " / I / " in p for p in paths)


def test_labels_centred_clear_of_the_group_labels_beside_them_head_the_whole_header(out_dir):
    # 'No', 'Indikator Kinerja', 'Satuan' centred between the group labels' row and the years'
    # row: a two-row header, not three rows with the first labels read as body
    table = widest(tables(out_dir, "renstra_eval", 0, "unruled_multipage"))
    assert table.column_paths()[:4] == ["No", "Indikator Kinerja", "Satuan",
                                        "Target Renstra Perangkat Daerah / 2015"]


def test_figures_with_their_unit_on_a_second_line_start_a_record_of_their_own(out_dir):
    # sasaran '1.' with two indicators, '85% 91.17% 107.26%' then '38 Bulan 42 Bulan 110.53%'
    table = widest(tables(out_dir, "lkjip", 1))
    rows = [[c.text for c in row] for row in table.body]
    assert rows[0][-3:] == ["85%", "91.17%", "107.26%"]
    assert rows[1][-3:] == ["38 Bulan", "42 Bulan", "110.53%"]


def test_a_dent_in_a_column_s_left_edge_is_not_a_gutter(out_dir):
    # K figures right-aligned, a few of them wider: the strip only they pass over, with a
    # label starting at its right edge, is inside the K column
    paths = widest(tables(out_dir, "renja_eval", 1)).column_paths()
    group = "Target Renstra Perangkat Daerah pada Tahun 2022 (Akhir Periode Renstra)"
    assert [p for p in paths if p.startswith(group)] == [f"{group} / K", f"{group} / Rp"]


def test_a_group_label_over_the_no_line_heads_its_sub_columns_only(out_dir):
    # a Rencana Aksi: 'TARGET' on its own line over 'NO ... TAHUN  TRIWULAN ...', off the table's
    # middle: the header's top row over 'TAHUN 2025' and the quarters, not over 'SATUAN' or
    # 'PENANGGUNG JAWAB' (labels centred in cells as tall as the header)
    paths = widest(tables(out_dir, "rencana_aksi", 1, "unruled_multipage")).column_paths()
    assert [p for p in paths if p.startswith("TARGET")] == \
        ["TARGET / TAHUN 2025"] + [f"TARGET / TRIWULAN / {q}" for q in ("I", "II", "III", "IV")]
    assert "SATUAN" in paths and "PENANGGUNG JAWAB" in paths


def test_a_label_over_group_labels_not_over_the_no_line_stays_out(out_dir):
    # an LKjIP: 'CAPAIAN KINERJA' over '2021  2022', a line above 'SASARAN STRATEGIS'; the years
    # keep their three columns each
    paths = widest(tables(out_dir, "lkjip_years", 0)).column_paths()
    assert [p for p in paths if p.startswith("2021")] == ["2021 / TARGET", "2021 / REALISASI", "2021 / %"]
