"""Printed indicator name -> catalogue entry, or an explicit no-match (rapidfuzz on words).

A match needs the meaningful words of the printed name (indicator_key) to be exactly those of
the entry's name or an alias, each printed word allowed a typo or a cut end ("Domian",
"sektora") when the catalogue's vocabulary has one word it can be: a name inside a longer one
is another indicator ("Indeks SPBE" is not "Indeks Domain Kebijakan Internal SPBE", "penduduk
miskin" is not "penduduk miskin ekstrem"). Then the score (lowered by each mended word) must
reach CUTOFF, no other entry may fit alike, and the printed unit must not contradict the entry's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from rapidfuzz import process
from rapidfuzz.distance import OSA

from kinerja.schema.catalogue import CanonicalMatch, CatalogueIndicator

from .catalogue import Index, Name, shipped_index
from .indicator_key import indicator_words, key_words, meaningless_words, printed_words
from .units import canonical_unit, is_listed_unit

CUTOFF = 90.0
CUT_END = 5            # a word cut short keeps at least this many letters
CUT_SCORE = 90.0       # ... and counts as 90 % of a word
# a typo (one edit, a swap counting one) in a word of 5 letters or more, two from 9
TYPOS = ((9, 2), (5, 1))
RARE_WORDS = 2         # partial candidates (the closest, the runner-up) hold the rarest words
PARTIAL_NAMES = 10     # ... the first names holding each

_PERCENT_UNITS = {"%"}
_SCORE_UNITS = {"indeks", "nilai", "poin", "skor", "level", "predikat", "angka", "kategori", "opini", "tahun"}


def _allowed(word: str) -> int:
    return next((n for length, n in TYPOS if len(word) >= length), 0)


def _mended_words(name: str, index: Index) -> tuple[tuple[str, ...], float]:
    """The name's key words with each word the catalogue does not know mended (a typo, a cut
    end) where its vocabulary has one word it can be; and how sure, 100 when nothing was mended."""
    words = indicator_words(name)
    unknown = [w for w in words if w not in index.by_word]
    if not unknown:
        return words, 100.0
    fixes = {w: _mend_cached(w, index) for w in unknown}
    fixes = {w: fix for w, fix in fixes.items() if fix[1] > 0}
    if not fixes:
        return words, 0.0
    printed = printed_words(name)
    mended = key_words(tuple(fixes[w][0] if w in fixes else w for w in printed))
    # each mended word costs its share of the printed words that carry meaning
    meaningful = max(len(fixes), sum(1 for w in printed if w not in meaningless_words()))
    return mended, 100.0 - sum(100.0 - sure for _, sure in fixes.values()) / meaningful


@lru_cache(maxsize=50_000)
def _mend_cached(word: str, index: Index) -> tuple[str, float]:
    vocab = index.vocabulary
    allowed = _allowed(word)
    hits = process.extract(word, vocab, scorer=OSA.distance, score_cutoff=allowed, limit=2) if allowed else []
    if len(hits) == 1 or (len(hits) == 2 and hits[0][1] < hits[1][1]):
        found, edits, _ = hits[0]
        return found, 100.0 * (1 - edits / max(len(word), len(found)))
    if len(word) >= CUT_END:
        longer = [w for w in index.by_prefix.get(word[:CUT_END], ()) if w.startswith(word)]
        if len(longer) == 1:
            return longer[0], CUT_SCORE
    return word, 0.0


def _unit_family(unit: Optional[str]) -> Optional[str]:
    if not unit:
        return None
    canonical = canonical_unit(unit) or unit.strip().lower()  # scale words the unit list lacks ("predikat")
    if canonical in _PERCENT_UNITS:
        return "percent"
    if canonical in _SCORE_UNITS:
        return "score"
    return "count" if is_listed_unit(unit) else None


def unit_conflict(printed: Optional[str], entry: CatalogueIndicator) -> bool:
    """A count noun against a percentage or score (either way) is another indicator; a score
    printed with '%' is common (IKM, SAKIP) and not a conflict."""
    a, b = _unit_family(printed), _unit_family(entry.unit)
    return a is not None and b is not None and a != b and "count" in (a, b)


def _ranked(words: tuple[str, ...], index: Index) -> tuple[list[Name], list[tuple[float, Name]]]:
    """(names whose words are exactly `words`, partial names by shared words, best first)."""
    found = frozenset(words)
    complete = index.by_words.get(found, [])
    # ties broken by the word: a set's order changes from process to process
    rare = sorted((w for w in found if w in index.by_word), key=lambda w: (len(index.by_word[w]), w))[:RARE_WORDS]
    names = {id(n): n for word in rare for n in index.by_word[word][:PARTIAL_NAMES]}.values()
    size = len(found)
    scored = sorted(((200.0 * len(found & n.word_set) / (size + len(n.words)), n) for n in names),
                    key=lambda p: -p[0])
    partial: dict[str, tuple[float, Name]] = {}
    for shared, name in scored:
        partial.setdefault(name.entry.id, (shared, name))
    return complete, list(partial.values())


def match_indicator(name: str, unit: Optional[str] = None, index: Optional[Index] = None) -> CanonicalMatch:
    """The catalogue entry `name` (printed with `unit`) names, or id None with the reason."""
    index = index or shipped_index()
    return _match(name, unit or "", index)


@lru_cache(maxsize=100_000)
def _match_cached(name: str, unit: str) -> CanonicalMatch:
    return _match(name, unit, shipped_index())


def match_shipped(name: str, unit: Optional[str] = None) -> CanonicalMatch:
    """match_indicator against the shipped catalogue, remembered per (name, unit)."""
    return _match_cached(name, unit or "")


def _match(name: str, unit: str, index: Index) -> CanonicalMatch:
    version = index.catalogue.version
    if not indicator_words(name):
        return CanonicalMatch(reason="no words that name a measure", catalogue_version=version)
    words, score = _mended_words(name, index)
    complete, partial = _ranked(words, index)
    entries = list(dict.fromkeys(n.entry.id for n in complete))
    best = complete[0] if complete else None
    others = [(s, n) for s, n in partial if best is None or n.entry.id != best.entry.id]
    runner = dict(runner_up=others[0][1].entry.id if others else None,
                  runner_up_score=round(others[0][0], 1) if others else 0.0, catalogue_version=version)
    reason = _refusal(words, score, complete, entries, partial, unit, index)
    if reason:
        closest = best or (partial[0][1] if partial else None)
        return CanonicalMatch(reason=reason, runner_up=closest.entry.id if closest else None,
                              runner_up_score=round(score if best else partial[0][0], 1) if closest else 0.0,
                              catalogue_version=version)
    how = "same words as" if score == 100 else "every word, typos mended, as in"
    return CanonicalMatch(id=best.entry.id, name=best.entry.name, score=round(score, 1),
                          reason=f"{how} '{best.text}'", **runner)


def _refusal(words, score, complete, entries, partial, unit, index) -> Optional[str]:
    if not complete:
        if not partial:
            return "no word of it is in the catalogue"
        closest = partial[0][1]
        extra = sorted(set(words) ^ closest.word_set)
        return f"closest '{closest.text}' ({partial[0][0]:.0f}) differs in " + ", ".join(f"'{w}'" for w in extra)
    if len(entries) > 1:
        return "fits " + " and ".join(f"'{index.entry(e).name}'" for e in entries) + " alike"
    if score < CUTOFF:
        return f"'{complete[0].text}' only with mended words, scoring {score:.0f}, under {CUTOFF:.0f}"
    if unit_conflict(unit, complete[0].entry):
        return f"'{complete[0].text}' is measured in {complete[0].entry.unit}, this in {unit}"
    return None
