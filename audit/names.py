"""Which printed names name the same indicator or budget item.

rapidfuzz token_set_ratio >= 90 (the scorer GOLD.md uses) tolerates typos, truncations and
unit suffixes ("Indeks Domian ...", "Laju pemanfaatan data sektoral (%)"). Two guards keep it
from joining different things: names that are not one inside the other must also agree in
token order (token_sort_ratio >= 90: "Administrasi Keuangan" is not "Administrasi Umum"), and a
short name inside a long one must be the long one cut short (its first three or more words, as
a truncated cell prints it) or name the long one's parenthesised acronym ("Indeks KAMI" in
"Indeks ... Keamanan Informasi (KAMI)"; but "Indeks SPBE" is not "Indeks Domain Kebijakan
Internal SPBE", nor "Penunjang Urusan Pemerintah Daerah" "Pengadaan Barang ... Penunjang Urusan
Pemerintah Daerah"). Names that carry different numbers are different.
"""

import re
from functools import lru_cache
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from kinerja.normalize.names import name_key

THRESHOLD = 90
# Words that say what kind of row a name is, not which one.
GENERIC = {"program", "kegiatan", "sub", "indikator", "sasaran"}
_PAREN = re.compile(r"\(([^)]*)\)")
_ROMAN = re.compile(r"[ivx]+")


def identity_key(name: str) -> str:
    """The name's comparable form (normalize.names.name_key) without the words saying what kind
    of row it is."""
    return " ".join(w for w in name_key(name).split() if w not in GENERIC)


def same_name(a: str, b: str) -> bool:
    ka, kb = identity_key(a), identity_key(b)
    if not ka or not kb:
        return False
    if ka == kb or ka.replace(" ", "") == kb.replace(" ", ""):
        return True  # one name spaced apart ("Kesiap Siagaan" / "Kesiapsiagaan")
    if fuzz.token_set_ratio(ka, kb) < THRESHOLD:
        return False
    ta, tb = set(ka.split()), set(kb.split())
    if _numbers(ta) != _numbers(tb):
        return False  # "SPM 1" and "SPM 2", "Jumlah I" and "Jumlah II": numbered apart
    if ta < tb or tb < ta:
        return _truncation(a, b) if len(ta) < len(tb) else _truncation(b, a)
    return fuzz.token_sort_ratio(ka, kb) >= THRESHOLD


def _numbers(tokens: set[str]) -> set[str]:
    return {t for t in tokens if t.isdigit() or _ROMAN.fullmatch(t)}


def _truncation(short: str, long: str) -> bool:
    words = identity_key(short).split()
    if len(words) >= 3 and identity_key(long).split()[:len(words)] == words:
        return True
    acronyms = {w for inner in _PAREN.findall(long) for w in identity_key(inner).split()}
    return bool(acronyms & set(words))


def clusters(names: Iterable[str]) -> dict[str, int]:
    """Each distinct name -> a cluster number; names linked by same_name share one (union-find)."""
    distinct = tuple(dict.fromkeys(names))
    return dict(zip(distinct, _roots(distinct)))


@lru_cache(maxsize=16)  # every rule clusters the same names of one extraction
def _roots(distinct: tuple[str, ...]) -> list[int]:
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(distinct):
        if root(i) != root(j) and same_name(distinct[i], distinct[j]):
            parent[root(i)] = root(j)
    return [root(i) for i in range(len(distinct))]


def _candidate_pairs(distinct: tuple[str, ...]) -> Iterable[tuple[int, int]]:
    """Pairs whose token_set_ratio reaches the threshold, scored all at once in rapidfuzz's C code;
    only these go through the guards."""
    if len(distinct) < 2:
        return []
    keys = [identity_key(n) for n in distinct]
    scores = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, score_cutoff=THRESHOLD,
                           dtype=np.uint8)
    rows, cols = np.nonzero(np.triu(scores, k=1))
    return zip(rows.tolist(), cols.tolist())
