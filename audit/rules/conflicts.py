"""Two different values printed for the same indicator (or budget item), year, period and measure,
anywhere in the file: a table against another table, a PK against its lampiran, prose against
a table. Names match fuzzily (see names.py); a derived percentage printed less precisely is the
same value ('147%' and '146.79').

A value before and after a revision (a PK and its PK perubahan), and a Renstra's target for a year
beside that year's own (Renja, PK) target, may legitimately differ: such a pair is an info finding, and no finding when the document itself states the revision (sebelum and
sesudah in one row); but two figures one digit apart are the shape of a misprint (a warning). Each finding names the more often printed value
as `expected` and the other as `reported`.

A capaian printed differently in two places whose rows also print the target (or realisasi)
differently follows from that difference: it is said on the input's finding, not raised again,
so one misprint is one finding.
"""

import re
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Optional, Union

from kinerja.schema import BudgetValue, Extraction, Finding, IndicatorValue, Value

from ..evidence import evidence, places
from ..labels import when
from ..names import clusters
from ..numbers import decimals, number, one_digit_apart, same_number, shown
from ..scopes import row_key
from ..units import unit_class

CODE = "conflicting-values"
Record = Union[IndicatorValue, BudgetValue]
DERIVED = {"capaian", "persen_realisasi"}
# the measures a derived one is computed from
INPUTS = {"capaian": ("target", "realisasi"), "persen_realisasi": ("anggaran", "realisasi")}
# Allocation measures compared with each other: a revised budget is still the budget.
FAMILY = {"anggaran_sebelum": "anggaran", "anggaran_sesudah": "anggaran"}


def check(ex: Extraction) -> Iterable[Finding]:
    doc_types = {p.index: p.doc_type for p in ex.parts}
    yield from _conflicts(ex.indicators, lambda r: r.indicator, doc_types)
    yield from _conflicts(ex.budgets, lambda r: r.item, doc_types)


def printings(records: list, name) -> dict[tuple, list[Record]]:
    """The comparable records grouped as one figure: (name cluster, year, period, measure)."""
    usable = [r for r in records if _comparable(r)]
    ids = clusters(name(r) for r in usable)
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for r in usable:
        groups[(ids[name(r)], r.year, r.period, FAMILY.get(r.measure, r.measure))].append(r)
    return groups


def same_figure(a: Record, b: Record) -> bool:
    """Two printings of one figure show the same value."""
    return _same(a, b, a.measure in DERIVED)


def _conflicts(records: list, name, doc_types: dict) -> Iterable[Finding]:
    groups = printings(records, name)
    found: dict[tuple, Finding] = {}  # (group key, the two values) -> finding
    followed: dict[tuple, list[str]] = defaultdict(list)  # input's key -> derived figures
    for key, group in groups.items():
        for same in _comparable_sets(group):
            for a, b, rel in _pairs(_classes(same), doc_types):
                cause = _cause(a, b, key, groups)
                if cause is not None:
                    followed[cause].append(f"{a[0].measure} {shown(_precise(a))} and {shown(_precise(b))}")
                else:
                    found.setdefault((key, _values(a, b)), _finding(a, b, rel, name))
    seen: set[str] = set()
    for k, finding in found.items():
        if finding.message not in seen:
            seen.add(finding.message)
            notes = list(dict.fromkeys(followed.get(k, [])))
            finding.message += f"; accordingly {', '.join(notes)}" if notes else ""
            yield finding


def _values(a: list[Record], b: list[Record]) -> frozenset:
    return frozenset((shown(_precise(a)), shown(_precise(b))))


def _cause(a: list[Record], b: list[Record], key: tuple, groups: dict) -> Optional[tuple]:
    """For a derived measure, the input conflict it follows from: an input measure printed in a's
    rows with one value and in b's rows with another; its key as `found` holds it."""
    cid, year, period, measure = key
    rows_a, rows_b = {row_key(x) for x in a}, {row_key(x) for x in b}
    for m in INPUTS.get(measure, ()):
        printed = groups.get((cid, year, period, m), [])
        ins_a = [r for r in printed if row_key(r) in rows_a]
        ins_b = [r for r in printed if row_key(r) in rows_b]
        if ins_a and ins_b and not any(_same(x, y, False) for x in ins_a for y in ins_b):
            return ((cid, year, period, m), _values(_classes(ins_a)[0], _classes(ins_b)[0]))
    return None


def _pairs(classes: list[list[Record]], doc_types: dict) -> Iterable[tuple]:
    """Each pair of values with its relation, except a revision the document itself states
    (sebelum and sesudah in one row), and a revision next to a misprint of one of its values (the
    misprint explains the odd value)."""
    pairs = [(a, b, _relation(a, b, doc_types)) for a, b in combinations(classes, 2)]
    misprinted = {id(c) for a, b, rel in pairs if rel == "misprint" for c in (a, b)}
    for a, b, rel in pairs:
        if rel == "stated" or (rel == "revision" and {id(a), id(b)} & misprinted):
            continue
        if len({row_key(r) for r in a + b}) > 1 and not _rows_of_one_table(a, b) and not _second_column(a, b):
            yield a, b, rel


def _second_column(a: list[Record], b: list[Record]) -> bool:
    """One value printed only in rows that print the other too: another column of those rows
    (the previous year's realisasi beside this year's) read as the same measure, not a figure
    printed twice."""
    rows_a, rows_b = {row_key(r) for r in a}, {row_key(r) for r in b}
    return rows_a <= rows_b or rows_b <= rows_a


