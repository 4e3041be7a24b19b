"""Scoring facts against gold exactly as ../shared/corpus/GOLD.md defines it.

A predicted fact matches a gold fact on: same kind; same field / measure, year, period; names
(indicator or item) with rapidfuzz token_set_ratio >= 90 after lower-casing and collapsing white
space; equal values (numbers within relative 1e-9; strings equal after case-folding and collapsing
white space). A definition matches when its unit is equal and its formula's fuzz.ratio >= 80, or
both formulas are null. Each gold fact matches at most one predicted fact (maximum matching).
"""

from dataclasses import dataclass, field
from typing import Iterable, Optional

from rapidfuzz import fuzz

NAME_THRESHOLD = 90
FORMULA_THRESHOLD = 80
REL_TOL = 1e-9


def squash(text: str) -> str:
    """GOLD.md's form for comparing names: lower-cased, white space collapsed."""
    return " ".join(text.lower().split())


def names_match(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(squash(a), squash(b)) >= NAME_THRESHOLD


def values_equal(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= REL_TOL * max(abs(a), abs(b))
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    return a is None and b is None


def _unit(u: Optional[str]) -> Optional[str]:
    return u.strip().lower() if isinstance(u, str) else None


def formulas_match(a: Optional[str], b: Optional[str]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return fuzz.ratio(a, b) >= FORMULA_THRESHOLD


def facts_match(pred: dict, gold: dict) -> bool:
    kind = gold["kind"]
    if pred.get("kind") != kind:
        return False
    if kind == "meta":
        return pred["field"] == gold["field"] and values_equal(pred["value"], gold["value"])
    if kind == "definition":
        return (names_match(pred["indicator"], gold["indicator"])
                and _unit(pred.get("unit")) == _unit(gold.get("unit"))
                and formulas_match(pred.get("formula"), gold.get("formula")))
    name = "indicator" if kind == "indicator" else "item"
    return (pred["measure"] == gold["measure"]
            and pred.get("year") == gold.get("year")
            and pred.get("period", "annual") == gold.get("period", "annual")
            and values_equal(pred["value"], gold["value"])
            and names_match(pred[name], gold[name]))


def match(pred: list[dict], gold: list[dict]) -> dict[int, int]:
    """Maximum one-to-one matching gold index -> predicted index (Kuhn's augmenting paths)."""
    candidates = [[p for p, pf in enumerate(pred) if facts_match(pf, g)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return {g: p for p, g in owner.items()}


@dataclass
class Score:
    """Counts for one group. Gold and predicted sides are counted apart because a pair may
    cross groups (a gold table fact matched by a fact predicted from text)."""

    gold: int = 0
    predicted: int = 0
    gold_matched: int = 0
    pred_matched: int = 0

    @property
    def precision(self) -> Optional[float]:
        return self.pred_matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> Optional[float]:
        return self.gold_matched / self.gold if self.gold else None

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if not self.gold and not self.predicted:
            return None
        if not p or not r:
            return 0.0
        return 2 * p * r / (p + r)

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.gold_matched += other.gold_matched
        self.pred_matched += other.pred_matched


@dataclass
class DocScore:
    name: str
    overall: Score = field(default_factory=Score)
    by_kind: dict[str, Score] = field(default_factory=dict)
    by_source: dict[str, Score] = field(default_factory=dict)
    unit_matched: int = 0
    unit_correct: int = 0
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    @property
    def unit_accuracy(self) -> Optional[float]:
        return self.unit_correct / self.unit_matched if self.unit_matched else None


def _source(fact: dict) -> Optional[str]:
    return fact.get("source") if fact["kind"] in ("indicator", "budget") else None


def _tally(groups: dict[str, Score], key: Optional[str], side: str, hit: int) -> None:
    if key is None:
        return
    s = groups.setdefault(key, Score())
    if side == "gold":
        s.gold += 1
        s.gold_matched += hit
    else:
        s.predicted += 1
        s.pred_matched += hit


def score_document(name: str, pred: list[dict], gold: list[dict]) -> DocScore:
    pairs = match(pred, gold)
    matched_pred = set(pairs.values())
    doc = DocScore(name=name, overall=Score(len(gold), len(pred), len(pairs), len(pairs)))
    for g, gf in enumerate(gold):
        hit = int(g in pairs)
        _tally(doc.by_kind, gf["kind"], "gold", hit)
        _tally(doc.by_source, _source(gf), "gold", hit)
        if not hit:
            doc.missed.append(gf)
        if gf["kind"] == "indicator" and hit:
            doc.unit_matched += 1
            doc.unit_correct += _unit(pred[pairs[g]].get("unit")) == _unit(gf.get("unit"))
    for p, pf in enumerate(pred):
        hit = int(p in matched_pred)
        _tally(doc.by_kind, pf["kind"], "pred", hit)
        _tally(doc.by_source, _source(pf), "pred", hit)
        if not hit:
            doc.spurious.append(pf)
    return doc


def total(docs: Iterable[DocScore]) -> DocScore:
    out = DocScore(name="ALL")
    for d in docs:
        out.overall.add(d.overall)
        for key, s in d.by_kind.items():
            out.by_kind.setdefault(key, Score()).add(s)
        for key, s in d.by_source.items():
            out.by_source.setdefault(key, Score()).add(s)
        out.unit_matched += d.unit_matched
        out.unit_correct += d.unit_correct
    return out
