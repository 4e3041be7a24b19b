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


@pytest.mark.parametrize("a, b", [
    ("Meningkatnya Panjang Saluran Drainase/Gorong-gorong yang terbangun",
     "Meningkatnya Panjang Saluran Drainase/Gorong-gorong yang dibangun"),
    ("Persentase penduduk yang terlayani air minum", "Persentase penduduk yang dilayani air minum"),
])
def test_a_passive_verb_and_its_stative_twin_are_one_name(a, b):
    assert same_name(a, b)


def test_a_word_swapped_for_an_unlike_one_names_another_thing():
    assert not same_name("Persentase RSUD terisi dokter spesialis Dasar sesuai standar",
                         "Persentase RSUD terisi dokter spesialis Penunjang sesuai standar")


def test_a_name_cut_short_does_not_chain_the_two_names_it_cuts():
    ids = clusters(["Persentase Sub Kategori Transportasi terhadap PDRB",
                    "Persentase sub kategori transportasi (angkutan laut) terhadap PDRB",
                    "Persentase sub kategori transportasi (angkutan udara) terhadap PDRB"])
    assert len(set(ids.values())) == 3


def test_a_name_cut_short_joins_the_one_name_it_cuts():
    ids = clusters(["Persentase RSUD terisi dokter spesialis",
                    "Persentase RSUD terisi dokter spesialis Dasar sesuai standar"])
    assert len(set(ids.values())) == 1
