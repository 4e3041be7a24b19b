"""Budget tables -> BudgetValue records: program / kegiatan / sub-kegiatan rows with their codes and
levels, anggaran (single, or before and after revision), selisih, realisasi, sisa, percentage,
quarterly realisation; totals rows get level "total".

Two layouts are read: items down the rows with amounts in measure columns (the usual one), and
years down the rows with the spending categories as columns ("Tahun | Belanja Operasi | ... |
Jumlah"), where each column is an item.
"""

import re
from dataclasses import dataclass
from typing import Optional

from kinerja.normalize import read_column
from kinerja.normalize.money_scale import header_scale, scaled
from kinerja.schema import BudgetValue, Cell, Table, Value

from .cell_parts import DASH, continues_name, looks_like_value, strip_enumerator, without_carried_lead
from .column_roles import BUDGET_NAME_ROLES, Column, normalise_segment, vocabulary
from .lexicon import sakip_lexicon
from .spent_shares import agreeing_reading, share_columns
from .table_context import TableContext
from .table_slots import (TOTAL_LABEL, Row, body_grid, is_numbering_row, is_repeated_header, is_separator_row,
                          text_at, total_label, value_slot)

CODE = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,4}){0,6})\s*\.?\s*$")
# a nomenclature code before the name, set off by a space or a dash ('1.02.01.2.10 – Peningkatan ...')
LEADING_CODE = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,4}){1,6})\.?(?:\s+[-–—]\s*|\s+)(?=[A-Za-z])")
TOTAL = re.compile(r"^\s*(sub\s*)?(total|jumlah)\b", re.IGNORECASE)
MIN_CODED_ITEMS = 2  # coded items that show a name column lists results between them
RESULT_HEADER = re.compile(r"(?i)\b(?:outcome|output|keluaran)\b")
LEVEL_PREFIX = [(re.compile(r"^\s*sub\s*-?\s*kegiatan\b", re.I), "sub_kegiatan"),
                (re.compile(r"^\s*kegiatan\b", re.I), "kegiatan"),
                (re.compile(r"^\s*program\b", re.I), "program")]
# an outcome or output statement ('Tersedianya ...', 'Meningkatnya ...'), not a program's or kegiatan's name
RESULT = re.compile(rf"^\s*(?:{sakip_lexicon().result_phrase})")
ROLE_LEVEL = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub_kegiatan", "sasaran": "sasaran"}
DEPTH_LEVELS = ["program", "kegiatan", "sub_kegiatan"]
NOMENCLATURE_PARTS = 5
NOMENCLATURE_LEVELS = {3: "program", 4: "kegiatan", 5: "kegiatan", 6: "sub_kegiatan"}
MONEY_ONLY = {"anggaran", "anggaran_sebelum", "anggaran_sesudah", "selisih", "sisa", "realisasi"}
MEASURE_NAMES = {"realisasi_anggaran": "realisasi"}
YEAR_CELL = re.compile(r"^\s*(19[5-9]\d|20\d\d)\s*$")


@dataclass
class Item:
    name: str
    level: str
    code: Optional[str]
    sasaran: Optional[str]
    row: int


@dataclass
class Amount:
    item: Item
    col: Column
    raw: str
    row: int
    cell: Cell
    year: Optional[int]
    measure: str


def is_budget_table(cols: list[Column]) -> bool:
    return any(c.role == "measure" and c.domain == "anggaran" for c in cols)


def read_budget(table: Table, cols: list[Column], ctx: TableContext) -> list[BudgetValue]:
    measures = [c for c in cols if c.role == "measure" and c.domain == "anggaran"]
    items, amounts = _collect(table, cols, measures, ctx)
    _assign_levels(items)
    return _read_amounts(amounts, table, ctx)


