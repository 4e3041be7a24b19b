"""Performance and budget tables -> indicator and budget records.

Each data table's columns get their roles from the header vocabulary (columns.py); a table with
an indicator column and performance measures is read by performance.py, one with money measures
by budget.py (a table can be both: "Kinerja / Target ... Anggaran / Realisasi (Rp)"). The year a
value belongs to comes from its column header, else the table's own year (caption, document year,
the heading just above). Units a table leaves out are taken from the same indicator elsewhere in
the document, so records are read twice: once to learn the units the document states, once to
apply them. The first reading also settles what a bare 'Capaian' column holds where its header
leaves it open: realised values, unless its figures are the achievements other tables print.
"""

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from kinerja.normalize import document_style
from kinerja.normalize.names import name_key
from kinerja.schema import AnyDocument, BudgetValue, Heading, IndicatorValue, Meta, Paragraph, Part, Table

from .blocktext import blocks_in
from .budget import is_budget_table, is_year_rows_table, read_budget, read_year_rows
from .caption_money import money_from_caption
from .cell_parts import plain
from .column_roles import Column, column_roles, plan_year_targets
from .dates import without_citations
from .kinerja_rupiah import split_pairs, split_with_origin
from .table_context import TableContext
from .performance import is_performance_table, read_performance

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
PERIOD = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:[-–/]|s\.?/?d\.?|sampai|hingga|dan|\s)\s*(?:19|20)\d\d(?!\d)",
                    re.IGNORECASE)
LOOKBACK_BLOCKS = 3
NEARBY_TEXT_CHARS = 300
NEARBY_LINE_CHARS = 160
TITLE_BLOCKS = 40
MIN_ACHIEVED_MATCHES = 3
CAPTION_RUN_BLOCKS = 4
# only a numeral with a separator ("1.234", "0,93") can show which number style a document prints
STYLE_NUMERAL = re.compile(r"\d[.,]\d")
# 'Rencana Strategis (Renstra) Tahun 2013 - 2018': the plan period a report states in its text
RENSTRA_PERIOD = re.compile(r"(?i)\b(?:renstra|rencana\s+strategis)\b[^.\n]{0,40}?"
                            r"((?:19|20)\d\d)\s*(?:[-–]|s\.?/?d\.?|sampai)\s*((?:19|20)\d\d)(?!\d)")
# the file's type, not a part's: a heading that names a plan inside a report opens a part of its own
PLAN_TYPES = ("Renstra",)  # plans over several years
TARGET_PLANS = ("Renstra", "Renja")  # plans whose year columns are targets
TITLE_YEAR = re.compile(r"\btahun\s+(?:anggaran\s+)?(19[5-9]\d|20\d\d)\b(?!\s*[-–/]\s*\d)", re.IGNORECASE)


def read_tables(doc: AnyDocument, parts: list[Part], meta: Meta) -> tuple[list[IndicatorValue], list[BudgetValue]]:
    # Tables are kept as block indices, fetched again by each pass that reads them: a paged
    # Document decodes a page per access, so holding every Table would hold the whole document.
    roles, contexts = _scan(doc, parts, meta)
    units, achieved = _stated_units(doc, roles, contexts)
    indicators: list[IndicatorValue] = []
    budgets: list[BudgetValue] = []
    for i, cols in roles.items():
        ctx = contexts[i]
        table, ctx.printed_cols = split_with_origin(doc.blocks[i])
        ctx.units = units
        if is_performance_table(cols):
            records = read_performance(table, cols, ctx)
            indicators.extend(_as_capaian(records, cols) if i in achieved else records)
        if is_budget_table(cols):
            budgets.extend(read_budget(table, cols, ctx))
        elif is_year_rows_table(table, cols):
            budgets.extend(read_year_rows(table, cols, ctx))
    return indicators, budgets


