"""Performance tables -> IndicatorValue records.

Rows are read top to bottom with the names in force carried down: an empty sasaran or indicator
cell (or a row span) keeps the one above, so triwulan rows and continuation rows belong to the
indicator they follow. Each measure column belongs to the nearest indicator column on its left
(a monev table can have strategic, program and kegiatan indicators side by side). A cell holding
two numbered indicators ("1. A 2. B") is paired with a value cell holding two values. Baselines
written inside a cell ("Baseline 2022 : 514/621 = 0,83") are read too.
"""

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from kinerja.normalize import ValueContext, canonical_unit, read_column, read_value, resolve_by_relation
from kinerja.normalize.scales import scales_from_cue
from kinerja.normalize.units import is_count_unit
from kinerja.schema import Cell, IndicatorValue, Table, Value

from .cell_parts import (
    continues_name,
    graded_percent,
    labelled_values,
    name_before_formula_label,
    name_without_formula,
    numbered_items,
    split_values,
    strip_enumerator,
    tw_period,
    value_piece,
    without_labelled,
)
from .budget import LEVEL_PREFIX
from .column_roles import BUDGET_NAME_ROLES, Column, indicator_for, name_column_for
from .table_context import TableContext
from .table_slots import (
    TOTAL_LABEL,
    Row,
    body_grid,
    has_tw_label,
    is_numbering_row,
    is_repeated_header,
    is_separator_row,
    realign,
    text_at,
    total_label,
    twin_runs,
    twins_joined,
    value_slot,
)

READABLE = {"number", "money", "percent", "count", "fraction", "range", "qualitative"}
PERCENT_FORMULA = re.compile(r"[x×\*]\s*100\s*%", re.IGNORECASE)
PERCENT_IN_NAME = re.compile(r"\(\s*%\s*\)")
NOT_A_NAME = re.compile(r"^(formula|formulasi|rumus|cara perhitungan|keterangan|catatan)\b", re.IGNORECASE)
MAX_SUB_HEADER_ROW = 3
PRINTED_RATIO = re.compile(r"^\s*\d[\d.,]*\s*/\s*\d[\d.,]*\s*$")
FORMULA_HEADER = re.compile(r"formula|rumus|perhitungan", re.IGNORECASE)


@dataclass
class Instance:
    """One indicator as it stands in a table: its name, sasaran, satuan and the row it started on."""
    name: str
    sasaran: Optional[str]
    satuan: Optional[str]
    row_text: str = ""
    printed_units: list[str] = field(default_factory=list)


@dataclass
class Listed:
    """The indicators one name cell holds: its items ('1. A 2. B', '• A • B') and the cell as a whole,
    used when the value cell beside it does not hold one value per item."""
    items: list[Instance]
    whole: Instance


@dataclass
class Pending:
    """A value cell waiting to be read together with the rest of its column."""
    instance: Instance
    col: Column
    measure: str
    year: Optional[int]
    period: str
    raw: str
    row: int
    cell: Cell
    header: Optional[str] = None  # the reading context when it is not the column's own header


PRINTED_RP = re.compile(r"(?i)\b(?:rp|rupiah|idr)\b")
ITEM_NAME_ROLES = ("sub_kegiatan", "kegiatan", "program_kegiatan", "program")  # leaf-most first


def is_performance_table(cols: list[Column]) -> bool:
    cols = items_as_indicators(cols)
    return any(c.role == "indikator" for c in cols) and any(
        c.role == "measure" and c.domain == "kinerja" for c in cols)


def items_as_indicators(cols: list[Column]) -> list[Column]:
    """A table of programs and kegiatan with a 'Target Kinerja' but no indicator column (a DPA or
    RKA summary: 'Uraian | Target Kinerja / Kuantitas | Satuan | Jumlah (Rp)'): each item's
    output target is stated under the item's own name, so the name column is the indicator's."""
    if any(c.role == "indikator" for c in cols) or not any(
            c.role == "measure" and c.domain == "kinerja" for c in cols):
        return cols
    for role in ITEM_NAME_ROLES:
        names = [c for c in cols if c.role == role]
        if names:
            return [replace(c, role="indikator") if c is names[-1] else c for c in cols]
    return cols