def _collect(table: Table, cols: list[Column], measures: list[Column], ctx: TableContext):
    items: list[Item] = []
    amounts: list[Amount] = []
    sasaran = None
    sasaran_col = next((c.index for c in cols if c.role == "sasaran"), None)
    heading: Optional[Item] = None  # the last value-less row naming its level ('Sub Kegiatan ...')
    grid = body_grid(table, len(cols))
    results = _lists_results(cols, grid)
    upper = _upper_level_pagu(grid, cols, measures)
    coded: dict[int, str] = {}  # the amounts of the last coded item, by column
    for r, row in enumerate(grid):
        if is_numbering_row(row) or is_separator_row(row) or is_repeated_header(row, cols):
            continue
        if sasaran_col is not None and text_at(row, sasaran_col):
            sasaran = strip_enumerator(text_at(row, sasaran_col))
        cells = [(c, slot) for c in measures if (slot := value_slot(row, c.index, cols)) is not None]
        if not any(looks_like_value(s.text) for _, s in cells):
            _continue_item(row, r, cols, items)
            heading = _heading(row, r, cols, sasaran) or heading
            continue
        item = _item(row, r, cols, sasaran,
                     own_row=not results and all(slot.cell.row_span == 1 for _, slot in cells),
                     upper=r in upper)
        listed = results and item is not None and _uncoded_result(item)
        texts = {c.index: s.text.strip() for c, s in cells if looks_like_value(s.text)}
        if heading is not None and (item is None or listed or RESULT.match(item.name)):
            # 'Sub Kegiatan Penyediaan Gaji ...' over 'Tersedianya gaji ... | Jumlah orang ... | 1.920 | Rp':
            # the pagu on the output's row is the sub-kegiatan's
            item = Item(heading.name, heading.level, heading.code, heading.sasaran, r)
        elif listed and all(coded.get(k) == v for k, v in texts.items()):
            continue  # an outcome or output under its coded item, repeating the item's pagu
        elif item is not None:
            heading = None  # an item named on its own row closes the heading above
        if item is None:
            continue
        if item.code:
            coded = texts
        items.append(item)
        for col, slot in cells:
            measure = MEASURE_NAMES.get(col.measure, col.measure)
            year = None if col.renstra_end and not col.year else col.year_from(ctx.year, ctx.plan_start)  # a plan's total: no one year
            amounts.append(Amount(item, col, slot.text, r, slot.cell, year, measure))
    return items, amounts


def _lists_results(cols: list[Column], grid: list[Row]) -> bool:
    """A name column that lists results between the items ('Program/Outcome/Kegiatan/Output/Sub
    Kegiatan', the Permendagri 90 Renstra matrix), where the items carry codes and the results none."""
    names = [c.index for c in cols if c.role in BUDGET_NAME_ROLES and RESULT_HEADER.search(c.path)]
    if not any(c.role in BUDGET_NAME_ROLES | {"sasaran"} for c in cols):
        # the name column's header is lost (OCR): any column of words but the indicator's
        names = [c.index for c in cols if c.role not in UNNAMED_ROLES + ("indikator",)]
    coded = sum(1 for row in grid for k in names if LEADING_CODE.match(text_at(row, k) or ""))
    return bool(names) and coded >= MIN_CODED_ITEMS


def _uncoded_result(item: Item) -> bool:
    """Where results sit between coded items: a row with neither a code nor a level word ('Program
    ...') nor a total's label."""
    return item.code is None and item.level != "total" and not any(rx.match(item.name) for rx, _ in LEVEL_PREFIX)


def _continue_item(row: Row, r: int, cols: list[Column], items: list[Item]) -> None:
    """A value-less row right after an item whose name cell carries on in lower case completes it."""
    if not items or items[-1].row != r - 1:
        return
    texts = [text_at(row, c.index) for c in cols if c.role in BUDGET_NAME_ROLES and text_at(row, c.index)]
    if len(texts) == 1 and continues_name(texts[0], items[-1].name):
        items[-1].name = f"{items[-1].name} {texts[0]}"


def _heading(row: Row, r: int, cols: list[Column], sasaran: Optional[str]) -> Optional[Item]:
    """A value-less row whose name cell says its level ('Sub Kegiatan Penyediaan ...',
    'Kegiatan ...', 'Program ...') or its code ('7.01.01.2.08.0001 Penyediaan ...'): the item
    whose amounts the rows under it print."""
    for col in cols:
        text = text_at(row, col.index)
        if col.role in BUDGET_NAME_ROLES and text and not CODE.match(text):
            if _heading_text(text):
                return _named(text, ROLE_LEVEL.get(col.role, "unknown"), None, sasaran, r)
    return None


LIST_LETTER = re.compile(r"^\(?[a-zA-Z][.)]?$")


