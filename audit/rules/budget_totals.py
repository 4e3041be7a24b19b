"""Totals recomputed as the sum of their parts, within one table and one measure:
a total row against the rows of the level below it (programs, else sasaran, kegiatan, ...),
a coded row against the rows whose code extends it ("1.3" against "1.3.1", "1.3.2"), and an
uncoded program row against the rows printed under it up to the next program (its kegiatan).
A sum that misses by more than half the printed figure is a structure misread (rows of two
levels taken as one), not an inconsistency: an info note."""

from collections import defaultdict
from typing import Iterable, Optional

from kinerja.schema import BudgetValue, Extraction, Finding

from ..budget_rows import MONEY_MEASURES, is_percent
from ..evidence import evidence, place
from ..labels import when
from ..numbers import agrees, decimals, number, show, shown

CODE = "budget-total-mismatch"
# The rows a total sums, tried in this order: the first level present is the one summed.
CHILD_LEVELS = ("program", "sasaran", "kegiatan", "sub_kegiatan", "unknown")


def check(ex: Extraction) -> Iterable[Finding]:
    for group in _table_groups(ex.budgets):
        if any(number(b.value) is None for b in group):
            continue  # an amount left unread (ambiguous, broken): no sum can be trusted
        yield from _total_rows(group)
        yield from _coded_rows(group)
        yield from _program_rows(group)


def _table_groups(budgets: Iterable[BudgetValue]) -> list[list[BudgetValue]]:
    groups: dict[tuple, list[BudgetValue]] = defaultdict(list)
    for b in budgets:
        p = b.value.provenance
        if p is None or p.table is None or b.measure not in MONEY_MEASURES or is_percent(b):
            continue
        groups[(p.file, p.table, b.year, b.period, b.measure)].append(b)
    return list(groups.values())


def _total_rows(group: list[BudgetValue]) -> Iterable[Finding]:
    """The total against the rows of the first level present; not raised when the rows of some
    level, or all rows, or all rows counted at two levels, give the total: then the rows' levels
    were misread, the document is right."""
    totals = [b for b in group if b.level == "total"]
    if len(totals) != 1:
        return  # several subtotals: which rows each sums is not known
    levels = [[b for b in group if b.level == level] for level in CHILD_LEVELS]
    levels = [rows for rows in levels if rows]
    if not levels:
        return
    rows = [b for b in group if b.level != "total"]
    sums = [sum(number(c.value) for c in level) for level in levels] + [sum(number(c.value) for c in rows)]
    if any(agrees(totals[0].value, s) for s in sums + [sums[-1] / 2]):
        return
    yield from _compare(totals[0], levels[0], f"{levels[0][0].level} rows")


def _coded_rows(group: list[BudgetValue]) -> Iterable[Finding]:
    coded = [b for b in group if _code(b)]
    children: dict[int, list[BudgetValue]] = defaultdict(list)
    for b in coded:
        parent = _parent(b, coded)
        if parent is not None:
            children[id(parent)].append(b)
    for parent in coded:
        if children.get(id(parent)):
            yield from _compare(parent, children[id(parent)], f"rows coded {_code(parent)}.*")


UNDER_PROGRAM = ("kegiatan", "unknown")


def _program_rows(group: list[BudgetValue]) -> Iterable[Finding]:
    """Each program row without a code against the uncoded rows printed under it, up to the next
    program or total: its kegiatan, when the table prints them as rows of their own."""
    ordered = sorted((b for b in group if b.value.provenance.row is not None), key=lambda b: b.value.provenance.row)
    for i, parent in enumerate(ordered):
        if parent.level != "program" or _code(parent):
            continue
        children = []
        for b in ordered[i + 1:]:
            if b.level not in UNDER_PROGRAM or _code(b):
                break
            children.append(b)
        if len(children) >= 2 and len({c.level for c in children}) == 1:
            yield from _compare(parent, children, "rows under it")


def _code(b: BudgetValue) -> str:
    return (b.code or "").strip().strip(".")


def _parent(b: BudgetValue, coded: list[BudgetValue]) -> Optional[BudgetValue]:
    """The coded row whose code is the longest proper prefix of b's (or b's parent_code)."""
    if b.parent_code:
        named = [p for p in coded if _code(p) == b.parent_code.strip().strip(".")]
        if named:
            return named[0]
    prefixes = [p for p in coded if _code(b).startswith(_code(p) + ".")]
    return max(prefixes, key=lambda p: len(_code(p)), default=None)


def _compare(parent: BudgetValue, children: list[BudgetValue], what: str) -> Iterable[Finding]:
    total = sum(number(c.value) for c in children)
    if agrees(parent.value, total):
        return
    gaps = _gaps(parent, children)
    message = (
        f"{parent.measure} {shown(parent.value)} printed for \"{parent.item}\" ({when(parent)},"
        f" at {place(parent.value.provenance)}); its {len(children)} {what} sum to"
        f" {show(total, decimals(parent.value))}, a difference of"
        f" {show(number(parent.value) - total, decimals(parent.value))}{gaps}"
    )
    # rows between the summed ones that gave no amount may hold a missed part, and a sum far off
    # the figure is rows of two levels taken as one: a doubt, not a claim
    far = abs(number(parent.value) - total) > 0.5 * abs(number(parent.value))
    yield Finding(code=CODE, severity="info" if gaps or far else "warning",
                  message=message, subject=parent.item,
                  expected=total, reported=number(parent.value),
                  evidence=evidence([parent.value] + [c.value for c in children]))


def _gaps(parent: BudgetValue, children: list[BudgetValue]) -> str:
    """Rows between the summed ones that gave no amount: where a missed part would hide."""
    rows = {c.value.provenance.row for c in children} - {None}
    if not rows:
        return ""
    end = parent.value.provenance.row
    last = end - 1 if end is not None and end > max(rows) else max(rows)
    missing = sorted(set(range(min(rows), last + 1)) - rows)
    return f" (no amount read from row {', '.join(map(str, missing))})" if missing else ""
