"""Agency and indicator names: one normalised form per agency, fuzzy matching of indicator names."""

import pytest

from kinerja.normalize.names import agency_key, agency_name, match_name, title_case


@pytest.mark.parametrize("raw", [
    "Diskominfo Kota Medan",
    "DINAS KOMUNIKASI DAN INFORMATIKA KOTA MEDAN",
    "Dinas Kominfo Kota Medan",
    "Dinas Komunikasi dan Informatika Pemerintah Kota Medan",
])
def test_spellings_of_one_agency_give_one_name_and_key(raw):
    assert agency_name(raw) == "Dinas Komunikasi dan Informatika Kota Medan"
    assert agency_key(raw) == "dinas komunikasi dan informatika kota medan"


def test_abbreviated_agency_keeps_the_punctuation_of_its_nomenclature():
    assert agency_name("Diskominfotik Kota Blitar") == "Dinas Komunikasi, Informatika dan Statistik Kota Blitar"


def test_region_abbreviations_are_spelled_out():
    assert agency_name("DPUPR Kab. Grobogan") == "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Grobogan"


def test_title_case_keeps_function_words_lower():
    assert title_case("DINAS KOMUNIKASI, INFORMATIKA, PERSANDIAN DAN STATISTIK DAERAH") == \
        "Dinas Komunikasi, Informatika, Persandian dan Statistik Daerah"


@pytest.mark.parametrize("raw, name", [
    ("DINAS KESEHATAN PROVINSI DKI JAKARTA", "Dinas Kesehatan Provinsi DKI Jakarta"),
    ("SEKRETARIAT DPRD KOTA MEDAN", "Sekretariat DPRD Kota Medan"),
])
def test_acronyms_in_an_agency_name_stay_upper_case(raw, name):
    assert agency_name(raw) == name


def test_a_typo_in_an_indicator_name_still_matches():
    names = ["Indeks Domain Kebijakan Internal SPBE", "Indeks SPBE"]
    assert match_name("Indeks Domian Kebijakan Internal SPBE", names)[0] == names[0]


def test_a_short_name_inside_a_long_one_is_another_indicator():
    assert match_name("Indeks SPBE", ["Indeks Domain Kebijakan Internal SPBE"]) is None


def test_no_candidates_no_match():
    assert match_name("Indeks SPBE", []) is None


@pytest.mark.parametrize("name, other", [
    ("Persentase sub kategori transportasi (angkutan udara) terhadap PDRB",
     "Persentase sub kategori transportasi (angkutan darat) terhadap PDRB"),
    ("Persentase jalan kabupaten dalam kondisi baik", "Persentase jalan kabupaten dalam kondisi rusak"),
    ("Cakupan imunisasi tahun 2023", "Cakupan imunisasi tahun 2024"),
])
def test_names_one_word_apart_where_that_word_is_another_name_sibling_indicators(name, other):
    assert match_name(name, [other]) is None


@pytest.mark.parametrize("name, other", [
    ("Persentase kesesuaian travel time AKDP terhadap konsidi lapangan",
     "Persentase kesesuaian travel time AKDP terhadap kondisi lapangan"),
    ("Laju pemanfaatan data sektora", "Laju pemanfaatan data sektoral"),
    ("Nilai SAKIP Dinas Perhubungan Prov. Jatim", "Nilai SAKIP Dinas Perhubungan Provinsi Jatim"),
])
def test_a_misspelt_or_shortened_word_still_matches(name, other):
    assert match_name(name, [other])[0] == other


def test_another_affix_on_one_stem_still_matches():
    # a PK perubahan rewords its indicator: 'penyebaran' for 'penyebarluasan'
    other = "Persentase masyarakat yang menjadi sasaran penyebarluasan informasi publik"
    assert match_name("Persentase masyarakat yang menjadi sasaran penyebaran informasi publik", [other])[0] == other


def test_acronyms_one_letter_apart_are_other_levels():
    assert match_name("Angka partisipasi murni SMA", ["Angka partisipasi murni SMP"]) is None
