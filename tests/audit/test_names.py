"""Which printed names are one indicator or item (fuzzy, token_set_ratio >= 90, with guards)."""

import pytest

from kinerja.audit.names import clusters, same_name


@pytest.mark.parametrize("a, b", [
    ("Indeks Domain Kebijakan Internal SPBE", "Indeks Domian Kebijakan Internal SPBE"),  # typo
    ("Laju pemanfaatan data sektoral (%)", "Laju pemanfaatan data sektoral"),  # unit suffix
    ("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "Pengelolaan Aplikasi Informatika"),  # row kind word
    ("Indeks Kematangan Keamanan Informasi (KAMI)", "Indeks KAMI"),  # acronym form
    ("Nilai RB Perangkat Daerah/Nilai Sakip PD", "Nilai RB Perangkat Daerah"),  # cut short
])
def test_names_of_one_thing(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize("a, b", [
    ("Indeks SPBE", "Indeks Domain Kebijakan Internal SPBE"),  # a broader index
    ("Kegiatan Administrasi Keuangan Perangkat Daerah", "Kegiatan Administrasi Umum Perangkat Daerah"),
    ("PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH",
     "Kegiatan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"),  # not a prefix
    ("Indeks Kematangan Keamanan Informasi (KAMI)", "Indeks Domain Kebijakan Internal SPBE"),
])
def test_names_of_different_things(a, b):
    assert not same_name(a, b) and not same_name(b, a)


def test_clusters_join_every_spelling_of_one_name():
    ids = clusters(["Indeks Domain Kebijakan Internal SPBE", "Indeks KAMI",
                    "Indeks Domian Kebijakan Internal SPBE", "Indeks Kematangan Keamanan Informasi (KAMI)"])
    assert ids["Indeks Domain Kebijakan Internal SPBE"] == ids["Indeks Domian Kebijakan Internal SPBE"]
    assert ids["Indeks KAMI"] == ids["Indeks Kematangan Keamanan Informasi (KAMI)"]
    assert ids["Indeks KAMI"] != ids["Indeks Domain Kebijakan Internal SPBE"]


@pytest.mark.parametrize("a, b", [("Jumlah I", "Jumlah II"), ("Capaian SPM 1", "Capaian SPM 2")])
def test_names_numbered_apart_are_different_things(a, b):
    assert not same_name(a, b)


def test_a_name_spaced_apart_is_one_name():
    assert same_name("Kegiatan Penguatan Kapasitas Kesiap Siagaan", "Penguatan Kapasitas Kesiapsiagaan")
