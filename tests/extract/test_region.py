"""Regions are read from the document's own words, ended where the region registry says."""

import csv

import pytest

from kinerja.extract.region import find_regions, region_label

from ..conftest import SHARED

REFERENCE = sorted((SHARED / "reference").glob("wilayah_*.csv"))


def test_a_region_name_ends_where_the_registry_name_ends():
    text = "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Grobogan Selama Tahun 2021"
    assert find_regions(text) == [("kabupaten", "Grobogan")]


def test_a_multi_word_region_is_kept_whole():
    text = "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG"
    assert find_regions(text) == [("provinsi", "Kepulauan Bangka Belitung")]


def test_a_name_the_registry_does_not_know_is_kept_as_the_document_prints_it():
    assert find_regions("Kota Antah Berantah") == [("kota", "Antah Berantah")]


@pytest.mark.skipif(not REFERENCE, reason="Kemendagri reference table not found in ../shared")
def test_every_kemendagri_region_in_a_heading_reads_back_as_itself():
    with REFERENCE[0].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    wrong = []
    for row in rows:
        name = row["nama"].strip() if row["level"] != "provinsi" else f"Provinsi {row['nama'].strip()}"
        found = find_regions(f"DINAS KOMUNIKASI DAN INFORMATIKA {name.upper()} TAHUN 2024")
        labels = [region_label(level, n) for level, n in found]
        if labels[:1] != [name]:
            wrong.append((name, labels))
    assert not wrong, wrong[:10]


def test_a_document_region_must_be_one_the_registry_knows():
    # "Kota Sehat", "Kota Layak Anak" are programmes: counted as the document's region they were wrong
    from kinerja.extract.region import most_named

    assert most_named(["Program Kota Sehat", "Kota Sehat", "Kota Layak Anak Kategori Nindya"]) is None
    assert most_named(["Kota Sehat", "Pemerintah Kota Pasuruan"]) == ("kota", "Kota Pasuruan")


def test_a_table_of_programmes_names_no_region_and_no_agency():
    # a cascading sheet of Kota Pasuruan printing 'Kendaraan Dinas Jabatan' and 'Kota Indikator'
    # in its cells: no region or agency is better than a wrong one
    from kinerja.pipeline import extract_file

    from ..conftest import WILD

    path = WILD / "cascading_kinerja_2024_bkd_kota_pasuruan.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found")
    meta = extract_file(path).meta
    assert meta.region is None and meta.agency is None


@pytest.mark.parametrize("text, found", [
    ("Mengetahui : Pj. Walikota Bandung", [("kota", "Bandung")]),  # the approving head, over a stamp
    ("BUPATI GROBOGAN,", [("kabupaten", "Grobogan")]),  # a PK's second signatory
    ("Gubernur Jawa Barat", [("provinsi", "Jawa Barat")]),
    ("Peraturan Gubernur Nomor 5 Tahun 2020", []),  # a regulation's issuer names no region
])
def test_the_head_of_a_region_names_it(text, found):
    assert find_regions(text) == found
