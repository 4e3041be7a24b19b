"""An agency as printed -> its nomenclature, whatever the region, case or abbreviation."""

import pytest

from kinerja.normalize.agency_match import match_agency

KOMINFO = ["Dinas Komunikasi dan Informatika Kota Medan", "DINAS KOMUNIKASI DAN INFORMATIKA KOTA MEDAN",
           "Diskominfo Kabupaten Grobogan", "Pemerintah Provinsi Jawa Barat Dinas Komunikasi dan Informatika"]


@pytest.mark.parametrize("printed", KOMINFO)
def test_printed_forms_of_one_nomenclature_share_its_id(printed):
    entry, _ = match_agency(printed)
    assert entry is not None and entry.id == match_agency("Dinas Komunikasi dan Informatika")[0].id


def test_two_nomenclatures_stay_apart():
    kesbang, _ = match_agency("Badan Kesatuan Bangsa dan Politik Kota Bandung")
    assert kesbang is not None and kesbang.id != match_agency("Dinas Komunikasi dan Informatika")[0].id


def test_a_whole_government_is_no_agency_and_says_why():
    entry, why = match_agency("Pemerintah Provinsi Sumatera Utara")
    assert entry is None and why


def test_a_kecamatan_or_hospital_keeps_its_own_name_titles_aside():
    for printed in ["Kecamatan Muncar Kabupaten Banyuwangi", "Rumah Sakit Umum Daerah Prof. Dr. H. Aloei Saboe"]:
        entry, why = match_agency(printed)
        assert entry is not None and "name of its own" in why


def test_a_phrase_after_kecamatan_is_no_kecamatans_name():
    assert match_agency("Kecamatan Tingkat Daerah Kabupaten/kota Kota Kewenangan")[0] is None
