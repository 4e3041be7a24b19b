"""A printed indicator name -> the words that say what it measures (data/indicator_words.json).

"Prosentase Capaian Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE) Kabupaten Grobogan
Tahun 2023 (%)" and "Indeks SPBE" give the same words, ("indeks", "spbe"): spellings unified,
phrases written as their abbreviation, the unit in brackets, stopwords, years, region names and
filler dropped. What is left must be matched word for word by a catalogue entry.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .regions import LONGEST_NAME_WORDS, known_prefix
from .units import is_listed_unit

_BRACKET = re.compile(r"\(([^()]*)\)")
_NON_WORD = re.compile(r"[^a-z0-9\s]+")
_LEVELS = ("kabupaten", "kota", "provinsi")


@lru_cache(maxsize=1)
def _words() -> dict:
    text = resources.files("kinerja.normalize").joinpath("data/indicator_words.json").read_text("utf-8")
    data = json.loads(text)
    phrases = {**{name: "pd" for name in _agency_names()}, **data["phrases"]}
    return {"spellings": data["spellings"], "phrases": phrases, "phrase_re": _alternation(phrases),
            "stop": frozenset(data["stopwords"]), "filler": frozenset(data["filler"]),
            "roles": frozenset(data["roles"])}


def _alternation(phrases) -> re.Pattern:
    # longest phrase first, so 'indeks kepuasan masyarakat' wins over a shorter phrase inside it
    pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{pattern})\b")


AGENCY_KINDS = ("dinas", "badan", "inspektorat", "satuan", "sekretariat", "kantor")


def _agency_names() -> list[str]:
    """Names of perangkat daerah of several words: inside an indicator's name they say whose
    measure it is ('Nilai SAKIP Dinas Perhubungan' is the perangkat daerah's SAKIP)."""
    from .agency_match import shipped_agencies

    names = []
    for entry in shipped_agencies().agencies:
        if entry.kind in AGENCY_KINDS:
            for text in [entry.name, *entry.aliases]:
                words = _NON_WORD.sub(" ", text.lower()).split()
                if len(words) > 1:
                    names.append(" ".join(words))
    return names


def _dropped_bracket(inner: str) -> bool:
    # "(%)", "(Paket)", "(Orang/bulan)" name the unit, "(tujuan)", "(sasaran 1)", "(IKU)" the
    # name's part in its table: neither names the indicator; "(SPBE)" stays
    words = _NON_WORD.sub(" ", inner.lower()).split()
    return (is_listed_unit(inner) or inner.strip() in ("%", "")
            or bool(words) and all(w in _words()["roles"] or w.isdigit() for w in words))


def printed_words(name: str) -> tuple[str, ...]:
    """The name's words as printed: lower case, brackets of unit or role dropped, punctuation
    gone, spellings unified ('Prosentase' -> 'persentase'), a leading 'Indikator Tujuan' dropped."""
    w = _words()
    text = _BRACKET.sub(lambda m: " " if _dropped_bracket(m.group(1)) else m.group(0), name.lower())
    words = [w["spellings"].get(t, t) for t in _NON_WORD.sub(" ", text.replace("%", " persen ")).split()]
    if words and words[0] == "indikator":
        while words and words[0] in w["roles"]:
            words.pop(0)
    return tuple(words)


def _without_regions(words: list[str]) -> list[str]:
    """'... kabupaten grobogan' -> '... kabupaten': the region is the document's, not the indicator's."""
    out, i = [], 0
    while i < len(words):
        out.append(words[i])
        if words[i] in _LEVELS:
            i += 1 + (known_prefix(words[i], words[i + 1:i + 1 + LONGEST_NAME_WORDS], short_forms=True) or 0)
        else:
            i += 1
    return out


def meaningless_words() -> frozenset:
    """Stopwords and filler: words a match never has to account for."""
    return _words()["stop"] | _words()["filler"]


def key_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Printed words -> the words a match must account for, in printed order, each once:
    phrases as their abbreviation, agency names as 'pd', regions, stopwords, numbers and filler gone."""
    w = _words()
    contracted = w["phrase_re"].sub(lambda m: w["phrases"][m.group(0)], " ".join(words)).split()
    seen: dict[str, None] = {}
    for word in _without_regions(contracted):
        if word in w["stop"] or word in w["filler"] or word.isdigit() or len(word) < 2:
            continue
        seen.setdefault(word)
    return tuple(seen)


@lru_cache(maxsize=200_000)
def indicator_words(name: str) -> tuple[str, ...]:
    """The words of `name` that a match must account for (key_words of printed_words)."""
    return key_words(printed_words(name))
