"""Dates and years as Indonesian documents print them ("Kota, Januari 2023", "14 Januari 2020")."""

import re
from collections import Counter
from typing import Optional

MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12,
}
_MONTH = "|".join(MONTHS)
# "Kota, Januari 2023", "Kota, 11 November 2024", "Pada tanggal 14 Januari 2020"
DATE = re.compile(
    rf"(?i)(?:(?P<place>\b[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){{0,2}}),|pada\s+tanggal|tanggal\s*:)[ \t]*"
    rf"(?:(?P<day>\d{{1,2}})[ \t]+)?(?P<month>{_MONTH})[ \t]+(?P<year>(19|20)\d\d)\b"
)
YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,/])")
TAHUN_YEAR = re.compile(r"(?i)\btahun\s+(?:anggaran\s+)?((?:19|20)\d\d)\b(?:\s*[-–/]\s*((?:19|20)\d\d))?")
YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")


def find_date(text: str) -> Optional[tuple[str, str]]:
    """(ISO date 'yyyy-mm' or 'yyyy-mm-dd', raw) of the first date in `text`, or None."""
    m = DATE.search(text)
    if m is None:
        return None
    month = MONTHS[m.group("month").lower()]
    iso = f"{m.group('year')}-{month:02d}"
    if m.group("day"):
        iso += f"-{int(m.group('day')):02d}"
    return iso, m.group(0).strip()


# "Nomor 29 Tahun 2014 tentang ...", "Lembaran Negara ... Tahun 2004 Nomor 74": a cited
# regulation's or gazette's year, not the document's
CITED = re.compile(r"(?i)\bnomor\s*:?\s*[\w./-]+\s*\W?$")  # \W?: a stray OCR mark before "Tahun"
CITED_AFTER = re.compile(r"(?i)\s*(?:tentang|nomor)\b")


# the words a cited regulation starts with ('Peraturan Pemerintah', 'Permendagri', 'UU', 'SK')
REGULATION_WORDS = r"peraturan|permen\w*|perpres|perda|perbup|perwal|pergub|keputusan|kepmen\w*|undang|uu|pp|sk"
# 'Peraturan Pemerintah Nomor 12 Tahun 2019': a regulation cited with its number and year
CITATION = re.compile(rf"(?i)\b(?:{REGULATION_WORDS}|inpres|instruksi|surat\s+edaran)\b[^.;\n]{{0,80}}?"
                      r"\b(?:nomor|no\.?)\s*[\w./-]{1,20}\s+tahun\s+(?:19|20)\d\d\b")


def without_citations(text: str) -> str:
    """`text` with the regulations it cites blanked out: their years are not the text's."""
    return CITATION.sub(" ", text)


def _cited(text: str, m: re.Match) -> bool:
    return bool(CITED.search(text[:m.start()]) or CITED_AFTER.match(text, m.end()))


def title_year(text: str) -> Optional[int]:
    """The year a title is for: 'TAHUN 2024', or the first year of '2025-2029'."""
    for pattern in (TAHUN_YEAR, YEAR_RANGE):
        for m in pattern.finditer(text):
            if not _cited(text, m):
                return int(m.group(1))
    return None


def most_common_year(texts: list[str]) -> Optional[int]:
    counts = Counter(int(m.group(1)) for t in texts for m in TAHUN_YEAR.finditer(t) if not _cited(t, m))
    return counts.most_common(1)[0][0] if counts else None