def _scan(doc: AnyDocument, parts: list[Part],
          meta: Meta) -> tuple[dict[int, list[Column]], dict[int, TableContext]]:
    """Column roles and context of each data table, keyed by block index, in one pass over the
    blocks. What needs every table (the number style, the plan's end) is filled in after it."""
    if meta.year is None:
        meta = meta.model_copy(update={"year": _title_year(doc)})
    roles: dict[int, list[Column]] = {}
    contexts: dict[int, TableContext] = {}
    numerals: list[str] = []  # body cells that can show the number style
    plans: set[tuple[int, int]] = set()  # Renstra periods stated in the text
    previous: Optional[tuple[int, list[str]]] = None  # block index and header of the last data table
    last_content: Optional[int] = None  # index of the last block that is not noise
    for i, block in enumerate(doc.blocks):
        if _is_data_table(block):
            block = split_pairs(block)
            caption = block.caption or _nearby_text(doc, i) or ""
            roles[i] = money_from_caption(column_roles(block), block, caption)
            if meta.doc_type in TARGET_PLANS:
                roles[i] = plan_year_targets(roles[i], meta.year)
            if previous is not None and _continues(block, previous, last_content):
                year = contexts[previous[0]].year
            else:
                year = _table_year(doc, i, caption, meta, meta.doc_type in PLAN_TYPES)
            contexts[i] = TableContext(file=block.provenance.file or doc.source.path, year=year,
                                       renstra_end=period_end(caption), part=part_of(parts, i),
                                       plan_start=period_start(caption) or meta.year)
            numerals.extend(c.text for row in block.body for c in row if STYLE_NUMERAL.search(c.text))
            previous = (i, block.column_paths)
        elif isinstance(block, (Heading, Paragraph)):
            plans.update((int(a), int(b)) for a, b in RENSTRA_PERIOD.findall(block.text))
        if not _is_noise(block):
            last_content = i
    style, renstra_end = document_style(numerals), _renstra_end(roles)
    stated_end = _stated_plan_end(plans, meta.year)
    for ctx in contexts.values():
        ctx.doc_style = style
        ctx.renstra_end = ctx.renstra_end or renstra_end
        ctx.stated_plan_end = stated_end
    return roles, contexts


def _is_data_table(block) -> bool:
    return isinstance(block, Table) and block.kind in ("data", "unknown")


def _continues(table: Table, previous: tuple[int, list[str]], last_content: Optional[int]) -> bool:
    """A table right after another (`previous`: its block index and header) with the same header
    and no caption of its own continues it."""
    index, header = previous
    return not table.caption and last_content == index and header == table.column_paths


def _is_noise(block) -> bool:
    return block.type == "page_break" or (block.type == "paragraph" and not block.text.strip())


def _table_year(doc: AnyDocument, block_index: int, caption: str, meta: Meta,
                plan: bool = False) -> Optional[int]:
    """The caption's year; none when the caption names a period, or in a plan over years (a
    Renstra's bare 'Target' is the plan's, not its first year's); else the document's year; else
    the year of the heading or short paragraph just above the table."""
    caption = without_citations(caption)  # (its own, else the lines just above it)
    if not plan:  # '... tujuan Renstra 2013-2018' in the prose above: the plan's span, not the table's
        caption = PLAN_SPAN.sub(" ", caption)
    single = caption_year(caption)
    if single is not None or YEAR.search(caption) or plan:
        return single
    if meta.year is not None:
        return meta.year
    for block in reversed(doc.blocks[max(0, block_index - LOOKBACK_BLOCKS):block_index]):
        years = sorted(set(int(y) for y in YEAR.findall(block.text or "")))
        if len(years) == 1:
            return years[0]
    return None


# a plan named with its span ('Renstra 2013-2018', 'RPJMD Tahun 2019 - 2023'): outside a plan, it
# dates the plan a report measures against, not the report's table
PLAN_SPAN = re.compile(r"(?i)\b(?:renstra|rpjmd|rpjmn|rpjpd|rencana\s+strategis)\b(?:\s+[\w./-]+){0,4}?\s+"
                       r"(?:tahun\s+)?(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d\b")
