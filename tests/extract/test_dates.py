"""Years and dates as the documents print them: a title's year, never a cited regulation's."""

from kinerja.extract.dates import find_date, most_common_year, title_year

from ..conftest import CORPUS


def _line(seed: str, starts: str) -> str:
    text = (CORPUS / f"{seed}.txt").read_text(encoding="utf-8")
    return next(ln for ln in text.splitlines() if ln.startswith(starts))


def test_title_year_reads_tahun_in_a_title():
    assert title_year(_line("pk-2023-diskominfo-kota-medan", "PERJANJIAN KINERJA TAHUN")) == 2023


def test_title_year_reads_the_first_year_of_a_period():
    assert title_year("RENCANA STRATEGIS 2025-2029") == 2025


def test_a_cited_regulation_number_and_year_is_not_a_title_year():
    cited = "Peraturan Presiden Republik Indonesia Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas"
    assert title_year(cited) is None


def test_title_year_after_a_cited_regulation_is_still_read():
    assert title_year("Nomor 12 Tahun 2019 tentang Indikator Kinerja Utama Tahun 2020") == 2020


def test_find_date_reads_place_month_and_year():
    assert find_date("Medan, Januari 2023") == ("2023-01", "Medan, Januari 2023")


def test_a_gazette_year_is_not_a_title_year():
    assert title_year("(Lembaran Negara Republik Indonesia Tahun 2004 Nomor 74)") is None


def test_cited_years_do_not_outvote_the_documents_own():
    texts = ["Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP",
             "Peraturan Menteri Nomor 53 Tahun 2014 tentang Petunjuk Teknis",
             "Indikator Kinerja Utama Tahun 2016"]
    assert most_common_year(texts) == 2016
