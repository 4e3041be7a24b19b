"""Metadata, signatories and prose claims read off real PK, IKU, rencana aksi and LKjIP PDFs without gold.

Each expectation is what the page prints (checked against `pdftotext -layout` or, for scans, the
page image): the genre's layouts these files stand for, not the files themselves.
"""

from functools import lru_cache

import pytest

from kinerja.extract.agency import find_mentions
from kinerja.extract.doctype import find_parts
from kinerja.extract.meta import read_meta
from tests.parsing import parse
from kinerja.schema import Meta

from ..parsers.real_pdfs import FAST, real_doc, real_path

from tests.tools import render_pdfs


@lru_cache(maxsize=8)
def _meta(name: str) -> Meta:
    doc = real_doc(name)
    return read_meta(doc, find_parts(doc))


@lru_cache(maxsize=2)
def _scanned_meta(name: str) -> Meta:
    doc = parse(real_path(name))  # OCR: a few seconds a page
    return read_meta(doc, find_parts(doc))


def _roles(meta: Meta) -> dict:
    return {s.role: s for s in meta.signatories}


@pytest.mark.parametrize("name, doc_type, agency, region, year", [
    ("pk_2016_kaban_bpmpd_jabar.pdf", "PK",
     "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa Provinsi Jawa Barat", "Provinsi Jawa Barat", 2016),
    ("pk_2017_kadis_dispora_jabar.pdf", "PK",
     "Dinas Pemuda dan Olahraga Provinsi Jawa Barat", "Provinsi Jawa Barat", 2017),
    ("iku_2016_bpmpd_jabar.pdf", "IKU",
     "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa Provinsi Jawa Barat", "Provinsi Jawa Barat", 2016),
    ("iku_2017_dinkes_jabar.pdf", "IKU", "Dinas Kesehatan Provinsi Jawa Barat", "Provinsi Jawa Barat", 2017),
    ("sk_iku_2021_dkips_sulut.pdf", "IKU",
     "Dinas Komunikasi, Informatika, Persandian dan Statistik Daerah Provinsi Sulawesi Utara",
     "Provinsi Sulawesi Utara", 2021),
    ("rencana_aksi_2022_dpupr_kab_grobogan.pdf", "other",
     "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Grobogan", "Kabupaten Grobogan", 2022),
])
def test_meta_is_what_the_cover_and_signature_print(name, doc_type, agency, region, year):
    meta = _meta(name)
    assert (meta.doc_type, meta.agency.name, meta.region, meta.year) == (doc_type, agency, region, year)


def test_the_agency_keeps_the_commas_its_letterhead_loses_at_a_line_break():
    # "DINAS KOMUNIKASI, INFORMATIKA / PERSANDIAN ..." on the letterhead; the body prints the commas
    name = _meta("sk_iku_2021_dkips_sulut.pdf").agency.name
    assert name.startswith("Dinas Komunikasi, Informatika, Persandian")


def test_the_first_party_called_pihak_kesatu_is_pihak_pertama():
    roles = _roles(_meta("pk_2016_kaban_bpmpd_jabar.pdf"))
    first = roles["pihak_pertama"]
    assert first.name == "Ir. H. KOESMAYADIE TATANG P."
    assert first.jabatan == "Kepala Badan Pemberdayaan Masyarakat dan Pemerintahan Desa"
    assert first.nip == "19590920 198303 1 013"  # from the signature block, matched by name
    assert roles["pihak_kedua"].name == "AHMAD HERYAWAN"


def test_a_jabatan_ends_where_the_sentence_naming_the_party_begins():
    # "Jabatan : Gubernur Jawa Barat Selaku atasan PIHAK KESATU, Selanjutnya disebut PIHAK KEDUA"
    assert _roles(_meta("pk_2016_kaban_bpmpd_jabar.pdf"))["pihak_kedua"].jabatan == "Gubernur Jawa Barat"


