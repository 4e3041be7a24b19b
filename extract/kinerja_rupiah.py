"""Columns that print a row's performance figure and its money side by side in one cell.

The Permendagri 86/2017 evaluation forms (Renja results per triwulan, the Renstra evaluation)
give each program and kegiatan row a K (kinerja: the indicator's figure, '12 Unit', '95%') and
an Rp (its budget, '1.040.398.275,00') under every measure: as two sub-columns headed 'K' and
'Rp', or as one column whose cells print the K over the Rp. A K is an indicator value of that
column's measure, year and period; an Rp is a budget value of the row's program or kegiatan, never
the other way round.

`split_pairs` turns the one-column form into the two-column one: each column whose cells are
mostly 'K Rp' pairs becomes two, headed '<path> / K' and '<path> / Rp' (column_roles then reads
the K as kinerja and the Rp as anggaran), and a row that prints only the amounts of the row
above (a text dump that broke the cell's two lines into two rows) is folded back into it. Tables
without such columns are returned as they are.
"""

import re
from typing import Optional

from kinerja.schema import Cell, Table

from .cell_parts import plain
from .table_slots import ROW_NUMBER

# a grouped amount closing the cell: 'Rp 1.040.398.275,00', '896.576.975,00', '249,837,240.00'
# (a stray stop or comma after it is a scan's speck or a typing slip: '439.500.000,', ',-.')
_GROUPED = r"\d{1,3}(?:[.,]\d{3}){2,}"  # digits grouped in thousands, millions and up
_AMOUNT = rf"(?:rp\.?\s*)?{_GROUPED}(?:[.,]\d{{1,2}})?(?:,-)?[.,]?"
_PAIR = re.compile(rf"^(?P<k>\S.*?)\s+(?P<rp>{_AMOUNT})$", re.IGNORECASE)
AMOUNT = re.compile(rf"^{_AMOUNT}$", re.IGNORECASE)
# a grouped amount anywhere in a cell, not a piece of a code ('2.01.001.002')
AMOUNT_INSIDE = re.compile(rf"(?<![\d.,]){_GROUPED}(?!\d)")
# two percentages: a tingkat capaian of kinerja and of anggaran ('100% 78,81%', '81,99 95,05')
_PERCENT = r"\d{1,3}(?:[.,]\d{1,2})?\s*%?"  # a percentage's size: no grouped amount, no wrapped digits
PERCENT_PAIR = re.compile(rf"^(?P<k>{_PERCENT})\s+(?P<rp>{_PERCENT})$")
NUMBER = re.compile(r"^\d[\d.,]*\s*%?$")
MIN_PAIRED = 0.5  # share of a column's filled cells that must be pairs
MIN_PAIRS = 2
K, RP, FINANCE = "K", "Rp", "Keuangan"


def pair(text: str) -> Optional[re.Match]:
    """'12 Unit 1.040.398.275,00' -> its K ('12 Unit') and Rp; None unless the K holds a figure."""
    m = _PAIR.match(text)
    return m if m and re.search(r"\d", m.group("k")) and not AMOUNT.match(m.group("k")) else None


def split_pairs(table: Table) -> Table:
    """The table with every K-over-Rp column split into a K and an Rp column."""
    return split_with_origin(table)[0]


def split_with_origin(table: Table) -> tuple[Table, list[int]]:
    """split_pairs, and for each column of the result the printed column it comes from (so that
    a value's provenance names the column as printed)."""
    body = _fold_amount_rows(table)
    paired = {c: leaf for c in range(table.n_cols) if (leaf := _pair_leaf(body, c, table))}
    if not paired:
        same = table if body is table.body else table.model_copy(update={"body": body})
        return same, list(range(table.n_cols))
    origin = [c for c in range(table.n_cols) for _ in range(2 if c in paired else 1)]
    return _split(table, body, paired), origin


def _texts(body: list[list[Cell]], col: int) -> list[str]:
    return [plain(c.text) for row in body for c in row if c.col == col and c.text.strip()]


def _pair_leaf(body: list[list[Cell]], col: int, table: Table) -> Optional[str]:
    """How the money half of a paired column is headed: 'Rp' under K-over-amount cells,
    'Keuangan' under two percentages (the capaian of kinerja and of anggaran); else None."""
    texts = _texts(body, col)
    pairs = [t for t in texts if pair(t)]
    if len(pairs) >= MIN_PAIRS and len(pairs) >= MIN_PAIRED * len(texts):
        return RP
    return FINANCE if _percent_pairs(texts, col, table) else None


def _percent_pairs(texts: list[str], col: int, table: Table) -> bool:
    """A capaian column of a kinerja-and-anggaran form: two percentages a cell."""
    path = table.column_paths[col].lower() if col < len(table.column_paths) else ""
    pairs = [t for t in texts if PERCENT_PAIR.match(t)]
    return "anggaran" in path and len(pairs) >= MIN_PAIRS and len(pairs) >= MIN_PAIRED * len(texts)


def _split(table: Table, body: list[list[Cell]], paired: dict[int, str]) -> Table:
    shift = {c: sum(1 for p in paired if p < c) for c in range(table.n_cols + 1)}
    paths = list(table.column_paths) + [""] * (table.n_cols - len(table.column_paths))
    new_paths: list[str] = []
    for c, path in enumerate(paths):
        new_paths += [_child(path, K), _child(path, paired[c])] if c in paired else [path]
    new_body = [[piece for cell in row for piece in _split_cell(cell, paired, shift, _no_k(row, paired))]
                for row in body]
    header = [[_moved(cell, shift, paired) for cell in row] for row in table.header_rows]
    return table.model_copy(update={
        "n_cols": table.n_cols + len(paired), "column_paths": new_paths, "body": new_body,
        "header_rows": header, "notes": table.notes + [
            f"columns {', '.join(map(str, paired))} print a K over an Rp in each cell: read as two"]})


