"""How far each header label of a space-aligned table reaches over the columns beside its own.

A label over sub-labels printed in cycles names one cycle ('2019' over 'Target  Realisasi  %'); a
label centred over a run of columns whose sub-labels end level names that run (a taller
sub-label a line off its neighbours' too, when it centres the label better), never a run where
a year comes twice (the next group's); a label at the left of its merged cell names the columns
right of it holding sub-labels on its sub-labels' line; a column no label names is under the
label to its left.
"""

from typing import Iterable, Optional

from kinerja.parsers.textdump.layout.labels import YEAR_LABEL, Label, named_columns


def spread_labels(labels: list[Label], columns: list[tuple[int, int]]) -> list[Label]:
    """The labels, each widened over the columns it names."""
    labels = _over_cycles(labels, columns)
    return _over_unlabelled(_over_sub_labels(_centred_over_sub_labels(labels, columns)))


def _over_sub_labels(labels: list[Label]) -> list[Label]:
    """A label over one column with sub-labels under it ('2023' over 'Target'), opening where
    they open, names the columns right of it that hold sub-labels on the same lower line and
    no label of their own at its level: a group label printed at the left of its merged cell
    ('2023' over 'Target  Realisasi  % Capaian'), or not reaching across it ('TARGET TAHUNAN'
    over '2023 ... 2026')."""
    for lab in sorted(labels, key=lambda lab: lab.line):
        if lab.first != lab.last:
            continue
        subs = _sub_labels(labels, lab, lab.first)
        if _at_left_of_cell(lab, subs):
            lab.last = _left_run_end(labels, lab, subs)
    return labels


def _at_left_of_cell(lab: Label, subs: list[Label]) -> bool:
    """A label opening where the one-column labels under it open."""
    return bool(subs) and all(o.first == o.last for o in subs) and _left_aligned(lab, subs)


def _left_run_end(labels: list[Label], lab: Label, subs: list[Label]) -> int:
    """The last column of the run a label at the left of its merged cell names: columns right
    of it holding sub-labels on the line of its own and no label of their own at its level."""
    top = min(o.line for o in subs)
    c = lab.last + 1
    while True:
        under = _sub_labels(labels, lab, c)
        blocked = any(o is not lab and o.first <= c <= o.last and o.line <= lab.line_end
                      and not o.first <= lab.first <= o.last for o in labels)
        if blocked or not under or abs(min(o.line for o in under) - top) > 1:
            return c - 1
        c += 1


CENTRED = 0.15  # of the group's width: how far off its middle a centred group label may stand


def _over_cycles(labels: list[Label], columns: list[tuple[int, int]]) -> list[Label]:
    """Sub-labels printed in cycles under a header ('2019 ... 2022' under each of 'Target',
    'Realisasi', 'Rasio'; 'Target  Realisasi  %' under each year): a label above them standing
    over one cycle alone names that cycle, wherever in it it stands (centred, or at its left)."""
    for cycle in _cycles(labels):
        first, last = cycle[0].first, cycle[-1].last
        left, right = columns[first][0], columns[last][1]
        above = [o for o in labels if o.line_end < cycle[0].line and o.x is not None
                 and left <= o.x <= right and o.first >= first and o.last <= last + 1]
        by_line: dict[int, list[Label]] = {}
        for o in above:
            by_line.setdefault(o.line, []).append(o)
        for group in by_line.values():
            if len(group) == 1:
                group[0].first, group[0].last = first, last
    return labels


MAX_CYCLE = 6  # sub-labels in one cycle at most


def _cycles(labels: list[Label]) -> list[list[Label]]:
    """The cycles of the longest run of one-column labels opening on one line, or ending on
    one (a wrapped label opens a line higher than its neighbours: 'Tahun' / 'ke-1' / '2021'
    beside 'Tahun ke-1' / '2021'), side by side, whose texts repeat with a period of
    2 .. MAX_CYCLE (two cycles at least)."""
    rows: dict[tuple[str, int], list[Label]] = {}
    for o in labels:
        if o.first == o.last:
            rows.setdefault(("top", o.line), []).append(o)
            rows.setdefault(("bottom", o.line_end), []).append(o)
    best: list[list[Label]] = []
    for row in rows.values():
        row.sort(key=lambda o: o.first)
        texts = [o.text.strip().lower() for o in row]
        for period in range(2, MAX_CYCLE + 1):
            for start in range(len(row)):
                n = 0
                while start + n + period < len(row) and texts[start + n] == texts[start + n + period] \
                        and row[start + n + period].first == row[start + n + period - 1].first + 1:
                    n += 1
                cycles = (n + period) // period
                if cycles >= 2 and n + period > sum(len(c) for c in best) \
                        and all(row[k + 1].first == row[k].first + 1
                                for k in range(start, start + period - 1)):
                    best = [row[start + k * period:start + (k + 1) * period] for k in range(cycles)]
    return best


def _centred_over_sub_labels(labels: list[Label], columns: list[tuple[int, int]]) -> list[Label]:
    """A label over one column, centred over a run of columns whose labels all end on the
    header's last label line under it, names that run: 'Triwulan' centred over 'I II III IV',
    'Target' over 'Tahun 2017' and the quarters. Columns with a label on the group label's own
    lines (a neighbour at its level), or whose label ends higher (a tall cell centred in the
    header: 'Satuan'), are not in the run, but for one column on one side whose taller label
    ends a line off around the others' last line (_group, _level), taken when the label stands
    over the run's middle as well as without it; the label must stand over the run's middle."""
    for lab in sorted(labels, key=lambda lab: -lab.line):
        if lab.x is None:
            continue
        bottom = _bottom_span(labels, lab, lab.first)
        if bottom is None or any(not _level(_bottom_span(labels, lab, c), bottom, loose=True)
                                 for c in range(lab.first, lab.last + 1)):
            continue
        strict = _group(labels, lab, columns, bottom, False)
        wider = _group(labels, lab, columns, bottom, True)
        run = _centred_run(labels, lab, columns, *strict)
        loose = _centred_run(labels, lab, columns, *wider) if wider != strict else None
        if loose is not None and (run is None or loose[1] <= run[1]):
            run = loose  # a taller sub-label a line off joins when it centres the label better
        subs = _sub_labels(labels, lab, lab.first)
        if _at_left_of_cell(lab, subs) and lab.first == lab.last and (
                run is None or _left_run_end(labels, lab, subs) - lab.first > run[0][1] - run[0][0]):
            continue  # at the left of a merged cell over more columns than it centres on: _over_sub_labels
        if run is not None:
            lab.first, lab.last = run[0]
    return labels