def read_performance(table: Table, cols: list[Column], ctx: TableContext) -> list[IndicatorValue]:
    pending = collect_values(table, items_as_indicators(cols), ctx)
    return [rec for rec in _read_pending(pending, table, ctx) if rec is not None]


def collect_values(table: Table, cols: list[Column], ctx: TableContext) -> list[Pending]:
    grid = body_grid(table, len(cols))
    twins = twin_runs(cols, "indikator")
    cols, sub_header = _triwulan_sub_header(grid, cols)
    groups = [c.index for c in cols if c.role == "indikator"
              and any(m.role == "measure" and m.domain == "kinerja" and indicator_for(cols, m.index) == c.index
                      for m in cols)]
    measures = {g: [m for m in cols if m.role == "measure" and m.domain == "kinerja"
                    and indicator_for(cols, m.index) == g] for g in groups}
    graded = {g: _grade_columns(cols, g, measures[g]) for g in groups}
    tw_col = next((c.index for c in cols if c.role == "triwulan"), None)
    renstra_end = _table_renstra_end(cols, ctx)
    target_year = _sole_target_year(cols)
    current: dict[int, Listed] = {}
    sasaran: dict[int, str] = {}  # sasaran column -> the sasaran in force
    out: list[Pending] = []
    for r, row in enumerate(grid):
        if r in sub_header or is_numbering_row(row) or is_separator_row(row) or is_repeated_header(row, cols):
            continue
        tw_row = None
        if has_tw_label(row) and (tw_col is None or not tw_period(text_at(row, tw_col))):
            lead = _before_tw_labels(row)
            if not any(text_at(lead, g) for g in groups):
                out.extend(_tw_pairs(row, r, groups, measures, current, ctx))
                continue
            tw_row, row = row, lead  # the group's first row holds its names and its first triwulan
        row = twins_joined(realign(row, cols), twins)
        period = tw_period(text_at(row, tw_col, origin_only=False)) if tw_col is not None else None
        valueless = not any(value_slot(row, m.index, cols) for ms in measures.values() for m in ms)
        for c in cols:
            text = text_at(row, c.index, origin_only=False)
            if c.role == "sasaran" and text:
                if valueless and c.index in sasaran and row[c.index].origin and \
                        continues_name(text, sasaran[c.index]):
                    sasaran[c.index] = f"{sasaran[c.index]} {text}"
                else:
                    sasaran[c.index] = strip_enumerator(text)
        total = total_label(row) is not None
        for g in groups:
            if total and (not text_at(row, g) or TOTAL_LABEL.match(text_at(row, g))):
                current.pop(g, None)  # the indicator above does not run on into the totals
                continue  # (nor is 'TOTAL PER SASARAN' in the indicator column one)
            if valueless and current.get(g) and continues_name(text_at(row, g), current[g].items[-1].name):
                _continue_name(current[g], text_at(row, g))
                continue
            banner = _banner(row, g, cols)
            if banner or _new_item_without_indicator(row, g, cols):
                current.pop(g, None)  # a section, a kegiatan of its own: the indicator above is not its
                if banner:
                    continue
            _update_instances(row, g, cols, current, sasaran, _named_left(row, g, cols))
            listed = current.get(g)
            if not listed:
                continue
            out.extend(_labelled(row, r, g, cols, listed.items[0]))
            for col in measures[g]:
                col_period = col.period or (period if tw_col is not None and col.index > tw_col else None)
                year = col.year or (_plan_end(col, renstra_end, ctx) if col.renstra_end
                                    else col.year_from(_own_year(col, target_year, ctx), ctx.plan_start))
                out.extend(_cell_values(row, r, col, cols, listed, col.measure, year, col_period or "annual"))
            out.extend(_graded(row, r, graded[g], cols, listed.whole, target_year or ctx.year))
        if tw_row is not None:
            out.extend(_tw_pairs(tw_row, r, groups, measures, current, ctx))
    return _without_restated_ends(out)


