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
