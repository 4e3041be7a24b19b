"""resolve_by_relation: target, realisasi and capaian that agree under only one reading.

A capaian is printed as realisasi / target x 100 (rounded or truncated to the printed
precision). When some of the three are ambiguous ("1.234") or were repaired with several
candidates, the combination of readings that satisfies the relation, if it is the only
one, is chosen; otherwise nothing changes.
"""

from __future__ import annotations

import re
from itertools import product

from kinerja.schema import Value

from .numerals import NUMERAL, parse_numeral

_NUMERAL = re.compile(NUMERAL)

Candidates = list[tuple[float, int]]  # (value, printed decimals)


def resolve_by_relation(target: Value, realisasi: Value, capaian: Value) -> tuple[Value, Value, Value]:
    """The three values with ambiguous ones resolved where exactly one combination fits."""
    trio = (target, realisasi, capaian)
    if not any(v.ambiguous for v in trio):
        return trio
    options = [_candidates(v) for v in trio]
    if not all(options):
        return trio
    fits = {(t, r, c[0]) for t, r, c in product(*[[o[0] for o in options[0]],
                                                  [o[0] for o in options[1]], options[2]])
            if t and abs(r / t * 100 - c[0]) <= 10.0 ** -c[1] + 1e-9}
    if len(fits) != 1:
        return trio
    chosen = next(iter(fits))
    return tuple(_resolved(v, x) for v, x in zip(trio, chosen))  # type: ignore[return-value]


def _candidates(value: Value) -> Candidates:
    if value.ambiguous:
        numbers = [r.value for r in value.readings if isinstance(r.value, float)]
    elif isinstance(value.value, float):
        numbers = [value.value]
    else:
        return []
    return [(x, _printed_decimals(value.raw, x)) for x in numbers]


def _printed_decimals(raw: str, number: float) -> int:
    """How many decimals the raw text shows under the reading that gives `number`."""
    for match in _NUMERAL.finditer(raw):
        for reading in parse_numeral(match.group()).readings:
            if abs(abs(reading.value) - abs(number)) < 1e-9:
                return reading.decimals
    return 0


def _resolved(value: Value, number: float) -> Value:
    if not value.ambiguous:
        return value
    return value.model_copy(update={
        "value": number,
        "ambiguous": False,
        "read_as": value.read_as + "; chosen by relation capaian = realisasi / target x 100",
    })