def test_a_jabatan_printed_over_two_lines_is_read_whole():
    roles = _roles(_meta("pk_2017_kadis_dispora_jabar.pdf"))
    assert roles["pihak_pertama"].jabatan == "KEPALA DINAS PEMUDA DAN OLAHRAGA PROVINSI JAWA BARAT"
    assert roles["pihak_pertama"].nip == "19630312 198901 1 002"
    assert roles["pihak_kedua"].jabatan == "GUBERNUR JAWA BARAT"


def test_a_signers_name_joined_on_one_line_with_the_rank_is_the_name():
    # "Ir. EEN ENDARTO, MM. Pembina Tk. I (IV/b)" above the NIP
    (signer,) = _meta("rencana_aksi_2022_dpupr_kab_grobogan.pdf").signatories
    assert (signer.role, signer.name) == ("penandatangan", "Ir. EEN ENDARTO, MM.")
    assert signer.jabatan == "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN GROBOGAN"
    assert signer.nip == "19670720 199903 1 005"


def test_a_signers_jabatan_is_read_on_the_signature_page_only():
    # the matrix's title ("INDIKATOR KINERJA UTAMA (IKU)" / "TAHUN 2017") sits on the page before
    (signer,) = _meta("iku_2017_dinkes_jabar.pdf").signatories
    assert signer.name == "dr.H. DODO SUHENDAR, MM."
    assert signer.jabatan == "KEPALA DINAS DINAS KESEHATAN PROPINSI JAWA BARAT"


def test_a_jabatan_starts_at_its_head_word():
    (signer,) = _meta("iku_2016_bpmpd_jabar.pdf").signatories
    assert signer.jabatan == "KEPALA BADAN PEMBERDAYAAN MASYARAKAT DAN PEMERINTAHAN DESA PROVINSI JAWA BARAT"
    assert (_meta("iku_2016_bpmpd_jabar.pdf").date, signer.nip) == ("2016-01-06", "19590920 198303 1 013")


def test_a_jabatan_over_lines_keeps_the_comma_ending_a_line():
    # "KEPALA DINAS KOMUNIKASI INFORMATIKA," / "PERSANDIAN DAN STATISTIK DAERAH" / "PROVINSI SULAWESI UTARA,"
    (signer,) = _meta("sk_iku_2021_dkips_sulut.pdf").signatories
    assert signer.jabatan == ("KEPALA DINAS KOMUNIKASI INFORMATIKA, PERSANDIAN DAN STATISTIK DAERAH "
                              "PROVINSI SULAWESI UTARA")


def test_a_jabatan_in_title_case_is_read():
    # "Kepala Pelaksana / Badan Penanggulangan Bencana Daerah / Provinsi Jawa Barat," above the name
    signer = _meta("lkip_2016_bpbd_jabar.pdf").signatories[0]
    assert signer.jabatan == "Kepala Pelaksana Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat"
    assert signer.nip == "19610720 198803 1 007"


def test_a_nip_printed_without_its_label_still_marks_the_signer():
    # "Dr. Ir. FERRY SOFWAN ARIF, M.Si." / "Pembina Utama Madya 19621121 198909 1 001"
    (signer,) = _meta("lkip_2016_disnakertrans_jabar.pdf").signatories
    assert (signer.name, signer.nip) == ("Dr. Ir. FERRY SOFWAN ARIF, M.Si.", "19621121 198909 1 001")
    assert signer.jabatan == "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI PROVINSI JAWA BARAT"


@pytest.mark.slow
def test_a_decree_signed_on_the_page_after_its_lampiran_has_its_date():
    # scan order: decree page 1, lampiran matrix, then the decree's last page with "Pada tanggal"
    meta = _scanned_meta("sk_iku_2022_dpupr_kab_grobogan_SCAN.pdf")
    assert (meta.doc_type, meta.year, meta.date) == ("IKU", 2022, "2022-01-26")


