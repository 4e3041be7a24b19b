"""Performance and budget tables of real LKjIP PDFs that have no gold: what a careful reader takes
from their pages (read with `pdftotext -layout`), checked fact by fact."""

from functools import lru_cache

from kinerja.extract.cell_parts import graded_percent, without_carried_lead
from kinerja.extract.tables import read_tables
from kinerja.schema import Meta

from ..parsers.real_pdfs import real_doc

DISNAKERTRANS = "lkip_2016_disnakertrans_jabar.pdf"
BPBD = "lkip_2016_bpbd_jabar.pdf"


@lru_cache(maxsize=None)
def _read(name: str):
    return read_tables(real_doc(name), [], Meta(year=2016))


def _indicators(name: str, indicator: str, measure: str):
    return {(r.year, r.period, r.value.value, r.unit) for r in _read(name)[0]
            if r.indicator == indicator and r.measure == measure}


def _budgets(name: str, path_words: str):
    return [b for b in _read(name)[1] if b.column_path and path_words in b.column_path]


def test_a_grade_cell_printing_the_achievement_before_the_grade_gives_the_capaian():
    # Tabel 3.1 'Kategori Penilaian': '63,36 % (Sedang)' under a table with no capaian column
    assert _indicators(DISNAKERTRANS, "Persentase pencari kerja terdaftar yang memiliki sertifikat kompetensi",
                       "capaian") == {(2016, "annual", 63.36, "%")}
    assert _indicators(DISNAKERTRANS, "Persentase penurunan jumlah kecelakaan kerja", "capaian") == {
        (2016, "annual", -37.6, "%")}


def test_a_grade_alone_is_no_capaian():
    assert graded_percent("Sangat Baik") is None
    assert graded_percent("100") is None
    assert graded_percent("139,54 % (Sangat Baik)") == "139,54 %"


def test_capaian_kinerja_beside_the_years_realisasi_is_the_achievement_not_a_second_realisasi():
    # 'TAHUN 2016 / TARGET | TAHUN 2016 / REALISASI | CAPAIAN KINERJA | KATEGORI': 464.971,75 | 100 | Baik
    name = "Jumlah PMKS yang ditangani (Masyarakat Korban Bencana)"
    assert (2016, "annual", 100.0, "%") in _indicators(BPBD, name, "capaian")
    assert all(v != 100.0 for _, _, v, _ in _indicators(BPBD, name, "realisasi"))


def test_realisasi_up_to_this_month_is_the_years_realisation_with_its_percentage():
    # Tabel 3.7 'REALISASI S/D BULAN INI / KEUANGAN' over '(Rp.)' and '%' printed in the body
    amounts = {(b.item, b.measure): b.value.value for b in _budgets(DISNAKERTRANS, "BULAN INI")}
    assert amounts[("Program Penempatan dan Pemberdayaan Tenaga Kerja (04)", "realisasi")] == 3614620000.0
    assert amounts[("Program Penempatan dan Pemberdayaan Tenaga Kerja (04)", "persen_realisasi")] == 99.48
    assert amounts[("JUMLAH I + II", "realisasi")] == 17943754805.0
    assert amounts[("JUMLAH I + II", "persen_realisasi")] == 98.39


def test_percentages_under_a_unit_row_are_not_read_as_amounts():
    realised = [b.value.value for b in _budgets(DISNAKERTRANS, "BULAN INI") if b.measure == "realisasi"]
    assert realised and all(v > 1_000_000 for v in realised)


def test_words_wrapped_from_the_item_above_do_not_start_the_next_items_name():
    # APBN table: 'Kerja (05) 3. Program Perlindungan ...', 'Dekonsentrasi 1. Program Penempatan ...'
    items = {b.item for b in _budgets(DISNAKERTRANS, "PAGU DIPA")}
    assert items and all(i.startswith(("Program ", "JUMLAH")) for i in items)


def test_a_carried_lead_is_cut_only_before_an_items_own_number():
    assert without_carried_lead("Kerja (05) 3. Program Perlindungan Tenaga Kerja") == \
        "3. Program Perlindungan Tenaga Kerja"
    assert without_carried_lead("Tugas Pembantuan 1. Program Penyiapan Kawasan") == "1. Program Penyiapan Kawasan"
    assert without_carried_lead("Belanja Pegawai 5.1. Gaji") == "Belanja Pegawai 5.1. Gaji"
    assert without_carried_lead("Peningkatan Kualitas Tahun 2016 1. Audit") == \
        "Peningkatan Kualitas Tahun 2016 1. Audit"


DINKES = "lkip_2016_dinkes_jabar.pdf"


def test_a_capaian_column_printing_the_achievements_of_other_tables_is_read_as_capaian():
    # 'CAPAIAN KINERJA / 2015 | 2016' beside a satuan: 115,5 | 143,63 are the capaian the
    # measurement tables give (realisasi 94,9%), not realised values
    assert _indicators(DINKES, "Persentase Desa Siaga Aktif", "realisasi") == {(2016, "annual", 94.9, "%")}
    assert (2015, "annual", 115.5, "%") in _indicators(DINKES, "Persentase Desa Siaga Aktif", "capaian")


def test_the_satuan_beside_such_achievements_still_gives_the_indicator_its_unit():
    assert _indicators(DINKES, "Jumlah Puskesmas yang sudah Terakreditasi", "realisasi") >= {
        (2016, "annual", 82.0, "puskesmas")}
    assert all(v != 128.13 for _, _, v, _ in _indicators(DINKES, "Jumlah Puskesmas yang sudah Terakreditasi",
                                                       "realisasi"))