def _without_restated_ends(pending: list[Pending]) -> list[Pending]:
    """A plan's end-of-period column after its yearly ones ('Kondisi Kinerja pada Akhir Periode
    Renstra', the Renstra matrix's last) restates the last year's target where the table prints
    that year's own column on its left: the year's column is its target, and an end value that
    differs counts the period ('8 keg.' a year, '27 keg.' at the end), no second target of that
    year. (A Renja evaluation's 'Target Renstra' column before the year's is a measure of its own.)"""
    own: dict[tuple, int] = {}
    for p in pending:
        if not p.col.renstra_end:
            key = (id(p.instance), p.measure, p.year, p.period)
            own[key] = min(own.get(key, p.col.index), p.col.index)
    return [p for p in pending
            if not (p.col.renstra_end and own.get((id(p.instance), p.measure, p.year, p.period),
                                                  p.col.index) < p.col.index)]


def _grade_columns(cols: list[Column], g: int, measures: list[Column]) -> list[Column]:
    """The grade columns ('Kategori Penilaian') of an indicator group that prints no capaian column:
    such a column can carry the capaian before the grade ('63,36 % (Sedang)')."""
    if any(m.measure == "capaian" for m in measures):
        return []
    return [c for c in cols if c.role == "kriteria" and indicator_for(cols, c.index) == g]


def _graded(row: Row, r: int, grade_cols: list[Column], cols: list[Column], instance: Instance,
            year: Optional[int]) -> list[Pending]:
    out = []
    for col in grade_cols:
        slot = value_slot(row, col.index, cols)
        piece = graded_percent(slot.text) if slot is not None else None
        if piece:
            out.append(Pending(instance, col, "capaian", col.year or year, col.period or "annual", piece, r,
                               slot.cell))
    return out


def _before_tw_labels(row: Row) -> Row:
    """The row up to its first triwulan label: names and annual values, without the label-value pairs
    a monev table prints beside them."""
    first = next(c for c, s in enumerate(row) if s is not None and s.origin and s.first_col and tw_period(s.text))
    return row[:first] + [None] * (len(row) - first)


def _continue_name(listed: Listed, text: str) -> None:
    """A name broken over two rows (PDF text): the second row's words complete the name above."""
    listed.items[-1].name = f"{listed.items[-1].name} {text}"
    if listed.whole is not listed.items[-1]:
        listed.whole.name = f"{listed.whole.name} {text}"


def _triwulan_sub_header(grid: list[Row], cols: list[Column]) -> tuple[list[Column], set[int]]:
    """A row of triwulan labels over measure columns ('Trw I | Trw II | ...') that the parser left in
    the body is the last header row: it gives those columns their period."""
    cols = list(cols)
    rows: set[int] = set()
    for r, row in enumerate(grid[:MAX_SUB_HEADER_ROW]):
        labels = {c: tw_period(s.text) for c, s in enumerate(row) if s is not None and s.origin and s.first_col
                  and s.text}
        if len(labels) < 2 or not all(labels.values()):
            continue
        if not all(c < len(cols) and cols[c].role == "measure" for c in labels):
            continue
        for c, period in labels.items():
            cols[c] = replace(cols[c], period=period, period_in_leaf=True)
        rows.add(r)
    return cols, rows


def _own_year(col: Column, target_year: Optional[int], ctx: TableContext) -> Optional[int]:
    return (target_year if col.measure in ("realisasi", "capaian") else None) or ctx.year


def _sole_target_year(cols: list[Column]) -> Optional[int]:
    """'Target 2016 | Realisasi | Capaian': the realisasi and capaian beside a table's only dated
    column, a target, are that year's, whatever year the caption names."""
    dated = [c for c in cols if c.role == "measure" and c.domain == "kinerja" and c.year]
    years = {c.year for c in dated}
    if len(years) == 1 and all(c.measure == "target" and not c.renstra_end for c in dated):
        return years.pop()
    return None


def _plan_end(col: Column, table_end: Optional[int], ctx: TableContext) -> Optional[int]:
    """A plan-end column's year: the table's plan end; else, for a column saying 'akhir' outright
    ('Target Akhir Renstra', not a bare 'Target Renstra', which may be this year's), the last
    year of the one Renstra period the report's text states over its year."""
    return table_end or (ctx.stated_plan_end if col.says_end else None)