# 'Tahun 2020 dan Prakiraan Maju Tahun 2021' (the Renja program table of Permendagri 86/2017): the
# forward estimate's year is its own column's (year_offsets), not a second year of the table
FORWARD_YEAR = re.compile(r"(?i)\bprakiraan\s+maju\s+(?:tahun\s+)?(?:19|20)\d\d\b")


def caption_year(text: str) -> Optional[int]:
    """The one year a caption ties its table to: 'Capaian Kinerja Tahun 2024' -> 2024;
    'Capaian IKU Tahun 2021 (RPJMD 2016-2021)' -> 2021; a period alone ('Tahun Anggaran 2016 2021',
    'Tahun 2023 dan 2024') -> None; 'Tahun 2020 dan Prakiraan Maju Tahun 2021' -> 2020."""
    outside = without_citations(FORWARD_YEAR.sub(" ", PERIOD.sub(" ", text)))
    years = sorted(set(int(y) for y in YEAR.findall(outside)))
    return years[0] if len(years) == 1 else None


def period_end(text: str) -> Optional[int]:
    """The last year of a plan period a caption names ('Pendanaan Indikatif 2019-2023' -> 2023)."""
    ends = [int(m.group(0)[-4:]) for m in PERIOD.finditer(text)]
    return max(ends) if ends else None


def period_start(text: str) -> Optional[int]:
    """The first year of a plan period a caption names ('Renstra 2017-2021' -> 2017)."""
    starts = [int(m.group(0)[:4]) for m in PERIOD.finditer(text)]
    return min(starts) if starts else None


def _title_year(doc: AnyDocument) -> Optional[int]:
    """Stand-in for the document year when metadata has none: the first 'TAHUN 2023' of a heading."""
    for _, block in blocks_in(doc, 0, TITLE_BLOCKS - 1):
        if isinstance(block, Heading):
            m = TITLE_YEAR.search(block.text)
            if m:
                return int(m.group(1))
    return None


def _nearby_text(doc: AnyDocument, block_index: int) -> Optional[str]:
    """The headings and short lines directly above an uncaptioned table serve as its caption
    ("PENGUKURAN KINERJA TAHUN 2020 / DINAS ... / PROVINSI ..."): the run up to the previous table
    or running text. A page break does not end it: a caption is often left at the foot of the
    page before its table."""
    run: list[str] = []
    for block in reversed(doc.blocks[max(0, block_index - CAPTION_RUN_BLOCKS):block_index]):
        if block.type == "page_break":
            continue
        limit = NEARBY_TEXT_CHARS if isinstance(block, Heading) else NEARBY_LINE_CHARS
        if not isinstance(block, (Heading, Paragraph)) or not 0 < len(block.text) <= limit:
            break
        run.insert(0, plain(block.text))
    return " ".join(run) or None


def _renstra_end(roles: dict[int, list[Column]]) -> Optional[int]:
    """The plan's last year: stated in an 'akhir renstra (2026)' header, else the last target year
    of a table that lists yearly targets beside its 'target akhir renstra' column."""
    found: Counter = Counter()
    for cols in roles.values():
        if not any(c.renstra_end for c in cols):
            continue
        stated = [c.year for c in cols if c.renstra_end and c.year]
        yearly = [c.year for c in cols if c.role == "measure" and c.measure == "target" and c.year
                  and not c.renstra_end]
        if stated:
            found.update(stated)
        elif len(yearly) >= 3:
            found[max(yearly)] += 1
    return found.most_common(1)[0][0] if found else None


def _stated_plan_end(plans: set[tuple[int, int]], year: Optional[int]) -> Optional[int]:
    """The last year of the one Renstra period stated in the text that holds the document's year
    (a ministry's plan quoted beside the agency's own holds another span)."""
    ends = {end for start, end in plans if year is not None and start <= year <= end}
    return ends.pop() if len(ends) == 1 else None


