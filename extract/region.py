"""Region and level ("Kota X", "kota") as the document itself names them.

Regions come from the text, not from a reference list: "PEMERINTAH KOTA X", "Pemkot Y",
"... INFORMATIKA KABUPATEN X SELATAN", and the head of the region who signs or approves
("Pj. Walikota X", "BUPATI Y", "Gubernur Z"). A region's name ends at a line break, punctuation,
a number or a function word ("KABUPATEN X SELATAN PROVINSI Y TAHUN 2020").
"""

import re
from collections import Counter
from typing import Optional

from kinerja.normalize.names import title_case
from kinerja.normalize.regions import known_prefix, region_code

LEVELS = {"kota": "kota", "kabupaten": "kabupaten", "kab": "kabupaten", "provinsi": "provinsi",
          "propinsi": "provinsi", "prov": "provinsi"}
SHORT_FORMS = {"pemkot": "kota", "pemkab": "kabupaten", "pemprov": "provinsi"}
HEADS = {"walikota": "kota", "wali kota": "kota", "bupati": "kabupaten", "gubernur": "provinsi"}
LEVEL_WORD = {"kota": "Kota", "kabupaten": "Kabupaten", "provinsi": "Provinsi"}

# Words that cannot be part of a region's name: they end it.
STOP_WORDS = {
    "tahun", "nomor", "no", "kota", "kabupaten", "provinsi", "propinsi", "yang", "dan", "dengan",
    "dalam", "pada", "sebagai", "adalah", "untuk", "telah", "mempunyai", "melalui", "selaku",
    "serta", "ke", "di", "dari", "atas", "tentang", "berdasarkan", "menjadi", "sesuai", "ini",
    "itu", "tersebut", "dinas", "badan", "kepala", "pemerintah", "daerah", "periode", "anggaran",
    "pj", "nama", "jabatan", "melaksanakan", "secara", "terhadap", "bulan", "januari", "lampiran",
    "the", "yth", "perihal", "kab", "prov", "memiliki", "akan", "bahwa", "tidak", "juga", "agar",
    "oleh", "maka", "kedalam", "sampai", "mencapai", "sebesar", "terdiri", "kecamatan", "kelurahan",
}
MAX_NAME_WORDS = 4
MAX_REGISTRY_WORDS = 6  # "Daerah Khusus Ibukota Jakarta", "Kep. Siau Tagulandang Biaro"
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
# a level word, then the words after it on the same line
# the words after it are looked at, not consumed: one line may name two regions
_LEVEL = re.compile(r"(?i)\b(kota|kabupaten|kab\.?|provinsi|propinsi|prov\.?)[ \t]+(?=([^\n]*))")
_SHORT = re.compile(r"(?i)\b(pemkot|pemkab|pemprov)[ \t]+(?=([^\n]*))")
_HEAD = re.compile(r"(?i)\b(wali ?kota|bupati|gubernur)[ \t]+(?=([^\n]*))")


def region_name(words_after: str, level: Optional[str] = None, known_only: bool = False) -> Optional[str]:
    """The region's name at the start of `words_after`, title-cased, or None.

    The longest name the region registry knows at that level wins ("Lima Puluh Kota",
    "Pangkajene dan Kepulauan" hold words that otherwise end a name; a known name followed by
    prose ends where the name does); a name it does not know ends at punctuation or a function
    word, or, with
    `known_only`, is None."""
    tokens = words_after.split()[:MAX_REGISTRY_WORDS]
    known = known_prefix(level, tokens) if level else None
    if known:
        return title_case(" ".join(tokens[:known]).rstrip(",.;:"))
    if known_only:
        return None
    name = []
    for token in tokens:
        bare = token.strip(",.;:()\"'*")
        if not _WORD.fullmatch(bare) or bare.lower() in STOP_WORDS:
            break
        name.append(bare)
        if token != bare or len(name) == MAX_NAME_WORDS:
            break  # punctuation after the word ends the name
    return title_case(" ".join(name)) if name else None


def find_regions(text: str) -> list[tuple[str, str]]:
    """(level, name) of each region mention in `text` (line breaks kept)."""
    found = []
    for pattern, levels in ((_LEVEL, LEVELS), (_SHORT, SHORT_FORMS), (_HEAD, HEADS)):
        for m in pattern.finditer(text):
            level = levels[" ".join(m.group(1).lower().rstrip(".").split())]
            name = region_name(m.group(2), level)
            if name:
                found.append((level, name))
    return found


def region_label(level: str, name: str) -> str:
    return f"{LEVEL_WORD[level]} {name}"


def known(level: str, name: str) -> bool:
    """Whether the registry has a region of that name at that level: 'Kota Sehat' and 'Kota
    Layak Anak' are programmes, not regions."""
    return region_code(name, level) is not None


def split_region(name: str) -> Optional[tuple[str, str]]:
    """(level, 'Kota X') of the region the registry knows an agency name ends with, or None."""
    for m in _LEVEL.finditer(name):
        level = LEVELS[m.group(1).lower().rstrip(".")]
        region = region_name(m.group(2), level)
        if region and name.rstrip(" .,").endswith(region) and known(level, region):
            return level, region_label(level, region)
    return None


def most_named(texts: list[str]) -> Optional[tuple[str, str]]:
    """(level, 'Kota X') of the known region the texts name most, or None: a region is the
    document's only when the registry has it (a wrong region is worse than none)."""
    counts = Counter(m for t in texts for m in find_regions(t) if known(*m))
    if not counts:
        return None
    (level, name), _ = counts.most_common(1)[0]
    return level, region_label(level, name)
