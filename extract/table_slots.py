"""A table body as a dense grid of slots, spans expanded, ready for row-by-row reading.

Parsers give spans as spans (the covered slots are absent). Readers want to know, for every
row and column, what text applies there and whether the cell starts there (an origin) or is
carried from a span above. Rows whose cells landed one or two columns off (converted tables
lose empty cells) are shifted back where the column roles make the right place evident.
"""

import re
from dataclasses import dataclass, replace
from typing import Optional

from kinerja.normalize.scales import levels_for
from kinerja.normalize.units import is_listed_unit
from kinerja.schema import Cell, Table

from .cell_parts import DASH, NOT_AVAILABLE, looks_like_value, plain, tw_period
from .column_roles import Column

# '3', '(3)', '9=8/7*100%' (a column number with the formula of its figures), '$9=...'
NUMBERING_CELL = re.compile(r"^\$?\(?\s*(\d{1,2})\s*(?:\)|=.*)?$")
MAX_SHIFT = 2


@dataclass
class Slot:
    text: str
    cell: Cell
    origin: bool = True      # the cell starts in this row (False: carried down by a row span)
    first_col: bool = True   # the cell starts in this column (False: spread across by a column span)


Row = list[Optional[Slot]]


def body_grid(table: Table, n_cols: int) -> list[Row]:
    rows: list[Row] = [[None] * n_cols for _ in table.body]
    for r, body_row in enumerate(table.body):
        for cell in body_row:
            if cell.col >= n_cols:
                rows[r].extend([None] * (cell.col + cell.col_span - len(rows[r])))
            text = plain(cell.text)
            for dr in range(cell.row_span):
                if r + dr >= len(rows):
                    break
                for dc in range(cell.col_span):
                    c = cell.col + dc
                    while c >= len(rows[r + dr]):
                        rows[r + dr].append(None)
                    rows[r + dr][c] = Slot(text=text, cell=cell, origin=dr == 0, first_col=dc == 0)
    return rows


def text_at(row: Row, col: int, origin_only: bool = True) -> str:
    if col >= len(row) or row[col] is None:
        return ""
    slot = row[col]
    if origin_only and not slot.origin:
        return ""
    return slot.text


# a table's closing row names no record: 'Jumlah', 'JUMLAH TOTAL', 'Sub Total', 'Total Belanja',
# 'TOTAL PER SASARAN'
TOTAL_LABEL = re.compile(r"^\s*(?:sub\s*-?\s*)?(?:total|jumlah)(?:\s+(?:total|keseluruhan|anggaran|belanja(?:\s+\w+)?))?"
                         r"(?:\s+per\s+(?:sasaran|program|kegiatan|tujuan))?\s*:?\s*$", re.IGNORECASE)


def total_label(row: Row, pattern: re.Pattern = TOTAL_LABEL) -> Optional[str]:
    """The row's total label ('Jumlah Total'), if a cell starting in it is one: its figures are
    the table's totals, no indicator's."""
    return next((s.text for s in row if s is not None and s.origin and s.first_col and pattern.match(s.text)),
                None)


def is_numbering_row(row: Row) -> bool:
    texts = [s.text for s in row if s is not None and s.origin and s.first_col and s.text]
    if len(texts) < 3:
        return False
    numbers = [int(m.group(1)) for t in texts if (m := NUMBERING_CELL.match(t.replace(" ", "")))]
    # a numbering row holds nothing else but a few OCR scraps ('( )', '74)'): a name or a unit
    # beside the figures makes it a data row whose figures happen to rise ('57 | 58 | 59')
    others = [t for t in texts if not NUMBERING_CELL.match(t.replace(" ", ""))]
    if any(len(t.strip()) > MAX_SCRAP for t in others):
        return False
    return _counts_up(numbers) and len(numbers) >= max(3, int(0.7 * len(texts)))


MAX_SCRAP = 4  # characters of a non-number cell a numbering row may hold


MIN_RISING = 0.8  # share of steps up in a column numbering (OCR may misread one: '(10) (1) (12)')


def _counts_up(numbers: list[int]) -> bool:
    """Column numbers count up ('(1) (2) ... (20)'), or count 1..n again under each group (the
    years of a plan, 'Tahun ke- / 1 2 3 4 5' under Target and again under Realisasi); a row's
    figures do not ('70 | 70 | 70', '36 | 9 | 18 | 27 | 36')."""
    steps = list(zip(numbers, numbers[1:]))
    if not steps:
        return False
    if sum(b > a for a, b in steps) >= MIN_RISING * len(steps):
        return True
    return numbers[0] == 1 and all(b == a + 1 or b == 1 for a, b in steps) and numbers.count(1) < len(numbers) / 2


