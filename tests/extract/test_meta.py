"""Metadata read off real documents: the gold meta facts, dates and signatories."""

import pytest

from kinerja.evaluate.gold import load_gold
from kinerja.extract.agency import find_mentions
from kinerja.extract.doctype import find_parts
from kinerja.extract.meta import read_meta
from kinerja.extract.region import find_regions
from tests.parsing import parse

from .seeds import IKU, LKJIP, PK, RENSTRA_DO, seed_steps

FIELDS = ("agency", "region", "region_level", "year")


def _gold_meta(gold_dir, stem: str) -> dict:
    return {f["field"]: f["value"] for f in load_gold(gold_dir / f"{stem}.facts.jsonl") if f["kind"] == "meta"}


def _meta_values(info) -> dict:
    return {"agency": info.agency.name if info.agency else None, "region": info.region,
            "region_level": info.region_level, "year": info.year}


@pytest.mark.parametrize("stem", [PK, LKJIP, IKU])
def test_seed_meta_equals_gold(gold_dir, stem):
    gold = _gold_meta(gold_dir, stem)
    assert _meta_values(seed_steps(stem)[2]) == {f: gold[f] for f in FIELDS}


def test_a_do_sheet_names_its_agency_only_in_abbreviation(gold_dir):
    gold = _gold_meta(gold_dir, RENSTRA_DO)
    info = seed_steps(RENSTRA_DO)[2]
    assert info.agency.name == gold["agency"]  # "Diskominfotik Kota Blitar", spelled out
    assert (info.region, info.region_level) == (gold["region"], gold["region_level"])


def test_pdf_pk_meta_equals_gold(gold_dir, pdf_dir):
    stem = "pk_2021_pengukuran_2020_dkips_sulut"
    doc = parse(pdf_dir / f"{stem}.pdf")
    gold = _gold_meta(gold_dir, stem)
    # the agency's name is printed over two lines, and the file also holds the 2020 measurement
    assert _meta_values(read_meta(doc, find_parts(doc))) == {f: gold[f] for f in FIELDS}


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["pk_2021_dkips_sulut_SCAN", "lkjip_2021_dpupr_kab_grobogan"])
def test_ocr_and_long_pdf_meta_equals_gold(gold_dir, pdf_dir, stem):
    doc = parse(pdf_dir / f"{stem}.pdf")
    gold = _gold_meta(gold_dir, stem)
    assert _meta_values(read_meta(doc, find_parts(doc))) == {f: gold[f] for f in FIELDS}


def test_a_report_whose_cover_prints_its_printing_year_reports_on_the_year_before(pdf_dir):
    """The BPBD LKjIP's text layer has only 'TAHUN 2017' on its cover; it reports on 2016, the
    year its text names most."""
    doc = parse(pdf_dir / "lkip_2016_bpbd_jabar.pdf", {"ocr": False})
    assert read_meta(doc, find_parts(doc)).year == 2016


def test_doc_type_is_the_main_parts_type():
    assert seed_steps(LKJIP)[2].doc_type == "LKjIP"
    assert seed_steps(PK)[2].doc_type == "PK"


def test_signing_date_is_read_as_iso():
    assert (seed_steps(PK)[2].date, seed_steps(PK)[2].date_raw) == ("2023-01", "Medan, Januari 2023")
    assert seed_steps(IKU)[2].date == "2020-01-14"
    assert seed_steps(LKJIP)[2].date == "2025-01"  # the report on 2024 is signed in January 2025


def test_pk_parties_are_read_with_roles_jabatan_and_nip():
    by_role = {s.role: s for s in seed_steps(PK)[2].signatories}
    first, second = by_role["pihak_pertama"], by_role["pihak_kedua"]
    assert first.name.startswith("ARRAHMAAN PANE")
    assert first.jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KOTA MEDAN"
    # the signature block spells the name "ARRAHMAN": still the same person
    assert first.nip == "19780730 199612 1 001"
    assert second.jabatan == "WALIKOTA MEDAN" and second.nip is None


