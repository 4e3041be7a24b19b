"""Audit findings against a reference set read by hand (corpus/findings/*.findings.jsonl).

A reference item and a finding pair when the finding's rule checks that kind of inconsistency,
it names the same subject (rapidfuzz on the words, a name cut short allowed, or one catalogue
entry), the years agree when both say
one, and, when the item gives pages (or lines), the finding's evidence touches one of them. Pairs
are made one to one, best first; a finding stating a figure the item printed fits it better than
a namesake does. recall: paired items / items a record-based check can see;
precision: paired findings / findings raised (warnings and errors; the 'info' notes claim no
inconsistency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz

from kinerja.evaluate.gold import ratio, read_jsonl
from kinerja.normalize.indicator_match import match_shipped
from kinerja.schema import Finding

SUFFIX = ".findings.jsonl"
SUBJECT_CUTOFF = 80.0
# a finding that states a figure the reference printed reports that item rather than a namesake
VALUE_BONUS = 50.0
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
RULES_OF_KIND = {
    "capaian": {"capaian-mismatch"},
    "total": {"budget-total-mismatch"},
    "sisa": {"budget-sisa-mismatch"},
    "percent": {"budget-percent-mismatch", "conflicting-values"},  # or its printings set side by side
    "selisih": {"budget-selisih-mismatch"},
    "triwulan": {"triwulan-target-mismatch"},
    "conflict": {"conflicting-values"},
    "prose": {"conflicting-values"},
    "revision": {"conflicting-values", "pk-revision"},
}
CLAIMS = ("error", "warning")


@dataclass
class DocScore:
    document: str
    reference: int = 0           # items a record-based check can see
    found: int = 0               # of those, paired with a finding
    raised: int = 0              # findings claiming an inconsistency
    right: int = 0               # of those, paired with an item (any item)
    unpaired: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.reference)

    @property
    def precision(self) -> float:
        return ratio(self.right, self.raised)


def reference_files(folder: Path) -> dict[str, Path]:
    return {p.name[: -len(SUFFIX)]: p for p in sorted(folder.glob(f"*{SUFFIX}"))}


def _pages(f: Finding) -> set[int]:
    return {e.page for e in f.evidence if e.page} | {
        n for e in f.evidence if e.line_start for n in range(e.line_start, (e.line_end or e.line_start) + 1)}


def _rules(item: dict) -> set[str]:
    rules = set(RULES_OF_KIND.get(item.get("kind", ""), set()))
    if item.get("kind") in ("conflict", "prose") and item.get("measure") == "capaian":
        rules.add("capaian-mismatch")  # a capaian printed twice otherwise: one printing does not recompute
    if item.get("kind") == "capaian":
        rules.add("conflicting-values")  # a wrong capaian printed right elsewhere: the two printings differ
    return rules


def _subject_score(a: str, b: str) -> float:
    """How surely two names name one subject: their words, one inside the other (a name cut
    short, 15 letters at least), or one catalogue entry ('Indeks KAMI', 'Indeks Kematangan
    Keamanan Informasi (KAMI)')."""
    a, b = a.lower(), b.lower()
    score = fuzz.token_set_ratio(a, b)
    if min(len(a), len(b)) >= 15:
        score = max(score, fuzz.partial_ratio(a, b))
    same = match_shipped(a).id
    return 100.0 if same is not None and same == match_shipped(b).id else score


def _fits(item: dict, f: Finding) -> Optional[float]:
    """How well finding `f` reports reference `item` (None: not at all); cheap tests first."""
    if f.code not in _rules(item):
        return None
    if f.code == "conflicting-values" and item.get("kind") == "capaian" and not f.message.startswith("capaian"):
        return None  # a capaian item is reported by a conflict of capaian figures only
    year = item.get("year")
    if year and str(year) not in f.message:
        return None
    places = set(item.get("pages") or []) | set(item.get("lines") or [])
    if places and not places & _pages(f):
        return None
    subject = _subject_score(item.get("subject") or "", f.subject or f.message)
    if subject < SUBJECT_CUTOFF:
        return None
    return subject + (VALUE_BONUS if _printed(item) & _numbers(f) else 0)


def _printed(item: dict) -> set[float]:
    printed = item.get("printed")
    values = printed if isinstance(printed, list) else [printed]
    return {round(float(v), 2) for v in values if isinstance(v, (int, float))}


def _numbers(f: Finding) -> set[float]:
    """The figures a finding states: its expected and reported, and those its message prints."""
    found = {round(v, 2) for v in (f.expected, f.reported) if v is not None}
    for token in NUMBER.findall(f.message):
        try:
            found.add(round(float(token.replace(",", "")), 2))
        except ValueError:
            continue
    return found


def score_document(document: str, items: list[dict], findings: list[Finding]) -> DocScore:
    """Pairs over every finding (an 'info' note that names an item found it); precision over
    the claims alone."""
    score = DocScore(document)
    claims = [f for f in findings if f.severity in CLAIMS] + [f for f in findings if f.severity not in CLAIMS]
    n_claims = sum(1 for f in findings if f.severity in CLAIMS)
    pairs = sorted(((fit, i, j) for i, item in enumerate(items) for j, f in enumerate(claims)
                    if (fit := _fits(item, f)) is not None), reverse=True)
    used_items, used_findings = set(), set()  # one to one, best first: recall counts each item once
    for _, i, j in pairs:
        if i not in used_items and j not in used_findings:
            used_items.add(i)
            used_findings.add(j)
    # a finding that repeats a paired item's inconsistency at another printing is right, not an alarm
    right = {j for _, i, j in pairs if i in used_items and j < n_claims}
    seen = [i for i, item in enumerate(items) if item.get("record_check", True)]
    score.reference, score.found = len(seen), sum(1 for i in seen if i in used_items)
    score.raised, score.right = n_claims, len(right)
    score.missed = [f"{items[i].get('kind')}: {items[i].get('subject')} ({items[i].get('note', '')[:80]})"
                    for i in seen if i not in used_items]
    score.unpaired = [f"{f.code}: {f.message[:140]}" for j, f in enumerate(claims[:n_claims]) if j not in right]
    return score


def load_reference(path: Path) -> list[dict]:
    return read_jsonl(path, "reference finding")