def _table_renstra_end(cols: list[Column], ctx: TableContext) -> Optional[int]:
    years = [c.year for c in cols if c.role == "measure" and c.measure == "target" and c.year and not c.renstra_end]
    return max(years) if len(years) >= 3 else ctx.renstra_end


def _new_item_without_indicator(row: Row, g: int, cols: list[Column]) -> bool:
    """The row opens a program or kegiatan of its own (its code, list number or level word:
    '1.4 Pelaksanaan Koordinasi ...', or a number in the No column) and leaves its indicator
    cell blank, not spanned from the row above; a wrapped name's next line opens nothing."""
    if g < len(row) and row[g] is not None and row[g].text:
        return False
    name_col = name_column_for(cols, g, BUDGET_NAME_ROLES)
    name = text_at(row, name_col) if name_col is not None else ""
    if not name:
        return False
    numbered = any(c.role == "no" and text_at(row, c.index) for c in cols)
    return numbered or bool(OPENS_ITEM.match(name)) or any(rx.match(name) for rx, _ in LEVEL_PREFIX)


# a program or kegiatan name that opens its row with a code or list number (or its level word,
# budget.LEVEL_PREFIX)
OPENS_ITEM = re.compile(r"^\s*(?:\d{1,2}(?:\s*\.\s*\d{1,4})*\.?\s|[a-z][.)]\s)", re.IGNORECASE)


def _banner(row: Row, g: int, cols: list[Column]) -> bool:
    """The indicator column holds a cell spread over it from the left and on over the value
    columns: a section's banner ('URUSAN PEMERINTAHAN BIDANG ...' across a Renstra matrix), no
    indicator and no unit."""
    slot = row[g] if g < len(row) else None
    if slot is None or slot.first_col or not slot.text or without_labelled(slot.text) != slot.text:
        return False  # ('Baseline 2022 : 2.76' across the row is the indicator above's)
    end = slot.cell.col + slot.cell.col_span
    return any(c.role == "measure" and g < c.index < end for c in cols)


def _named_left(row: Row, g: int, cols: list[Column]) -> Optional[int]:
    """A row that names its indicator only in an indicator column left of the group's (a
    Renstra matrix's 'Indikator Sasaran' beside an empty 'Indikator Program'): that column,
    when the group's own is empty, not carried down from a row above."""
    slot = row[g] if g < len(row) else None
    if slot is not None and (slot.text or not slot.origin):
        return None
    left = [c.index for c in cols if c.role == "indikator" and c.index < g
            and c.index < len(row) and row[c.index] is not None and row[c.index].origin
            and row[c.index].first_col and row[c.index].text]
    return left[-1] if left else None


def _update_instances(row: Row, g: int, cols: list[Column], current: dict[int, Listed],
                      sasaran_in_force: dict[int, str], source: Optional[int] = None) -> None:
    """The indicator(s) a row names in column g (or in `source`, an indicator column left of it
    standing in for g's empty cell) become the group's current ones."""
    text = text_at(row, g if source is None else source)
    if not text or NOT_A_NAME.match(text):
        return
    text = name_before_formula_label(without_labelled(text))
    if FORMULA_HEADER.search(cols[g].path):
        text = name_without_formula(text)
    names = numbered_items(text) or [strip_enumerator(text)]
    names = [n for n in names if n]
    if not names:
        return
    sas_col = name_column_for(cols, g, {"sasaran"})
    sasaran = sasaran_in_force.get(sas_col) if sas_col is not None else None
    satuan_col = next((c.index for c in cols if c.role == "satuan" and indicator_for(cols, c.index) == g), None)
    satuan = text_at(row, satuan_col, origin_only=False) if satuan_col is not None \
        and not _banner(row, satuan_col, cols) else None
    row_text = " ".join(s.text for s in row if s is not None and s.origin and s.first_col)
    items = [Instance(name=n, sasaran=sasaran, satuan=satuan or None, row_text=row_text) for n in names]
    whole = items[0] if len(items) == 1 else Instance(name=strip_enumerator(text), sasaran=sasaran,
                                                      satuan=satuan or None, row_text=row_text)
    current[g] = Listed(items=items, whole=whole)