@pytest.mark.slow
def test_scanned_pk_parties_with_a_jabatan_continued_in_lower_case():
    # "Jabatan : Kepala Dinas Pekerjaan Umum" / "dan Penataan Ruang Kabupaten Grobogan", and
    # "Jabatan : Bupati Grobogan" / "Selaku atasan Pihak Pertama, ..." read as one line
    first, second = (_roles(_scanned_meta("pk_2022_kadis_dpupr_kab_grobogan_SCAN.pdf"))[r]
                     for r in ("pihak_pertama", "pihak_kedua"))
    assert first.name == "Ir. EEN ENDARTO, MM."
    assert first.jabatan == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Grobogan"
    assert (second.name, second.jabatan) == ("SRI SUMARNI, SH, MM.", "Bupati Grobogan")


@pytest.mark.parametrize("letterhead, agency", [
    ("DINAS LINGKUNGAN HIDUP KOTA BANDUNG", "DINAS LINGKUNGAN HIDUP Kota Bandung"),
    ("INSPEKTORAT KOTA SEMARANG", "INSPEKTORAT Kota Semarang"),
    ("SATUAN POLISI PAMONG PRAJA\nKOTA BOGOR", "SATUAN POLISI PAMONG PRAJA Kota Bogor"),
    ("KECAMATAN PURWODADI\nKABUPATEN GROBOGAN", "KECAMATAN PURWODADI Kabupaten Grobogan"),
    ("DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK "
     "KABUPATEN GROBOGAN", "DINAS PENGENDALIAN PENDUDUK, KELUARGA BERENCANA, PEMBERDAYAAN PEREMPUAN DAN "
     "PERLINDUNGAN ANAK Kabupaten Grobogan"),
])
def test_letterheads_of_the_genres_agencies_name_them(letterhead, agency):
    assert find_mentions(letterhead) == [(agency, True)]


@pytest.mark.parametrize("sentence", [
    "pegawai di lingkungan Pemerintah Kota Medan",  # "lingkungan" without "hidup" is a sentence's word
    "tersebar di 19 Kecamatan Kabupaten Grobogan",  # a kecamatan needs its own name
    "Tata Kerja Dinas Kabupaten Bengkulu Selatan",  # a dinas needs its own name
])
def test_sentences_naming_a_region_are_no_agency(sentence):
    assert find_mentions(sentence) == []


@pytest.fixture(scope="module")
def rendered_meta(tmp_path_factory):
    """Meta of seeds rendered to PDF, whose parser runs a signature's lines together into one
    ("Nama : X Jabatan : Y", "Ir. NAME, MM Pembina Tk. I/ IV.b NIP. 1968...") as real exports do."""
    out = tmp_path_factory.mktemp("rendered")
    metas = {}
    for seed in ("pk-2023-diskominfo-kota-medan", "iku-2020-diskominfo-kab-bengkulu-selatan"):
        pdf = out / f"{seed}.pdf"
        render_pdfs.render(render_pdfs.SEEDS / f"{seed}.txt", pdf)
        doc = parse(pdf, FAST)
        metas[seed] = read_meta(doc, find_parts(doc))
    return metas


def test_parties_whose_nama_and_jabatan_share_a_line_are_split(rendered_meta):
    roles = _roles(rendered_meta["pk-2023-diskominfo-kota-medan"])
    assert roles["pihak_pertama"].name == "ARRAHMAAN PANE, S.STP.,M.A.P"
    assert roles["pihak_pertama"].jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KOTA MEDAN"
    assert roles["pihak_pertama"].nip == "19780730 199612 1 001"
    assert (roles["pihak_kedua"].name, roles["pihak_kedua"].jabatan) == (
        "MUHAMMAD BOBBY AFIF NASUTION, SE, MM", "WALIKOTA MEDAN")