def test_a_report_without_parties_has_its_signer():
    (signer,) = seed_steps(IKU)[2].signatories
    assert signer.role == "penandatangan" and signer.nip == "19680814 200212 1 004"
    assert signer.jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN BENGKULU SELATAN"


def test_agency_mentions_need_a_name_not_a_sentence():
    assert find_mentions("Tata Kerja Dinas Kabupaten Bengkulu Selatan yang") == []
    assert find_mentions("oleh Diskominfotik\nKota Blitar. Yang") == [
        ("Dinas Komunikasi, Informatika dan Statistik Kota Blitar", True)]


@pytest.mark.parametrize("text, name", [
    ("PEMERINTAH KOTA GORONTALO\nRSUD PROF. DR. H. ALOEI SABOE\nRANCANGAN AWAL", "RSUD PROF. DR. H. ALOEI SABOE"),
    ("RSUD dr. R. Soedarsono Kota Pasuruan", "RSUD dr. R. Soedarsono Kota Pasuruan"),
    ("Rencana Kerja RSUD Prof. Dr. H Aloei sebagaimana termuat", "RSUD Prof. Dr. H Aloei"),
    ("RUMAH SAKIT JIWA\nMENUR\nJl. Raya Menur", "RUMAH SAKIT JIWA MENUR"),  # its own name on the next line
    ("Direktur RSUD Dr. Soetomo, dr. Joni Wahyuhadi, Sp.OT", "RSUD Dr. Soetomo"),  # then its director
])
def test_a_hospital_is_named_after_a_person_titles_included(text, name):
    """An RSUD's own name is a person's: titles and initials end in a stop, the name ends at its
    line's end or at a word in lower case."""
    assert [m for m, _ in find_mentions(text)] == [name]


def test_a_title_inside_a_dinas_name_is_a_sentence_not_a_name():
    assert find_mentions("Dinas Kesehatan dr. Budi Kota Bogor") == []


def test_a_second_head_starts_the_name_that_names_its_region():
    """A page's heading over a title that repeats the dinas with its region: the second is the
    name, not the first running on into it."""
    assert find_mentions("Dinas Perhubungan\nCASCADING DINAS PERHUBUNGAN KOTA PASURUAN TAHUN 2024") == [
        ("DINAS PERHUBUNGAN Kota Pasuruan", True)]


@pytest.mark.parametrize("text, name", [
    ("DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK KABUPATEN KONAWE\nKEPULAUAN\nBAB III",
     "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK Kabupaten Konawe Kepulauan"),
    ("DINAS PERDAGANGAN DAN PERINDUSTRIAN KABUPATEN KEPULAUAN\nTALAUD\n3.2 Realisasi Anggaran",
     "DINAS PERDAGANGAN DAN PERINDUSTRIAN Kabupaten Kepulauan Talaud"),
    ("DINAS KESEHATAN KABUPATEN KONAWE\nTAHUN 2020", "DINAS KESEHATAN Kabupaten Konawe"),
])
def test_a_region_wrapped_onto_the_next_line_of_a_title_is_read_whole(text, name):
    """A title wrapped inside the region's name runs on into the next line when the registry
    knows the longer name; a region the next line does not continue stays as it is."""
    assert find_mentions(text) == [(name, True)]


def test_a_hospitals_renja_names_the_hospital_and_its_region():
    from tests.conftest import WILD
    doc = parse(WILD / "renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf")
    info = read_meta(doc, find_parts(doc))
    assert info.agency.name == "RSUD Prof. Dr. H. Aloei Saboe Kota Gorontalo"
    assert (info.region, info.year) == ("Kota Gorontalo", 2027)


def test_a_covers_year_set_apart_under_its_tahun_dates_the_text_dump(tmp_path):
    # the layout dump of the hospital's Renja: 'TAHUN' then '2027' alone at the cover's foot (no
    # page number), before an evaluation of the 'RENCANA KERJA TAHUN 2025'
    import subprocess
    from tests.conftest import WILD
    dump = tmp_path / "renja.txt"
    subprocess.run(["pdftotext", "-layout", "-l", "4", str(WILD / "renja_rancangan_awal_2027_rsud_aloei_saboe_kota_gorontalo.pdf"),
                    str(dump)], check=True)
    doc = parse(dump)
    assert read_meta(doc, find_parts(doc)).year == 2027