def test_last_years_capaian_is_no_baseline():
    # 'CAPAIAN TAHUN LALU (2015)': 139 for PHBS, the achievement of 2015
    name = "Persentase Rumah Tangga yang berprilaku Hidup Bersih dan Sehat (PHBS)"
    assert not _indicators(DINKES, name, "baseline")
    assert (2015, "annual", 139.0, "%") in _indicators(DINKES, name, "capaian")


def test_a_capaian_column_printing_realised_values_stays_realisasi():
    # Tabel 3.2 'Capaian Kinerja pada Tahun 2014 | 2015 | 2016': 1.180 | 3380 | 640 orang
    assert _indicators(DISNAKERTRANS, "Jumlah wirausaha baru", "realisasi") >= {
        (2014, "annual", 1180.0, "orang"), (2015, "annual", 3380.0, "orang"), (2016, "annual", 640.0, "orang")}


def test_realisasi_beside_the_tables_only_dated_target_is_that_years_whatever_the_caption_says():
    # 'PENGUKURAN KINERJA TAHUN 2015' over 'Target 2016 | Realisasi | Capaian': 66,7% | 94,9% | 142,28%
    assert (2016, "annual", 142.28, "%") in _indicators(DINKES, "Persentase Desa Siaga Aktif", "capaian")
    beside = [r for r in _read(DINKES)[0] if r.value.provenance.page == 110 and r.measure in ("realisasi", "capaian")]
    assert beside and {r.year for r in beside} == {2016}


def test_a_header_row_left_in_the_body_names_the_columns():
    # Tabel 3.4 'Rencana tindak lanjut ... tahun 2017': 'NO. | SASARAN STRATEGIS | INDIKATOR KINERJA SASASARN |
    # Trw I..IV | PROGRAM DAN KEGIATAN | ... | ANGGARAN (RP.)' printed as the first body rows
    name = "Persentase pencari kerja terdaftar yang memiliki sertifikat kompetensi"
    quarterly = {(y, p, v) for y, p, v, _ in _indicators(DISNAKERTRANS, name, "target") if p != "annual"}
    assert quarterly == {(2017, "TW1", 0.14), (2017, "TW2", 0.29), (2017, "TW3", 0.43), (2017, "TW4", 0.57)}
    planned = {(b.year, b.value.value) for b in _budgets(DISNAKERTRANS, "ANGGARAN (RP.)")
               if b.item == "Uji Kompetensi Tenaga Kerja"}
    assert planned == {(2017, 829279000.0)}


def test_a_dash_written_against_a_name_is_a_bullet():
    assert not [r for r in _read(DISNAKERTRANS)[0] if r.indicator.startswith("-")]


GROBOGAN = "lkjip_2021_dpupr_kab_grobogan.pdf"


@lru_cache(maxsize=None)
def _read_2021(name: str):
    return read_tables(real_doc(name), [], Meta(year=2021))


def _grobogan(indicator: str) -> dict:
    return {r.measure: r.value.value for r in _read_2021(GROBOGAN)[0] if r.indicator == indicator}


def test_grades_in_the_target_and_realisasi_columns_keep_a_row_in_its_columns():
    # 'Nilai SAKIP | B | B | 100 %': the grades are values, the row is not shifted to make 'B' its name
    assert not any(r.indicator == "B" for r in _read_2021(GROBOGAN)[0])
    assert _grobogan("Nilai SAKIP")["capaian"] == 100.0


def test_a_lone_grade_under_an_indicator_naming_its_scale_is_a_level_of_that_scale():
    # 'B' alone is as often a list label; under 'Nilai SAKIP' it is the SAKIP grade
    assert {m: v for m, v in _grobogan("Nilai SAKIP").items() if m != "capaian"} == {
        "target": "B", "realisasi": "B"}


def test_a_list_label_is_no_grade_where_the_slots_are_fitted():
    from kinerja.extract.table_slots import _grade
    assert [_grade(t) for t in ("B", "WTP", "Sangat Baik")] == [True, True, True]
    assert [_grade(t) for t in ("a", "b.", "A.", "Dokumen")] == [False, False, False, False]


def _one_row(tmp_path, name: str, target: str, realisasi: str):
    from tests.parsing import parse
    path = tmp_path / "pk.md"
    path.write_text(f"No\tIndikator Kinerja\tTarget\tRealisasi\n1\t{name}\t{target}\t{realisasi}\n",
                    encoding="utf-8")
    return {(r.measure, r.value.value) for r in read_tables(parse(path), [], Meta(year=2021))[0]}


def test_a_lone_grade_is_read_under_a_name_that_names_its_scale(tmp_path):
    assert _one_row(tmp_path, "Nilai SAKIP", "BB", "B") == {("target", "BB"), ("realisasi", "B")}


def test_a_letter_under_an_indicator_in_percent_or_in_lower_case_is_no_grade(tmp_path):
    # 'A' beside 'Persentase ... SAKIP ...' is a list label, however the name cues the SAKIP
    # scale; so is 'a' beside 'Nilai SAKIP'
    assert _one_row(tmp_path, "Persentase rekomendasi hasil evaluasi SAKIP yang ditindaklanjuti", "A", "B") == set()
    assert _one_row(tmp_path, "Nilai SAKIP", "a", "b") == set()
