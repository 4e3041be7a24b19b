"""Printed indicator names -> the shipped catalogue: one id for one indicator however printed,
never an id for another indicator, and an explicit, explained no-match."""

import pytest

from kinerja.normalize.indicator_match import match_shipped

SPBE_FORMS = ["Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)", "Indeks SPBE",
              "Nilai Indeks SPBE Kabupaten", "INDEKS SPBE PROVINSI JAWA BARAT TAHUN 2023"]


@pytest.mark.parametrize("printed", SPBE_FORMS)
def test_long_short_and_decorated_forms_share_one_id(printed):
    assert match_shipped(printed).id == match_shipped("Indeks SPBE").id is not None


def test_a_sub_index_is_not_its_index():
    domain = match_shipped("Indeks Domain Kebijakan Internal SPBE")
    assert domain.id is not None and domain.id != match_shipped("Indeks SPBE").id


def test_a_narrower_population_is_another_indicator():
    poor, extreme = match_shipped("Persentase penduduk miskin"), match_shipped("Persentase penduduk miskin ekstrem")
    assert None not in (poor.id, extreme.id) and poor.id != extreme.id


@pytest.mark.parametrize("spelling", ["Prosentase", "Presentase", "PERSENTASE"])
def test_spellings_of_persentase_match_alike(spelling):
    assert match_shipped(f"{spelling} Penduduk Miskin").id == match_shipped("Persentase Penduduk Miskin").id


def test_one_word_with_a_typo_still_matches_with_a_lower_score():
    mended = match_shipped("Indeks Domain Kebijakn Internal SPBE")
    assert mended.id == match_shipped("Indeks Domain Kebijakan Internal SPBE").id and 90 <= mended.score < 100


def test_a_region_and_a_year_in_the_name_do_not_count():
    assert match_shipped("Indeks Kepuasan Masyarakat Kota Bandung Tahun 2023").id == \
        match_shipped("Indeks Kepuasan Masyarakat").id is not None


def test_a_name_cut_short_is_no_match():
    assert match_shipped("Jumlah Laporan Penyediaan").id is None


def test_a_percentage_of_an_indicator_is_not_the_indicator():
    assert match_shipped("Persentase Capaian Indeks SPBE").id is None


def test_a_name_the_catalogue_lacks_is_an_explained_no_match_with_the_closest_entry():
    m = match_shipped("Indeks Perlindungan Kebhinnekaan", "%")
    assert m.id is None and m.runner_up is not None and "differs in" in m.reason


def test_a_count_unit_refuses_a_score_indicator():
    m = match_shipped("Indeks SPBE", "Dokumen")
    assert m.id is None and "dokumen" in m.reason.lower()


def test_a_match_names_its_runner_up_reason_and_catalogue_version():
    m = match_shipped("Persentase penduduk miskin")
    assert m.runner_up == match_shipped("Persentase penduduk miskin ekstrem").id
    assert m.reason and m.catalogue_version


def test_a_trailing_scale_word_and_a_role_bracket_do_not_count():
    assert match_shipped("Indeks Kualitas Lingkungan Hidup Poin").id == match_shipped("Indeks Kualitas Lingkungan Hidup").id
    assert match_shipped("Nilai SAKIP Kecamatan (sasaran 1)").id == match_shipped("Nilai SAKIP Kecamatan").id


def test_a_typo_inside_a_phrase_is_mended_before_the_phrase_is_read():
    # 'Manusai' must become 'Manusia' for 'Indeks Pembangunan Manusia' to be read as IPM
    assert match_shipped("Indeks Pembangunan Manusai").id == match_shipped("IPM").id is not None


def test_an_agency_named_in_the_indicator_makes_it_the_perangkat_daerahs_own():
    assert match_shipped("Nilai Evaluasi SAKIP Dinas Perhubungan Provinsi Jawa Timur").id == \
        match_shipped("Nilai SAKIP Perangkat Daerah").id != match_shipped("Nilai SAKIP").id
