"""Weighted scores: a row's printed nilai x bobot (nilai tertimbang) against its nilai times its
bobot, the bobot taken as printed or as a percentage ('20' for 20 %): forms print it both ways."""

from typing import Iterable, Optional

from kinerja.schema import Extraction, Finding, ScoreValue

from ..evidence import evidence, place
from ..numbers import agrees_within, decimals, half_step, number, show, shown
from ..score_rows import Row, series_rows

CODE = "score-weight-mismatch"


def check(ex: Extraction) -> Iterable[Finding]:
    for rows in series_rows(ex.scores):
        for row in rows:
            for (measure, year), weighted in row.values.items():
                if measure != "nilai_tertimbang":
                    continue
                nilai, bobot = row.values.get(("nilai", year)), _bobot(row, year)
                if nilai is not None and bobot is not None:
                    yield from _weighed(weighted, nilai, bobot)


def _bobot(row: Row, year) -> Optional[ScoreValue]:
    return row.values.get(("bobot", year)) or row.values.get(("bobot", None))


def _weighed(weighted: ScoreValue, nilai: ScoreValue, bobot: ScoreValue) -> Iterable[Finding]:
    n, b = number(nilai.value), number(bobot.value)
    if n is None or b is None or number(weighted.value) is None:
        return
    dn, db = half_step(nilai.value), half_step(bobot.value)
    low, high = (n - dn) * (b - db), (n + dn) * (b + db)
    if agrees_within(weighted.value, low, high) or agrees_within(weighted.value, low / 100, high / 100):
        return
    # the reading the printed figure is nearer to: bobot as a percentage or as printed
    expected = min((n * b / 100, n * b), key=lambda x: abs(number(weighted.value) - x))
    yield Finding(
        code=CODE, severity="warning", subject=weighted.item,
        message=(f'nilai x bobot of "{weighted.item}" is {shown(weighted.value)} at '
                 f"{place(weighted.value.provenance)}, but nilai {shown(nilai.value)} x bobot "
                 f"{shown(bobot.value)} gives {show(expected, decimals(weighted.value) + 2)}"),
        expected=expected, reported=number(weighted.value),
        evidence=evidence([weighted.value, nilai.value, bobot.value]))
