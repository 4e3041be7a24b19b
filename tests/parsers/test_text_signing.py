"""The signing block under a table: its place and date and the signer's NIP end the table."""

import pytest

from kinerja.parsers.text.signing import signing_text


@pytest.mark.parametrize("text", ["Barito Kuala, 12 Januari 2017", "Medan, Januari 2023",
                                  "Kota Blitar, 11 Nopember 2024", "NIP. 19781027 200607 1 002",
                                  "NIP : 196512311990031001"])
def test_a_place_and_date_or_a_nip_opens_a_signing_block(text):
    assert signing_text(text)


@pytest.mark.parametrize("text", ["Program Bangga, Januari 2017 realisasi", "Jumlah, 12 Mei 2020 12.000",
                                  "Dinas Pendidikan 2017", "Sumber: BPS, Januari 2020", "Januari 2020"])
def test_a_cell_citing_a_date_opens_none(text):
    assert not signing_text(text)