def part_of(parts: list[Part], block_index: int) -> Optional[int]:
    """The innermost part (an LKjIP's lampiran inside the report) holding the block, or None."""
    inside = [p for p in parts if p.first_block <= block_index <= p.last_block]
    if not inside:
        return None
    return min(inside, key=lambda p: p.last_block - p.first_block).index


def _stated_units(doc: AnyDocument, roles: dict[int, list[Column]],
                  contexts: dict[int, TableContext]) -> tuple[dict[str, str], set[int]]:
    """Indicator name -> the unit the document states for it (satuan column or printed value), and
    the tables whose bare 'Capaian' columns print achievements (`_achieved_tables`). The records of
    this first reading are let go of table by table: only their figures are kept."""
    units: dict[str, str] = {}
    figures: dict[int, _Figures] = {}
    for i, cols in roles.items():
        if not is_performance_table(cols):
            continue
        ctx = contexts[i]
        ctx.fallback_units = False
        records = read_performance(split_pairs(doc.blocks[i]), cols, ctx)
        ctx.fallback_units = True
        for rec in records:  # as first read: a satuan column states the unit beside achievements too
            if rec.unit and rec.measure != "capaian":
                units.setdefault(name_key(rec.indicator), rec.unit)
        figures[i] = _figures(records, cols)
    return units, _achieved_tables(figures)


@dataclass
class _Figures:
    """(year, figure) pairs of one table's first reading: those of its bare 'Capaian' columns, and
    the capaian and realisasi it states outright."""

    bare: list[tuple]
    capaian: set[tuple]
    realisasi: set[tuple]


def _figures(records: list[IndicatorValue], cols: list[Column]) -> _Figures:
    bare = {id(r) for r in _bare_records(records, cols)}
    stated = [r for r in records if id(r) not in bare]
    return _Figures(bare=[(r.year, _figure(r)) for r in records if id(r) in bare],
                    capaian={(r.year, _figure(r)) for r in stated if r.measure == "capaian"},
                    realisasi={(r.year, _figure(r)) for r in stated if r.measure == "realisasi"})


def _achieved_tables(figures: dict[int, _Figures]) -> set[int]:
    """Tables whose bare 'Capaian Kinerja / 2016' columns print the achievement percentages, not the
    realised values: their figures are, year for year, the capaian the document's other tables give
    ('139 | 101,87' beside a satuan 'Puskesmas'), far more often than its realisasi. Evidence is what
    other tables say outright, not their own undecided bare columns."""
    capaian: Counter = Counter(f for t in figures.values() for f in t.capaian)
    realisasi: Counter = Counter(f for t in figures.values() for f in t.realisasi)
    out = set()
    for i, table in figures.items():
        if not table.bare:
            continue
        # figures stated by this table itself do not count as another table's evidence
        as_capaian = sum(capaian[f] > (f in table.capaian) for f in table.bare)
        as_realisasi = sum(realisasi[f] > (f in table.realisasi) for f in table.bare)
        if as_capaian >= MIN_ACHIEVED_MATCHES and as_capaian > 2 * as_realisasi:
            out.add(i)
    return out


def _bare_records(records: list[IndicatorValue], cols: list[Column]) -> list[IndicatorValue]:
    paths = {c.path for c in cols if c.bare}
    return [r for r in records if r.column_path in paths and r.measure == "realisasi"]


def _figure(rec: IndicatorValue):
    v = rec.value.value
    return round(v, 6) if isinstance(v, float) else v


def _as_capaian(records: list[IndicatorValue], cols: list[Column]) -> list[IndicatorValue]:
    bare = {id(r) for r in _bare_records(records, cols)}
    return [r.model_copy(update={"measure": "capaian", "unit": "%"}) if id(r) in bare else r for r in records]