def _group(labels: list[Label], lab: Label, columns: list[tuple[int, int]], bottom: tuple[int, int],
           loose: bool) -> tuple[int, int]:
    """The columns beside the label's own whose lowest sub-labels end level with its own;
    `loose`, with one column more on one side whose sub-label ends a line off (_level)."""
    first, last = lab.first, lab.last
    while first > 0 and _in_group(labels, lab, first - 1, bottom, False):
        first -= 1
    while last + 1 < len(columns) and _in_group(labels, lab, last + 1, bottom, False):
        last += 1
    if loose:
        left = first > 0 and _in_group(labels, lab, first - 1, bottom, True)
        right = last + 1 < len(columns) and _in_group(labels, lab, last + 1, bottom, True)
        if left != right:  # on both sides, the label's own column is the odd one out
            first, last = (first - 1, last) if left else (first, last + 1)
    return first, last


def _centred_run(labels: list[Label], lab: Label, columns: list[tuple[int, int]], lo: int, hi: int
                 ) -> Optional[tuple[tuple[int, int], float]]:
    """Within columns lo..hi, the widest run around the label's columns that it stands over the
    middle of, holding two of its sub-labels at least (among equals, the one nearest its
    middle), and how far off its middle: years centred over 'Target  Realisasi  %' each take
    their three columns, not the next year's first."""
    under = {c: _sub_labels(labels, lab, c) for c in range(lo, hi + 1)}
    best = None
    for a in range(lo, lab.first + 1):
        for b in range(lab.last, hi + 1):
            if (a, b) == (lab.first, lab.last):
                continue
            left, right = columns[a][0], columns[b][1]
            off = abs(lab.x - (left + right) / 2)
            inside = {id(o): o for c in range(a, b + 1) for o in under[c] if a <= o.first and o.last <= b}
            if off > max(2.0, CENTRED * (right - left)) or len(inside) < 2 or _years_repeat(inside.values()):
                continue
            key = (b - a, -off)
            if best is None or key > best[0]:
                best = (key, (a, b))
    return (best[1], -best[0][1]) if best else None  # the run and how far off its middle


def _years_repeat(subs: Iterable[Label]) -> bool:
    """A year printed twice among a group's sub-labels: the run reaches into the next group
    ('ANGGARAN' over 2020 ... 2024, the realisasi's 2020 beside)."""
    years = [o.text.strip() for o in subs if YEAR_LABEL.match(o.text.strip())]
    return len(years) != len(set(years))


def _bottom_span(labels: list[Label], lab: Label, c: int) -> Optional[tuple[int, int]]:
    """The lines of the lowest label under `lab` over column c, None if none is under it."""
    under = _sub_labels(labels, lab, c)
    if not under:
        return None
    low = max(under, key=lambda o: o.line_end)
    return low.line, low.line_end


def _level(a: Optional[tuple[int, int]], b: tuple[int, int], loose: bool) -> bool:
    """Two columns' lowest sub-labels in one header row: ending on one line, or (`loose`) a line
    apart with their lines overlapping: a label of three lines and one of one centred in one
    row ('Rasio' / '(%)' around 'Target  Realisasi')."""
    if a is None:
        return False
    return a[1] == b[1] or (loose and abs(a[1] - b[1]) == 1 and a[0] <= b[1] and b[0] <= a[1])


def _in_group(labels: list[Label], lab: Label, c: int, bottom: tuple[int, int], loose: bool) -> bool:
    level = any(o is not lab and o.first <= c <= o.last and o.line <= lab.line_end and o.line_end >= lab.line
                for o in labels)
    return not level and _level(_bottom_span(labels, lab, c), bottom, loose)


def _left_aligned(lab: Label, subs: list[Label]) -> bool:
    """The label opens where its column's sub-labels open: printed at the left of a merged
    cell (a label centred over its group sits over a middle column, naming no side)."""
    starts = [o.x0 for o in subs if o.x0 is not None]
    return lab.x0 is not None and bool(starts) and abs(lab.x0 - min(starts)) <= 1


def _sub_labels(labels: list[Label], lab: Label, c: int) -> list[Label]:
    """Labels over column c on lines below `lab`."""
    return [o for o in labels if o.first <= c <= o.last and o.line > lab.line_end]


def _over_unlabelled(labels: list[Label]) -> list[Label]:
    """A column no label names, with a labelled column further right, is under the label to
    its left (a merged header cell over a number column and a name column: 'Program/Kegiatan'
    over '1.1' and 'PROGRAM PENUNJANG ...')."""
    if not labels:
        return labels
    named = named_columns(labels)
    right = max(named)
    for lab in sorted(labels, key=lambda lab: lab.first):
        if any(o.first <= lab.first and lab.last <= o.last and o is not lab for o in labels):
            continue  # a sub-label keeps to its columns
        while lab.last + 1 < right and lab.last + 1 not in named:
            lab.last += 1
            named.add(lab.last)
    return labels
