"""An agency as printed -> its nomenclature (data/agencies.json), the region kept apart.

"DINAS KOMUNIKASI DAN INFORMATIKA KOTA MEDAN", "Diskominfo Kota Medan" and "Dinas Kominfo" are
one nomenclature, 'dinas-kominfo'; the region is read separately (regions.region_code), so the
canonical agency is the pair. A name that fits no entry, or two alike, stays unmatched.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from rapidfuzz import fuzz, process

from kinerja.schema.catalogue import AgencyCatalogue, Nomenclature

from .names import agency_key
from .regions import PROVINCE_ALIASES

CUTOFF = 92.0
MARGIN = 4.0
_REGION_TAIL = re.compile(r"\b(?:pemerintah\s+)?(?:kota|kabupaten|kab|provinsi|prov|propinsi)\b.*$", re.I)
_TITLE_HEAD = re.compile(r"^\s*(?:(?:plt|plh|pj|pjs)\.?\s+)?(?:kepala|sekretaris|ketua)\s+(?=\S)", re.I)
_PROVINCE_TAIL = re.compile(r"\s+(?:" + "|".join(re.escape(a) for a in PROVINCE_ALIASES) + r")\s*$", re.I)
# kinds every region has many of, each with a name of its own ('Kecamatan Muncar', 'RSUD dr. Soedarsono')
NAMED_KINDS = ("kecamatan", "rsud")
# words a kecamatan's or a hospital's own name does not hold: a phrase has been read as one
NOT_IN_OWN_NAME = {"tingkat", "daerah", "dan", "yang", "di", "dalam", "se", "kabupaten", "kota", "provinsi",
                   "kewenangan", "wilayah", "seluruh", "setiap", "tahun", "pada", "untuk"}
OWN_NAME_WORDS = 4  # besides titles: 'RSUD Prof. Dr. H. Aloei Saboe'
TITLES = {"prof", "dr", "drs", "h", "hj", "ir", "kh", "st", "r"}
_GOVERNMENT_HEAD = re.compile(r"^\s*pemerintah\s+(?:kota|kabupaten|provinsi)\s+\S+(?:\s+\S+)?\s+(?=(dinas|badan|"
                              r"sekretariat|inspektorat|satuan|kantor)\b)", re.I)


@lru_cache(maxsize=1)
def shipped_agencies() -> AgencyCatalogue:
    text = resources.files("kinerja.normalize").joinpath("data/agencies.json").read_text("utf-8")
    return AgencyCatalogue.model_validate(json.loads(text))


@lru_cache(maxsize=1)
def _keys() -> tuple[list[str], list[Nomenclature]]:
    keys, entries = [], []
    for entry in shipped_agencies().agencies:
        for text in dict.fromkeys([entry.name, *entry.aliases]):
            keys.append(agency_key(text))
            entries.append(entry)
    return keys, entries


def without_region(name: str) -> str:
    """'Pemerintah Kota X Dinas Y', 'Kepala Dinas Y Kota X' and 'Dinas Y Jatim' -> 'Dinas Y'."""
    name = _TITLE_HEAD.sub("", _GOVERNMENT_HEAD.sub("", name))
    return _PROVINCE_TAIL.sub("", _REGION_TAIL.sub("", name)).strip(" ,.;:-")


def own_name(name: str, entry: Nomenclature) -> Optional[str]:
    """The name of its own an agency of a named kind carries ('muncar' of 'Kecamatan Muncar'), as
    a slug; None for other kinds."""
    if entry.kind not in NAMED_KINDS:
        return None
    key = agency_key(without_region(name))
    for k in sorted({agency_key(t) for t in [entry.name, *entry.aliases]}, key=len, reverse=True):
        if key.startswith(k + " "):
            return "-".join(key[len(k):].split())
    return None


def _named_kind(key: str) -> Optional[Nomenclature]:
    """'kecamatan muncar', 'rsud dr soedarsono': a kind of many, named after its own name."""
    keys, entries = _keys()
    for k, entry in zip(keys, entries):
        own = key[len(k):].split()
        if (entry.kind in NAMED_KINDS and key.startswith(k + " ")
                and len([w for w in own if w not in TITLES]) <= OWN_NAME_WORDS
                and not NOT_IN_OWN_NAME & set(own)):
            return entry
    return None


@lru_cache(maxsize=20_000)
def match_agency(name: str) -> tuple[Optional[Nomenclature], str]:
    """The nomenclature of an agency name (region and all), with why; (None, why not)."""
    key = agency_key(without_region(name))
    if not key:
        return None, "no agency words once the region is set aside"
    keys, entries = _keys()
    named = _named_kind(key)
    if named is not None:
        return named, f"a {named.name} with a name of its own ('{key}')"
    found = process.extract(key, keys, scorer=fuzz.token_sort_ratio, limit=8)
    if not found or found[0][1] < CUTOFF:
        closest = f"; closest '{entries[found[0][2]].name}' ({found[0][1]:.0f})" if found else ""
        return None, f"no nomenclature fits '{key}'{closest}"
    best = entries[found[0][2]]
    rival = next((f for f in found[1:] if entries[f[2]].id != best.id), None)
    if rival and found[0][1] - rival[1] < MARGIN:
        return None, f"'{best.name}' and '{entries[rival[2]].name}' fit alike"
    how = "same words as" if found[0][1] == 100 else f"{found[0][1]:.0f} against"
    return best, f"{how} '{keys[found[0][2]]}'"