def _item(row: Row, r: int, cols: list[Column], sasaran: Optional[str], own_row: bool = False,
          upper: bool = False) -> Optional[Item]:
    """The item a row's amounts belong to: its program, kegiatan or sub-kegiatan (with `upper`,
    the level above the row's sub-kegiatan); in a table naming none, the indicator named on the
    row when the amounts are the row's own and the sasaran's cell runs on over other rows
    ('Sasaran | Indikator Kinerja | Anggaran', each indicator with its pagu under one merged
    sasaran), else its sasaran; a total's label."""
    code = None
    for col in cols:
        text = text_at(row, col.index)
        if text and col.role in {"kode"} | BUDGET_NAME_ROLES and CODE.match(text):
            code = _code(text)
    levels = ("sub_kegiatan", "kegiatan", "program", "program_kegiatan")
    for role in levels[1:] if upper else levels:
        for col in [c for c in cols if c.role == role]:
            text = text_at(row, col.index)
            # 'a | Layanan Kesekretariatan ...': a list's letter in the first of twin name columns
            if text and not CODE.match(text) and not LIST_LETTER.match(text):
                return _named(text, ROLE_LEVEL.get(role, "unknown"), code, sasaran, r)
    if own_row and not any(c.role in BUDGET_NAME_ROLES for c in cols) and not _sasaran_of_row(row, cols):
        for col in [c for c in cols if c.role == "indikator"]:
            text = text_at(row, col.index)
            if text and not CODE.match(text) and not TOTAL_LABEL.match(text):
                return _named(text, "unknown", code, sasaran, r)
    for col in [c for c in cols if c.role == "sasaran"]:
        text = text_at(row, col.index)
        if text:
            return _named(text, "sasaran", code, None, r)
    label = _total_label(row, cols)
    if label:
        return _named(label, "total", code, None, r)
    if not any(c.role in BUDGET_NAME_ROLES | {"sasaran"} for c in cols):
        return _unlabelled_name(row, r, cols, code)
    return None


def _upper_level_pagu(grid: list[Row], cols: list[Column], measures: list[Column]) -> set[int]:
    """Rows naming a kegiatan (or program) and its first sub-kegiatan side by side whose amounts
    are the kegiatan's: the sub-kegiatan rows under it, up to the next kegiatan, print none
    ('Kegiatan | Sub Kegiatan | ... | Anggaran', the pagu on the kegiatan's first row only). A
    kegiatan with one sub-kegiatan tells nothing and keeps it."""
    subs = [c.index for c in cols if c.role == "sub_kegiatan"]
    uppers = [c.index for c in cols if c.role in ("kegiatan", "program")]
    if not subs or not uppers:
        return set()

    def names(row: Row, at: list[int]) -> bool:
        return any(text_at(row, k) and not CODE.match(text_at(row, k)) for k in at)

    def priced(row: Row) -> bool:
        return any((slot := value_slot(row, c.index, cols)) is not None and looks_like_value(slot.text)
                   for c in measures)

    out: set[int] = set()
    starts = [r for r, row in enumerate(grid) if names(row, uppers)] + [len(grid)]
    for r, end in zip(starts, starts[1:]):
        block = grid[r + 1:end]
        siblings = [row for row in block if names(row, subs)]
        if names(grid[r], subs) and priced(grid[r]) and siblings and not any(priced(row) for row in block):
            out.add(r)
    return out


def _sasaran_of_row(row: Row, cols: list[Column]) -> bool:
    """The row names a sasaran of its own, in a cell as tall as the row: its amounts are the
    sasaran's (a tujuan or sasaran with its one indicator)."""
    return any(c.index < len(row) and row[c.index] is not None and row[c.index].origin
               and row[c.index].text and row[c.index].cell.row_span == 1
               for c in cols if c.role == "sasaran")


def _total_label(row: Row, cols: list[Column]) -> Optional[str]:
    """A total's label in a name column ('Jumlah Belanja Langsung'); in the indicator column only
    a bare one ('JUMLAH'): 'Jumlah dokumen ...' there names an indicator."""
    shown = [c for c in cols if c.index < len(row)]
    return total_label([None if c.role == "indikator" else row[c.index] for c in shown], TOTAL) \
        or total_label([row[c.index] for c in shown if c.role == "indikator"])


def _heading_text(text: str) -> bool:
    """A name saying its level or led by its code: 'Sub Kegiatan ...', '7.01.01.2.08.0001 ...'."""
    return bool(LEADING_CODE.match(text)) or any(rx.match(text) for rx, _ in LEVEL_PREFIX)


UNNAMED_ROLES = ("measure", "no", "kode", "satuan")  # columns that hold no item's name