def is_repeated_header(row: Row, cols: list[Column]) -> bool:
    """A header row repeated inside the body (a table continued on a new page)."""
    texts = [(c, s.text) for c, s in enumerate(row) if s is not None and s.origin and s.first_col and s.text]
    if len(texts) < 2:
        return False
    same = sum(1 for c, t in texts if c < len(cols) and cols[c].path
               and _squash(t) in {_squash(p) for p in cols[c].path.split(" / ")})
    return same >= max(2, (len(texts) + 1) // 2)


def twin_runs(cols: list[Column], role: str) -> list[list[int]]:
    """Adjacent columns of `role` under one and the same header path: one column the grid split
    in two (the table's parts drawn with other rulings), not two columns."""
    runs: list[list[int]] = []
    for col in cols:
        if col.role != role:
            continue
        if runs and runs[-1][-1] == col.index - 1 and cols[runs[-1][-1]].path == col.path:
            runs[-1].append(col.index)
        else:
            runs.append([col.index])
    return [r for r in runs if len(r) > 1]


def twins_joined(row: Row, runs: list[list[int]]) -> Row:
    """The row with each run of twin columns holding one cell, in its last column (the one its
    measures read): the first with words, not a bare row number ('5' | 'Jumlah rute ...'), so a
    unit the split pushed into the second twin ('Indeks Demokrasi' | 'Poin') is no name."""
    for run in runs:
        slots = [row[k] for k in run if k < len(row) and row[k] is not None and row[k].origin
                 and row[k].first_col and row[k].text]
        words = [s for s in slots if not ROW_NUMBER.match(s.text)]
        if not words:
            continue
        best = words[0]
        rest = [s.text for s in words[1:] if not is_listed_unit(s.text)]  # a name split in two goes on
        row = list(row)
        for k in run:
            if k < len(row):
                row[k] = None
        row[run[-1]] = replace(best, text=" ".join([best.text, *rest]), first_col=True)
    return row


ROW_NUMBER = re.compile(r"^\s*\d{1,3}[.)]?\s*$")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def is_separator_row(row: Row) -> bool:
    texts = [s.text for s in row if s is not None and s.text]
    return bool(texts) and all(set(t) <= set("-–—=_: ") for t in texts)


def has_tw_label(row: Row) -> bool:
    return any(s is not None and s.origin and s.first_col and tw_period(s.text) for s in row)


def value_slot(row: Row, col: int, cols: list[Column]) -> Optional[Slot]:
    """The cell a measure column reads in this row: one that starts here, or spreads here from a
    column that is not itself a measure (a value never counts for two measure columns)."""
    if col >= len(row) or row[col] is None or not row[col].origin or not row[col].text:
        return None
    slot = row[col]
    if not slot.first_col and slot.cell.col < len(cols) and cols[slot.cell.col].role == "measure":
        return None
    return slot


def realign(row: Row, cols: list[Column]) -> Row:
    """Shift a row whose values sit off their measure columns, when one shift clearly fits better."""
    if has_tw_label(row) or _fills_measures(row, cols):
        return row
    base = _fit(row, cols, 0)
    best_shift, best = 0, base
    for shift in [s for k in range(1, MAX_SHIFT + 1) for s in (k, -k)]:
        score = _fit(row, cols, shift)
        if score > best:
            best_shift, best = shift, score
    if best_shift == 0 or best - base < 1:
        return row
    return _shifted(row, best_shift, len(cols))


def _fills_measures(row: Row, cols: list[Column]) -> bool:
    """Every measure column holds a value (or a dash or 'NA' holding its place: an unfunded
    year's '-') as the row stands: whatever a shift would gain at its edges (a list number beside
    the year block taken for the last year's target) is a loss."""
    measures = [c.index for c in cols if c.role == "measure"]
    return len(measures) > 1 and all(
        c < len(row) and row[c] is not None and row[c].origin
        and (looks_like_value(row[c].text) or DASH.match(row[c].text) or NOT_AVAILABLE.match(row[c].text))
        for c in measures)


def _shifted(row: Row, shift: int, n: int) -> Row:
    out: Row = [None] * max(n, len(row))
    for c, slot in enumerate(row):
        if slot is None:
            continue
        target = c + shift
        if 0 <= target < len(out):
            out[target] = slot
        elif slot.text:
            return row  # a shift that would drop content is not a fix
    return out


# '1. Nilai IDM': a list's number before a name, in the name's own cell
LISTED_NAME = re.compile(r"^\d{1,2}[.)]\s+[A-Za-z]{2,}")


def _fit(row: Row, cols: list[Column], shift: int) -> int:
    score = 0
    lead = True  # the row's first text: a section letter ('A'), never a grade
    filled = [(c, slot) for c, slot in enumerate(row) if slot is not None and slot.origin and slot.text]
    for k, (c, slot) in enumerate(filled):
        target = c + shift
        if target < 0 or target >= len(cols):
            return -10**6 if slot.text else score
        col = cols[target]
        value = (looks_like_value(slot.text) or (not lead and _grade(slot.text)) or DASH.match(slot.text)
                 or NOT_AVAILABLE.match(slot.text)) and len(slot.text) < 40 and not LISTED_NAME.match(slot.text)
        if value and ROW_NUMBER.match(slot.text) and k + 1 < len(filled) \
                and not looks_like_value(filled[k + 1][1].text):
            value = False  # '2 | Pembangunan Bandara ...': a list's number before its text
        lead = False
        if col.role == "measure":
            score += 1 if value else -1
        elif col.role in ("indikator", "sasaran", "program", "kegiatan", "sub_kegiatan", "program_kegiatan"):
            score += -1 if value else 1
    return score


_GRADE_TEXT = re.compile(r"[A-Z]{1,3}|[A-Z][a-z]+(?: [A-Z]?[a-z]+)?")  # 'B', 'WTP', 'Sangat Baik'


def _grade(text: str) -> bool:
    """A grade ('B', 'WTP', 'Sangat Baik') is a measure's value as much as a figure is; a list
    label ('a', 'b.', 'A.') is not one."""
    return bool(_GRADE_TEXT.fullmatch(text)) and bool(levels_for(text))
