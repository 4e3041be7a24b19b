"""What a table cell says: compound cells of the seed documents split into their parts."""

import pytest

from kinerja.extract.cell_parts import (
    continues_name, labelled_values, name_before_formula_label, name_without_formula, numbered_items, plain, split_values, strip_enumerator, tw_period,
    value_piece, without_labelled,
)


@pytest.mark.parametrize("cell, piece", [
    ("0,93", "0,93"),
    ("= Jumlah data / Jumlah data digitalisasi 0,93 = 446 / 480", "0,93"),  # a LaTeX cell, as parsed
    ("514/621 = 0,83", "0,83"),
    ("12/10 x 100% = 120%", "120%"),
    ("33/33 x 100 % = 100%", "100%"),
    ("2.76 / Baik", "2.76"),
    ("2.76 (Penilaian dari KemenPAN & RB)", "2.76"),
    ("Informatif (Penilaian dari Komisi Informasi Publik)", "Informatif"),
    ("40 OPD", "40 OPD"),
    ("(399,556,221.00)", "(399,556,221.00)"),
    ("367/2.6", "367/2.6"),
])
def test_value_piece_is_the_value_a_compound_cell_states(cell, piece):
    assert value_piece(plain(cell)) == piece


def test_baseline_written_in_a_cell_is_found_with_its_year():
    cell = plain("<p>Persentase layanan publik online</p> <p>Baseline 2022: 12/10 x 100% = 120%</p>"
                 " <p>Jumlah Layanan Publik yg terintegrasi : SARANA, SIMPEG</p>")
    assert labelled_values(cell) == [("baseline", 2022, "120%")]
    assert without_labelled(cell) == "Persentase layanan publik online"


def test_numbered_indicators_in_one_cell_are_split_and_values_beside_them_too():
    assert numbered_items("1. Indeks Transformasi Data Digital 2. Nilai Keterbukaan Informasi Publik") == [
        "Indeks Transformasi Data Digital", "Nilai Keterbukaan Informasi Publik"]
    assert split_values("0,93 Informatif", 2) == ["0,93", "Informatif"]
    assert numbered_items("Indeks SPBE 2.0") == []
    assert split_values("40 OPD", 2) == ["40", "OPD"] and split_values("40 OPD Baru", 2) == []


@pytest.mark.parametrize("label, period", [
    ("Triwulan I", "TW1"), ("Triwulan IV", "TW4"), ("TW 2", "TW2"), ("TW3", "TW3"), ("Target", None),
])
def test_triwulan_labels(label, period):
    assert tw_period(label) == period


def test_list_markers_and_trailing_punctuation_leave_names():
    assert strip_enumerator("a. Program Pengelolaan Informasi dan Komunikasi Publik") == (
        "Program Pengelolaan Informasi dan Komunikasi Publik")
    assert strip_enumerator("1 Meningkatkan Tata Kelola internal Perangkat Daerah") == (
        "Meningkatkan Tata Kelola internal Perangkat Daerah")
    assert strip_enumerator("Laju pemanfaatan data sektoral (%).") == "Laju pemanfaatan data sektoral (%)"


def test_formula_printed_after_an_indicator_name_is_cut_off():
    assert name_without_formula("Laju pemanfaatan data sektoral '=(n+1)-n/n)x 100% (n=data tahun awal)") == (
        "Laju pemanfaatan data sektoral")
    assert name_without_formula(
        "Persentase masyarakat yang menjadi sasaran penyebarluasan informasi publik Jumlah masyarakat yang "
        "menjadi sasaran penyebarluasan informasi / jumlah penduduk x 100%") == (
        "Persentase masyarakat yang menjadi sasaran penyebarluasan informasi publik")


def test_a_labelled_formula_in_the_name_cell_is_cut_off():
    # a -layout dump or a PDF cell joins the name and the "Formula Perhitungan:" line under it
    assert name_without_formula("Indeks Domain Kebijakan Internal SPBE Formula Perhitungan: "
                                "=(Jumlah total domain)/(Jumlah 4 area penilaia)") == (
        "Indeks Domain Kebijakan Internal SPBE")
    assert name_without_formula("Persentase jumlah a / b") == "Persentase jumlah a / b"


def test_a_labelled_formula_is_never_part_of_a_name():
    assert name_before_formula_label("Laju pemanfaatan data sektoral Formula Perhitungan: = ((n+1)-n) / n") == (
        "Laju pemanfaatan data sektoral")
    assert name_before_formula_label("Indeks SPBE") == "Indeks SPBE"


def test_words_carrying_on_a_name_from_the_row_above():
    assert continues_name("untuk irigasi dan pertanian", "Ketersediaan air embung")
    assert continues_name("Pembangunan Desa", "Program Pemantapan Pemerintahan dan")
    assert not continues_name("Pembangunan Daerah", "Program Perencanaan,Pengedalian dan Evaluasi")
    assert not continues_name("2. Program Lain", "Program A dan")
    assert not continues_name("a. Program Lain", "Program A dan")


@pytest.mark.parametrize("printed", ["uy. Program Pencegahan", "“8. Program Pencegahan", "79, Program Pencegahan",
                                     "5 10.Program Pencegahan", ". Program Pencegahan"])
def test_what_ocr_leaves_of_an_items_number_is_no_part_of_its_name(printed):
    assert strip_enumerator(printed) == "Program Pencegahan"


def test_a_word_before_program_stays_in_the_name():
    assert strip_enumerator("Persentase Program Pencegahan") == "Persentase Program Pencegahan"


def test_a_caption_naming_the_forward_estimates_year_ties_the_table_to_its_own_year():
    from kinerja.extract.tables import caption_year
    assert caption_year("Rumusan Rencana Program dan Kegiatan Tahun 2020 dan Prakiraan Maju Tahun 2021") == 2020
    assert caption_year("Capaian Kinerja Tahun 2023 dan 2024") is None


def test_a_row_of_equal_figures_is_no_column_numbering():
    from kinerja.extract.table_slots import Slot, is_numbering_row
    row = [Slot(text=t, cell=None, origin=True, first_col=True) for t in
           ("Prosentase Kepuasan", "Persen", "70", "70", "70", "70", "70", "Bidang Pelayanan")]
    numbering = [Slot(text=f"({i})", cell=None, origin=True, first_col=True) for i in range(1, 9)]
    assert not is_numbering_row(row) and is_numbering_row(numbering)


def test_a_data_row_whose_figures_rise_is_no_column_numbering():
    from kinerja.extract.table_slots import Slot, is_numbering_row
    texts = ("1.", "Terwujudnya Keamanan", "Jumlah dokumen", "Dokumen", "57", "58", "59", "61", "69", "78", "78")
    assert not is_numbering_row([Slot(text=t, cell=None, origin=True, first_col=True) for t in texts])


def test_a_numbering_row_read_by_ocr_with_a_misread_number_and_scraps_is_still_one():
    from kinerja.extract.table_slots import Slot, is_numbering_row
    texts = ("(07)", "(02)", "(03)", "(04)", "(05)", "(06)", "ton)", "(08)", "(09)", "(10)", "(11)", "(2)", "(13)", "74)")
    assert is_numbering_row([Slot(text=t, cell=None, origin=True, first_col=True) for t in texts])