def _unlabelled_name(row: Row, r: int, cols: list[Column], code: Optional[str]) -> Optional[Item]:
    """A name column whose header was lost (OCR, a blank header cell): the row's first cell of
    words outside the measure columns."""
    for col in cols:
        text = text_at(row, col.index)
        if col.role in UNNAMED_ROLES or not text:
            continue
        if looks_like_value(text) and not LEADING_CODE.match(text):  # ('6.01.01 - PROGRAM ...' is a name)
            continue
        if CODE.match(text) or len(re.findall(r"[A-Za-z]{3,}", text)) < 2:
            continue
        return _named(text, "unknown", code, None, r)
    return None


def _named(text: str, level: str, code: Optional[str], sasaran: Optional[str], r: int) -> Item:
    m = LEADING_CODE.match(text)
    if m:
        code = code or _code(m.group(1))
        text = text[m.end():]
    name = strip_enumerator(without_carried_lead(text))
    if TOTAL.match(name):
        level = "total"
    else:
        level = next((lvl for rx, lvl in LEVEL_PREFIX if rx.match(name)), level)
    return Item(name=name, level=level, code=code, sasaran=sasaran, row=r)


def _code(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip(".")


def _assign_levels(items: list[Item]) -> None:
    """Items whose name and column leave the level open take it from their code: full
    nomenclature codes by their number of parts (urusan.bidang.program[.kegiatan.kegiatan[.sub]]),
    short local numbering ("1.2", "1.2.1") by depth relative to the table's shallowest code."""
    parts = {it.code: it.code.count(".") + 1 for it in items if it.code}
    nomenclature = any(n >= NOMENCLATURE_PARTS for n in parts.values())
    depths = sorted(set(parts.values()))
    for it in items:
        if it.level not in ("unknown", "sasaran") or not it.code:
            continue
        n = parts[it.code]
        if nomenclature:
            it.level = NOMENCLATURE_LEVELS.get(n, it.level)
        elif len(depths) > 1 and depths.index(n) < len(DEPTH_LEVELS):
            it.level = DEPTH_LEVELS[depths.index(n)]


def _read_amounts(amounts: list[Amount], table: Table, ctx: TableContext) -> list[BudgetValue]:
    by_col: dict[int, list[Amount]] = {}
    for a in amounts:
        by_col.setdefault(a.col.index, []).append(a)
    values: dict[int, Value] = {}
    printed: dict[int, Value] = {}  # as printed, before a header's scale: a share is in percent
    for items in by_col.values():
        read = read_column([a.raw for a in items], header=items[0].col.path or None, doc_style=ctx.doc_style)
        scale = header_scale(items[0].col.path)
        for a, v in zip(items, read):
            printed[id(a)] = v
            values[id(a)] = _in_rupiah(v, scale) if scale and a.measure in MONEY_ONLY else v
    shares = share_columns(amounts, lambda a: printed[id(a)].value)
    _resolve_by_share(amounts, values, printed, shares)
    numeric_rows = {a.row for a in amounts if values[id(a)].value is not None and not DASH.match(a.raw)}
    codes = {a.item.code for a in amounts if a.item.code}
    out = []
    for a in amounts:
        # a share spent under a header that names the money ('Rasio antara Realisasi dan Anggaran')
        shared = a.col.index in shares or a.measure == "persen_realisasi"
        value = _as_share(printed[id(a)]) if shared else values[id(a)]
        if DASH.match(a.raw):
            if a.row not in numeric_rows:
                continue
            value = _dash_zero(value)
        measure = "persen_realisasi" if a.col.index in shares else a.measure
        if not _fits(measure, value):
            continue
        value = value.model_copy(update={"provenance": ctx.provenance(table, a.row, a.col.index, a.cell)})
        out.append(BudgetValue(
            item=a.item.name, level=a.item.level, code=a.item.code, parent_code=_parent(a.item.code, codes),
            sasaran=a.item.sasaran, year=a.year, period=a.col.period or "annual", measure=measure,
            value=value, source="table", column_path=a.col.path or None, part=ctx.part,
        ))
    return out


def _resolve_by_share(amounts: list[Amount], values: dict[int, Value], printed: dict[int, Value],
                      shares: set[int]) -> None:
    """An ambiguous anggaran or realisasi read by its row's arithmetic: the reading that makes the
    printed share spent come out (a typing slip, '133.825.00,00' beside '131.050.000,00 | 97,93')."""
    rows: dict[tuple, dict[str, Amount]] = {}
    for a in amounts:
        measure = "persen_realisasi" if a.col.index in shares else a.measure
        rows.setdefault((a.row, a.year, a.col.period), {}).setdefault(measure, a)
    for group in rows.values():
        share, pagu, spent = (group.get(m) for m in ("persen_realisasi", "anggaran", "realisasi"))
        percent = printed[id(share)].value if share is not None else None
        if pagu is None or spent is None or not isinstance(percent, (int, float)):
            continue
        for mine, other in ((pagu, spent), (spent, pagu)):
            v, known = values[id(mine)], values[id(other)]
            if not (v.ambiguous and v.readings) or not isinstance(known.value, (int, float)) or known.ambiguous:
                continue
            side = {"spent": known.value} if mine is pagu else {"pagu": known.value}
            chosen = agreeing_reading([r.value for r in v.readings], float(percent), **side)
            if chosen is not None:
                values[id(mine)] = v.model_copy(update={
                    "value": chosen, "ambiguous": False,
                    "read_as": v.read_as + "; chosen by relation persen realisasi = realisasi / anggaran x 100"})


def _in_rupiah(value: Value, scale: tuple[str, float]) -> Value:
    """An amount under a header stating its unit ('(Juta Rupiah)') in rupiah, its raw text kept."""
    if value.value is None or value.kind not in ("money", "number", "count"):
        return value
    rupiah = scaled(value.value, scale[1])
    if rupiah is None:
        return value
    return value.model_copy(update={"value": rupiah, "kind": "money", "unit": "rp",
                                    "read_as": f"{value.read_as}; in {scale[0]} rupiah as the header says"})


def _as_share(value: Value) -> Value:
    """A figure of a money column found to be the row's share spent: a percentage, unscaled."""
    if value.value is None or value.kind not in ("money", "number", "count"):
        return value
    return value.model_copy(update={"kind": "percent", "unit": "%",
                                    "read_as": f"{value.read_as}; the row's realisasi over its anggaran, in percent"})


def _dash_zero(value: Value) -> Value:
    """A dash among an item's amounts is the accounting zero."""
    return value.model_copy(update={"value": 0.0, "kind": "money", "ambiguous": False, "readings": [],
                                    "read_as": "dash read as zero: the item has other amounts"})


def _fits(measure: str, value: Value) -> bool:
    if value.value is None and not value.ambiguous:
        return False
    if measure in MONEY_ONLY:
        return value.kind in ("money", "number", "count") or value.ambiguous
    return value.kind in ("percent", "number") or value.ambiguous


def _parent(code: Optional[str], codes: set[str]) -> Optional[str]:
    """The nearest ancestor code printed in the same table."""
    while code and "." in code:
        code = code.rsplit(".", 1)[0]
        if code in codes:
            return code
    return None


# --- years down the rows ---------------------------------------------------------------------

def is_year_rows_table(table: Table, cols: list[Column]) -> bool:
    year_col = next((c.index for c in cols if c.role == "tahun"), None)
    if year_col is None:
        return False
    years = [text_at(row, year_col) for row in body_grid(table, len(cols))]
    years = [y for y in years if y]
    if not years or not all(YEAR_CELL.match(y) for y in years):
        return False
    domain = vocabulary()["budget_domain"]
    texts = [normalise_segment(table.caption or "")] + [normalise_segment(c.path) for c in cols]
    return any(f" {w} " in f" {t} " for t in texts for w in domain)


def read_year_rows(table: Table, cols: list[Column], ctx: TableContext) -> list[BudgetValue]:
    """'Tahun | Belanja Operasi | ... | Jumlah': every column an item, every row a year."""
    year_col = next(c.index for c in cols if c.role == "tahun")
    grid = [(r, row) for r, row in enumerate(body_grid(table, len(cols))) if text_at(row, year_col)]
    out = []
    for col in cols:
        if col.index == year_col or col.role in ("no", "kode") or not col.path:
            continue
        name = col.path.split(" / ")[-1].strip()
        level = "total" if TOTAL.match(name) else "unknown"
        item = Item(name=name, level=level, code=None, sasaran=None, row=0)
        amounts = [Amount(item, col, text_at(row, col.index), r, row[col.index].cell,
                          int(text_at(row, year_col)), "anggaran")
                   for r, row in grid if text_at(row, col.index)]
        read = read_column([a.raw for a in amounts], header=col.path, doc_style=ctx.doc_style) if amounts else []
        for a, value in zip(amounts, read):
            if DASH.match(a.raw) or not _fits("anggaran", value):
                continue
            value = value.model_copy(update={"provenance": ctx.provenance(table, a.row, col.index, a.cell)})
            out.append(BudgetValue(item=name, level=level, year=a.year, measure="anggaran", value=value,
                                   source="table", column_path=col.path, part=ctx.part))
    return out