def _cell_values(row: Row, r: int, col: Column, cols: list[Column], listed: Listed, measure: str,
                 year: Optional[int], period: str) -> list[Pending]:
    slot = value_slot(row, col.index, cols)
    if slot is None:
        return []
    text = without_labelled(slot.text)
    if not text:
        return []
    if len(listed.items) > 1:
        pieces = split_values(text, len(listed.items))
        if pieces:
            return [Pending(inst, col, measure, year, period, piece, r, slot.cell)
                    for inst, piece in zip(listed.items, pieces)]
    piece = value_piece(text)
    if not piece:
        return []
    return [Pending(listed.whole, col, measure, year, period, piece, r, slot.cell)]


def _labelled(row: Row, r: int, g: int, cols: list[Column], instance: Instance) -> list[Pending]:
    """Baselines written inside any cell of the indicator's row."""
    out = []
    base_col = next((c for c in cols if c.role == "measure" and c.measure == "baseline"), None)
    for c, slot in enumerate(row):
        if slot is None or not slot.origin or not slot.first_col or c >= len(cols):
            continue
        if indicator_for(cols, c) not in (g, None):
            continue
        for measure, year, raw in labelled_values(slot.text):
            col = base_col or cols[c]
            out.append(Pending(instance, col, measure, year, "annual", raw, r, slot.cell, header="Baseline"))
    return out


def _tw_pairs(row: Row, r: int, groups: list[int], measures: dict[int, list[Column]],
              current: dict[int, Listed], ctx: TableContext) -> list[Pending]:
    """'TW 1 | 0,5 | TW 1 | 10': the k-th label-value pair belongs to the k-th indicator group."""
    slots = [s for s in row if s is not None and s.origin and s.first_col and s.text]
    pairs = []
    for i, slot in enumerate(slots[:-1]):
        period = tw_period(slot.text)
        if period and not tw_period(slots[i + 1].text):
            pairs.append((period, slots[i + 1]))
    out = []
    for (period, slot), g in zip(pairs, groups):
        if not current.get(g) or not measures[g]:
            continue
        col = measures[g][0]
        piece = value_piece(slot.text)
        if piece:
            out.append(Pending(current[g].whole, col, col.measure, ctx.year, period, piece, r, slot.cell))
    return out


def _read_pending(pending: list[Pending], table: Table, ctx: TableContext) -> list[Optional[IndicatorValue]]:
    by_col: dict[tuple[int, str], list[Pending]] = {}
    for p in pending:
        by_col.setdefault((p.col.index, p.header or p.col.path), []).append(p)
    values: dict[int, Value] = {}
    for (_, path), items in by_col.items():
        for p, value in zip(items, read_column([p.raw for p in items], header=path or None,
                                               doc_style=ctx.doc_style)):
            values[id(p)] = _as_a_share(p, _counted(p, value)) if value.kind in READABLE \
                else _graded_by_name(p, value)
    _resolve_trios(pending, values)
    for p in pending:
        v = values[id(p)]
        if v.kind in READABLE and p.measure != "capaian" and v.unit and v.unit != "rp":
            p.instance.printed_units.append(v.unit)
    return [_record(p, values[id(p)], table, ctx) for p in pending]


def _counted(p: Pending, value: Value) -> Value:
    """A figure no evidence of its column decides ('2.156' among '57', '18', '100') under a
    satuan of whole things ('Orang', 'Dokumen'): a count, so the dot groups thousands."""
    if not value.ambiguous or not is_count_unit(p.instance.satuan):
        return value
    return _reread(p.raw, ValueContext(unit=p.instance.satuan), value)


_SHARE_WORDS = "persentase|prosentase|presentase"
_SHARE_NAME = re.compile(rf"(?i)^\W*({_SHARE_WORDS})\b")


def _as_a_share(p: Pending, value: Value) -> Value:
    """A figure no evidence of its column decides ('9,983' alone on its page) for an indicator
    that is a share ('Persentase capaian indikator nasional mutu', or '%' its satuan): a
    percentage, so the reading above 1000 goes ('9983 %' is none)."""
    satuan = (p.instance.satuan or "").strip().lower()
    if not value.ambiguous or p.measure == "capaian" or not (
            _SHARE_NAME.match(p.instance.name) or satuan in ("%", "persen")):
        return value
    return _reread(p.raw, ValueContext(expected="percent"), value)


