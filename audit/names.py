"""Which printed names name the same indicator or budget item.

rapidfuzz token_set_ratio >= 90 (the scorer GOLD.md uses) tolerates typos, truncations and
unit suffixes ("Indeks Domian ...", "Laju pemanfaatan data sektoral (%)"). Two guards keep it
from joining different things: names that are not one inside the other must also agree in
token order (token_sort_ratio >= 90: "Administrasi Keuangan" is not "Administrasi Umum"), and a
short name inside a long one must be the long one cut short (its first three or more words, as
a truncated cell prints it) or name the long one's parenthesised acronym ("Indeks KAMI" in
"Indeks ... Keamanan Informasi (KAMI)"; but "Indeks SPBE" is not "Indeks Domain Kebijakan
Internal SPBE", nor "Penunjang Urusan Pemerintah Daerah" "Pengadaan Barang ... Penunjang Urusan
Pemerintah Daerah"). Names that carry different numbers are different, and so are names where
a word is swapped for an unlike one ("spesialis Dasar" / "spesialis Penunjang"). A passive verb
and its stative twin are one word ("yang dibangun" / "yang terbangun", "dilayani" /
"terlayani").
"""

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

import numpy as np
from rapidfuzz import fuzz, process

from kinerja.normalize.names import name_key

THRESHOLD = 90
# Words that say what kind of row a name is, not which one.
GENERIC = {"program", "kegiatan", "sub", "indikator", "sasaran"}
_PAREN = re.compile(r"\(([^)]*)\)")
_ROMAN = re.compile(r"[ivx]+")
# di- (passive) and ter- (stative) on one root: both become "~root"; a bare root stays itself
_VERB = re.compile(r"(?:di|ter)([a-z]{4,})")


@lru_cache(maxsize=4096)  # every pair the clustering weighs asks for both names' keys again
def identity_key(name: str) -> str:
    """The name's comparable form (normalize.names.name_key) without the words saying what kind
    of row it is."""
    return " ".join(_VERB.sub(r"~\1", w) if _VERB.fullmatch(w) else w
                    for w in name_key(name).split() if w not in GENERIC)


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
    if not _swapped_alike(ta - tb, tb - ta):
        return False  # "spesialis Dasar" and "spesialis Penunjang": one word swapped for another
    if ta < tb or tb < ta:
        return _truncation(a, b) if len(ta) < len(tb) else _truncation(b, a)
    return fuzz.token_sort_ratio(ka, kb) >= THRESHOLD


def _numbers(tokens: set[str]) -> set[str]:
    return {t for t in tokens if t.isdigit() or _ROMAN.fullmatch(t)}


def _swapped_alike(only_a: set[str], only_b: set[str]) -> bool:
    """Each word only one name has is a misspelling or a short form of a word only the other has
    ("Domian" / "Domain", "Kab" / "Kabupaten"); trivially so when one name has no word of its own."""
    if not only_a or not only_b:
        return True
    fewer, more = sorted((only_a, only_b), key=len)
    return all(any(_alike(w, v) for v in more) for w in fewer)


def _alike(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return fuzz.ratio(a, b) >= 75 or (len(short) >= 3 and long.startswith(short))


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
    """Names joined whole first; a name cut short then joins the one cluster whose names it cuts,
    and none when it cuts names of two ("... dokter spesialis" of "... spesialis Dasar ..." and
    "... spesialis Penunjang ..."): a cut name must not chain two different ones together."""
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cut: dict[int, set[int]] = defaultdict(set)  # short name -> the longer names it cuts
    for i, j in _candidate_pairs(distinct):
        if not same_name(distinct[i], distinct[j]):
            continue
        short = _shorter(distinct[i], distinct[j])
        if short is None:
            parent[root(i)] = root(j)
        else:
            cut[i if short == 0 else j].add(j if short == 0 else i)
    for i, longs in cut.items():
        roots = {root(j) for j in longs}
        if len(roots) == 1:
            parent[root(i)] = roots.pop()
    return [root(i) for i in range(len(distinct))]


def _shorter(a: str, b: str) -> Optional[int]:
    """0 or 1 when that name's words are a proper subset of the other's (a cut name), else None."""
    ta, tb = set(identity_key(a).split()), set(identity_key(b).split())
    return 0 if ta < tb else 1 if tb < ta else None


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