def _child(path: str, leaf: str) -> str:
    return f"{path} / {leaf}" if path else leaf


def _moved(cell: Cell, shift: dict[int, int], paired: dict[int, str]) -> Cell:
    """A header cell over the split columns spans both halves of each."""
    first = cell.col + shift[cell.col]
    last = cell.col + cell.col_span - 1
    span = last + shift[last] + (last in paired) - first + 1
    return cell.model_copy(update={"col": first, "col_span": span})


def _no_k(row: list[Cell], paired: dict[int, str]) -> bool:
    """A row whose K-over-amount cells all print a lone amount (a total row): it prints no K at
    all, so a lone percentage in its capaian pair is the anggaran's."""
    halves = [_halves(plain(c.text)) for c in row if paired.get(c.col) == RP and c.col_span == 1 and c.text.strip()]
    return bool(halves) and all(not k and rp for k, rp in halves)


def _split_cell(cell: Cell, paired: dict[int, str], shift: dict[int, int], no_k: bool = False) -> list[Cell]:
    col = cell.col + shift[cell.col]
    if cell.col not in paired or cell.col_span != 1:
        return [_moved(cell, shift, paired)] if cell.col_span > 1 else [cell.model_copy(update={"col": col})]
    k, rp = _halves(plain(cell.text))
    if no_k and paired[cell.col] == FINANCE and k and not rp:
        k, rp = "", k
    out = []
    if k:
        out.append(cell.model_copy(update={"col": col, "text": k}))
    if rp:
        out.append(cell.model_copy(update={"col": col + 1, "text": rp}))
    return out


def _halves(text: str) -> tuple[str, str]:
    """(K, Rp) of a cell: 'K Rp', a lone amount (a total row prints no K), or a lone K."""
    m = pair(text) or PERCENT_PAIR.match(text)
    if m:
        return m.group("k").strip(), m.group("rp").strip()
    if AMOUNT.match(text):
        return "", text
    return text, ""


def _fold_amount_rows(table: Table) -> list[list[Cell]]:
    """Rows that print only amounts under the row above's K figures (a -layout dump breaks a
    cell's two lines into two rows; the name cells' second lines come along) folded into it."""
    body = table.body
    out: list[list[Cell]] = []
    folded = False
    for row in body:
        if out and _amounts_under(out[-1], row):
            out[-1] = _folded(out[-1], row)
            folded = True
        else:
            out.append(row)
    return out if folded else body


def _amounts_under(above: list[Cell], row: list[Cell]) -> bool:
    """Under the row above's figures, amounts standing under its K figures (and, under a plain
    figure, the anggaran side of a capaian pair); under its words, anything (the second lines of
    its names, a bracketed tail included: '(20%)') but no figure. At least MIN_PAIRS amounts."""
    figures = {c.col: plain(c.text) for c in above if re.search(r"\d", c.text)}
    if any(AMOUNT_INSIDE.search(t) or CENTS_AMOUNT.match(t) for t in figures.values()):
        return False  # the row above prints money of its own: a budget table's rows, one each
    words = {c.col for c in above if c.text.strip() and c.col not in figures}
    amounts = 0
    for cell in row:
        text, k = plain(cell.text), figures.get(cell.col)
        if cell.col == 0 and k is not None and ROW_NUMBER.match(text) and ROW_NUMBER.match(k):
            return False  # '4' under '3': the next numbered row, whatever its amounts ('(000)')
        if k is None and re.search(r"\d", text) and not (cell.col in words and BRACKETED.match(text)):
            return False  # a figure of its own (a number, a K): a row of its own
        if k is None or not text:
            continue
        if AMOUNT.match(text) and _is_k(k):
            amounts += 1
        elif not (NUMBER.match(text) and NUMBER.match(k)):
            return False  # a capaian pair prints two plain figures ('81,99' over '95,05')
    return amounts >= MIN_PAIRS


# a name's bracketed tail on its second line ('Angka Kecelakaan' / '(20%)'), not a figure
BRACKETED = re.compile(r"^\([^()]{1,30}\)$")
ZERO_AMOUNT = re.compile(r"^0+(?:[.,]0+)?$")  # '0', '0,00', '00,0': nothing, as a budget table prints it; no K
# a small amount printed to the cent ('900.000,00'): money, though under a million
CENTS_AMOUNT = re.compile(r"^(?:rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+[.,]\d{2}$", re.IGNORECASE)


def _is_k(text: str) -> bool:
    return (bool(re.search(r"\d", text)) and not AMOUNT.match(text) and not pair(text)
            and not ZERO_AMOUNT.match(text))


def _folded(above: list[Cell], row: list[Cell]) -> list[Cell]:
    by_col = {c.col: c for c in row}
    out = []
    for cell in above:
        below: Optional[Cell] = by_col.pop(cell.col, None)
        if below is not None and below.text.strip():
            joiner = " " if re.search(r"\d", below.text) else "\n"
            cell = cell.model_copy(update={"text": f"{cell.text}{joiner}{below.text}"})
        out.append(cell)
    return sorted(out + list(by_col.values()), key=lambda c: c.col)
