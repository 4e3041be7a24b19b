"""Units: "Persen" -> "%", "Rp." -> "rp", "Org" -> "orang"; synonyms in data/units.json."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    text = resources.files("kinerja.normalize").joinpath("data/units.json").read_text("utf-8")
    table = {}
    for canonical, spellings in json.loads(text).items():
        if canonical.startswith("_"):
            continue
        for spelling in [canonical, *spellings]:
            table[_key(spelling)] = canonical
    return table


def _key(raw: str) -> str:
    return _SPACE.sub(" ", raw.strip().lower()).rstrip(".").strip()


def _unbracketed(key: str) -> str:
    return key[1:-1].strip() if key.startswith("(") and key.endswith(")") else key


def is_listed_unit(raw: Optional[str]) -> bool:
    """A unit of measure data/units.json lists ('Orang', 'Kecamatan'), not any word printed after
    a figure ('Sedang', 'APBD')."""
    return _unbracketed(_key(raw or "")) in _synonyms()


# listed units of a quantity that may be fractional or signed: shares, money, scores, ratios
# ('2,5 kali'), durations, measures; every other listed unit counts whole things ('orang', 'dokumen', 'paket')
NOT_COUNTED = frozenset({"%", "rp", "nilai", "indeks", "poin", "predikat", "kali", "tahun", "bulan", "hari",
                         "jam", "menit", "hektar", "ha", "km", "meter", "ton", "kg", "liter"})


def is_count_unit(raw: Optional[str]) -> bool:
    """A listed unit of whole things: '2.156' of them is two thousand, never two and a bit."""
    return is_listed_unit(raw) and canonical_unit(raw) not in NOT_COUNTED


@lru_cache(maxsize=4096)
def canonical_unit(raw: Optional[str]) -> Optional[str]:
    """The canonical lower-case unit; an unlisted unit is kept lower-cased; blank -> None."""
    if raw is None:
        return None
    key = _key(raw)
    if not key or key in {"-", "–"}:
        return None
    key = _unbracketed(key)
    return _synonyms().get(key, key)
