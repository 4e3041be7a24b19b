"""Expressions: fractions and stated results ("446/480", "514/621 = 0,83",
"12/10 x 100% = 120%"), ranges and bounds ("4,2 – 5,0", "3,5 - < 4,2", "≤ 50").

The numerals of one expression are read in one style throughout; a stated result picks the
reading under which it agrees with the fraction.
"""

from __future__ import annotations

import re
from typing import Optional

from .amounts import settle
from .value_context import ValueContext
from .numerals import NUMERAL, NumReading, parse_numeral
from .units import canonical_unit

_NUM = NUMERAL
_RATIO = re.compile(rf"^(?P<n>{_NUM})\s*/\s*(?P<d>{_NUM})$")
_RESULT_RIGHT = re.compile(
    rf"^(?P<n>{_NUM})\s*/\s*(?P<d>{_NUM})\s*(?P<x100>[x×*]\s*100\s*%?)?\s*=\s*(?P<r>{_NUM})\s*(?P<pct>%)?$",
    re.I,
)
_RESULT_LEFT = re.compile(
    rf"^(?P<r>{_NUM})\s*(?P<pct>%)?\s*=\s*(?P<n>{_NUM})\s*/\s*(?P<d>{_NUM})\s*(?P<x100>[x×*]\s*100\s*%?)?$",
    re.I,
)
_RANGE = re.compile(
    rf"^(?P<a>{_NUM})\s*(?P<pa>%)?\s*(?P<op>–|—|-|s/d|s\.d\.?|sd|sampai(?: dengan)?|hingga|≤|<)\s*"
    rf"(?P<rel>≤|<)?\s*(?P<b>{_NUM})\s*(?P<pb>%)?$",
    re.I,
)
_RANGE_CUE = re.compile(r"[-–—<>≤≥]|s/d|s\.d|sd|sampai|hingga|kurang|lebih|maks|min", re.I)
_BOUND = re.compile(
    rf"^(?P<op>≤|<|≥|>|kurang dari|lebih dari|maks(?:imal)?\.?|min(?:imal)?\.?)\s*(?P<a>{_NUM})\s*(?P<pa>%)?$",
    re.I,
)


def read_fraction(text: str, ctx: ValueContext) -> Optional[dict]:
    if "/" not in text:
        return None
    m = _RESULT_RIGHT.match(text) or _RESULT_LEFT.match(text) or _RATIO.match(text)
    if not m:
        return None
    groups = m.groupdict()
    parts = {k: parse_numeral(groups[k]) for k in ("n", "d", "r") if groups.get(k)}
    if any(p.code_like or not p.readings for p in parts.values()):
        return None
    if "r" not in parts and _year_like(groups["d"]):  # "2013/ 2014", "86/2017": years, numbers
        return {"kind": "text", "value": text, "read_as": "a year after the slash: not a fraction"}
    scale = 100.0 if groups.get("x100") or groups.get("pct") else 1.0
    combos = _combos(parts, ctx)
    if "r" in parts:
        agreeing = [c for c in combos if c["d"].value and _agrees(c["n"].value / c["d"].value * scale, c["r"])]
        chosen = agreeing or combos
        how = "stated result agrees with the fraction" if agreeing else "stated result disagrees with the fraction"
    else:
        chosen, how = combos, "n/d"
    kind = "percent" if groups.get("pct") else "fraction"
    fields: dict = {"kind": kind, "unit": "%" if kind == "percent" else canonical_unit(ctx.unit)}
    distinct = {(c["n"].value, c["d"].value, c.get("r") and c["r"].value) for c in chosen}
    if len(distinct) > 1:
        values = [(_fraction_value(c, scale), c["n"].style) for c in chosen]
        return settle(fields, values, [how], "")
    c = chosen[0]
    fields.update(numerator=c["n"].value, denominator=c["d"].value)
    if "r" not in c and c["d"].value and c["d"].value == int(c["d"].value):  # counts, a rate "86,97/100.000"
        return settle(fields, [(c["n"].value / c["d"].value, "ratio")], [how], "")
    if "r" not in c:  # "367/2.6" in an index column: two figures, not a ratio anyone computed
        return {"kind": "text", "value": text,
                "read_as": "a/b whose denominator is not a count: kept as printed, no number claimed"}
    return settle(fields, [(c["r"].value, c["r"].style)], [how], "")


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1945 <= int(text) <= 2100


def _combos(parts: dict, ctx: ValueContext) -> list[dict]:
    """Every joint reading of the numerals of one expression (one style throughout)."""
    out = []
    styles = {r.style for p in parts.values() for r in p.readings} - {"plain"}
    for style in styles or {"plain"}:
        combo = {}
        for key, numeral in parts.items():
            fit = [r for r in numeral.readings if r.style in (style, "plain", "repaired")]
            if len(fit) != 1:
                break
            combo[key] = fit[0]
        else:
            out.append(combo)
    if ctx.style and len(out) > 1:
        out = [c for c in out if all(r.style in (ctx.style, "plain") for r in c.values())] or out
    return out


def _agrees(computed: float, printed: NumReading) -> bool:
    return abs(computed - printed.value) <= 10.0 ** -printed.decimals + 1e-9


def _fraction_value(combo: dict, scale: float) -> Optional[float]:
    if "r" in combo:
        return combo["r"].value
    return combo["n"].value / combo["d"].value * scale if combo["d"].value else None


def read_range(text: str, ctx: ValueContext) -> Optional[dict]:
    if not _RANGE_CUE.search(text):
        return None
    m = _RANGE.match(text)
    if m:
        parts = {"a": parse_numeral(m["a"]), "b": parse_numeral(m["b"])}
        percent = bool(m["pa"] or m["pb"])
        exclusive = m["rel"] == "<" or m["op"] == "<"
        how = "range" + (", upper bound exclusive" if exclusive else "")
    else:
        m = _BOUND.match(text)
        if not m:
            return None
        parts = {"a": parse_numeral(m["a"])}
        percent = bool(m["pa"])
        op = m["op"].lower()
        upper = op[0] in "≤<" or op.startswith(("kurang", "maks"))
        how = ("upper" if upper else "lower") + " bound" + (", exclusive" if op in ("<", ">") else "")
    if any(p.code_like or not p.readings for p in parts.values()):
        return None
    combos = _combos(parts, ctx)
    fields: dict = {"kind": "range", "unit": "%" if percent else canonical_unit(ctx.unit)}
    if len({tuple(r.value for r in c.values()) for c in combos}) != 1:
        values = ["–".join(f"{r.value:g}" for r in c.values()) for c in combos]
        fields.update(ambiguous=True, value=None, read_as=f"ambiguous: {how}",
                      readings=tuple((v, c["a"].style) for v, c in zip(values, combos)))
        return fields
    c = combos[0]
    if "b" in c:
        fields.update(low=c["a"].value, high=c["b"].value)
    elif upper:
        fields["high"] = c["a"].value
    else:
        fields["low"] = c["a"].value
    fields["read_as"] = how
    return fields