def _reread(raw: str, ctx: ValueContext, value: Value) -> Value:
    """`raw` read again with a hint; `value` where the hint settles nothing."""
    again = read_value(raw, ctx)
    return again if not again.ambiguous and again.value is not None else value


# an indicator counted or measured in percent is no grade's: 'a' under 'Persentase ... SAKIP' is a label
_NOT_GRADED = re.compile(rf"(?i)^\W*({_SHARE_WORDS}|jumlah|rasio|angka|rata|banyaknya|tingkat)\b")


def _graded_by_name(p: Pending, value: Value) -> Value:
    """A lone grade in capitals ('B') under an indicator whose name names its scale ('Nilai
    SAKIP', 'Opini BPK'): a level of that scale. Without the name a lone letter is as often a
    list label, and stays unread."""
    raw = p.raw.strip()
    if not raw.isupper() or not raw.isalpha() or _NOT_GRADED.match(p.instance.name):
        return value
    # a name may point at two scales ('akuntabilitas kinerja BPK ...'): the one the grade lies on
    graded = [g for scale in scales_from_cue(p.instance.name)
              if (g := read_value(raw, ValueContext(scale=scale))).kind == "qualitative" and g.scale == scale]
    return graded[0] if len(graded) == 1 else value


def _printed_figure(value: Value) -> bool:
    """A ratio the reader keeps as printed text ('367/2.6': no number claimed) is still the cell's value;
    remarks in a value column ('Penilaian dilakukan ...') and unsplit pairs ('2 km 91 km') are not."""
    return value.kind == "text" and bool(PRINTED_RATIO.match(value.raw))


def _resolve_trios(pending: list[Pending], values: dict[int, Value]) -> None:
    """Target, realisasi and capaian of one indicator in one row that agree under only one reading
    decide each other's ambiguous readings (capaian = realisasi / target x 100)."""
    trios: dict[tuple, dict[str, Pending]] = {}
    for p in pending:
        key = (id(p.instance), p.row, p.year, p.period)
        trios.setdefault(key, {}).setdefault(p.measure, p)
    for trio in trios.values():
        if not all(m in trio for m in ("target", "realisasi", "capaian")):
            continue
        items = [trio["target"], trio["realisasi"], trio["capaian"]]
        if not any(values[id(p)].ambiguous for p in items):
            continue
        for p, v in zip(items, resolve_by_relation(*(values[id(p)] for p in items))):
            values[id(p)] = v


def _record(p: Pending, value: Value, table: Table, ctx: TableContext) -> Optional[IndicatorValue]:
    if value.kind not in READABLE and not value.ambiguous and not _printed_figure(value):
        return None
    value = value.model_copy(update={"provenance": ctx.provenance(table, p.row, p.col.index, p.cell)})
    return IndicatorValue(
        indicator=p.instance.name, sasaran=p.instance.sasaran, unit=_unit(p, value, ctx), year=p.year,
        period=p.period, measure=p.measure, value=value, source="table", column_path=p.col.path or None,
        part=ctx.part,
    )


def _unit(p: Pending, value: Value, ctx: TableContext) -> Optional[str]:
    """'%' printed with the value > satuan column > unit printed with the value > unit printed with the
    indicator's other values > the unit the document gives the same indicator elsewhere > '(%)' or
    'x 100%' printed in the row."""
    if p.measure == "capaian" or value.unit == "%":
        return "%"  # a value printed with '%' is a percentage whatever the satuan says
    if p.instance.satuan and canonical_unit(p.instance.satuan):
        return canonical_unit(p.instance.satuan)
    if value.unit and (value.unit != "rp" or PRINTED_RP.search(value.raw)):
        # 'Rp. 555.760.000,-' printed in a kinerja column: an indicator stated in rupiah (a
        # header's '(Rp)' over a K and Rp pair says nothing of the K)
        return value.unit
    if p.instance.printed_units:
        return p.instance.printed_units[0]
    if not ctx.fallback_units:
        return None
    found = ctx.unit_for(p.instance.name)
    if found:
        return found
    if PERCENT_IN_NAME.search(p.instance.name) or PERCENT_FORMULA.search(p.instance.row_text):
        return "%"
    return None