def _rows_of_one_table(a: list[Record], b: list[Record]) -> bool:
    """Every pair across the two values printed in one table at different rows: two items (a
    parent and its child cut alike, two kegiatan of one name under two programs), not one
    figure printed twice (one row printing two values is a column misread, not compared either)."""
    for x in a:
        for y in b:
            px, py = x.value.provenance, y.value.provenance
            same_table = px and py and px.table is not None and (px.file, px.table) == (py.file, py.table)
            if not same_table or px.row == py.row:
                return False
    return True


def _relation(a: list[Record], b: list[Record], doc_types: dict) -> str:
    x, y = number(_precise(a)), number(_precise(b))
    if x is not None and y is not None and one_digit_apart(x, y):
        return "misprint"
    if _stated_revision(a, b) or _stated_revision(b, a):
        return "stated"
    if _plan_and_year(a, b):
        return "plan"
    return "revision" if _revision(a, b, doc_types) else "conflict"


_RENSTRA = re.compile(r"(?i)renstra|rpjmd|jangka\s+menengah")


def _plan_and_year(a: list[Record], b: list[Record]) -> bool:
    """A target one side prints under the Renstra (the five-year plan's target for the year) and
    the other not (the Renja's, the PK's): the year's plan may set another figure."""
    if a[0].measure != "target":
        return False
    in_plan = [any(_RENSTRA.search(r.column_path or "") for r in side) for side in (a, b)]
    return in_plan[0] != in_plan[1]


def _stated_revision(before: list[Record], after: list[Record]) -> bool:
    rows = {row_key(r) for r in before if r.measure == "anggaran_sebelum"}
    return any(row_key(r) in rows for r in after if r.measure == "anggaran_sesudah")


def _comparable_sets(group: list[Record]) -> list[list[Record]]:
    """A program and a kegiatan named alike ("Penyelenggaraan Persandian ..." and "Kegiatan
    Penyelenggaraan Persandian ... Provinsi") are different items, and so are indicators named
    alike in different units: records of different known budget levels or unit kinds are not
    compared; a record of unknown level or unit is compared with each."""
    kinds = {_kind(r) for r in group} - {None}
    if len(kinds) <= 1:
        return [group]
    return [[r for r in group if _kind(r) in (k, None)] for k in sorted(kinds)]


def _kind(r: Record) -> Optional[str]:
    if isinstance(r, BudgetValue):
        return None if r.level == "unknown" else r.level
    return None if r.measure in DERIVED else unit_class(r)  # a capaian is a % of any unit


def _comparable(r: Record) -> bool:
    if r.value.ambiguous or getattr(r, "level", None) == "total":
        return False  # totals of different tables ("Jumlah") are different sums
    if r.year is None:
        return False  # a figure of no known year is no one figure: its years may differ
    return number(r.value) is not None or (r.value.kind == "qualitative" and r.value.value is not None)


def _classes(group: list[Record]) -> list[list[Record]]:
    """Records grouped by the value they print, most often printed value first."""
    derived = group[0].measure in DERIVED
    classes: list[list[Record]] = []
    for r in sorted(group, key=lambda r: -decimals(r.value)):  # precise values lead their class
        home = next((c for c in classes if _same(c[0], r, derived)), None)
        if home is None:
            classes.append([r])
        else:
            home.append(r)
    for c in classes:
        c.sort(key=_position)
    return sorted(classes, key=lambda c: (-len(c), _position(c[0])))


def _same(a: Record, b: Record, derived: bool) -> bool:
    return same_number(a.value, b.value, derived)


def _position(r: Record) -> tuple:
    p = r.value.provenance
    return (p.page or 0, p.line_start or 0, p.table or 0, p.row or 0) if p else (0, 0, 0, 0)


NOTES = {"misprint": "; one digit apart: a likely misprint",
         "revision": "; one as the original (the PK), the other as the revision or perhaps after it",
         "plan": "; one the Renstra's target for the year, the other the year's own plan (Renja, PK),"
                 " which may set another",
         "conflict": ""}


def _finding(a: list[Record], b: list[Record], relation: str, name) -> Finding:
    va, vb = _precise(a), _precise(b)
    subject = f'{FAMILY.get(a[0].measure, a[0].measure)} {when(a[0])} of "{name(a[0])}"'
    message = (
        f"{subject} printed as {shown(va)} ({places(v.value for v in a)})"
        f" and as {shown(vb)} ({places(v.value for v in b)}){NOTES[relation]}"
    )
    return Finding(code=CODE, severity="info" if relation in ("revision", "plan") else "warning",
                   message=message, subject=name(a[0]), expected=number(va), reported=number(vb),
                   evidence=evidence(r.value for r in a + b))


def _precise(records: list[Record]) -> Value:
    """The class's value as its most precise printing shows it ('146.79' rather than '147%')."""
    return max((r.value for r in records), key=decimals)


def _stages(records: list[Record], doc_types: dict) -> set[str]:
    out = set()
    for r in records:
        kind = doc_types.get(r.part)
        if r.measure == "anggaran_sebelum" or kind == "PK":
            out.add("before")
        if r.measure == "anggaran_sesudah" or kind == "PK-perubahan":
            out.add("after")
    return out


BEFORE, AFTER, UNSAID = frozenset({"before"}), frozenset({"after"}), frozenset()


def _revision(a: list[Record], b: list[Record], doc_types: dict) -> bool:
    """One value only ever printed as the original, the other only as the revision; or, for a
    budget, one only in the PK and the other where the document does not say which (a report's
    realisation table carries the budget after perubahan without saying so)."""
    stages = {frozenset(_stages(a, doc_types)), frozenset(_stages(b, doc_types))}
    if stages == {BEFORE, AFTER}:
        return True
    return stages == {BEFORE, UNSAID} and all(isinstance(r, BudgetValue) for r in a + b)