def test_a_signers_name_rank_and_nip_on_one_line(rendered_meta):
    (signer,) = rendered_meta["iku-2020-diskominfo-kab-bengkulu-selatan"].signatories
    assert (signer.name, signer.nip) == ("Ir. SUSMANTO, MM", "19680814 200212 1 004")
    assert signer.jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BENGKULU SELATAN"


@lru_cache(maxsize=2)
def _prose_claims(name: str):
    """(indicator claims, budget claims) the prose of a real PDF states beyond its tables."""
    from kinerja.extract import prose, tables
    doc = real_doc(name)
    parts = find_parts(doc)
    meta = read_meta(doc, parts)
    indicators, budgets = tables.read_tables(doc, parts, meta)
    return prose.read_claims(doc, parts, meta, indicators, budgets)


def _bpbd_text_budgets() -> dict:
    _, claims = _prose_claims("lkip_2016_bpbd_jabar.pdf")
    return {(c.item, c.measure): c.value.value for c in claims}


def test_prose_states_a_kegiatans_allocation_and_its_realisation():
    # "Kegiatan X, dengan alokasi anggaran sebesar Rp.612.000.000,- dengan realisasi anggaran sebesar
    # Rp.469.956.600,- atau 76.79 %": no table of the report prints this kegiatan
    item = "Kegiatan Peningkatan Kesejahteraan dan Kemampuan Aparatur BPBD Provinsi Jawa Barat"
    found = _bpbd_text_budgets()
    assert (found[(item, "anggaran")], found[(item, "realisasi")], found[(item, "persen_realisasi")]) == (
        612000000, 469956600, 76.79)


def test_prose_repeating_a_table_amount_under_a_misspelt_name_is_the_tables_fact():
    # "kegiatan Pengeloaan keuangan ... Rp. 100.000.000,- ... 95.074.000" repeats the table's
    # "Pengelolaan Keuangan BPBD"; "Kesiap Siagaan ... realisasi Rp.860.924.000" its "Kesiapsiagaan"
    found = _bpbd_text_budgets()
    assert not any("keuangan" in item.lower() for item, _ in found)
    assert ("Kegiatan Penguatan Kapasitas Kesiap Siagaan", "realisasi") not in found
    # the allocation the prose states differently (866.800.000 against the table's 866.600.000) is its own
    assert found[("Kegiatan Penguatan Kapasitas Kesiap Siagaan", "anggaran")] == 866800000


def test_the_years_whole_budget_is_no_named_item():
    # "... output kegiatan tahun 2016 dengan alokasi anggaran Rp 27.059.202.004,-"
    assert not any("tahun" in item.lower() for item, _ in _bpbd_text_budgets())


def _dinkes_text_claims() -> set:
    claims, _ = _prose_claims("lkip_2016_dinkes_jabar.pdf")
    return {(c.indicator, c.year, c.measure, c.value.value) for c in claims}


def test_a_list_item_naming_its_own_indicator_lends_no_value_to_the_one_before():
    # "4) Cakupan Persalinan oleh tenaga kesehatan ..." then "1) Presentase Desa/kelurahan yang mencapai
    # Universal Child Immunization (UCI) >= 90%, dengan target 91%": the 91 is not the persalinan's
    assert not any(name.startswith("Cakupan Persalinan") for name, *_ in _dinkes_text_claims())


def test_a_rate_of_change_and_a_comparison_from_a_base_are_no_levels():
    # "menurunnya angka kejadian kasus hipertensi sebesar 0.4% setiap tahun"; "mengalami peningkatan
    # dari hasil realisasi tahun 2015 sebesar 1,04%"
    values = {value for *_, value in _dinkes_text_claims()}
    assert 0.4 not in values and 1.04 not in values
    # "menurun sebesar 2,44% dari target 34%": the level after the change is still read
    assert ("Prevalensi Hipertensi", 2015, "target", 34) in _dinkes_text_claims()


def test_a_one_word_table_cell_names_no_indicator_in_prose():
    assert all(" " in name for name, *_ in _dinkes_text_claims())
