"""Names as printed -> comparable names: agency nomenclature, Indonesian title case, fuzzy matching.

Agencies are printed in many forms ("Diskominfo Kota X", "DINAS KOMUNIKASI DAN INFORMATIKA
KOTA X", "Dinas Kominfo"); `agency_name` gives the one full form and `agency_key` the key two
forms of one agency share. Indicator and program names are matched by rapidfuzz, tolerating the
typos and truncations these documents carry ("Indeks Domian ...", "Laju pemanfaatan data sektora").
"""

import re
from os.path import commonprefix
from typing import Iterable, Optional

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

# Abbreviations of agency nomenclature used across regions (Permendagri naming), expanded whole-word.
AGENCY_ABBREVIATIONS = {
    "diskominfotik": "Dinas Komunikasi, Informatika dan Statistik",
    "diskominfotiksan": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "diskominfosandi": "Dinas Komunikasi, Informatika dan Persandian",
    "diskominfostandi": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    "diskominfo": "Dinas Komunikasi dan Informatika",
    "dkips": "Dinas Komunikasi, Informatika, Persandian dan Statistik",
    "dpupr": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "dinkes": "Dinas Kesehatan",
    "disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi",
    "disnaker": "Dinas Tenaga Kerja",
    "dispora": "Dinas Pemuda dan Olahraga",
    "disdik": "Dinas Pendidikan",
    "dishub": "Dinas Perhubungan",
    "dinsos": "Dinas Sosial",
    "disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "dpmptsp": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "dlh": "Dinas Lingkungan Hidup",
    "bpbd": "Badan Penanggulangan Bencana Daerah",
    "bpmpd": "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa",
    "bappeda": "Badan Perencanaan Pembangunan Daerah",
    "bkpsdm": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "bpkad": "Badan Pengelolaan Keuangan dan Aset Daerah",
    "satpol pp": "Satuan Polisi Pamong Praja",
}
# "Dinas Kominfo" and friends: a short form inside an otherwise spelled-out name.
WORD_ABBREVIATIONS = {
    "kominfo": "Komunikasi dan Informatika",
    "pu": "Pekerjaan Umum",
    "pupr": "Pekerjaan Umum dan Penataan Ruang",
}
REGION_ABBREVIATIONS = {"kab.": "Kabupaten", "kab": "Kabupaten", "prov.": "Provinsi",
                        "prov": "Provinsi", "propinsi": "Provinsi"}

# Words Indonesian title case keeps lower-case (except first).
LOWER_WORDS = {"dan", "atau", "serta", "di", "ke", "dari", "untuk", "yang", "pada", "dengan",
               "dalam", "oleh", "bagi", "atas"}
ACRONYMS = {"rsud", "uptd", "upt", "pp", "kb", "pkk", "tik", "spbe", "opd", "ri", "dki", "diy", "dprd", "ppkb",
             "dppkb", "p3a", "dp3a", "pmd", "dpmd", "ptsp", "dpmptsp", "umkm", "ukm", "llaj", "asdp", "blud"}

SHORT_WORD = 4  # letters: a short word or acronym one letter apart is another one
STEM = 6  # letters two words share at their start: one stem ('penyebar-an', 'penyebar-luasan')
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def name_key(text: str) -> str:
    """Lower-case, punctuation dropped, white space collapsed: the form names are compared in."""
    return collapse(_PUNCT.sub(" ", text.lower()))


def title_case(text: str) -> str:
    """Indonesian title case: 'DINAS KOMUNIKASI DAN INFORMATIKA' -> 'Dinas Komunikasi dan Informatika'."""
    words = collapse(text).split(" ")
    out = []
    for i, word in enumerate(words):
        bare = word.strip(",.;:()").lower()
        if bare in ACRONYMS:
            out.append(word.upper())
        elif i > 0 and bare in LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append(_capitalise(word))
    return " ".join(out)


def _capitalise(word: str) -> str:
    # 'e-GOVERNMENT' keeps its lower first letter; hyphenated parts each capitalised otherwise
    return "-".join(p[:1].upper() + p[1:].lower() if p else p for p in word.split("-"))


def expand_agency(text: str) -> str:
    """Spell out agency abbreviations: 'Diskominfotik Kota X' -> 'Dinas Komunikasi, ... Kota X'."""
    out = collapse(text)
    for abbr, full in sorted(AGENCY_ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        out = re.sub(rf"(?i)(?<![\w-]){re.escape(abbr)}(?![\w-])", full, out)
    for abbr, full in WORD_ABBREVIATIONS.items():
        out = re.sub(rf"(?i)(?<=\bdinas )\b{abbr}\b", full, out)
    for abbr, full in REGION_ABBREVIATIONS.items():
        out = re.sub(rf"(?i)(?<!\w){re.escape(abbr)}(?=\s)", full, out)
    return collapse(out)


def agency_name(raw: str) -> str:
    """The normalised full name of an agency as printed (abbreviations expanded, title case)."""
    text = expand_agency(raw)
    # "Dinas X Pemerintah Kota Y" is "Dinas X Kota Y"; a whole government keeps its word
    text = re.sub(r"(?i)(?<=\S)\s+pemerintah\s+(?=(kota|kabupaten|provinsi)\b)", " ", text)
    text = re.sub(r"\s+,", ",", text)
    return title_case(text.strip(" ,.;:"))


def agency_key(name: str) -> str:
    """Comparison key: two spellings of one agency give the same key."""
    key = name_key(expand_agency(name))
    return collapse(re.sub(r"\bpemerintah\b", " ", key))


def match_name(name: str, candidates: Iterable[str], cutoff: float = 85.0) -> Optional[tuple[str, float]]:
    """The candidate that names the same thing as `name`, or None.

    token_sort_ratio, not token_set_ratio: a short name contained in a long one ("Indeks SPBE" in
    "Indeks Domain Kebijakan Internal SPBE") is a different indicator, not a match.
    """
    choices = list(dict.fromkeys(candidates))
    key = name_key(name)
    if not choices or not key:
        return None
    found = process.extract(key, [name_key(c) for c in choices], scorer=fuzz.token_sort_ratio,
                            score_cutoff=cutoff, limit=None)
    for other, score, index in found:
        if not _swapped_word(key, other):
            return choices[index], score
    return None


def _swapped_word(a: str, b: str) -> bool:
    """Two names one word apart where that word is another word, not a misspelling or a short
    form of it: 'angkutan laut' and 'angkutan udara', 'kondisi baik' and 'kondisi rusak' name
    sibling indicators, however alike the rest of their names."""
    words_a, words_b = set(a.split()), set(b.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    (x,), (y,) = only_a, only_b
    if any(c.isdigit() for c in x + y):
        return True  # years, numbered items
    if x.startswith(y) or y.startswith(x) or len(commonprefix([x, y])) >= STEM:
        return False  # a short form ('prov'), one stem with another affix ('penyebaran')
    if max(len(x), len(y)) <= SHORT_WORD:
        return True  # levels: 'SMP' and 'SMA'
    return OSA.distance(x, y) > _typos(x, y)


def _typos(x: str, y: str) -> int:
    # a misspelt short word is one edit off ('domian'), a long one two ('konsidi'): 'darat' is
    # two edits from 'udara' and another word
    return 1 if max(len(x), len(y)) < 7 else 2


def similarity(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(name_key(a), name_key(b))


__all__ = ["agency_name", "agency_key", "collapse", "expand_agency", "match_name", "name_key",
           "similarity", "title_case"]
