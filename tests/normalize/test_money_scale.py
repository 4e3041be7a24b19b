"""A money column's header that states its unit ('Juta Rupiah', 'Rp. 000') scales its amounts."""

import pytest

from kinerja.normalize.money_scale import header_scale, scaled


@pytest.mark.parametrize("header, size", [
    ("ANGGARAN PADA TAHUN KE - (JUTA RUPIAH) / 2021", 1e6),
    ("REALISASI ANGGARAN PADA TAHUN KE- (JUTA", 1e6),
    ("Pagu Indikatif (Rp. Juta)", 1e6),
    ("Anggaran (dalam ribuan rupiah)", 1e3),
    ("Realisasi (Rp. 000)", 1e3),
    ("Alokasi (Miliar Rupiah)", 1e9),
    # an OCR'd 'Kebutuhan Dana/Pagu Indikatif (dalam juta)' that lost its '(dalam'
    ("Prakiraan Maju Rencana Tahun 2017 / Kebutuhan Danaf Pagu Indikatif Adm juta) 19", 1e6),
])
def test_a_header_stating_its_unit_gives_the_amounts_size(header, size):
    assert header_scale(header)[1] == size


@pytest.mark.parametrize("header", ["Anggaran (Rp)", "Realisasi Anggaran", "Target Tahun 2000", "Pagu 2023 (Rp.)",
                                    "Pengadaan Langsung (s.d. 200 juta)"])
def test_a_header_in_rupiah_gives_none(header):
    assert header_scale(header) is None


def test_a_full_rupiah_figure_under_a_juta_header_is_left_as_printed():
    assert scaled(17393.0, 1e6) == 17_393_000_000
    assert scaled(1_234_567_890_000.0, 1e6) is None
