"""What a column's cells reveal together: its style, whether it holds codes, its scale.

A column holding "10,979,407,368.00" reads its "1,234" as a grouped integer; a column of
outline codes ("1.1.1", "1.2.1") reads its "1.1" as a code; a column whose labels all lie on
one scale ("Memuaskan", "Baik", "Kurang") places its "Baik" on that scale.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from .value_context import Style, ValueContext
from .numerals import parse_numeral
from .scales import shared_scale
from .number_style import column_style

_NUMERAL = re.compile(r"\d(?:[\d.,]*\d)?")


def with_column_evidence(ctx: ValueContext, cells: Iterable[str],
                         doc_style: Optional[Style] = None) -> ValueContext:
    """The context with style, code-ness and scale decided from the column's cells.

    Style, strongest first: the column's own revealing cells, the style already in the
    context (a caller's hint), the document's style.
    """
    cells = list(cells)
    style, source = column_style(cells), "column"
    if style is None:
        style, source = ctx.style, ctx.style_source or "caller"
    if style is None and doc_style:
        style, source = doc_style, "document"
    expected = ctx.expected
    if expected is None and _mostly_codes(cells):
        expected = "code"
    scale = ctx.scale or shared_scale(cells)
    whole = ctx.whole_column or _whole_amounts(cells)
    if (style, expected, scale, whole) == (ctx.style, ctx.expected, ctx.scale, ctx.whole_column):
        return ctx
    return ValueContext(style, expected, ctx.unit, scale, ctx.siblings, source if style else "", whole)


MIN_WHOLE = 3  # amounts of a column, read one way and all whole, to call the column whole


def _whole_amounts(cells: list[str]) -> bool:
    """At least MIN_WHOLE grouped amounts ("1.964.870.000") read one way, none with decimals."""
    readings = [parse_numeral(n) for c in cells for n in _NUMERAL.findall(c.strip()) if len(n) >= 7]
    sure = [r.readings[0] for r in readings if len(r.readings) == 1 and not r.repaired]
    return len(sure) >= MIN_WHOLE and all(r.decimals == 0 for r in sure)


def _mostly_codes(cells: list[str]) -> bool:
    """At least a third of the column's bare numerals are outline codes: a code column, not
    a column of amounts with one stray date or typo."""
    numerals = [c.strip().rstrip(".") for c in cells if _NUMERAL.fullmatch(c.strip().rstrip("."))]
    codes = sum(1 for n in numerals if parse_numeral(n).code_like)
    return codes > 0 and codes * 3 >= len(numerals)
