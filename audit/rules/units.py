"""One indicator printed in two units ('%' in the PK, 'dokumen' in the report): an info note.

The indicator is the same printed name (names.identity_key, no fuzzy matching: a name cut short
is no evidence of one indicator) and the units are of different kinds (units.unit_class: 'nilai'
and 'indeks' are one kind). Other rules treat the two as two indicators and compare neither
with the other; an auditor should see that the document measures one name two ways. Derived
measures (a capaian is a percentage of any unit) are left out, and so are units one table row
prints side by side (two columns of one row: a count and its share) and a 'unit' of more than
two words (a name read into the satuan column) or a bare figure.
"""

import re
from collections import defaultdict
from typing import Iterable

from kinerja.schema import Extraction, Finding

from ..evidence import evidence, places
from ..names import identity_key
from ..scopes import row_key
from ..units import unit_class
from .conflicts import DERIVED  # a derived measure is a share of any unit

CODE = "unit-mismatch"
MAX_UNIT_WORDS = 2


def check(ex: Extraction) -> Iterable[Finding]:
    by_name: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in ex.indicators:
        unit = _unit(r)
        if unit and identity_key(r.indicator):
            by_name[identity_key(r.indicator)][unit].append(r)
    for units in by_name.values():
        if len(units) < 2 or _side_by_side(units):
            continue
        records = [r for rs in units.values() for r in rs]
        shown = "; ".join(f"'{rs[0].unit or rs[0].value.unit}' ({places(r.value for r in rs)})"
                          for rs in units.values())
        yield Finding(code=CODE, severity="info", subject=records[0].indicator,
                      message=f'"{records[0].indicator}" is printed in {len(units)} units: {shown}',
                      evidence=evidence(r.value for r in records))


def _unit(r) -> str | None:
    unit = unit_class(r) if r.measure not in DERIVED else None
    if not unit or len(unit.split()) > MAX_UNIT_WORDS or not re.search(r"[^\d\s.,]", unit):
        return None  # a figure read into the satuan column is no unit
    return "".join(unit.split())  # '/1000 kh' and '/1000kh' are one unit


def _side_by_side(units: dict[str, list]) -> bool:
    rows = [{row_key(r) for r in rs} for rs in units.values()]
    return any(a & b for i, a in enumerate(rows) for b in rows[i + 1:])
