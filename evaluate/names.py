"""Name matching against a labelled set: (printed name -> catalogue id or none) pairs read by hand.

precision: of the names the matcher gave an id, how many got the right one; recall: of the
names labelled with an id, how many got it. A name labelled none that gets an id is a false
match (it lowers precision); a labelled name left unmatched lowers recall.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from kinerja.evaluate.gold import ratio, read_jsonl
from kinerja.normalize.agency_match import match_agency
from kinerja.normalize.indicator_match import match_shipped


@dataclass
class Miss:
    raw: str
    expected: Optional[str]
    got: Optional[str]
    reason: str


@dataclass
class NameScore:
    kind: str
    pairs: int = 0
    predicted: int = 0
    correct: int = 0
    labelled: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.labelled)

    def as_json(self) -> dict:
        return {"kind": self.kind, "pairs": self.pairs, "labelled": self.labelled, "predicted": self.predicted,
                "correct": self.correct, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "misses": [m.__dict__ for m in self.misses]}


def load_pairs(path: Path) -> list[dict]:
    return read_jsonl(path, "labelled pair")


def _indicator(pair: dict) -> tuple[Optional[str], str]:
    m = match_shipped(pair["raw"], pair.get("unit"))
    return m.id, m.reason


def _agency(pair: dict) -> tuple[Optional[str], str]:
    entry, reason = match_agency(pair["raw"])
    return (entry.id if entry else None), reason


MATCHERS: dict[str, Callable[[dict], tuple[Optional[str], str]]] = {"indicator": _indicator, "agency": _agency}


def score_pairs(pairs: list[dict], kind: str = "indicator") -> NameScore:
    score = NameScore(kind)
    for pair in pairs:
        got, reason = MATCHERS[kind](pair)
        expected = pair.get("id")
        score.pairs += 1
        score.labelled += expected is not None
        score.predicted += got is not None
        score.correct += got is not None and got == expected
        if got != expected:
            score.misses.append(Miss(pair["raw"], expected, got, reason))
    return score