def test_a_title_run_into_the_lines_under_it_still_dates_the_text_dump(tmp_path):
    # an APBD-Perubahan comparison as a layout dump: 'PERBANDINGAN ANGGARAN SEBELUM DAN SESUDAH /
    # PERUBAHAN TAHUN 2024' runs, no blank line between, into the agency, the caption and 'APBD
    # TAHUN 2024'; the block is too long for a cover line, but its title lines date it, not the
    # signing date 'Donggala, 10 Februari 2025' under the table
    from tests.forms import generate
    g = generate("apbd_perubahan", "ruled", seed=0, out_dir=tmp_path)
    doc = parse(g.text_paths["layout"])
    assert read_meta(doc, find_parts(doc)).year == 2024


def test_an_agency_named_with_its_region_once_with_a_slip_is_spelled_as_the_cover_prints_it():
    # a Renstra's cover and every running header print 'Dinas Kebersihan dan Pertamanan'; only one
    # sentence names the region, with 'Keebersihan'
    from tests.conftest import WILD
    doc = parse(WILD / "renstra_2011_2016_dkp_kab_cianjur.pdf")
    info = read_meta(doc, find_parts(doc))
    assert info.agency.name == "Dinas Kebersihan dan Pertamanan Kabupaten Cianjur"


def test_region_names_end_at_the_next_keyword():
    assert find_regions("KABUPATEN BENGKULU SELATAN PROVINSI BENGKULU TAHUN 2020") == [
        ("kabupaten", "Bengkulu Selatan"), ("provinsi", "Bengkulu")]
    assert find_regions("di lingkungan Pemkot Blitar yang") == [("kota", "Blitar")]


@pytest.mark.parametrize("text", [
    "penyusunan Laporan Kinerja Instansi Pemerintah\nProvinsi Sumatera Utara tahun 2020 dapat",
    "LAPORAN\nKINERJA\nPEMERINTAH\nPROVINSI\nSUMATERA\nUTARA\nTAHUN\n2022",
])
def test_a_report_of_a_whole_government_names_the_government(text):
    """A provincial or district LKjIP is the government's own report, not one dinas's; its
    region runs on over a cover's one-word lines."""
    assert ("Pemerintah Provinsi Sumatera Utara", True) in find_mentions(text)


def test_a_dinas_report_titled_laporan_kinerja_instansi_pemerintah_names_the_dinas():
    assert find_mentions("LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS KESEHATAN KABUPATEN GROBOGAN") == [
        ("DINAS KESEHATAN Kabupaten Grobogan", True)]


def test_a_government_is_named_only_with_a_region_the_registry_knows():
    assert find_mentions("Laporan Kinerja Pemerintah Kota Yang Tidak Ada") == []


def test_an_agency_is_a_known_nomenclature_before_a_name_read_off_a_table():
    from kinerja.extract.agency import _most_trusted, Mention
    from kinerja.schema import Provenance

    def mention(name, has_region):
        return Mention(name=name, key=name.lower(), raw=name, has_region=has_region, weight=1.0,
                       provenance=Provenance(file="x"))

    garbage = mention("Kantor dan Bangunan Lainnya Kota Pasuruan", True)
    dinas = mention("Dinas Perhubungan", False)
    assert _most_trusted([garbage, dinas]) == [dinas]
    assert _most_trusted([mention("Dinas atau Kendaraan Dinas Jabatan Kota Indikator", True)]) == []


@pytest.mark.parametrize("text, year", [
    ("Periode Pelaksanaan : Triwulan III Tahun 2019", 2019),
    ("TW. IV Tahun Anggaran 2019", 2019),
    ("Triwulan III/2019", 2019),
    ("realisasi s/d Triwulan III Tahun 2018", None),
])
def test_the_quarter_an_evaluation_covers_dates_it_but_a_cumulative_cite_does_not(text, year):
    from kinerja.extract.meta import PERIOD_YEAR
    found = PERIOD_YEAR.search(text)
    assert (int(found.group(1)) if found else None) == year
