"""Rendering scores as a table (rich) or JSON."""

from typing import Optional

from rich.console import Console
from rich.table import Table

from .metrics import DocScore, Score

KINDS = ("meta", "indicator", "budget", "definition")
SOURCES = ("table", "text")


def _pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{x:.3f}"


def _f1_cell(s: Optional[Score]) -> str:
    if s is None or (not s.gold and not s.predicted):
        return "-"
    return f"{_pct(s.f1)} ({s.gold_matched}/{s.gold})"


def score_table(docs: list[DocScore], overall: DocScore) -> Table:
    t = Table(title="kinerja evaluate: F1 (matched gold / gold)", show_lines=False)
    for col in ("document", "P", "R", "F1", *KINDS, *(f"{s} src" for s in SOURCES), "unit acc"):
        t.add_column(col, justify="left" if col == "document" else "right")
    for d in [*docs, overall]:
        o = d.overall
        t.add_row(
            d.name, _pct(o.precision), _pct(o.recall), _pct(o.f1),
            *(_f1_cell(d.by_kind.get(k)) for k in KINDS),
            *(_f1_cell(d.by_source.get(s)) for s in SOURCES),
            _pct(d.unit_accuracy),
            end_section=d is docs[-1] if docs else False,
        )
    return t


def print_scores(docs: list[DocScore], overall: DocScore, skipped: list[str], console: Console) -> None:
    console.print(score_table(docs, overall))
    for name in skipped:
        console.print(f"not scored (no input given for this gold file): {name}")


def _score_json(s: Score) -> dict:
    return {"gold": s.gold, "predicted": s.predicted, "gold_matched": s.gold_matched,
            "pred_matched": s.pred_matched, "precision": s.precision, "recall": s.recall,
            "f1": s.f1}


def doc_json(d: DocScore, details: bool = False) -> dict:
    out = {
        "document": d.name, **_score_json(d.overall),
        "by_kind": {k: _score_json(s) for k, s in d.by_kind.items()},
        "by_source": {k: _score_json(s) for k, s in d.by_source.items()},
        "unit_accuracy": d.unit_accuracy,
    }
    if details:
        out["missed"], out["spurious"] = d.missed, d.spurious
    return out
